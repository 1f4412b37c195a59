/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Central tasks (四同步), the integration index and the case library, hand-worked. */
#include "rh-config.h"

#include <math.h>
#include "rh-case.h"
#include "rh-meeting.h"
#include "rh-task.h"
#include "test-util.h"

static RhDatabase *
open_db (void)
{
  g_autoptr (GError) error = NULL;
  RhDatabase *db = rh_database_open (":memory:", &error);
  g_assert_no_error (error);
  return db;
}

static RhTask *
task (RhDatabase *db, gint64 org, const char *title, const char *period, int synced,
      double target, double actual)
{
  const char *dates[] = { "2025-01-10", "2025-04-10", "2025-07-10", "2025-10-10" };
  RhTask *t = rh_task_new ();
  g_autoptr (GError) error = NULL;

  t->org_id = org;
  t->title = g_strdup (title);
  t->period = g_strdup (period);
  for (int s = 0; s < synced; s++)
    t->sync_date[s] = g_strdup (dates[s]);
  if (!isnan (target))
    t->metric_name = g_strdup ("合格率");
  t->metric_target = target;
  t->metric_actual = actual;
  g_assert_true (rh_task_save (db, t, &error));
  g_assert_no_error (error);
  return t;
}

static void
meeting (RhDatabase *db, gint64 org, RhMeetingKind kind, const char *date, const char *business,
         gint64 task_id)
{
  g_autoptr (RhMeeting) m = rh_meeting_new ();
  g_autoptr (GError) error = NULL;

  m->org_id = org;
  m->kind = kind;
  m->date = g_strdup (date);
  m->business_topic = g_strdup (business);
  m->task_id = task_id;
  g_assert_true (rh_meeting_save (db, m, &error));
  g_assert_no_error (error);
}

static RhIntegration *
find (GPtrArray *all, gint64 org)
{
  for (guint i = 0; i < all->len; i++)
    if (((RhIntegration *) all->pdata[i])->org_id == org)
      return all->pdata[i];
  g_assert_not_reached ();
}

static void
test_integration_index (void)
{
  g_autoptr (RhDatabase) db = open_db ();
  gint64 a = rh_test_add_org (db, RH_ORG_BRANCH, "质量管理部党支部", 0);
  gint64 b = rh_test_add_org (db, RH_ORG_BRANCH, "后勤党支部", 0);
  g_autoptr (RhMember) m = rh_test_member (a, "张伟", 1, RH_GENDER_MALE);
  g_autoptr (RhTask) t1 = NULL, t2 = NULL, t3 = NULL, t4 = NULL;
  g_autoptr (GPtrArray) year = NULL, q1 = NULL, some = NULL;
  g_autoptr (GHashTable) only = g_hash_table_new (g_int64_hash, g_int64_equal);
  RhPeriod p2025, p2025q1;
  RhIntegration *r;

  rh_test_insert (db, m);
  t1 = task (db, a, "关键件一次交检合格率", "2025", 4, 99, 99.5);   /* all four, met */
  t2 = task (db, a, "科研项目立项", "2025Q3", 2, 100, 80);          /* two flags, missed */
  t3 = task (db, a, "党员突击队保交付", "2025-11", 4, NAN, NAN);    /* all four, no metric */
  t4 = task (db, a, "安全生产零事故", "2024", 4, 5, 3);             /* another year */
  meeting (db, a, RH_MEETING_GENERAL_ASSEMBLY, "2025-03-01", "部署质量攻关", 0);
  meeting (db, a, RH_MEETING_COMMITTEE, "2025-04-01", NULL, t1->id);
  meeting (db, a, RH_MEETING_COMMITTEE, "2025-05-01", "  ", 0);     /* blank: not linked */
  meeting (db, a, RH_MEETING_COMMITTEE, "2025-06-01", "研究立项", 0);
  meeting (db, a, RH_MEETING_LECTURE, "2025-06-02", "不计入", 0);   /* not a council meeting */
  /* The other branch meets on the same days: its meetings are its own. */
  meeting (db, b, RH_MEETING_GENERAL_ASSEMBLY, "2025-03-01", "后勤保障", 0);
  meeting (db, b, RH_MEETING_COMMITTEE, "2025-04-01", NULL, 0);

  g_assert_true (rh_period_parse ("2025", &p2025, NULL));
  year = rh_integration_compute_all (db, &p2025, NULL);
  g_assert_cmpuint (year->len, ==, 2);
  r = find (year, a);
  g_assert_cmpint (r->tasks, ==, 3);
  g_assert_cmpint (r->tasks_synced, ==, 2);
  g_assert_cmpint (r->tasks_measured, ==, 2);
  g_assert_cmpint (r->tasks_met, ==, 1);
  g_assert_cmpint (r->meetings, ==, 4);
  g_assert_cmpint (r->meetings_linked, ==, 3);
  /* (2/3 + 3/4 + 1/2) / 3 × 100 = 63.888… */
  g_assert_cmpfloat_with_epsilon (r->index, 100.0 * (2.0 / 3 + 0.75 + 0.5) / 3, 1e-9);
  r = find (year, b);
  g_assert_cmpint (r->tasks, ==, 0);
  g_assert_cmpint (r->meetings, ==, 2);
  g_assert_cmpint (r->meetings_linked, ==, 1);
  g_assert_cmpfloat_with_epsilon (r->index, 50.0, 1e-9);
  /* Some branches: the same figures, for those only. */
  g_hash_table_add (only, &b);
  some = rh_integration_compute_some (db, &p2025, only, NULL);
  g_assert_cmpuint (some->len, ==, 1);
  r = some->pdata[0];
  g_assert_cmpint (r->org_id, ==, b);
  g_assert_cmpint (r->meetings, ==, 2);
  g_assert_cmpint (r->meetings_linked, ==, 1);
  g_assert_cmpfloat_with_epsilon (r->index, 50.0, 1e-9);

  /* In 2025Q1 only the yearly task overlaps, and one assembly was held. */
  g_assert_true (rh_period_parse ("2025Q1", &p2025q1, NULL));
  q1 = rh_integration_compute_all (db, &p2025q1, NULL);
  r = find (q1, a);
  g_assert_cmpint (r->tasks, ==, 1);
  g_assert_cmpint (r->meetings, ==, 1);
  g_assert_cmpfloat_with_epsilon (r->index, 100.0, 1e-9);
  /* Lower is better: 3 accidents against a ceiling of 5 meets it. */
  t4->higher_is_better = FALSE;
  g_assert_true (rh_task_met_target (t4));
}

static void
test_task_validation (void)
{
  g_autoptr (RhDatabase) db = open_db ();
  gint64 a = rh_test_add_org (db, RH_ORG_BRANCH, "支部", 0);
  g_autoptr (RhTask) t = rh_task_new ();
  g_autoptr (GError) error = NULL;

  t->org_id = a;
  t->title = g_strdup ("任务");
  t->period = g_strdup ("2025Q5");
  g_assert_false (rh_task_save (db, t, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_PERIOD);
  g_clear_error (&error);
  g_free (t->period);
  t->period = g_strdup ("2025q2");
  t->sync_date[RH_SYNC_CHECKED] = g_strdup ("2030-01-01");
  g_assert_false (rh_task_save (db, t, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_CHECKED);
  g_clear_error (&error);
  g_clear_pointer (&t->sync_date[RH_SYNC_CHECKED], g_free);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM central_task"), ==, 0);
  g_assert_true (rh_task_save (db, t, &error));
  g_assert_cmpstr (t->period, ==, "2025Q2");   /* stored in the canonical form */
}

static void
test_cases (void)
{
  g_autoptr (RhDatabase) db = open_db ();
  g_autoptr (RhCase) c = rh_case_new ();
  g_autoptr (RhCase) loaded = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;

  c->unit_name = g_strdup ("航空工业郑飞");
  c->title = g_strdup ("“1+1+1+1”党员示范岗");
  c->year = 2023;
  c->mode = RH_MODE_MODEL;
  c->measures = g_strdup ("党员示范岗、一对一帮带、6S管理");
  c->status = RH_CASE_RECOMMENDED;
  c->status_date[RH_CASE_SUBMITTED] = g_strdup ("2023-05-01");
  c->status_date[RH_CASE_RECOMMENDED] = g_strdup ("2023-04-01");   /* before submission */
  rh_case_add_metric (c, "关键件合格率", "%", 97.5, 100);
  g_assert_false (rh_case_save (db, c, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_CASE_STATUS);
  g_clear_error (&error);
  g_free (c->status_date[RH_CASE_RECOMMENDED]);
  c->status_date[RH_CASE_RECOMMENDED] = g_strdup ("2023-06-01");
  c->status_date[RH_CASE_AWARDED] = g_strdup ("2023-07-01");         /* not awarded yet */
  g_assert_false (rh_case_save (db, c, &error));
  g_clear_error (&error);
  g_clear_pointer (&c->status_date[RH_CASE_AWARDED], g_free);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM integration_case"), ==, 0);
  g_assert_true (rh_case_save (db, c, &error));
  g_assert_no_error (error);

  loaded = rh_case_load (db, c->id, &error);
  g_assert_cmpstr (rh_case_credit (loaded), ==, "航空工业郑飞");
  g_assert_cmpuint (loaded->metrics->len, ==, 1);
  g_assert_cmpfloat (((RhCaseMetric *) loaded->metrics->pdata[0])->after, ==, 100);
  found = rh_case_list (db, RH_MODE_MODEL, -1, 2023, 0, "示范岗", NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_ptr_array_unref (found);
  found = rh_case_list (db, RH_MODE_BRAND, -1, 0, 0, NULL, NULL);
  g_assert_cmpuint (found->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("RONGHE_TODAY", "2026-06-01", TRUE);
  g_test_add_func ("/tasks/integration-index", test_integration_index);
  g_test_add_func ("/tasks/validation", test_task_validation);
  g_test_add_func ("/tasks/cases", test_cases);
  return g_test_run ();
}
