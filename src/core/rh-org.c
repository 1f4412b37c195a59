/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-date.h"
#include "rh-org.h"
#include "rh-pinyin.h"
#include "rh-sql.h"
#include "rh-validate.h"

G_DEFINE_FINAL_TYPE (RhOrg, rh_org, G_TYPE_OBJECT)

static void
rh_org_finalize (GObject *object)
{
  RhOrg *self = RH_ORG (object);

  g_free (self->name);
  g_free (self->pinyin);
  g_free (self->initials);
  g_free (self->founded_date);
  g_free (self->business_unit);
  g_free (self->brand_name);
  g_free (self->brand_summary);
  g_free (self->honours);
  g_free (self->partners);
  g_free (self->note);
  g_free (self->archived_date);
  g_free (self->archive_reason);
  G_OBJECT_CLASS (rh_org_parent_class)->finalize (object);
}

static void
rh_org_class_init (RhOrgClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rh_org_finalize;
}

static void
rh_org_init (RhOrg *self)
{
  self->kind = RH_ORG_BRANCH;
  self->host_type = RH_HOST_GOVERNMENT;
}

RhOrg *
rh_org_new (RhOrgKind kind, const char *name)
{
  RhOrg *self = g_object_new (RH_TYPE_ORG, NULL);

  self->kind = kind;
  self->name = g_strdup (name);
  return self;
}

RhOrg *
rh_org_copy (RhOrg *org)
{
  RhOrg *copy = rh_org_new (org->kind, org->name);

  copy->id = org->id;
  copy->parent_id = org->parent_id;
  copy->pinyin = g_strdup (org->pinyin);
  copy->initials = g_strdup (org->initials);
  copy->host_type = org->host_type;
  copy->is_temporary = org->is_temporary;
  copy->founded_date = g_strdup (org->founded_date);
  copy->business_unit = g_strdup (org->business_unit);
  copy->brand_name = g_strdup (org->brand_name);
  copy->brand_summary = g_strdup (org->brand_summary);
  copy->honours = g_strdup (org->honours);
  copy->partners = g_strdup (org->partners);
  copy->note = g_strdup (org->note);
  copy->archived_date = g_strdup (org->archived_date);
  copy->archive_reason = g_strdup (org->archive_reason);
  copy->member_count = org->member_count;
  copy->child_count = org->child_count;
  return copy;
}

#define ORG_COLUMNS                                                                     \
  "o.id, o.parent_id, o.kind, o.name, o.pinyin, o.initials, o.host_type, o.is_temporary, " \
  "o.founded_date, o.business_unit, o.brand_name, o.brand_summary, o.honours, o.partners, " \
  "o.note, o.archived_date, o.archive_reason, "                                         \
  "(SELECT count(*) FROM organisation c WHERE c.parent_id = o.id AND c.archived_date IS NULL)"

static RhOrg *
org_from_row (sqlite3_stmt *stmt)
{
  RhOrg *org = g_object_new (RH_TYPE_ORG, NULL);
  int kind = rh_org_kind_from_string (rh_sql_text (stmt, 2));
  int host = rh_host_type_from_string (rh_sql_text (stmt, 6));

  org->id = sqlite3_column_int64 (stmt, 0);
  org->parent_id = sqlite3_column_int64 (stmt, 1);
  org->kind = kind >= 0 ? (RhOrgKind) kind : RH_ORG_BRANCH;
  org->name = rh_sql_dup (stmt, 3);
  org->pinyin = rh_sql_dup (stmt, 4);
  org->initials = rh_sql_dup (stmt, 5);
  org->host_type = host >= 0 ? (RhHostType) host : RH_HOST_GOVERNMENT;
  org->is_temporary = sqlite3_column_int (stmt, 7) != 0;
  org->founded_date = rh_sql_dup (stmt, 8);
  org->business_unit = rh_sql_dup (stmt, 9);
  org->brand_name = rh_sql_dup (stmt, 10);
  org->brand_summary = rh_sql_dup (stmt, 11);
  org->honours = rh_sql_dup (stmt, 12);
  org->partners = rh_sql_dup (stmt, 13);
  org->note = rh_sql_dup (stmt, 14);
  org->archived_date = rh_sql_dup (stmt, 15);
  org->archive_reason = rh_sql_dup (stmt, 16);
  org->child_count = sqlite3_column_int (stmt, 17);
  return org;
}

static gboolean
validate_fields (RhOrg *org, GError **error)
{
  if (org->name == NULL || *g_strstrip (org->name) == '\0')
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NAME, _("%s: required"),
                   rh_field_label (RH_FIELD_NAME));
      return FALSE;
    }
  if (org->kind >= RH_N_ORG_KINDS)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_KIND, _("%s: unknown kind"),
                   rh_field_label (RH_FIELD_KIND));
      return FALSE;
    }
  if (org->is_temporary && org->kind != RH_ORG_BRANCH)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_TEMPORARY,
                   _("%s: only a branch can be temporary"), rh_field_label (RH_FIELD_TEMPORARY));
      return FALSE;
    }
  return rh_validate_date (org->founded_date, RH_FIELD_FOUNDED_DATE, FALSE, NULL, error);
}

/* The parent must exist, be active, and be of a kind that can hold the child. */
static gboolean
validate_parent (RhDatabase *db, RhOrgKind kind, gint64 parent_id, GError **error)
{
  g_autoptr (RhOrg) parent = NULL;

  if (parent_id == 0)
    {
      if (kind == RH_ORG_GROUP)
        {
          g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_PARENT,
                       _("%s: a party group must belong to a branch"),
                       rh_field_label (RH_FIELD_PARENT));
          return FALSE;
        }
      return TRUE;
    }
  parent = rh_org_load (db, parent_id, NULL);
  if (parent == NULL || parent->archived_date != NULL)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_PARENT, _("%s: not found"),
                   rh_field_label (RH_FIELD_PARENT));
      return FALSE;
    }
  if (!rh_org_kind_can_contain (parent->kind, kind))
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_PARENT, _("%s: a %s cannot contain a %s"),
                   rh_field_label (RH_FIELD_PARENT), rh_org_kind_label (parent->kind),
                   rh_org_kind_label (kind));
      return FALSE;
    }
  return TRUE;
}

static void
bind_org_fields (sqlite3_stmt *stmt, RhOrg *org)
{
  rh_sql_bind_text (stmt, 1, org->name);
  rh_sql_bind_text (stmt, 2, org->pinyin);
  rh_sql_bind_text (stmt, 3, org->initials);
  rh_sql_bind_text (stmt, 4, rh_host_type_to_string (org->host_type));
  sqlite3_bind_int (stmt, 5, org->is_temporary ? 1 : 0);
  rh_sql_bind_text (stmt, 6, org->founded_date);
  rh_sql_bind_text (stmt, 7, org->business_unit);
  rh_sql_bind_text (stmt, 8, org->brand_name);
  rh_sql_bind_text (stmt, 9, org->brand_summary);
  rh_sql_bind_text (stmt, 10, org->honours);
  rh_sql_bind_text (stmt, 11, org->partners);
  rh_sql_bind_text (stmt, 12, org->note);
}

static void
compute_keys (RhOrg *org)
{
  g_free (org->pinyin);
  g_free (org->initials);
  rh_pinyin_keys (org->name, &org->pinyin, &org->initials);
}

gboolean
rh_org_insert (RhDatabase *db, RhOrg *org, GError **error)
{
  sqlite3_stmt *stmt;

  if (!validate_fields (org, error) || !validate_parent (db, org->kind, org->parent_id, error))
    return FALSE;
  compute_keys (org);
  stmt = rh_database_prepare (db,
                              "INSERT INTO organisation (name, pinyin, initials, host_type,"
                              " is_temporary, founded_date, business_unit, brand_name,"
                              " brand_summary, honours, partners, note, kind, parent_id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_org_fields (stmt, org);
  rh_sql_bind_text (stmt, 13, rh_org_kind_to_string (org->kind));
  rh_sql_bind_id (stmt, 14, org->parent_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  org->id = sqlite3_last_insert_rowid (rh_database_get_handle (db));
  return TRUE;
}

gboolean
rh_org_update (RhDatabase *db, RhOrg *org, GError **error)
{
  sqlite3_stmt *stmt;

  if (!validate_fields (org, error))
    return FALSE;
  compute_keys (org);
  stmt = rh_database_prepare (db,
                              "UPDATE organisation SET name = ?1, pinyin = ?2, initials = ?3,"
                              " host_type = ?4, is_temporary = ?5, founded_date = ?6,"
                              " business_unit = ?7, brand_name = ?8, brand_summary = ?9,"
                              " honours = ?10, partners = ?11, note = ?12 WHERE id = ?13",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_org_fields (stmt, org);
  sqlite3_bind_int64 (stmt, 13, org->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  return TRUE;
}

typedef struct {
  gint64 org_id;
  gint64 parent_id;
} MoveData;

static gboolean
move_in_transaction (RhDatabase *db, gpointer data, GError **error)
{
  MoveData *move = data;
  g_autoptr (RhOrg) org = rh_org_load (db, move->org_id, error);
  g_autoptr (GArray) subtree = NULL;
  sqlite3_stmt *stmt;

  if (org == NULL)
    return FALSE;
  if (!validate_parent (db, org->kind, move->parent_id, error))
    return FALSE;
  subtree = rh_org_subtree_ids (db, org->id, error);
  if (subtree == NULL)
    return FALSE;
  for (guint i = 0; i < subtree->len; i++)
    if (g_array_index (subtree, gint64, i) == move->parent_id)
      {
        g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_PARENT,
                     _("%s: an organisation cannot move under itself"),
                     rh_field_label (RH_FIELD_PARENT));
        return FALSE;
      }
  stmt = rh_database_prepare (db, "UPDATE organisation SET parent_id = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_id (stmt, 1, move->parent_id);
  sqlite3_bind_int64 (stmt, 2, org->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);

  /* The members of a party group move with it to its new branch. */
  if (org->kind == RH_ORG_GROUP)
    {
      stmt = rh_database_prepare (db, "UPDATE member SET org_id = ?1 WHERE group_id = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, move->parent_id);
      sqlite3_bind_int64 (stmt, 2, org->id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rh_database_set_error (db, error);
    }
  return TRUE;
}

gboolean
rh_org_move (RhDatabase *db, gint64 org_id, gint64 new_parent_id, GError **error)
{
  MoveData data = { org_id, new_parent_id };
  return rh_database_transaction (db, move_in_transaction, &data, error);
}

gboolean
rh_org_archive (RhDatabase *db, gint64 org_id, const char *date, const char *reason,
                GError **error)
{
  g_autoptr (RhOrg) org = rh_org_load (db, org_id, error);
  sqlite3_stmt *stmt;
  gint64 members = 0;

  if (org == NULL)
    return FALSE;
  if (!rh_validate_date (date, RH_FIELD_ARCHIVE_DATE, TRUE, NULL, error))
    return FALSE;
  if (org->child_count > 0)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE,
                   _("“%s” still has %d active organisations under it. Move or archive them first."),
                   org->name, org->child_count);
      return FALSE;
    }
  stmt = rh_database_prepare (db,
                              "SELECT count(*) FROM member WHERE (org_id = ?1 OR group_id = ?1)"
                              " AND archived_date IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, org_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    members = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (members > 0)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE,
                   _("“%s” still has %d active members. Move or transfer them out first."),
                   org->name, (int) members);
      return FALSE;
    }
  stmt = rh_database_prepare (db,
                              "UPDATE organisation SET archived_date = ?1, archive_reason = ?2"
                              " WHERE id = ?3",
                              error);
  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 1, date);
  rh_sql_bind_text (stmt, 2, reason);
  sqlite3_bind_int64 (stmt, 3, org_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  return TRUE;
}

RhOrg *
rh_org_load (RhDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT " ORG_COLUMNS
                                                " FROM organisation o WHERE o.id = ?1",
                                            error);
  RhOrg *org = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    org = org_from_row (stmt);
  else
    g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_FOUND,
                 _("Organisation %lld was not found"), (long long) id);
  sqlite3_reset (stmt);
  return org;
}

/* Active members under every organisation, counting whole subtrees: one
 * pass over an index counts members by branch and party group, and the
 * branch counts are added up the tree in memory. */
GHashTable *
rh_org_member_counts (RhDatabase *db)
{
  GHashTable *counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          g_free);
  sqlite3_stmt *stmt;

  stmt = rh_database_prepare (db, "SELECT id, parent_id FROM organisation"
                                  " WHERE archived_date IS NULL AND kind <> 'group'", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (parents, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                             sizeof (gint64)),
                         g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) }, sizeof (gint64)));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  /* One pass: members by branch and party group. */
  stmt = rh_database_prepare (db, "SELECT org_id, group_id, count(*) FROM member"
                                  " WHERE archived_date IS NULL GROUP BY org_id, group_id", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 group = sqlite3_column_int64 (stmt, 1);
      int n = sqlite3_column_int (stmt, 2);

      if (group != 0)
        g_hash_table_insert (counts, g_memdup2 (&group, sizeof group),
                             GINT_TO_POINTER (n + GPOINTER_TO_INT (g_hash_table_lookup (counts,
                                                                                        &group))));
      /* Add to the branch and each ancestor. */
      for (int guard = 0; id != 0 && guard < 16; guard++)
        {
          gint64 *parent = g_hash_table_lookup (parents, &id);
          int before = GPOINTER_TO_INT (g_hash_table_lookup (counts, &id));
          g_hash_table_insert (counts, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (before + n));
          id = parent != NULL ? *parent : 0;
        }
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return counts;
}

void
rh_org_fill_member_counts (GPtrArray *orgs, GHashTable *counts)
{
  for (guint i = 0; i < orgs->len; i++)
    {
      RhOrg *org = orgs->pdata[i];
      org->member_count = GPOINTER_TO_INT (g_hash_table_lookup (counts, &org->id));
    }
}

static GPtrArray *
collect (RhDatabase *db, sqlite3_stmt *stmt)
{
  GPtrArray *orgs = g_ptr_array_new_with_free_func (g_object_unref);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (orgs, org_from_row (stmt));
  sqlite3_reset (stmt);
  return orgs;
}

GPtrArray *
rh_org_list_children (RhDatabase *db, gint64 parent_id, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db,
                                            "SELECT " ORG_COLUMNS " FROM organisation o"
                                            " WHERE o.parent_id IS ?1 AND o.archived_date IS NULL"
                                            " ORDER BY CASE o.kind WHEN 'committee' THEN 0"
                                            " WHEN 'general_branch' THEN 1 WHEN 'branch' THEN 2"
                                            " ELSE 3 END, o.pinyin, o.id",
                                            error);
  GPtrArray *orgs;

  if (stmt == NULL)
    return NULL;
  rh_sql_bind_id (stmt, 1, parent_id);
  orgs = collect (db, stmt);
  return orgs;
}

GPtrArray *
rh_org_list_by_kind (RhDatabase *db, guint kind_mask, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db,
                                            "SELECT " ORG_COLUMNS " FROM organisation o"
                                            " WHERE o.archived_date IS NULL"
                                            " ORDER BY o.pinyin, o.id",
                                            error);
  GPtrArray *all;

  if (stmt == NULL)
    return NULL;
  all = collect (db, stmt);
  for (guint i = all->len; i > 0; i--)
    if (!(kind_mask & (1u << ((RhOrg *) all->pdata[i - 1])->kind)))
      g_ptr_array_remove_index (all, i - 1);
  return all;
}

GArray *
rh_org_subtree_ids (RhDatabase *db, gint64 org_id, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db,
                                            "WITH RECURSIVE sub(id) AS (SELECT ?1"
                                            " UNION ALL SELECT o.id FROM organisation o"
                                            " JOIN sub ON o.parent_id = sub.id"
                                            " WHERE o.archived_date IS NULL)"
                                            " SELECT id FROM sub",
                                            error);
  GArray *ids;

  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, org_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

char *
rh_org_path_label (RhDatabase *db, gint64 org_id)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (int guard = 0; org_id != 0 && guard < 16; guard++)
    {
      g_autoptr (RhOrg) org = rh_org_load (db, org_id, NULL);
      if (org == NULL)
        break;
      g_ptr_array_insert (names, 0, g_strdup (org->name));
      org_id = org->parent_id;
    }
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s%s", i ? " / " : "", (char *) names->pdata[i]);
  return g_string_free (out, FALSE);
}

char *
rh_org_root_name (RhDatabase *db)
{
  /* The first of rh_org_list_children (db, 0), without its child counts: the
   * committee's count reads every child's row (435 at 2,000 branches). */
  sqlite3_stmt *stmt = rh_database_prepare (db,
                                            "SELECT o.name FROM organisation o"
                                            " WHERE o.parent_id IS NULL AND o.archived_date IS NULL"
                                            " ORDER BY CASE o.kind WHEN 'committee' THEN 0"
                                            " WHEN 'general_branch' THEN 1 WHEN 'branch' THEN 2"
                                            " ELSE 3 END, o.pinyin, o.id LIMIT 1",
                                            NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (rh_sql_text (stmt, 0));
  sqlite3_reset (stmt);
  return name;
}

gint64
rh_org_count (RhDatabase *db)
{
  return rh_database_query_int (db, "SELECT count(*) FROM organisation");
}

/* Committee terms and roles. */

void
rh_term_free (RhTerm *term)
{
  if (term == NULL)
    return;
  g_free (term->start_date);
  g_free (term->due_date);
  g_free (term);
}

void
rh_role_free (RhRole *role)
{
  if (role == NULL)
    return;
  g_free (role->member_name);
  g_free (role);
}

RhTerm *
rh_term_current (RhDatabase *db, gint64 org_id, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db,
                                            "SELECT id, start_date, years FROM committee_term"
                                            " WHERE org_id = ?1 AND ended_date IS NULL"
                                            " ORDER BY start_date DESC, id DESC LIMIT 1",
                                            error);
  RhTerm *term = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, org_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      term = g_new0 (RhTerm, 1);
      term->id = sqlite3_column_int64 (stmt, 0);
      term->org_id = org_id;
      term->start_date = rh_sql_dup (stmt, 1);
      term->years = sqlite3_column_int (stmt, 2);
      term->due_date = rh_date_add_months (term->start_date, 12 * term->years);
    }
  sqlite3_reset (stmt);
  return term;
}

typedef struct {
  gint64      org_id;
  const char *start_date;
  int         years;
  GPtrArray  *roles;
} TermData;

static gboolean
start_term_in_transaction (RhDatabase *db, gpointer data, GError **error)
{
  TermData *t = data;
  sqlite3_stmt *stmt;
  gint64 term_id;

  stmt = rh_database_prepare (db,
                              "UPDATE committee_term SET ended_date = ?1"
                              " WHERE org_id = ?2 AND ended_date IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 1, t->start_date);
  sqlite3_bind_int64 (stmt, 2, t->org_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);

  stmt = rh_database_prepare (db,
                              "INSERT INTO committee_term (org_id, start_date, years)"
                              " VALUES (?1, ?2, ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->org_id);
  rh_sql_bind_text (stmt, 2, t->start_date);
  sqlite3_bind_int (stmt, 3, t->years);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  term_id = sqlite3_last_insert_rowid (rh_database_get_handle (db));

  for (guint i = 0; t->roles != NULL && i < t->roles->len; i++)
    {
      RhRole *role = t->roles->pdata[i];

      stmt = rh_database_prepare (db,
                                  "INSERT INTO committee_role (term_id, member_id, role)"
                                  " VALUES (?1, ?2, ?3)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, term_id);
      sqlite3_bind_int64 (stmt, 2, role->member_id);
      rh_sql_bind_text (stmt, 3, rh_role_to_string (role->role));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_ROLE,
                       _("%s: each member can hold one role, and must exist (%s)"),
                       rh_field_label (RH_FIELD_ROLE),
                       sqlite3_errmsg (rh_database_get_handle (db)));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
rh_term_start (RhDatabase *db, gint64 org_id, const char *start_date, int years,
               GPtrArray *roles, GError **error)
{
  TermData data = { org_id, start_date, years, roles };

  if (!rh_validate_date (start_date, RH_FIELD_TERM_START, TRUE, NULL, error))
    return FALSE;
  if (years != 3 && years != 5)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_TERM_YEARS,
                   _("%s: a term lasts 3 or 5 years"),
                   rh_field_label (RH_FIELD_TERM_YEARS));
      return FALSE;
    }
  return rh_database_transaction (db, start_term_in_transaction, &data, error);
}

GPtrArray *
rh_term_roles (RhDatabase *db, gint64 org_id, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db,
                                            "SELECT r.id, r.member_id, r.role, m.name"
                                            " FROM committee_role r"
                                            " JOIN committee_term t ON t.id = r.term_id"
                                            " JOIN member m ON m.id = r.member_id"
                                            " WHERE t.org_id = ?1 AND t.ended_date IS NULL"
                                            " ORDER BY CASE r.role WHEN 'secretary' THEN 0"
                                            " WHEN 'deputy_secretary' THEN 1"
                                            " WHEN 'organisation' THEN 2 WHEN 'publicity' THEN 3"
                                            " WHEN 'discipline' THEN 4 ELSE 5 END, m.pinyin",
                                            error);
  GPtrArray *roles;

  if (stmt == NULL)
    return NULL;
  roles = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_role_free);
  sqlite3_bind_int64 (stmt, 1, org_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RhRole *role = g_new0 (RhRole, 1);
      int r = rh_role_from_string (rh_sql_text (stmt, 2));
      role->id = sqlite3_column_int64 (stmt, 0);
      role->member_id = sqlite3_column_int64 (stmt, 1);
      role->role = r >= 0 ? (RhCommitteeRole) r : RH_ROLE_MEMBER;
      role->member_name = rh_sql_dup (stmt, 3);
      g_ptr_array_add (roles, role);
    }
  sqlite3_reset (stmt);
  return roles;
}

GHashTable *
rh_term_secretaries (RhDatabase *db, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db,
                                            "SELECT t.org_id, m.name FROM committee_role r"
                                            " JOIN committee_term t ON t.id = r.term_id"
                                            " JOIN member m ON m.id = r.member_id"
                                            " WHERE t.ended_date IS NULL AND r.role = 'secretary'"
                                            " ORDER BY t.org_id, m.pinyin", error);
  GHashTable *names;
  int rc;

  if (stmt == NULL)
    return NULL;
  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 org = sqlite3_column_int64 (stmt, 0);
      if (!g_hash_table_contains (names, &org))
        g_hash_table_insert (names, g_memdup2 (&org, sizeof org), rh_sql_dup (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rh_database_set_error (db, error);
      g_hash_table_unref (names);
      return NULL;
    }
  return names;
}
