/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Member points and the democratic review, hand-worked. Today is 2026-06-01. */
#include "rh-config.h"

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
  /* Probationary members are counted on their own: 1 of 3. */
  g_assert_true (rh_review_set (f->db, f->probationary[0], 2025, RH_REVIEW_EXCELLENT, NULL, &error));
  g_assert_false (rh_review_set (f->db, f->probationary[1], 2025, RH_REVIEW_EXCELLENT, NULL, &error));
  g_assert_nonnull (strstr (error->message, "1 of 3"));
  g_clear_error (&error);
  /* Another year has its own quota; other grades have none. */
  g_assert_true (rh_review_set (f->db, f->members[2], 2024, RH_REVIEW_EXCELLENT, NULL, &error));
  g_assert_true (rh_review_set (f->db, f->members[2], 2025, RH_REVIEW_QUALIFIED, NULL, &error));
  g_assert_cmpint (rh_review_get (f->db, f->members[2], 2025), ==, RH_REVIEW_QUALIFIED);
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
  return g_test_run ();
}
