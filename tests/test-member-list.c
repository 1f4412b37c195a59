/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The lazy member list: paging, sort, search and filters, all in SQL. */
#include "rh-config.h"

#include "rh-member-list.h"
#include "rh-org.h"
#include "rh-validate.h"
#include "test-util.h"

#define N_MEMBERS 300

static RhDatabase *db;
static gint64 general_id, branch_a, branch_b, branch_c, group_a;

static const char *const names[] = {
  "张伟", "曾伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周杰",
  "单丽", "朴明", "尉迟强", "吴伟", "徐娟",
};

static gint64
add_org (RhOrgKind kind, const char *name, gint64 parent)
{
  return rh_test_add_org (db, kind, name, parent);
}

static void
populate (void)
{
  gint64 committee = add_org (RH_ORG_COMMITTEE, "机关党委", 0);

  general_id = add_org (RH_ORG_GENERAL_BRANCH, "综合党总支", committee);
  branch_a = add_org (RH_ORG_BRANCH, "办公室党支部", general_id);
  branch_b = add_org (RH_ORG_BRANCH, "财务处党支部", general_id);
  branch_c = add_org (RH_ORG_BRANCH, "后勤党支部", committee);
  group_a = add_org (RH_ORG_GROUP, "第一党小组", branch_a);

  g_assert_true (rh_database_begin (db, NULL));
  for (int i = 0; i < N_MEMBERS; i++)
    {
      gint64 branches[] = { branch_a, branch_b, branch_c };
      g_autofree char *name = g_strdup_printf ("%s%s", names[i % G_N_ELEMENTS (names)],
                                               i < 15 ? "" : "某");
      g_autoptr (RhMember) m = rh_test_member (branches[i % 3], name, i,
                                               i % 2 ? RH_GENDER_FEMALE : RH_GENDER_MALE);

      m->group_id = (m->org_id == branch_a && i % 2 == 0) ? group_a : 0;
      m->status = i % 10 == 0 ? RH_STATUS_PROBATIONARY : RH_STATUS_FULL;
      g_free (m->admitted_date);
      g_free (m->full_date);
      m->admitted_date = g_strdup_printf ("20%02d-07-01", 5 + i % 15);
      m->full_date = m->status == RH_STATUS_FULL ? g_strdup_printf ("20%02d-07-01", 6 + i % 15)
                                                 : NULL;
      rh_test_insert (db, m);
      if (i == N_MEMBERS - 1)
        g_assert_true (rh_member_archive (db, m->id, "2026-01-01", "组织关系转出", NULL));
    }
  g_assert_true (rh_database_commit (db, NULL));
}

static RhMemberList *
new_list (void)
{
  RhMemberList *list = rh_member_list_new (db);
  g_autoptr (GError) error = NULL;

  g_assert_true (rh_member_list_refresh (list, &error));
  g_assert_no_error (error);
  return list;
}

static RhMember *
item (RhMemberList *list, guint i)
{
  return g_list_model_get_item (G_LIST_MODEL (list), i);
}

static guint
n_items (RhMemberList *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_paging (void)
{
  g_autoptr (RhMemberList) list = new_list ();

  g_assert_cmpuint (n_items (list), ==, N_MEMBERS - 1);  /* the archived one is hidden */
  /* Nothing is loaded until asked for. */
  g_assert_cmpuint (rh_member_list_cached_pages (list), ==, 0);
  {
    g_autoptr (RhMember) last = item (list, N_MEMBERS - 2);
    g_assert_nonnull (last->name);
  }
  g_assert_cmpuint (rh_member_list_cached_pages (list), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_MEMBERS));
  /* The same position gives the same row. */
  {
    g_autoptr (RhMember) a = item (list, 100);
    g_autoptr (RhMember) b = item (list, 100);
    g_assert_cmpint (a->id, ==, b->id);
    g_assert_nonnull (a->branch_name);
  }
}

static void
assert_sorted_by_pinyin (RhMemberList *list, gboolean descending)
{
  g_autofree char *prev = NULL;

  for (guint i = 0; i < n_items (list); i++)
    {
      g_autoptr (RhMember) m = item (list, i);
      if (prev != NULL)
        g_assert_cmpint (descending ? -g_strcmp0 (prev, m->pinyin) : g_strcmp0 (prev, m->pinyin),
                         <=, 0);
      g_free (prev);
      prev = g_strdup (m->pinyin);
    }
}

static void
test_sort (void)
{
  g_autoptr (RhMemberList) list = new_list ();

  assert_sorted_by_pinyin (list, FALSE);
  {
    /* By pinyin, 陈静 (chen) comes before 单丽 (shan, not dan) and 尉迟强 (yuchi) last. */
    g_autoptr (RhMember) first = item (list, 0);
    g_autoptr (RhMember) last = item (list, n_items (list) - 1);
    g_assert_cmpstr (first->name, ==, "陈静");
    g_assert_true (g_str_has_prefix (last->name, "周杰"));
  }
  rh_member_list_set_sort (list, RH_MEMBER_SORT_NAME, TRUE);
  g_assert_true (rh_member_list_refresh (list, NULL));
  assert_sorted_by_pinyin (list, TRUE);

  /* Status in pipeline order: probationary before full. */
  rh_member_list_set_sort (list, RH_MEMBER_SORT_STATUS, FALSE);
  g_assert_true (rh_member_list_refresh (list, NULL));
  {
    g_autoptr (RhMember) first = item (list, 0);
    g_autoptr (RhMember) last = item (list, n_items (list) - 1);
    g_assert_cmpint (first->status, ==, RH_STATUS_PROBATIONARY);
    g_assert_cmpint (last->status, ==, RH_STATUS_FULL);
  }
  /* Branch by the branch's pinyin: 办公室 (ban) < 财务处 (cai) < 后勤 (hou). */
  rh_member_list_set_sort (list, RH_MEMBER_SORT_BRANCH, FALSE);
  g_assert_true (rh_member_list_refresh (list, NULL));
  {
    g_autoptr (RhMember) first = item (list, 0);
    g_autoptr (RhMember) last = item (list, n_items (list) - 1);
    g_assert_cmpint (first->org_id, ==, branch_a);
    g_assert_cmpint (last->org_id, ==, branch_c);
  }
}

static guint
count_search (const char *query)
{
  g_autoptr (RhMemberList) list = rh_member_list_new (db);

  rh_member_list_set_search (list, query);
  g_assert_true (rh_member_list_refresh (list, NULL));
  return n_items (list);
}

static void
test_search (void)
{
  g_autoptr (RhMemberList) list = rh_member_list_new (db);

  rh_member_list_set_search (list, "zw");
  g_assert_true (rh_member_list_refresh (list, NULL));
  /* zw: 张伟 and 曾伟 (zeng wei), each 20 times (one in 15 names, 300 members). */
  g_assert_cmpuint (n_items (list), ==, 40);
  for (guint i = 0; i < n_items (list); i++)
    {
      g_autoptr (RhMember) m = item (list, i);
      g_assert_true (g_str_has_prefix (m->name, "张伟") || g_str_has_prefix (m->name, "曾伟"));
    }
  g_assert_cmpuint (count_search ("zengwei"), ==, 20);
  g_assert_cmpuint (count_search ("ZengWei"), ==, 20);
  g_assert_cmpuint (count_search ("张伟"), ==, 20);
  /* One character, anywhere in the name: 张伟, 曾伟, 吴伟. */
  g_assert_cmpuint (count_search ("伟"), ==, 60);
  g_assert_cmpuint (count_search ("shanli"), ==, 20);
  g_assert_cmpuint (count_search ("yuchi"), ==, 20);
  /* Wildcards are text. */
  g_assert_cmpuint (count_search ("%"), ==, 0);
  g_assert_cmpuint (count_search ("_"), ==, 0);
  /* The id number by prefix. */
  g_assert_cmpuint (count_search ("110105"), ==, N_MEMBERS - 1);
  g_assert_cmpuint (count_search ("nobody"), ==, 0);
}

static void
test_filters (void)
{
  g_autoptr (RhMemberList) list = rh_member_list_new (db);

  rh_member_list_set_org (list, general_id);   /* branches a and b */
  g_assert_true (rh_member_list_refresh (list, NULL));
  g_assert_cmpuint (n_items (list), ==, 200);
  rh_member_list_set_org (list, branch_c);
  g_assert_true (rh_member_list_refresh (list, NULL));
  g_assert_cmpuint (n_items (list), ==, 99);   /* one of 100 archived */
  rh_member_list_set_org (list, group_a);
  g_assert_true (rh_member_list_refresh (list, NULL));
  g_assert_cmpuint (n_items (list), ==, 50);
  rh_member_list_set_org (list, 0);
  rh_member_list_set_status (list, RH_STATUS_PROBATIONARY);
  g_assert_true (rh_member_list_refresh (list, NULL));
  g_assert_cmpuint (n_items (list), ==, 30);
  rh_member_list_set_status (list, -1);
  rh_member_list_set_archived (list, TRUE);
  g_assert_true (rh_member_list_refresh (list, NULL));
  g_assert_cmpuint (n_items (list), ==, 1);
}

/* A refresh signals only the change in length (rh-member-list.h): the rows at the
 * positions that remain are re-read by the view. */
typedef struct {
  guint calls, position, removed, added;
} Change;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Change *c)
{
  c->calls++;
  c->position = position;
  c->removed = removed;
  c->added = added;
}

static void
test_items_changed (void)
{
  g_autoptr (RhMemberList) list = rh_member_list_new (db);
  Change c = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &c);
  g_assert_true (rh_member_list_refresh (list, NULL));
  /* From empty: the 299 active members added. */
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_cmpuint (c.position, ==, 0);
  g_assert_cmpuint (c.added, ==, N_MEMBERS - 1);
  /* wf (王芳), 20 of them: the 279 rows past the 20th removed, the first 20 re-read. */
  rh_member_list_set_search (list, "wf");
  g_assert_true (rh_member_list_refresh (list, NULL));
  g_assert_cmpuint (c.calls, ==, 2);
  g_assert_cmpuint (c.position, ==, 20);
  g_assert_cmpuint (c.removed, ==, N_MEMBERS - 1 - 20);
  g_assert_cmpuint (c.added, ==, 0);
  {
    g_autoptr (RhMember) m = item (list, 0);
    g_assert_cmpstr (m->name, ==, "王芳");
  }
  /* The same length again: no signal, and the view re-reads its rows. */
  rh_member_list_set_search (list, "王芳");
  g_assert_true (rh_member_list_refresh (list, NULL));
  g_assert_cmpuint (c.calls, ==, 2);
  /* Back to all: 279 added after the 20th. */
  rh_member_list_set_search (list, "");
  g_assert_true (rh_member_list_refresh (list, NULL));
  g_assert_cmpuint (c.calls, ==, 3);
  g_assert_cmpuint (c.position, ==, 20);
  g_assert_cmpuint (c.added, ==, N_MEMBERS - 1 - 20);
  {
    g_autoptr (RhMember) m = item (list, 0);
    g_assert_cmpstr (m->name, ==, "陈静");
  }
}

/* A bulk load indexes its rows at the end; a rolled-back one leaves the trigger. */
static void
test_bulk_load (void)
{
  g_autoptr (RhMemberList) list = rh_member_list_new (db);
  const char *trigger_count = "SELECT count(*) FROM sqlite_schema WHERE name = 'member_fts_insert'";
  g_autoptr (GError) error = NULL;
  g_autoptr (RhMemberList) before = rh_member_list_new (db);

  /* A list that searched before the rows came finds them when refreshed after: the
   * roster it keeps for searching is read again once the data changed. */
  rh_member_list_set_search (before, "oyx");
  g_assert_true (rh_member_list_refresh (before, NULL));
  g_assert_cmpuint (n_items (before), ==, 0);

  g_assert_true (rh_database_begin (db, NULL));
  g_assert_true (rh_member_bulk_begin (db, TRUE, &error));
  g_assert_cmpint (rh_database_query_int (db, trigger_count), ==, 0);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr (RhMember) m = rh_test_member (branch_c, "欧阳修", 400 + i, RH_GENDER_MALE);
      rh_test_insert (db, m);
    }
  g_assert_true (rh_member_bulk_end (db, &error));
  g_assert_no_error (error);
  g_assert_true (rh_database_commit (db, NULL));
  g_assert_cmpint (rh_database_query_int (db, trigger_count), ==, 1);
  rh_member_list_set_search (list, "oyx");
  g_assert_true (rh_member_list_refresh (list, NULL));
  g_assert_cmpuint (n_items (list), ==, 3);
  g_assert_true (rh_member_list_refresh (before, NULL));
  g_assert_cmpuint (n_items (before), ==, 3);

  g_assert_true (rh_database_begin (db, NULL));
  g_assert_true (rh_member_bulk_begin (db, TRUE, NULL));
  rh_database_rollback (db);
  g_assert_cmpint (rh_database_query_int (db, trigger_count), ==, 1);

  /* Not insert-only (the demo): a member changed during the load has its insert
   * logged before its change, and once. */
  g_assert_true (rh_database_begin (db, NULL));
  g_assert_true (rh_member_bulk_begin (db, FALSE, &error));
  {
    g_autoptr (RhMember) m = rh_test_member (branch_c, "司马光", 410, RH_GENDER_MALE);
    rh_test_insert (db, m);
  }
  g_assert_true (rh_database_exec (db, "UPDATE member SET note = 'moved' WHERE name = '司马光'",
                                   &error));
  g_assert_true (rh_member_bulk_end (db, &error));
  g_assert_no_error (error);
  g_assert_true (rh_database_commit (db, NULL));
  /* The actions in the log's order, 1 for an insert and 2 for an update: 12. */
  g_assert_cmpint (rh_database_query_int (db,
                     "SELECT group_concat(CASE action WHEN 'insert' THEN 1 ELSE 2 END, '')"
                     " FROM (SELECT action FROM audit_log WHERE table_name = 'member'"
                     " AND row_id = (SELECT id FROM member WHERE name = '司马光') ORDER BY id)"),
                   ==, 12);
}

/* The ids a search finds, in order. */
static GArray *
search_ids (RhMemberList *list, const char *query)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  rh_member_list_set_search (list, query);
  g_assert_true (rh_member_list_refresh (list, NULL));
  for (guint i = 0; i < n_items (list); i++)
    {
      g_autoptr (RhMember) m = item (list, i);
      g_array_append_val (ids, m->id);
    }
  return ids;
}

/* A list that reads ahead and one that does not find the same members, also after a
 * change to the data (the kept one-character searches must be read again). */
static void
assert_same_search (RhMemberList *ahead, const char *query, guint expected)
{
  g_autoptr (RhMemberList) plain = rh_member_list_new (db);
  g_autoptr (GArray) a = search_ids (ahead, query);
  g_autoptr (GArray) b = search_ids (plain, query);

  g_assert_cmpuint (a->len, ==, expected);
  g_assert_cmpmem (a->data, a->len * sizeof (gint64), b->data, b->len * sizeof (gint64));
}

static void
test_read_ahead (void)
{
  g_autoptr (RhMemberList) list = rh_member_list_new (db);
  g_autoptr (RhMember) m = NULL;
  gint64 id = rh_database_query_int (db, "SELECT min(id) FROM member WHERE name = '李娜某'");
  int idle_calls = 0;

  rh_member_list_read_ahead (list);
  while (g_main_context_iteration (NULL, FALSE))
    idle_calls++;
  /* One letter per idle call, a to z, and a last call that finds them all read. */
  g_assert_cmpint (idle_calls, ==, 27);
  for (char c = 'a'; c <= 'z'; c++)
    {
      char query[2] = { c, 0 };
      g_autoptr (RhMemberList) plain = rh_member_list_new (db);
      g_autoptr (GArray) a = search_ids (list, query);
      g_autoptr (GArray) b = search_ids (plain, query);

      g_assert_cmpmem (a->data, a->len * sizeof (gint64), b->data, b->len * sizeof (gint64));
    }
  /* w: 张伟, 曾伟, 王芳 and 吴伟 (wu wei), each 20 times. */
  assert_same_search (list, "w", 80);
  assert_same_search (list, "伟", 60);

  /* 李娜某 becomes 王娜某: one more w and one more 王, none more 伟. */
  m = rh_member_load (db, id, NULL);
  g_free (m->name);
  m->name = g_strdup ("王娜某");
  g_assert_true (rh_member_update (db, m, NULL));
  assert_same_search (list, "w", 81);
  assert_same_search (list, "王", 21);
  assert_same_search (list, "伟", 60);
  /* The letters are read ahead again after the change: the 25 that the searches above did
   * not read, and the last call. */
  idle_calls = 0;
  while (g_main_context_iteration (NULL, FALSE))
    idle_calls++;
  g_assert_cmpint (idle_calls, ==, 26);
  assert_same_search (list, "w", 81);

  g_free (m->name);
  m->name = g_strdup ("李娜某");
  g_assert_true (rh_member_update (db, m, NULL));
  assert_same_search (list, "w", 80);
  assert_same_search (list, "王", 20);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("RONGHE_TODAY", "2026-06-01", TRUE);
  db = rh_database_open (":memory:", NULL);
  populate ();
  g_test_add_func ("/member-list/paging", test_paging);
  g_test_add_func ("/member-list/sort", test_sort);
  g_test_add_func ("/member-list/search", test_search);
  g_test_add_func ("/member-list/filters", test_filters);
  g_test_add_func ("/member-list/items-changed", test_items_changed);
  g_test_add_func ("/member-list/read-ahead", test_read_ahead);
  /* Last: it adds rows that the other tests do not expect. */
  g_test_add_func ("/member-list/bulk-load", test_bulk_load);
  status = g_test_run ();
  g_object_unref (db);
  return status;
}
