/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include "rh-member-list.h"
#include "rh-pinyin.h"
#include "rh-sql.h"

/* At most this many pages of rows stay in memory; the oldest is dropped. */
#define MAX_PAGES 16
/* At most this many one-character searches are kept (about 12 KB each at 100,000 members). */
#define MAX_FIRST_KEYS 64
/* Read ahead: the first keystroke of every pinyin or initials search. */
static const char READ_AHEAD_KEYS[] = "abcdefghijklmnopqrstuvwxyz";

struct _RhMemberList
{
  GObject      parent_instance;
  RhDatabase  *db;

  /* The query. */
  char        *match;       /* FTS5 query, NULL for no search */
  gboolean     no_match;    /* the user typed only what cannot match */
  gint64       org_id;
  int          status;
  gboolean     archived;
  RhMemberSort sort;
  gboolean     descending;

  /* The result: every matching id in order, and a cache of loaded pages. */
  GArray      *ids;
  GHashTable  *pages;       /* page number → GPtrArray of RhMember */
  GQueue       page_order;  /* page numbers, most recent first */

  /* The filtered roster in order without the search, kept while the filters and the data
   * stay the same: a search is then the full-text index's matches picked out of it. */
  GArray      *base;
  char        *base_key;

  /* What the full-text index matched for one-character searches, the first keystroke of
   * most searches and the one that matches most members, kept while the data stay the
   * same; with read_ahead, the letters a–z are read while the main loop is idle. */
  GHashTable  *first_keys;  /* FTS5 query → GArray of guint32, a bit per member id */
  char        *first_keys_data;
  gboolean     read_ahead;
  guint        read_ahead_id;
};

static void rh_member_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RhMemberList, rh_member_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rh_member_list_model_init))

static void
clear_pages (RhMemberList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

static void
rh_member_list_finalize (GObject *object)
{
  RhMemberList *self = RH_MEMBER_LIST (object);

  clear_pages (self);
  g_hash_table_destroy (self->pages);
  g_clear_handle_id (&self->read_ahead_id, g_source_remove);
  g_hash_table_destroy (self->first_keys);
  g_free (self->first_keys_data);
  g_array_unref (self->ids);
  g_clear_pointer (&self->base, g_array_unref);
  g_free (self->base_key);
  g_free (self->match);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rh_member_list_parent_class)->finalize (object);
}

static void
rh_member_list_class_init (RhMemberListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rh_member_list_finalize;
}

static void
rh_member_list_init (RhMemberList *self)
{
  self->status = -1;
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
  self->first_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_array_unref);
}

static GType
rh_member_list_get_item_type (GListModel *model)
{
  return RH_TYPE_MEMBER;
}

static guint
rh_member_list_get_n_items (GListModel *model)
{
  return RH_MEMBER_LIST (model)->ids->len;
}

/* Loads one page of rows by id with a single prepared statement. */
static GPtrArray *
load_page (RhMemberList *self, guint page)
{
  static char *sql = NULL;
  guint first = page * RH_MEMBER_LIST_PAGE_SIZE;
  guint n = MIN (RH_MEMBER_LIST_PAGE_SIZE, self->ids->len - first);
  GPtrArray *rows = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr (GHashTable) position = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;

  if (g_once_init_enter (&sql))
    {
      GString *s = g_string_new ("SELECT ");
      g_string_append (s, RH_MEMBER_COLUMNS);
      g_string_append (s, " FROM member m LEFT JOIN organisation b ON b.id = m.org_id"
                          " LEFT JOIN organisation g ON g.id = m.group_id WHERE m.id IN (");
      for (int i = 1; i <= RH_MEMBER_LIST_PAGE_SIZE; i++)
        g_string_append_printf (s, "%s?%d", i > 1 ? ", " : "", i);
      g_string_append (s, ")");
      g_once_init_leave (&sql, g_string_free (s, FALSE));
    }

  g_ptr_array_set_size (rows, n);
  stmt = rh_database_prepare (self->db, sql, NULL);
  if (stmt == NULL)
    return rows;
  for (guint i = 0; i < n; i++)
    {
      gint64 *id = &g_array_index (self->ids, gint64, first + i);
      sqlite3_bind_int64 (stmt, (int) i + 1, *id);
      g_hash_table_insert (position, id, GUINT_TO_POINTER (i + 1));
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (position, &id));
      if (at > 0)
        rows->pdata[at - 1] = rh_member_from_row (stmt);
    }
  sqlite3_reset (stmt);
  /* A row deleted since the query still needs an item: an empty member. */
  for (guint i = 0; i < n; i++)
    if (rows->pdata[i] == NULL)
      rows->pdata[i] = rh_member_new ();
  return rows;
}

static gpointer
rh_member_list_get_item (GListModel *model, guint position)
{
  RhMemberList *self = RH_MEMBER_LIST (model);
  guint page = position / RH_MEMBER_LIST_PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->ids->len)
    return NULL;
  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      rows = load_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
      g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
      if (g_queue_get_length (&self->page_order) > MAX_PAGES)
        g_hash_table_remove (self->pages, g_queue_pop_tail (&self->page_order));
    }
  return g_object_ref (rows->pdata[position % RH_MEMBER_LIST_PAGE_SIZE]);
}

static void
rh_member_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rh_member_list_get_item_type;
  iface->get_n_items = rh_member_list_get_n_items;
  iface->get_item = rh_member_list_get_item;
}

/* The kept roster is read again after any change: "changed" covers what the counters in
 * its key cannot see, such as a restore that replaced the whole file. */
static void
database_changed_cb (RhMemberList *self)
{
  g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->first_keys_data, g_free);
}

RhMemberList *
rh_member_list_new (RhDatabase *db)
{
  RhMemberList *self = g_object_new (RH_TYPE_MEMBER_LIST, NULL);
  self->db = g_object_ref (db);
  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

void
rh_member_list_set_search (RhMemberList *self, const char *query)
{
  g_free (self->match);
  self->match = rh_pinyin_match_query (query);
  /* "%" or "·" alone is a search that nothing matches, not no search. */
  self->no_match = FALSE;
  for (const char *p = query; self->match == NULL && p != NULL && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      self->no_match = TRUE;
}

void
rh_member_list_set_org (RhMemberList *self, gint64 org_id)
{
  self->org_id = org_id;
}

void
rh_member_list_set_status (RhMemberList *self, int status)
{
  self->status = status;
}

void
rh_member_list_set_archived (RhMemberList *self, gboolean archived)
{
  self->archived = archived;
}

void
rh_member_list_set_sort (RhMemberList *self, RhMemberSort sort, gboolean descending)
{
  self->sort = sort;
  self->descending = descending;
}

/* ORDER BY clauses: fixed text chosen by enum, never user data. The first
 * key takes the direction; pinyin then id break ties in a stable way. */
static const struct {
  const char *primary;
  const char *tie;
} sort_keys[RH_N_MEMBER_SORTS] = {
  [RH_MEMBER_SORT_NAME] = { "m.pinyin", "m.name" },
  [RH_MEMBER_SORT_GENDER] = { "m.gender", "m.pinyin" },
  [RH_MEMBER_SORT_STATUS] = { "CASE m.status WHEN 'applicant' THEN 0 WHEN 'activist' THEN 1"
                              " WHEN 'candidate' THEN 2 WHEN 'probationary' THEN 3 ELSE 4 END",
                              "m.pinyin" },
  [RH_MEMBER_SORT_BRANCH] = { "b.pinyin", "m.pinyin" },
  [RH_MEMBER_SORT_GROUP] = { "g.pinyin", "m.pinyin" },
  [RH_MEMBER_SORT_ADMITTED] = { "m.admitted_date", "m.pinyin" },
  [RH_MEMBER_SORT_POST] = { "m.post", "m.pinyin" },
};

static gboolean
org_is_group (RhMemberList *self)
{
  sqlite3_stmt *stmt = rh_database_prepare (self->db,
                                            "SELECT kind = 'group' FROM organisation WHERE id = ?1",
                                            NULL);
  gboolean group = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->org_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    group = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return group;
}

/* The query is assembled from fixed fragments chosen by the filters; every
 * value the user gave is bound as a parameter. A search is run_search. */
static char *
build_query (RhMemberList *self)
{
  GString *sql = g_string_new (NULL);
  const char *dir = self->descending ? " DESC" : "";
  gboolean in_group = self->org_id != 0 && org_is_group (self);

  if (self->org_id != 0 && !in_group)
    g_string_append (sql, "WITH RECURSIVE sub(id) AS (SELECT :org UNION ALL"
                          " SELECT o.id FROM organisation o JOIN sub ON o.parent_id = sub.id) ");
  g_string_append (sql, "SELECT m.id FROM member m");
  if (self->sort == RH_MEMBER_SORT_BRANCH)
    g_string_append (sql, " LEFT JOIN organisation b ON b.id = m.org_id");
  if (self->sort == RH_MEMBER_SORT_GROUP)
    g_string_append (sql, " LEFT JOIN organisation g ON g.id = m.group_id");
  g_string_append (sql, self->archived ? " WHERE m.archived_date IS NOT NULL"
                                       : " WHERE m.archived_date IS NULL");
  if (self->org_id != 0)
    g_string_append (sql, in_group ? " AND m.group_id = :org"
                                   : " AND m.org_id IN (SELECT id FROM sub)");
  if (self->status >= 0)
    g_string_append (sql, " AND m.status = :status");
  g_string_append_printf (sql, " ORDER BY %s%s, %s%s", sort_keys[self->sort].primary, dir,
                          sort_keys[self->sort].tie, dir);
  /* By name, the remaining keys are those of the member_sort index, so that the whole
   * roster is read in index order with no sort (EXPLAIN QUERY PLAN: no temp b-tree). */
  if (self->sort == RH_MEMBER_SORT_NAME)
    g_string_append_printf (sql, ", m.org_id%s, m.group_id%s, m.status%s, m.id%s", dir, dir, dir,
                            dir);
  else
    g_string_append (sql, ", m.id");
  return g_string_free (sql, FALSE);
}

static void
bind_named (sqlite3_stmt *stmt, const char *name, const char *text)
{
  int index = sqlite3_bind_parameter_index (stmt, name);
  if (index > 0)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Runs the query without the search into ids. */
static gboolean
run_query (RhMemberList *self, GArray *ids, GError **error)
{
  g_autofree char *sql = build_query (self);
  sqlite3_stmt *stmt = rh_database_prepare (self->db, sql, error);
  int index;

  if (stmt == NULL)
    return FALSE;
  if ((index = sqlite3_bind_parameter_index (stmt, ":org")) > 0)
    sqlite3_bind_int64 (stmt, index, self->org_id);
  if (self->status >= 0)
    bind_named (stmt, ":status", rh_status_to_string (self->status));
  g_array_set_size (ids, 0);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
data_key (RhMemberList *self)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                          rh_database_query_int (self->db, "SELECT total_changes ()"),
                          rh_database_query_int (self->db, "PRAGMA data_version"));
}

static gboolean
ensure_base (RhMemberList *self, GError **error)
{
  g_autofree char *data = data_key (self);
  g_autofree char *key = NULL;

  key = g_strdup_printf ("%" G_GINT64_FORMAT "|%d|%d|%d|%d|%s", self->org_id, self->status,
                         self->archived, self->sort, self->descending, data);
  if (self->base == NULL || g_strcmp0 (key, self->base_key) != 0)
    {
      g_clear_pointer (&self->base, g_array_unref);
      self->base = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (!run_query (self, self->base, error))
        {
          g_clear_pointer (&self->base, g_array_unref);
          return FALSE;
        }
      g_free (self->base_key);
      self->base_key = g_steal_pointer (&key);
    }
  return TRUE;
}

/* The ids the full-text index matches, as a bitmap (an indexed lookup, in id order). */
static GArray *
read_matches (RhMemberList *self, const char *match, GError **error)
{
  g_autoptr (GArray) bits = g_array_new (FALSE, TRUE, sizeof (guint32));
  sqlite3_stmt *stmt;

  stmt = rh_database_prepare (self->db, "SELECT rowid FROM member_fts WHERE member_fts MATCH ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint word = (guint) (id / 32);

      if (id < 0 || id >= (gint64) G_MAXUINT32)
        continue;
      if (word >= bits->len)
        g_array_set_size (bits, word + 1);
      g_array_index (bits, guint32, word) |= 1u << (id % 32);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&bits);
}

/* rh_pinyin_match_query makes one character c into "c"*. */
static gboolean
is_first_key (const char *match)
{
  return g_utf8_strlen (match, -1) == 4;
}

static gboolean read_ahead_cb (gpointer data);

/* Drops the kept one-character searches once the data changed, and reads ahead again. */
static void
check_first_keys (RhMemberList *self)
{
  g_autofree char *data = data_key (self);

  if (g_strcmp0 (data, self->first_keys_data) == 0)
    return;
  g_hash_table_remove_all (self->first_keys);
  g_free (self->first_keys_data);
  self->first_keys_data = g_steal_pointer (&data);
  if (self->read_ahead && self->read_ahead_id == 0)
    self->read_ahead_id = g_idle_add_full (G_PRIORITY_LOW, read_ahead_cb, self, NULL);
}

/* The matches of a search, from the kept ones when it is one character (the caller has
 * run check_first_keys). */
static GArray *
matches (RhMemberList *self, const char *match, GError **error)
{
  GArray *bits;

  if (!is_first_key (match))
    return read_matches (self, match, error);
  bits = g_hash_table_lookup (self->first_keys, match);
  if (bits != NULL)
    return g_array_ref (bits);
  if ((bits = read_matches (self, match, error)) == NULL)
    return NULL;
  if (g_hash_table_size (self->first_keys) >= MAX_FIRST_KEYS)
    g_hash_table_remove_all (self->first_keys);
  g_hash_table_insert (self->first_keys, g_strdup (match), g_array_ref (bits));
  return bits;
}

/* One letter a time, so that no frame waits for more than one search. */
static gboolean
read_ahead_cb (gpointer data)
{
  RhMemberList *self = data;

  check_first_keys (self);
  for (const char *c = READ_AHEAD_KEYS; *c; c++)
    {
      g_autofree char *match = g_strdup_printf ("\"%c\"*", *c);

      if (!g_hash_table_contains (self->first_keys, match))
        {
          g_autoptr (GArray) bits = matches (self, match, NULL);

          if (bits != NULL)
            return G_SOURCE_CONTINUE;
          break;
        }
    }
  self->read_ahead_id = 0;
  return G_SOURCE_REMOVE;
}

void
rh_member_list_read_ahead (RhMemberList *self)
{
  self->read_ahead = TRUE;
  g_clear_pointer (&self->first_keys_data, g_free);
  check_first_keys (self);
}

/* A search: the ids the full-text index matches (an indexed lookup, in id order), as a
 * bitmap, then the roster without the search (kept, see base) filtered by it, so that
 * nothing is joined or sorted per keystroke. */
static gboolean
run_search (RhMemberList *self, GError **error)
{
  g_autoptr (GArray) bits = NULL;

  if (!ensure_base (self, error))
    return FALSE;
  if ((bits = matches (self, self->match, error)) == NULL)
    return FALSE;

  g_array_set_size (self->ids, 0);
  for (guint i = 0; i < self->base->len; i++)
    {
      gint64 id = g_array_index (self->base, gint64, i);

      if (id >= 0 && (guint64) id / 32 < bits->len
          && (g_array_index (bits, guint32, id / 32) & (1u << (id % 32))) != 0)
        g_array_append_val (self->ids, id);
    }
  return TRUE;
}

gboolean
rh_member_list_refresh (RhMemberList *self, GError **error)
{
  guint old_n = self->ids->len;
  gboolean ok;

  clear_pages (self);
  check_first_keys (self);
  if (self->no_match)
    {
      g_array_set_size (self->ids, 0);
      ok = TRUE;
    }
  else if (self->match != NULL)
    ok = run_search (self, error);
  else if ((ok = ensure_base (self, error)))
    {
      /* No search: the kept roster itself (clearing a search reads nothing). */
      g_array_set_size (self->ids, 0);
      g_array_append_vals (self->ids, self->base->data, self->base->len);
    }
  if (!ok)
    g_array_set_size (self->ids, 0);
  /* Only the change in length is signalled: the rows at the positions that remain are
   * re-read by the view (rh_member_list_refresh's contract in the header). GTK 4.8's list
   * views destroy and rebuild every row widget (up to 200 rows of cells) for rows signalled
   * as removed and added, and when one signal does both they fetch every added item, which
   * at 100,000 members would load the whole table. */
  if (old_n > self->ids->len)
    g_list_model_items_changed (G_LIST_MODEL (self), self->ids->len, old_n - self->ids->len, 0);
  else if (self->ids->len > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->ids->len - old_n);
  return ok;
}

int
rh_member_list_find (RhMemberList *self, gint64 member_id)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == member_id)
      return (int) i;
  return -1;
}

guint
rh_member_list_cached_pages (RhMemberList *self)
{
  return g_hash_table_size (self->pages);
}
