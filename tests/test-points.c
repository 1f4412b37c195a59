/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Member points and the democratic review, hand-worked. Today is 2026-06-01. */
#include "rh-config.h"

#include <math.h>
#include <string.h>
#include "rh-meeting.h"
#include "rh-points.h"
#include "test-util.h"

typedef struct {
  RhDatabase *db;
  gint64      branch;
  gint64      members[8];
  gint64      probationary[3];
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->db = rh_database_open (":memory:", NULL);
  f->branch = rh_test_add_org (f->db, RH_ORG_BRANCH, "机关第一党支部", 0);
  for (int i = 0; i < 8; i++)
    {
      g_autoptr (RhMember) m = rh_test_member (f->branch, "党员", i, RH_GENDER_MALE);
      rh_test_insert (f->db, m);
      f->members[i] = m->id;
    }
  for (int i = 0; i < 3; i++)
    {
      g_autoptr (RhMember) m = rh_test_member (f->branch, "预备党员", 20 + i, RH_GENDER_FEMALE);
      m->status = RH_STATUS_PROBATIONARY;
      g_free (m->admitted_date);
      m->admitted_date = g_strdup ("2025-09-01");
      g_clear_pointer (&m->full_date, g_free);
      rh_test_insert (f->db, m);
      f->probationary[i] = m->id;
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->db);
}

static RhPoints *
points_of (GPtrArray *all, gint64 member)
{
  for (guint i = 0; i < all->len; i++)
    if (((RhPoints *) all->pdata[i])->member_id == member)
      return all->pdata[i];
  g_assert_not_reached ();
}

static void
add (Fixture *f, gint64 member, const char *rule, const char *date)
{
  g_autoptr (GError) error = NULL;
  g_assert_true (rh_points_add (f->db, member, rule, date, NULL, &error));
  g_assert_no_error (error);
}

static void
test_caps_and_veto (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RhMeeting) m = rh_meeting_new ();
  RhPeriod year;
  RhPoints *p;

  /* Volunteering (+2, at most 8 a quarter): six times in Q1 → 8, twice in Q2 → 4. */
  for (int i = 0; i < 6; i++)
    add (f, f->members[0], "P04", "2025-02-10");
  add (f, f->members[0], "P04", "2025-05-10");
  add (f, f->members[0], "P04", "2025-05-11");
  /* Criticism (−5, no cap) twice. */
  add (f, f->members[1], "P08", "2025-03-01");
  add (f, f->members[1], "P08", "2025-08-01");
  /* A veto sets the year to 0. */
  add (f, f->members[2], "P04", "2025-02-10");
  add (f, f->members[2], "P09", "2025-11-01");
  /* Automatic: one meeting attended (+1) by everyone but member 3, absent without leave (−3). */
  m->org_id = f->branch;
  m->kind = RH_MEETING_THEME_DAY;
  m->date = g_strdup ("2025-04-15");
  rh_meeting_add_absence (m, f->members[3], RH_ATTENDANCE_ABSENT, NULL);
  g_assert_true (rh_meeting_save (f->db, m, &error));

  g_assert_true (rh_period_parse ("2025", &year, NULL));
  all = rh_points_for_branch (f->db, f->branch, &year, &error);
  g_assert_no_error (error);
  p = points_of (all, f->members[0]);
  g_assert_cmpfloat (p->earned, ==, 8 + 4 + 1);
  g_assert_cmpfloat (p->total, ==, 73);
  g_assert_cmpstr (p->level, ==, "合格");
  g_assert_cmpint (p->rank, ==, 1);
  p = points_of (all, f->members[1]);
  g_assert_cmpfloat (p->total, ==, 60 - 10 + 1);
  p = points_of (all, f->members[2]);
  g_assert_true (p->vetoed);
  g_assert_cmpfloat (p->total, ==, 0);
  g_assert_cmpstr (p->level, ==, "不合格");
  p = points_of (all, f->members[3]);
  g_assert_cmpfloat (p->total, ==, 60 - 3);
  /* Automatic rules are not entered by hand. */
  g_assert_false (rh_points_add (f->db, f->members[0], "P01", "2025-01-01", NULL, &error));
  g_assert_nonnull (error);
}

static void
test_review_quota (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const char *count = "SELECT count(*) FROM member_review WHERE grade = 'excellent'";

  /* 8 full members: 2 may be excellent (3 × 3 > 8). */
  g_assert_true (rh_review_set (f->db, f->members[0], 2025, RH_REVIEW_EXCELLENT, NULL, &error));
  g_assert_true (rh_review_set (f->db, f->members[1], 2025, RH_REVIEW_EXCELLENT, NULL, &error));
  g_assert_false (rh_review_set (f->db, f->members[2], 2025, RH_REVIEW_EXCELLENT, NULL, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE);
  g_assert_nonnull (strstr (error->message, "2 of 8"));
  g_assert_cmpint (rh_database_query_int (f->db, count), ==, 2);
  g_assert_cmpint (rh_review_get (f->db, f->members[2], 2025), ==, -1);
  g_clear_error (&error);
  /* Re-rating one of the two as excellent again is not a third. */
  g_assert_true (rh_review_set (f->db, f->members[1], 2025, RH_REVIEW_EXCELLENT, "连任", &error));
  /* A grade set without a note keeps the note written before. */
  g_assert_true (rh_review_set (f->db, f->members[1], 2025, RH_REVIEW_EXCELLENT, NULL, &error));
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM member_review"
                                                 " WHERE note = '连任'"), ==, 1);
  /* Probationary members are counted on their own: 1 of 3. */
  g_assert_true (rh_review_set (f->db, f->probationary[0], 2025, RH_REVIEW_EXCELLENT, NULL, &error));
  g_assert_false (rh_review_set (f->db, f->probationary[1], 2025, RH_REVIEW_EXCELLENT, NULL, &error));
  g_assert_nonnull (strstr (error->message, "1 of 3"));
  g_clear_error (&error);
  /* An applicant is not reviewed (and so never fills the quota). */
  {
    g_autoptr (RhMember) a = rh_test_member (f->branch, "申请人", 40, RH_GENDER_MALE);
    a->status = RH_STATUS_APPLICANT;
    g_clear_pointer (&a->admitted_date, g_free);
    g_clear_pointer (&a->full_date, g_free);
    a->applied_date = g_strdup ("2025-03-01");
    rh_test_insert (f->db, a);
    g_assert_false (rh_review_set (f->db, a->id, 2025, RH_REVIEW_EXCELLENT, NULL, &error));
    g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_STATUS);
    g_clear_error (&error);
  }
  /* Another year has its own quota; other grades have none. */
  g_assert_true (rh_review_set (f->db, f->members[2], 2024, RH_REVIEW_EXCELLENT, NULL, &error));
  g_assert_true (rh_review_set (f->db, f->members[2], 2025, RH_REVIEW_QUALIFIED, NULL, &error));
  g_assert_cmpint (rh_review_get (f->db, f->members[2], 2025), ==, RH_REVIEW_QUALIFIED);
}

/* The same records as caps-and-veto, read per quarter and per member. */
static void
test_quarters_and_ranks (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RhMeeting) m = rh_meeting_new ();
  g_autoptr (RhPoints) one = NULL;
  g_autoptr (RhPoints) q1 = NULL;
  RhPeriod year, quarter;
  RhPoints *p;

  for (int i = 0; i < 6; i++)
    add (f, f->members[0], "P04", "2025-02-10");
  add (f, f->members[0], "P04", "2025-05-10");
  add (f, f->members[0], "P04", "2025-05-11");
  add (f, f->members[1], "P08", "2025-03-01");
  add (f, f->members[1], "P08", "2025-08-01");
  add (f, f->members[2], "P09", "2025-11-01");
  m->org_id = f->branch;
  m->kind = RH_MEETING_THEME_DAY;
  m->date = g_strdup ("2025-04-15");
  rh_meeting_add_absence (m, f->members[3], RH_ATTENDANCE_ABSENT, NULL);
  g_assert_true (rh_meeting_save (f->db, m, &error));
  g_assert_true (rh_review_set (f->db, f->probationary[0], 2025, RH_REVIEW_EXCELLENT, NULL, &error));

  g_assert_true (rh_period_parse ("2025", &year, NULL));
  all = rh_points_for_branch (f->db, f->branch, &year, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 11);
  /* Member 0: Q1 six volunteering entries (12, capped at 8); Q2 two (4) and
   * the meeting (+1). 60 + 13 = 73, alone at the top. */
  p = points_of (all, f->members[0]);
  g_assert_cmpfloat (p->quarters[0], ==, 8);
  g_assert_cmpfloat (p->quarters[1], ==, 5);
  g_assert_cmpfloat (p->quarters[2], ==, 0);
  g_assert_cmpfloat (p->quarters[3], ==, 0);
  g_assert_cmpint (p->rank, ==, 1);
  g_assert_cmpint (p->ranked, ==, 11);
  g_assert_false (p->probationary);
  g_assert_cmpint (p->review, ==, -1);
  /* Member 1: −5 in Q1 and Q3, +1 in Q2: 51. */
  p = points_of (all, f->members[1]);
  g_assert_cmpfloat (p->quarters[0], ==, -5);
  g_assert_cmpfloat (p->quarters[1], ==, 1);
  g_assert_cmpfloat (p->quarters[2], ==, -5);
  g_assert_cmpint (p->rank, ==, 10);
  /* Members 4–7 attended only: 61 each, sharing rank 2. The probationary
   * members, admitted after the meeting, have 60 and share rank 6; then
   * member 3 (57) is 9th, member 1 10th and member 2 (vetoed, 0) 11th. */
  for (int i = 4; i < 8; i++)
    g_assert_cmpint (points_of (all, f->members[i])->rank, ==, 2);
  for (int i = 0; i < 3; i++)
    {
      p = points_of (all, f->probationary[i]);
      g_assert_cmpint (p->rank, ==, 6);
      g_assert_true (p->probationary);
      g_assert_cmpfloat (p->total, ==, 60);
    }
  g_assert_cmpint (points_of (all, f->probationary[0])->review, ==, RH_REVIEW_EXCELLENT);
  g_assert_cmpint (points_of (all, f->members[3])->rank, ==, 9);
  g_assert_cmpint (points_of (all, f->members[2])->rank, ==, 11);

  /* One member, the same figures, ranked among the branch. */
  one = rh_points_for_member (f->db, f->members[0], &year, &error);
  g_assert_no_error (error);
  g_assert_nonnull (one);
  g_assert_cmpfloat (one->total, ==, 73);
  g_assert_cmpfloat (one->quarters[0] + one->quarters[1], ==, one->earned);
  g_assert_cmpint (one->rank, ==, 1);
  g_assert_cmpint (one->ranked, ==, 11);
  /* By rule: the meeting attended (P01, +1) and eight volunteering entries (P04: 16, of
   * which the caps let 8 + 4 count). The rules' shares add up to what was earned. */
  {
    g_autoptr (GPtrArray) by_rule = rh_points_by_rule (f->db, f->members[0], &year, &error);
    RhPointRuleSum *sum;

    g_assert_no_error (error);
    g_assert_cmpuint (by_rule->len, ==, 2);
    sum = by_rule->pdata[0];
    g_assert_cmpstr (sum->code, ==, "P01");
    g_assert_cmpint (sum->source, ==, RH_POINT_PRESENT);
    g_assert_cmpint (sum->count, ==, 1);
    g_assert_cmpfloat (sum->counted, ==, 1);
    sum = by_rule->pdata[1];
    g_assert_cmpstr (sum->code, ==, "P04");
    g_assert_cmpint (sum->count, ==, 8);
    g_assert_cmpfloat (sum->raw, ==, 16);
    g_assert_cmpfloat (sum->counted, ==, 12);
    g_clear_pointer (&by_rule, g_ptr_array_unref);
    /* Member 3 missed the meeting without leave: P02, −3, and nothing from P01. */
    by_rule = rh_points_by_rule (f->db, f->members[3], &year, &error);
    g_assert_cmpuint (by_rule->len, ==, 1);
    sum = by_rule->pdata[0];
    g_assert_cmpstr (sum->code, ==, "P02");
    g_assert_cmpint (sum->source, ==, RH_POINT_ABSENT);
    g_assert_cmpfloat (sum->counted, ==, -3);
  }
  /* Q1 alone: the cap holds per quarter, 60 + 8. */
  g_assert_true (rh_period_parse ("2025Q1", &quarter, NULL));
  q1 = rh_points_for_member (f->db, f->members[0], &quarter, &error);
  g_assert_cmpfloat (q1->total, ==, 68);
  g_assert_cmpfloat (q1->quarters[0], ==, 8);
  g_assert_cmpfloat (q1->quarters[1], ==, 0);
}

static void
test_entries_and_remove (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  RhPeriod year;
  RhPointEntry *e;
  gint64 audit;

  g_assert_true (rh_period_parse ("2025", &year, NULL));
  for (int i = 0; i < 5; i++)
    add (f, f->members[0], "P04", "2025-02-10");
  g_assert_true (rh_points_add (f->db, f->members[0], "P07", "2025-06-30", "市级优秀党员",
                                &error));
  add (f, f->members[0], "P04", "2024-12-31");   /* another year */
  /* A future date and an unknown rule are refused. */
  g_assert_false (rh_points_add (f->db, f->members[0], "P04", "2026-06-02", NULL, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_DATE);
  g_clear_error (&error);
  g_assert_false (rh_points_add (f->db, f->members[0], "P99", "2025-01-01", NULL, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_POINTS_RULE);
  g_assert_nonnull (strstr (error->message, "P99"));
  g_clear_error (&error);

  entries = rh_points_entries (f->db, f->members[0], &year, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 6);
  e = entries->pdata[0];   /* newest first */
  g_assert_cmpstr (e->date, ==, "2025-06-30");
  g_assert_cmpstr (e->code, ==, "P07");
  g_assert_cmpstr (e->item, ==, "获得上级表彰");
  g_assert_cmpfloat (e->points, ==, 10);
  g_assert_cmpstr (e->note, ==, "市级优秀党员");
  g_assert_false (e->veto);

  /* Five volunteering entries in Q1 are 10, capped at 8: removing one (8)
   * changes nothing, removing a second (6) does. */
  {
    g_autoptr (RhPoints) p = NULL;
    g_assert_true (rh_points_remove (f->db, ((RhPointEntry *) entries->pdata[1])->id, &error));
    p = rh_points_for_member (f->db, f->members[0], &year, &error);
    g_assert_cmpfloat (p->quarters[0], ==, 8);
    g_assert_cmpfloat (p->quarters[1], ==, 10);
  }
  audit = rh_database_query_int (f->db, "SELECT count(*) FROM audit_log"
                                        " WHERE table_name = 'point_entry' AND action = 'delete'");
  g_assert_cmpint (audit, ==, 1);
  {
    g_autoptr (RhPoints) p = NULL;
    g_assert_true (rh_points_remove (f->db, ((RhPointEntry *) entries->pdata[2])->id, &error));
    p = rh_points_for_member (f->db, f->members[0], &year, &error);
    g_assert_cmpfloat (p->quarters[0], ==, 6);
    g_assert_cmpfloat (p->total, ==, 60 + 6 + 10);
  }
  /* Removing it again says so. */
  g_assert_false (rh_points_remove (f->db, ((RhPointEntry *) entries->pdata[2])->id, &error));
  g_assert_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = rh_points_entries (f->db, f->members[0], &year, &error);
  g_assert_cmpuint (entries->len, ==, 4);
  /* Applicants and transferred members hold no points, and get none. */
  g_assert_null (rh_points_for_member (f->db, 999999, &year, &error));
  g_assert_no_error (error);
  g_assert_false (rh_points_add (f->db, 999999, "P04", "2025-01-01", NULL, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_STATUS);
  g_clear_error (&error);
  g_assert_true (rh_member_archive (f->db, f->members[5], "2026-01-10", "组织关系转出", &error));
  g_assert_null (rh_points_for_member (f->db, f->members[5], &year, &error));
  g_assert_false (rh_points_add (f->db, f->members[5], "P04", "2025-01-01", NULL, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_STATUS);
  g_clear_error (&error);
}

static RhPointRule *
rule_of (RhPointSettings *s, const char *code)
{
  for (guint i = 0; i < s->rules->len; i++)
    if (g_strcmp0 (((RhPointRule *) s->rules->pdata[i])->code, code) == 0)
      return s->rules->pdata[i];
  return NULL;
}

static void
remove_rule (RhPointSettings *s, const char *code)
{
  g_assert_true (g_ptr_array_remove (s->rules, rule_of (s, code)));
}

/* A save that must be refused: the message holds `expect`, and nothing changed. */
static void
refused (Fixture *f, RhPointSettings *s, const char *expect)
{
  g_autoptr (GError) error = NULL;
  gint64 audit = rh_database_query_int (f->db, "SELECT count(*) FROM audit_log");

  g_assert_false (rh_point_settings_save (f->db, s, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE);
  if (strstr (error->message, expect) == NULL)
    g_error ("“%s” does not hold “%s”", error->message, expect);
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM audit_log"), ==, audit);
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM point_rule"), ==, 9);
}

static RhPointSettings *
load (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  RhPointSettings *s = rh_point_settings_load (f->db, &error);
  g_assert_no_error (error);
  return s;
}

static void
test_rules_edit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhPointSettings) s = load (f);
  g_autoptr (RhPoints) p = NULL;
  RhPointRule *r;
  RhPeriod year;

  /* The shipped rules. */
  g_assert_cmpuint (s->rules->len, ==, 9);
  g_assert_cmpfloat (s->base, ==, 60);
  g_assert_cmpstr (s->levels, ==, "优秀:90;良好:80;合格:60;不合格:0");
  r = rule_of (s, "P01");
  g_assert_cmpint (r->source, ==, RH_POINT_PRESENT);
  g_assert_cmpfloat (r->cap, ==, 12);
  g_assert_cmpint (rule_of (s, "P02")->source, ==, RH_POINT_ABSENT);
  g_assert_true (isnan (rule_of (s, "P08")->cap));
  g_assert_true (rule_of (s, "P09")->veto);
  for (int i = 0; i < 6; i++)
    add (f, f->members[0], "P04", "2025-02-10");

  /* Each refusal names the rule and the field; nothing is written. */
  g_clear_pointer (&rule_of (s, "P05")->item, g_free);
  rule_of (s, "P05")->item = g_strdup ("  ");
  refused (f, s, "P05: the item is empty");
  g_clear_pointer (&s, rh_point_settings_free);
  s = load (f);
  rule_of (s, "P05")->cap = -1;
  refused (f, s, "P05: the cap per quarter");
  rule_of (s, "P05")->cap = 10;
  r = rule_of (s, "P06");
  g_free (r->code);
  r->code = g_strdup ("P05 ");
  refused (f, s, "code P05 is used twice");
  g_assert_true (r == s->rules->pdata[5]);
  g_free (r->code);
  r->code = g_strdup ("");
  refused (f, s, "Points rule 6: the code is empty");
  g_clear_pointer (&s, rh_point_settings_free);
  s = load (f);
  s->base = -1;
  refused (f, s, "Base score");
  s->base = 60;
  g_free (s->levels);
  s->levels = g_strdup ("优秀90;合格:60");
  refused (f, s, "优秀90");
  g_free (s->levels);
  s->levels = g_strdup ("优秀:90;合格:95");
  refused (f, s, "合格");
  g_free (s->levels);
  s->levels = g_strdup ("优秀:90;良好:80;合格:60;不合格:0");
  /* Rules that count meetings keep their source and cannot go; a rule with
   * entries cannot go either. A removal that would have worked (P06) is
   * rolled back with the refused part of the same save. */
  remove_rule (s, "P06");
  rule_of (s, "P01")->source = RH_POINT_MANUAL;
  refused (f, s, "P01: whether it counts meeting records");
  rule_of (s, "P01")->source = RH_POINT_PRESENT;
  remove_rule (s, "P02");
  refused (f, s, "P02 is counted from meeting records");
  g_clear_pointer (&s, rh_point_settings_free);
  s = load (f);
  remove_rule (s, "P04");
  refused (f, s, "P04 has 6 entries");
  g_clear_pointer (&s, rh_point_settings_free);
  s = load (f);
  r = rh_point_rule_new ();
  r->code = g_strdup ("P10");
  r->item = g_strdup ("结对帮扶");
  r->points = 4;
  r->source = RH_POINT_ABSENT;
  g_ptr_array_add (s->rules, r);
  refused (f, s, "P10: new rules are entered by hand");

  /* A good save: volunteering becomes 3 points capped at 9 a quarter, a new
   * rule, P06 removed, and P03 and P05 swap codes. */
  r->source = RH_POINT_MANUAL;
  rule_of (s, "P04")->points = 3;
  rule_of (s, "P04")->cap = 9;
  remove_rule (s, "P06");
  {
    RhPointRule *p03 = rule_of (s, "P03"), *p05 = rule_of (s, "P05");
    p03->code[2] = '5';
    p05->code[2] = '3';
  }
  s->base = 50;
  g_assert_true (rh_point_settings_save (f->db, s, &error));
  g_assert_no_error (error);
  g_clear_pointer (&s, rh_point_settings_free);
  s = load (f);
  g_assert_cmpuint (s->rules->len, ==, 9);
  g_assert_cmpstr (rule_of (s, "P03")->item, ==, "党员先锋岗、示范岗示范带头");
  g_assert_cmpstr (rule_of (s, "P05")->item, ==, "按时足额交纳党费");
  g_assert_null (rule_of (s, "P06"));
  g_assert_cmpstr (rule_of (s, "P10")->item, ==, "结对帮扶");
  g_assert_cmpfloat (s->base, ==, 50);
  /* Six entries of 3 in Q1 are 18, capped at 9: 50 + 9. */
  g_assert_true (rh_period_parse ("2025", &year, NULL));
  p = rh_points_for_member (f->db, f->members[0], &year, &error);
  g_assert_cmpfloat (p->total, ==, 59);
  g_assert_cmpstr (p->level, ==, "不合格");
  add (f, f->members[0], "P10", "2025-03-01");
  /* The edits are in the audit log: P04 and P03/P05 updated, P10 added, P06 gone, the base. */
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM audit_log WHERE"
                                                 " table_name = 'point_rule' AND action = 'update'"
                                                 " AND json_extract(new_values, '$.code') NOT"
                                                 " LIKE '~%'"), ==, 3);
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM audit_log WHERE"
                                                 " table_name = 'point_rule' AND action <> 'update'"),
                   ==, 2);
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM audit_log WHERE"
                                                 " table_name = 'setting'"), ==, 1);
}

static void
test_review_clear (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (rh_review_set (f->db, f->members[0], 2025, RH_REVIEW_BASIC, NULL, &error));
  g_assert_cmpint (rh_review_get (f->db, f->members[0], 2025), ==, RH_REVIEW_BASIC);
  g_assert_true (rh_review_clear (f->db, f->members[0], 2025, &error));
  g_assert_cmpint (rh_review_get (f->db, f->members[0], 2025), ==, -1);
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM audit_log WHERE"
                                                 " table_name = 'member_review'"
                                                 " AND action = 'delete'"), ==, 1);
}

/* Runs SQL with bound ids and dates: "?" placeholders, then the values as
 * strings (numbers are bound as text and take the column's affinity). */
static gint64
sql_row (Fixture *f, const char *sql, ...)
{
  sqlite3_stmt *stmt = NULL;
  va_list ap;
  const char *v;

  g_assert_cmpint (sqlite3_prepare_v2 (rh_database_get_handle (f->db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  va_start (ap, sql);
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt) && (v = va_arg (ap, const char *)); i++)
    sqlite3_bind_text (stmt, i, v, -1, SQLITE_TRANSIENT);
  va_end (ap);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return sqlite3_last_insert_rowid (rh_database_get_handle (f->db));
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* A meeting held by an organisation; returns its id as text. */
static char *
meeting (Fixture *f, gint64 org, const char *kind, const char *date)
{
  g_autofree char *o = id_text (org);
  return id_text (sql_row (f, "INSERT INTO meeting (org_id, kind, date) VALUES (?, ?, ?)", o, kind,
                           date, NULL));
}

static void
attendance (Fixture *f, const char *meeting_id, gint64 member, const char *state)
{
  g_autofree char *m = id_text (member);
  sql_row (f, "INSERT INTO attendance (meeting_id, member_id, state) VALUES (?, ?, ?)",
           meeting_id, m, state, NULL);
}

static int
by_rule_count (Fixture *f, gint64 member, const RhPeriod *period, const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sums = rh_points_by_rule (f->db, member, period, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < sums->len; i++)
    if (strcmp (((RhPointRuleSum *) sums->pdata[i])->code, code) == 0)
      return ((RhPointRuleSum *) sums->pdata[i])->count;
  return 0;
}

/* Meetings attended and missed, counted for a whole branch (and the whole
 * committee) at once: party group meetings for the group's members only,
 * 支委会 for those on the committee that day, nothing for 谈心谈话, leave
 * neither present nor absent, members admitted or transferred out midway. */
static void
test_grouped_meetings (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) branch = NULL;
  g_autoptr (GPtrArray) second_list = NULL;
  g_autoptr (GHashTable) all = NULL;
  g_autoptr (RhMember) x = NULL;
  g_autofree char *b = id_text (f->branch);
  g_autofree char *m0 = id_text (f->members[0]);
  g_autofree char *m1 = id_text (f->members[1]);
  g_autofree char *m7 = id_text (f->members[7]);
  g_autofree char *mt1 = NULL, *mt2 = NULL, *mt3 = NULL, *mt7 = NULL;
  g_autofree char *term1 = NULL, *term2 = NULL, *g = NULL, *s = NULL;
  gint64 group = rh_test_add_org (f->db, RH_ORG_GROUP, "第一党小组", f->branch);
  gint64 second = rh_test_add_org (f->db, RH_ORG_BRANCH, "机关第二党支部", 0);
  RhPeriod year, q2;
  /* Hand-worked, 2025 by quarter: P01 +1 a meeting attended, P02 −3 a meeting missed. */
  const struct {
    int    member;   /* 0–7, or 10 + a probationary member */
    double q[4];
    double total;
    int    rank;
  } expect[] = {
    /* M1 and the group meeting in Q1, the 支委会 of June (term 2), the lecture. */
    { 0, { 2, 1, 0, 1 }, 64, 1 },
    /* M1 (+1) and the group meeting missed (−3); the 支委会 of April (term 1); the lecture. */
    { 1, { -2, 1, 0, 1 }, 60, 9 },
    /* M1, the lecture, and −3 for an absence at the second branch's meeting. */
    { 2, { 1, 0, 0, -2 }, 59, 10 },
    { 3, { 1, 0, 0, 1 }, 62, 2 },
    /* On leave at M1: neither present nor absent. */
    { 4, { 0, 0, 0, 1 }, 61, 5 },
    { 5, { 1, 0, 0, 1 }, 62, 2 },
    { 6, { 1, 0, 0, 1 }, 62, 2 },
    /* Admitted 2025-09-01: the lecture only. */
    { 10, { 0, 0, 0, 1 }, 61, 5 },
    { 11, { 0, 0, 0, 1 }, 61, 5 },
    { 12, { 0, 0, 0, 1 }, 61, 5 },
  };

  x = rh_test_member (second, "党员", 60, RH_GENDER_MALE);
  rh_test_insert (f->db, x);
  g = id_text (group);
  s = id_text (second);
  sql_row (f, "UPDATE member SET group_id = ? WHERE id IN (?, ?)", g, m0, m1, NULL);
  /* Member 7 is transferred out in August. */
  sql_row (f, "UPDATE member SET archived_date = '2025-08-01' WHERE id = ?", m7, NULL);
  /* Member 1 on the committee until 2025-05-01, member 0 from then on. */
  term1 = id_text (sql_row (f, "INSERT INTO committee_term (org_id, start_date, years, ended_date)"
                               " VALUES (?, '2024-01-01', 3, '2025-05-01')", b, NULL));
  term2 = id_text (sql_row (f, "INSERT INTO committee_term (org_id, start_date, years)"
                               " VALUES (?, '2025-05-01', 3)", b, NULL));
  sql_row (f, "INSERT INTO committee_role (term_id, member_id, role) VALUES (?, ?, 'member')",
           term1, m1, NULL);
  sql_row (f, "INSERT INTO committee_role (term_id, member_id, role) VALUES (?, ?, 'member')",
           term2, m0, NULL);

  g_free (meeting (f, f->branch, "theme_day", "2024-12-30"));  /* the year before */
  mt1 = meeting (f, f->branch, "theme_day", "2025-02-10");
  attendance (f, mt1, f->members[4], "leave");
  mt2 = meeting (f, group, "group", "2025-03-05");
  attendance (f, mt2, f->members[1], "absent");
  mt3 = meeting (f, f->branch, "committee", "2025-04-10");
  g_free (meeting (f, f->branch, "committee", "2025-06-10"));
  g_free (meeting (f, f->branch, "talk", "2025-07-01"));
  g_free (meeting (f, f->branch, "lecture", "2025-10-20"));
  mt7 = meeting (f, second, "general_assembly", "2025-11-11");
  attendance (f, mt7, f->members[2], "absent");

  g_assert_true (rh_period_parse ("2025", &year, NULL));
  branch = rh_points_for_branch (f->db, f->branch, &year, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (branch->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      gint64 id = expect[i].member < 10 ? f->members[expect[i].member]
                                        : f->probationary[expect[i].member - 10];
      RhPoints *p = points_of (branch, id);

      for (int q = 0; q < 4; q++)
        g_assert_cmpfloat (p->quarters[q], ==, expect[i].q[q]);
      g_assert_cmpfloat (p->total, ==, expect[i].total);
      g_assert_cmpint (p->rank, ==, expect[i].rank);
      g_assert_cmpint (p->ranked, ==, 10);
    }
  /* The same meetings as the member page counts them, one member at a time. */
  for (int i = 0; i < 8; i++)
    {
      int expected = 0, present = 0;
      g_assert_true (rh_member_attendance (f->db, f->members[i], year.first, year.last, &expected,
                                           &present, &error));
      g_assert_cmpint (by_rule_count (f, f->members[i], &year, "P01"), ==, present);
    }
  /* Member 7, transferred out, is not ranked but still has what came before August. */
  g_assert_cmpint (by_rule_count (f, f->members[7], &year, "P01"), ==, 1);
  g_assert_cmpint (by_rule_count (f, f->members[1], &year, "P02"), ==, 1);
  g_assert_cmpint (by_rule_count (f, f->members[4], &year, "P02"), ==, 0);
  /* A quarter alone: each committee member has their own 支委会. */
  g_assert_true (rh_period_parse ("2025Q2", &q2, NULL));
  g_clear_pointer (&branch, g_ptr_array_unref);
  branch = rh_points_for_branch (f->db, f->branch, &q2, &error);
  g_assert_cmpfloat (points_of (branch, f->members[0])->total, ==, 61);
  g_assert_cmpfloat (points_of (branch, f->members[1])->total, ==, 61);
  g_assert_cmpfloat (points_of (branch, f->members[3])->total, ==, 60);

  /* The whole committee at once gives every branch the same figures, and the same
   * review grades (read apart from the members there). */
  g_assert_true (rh_review_set (f->db, f->members[0], 2025, RH_REVIEW_EXCELLENT, NULL, &error));
  g_assert_true (rh_review_set (f->db, f->members[3], 2025, RH_REVIEW_BASIC, NULL, &error));
  g_assert_true (rh_review_set (f->db, f->members[3], 2024, RH_REVIEW_EXCELLENT, NULL, &error));
  g_clear_pointer (&branch, g_ptr_array_unref);
  branch = rh_points_for_branch (f->db, f->branch, &year, &error);
  g_assert_cmpint (points_of (branch, f->members[0])->review, ==, RH_REVIEW_EXCELLENT);
  g_assert_cmpint (points_of (branch, f->members[3])->review, ==, RH_REVIEW_BASIC);
  g_assert_cmpint (points_of (branch, f->members[1])->review, ==, -1);
  all = rh_points_for_all_branches (f->db, &year, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (all), ==, 2);
  {
    GPtrArray *first = g_hash_table_lookup (all, &f->branch);
    GPtrArray *other = g_hash_table_lookup (all, &second);

    g_assert_cmpuint (first->len, ==, branch->len);
    for (guint i = 0; i < branch->len; i++)
      {
        RhPoints *p = branch->pdata[i];
        RhPoints *o = points_of (first, p->member_id);

        g_assert_cmpstr (o->name, ==, p->name);
        for (int q = 0; q < 4; q++)
          g_assert_cmpfloat (o->quarters[q], ==, p->quarters[q]);
        g_assert_cmpfloat (o->earned, ==, p->earned);
        g_assert_cmpfloat (o->total, ==, p->total);
        g_assert_cmpint (o->rank, ==, p->rank);
        g_assert_cmpint (o->ranked, ==, p->ranked);
        g_assert_cmpstr (o->level, ==, p->level);
        g_assert_cmpint (o->vetoed, ==, p->vetoed);
        g_assert_cmpint (o->probationary, ==, p->probationary);
        g_assert_cmpint (o->review, ==, p->review);
      }
    /* The second branch: its one member at its one meeting. */
    g_assert_cmpuint (other->len, ==, 1);
    g_assert_cmpfloat (points_of (other, x->id)->quarters[3], ==, 1);
    g_assert_cmpfloat (points_of (other, x->id)->total, ==, 61);
    second_list = rh_points_for_branch (f->db, second, &year, &error);
    g_assert_cmpfloat (points_of (second_list, x->id)->total, ==, 61);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("RONGHE_TODAY", "2026-06-01", TRUE);
  g_test_add ("/points/caps-and-veto", Fixture, NULL, fixture_set_up, test_caps_and_veto,
              fixture_tear_down);
  g_test_add ("/points/review-quota", Fixture, NULL, fixture_set_up, test_review_quota,
              fixture_tear_down);
  g_test_add ("/points/quarters-and-ranks", Fixture, NULL, fixture_set_up,
              test_quarters_and_ranks, fixture_tear_down);
  g_test_add ("/points/entries-and-remove", Fixture, NULL, fixture_set_up,
              test_entries_and_remove, fixture_tear_down);
  g_test_add ("/points/rules-edit", Fixture, NULL, fixture_set_up, test_rules_edit,
              fixture_tear_down);
  g_test_add ("/points/review-clear", Fixture, NULL, fixture_set_up, test_review_clear,
              fixture_tear_down);
  g_test_add ("/points/grouped-meetings", Fixture, NULL, fixture_set_up, test_grouped_meetings,
              fixture_tear_down);
  return g_test_run ();
}
