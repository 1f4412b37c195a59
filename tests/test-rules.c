/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rules: reminders for terms, size, pipeline; the timeline; counts. Today is 2026-06-01. */
#include "rh-config.h"

#include "rh-date.h"
#include "rh-check.h"
#include "rh-rules.h"
#include "test-util.h"

static GDate today;

static RhDatabase *
open_db (void)
{
  g_autoptr (GError) error = NULL;
  RhDatabase *db = rh_database_open (":memory:", &error);
  g_assert_no_error (error);
  return db;
}

/* Adds `n` full members to a branch; returns the first one's id. */
static gint64
add_full_members (RhDatabase *db, gint64 org, int n, int *seq)
{
  gint64 first = 0;

  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("党员%d", *seq);
      g_autoptr (RhMember) m = rh_test_member (org, name, (*seq)++, RH_GENDER_MALE);
      rh_test_insert (db, m);
      if (first == 0)
        first = m->id;
    }
  return first;
}

static void
start_term (RhDatabase *db, gint64 org, const char *start, gint64 *members, int n)
{
  g_autoptr (GPtrArray) roles = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_role_free);
  g_autoptr (GError) error = NULL;

  for (int i = 0; i < n; i++)
    {
      RhRole *r = g_new0 (RhRole, 1);
      r->member_id = members[i];
      r->role = i == 0 ? RH_ROLE_SECRETARY : RH_ROLE_ORGANISATION + i - 1;
      g_ptr_array_add (roles, r);
    }
  g_assert_true (rh_term_start (db, org, start, 3, roles, &error));
  g_assert_no_error (error);
}

static RhReminder *
find (GPtrArray *reminders, RhReminderKind kind, gint64 org, gint64 member)
{
  for (guint i = 0; i < reminders->len; i++)
    {
      RhReminder *r = reminders->pdata[i];
      if (r->kind == kind && (org == 0 || r->org_id == org) && (member == 0 || r->member_id == member))
        return r;
    }
  return NULL;
}

static gint64
add_pipeline_member (RhDatabase *db, gint64 org, int seq, RhMemberStatus status,
                     const char *applied, const char *activist, const char *admitted, int extension)
{
  g_autoptr (RhMember) m = rh_test_member (org, "发展对象", seq, RH_GENDER_FEMALE);

  m->status = status;
  g_clear_pointer (&m->admitted_date, g_free);
  g_clear_pointer (&m->full_date, g_free);
  m->applied_date = g_strdup (applied);
  m->activist_date = g_strdup (activist);
  m->admitted_date = g_strdup (admitted);
  m->probation_extension_months = extension;
  rh_test_insert (db, m);
  return m->id;
}

static void
test_reminders (void)
{
  g_autoptr (RhDatabase) db = open_db ();
  g_autoptr (GPtrArray) reminders = NULL;
  g_autoptr (RhOrg) temp = rh_org_new (RH_ORG_BRANCH, "项目临时党支部");
  g_autoptr (GError) error = NULL;
  gint64 due = rh_test_add_org (db, RH_ORG_BRANCH, "甲支部", 0);
  gint64 over = rh_test_add_org (db, RH_ORG_BRANCH, "乙支部", 0);
  gint64 big = rh_test_add_org (db, RH_ORG_BRANCH, "丙支部", 0);
  gint64 six = rh_test_add_org (db, RH_ORG_BRANCH, "丁支部", 0);
  gint64 members[3];
  gint64 ending, overdue, ready, not_ready, talk_late, talk_soon;
  RhReminder *r;
  int seq = 0;

  temp->is_temporary = TRUE;
  g_assert_true (rh_org_insert (db, temp, NULL));
  members[0] = add_full_members (db, due, 3, &seq);
  members[1] = members[0] + 1;
  members[2] = members[0] + 2;
  start_term (db, due, "2023-07-01", members, 3);     /* due 2026-07-01: within 90 days */
  members[0] = add_full_members (db, over, 3, &seq);
  members[1] = members[0] + 1;
  members[2] = members[0] + 2;
  start_term (db, over, "2023-01-01", members, 3);    /* due 2026-01-01: overdue */
  add_full_members (db, big, 7, &seq);                /* ≥7 full, no committee */
  add_full_members (db, six, 6, &seq);                /* 6: no committee needed */
  add_full_members (db, temp->id, 2, &seq);           /* temporary with 2 */

  ending = add_pipeline_member (db, six, seq++, RH_STATUS_PROBATIONARY, NULL, NULL, "2025-07-15", 0);
  overdue = add_pipeline_member (db, six, seq++, RH_STATUS_PROBATIONARY, NULL, NULL, "2024-01-01", 6);
  ready = add_pipeline_member (db, six, seq++, RH_STATUS_ACTIVIST, "2025-01-01", "2025-05-01", NULL, 0);
  not_ready = add_pipeline_member (db, six, seq++, RH_STATUS_ACTIVIST, "2025-01-01", "2025-12-01", NULL, 0);
  talk_late = add_pipeline_member (db, six, seq++, RH_STATUS_APPLICANT, "2026-04-01", NULL, NULL, 0);
  talk_soon = add_pipeline_member (db, six, seq++, RH_STATUS_APPLICANT, "2026-05-20", NULL, NULL, 0);

  reminders = rh_reminders_compute (db, &today, &error);
  g_assert_no_error (error);

  r = find (reminders, RH_REMINDER_TERM_DUE, due, 0);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->due_date, ==, "2026-07-01");
  g_assert_false (r->overdue);
  r = find (reminders, RH_REMINDER_TERM_OVERDUE, over, 0);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->due_date, ==, "2026-01-01");
  g_assert_true (r->overdue);
  g_assert_nonnull (find (reminders, RH_REMINDER_NO_TERM, big, 0));
  g_assert_null (find (reminders, RH_REMINDER_NO_TERM, six, 0));
  g_assert_nonnull (find (reminders, RH_REMINDER_TEMPORARY_SMALL, temp->id, 0));

  r = find (reminders, RH_REMINDER_PROBATION_ENDING, 0, ending);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->due_date, ==, "2026-07-15");
  g_assert_false (r->overdue);
  r = find (reminders, RH_REMINDER_PROBATION_ENDING, 0, overdue);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->due_date, ==, "2025-07-01");   /* 2024-01-01 + 12 + 6 months */
  g_assert_true (r->overdue);
  r = find (reminders, RH_REMINDER_ACTIVIST_READY, 0, ready);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->due_date, ==, "2026-05-01");
  g_assert_null (find (reminders, RH_REMINDER_ACTIVIST_READY, 0, not_ready));
  r = find (reminders, RH_REMINDER_TALK_DUE, 0, talk_late);
  g_assert_nonnull (r);
  g_assert_true (r->overdue);
  r = find (reminders, RH_REMINDER_TALK_DUE, 0, talk_soon);
  g_assert_nonnull (r);
  g_assert_false (r->overdue);

  /* June is the last month of Q2: each of the 5 branches, which held no meeting,
   * is reminded of its monthly and quarterly meetings, 支委会 where it has a committee. */
  r = find (reminders, RH_REMINDER_MEETINGS_DUE, due, 0);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->due_date, ==, "2026-06-30");
  g_assert_nonnull (strstr (r->detail, rh_meeting_kind_label (RH_MEETING_THEME_DAY)));
  g_assert_nonnull (strstr (r->detail, rh_meeting_kind_label (RH_MEETING_GENERAL_ASSEMBLY)));
  g_assert_nonnull (strstr (r->detail, rh_meeting_kind_label (RH_MEETING_COMMITTEE)));
  r = find (reminders, RH_REMINDER_MEETINGS_DUE, six, 0);
  g_assert_null (strstr (r->detail, rh_meeting_kind_label (RH_MEETING_COMMITTEE)));
  /* 9 + 5 in all, overdue ones first. */
  g_assert_cmpuint (reminders->len, ==, 14);
  g_assert_true (((RhReminder *) reminders->pdata[0])->overdue);
  g_assert_false (((RhReminder *) reminders->pdata[reminders->len - 1])->overdue);
}

static void
test_timeline (void)
{
  g_autoptr (RhMember) m = rh_test_member (1, "王芳", 1, RH_GENDER_FEMALE);
  g_autoptr (GPtrArray) steps = NULL;
  RhStep *full;

  m->status = RH_STATUS_PROBATIONARY;
  m->applied_date = g_strdup ("2023-03-01");
  m->talk_date = g_strdup ("2023-03-20");
  m->activist_date = g_strdup ("2023-06-01");
  m->candidate_date = g_strdup ("2024-06-01");
  g_free (m->admitted_date);
  m->admitted_date = g_strdup ("2025-08-01");
  g_clear_pointer (&m->full_date, g_free);
  steps = rh_member_timeline (m, &today);
  g_assert_cmpuint (steps->len, ==, 6);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (((RhStep *) steps->pdata[i])->state, ==, RH_STEP_DONE);
  full = steps->pdata[5];
  g_assert_cmpint (full->state, ==, RH_STEP_CURRENT);
  g_assert_cmpstr (full->due_date, ==, "2026-08-01");
  g_assert_null (full->date);

  /* Past the end of probation, the step is overdue. */
  g_ptr_array_unref (g_steal_pointer (&steps));
  g_free (m->admitted_date);
  m->admitted_date = g_strdup ("2025-01-15");
  steps = rh_member_timeline (m, &today);
  full = steps->pdata[5];
  g_assert_cmpstr (full->due_date, ==, "2026-01-15");
  g_assert_cmpint (full->state, ==, RH_STEP_OVERDUE);
}

static void
test_counts (void)
{
  g_autoptr (RhDatabase) db = open_db ();
  gint64 committee = rh_test_add_org (db, RH_ORG_COMMITTEE, "党委", 0);
  gint64 branch = rh_test_add_org (db, RH_ORG_BRANCH, "支部", committee);
  RhCounts counts;
  int seq = 0;
  gint64 first;

  rh_test_add_org (db, RH_ORG_GROUP, "小组", branch);
  first = add_full_members (db, branch, 4, &seq);
  add_pipeline_member (db, branch, seq++, RH_STATUS_ACTIVIST, "2025-01-01", "2025-05-01", NULL, 0);
  g_assert_true (rh_member_archive (db, first, "2026-01-01", "转出", NULL));
  g_assert_true (rh_counts_compute (db, &counts, NULL));
  g_assert_cmpint (counts.committees, ==, 1);
  g_assert_cmpint (counts.branches, ==, 1);
  g_assert_cmpint (counts.groups, ==, 1);
  g_assert_cmpint (counts.members_by_status[RH_STATUS_FULL], ==, 3);
  g_assert_cmpint (counts.members_by_status[RH_STATUS_ACTIVIST], ==, 1);
  g_assert_cmpint (counts.members_active, ==, 4);
  g_assert_cmpint (counts.members_archived, ==, 1);
  g_assert_cmpint (rh_org_full_member_count (db, committee), ==, 3);
}

/* member_tally against counting the member table itself. */
static void
assert_tally_kept (RhDatabase *db)
{
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM member_tally WHERE n != 0"),
                   ==,
                   rh_database_query_int (db, "SELECT count(*) FROM (SELECT 1 FROM member"
                                              " GROUP BY status, archived_date IS NOT NULL)"));
  g_assert_cmpint (rh_database_query_int (
                     db, "SELECT count(*) FROM (SELECT status, archived_date IS NOT NULL AS a,"
                         " count(*) AS n FROM member GROUP BY 1, 2) m"
                         " LEFT JOIN member_tally t ON t.status = m.status AND t.archived = m.a"
                         " WHERE t.n IS NOT m.n"),
                   ==, 0);
}

/* The counts by status (member_tally, kept by triggers) stay right through inserts, changes
 * of status, transfers out and back, deletions, and both kinds of bulk load, which set the
 * triggers aside and count again at their end, including a member inserted and then changed
 * inside one. */
static void
test_counts_kept (void)
{
  g_autoptr (RhDatabase) db = open_db ();
  gint64 committee = rh_test_add_org (db, RH_ORG_COMMITTEE, "党委", 0);
  gint64 branch = rh_test_add_org (db, RH_ORG_BRANCH, "支部", committee);
  g_autofree char *sql = NULL;
  RhCounts counts;
  int seq = 0;
  gint64 first, bulk;

  first = add_full_members (db, branch, 5, &seq);
  add_pipeline_member (db, branch, seq++, RH_STATUS_ACTIVIST, "2025-01-01", "2025-05-01", NULL, 0);
  assert_tally_kept (db);
  sql = g_strdup_printf ("UPDATE member SET status = 'probationary' WHERE id = %" G_GINT64_FORMAT,
                         first + 1);
  g_assert_true (rh_database_exec (db, sql, NULL));
  g_assert_true (rh_member_archive (db, first, "2026-01-01", "转出", NULL));
  assert_tally_kept (db);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE member SET archived_date = NULL WHERE id = %" G_GINT64_FORMAT
                         "; DELETE FROM member WHERE id = %" G_GINT64_FORMAT,
                         first, first + 2);
  g_assert_true (rh_database_exec (db, sql, NULL));
  assert_tally_kept (db);

  for (int insert_only = 1; insert_only >= 0; insert_only--)
    {
      g_assert_true (rh_database_exec (db, "BEGIN", NULL));
      g_assert_true (rh_member_bulk_begin (db, insert_only, NULL));
      g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE"
                                                  " name LIKE 'member_tally_%'"),
                       ==, 0);
      bulk = add_full_members (db, branch, 3, &seq);
      if (!insert_only)
        {
          g_clear_pointer (&sql, g_free);
          sql = g_strdup_printf ("UPDATE member SET status = 'probationary', archived_date ="
                                 " '2026-03-01' WHERE id = %" G_GINT64_FORMAT, bulk);
          g_assert_true (rh_database_exec (db, sql, NULL));
        }
      g_assert_true (rh_member_bulk_end (db, NULL));
      g_assert_true (rh_database_exec (db, "COMMIT", NULL));
      assert_tally_kept (db);
    }

  /* 4 full (5 - 2 changed or deleted + the first, back) + 3 + 2, the one changed in the
   * second load transferred out. */
  g_assert_true (rh_counts_compute (db, &counts, NULL));
  g_assert_cmpint (counts.members_by_status[RH_STATUS_FULL], ==, 8);
  g_assert_cmpint (counts.members_by_status[RH_STATUS_PROBATIONARY], ==, 1);
  g_assert_cmpint (counts.members_by_status[RH_STATUS_ACTIVIST], ==, 1);
  g_assert_cmpint (counts.members_active, ==, 10);
  g_assert_cmpint (counts.members_archived, ==, 1);

  /* A count out of step (the triggers dropped by hand, say) is what `check` reports. */
  {
    g_autoptr (GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
    g_autoptr (GPtrArray) after = g_ptr_array_new_with_free_func (g_free);
    const char *expected = "Member counts: 8 members with status “Full member” are counted as 10";

    g_assert_true (rh_check_database (db, before, NULL));
    g_assert_true (rh_database_exec (db, "UPDATE member_tally SET n = n + 2 WHERE status = 'full'"
                                         " AND archived = 0", NULL));
    g_assert_true (rh_check_database (db, after, NULL));
    g_assert_cmpuint (after->len, ==, before->len + 1);
    g_assert_false (g_ptr_array_find_with_equal_func (before, expected, g_str_equal, NULL));
    g_assert_true (g_ptr_array_find_with_equal_func (after, expected, g_str_equal, NULL));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("RONGHE_TODAY", "2026-06-01", TRUE);
  rh_date_today (&today);
  g_test_add_func ("/rules/reminders", test_reminders);
  g_test_add_func ("/rules/counts-kept", test_counts_kept);
  g_test_add_func ("/rules/timeline", test_timeline);
  g_test_add_func ("/rules/counts", test_counts);
  return g_test_run ();
}
