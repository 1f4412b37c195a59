/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Meetings and compliance against hand-worked calendars. Today is 2026-06-01. */
#include "rh-config.h"

#include "rh-compliance.h"
#include "rh-date.h"
#include "rh-meeting.h"
#include "test-util.h"

typedef struct {
  RhDatabase *db;
  gint64      branch;
  gint64      group;
  gint64      members[8];  /* full members since 2006; 0–3 in the group, 0–2 on the committee */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) roles = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_role_free);
  g_autoptr (GError) error = NULL;

  f->db = rh_database_open (":memory:", &error);
  g_assert_no_error (error);
  f->branch = rh_test_add_org (f->db, RH_ORG_BRANCH, "机关第一党支部", 0);
  f->group = rh_test_add_org (f->db, RH_ORG_GROUP, "第一党小组", f->branch);
  for (int i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("党员%d", i);
      g_autoptr (RhMember) m = rh_test_member (f->branch, name, i, RH_GENDER_MALE);
      m->group_id = i < 4 ? f->group : 0;
      rh_test_insert (f->db, m);
      f->members[i] = m->id;
    }
  for (int i = 0; i < 3; i++)
    {
      RhRole *r = g_new0 (RhRole, 1);
      r->member_id = f->members[i];
      r->role = i == 0 ? RH_ROLE_SECRETARY : i == 1 ? RH_ROLE_ORGANISATION : RH_ROLE_PUBLICITY;
      g_ptr_array_add (roles, r);
    }
  g_assert_true (rh_term_start (f->db, f->branch, "2024-01-01", 3, roles, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->db);
}

/* Records a meeting; `absent` lists member indexes that were absent. */
static RhMeeting *
hold (Fixture *f, RhMeetingKind kind, const char *date, const int *absent, int n_absent)
{
  RhMeeting *m = rh_meeting_new ();
  g_autoptr (GError) error = NULL;

  m->org_id = kind == RH_MEETING_GROUP ? f->group : f->branch;
  m->kind = kind;
  m->date = g_strdup (date);
  m->topic = g_strdup ("学习传达");
  for (int i = 0; i < n_absent; i++)
    rh_meeting_add_absence (m, f->members[absent[i]], RH_ATTENDANCE_ABSENT, "出差");
  g_assert_true (rh_meeting_save (f->db, m, &error));
  g_assert_no_error (error);
  return m;
}

static void
hold_q2 (Fixture *f)
{
  const char *months[] = { "2025-04-08", "2025-05-12", "2025-06-30" };

  g_object_unref (hold (f, RH_MEETING_GENERAL_ASSEMBLY, "2025-05-10", NULL, 0));
  /* 支委会 in April and June only: May is missing. */
  g_object_unref (hold (f, RH_MEETING_COMMITTEE, "2025-04-08", NULL, 0));
  g_object_unref (hold (f, RH_MEETING_COMMITTEE, "2025-06-30", NULL, 0));
  g_object_unref (hold (f, RH_MEETING_LECTURE, "2025-06-20", NULL, 0));
  for (int i = 0; i < 3; i++)
    {
      g_object_unref (hold (f, RH_MEETING_GROUP, months[i], NULL, 0));
      g_object_unref (hold (f, RH_MEETING_THEME_DAY, months[i], NULL, 0));
    }
}

static RhCompliance *
compute (Fixture *f, const char *period_text, const char *today_text)
{
  RhPeriod period;
  GDate today;
  g_autoptr (GError) error = NULL;
  RhCompliance *c;

  g_assert_true (rh_period_parse (period_text, &period, NULL));
  g_assert_true (rh_date_parse (today_text, &today));
  c = rh_compliance_compute (f->db, f->branch, &period, &today, &error);
  g_assert_no_error (error);
  return c;
}

static void
test_missing_committee_month (Fixture *f, gconstpointer data)
{
  g_autoptr (RhCompliance) c = NULL;
  RhComplianceKind *committee;

  hold_q2 (f);
  c = compute (f, "2025Q2", "2026-06-01");
  /* Required: assembly 1 + committee 3 + group 3 + lecture 1 + theme day 3 = 11;
   * met: 1 + 2 + 3 + 1 + 3 = 10. Yearly rules do not apply to a quarter. */
  g_assert_cmpint (c->required, ==, 11);
  g_assert_cmpint (c->met, ==, 10);
  g_assert_cmpfloat_with_epsilon (c->rate, 10.0 / 11.0, 1e-9);
  g_assert_false (c->kinds[RH_MEETING_LIFE].applicable);
  g_assert_false (c->kinds[RH_MEETING_TALK].applicable);
  committee = &c->kinds[RH_MEETING_COMMITTEE];
  g_assert_cmpuint (committee->units->len, ==, 3);
  g_assert_cmpint (g_array_index (committee->units, RhComplianceUnit, 0).state, ==, RH_UNIT_MET);
  g_assert_cmpint (g_array_index (committee->units, RhComplianceUnit, 1).state, ==, RH_UNIT_MISSED);
  g_assert_cmpstr (g_array_index (committee->units, RhComplianceUnit, 1).period.first, ==,
                   "2025-05-01");
  g_assert_cmpint (g_array_index (committee->units, RhComplianceUnit, 2).state, ==, RH_UNIT_MET);
}

static void
test_below_quorum_does_not_count (Fixture *f, gconstpointer data)
{
  const int five[] = { 3, 4, 5, 6, 7 };
  const int four[] = { 4, 5, 6, 7 };
  g_autoptr (RhMeeting) low = NULL;
  g_autoptr (RhMeeting) half = NULL;
  g_autoptr (RhCompliance) c = NULL;

  /* 3 of 8 voting members present: not more than half. */
  low = hold (f, RH_MEETING_GENERAL_ASSEMBLY, "2025-07-15", five, 5);
  g_assert_false (low->valid);
  g_assert_cmpint (low->expected, ==, 8);
  g_assert_cmpint (low->present, ==, 3);
  /* Exactly half is not enough either. */
  half = hold (f, RH_MEETING_GENERAL_ASSEMBLY, "2025-08-15", four, 4);
  g_assert_false (half->valid);
  c = compute (f, "2025Q3", "2026-06-01");
  g_assert_cmpint (c->kinds[RH_MEETING_GENERAL_ASSEMBLY].required, ==, 1);
  g_assert_cmpint (c->kinds[RH_MEETING_GENERAL_ASSEMBLY].met, ==, 0);
  g_assert_cmpint (c->kinds[RH_MEETING_GENERAL_ASSEMBLY].invalid, ==, 2);
}

static void
test_probationary_members_do_not_vote (Fixture *f, gconstpointer data)
{
  const int absent[] = { 4, 5, 6, 7 };
  g_autoptr (RhMeeting) m = NULL;

  /* Two probationary members: 10 expected, 8 voting. 4 voting absent → 4 of 8: no quorum,
   * although 6 of 10 people were present. */
  for (int i = 0; i < 2; i++)
    {
      g_autoptr (RhMember) p = rh_test_member (f->branch, "预备党员", 20 + i, RH_GENDER_FEMALE);
      p->status = RH_STATUS_PROBATIONARY;
      g_free (p->admitted_date);
      p->admitted_date = g_strdup ("2025-03-01");
      g_clear_pointer (&p->full_date, g_free);
      rh_test_insert (f->db, p);
    }
  m = hold (f, RH_MEETING_GENERAL_ASSEMBLY, "2025-07-15", absent, 4);
  g_assert_cmpint (m->expected, ==, 10);
  g_assert_cmpint (m->present, ==, 6);
  g_assert_false (m->valid);
}

static void
test_rule_change_changes_result (Fixture *f, gconstpointer data)
{
  g_autoptr (RhCompliance) before = NULL;
  g_autoptr (RhCompliance) after = NULL;
  g_autoptr (GError) error = NULL;

  hold_q2 (f);
  before = compute (f, "2025Q2", "2026-06-01");
  g_assert_true (rh_meeting_rule_set (f->db, RH_MEETING_COMMITTEE, RH_RULE_QUARTER, 1, &error));
  g_assert_no_error (error);
  after = compute (f, "2025Q2", "2026-06-01");
  g_assert_cmpfloat_with_epsilon (before->rate, 10.0 / 11.0, 1e-9);
  /* Once a quarter: the two held meet it. 9 of 9. */
  g_assert_cmpint (after->required, ==, 9);
  g_assert_cmpfloat_with_epsilon (after->rate, 1.0, 1e-9);
  /* A bad rule is refused and changes nothing. */
  g_assert_false (rh_meeting_rule_set (f->db, RH_MEETING_COMMITTEE, RH_RULE_MONTH, 40, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_RULE);
}

static void
test_period_boundaries (Fixture *f, gconstpointer data)
{
  g_autoptr (RhCompliance) june = NULL;
  g_autoptr (RhCompliance) q3 = NULL;
  g_autoptr (RhCompliance) year = NULL;
  g_autoptr (RhCompliance) next = NULL;

  g_object_unref (hold (f, RH_MEETING_THEME_DAY, "2025-06-30", NULL, 0));
  g_object_unref (hold (f, RH_MEETING_LIFE, "2025-12-31", NULL, 0));
  g_object_unref (hold (f, RH_MEETING_LIFE, "2026-01-01", NULL, 0));
  june = compute (f, "2025-06", "2026-06-01");
  q3 = compute (f, "2025Q3", "2026-06-01");
  year = compute (f, "2025", "2026-06-01");
  next = compute (f, "2026", "2026-06-01");
  g_assert_cmpint (june->kinds[RH_MEETING_THEME_DAY].met, ==, 1);
  g_assert_cmpint (q3->kinds[RH_MEETING_THEME_DAY].met, ==, 0);
  g_assert_cmpint (year->kinds[RH_MEETING_LIFE].met, ==, 1);
  g_assert_cmpint (year->kinds[RH_MEETING_LIFE].held, ==, 1);
  /* 2026 is not over: its one life meeting is met, the rest still pending. */
  g_assert_cmpint (next->kinds[RH_MEETING_LIFE].met, ==, 1);
  g_assert_cmpint (next->kinds[RH_MEETING_LIFE].required, ==, 1);
  /* Months of 2026 after May are pending and not required yet. */
  g_assert_cmpint (next->kinds[RH_MEETING_THEME_DAY].required, ==, 5);
}

static void
test_pending_units_not_counted (Fixture *f, gconstpointer data)
{
  g_autoptr (RhCompliance) c = NULL;

  g_object_unref (hold (f, RH_MEETING_COMMITTEE, "2025-04-08", NULL, 0));
  /* On 15 May, April is over and met; May and June are still running. */
  c = compute (f, "2025Q2", "2025-05-15");
  g_assert_cmpint (c->kinds[RH_MEETING_COMMITTEE].required, ==, 1);
  g_assert_cmpint (c->kinds[RH_MEETING_COMMITTEE].met, ==, 1);
  g_assert_cmpint (g_array_index (c->kinds[RH_MEETING_COMMITTEE].units, RhComplianceUnit, 1).state,
                   ==, RH_UNIT_PENDING);
}

/* 支委会 is due only while a committee is in office; nothing is due before the
 * branch was founded. */
static void
test_history (Fixture *f, gconstpointer data)
{
  g_autoptr (RhOrg) young = rh_org_new (RH_ORG_BRANCH, "新成立党支部");
  g_autoptr (GPtrArray) roles = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_role_free);
  g_autoptr (RhCompliance) c = NULL;
  RhPeriod year;
  GDate today;
  RhComplianceKind *committee, *theme;

  young->founded_date = g_strdup ("2025-03-10");
  g_assert_true (rh_org_insert (f->db, young, NULL));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr (RhMember) m = rh_test_member (young->id, "委员", 40 + i, RH_GENDER_MALE);
      RhRole *r = g_new0 (RhRole, 1);
      rh_test_insert (f->db, m);
      r->member_id = m->id;
      r->role = i == 0 ? RH_ROLE_SECRETARY : RH_ROLE_MEMBER;
      g_ptr_array_add (roles, r);
    }
  g_assert_true (rh_term_start (f->db, young->id, "2025-05-15", 3, roles, NULL));
  g_assert_true (rh_period_parse ("2025", &year, NULL));
  g_assert_true (rh_date_parse ("2026-06-01", &today));
  c = rh_compliance_compute (f->db, young->id, &year, &today, NULL);
  committee = &c->kinds[RH_MEETING_COMMITTEE];
  theme = &c->kinds[RH_MEETING_THEME_DAY];
  /* Committee: May (elected mid-month) to December = 8 months. */
  g_assert_cmpint (committee->required, ==, 8);
  g_assert_cmpint (g_array_index (committee->units, RhComplianceUnit, 3).state, ==, RH_UNIT_NOT_DUE);
  g_assert_cmpint (g_array_index (committee->units, RhComplianceUnit, 4).state, ==, RH_UNIT_MISSED);
  /* Theme days: March (founded on the 10th) to December = 10 months. */
  g_assert_cmpint (theme->required, ==, 10);
  g_assert_cmpint (g_array_index (theme->units, RhComplianceUnit, 1).state, ==, RH_UNIT_NOT_DUE);
}

static void
assert_refused (Fixture *f, RhMeeting *m, RhField field)
{
  g_autoptr (GError) error = NULL;
  gint64 before = rh_database_query_int (f->db, "SELECT count(*) FROM meeting");

  g_assert_false (rh_meeting_save (f->db, m, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, (int) field);
  g_assert_cmpint (m->id, ==, 0);
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM meeting"), ==, before);
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  g_autoptr (RhMeeting) m = rh_meeting_new ();
  g_autoptr (RhMember) late = rh_test_member (f->branch, "新党员", 30, RH_GENDER_MALE);
  gint64 other = rh_test_add_org (f->db, RH_ORG_BRANCH, "另一支部", 0);
  g_autoptr (RhMember) stranger = rh_test_member (other, "外支部党员", 31, RH_GENDER_MALE);

  g_free (late->admitted_date);
  g_free (late->full_date);
  late->admitted_date = g_strdup ("2025-09-01");
  late->full_date = NULL;
  late->status = RH_STATUS_PROBATIONARY;
  rh_test_insert (f->db, late);
  rh_test_insert (f->db, stranger);

  m->org_id = f->branch;
  m->kind = RH_MEETING_GENERAL_ASSEMBLY;
  m->date = g_strdup ("2026-06-02");   /* tomorrow */
  assert_refused (f, m, RH_FIELD_MEETING_DATE);
  g_free (m->date);
  m->date = g_strdup ("2025-07-01");
  /* Not yet a member on 1 July. */
  rh_meeting_add_absence (m, late->id, RH_ATTENDANCE_ABSENT, NULL);
  assert_refused (f, m, RH_FIELD_ATTENDANCE);
  g_ptr_array_set_size (m->absences, 0);
  /* A member of another branch. */
  rh_meeting_add_absence (m, stranger->id, RH_ATTENDANCE_LEAVE, NULL);
  assert_refused (f, m, RH_FIELD_ATTENDANCE);
  g_ptr_array_set_size (m->absences, 0);
  m->host_id = stranger->id;
  assert_refused (f, m, RH_FIELD_HOST);
  m->host_id = f->members[0];
  /* A party group meeting is held by a group. */
  m->kind = RH_MEETING_GROUP;
  assert_refused (f, m, RH_FIELD_BRANCH);
  m->kind = RH_MEETING_GENERAL_ASSEMBLY;
  /* Transferred out before the meeting: not expected. */
  g_assert_true (rh_member_archive (f->db, f->members[7], "2025-06-01", "转出", NULL));
  rh_meeting_add_absence (m, f->members[7], RH_ATTENDANCE_ABSENT, NULL);
  assert_refused (f, m, RH_FIELD_ATTENDANCE);
  g_ptr_array_set_size (m->absences, 0);
  {
    g_autoptr (GError) error = NULL;
    g_assert_true (rh_meeting_save (f->db, m, &error));
    g_assert_no_error (error);
    g_assert_cmpint (m->expected, ==, 7);
  }
}

static void
test_member_attendance (Fixture *f, gconstpointer data)
{
  const int absent[] = { 5 };
  int expected, present;

  hold_q2 (f);
  g_object_unref (hold (f, RH_MEETING_THEME_DAY, "2025-04-20", absent, 1));
  /* Member 5 (no group, not on the committee): assembly, lecture, 4 theme days = 6, absent once. */
  g_assert_true (rh_member_attendance (f->db, f->members[5], "2025-04-01", "2025-06-30",
                                       &expected, &present, NULL));
  g_assert_cmpint (expected, ==, 6);
  g_assert_cmpint (present, ==, 5);
  /* Member 0 (group and committee): + 3 group + 2 committee = 11, never absent. */
  g_assert_true (rh_member_attendance (f->db, f->members[0], "2025-04-01", "2025-06-30",
                                       &expected, &present, NULL));
  g_assert_cmpint (expected, ==, 11);
  g_assert_cmpint (present, ==, 11);
}

/* Looks a branch up in a list of results. */
static RhCompliance *
find_branch (GPtrArray *all, gint64 id)
{
  for (guint i = 0; i < all->len; i++)
    if (((RhCompliance *) all->pdata[i])->org_id == id)
      return all->pdata[i];
  return NULL;
}

static void
assert_same_compliance (const RhCompliance *a, const RhCompliance *b)
{
  g_assert_cmpint (a->org_id, ==, b->org_id);
  g_assert_cmpint (a->required, ==, b->required);
  g_assert_cmpint (a->met, ==, b->met);
  g_assert_cmpfloat (a->rate, ==, b->rate);
  g_assert_cmpint (a->present, ==, b->present);
  g_assert_cmpint (a->expected, ==, b->expected);
  for (int k = 0; k < RH_N_MEETING_KINDS; k++)
    {
      g_assert_cmpint (a->kinds[k].held, ==, b->kinds[k].held);
      g_assert_cmpint (a->kinds[k].met, ==, b->kinds[k].met);
      g_assert_cmpuint (a->kinds[k].units->len, ==, b->kinds[k].units->len);
    }
}

/* Each branch's meetings, and its groups', are its own: a second branch's
 * meetings on the same days change nothing, and computing some branches
 * gives what computing all gives for them. Attendance counts the meetings
 * of an archived group too; compliance does not. */
static void
test_some_branches_and_attendance (Fixture *f, gconstpointer data)
{
  const int absent[] = { 5 };
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) some = NULL;
  g_autoptr (GHashTable) only = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;
  RhCompliance *a, *b;
  RhMeeting *m;
  gint64 other, old_group;
  RhPeriod q2;
  GDate today;

  hold_q2 (f);
  g_object_unref (hold (f, RH_MEETING_THEME_DAY, "2025-04-20", absent, 1));
  /* A second branch of two members, meeting on the same days. */
  other = rh_test_add_org (f->db, RH_ORG_BRANCH, "机关第二党支部", 0);
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("二支部党员%d", i);
      g_autoptr (RhMember) member = rh_test_member (other, name, 20 + i, RH_GENDER_FEMALE);
      rh_test_insert (f->db, member);
    }
  for (int i = 0; i < 2; i++)
    {
      m = rh_meeting_new ();
      m->org_id = other;
      m->kind = RH_MEETING_THEME_DAY;
      m->date = g_strdup (i == 0 ? "2025-04-08" : "2025-05-12");
      m->topic = g_strdup ("主题党日");
      g_assert_true (rh_meeting_save (f->db, m, &error));
      g_assert_no_error (error);
      g_object_unref (m);
    }
  /* A group of the first branch (members 4 and 5) meets once, one absent,
   * and is archived afterwards. */
  old_group = rh_test_add_org (f->db, RH_ORG_GROUP, "第二党小组", f->branch);
  sql = g_strdup_printf ("UPDATE member SET group_id = %" G_GINT64_FORMAT " WHERE id IN (%"
                         G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", old_group, f->members[4],
                         f->members[5]);
  g_assert_true (rh_database_exec (f->db, sql, NULL));
  m = rh_meeting_new ();
  m->org_id = old_group;
  m->kind = RH_MEETING_GROUP;
  m->date = g_strdup ("2025-05-20");
  m->topic = g_strdup ("学习传达");
  rh_meeting_add_absence (m, f->members[5], RH_ATTENDANCE_ABSENT, "出差");
  g_assert_true (rh_meeting_save (f->db, m, &error));
  g_assert_no_error (error);
  g_object_unref (m);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE organisation SET archived_date = '2025-07-01' WHERE id = %"
                         G_GINT64_FORMAT, old_group);
  g_assert_true (rh_database_exec (f->db, sql, NULL));

  g_assert_true (rh_period_parse ("2025Q2", &q2, NULL));
  g_assert_true (rh_date_parse ("2026-06-01", &today));
  all = rh_compliance_compute_all (f->db, &q2, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  a = find_branch (all, f->branch);
  b = find_branch (all, other);
  /* The first branch, as in missing-committee-month (the archived group's
   * meeting is not a 党小组会 that counts): 10 of 11. Expected: assembly 8,
   * 支委会 2 × 3, lecture 8, 党小组会 3 × 4, theme days 4 × 8, the archived
   * group's 2 = 68; present: all but member 5 twice = 66. */
  g_assert_cmpint (a->required, ==, 11);
  g_assert_cmpint (a->met, ==, 10);
  g_assert_cmpint (a->kinds[RH_MEETING_GROUP].held, ==, 3);
  g_assert_cmpint (a->expected, ==, 68);
  g_assert_cmpint (a->present, ==, 66);
  /* The second: two theme days of three months, two people each. */
  g_assert_cmpint (b->kinds[RH_MEETING_THEME_DAY].held, ==, 2);
  g_assert_cmpint (b->kinds[RH_MEETING_THEME_DAY].required, ==, 3);
  g_assert_cmpint (b->kinds[RH_MEETING_THEME_DAY].met, ==, 2);
  g_assert_cmpint (b->expected, ==, 4);
  g_assert_cmpint (b->present, ==, 4);

  g_hash_table_add (only, &other);
  some = rh_compliance_compute_some (f->db, &q2, only, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 1);
  assert_same_compliance (some->pdata[0], b);
  g_clear_pointer (&some, g_ptr_array_unref);
  g_hash_table_remove_all (only);
  g_hash_table_add (only, &f->branch);
  some = rh_compliance_compute_some (f->db, &q2, only, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 1);
  assert_same_compliance (some->pdata[0], a);
  /* Both: in the order of all, by pinyin. */
  g_clear_pointer (&some, g_ptr_array_unref);
  g_hash_table_add (only, &other);
  some = rh_compliance_compute_some (f->db, &q2, only, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    assert_same_compliance (some->pdata[i], all->pdata[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("RONGHE_TODAY", "2026-06-01", TRUE);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/compliance/missing-committee-month", test_missing_committee_month);
  ADD ("/compliance/below-quorum-does-not-count", test_below_quorum_does_not_count);
  ADD ("/compliance/probationary-members-do-not-vote", test_probationary_members_do_not_vote);
  ADD ("/compliance/rule-change-changes-result", test_rule_change_changes_result);
  ADD ("/compliance/period-boundaries", test_period_boundaries);
  ADD ("/compliance/pending-units-not-counted", test_pending_units_not_counted);
  ADD ("/compliance/history", test_history);
  ADD ("/compliance/validation", test_validation);
  ADD ("/compliance/member-attendance", test_member_attendance);
  ADD ("/compliance/some-branches-and-attendance", test_some_branches_and_attendance);
  return g_test_run ();
}
