/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Assessment scoring against hand-worked expectations. */
#include "rh-config.h"

#include <math.h>
#include <string.h>
#include "rh-assessment.h"
#include "rh-meeting.h"
#include "test-util.h"

/* A small template: 100 basic points over the five stars (20 each, two
 * indicators of 10), bonus 2 × 5 capped at 5, a deduction of up to 10, a veto. */
static RhTemplate *
small_template (void)
{
  RhTemplate *t = rh_template_new ("测试细则", 2025);
  RhCategory *extra;

  for (int s = 0; s < RH_N_STARS; s++)
    {
      g_autofree char *name = g_strdup_printf ("类别%d", s);
      RhCategory *c = rh_template_add_category (t, name);
      for (int i = 0; i < 2; i++)
        {
          g_autofree char *code = g_strdup_printf ("%c%d", 'A' + s, i + 1);
          rh_category_add_indicator (c, code, "指标", 10, RH_INDICATOR_BASIC, s);
        }
    }
  extra = rh_template_add_category (t, "加减分");
  rh_category_add_indicator (extra, "J1", "获上级表彰", 5, RH_INDICATOR_BONUS, -1);
  rh_category_add_indicator (extra, "J2", "经验推广", 5, RH_INDICATOR_BONUS, -1);
  rh_category_add_indicator (extra, "K1", "记录不规范", 10, RH_INDICATOR_DEDUCTION, -1);
  rh_category_add_indicator (extra, "V1", "严重违纪", 1, RH_INDICATOR_VETO, -1);
  g_array_append_vals (t->grades, (RhGrade[]) { { g_strdup ("好"), 90 }, { g_strdup ("较好"), 80 },
                                                { g_strdup ("一般"), 60 }, { g_strdup ("差"), 0 } }, 4);
  return t;
}

#define N_SCORES 14

/* Scores in template order: ten basic, two bonus, a deduction, a veto. */
static void
fill (RhScore *scores, const double *values)
{
  for (int i = 0; i < N_SCORES; i++)
    scores[i] = (RhScore) { values[i], NAN, NAN, NULL, NULL, NULL };
}

static void
test_weighted (void)
{
  g_autoptr (RhTemplate) t = small_template ();
  RhScore scores[N_SCORES];
  /* Basic 95 (star E loses 5: 15/20 = 75% < 80%), bonus 4 + 3 = 7 capped at 5, deduction 2. */
  const double values[N_SCORES] = { 10, 10, 10, 10, 10, 10, 10, 10, 10, 5, 4, 3, 2, 0 };
  RhScoreResult r = { 0 };

  g_assert_true (rh_template_validate (t, NULL));
  fill (scores, values);
  rh_score_compute (t, scores, N_SCORES, NAN, 80, &r);
  g_assert_cmpfloat (r.basic, ==, 95);
  g_assert_cmpfloat (r.bonus, ==, 5);
  g_assert_cmpfloat (r.deductions, ==, 2);
  g_assert_cmpfloat (r.party, ==, 98);
  /* 98 × 0.7 + 80 × 0.3 = 68.6 + 24 = 92.6 */
  g_assert_cmpfloat_with_epsilon (r.total, 92.6, 1e-9);
  g_assert_cmpstr (r.grade, ==, "好");
  g_assert_cmpint (r.star_level, ==, 5);
  g_assert_cmpuint (r.stars, ==, 0x0f);   /* all but 支部过硬星 */
  g_assert_false (r.needs_contact);
  g_free (r.grade);
}

static void
test_veto_and_thresholds (void)
{
  g_autoptr (RhTemplate) t = small_template ();
  RhScore scores[N_SCORES];
  double values[N_SCORES] = { 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 0, 0, 0, 1 };
  RhScoreResult r = { 0 };

  fill (scores, values);
  rh_score_compute (t, scores, N_SCORES, NAN, 100, &r);
  /* 100 everywhere, but the veto: last grade, one star, none earned. */
  g_assert_cmpfloat (r.total, ==, 100);
  g_assert_true (r.vetoed);
  g_assert_cmpstr (r.grade, ==, "差");
  g_assert_cmpint (r.star_level, ==, 1);
  g_assert_cmpuint (r.stars, ==, 0);
  g_assert_true (r.needs_contact);

  /* Star cut-offs on the total: 79.99 is three stars, 80 is four. */
  values[13] = 0;
  values[0] = values[1] = 0;            /* basic 80 */
  fill (scores, values);
  rh_score_compute (t, scores, N_SCORES, NAN, 79.9666666666, &r);
  /* 80 × 0.7 + 79.9666… × 0.3 = 56 + 23.99 = 79.99 */
  g_assert_cmpfloat_with_epsilon (r.total, 79.99, 1e-9);
  g_assert_cmpint (r.star_level, ==, 3);
  g_assert_cmpstr (r.grade, ==, "一般");
  g_assert_true (r.needs_contact);
  rh_score_compute (t, scores, N_SCORES, NAN, 80, &r);
  g_assert_cmpfloat (r.total, ==, 80);
  g_assert_cmpint (r.star_level, ==, 4);
  g_assert_cmpstr (r.grade, ==, "较好");
  g_free (r.grade);
}

static void
test_clamp_and_committee (void)
{
  g_autoptr (RhTemplate) t = small_template ();
  RhScore scores[N_SCORES];
  const double values[N_SCORES] = { 15, -3, 10, 10, 10, 10, 10, 10, 10, 10, 0, 0, 30, 0 };
  RhScoreResult r = { 0 };

  fill (scores, values);
  /* The committee's score wins over the self score. */
  scores[2].committee_score = 6;
  rh_score_compute (t, scores, N_SCORES, NAN, 0, &r);
  /* 10 (15 clamped) + 0 (−3 clamped) + 6 + 70 = 86; deduction 30 clamped to 10: party 76. */
  g_assert_cmpfloat (r.basic, ==, 86);
  g_assert_cmpfloat (r.deductions, ==, 10);
  g_assert_cmpfloat (r.party, ==, 76);
  g_free (r.grade);
}

static void
test_coefficient (void)
{
  g_autoptr (RhTemplate) t = small_template ();
  RhScore scores[N_SCORES];
  const double values[N_SCORES] = { 10, 10, 10, 10, 10, 10, 10, 10, 10, 0, 0, 0, 0, 0 };
  RhScoreResult r = { 0 };

  t->formula = RH_FORMULA_COEFFICIENT;
  t->star_by_total = FALSE;
  fill (scores, values);
  /* Seed 004: business 95 × party 90 / 100 = 85.5. */
  rh_score_compute (t, scores, N_SCORES, 95, NAN, &r);
  g_assert_cmpfloat_with_epsilon (r.total, 85.5, 1e-9);
  g_assert_cmpstr (r.grade, ==, "较好");
  /* Stars earned: A–D full, E at 10/20: four stars, level 4. */
  g_assert_cmpint (r.star_level, ==, 4);
  g_free (r.grade);
}

static void
test_template_validation (void)
{
  g_autoptr (RhTemplate) t = small_template ();
  g_autoptr (GError) error = NULL;
  RhIndicator *ind = ((RhCategory *) t->categories->pdata[0])->indicators->pdata[0];

  ind->max_points = 11;
  g_assert_false (rh_template_validate (t, &error));
  g_assert_nonnull (strstr (error->message, "101"));
  g_clear_error (&error);
  ind->max_points = 10;
  g_free (ind->code);
  ind->code = g_strdup ("A2");   /* twice */
  g_assert_false (rh_template_validate (t, &error));
  g_assert_nonnull (strstr (error->message, "A2"));
}

/* Database: a branch scored through the store, finalised, then the template
 * edited: the finalised result stays. */
static void
test_finalised_survives_edit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (":memory:", &error);
  g_autoptr (RhTemplate) t = small_template ();
  g_autoptr (RhAssessment) a = NULL;
  g_autoptr (GPtrArray) before = NULL, after = NULL;
  g_autoptr (RhTemplate) edited = NULL;
  gint64 branch = rh_test_add_org (db, RH_ORG_BRANCH, "第一党支部", 0);
  RhScoreResult *r;

  t->year = 2025;
  g_assert_true (rh_template_save (db, t, &error));
  g_assert_no_error (error);
  a = rh_assessment_load_or_new (db, branch, "2025", &error);
  g_assert_no_error (error);
  a->template_id = t->id;
  for (guint c = 0; c < 5; c++)
    {
      RhCategory *cat = t->categories->pdata[c];
      for (guint i = 0; i < cat->indicators->len; i++)
        rh_assessment_score (a, ((RhIndicator *) cat->indicators->pdata[i])->id)->self_score = 9;
    }
  a->review_score = 90;
  g_assert_true (rh_assessment_save (db, a, &error));
  g_assert_no_error (error);
  before = rh_assessment_score_all (db, "2025", &error);
  g_assert_no_error (error);
  r = before->pdata[0];
  /* 90 × 0.7 + 90 × 0.3 = 90: grade 好, five stars, rank 1. */
  g_assert_cmpfloat_with_epsilon (r->total, 90, 1e-9);
  g_assert_cmpstr (r->grade, ==, "好");
  g_assert_cmpint (r->rank, ==, 1);

  g_assert_true (rh_assessment_set_status (db, a, RH_ASSESSMENT_FINALISED, NULL, &error));
  g_assert_no_error (error);
  /* The template is edited: every basic indicator halves. The finalised total stays. */
  edited = rh_template_load (db, t->id, &error);
  for (guint c = 0; c < edited->categories->len; c++)
    {
      RhCategory *cat = edited->categories->pdata[c];
      RhIndicator *first = cat->indicators->pdata[0];
      if (first->kind == RH_INDICATOR_BASIC)
        first->max_points = 20, ((RhIndicator *) cat->indicators->pdata[1])->max_points = 0;
    }
  g_assert_true (rh_template_save (db, edited, &error));
  g_assert_no_error (error);
  after = rh_assessment_score_all (db, "2025", &error);
  r = after->pdata[0];
  g_assert_cmpfloat_with_epsilon (r->total, 90, 1e-9);
  g_assert_cmpint (r->status, ==, RH_ASSESSMENT_FINALISED);
  /* Read-only, and reopening needs a reason. */
  a->review_score = 10;
  g_assert_false (rh_assessment_save (db, a, &error));
  g_clear_error (&error);
  g_assert_false (rh_assessment_set_status (db, a, RH_ASSESSMENT_DRAFT, "", &error));
  g_clear_error (&error);
  g_assert_true (rh_assessment_set_status (db, a, RH_ASSESSMENT_DRAFT, "考核分录入有误", &error));
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM audit_log WHERE table_name ="
                                              " 'assessment' AND new_values LIKE '%考核分录入有误%'"),
                   ==, 1);
}

/* Details for charts and handouts: the score that counts per indicator and
 * each star's share, the same before and after finalising. */
static void
test_detail_and_star_shares (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (":memory:", &error);
  g_autoptr (RhTemplate) t = small_template ();
  g_autoptr (RhAssessment) a = NULL;
  gint64 branch = rh_test_add_org (db, RH_ORG_BRANCH, "第一党支部", 0);
  gint64 other = rh_test_add_org (db, RH_ORG_BRANCH, "第二党支部", 0);
  /* Self scores per basic indicator, star by star; star 3 is overridden by
   * the committee (4 each); the bonus J1 counts for no star. */
  const double self[10] = { 10, 10, 5, 5, 10, 0, 10, 10, NAN, NAN };
  const double expected[RH_N_STARS] = { 1.0, 0.5, 0.5, 0.4, 0.0 };
  guint k = 0;

  g_assert_true (rh_template_save (db, t, &error));
  a = rh_assessment_load_or_new (db, branch, "2025", &error);
  g_assert_no_error (error);
  a->template_id = t->id;
  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];
      for (guint i = 0; i < cat->indicators->len; i++, k++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];
          RhScore *sc = rh_assessment_score (a, ind->id);
          if (k < 10)
            sc->self_score = self[k];
          if (ind->star == RH_STAR_BRAND)
            sc->committee_score = 4;
          if (g_strcmp0 (ind->code, "J1") == 0)
            sc->self_score = 5;
        }
    }
  g_assert_true (rh_assessment_save (db, a, &error));
  g_assert_no_error (error);

  for (int round = 0; round < 2; round++)
    {
      g_autoptr (RhAssessmentDetail) d = rh_assessment_detail (db, branch, "2025", &error);
      g_autoptr (RhAssessmentDetail) none = rh_assessment_detail (db, other, "2025", &error);
      g_autoptr (GHashTable) all = rh_assessment_star_shares_all (db, "2025", &error);
      double *shares;

      g_assert_no_error (error);
      g_assert_nonnull (d);
      /* No assessment: NULL and no error. */
      g_assert_null (none);
      g_assert_cmpuint (d->effective->len, ==, N_SCORES);
      /* The committee's 4 counts over the self score of 10; J1's 5 counts. */
      g_assert_cmpfloat (g_array_index (d->effective, double, 6), ==, 4);
      g_assert_cmpfloat (g_array_index (d->effective, double, 10), ==, 5);
      g_assert_cmpfloat (g_array_index (d->effective, double, 8), ==, 0);
      for (int s = 0; s < RH_N_STARS; s++)
        g_assert_cmpfloat_with_epsilon (d->star_share[s], expected[s], 1e-9);
      g_assert_cmpuint (g_hash_table_size (all), ==, 1);
      shares = g_hash_table_lookup (all, &branch);
      g_assert_nonnull (shares);
      for (int s = 0; s < RH_N_STARS; s++)
        g_assert_cmpfloat_with_epsilon (shares[s], expected[s], 1e-9);
      if (round == 0)
        {
          g_assert_true (rh_assessment_set_status (db, a, RH_ASSESSMENT_FINALISED, NULL, &error));
          g_assert_no_error (error);
        }
      else
        g_assert_true (d->template->frozen);
    }
}

/* Database: a batch of assessments over two periods finalised at once stores
 * what each would have been given alone; an unsaved one fails the whole batch. */
static void
test_finalise_all (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (":memory:", &error);
  g_autoptr (RhTemplate) t = small_template ();
  g_autoptr (GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 rh_assessment_free);
  g_autoptr (GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           g_free);
  const char *const periods[] = { "2025", "2025Q4" };
  const char *const names[] = { "第一党支部", "第二党支部", "第三党支部" };
  gint64 branches[G_N_ELEMENTS (names)];

  g_assert_true (rh_template_save (db, t, &error));
  g_assert_no_error (error);
  for (guint b = 0; b < G_N_ELEMENTS (names); b++)
    branches[b] = rh_test_add_org (db, RH_ORG_BRANCH, names[b], 0);
  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    for (guint b = 0; b < G_N_ELEMENTS (names); b++)
      {
        RhAssessment *a = rh_assessment_load_or_new (db, branches[b], periods[p], &error);

        g_assert_no_error (error);
        a->template_id = t->id;
        for (guint c = 0; c < 5; c++)
          {
            RhCategory *cat = t->categories->pdata[c];
            for (guint i = 0; i < cat->indicators->len; i++)
              {
                RhIndicator *ind = cat->indicators->pdata[i];
                rh_assessment_score (a, ind->id)->self_score = 6 + b + p;
              }
          }
        /* The third branch's 2025 triggers the veto. */
        if (p == 0 && b == 2)
          {
            RhCategory *extra = t->categories->pdata[5];
            RhIndicator *veto = extra->indicators->pdata[3];

            rh_assessment_score (a, veto->id)->committee_score = 1;
          }
        a->review_score = 80;
        g_assert_true (rh_assessment_save (db, a, &error));
        g_assert_no_error (error);
        g_ptr_array_add (batch, a);
      }
  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      g_autoptr (GPtrArray) results = rh_assessment_score_all (db, periods[p], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (results->len, ==, 3);
      for (guint i = 0; i < results->len; i++)
        {
          RhScoreResult *r = results->pdata[i];
          g_hash_table_insert (expected,
                               g_strdup_printf ("%s/%" G_GINT64_FORMAT, periods[p], r->org_id),
                               g_strdup_printf ("%.2f %s %d", r->total, r->grade, r->vetoed));
        }
      /* Counted from the period's details (the exports' way), the drafts score the
       * same; with one branch's details only, the others are read as usual. */
      for (int one = 0; one < 2; one++)
        {
          g_autoptr (RhScoreDetails) details = rh_assessment_details (db, periods[p],
                                                                      one ? branches[1] : 0,
                                                                      &error);
          g_autoptr (GPtrArray) from = rh_assessment_score_all_from (db, periods[p], details,
                                                                     &error);

          g_assert_no_error (error);
          g_assert_cmpuint (g_hash_table_size (details->branches), ==, one ? 1 : 3);
          g_assert_cmpuint (from->len, ==, results->len);
          for (guint i = 0; i < from->len; i++)
            {
              RhScoreResult *a = results->pdata[i], *b = from->pdata[i];

              g_assert_cmpint (b->org_id, ==, a->org_id);
              g_assert_cmpint (b->rank, ==, a->rank);
              g_assert_cmpfloat (b->total, ==, a->total);
              g_assert_cmpfloat (b->party, ==, a->party);
              g_assert_cmpstr (b->grade, ==, a->grade);
              g_assert_cmpint (b->vetoed, ==, a->vetoed);
              g_assert_cmpint (b->star_level, ==, a->star_level);
              g_assert_cmpint (b->template_id, ==, a->template_id);
            }
        }
    }

  /* An unsaved assessment refuses the batch, and nothing is finalised. */
  g_ptr_array_add (batch, rh_assessment_load_or_new (db, 999, "2025", &error));
  g_assert_no_error (error);
  g_assert_false (rh_assessment_finalise_all (db, batch, &error));
  g_clear_error (&error);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM assessment"
                                              " WHERE status = 'finalised'"), ==, 0);
  g_ptr_array_remove_index (batch, batch->len - 1);

  g_assert_true (rh_assessment_finalise_all (db, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM assessment"
                                              " WHERE status = 'finalised'"), ==, 6);
  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      g_autoptr (GPtrArray) results = rh_assessment_score_all (db, periods[p], &error);

      g_assert_no_error (error);
      for (guint i = 0; i < results->len; i++)
        {
          RhScoreResult *r = results->pdata[i];
          g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, periods[p], r->org_id);
          g_autofree char *got = g_strdup_printf ("%.2f %s %d", r->total, r->grade, r->vetoed);

          g_assert_cmpint (r->status, ==, RH_ASSESSMENT_FINALISED);
          g_assert_cmpstr (got, ==, g_hash_table_lookup (expected, key));
        }
    }
  /* 2025: 7 × 10 × 0.7 + 80 × 0.3 = 73, the veto gives the last grade. */
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM assessment"
                                              " WHERE period = '2025' AND total_score = 73"
                                              " AND grade = '一般'"), ==, 1);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM assessment WHERE vetoed = 1"
                                              " AND grade = '差'"), ==, 1);
  /* Six finalisations of one template version share one frozen copy. */
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM assessment_template"
                                              " WHERE frozen = 1"), ==, 1);
}

/* A saved draft with every basic indicator at its full 10 points and the
 * given review score: total = 100 × 0.7 + review × 0.3. */
static RhAssessment *
full_marks (RhDatabase *db, const RhTemplate *t, gint64 branch, double review)
{
  g_autoptr (GError) error = NULL;
  RhAssessment *a = rh_assessment_load_or_new (db, branch, "2025", &error);

  g_assert_no_error (error);
  a->template_id = t->id;
  for (guint c = 0; c < RH_N_STARS; c++)
    {
      RhCategory *cat = t->categories->pdata[c];
      for (guint i = 0; i < cat->indicators->len; i++)
        rh_assessment_score (a, ((RhIndicator *) cat->indicators->pdata[i])->id)->self_score = 10;
    }
  a->review_score = review;
  g_assert_true (rh_assessment_save (db, a, &error));
  g_assert_no_error (error);
  return a;
}

/* Removing scored indicators from a template in use by drafts: the indicators
 * and the drafts' scores of them go, nothing reappears on reload. */
static void
test_remove_scored_indicators (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (":memory:", &error);
  g_autoptr (RhTemplate) t = small_template ();
  g_autoptr (RhTemplate) again = NULL;
  g_autoptr (RhAssessment) a = NULL;
  RhCategory *first, *extra;
  gint64 indicators;

  g_assert_true (rh_template_save (db, t, &error));
  a = full_marks (db, t, rh_test_add_org (db, RH_ORG_BRANCH, "第一党支部", 0), 90);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM assessment_score"), ==, 10);
  indicators = rh_database_query_int (db, "SELECT count(*) FROM template_indicator");

  /* Drop the bonus category and A2, giving A1 its 10 points. */
  extra = t->categories->pdata[5];
  g_assert_cmpstr (extra->name, ==, "加减分");
  g_ptr_array_remove_index (t->categories, 5);
  first = t->categories->pdata[0];
  g_ptr_array_remove_index (first->indicators, 1);
  ((RhIndicator *) first->indicators->pdata[0])->max_points = 20;
  g_assert_true (rh_template_save (db, t, &error));
  g_assert_no_error (error);

  again = rh_template_load (db, t->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->categories->len, ==, 5);
  g_assert_cmpuint (((RhCategory *) again->categories->pdata[0])->indicators->len, ==, 1);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM template_indicator"),
                   ==, indicators - 5);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM assessment_score"), ==, 9);
}

/* 38 满意, 5 基本满意, 1 不满意: (38 × 100 + 5 × 60) / 44 = 93.18. */
static void
test_review_tally (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (":memory:", &error);
  g_autoptr (RhTemplate) t = small_template ();
  g_autoptr (RhAssessment) a = NULL;
  g_autoptr (RhAssessment) again = NULL;
  gint64 branch;

  g_assert_true (isnan (rh_review_tally_score ((int[]) { 0, 0, 0 })));
  g_assert_cmpfloat (rh_review_tally_score ((int[]) { 38, 5, 1 }), ==, 93.18);
  g_assert_true (rh_template_save (db, t, &error));
  branch = rh_test_add_org (db, RH_ORG_BRANCH, "第一党支部", 0);
  a = full_marks (db, t, branch, 50);
  a->review_tally[RH_VOTE_SATISFIED] = 38;
  a->review_tally[RH_VOTE_BASIC] = 5;
  a->review_tally[RH_VOTE_UNSATISFIED] = 1;
  g_assert_true (rh_assessment_save (db, a, &error));
  g_assert_no_error (error);
  again = rh_assessment_load_or_new (db, branch, "2025", &error);
  g_assert_cmpfloat (again->review_score, ==, 93.18);
  g_assert_cmpint (again->review_tally[RH_VOTE_SATISFIED], ==, 38);
  g_assert_cmpint (again->review_tally[RH_VOTE_UNSATISFIED], ==, 1);

  /* Negative votes are refused and nothing changes. */
  again->review_tally[RH_VOTE_BASIC] = -2;
  g_assert_false (rh_assessment_save (db, again, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE);
  g_assert_cmpint (rh_database_query_int (db, "SELECT review_basic FROM assessment"), ==, 5);
}

static void
test_five_star_quota (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (":memory:", &error);
  g_autoptr (RhTemplate) t = small_template ();
  g_autoptr (GPtrArray) results = NULL;
  const double reviews[] = { 100, 90, 80, 50 };   /* totals 100, 97, 94, 85 */
  RhAssessment *a[G_N_ELEMENTS (reviews)];
  int fives = 0;

  /* A quarter of four branches: one five-star branch. */
  t->five_star_quota = 0.25;
  g_assert_true (rh_template_save (db, t, &error));
  g_assert_no_error (error);
  for (guint b = 0; b < G_N_ELEMENTS (reviews); b++)
    {
      g_autofree char *name = g_strdup_printf ("第%u党支部", b + 1);
      a[b] = full_marks (db, t, rh_test_add_org (db, RH_ORG_BRANCH, name, 0), reviews[b]);
    }

  /* Drafts: 100 keeps five stars, 97 and 94 drop to four, 85 has four. */
  results = rh_assessment_score_all (db, "2025", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (((RhScoreResult *) results->pdata[0])->total, ==, 100);
  g_assert_cmpint (((RhScoreResult *) results->pdata[0])->star_level, ==, 5);
  for (guint i = 1; i < results->len; i++)
    g_assert_cmpint (((RhScoreResult *) results->pdata[i])->star_level, ==, 4);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* Finalising the 94 first does not take the best branch's five stars. */
  g_assert_true (rh_assessment_set_status (db, a[2], RH_ASSESSMENT_FINALISED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rh_database_query_int (db, "SELECT star_level FROM assessment"
                                              " WHERE total_score = 94"), ==, 4);
  for (guint b = 0; b < G_N_ELEMENTS (reviews); b++)
    if (b != 2)
      {
        g_assert_true (rh_assessment_set_status (db, a[b], RH_ASSESSMENT_FINALISED, NULL, &error));
        g_assert_no_error (error);
      }
  results = rh_assessment_score_all (db, "2025", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    fives += ((RhScoreResult *) results->pdata[i])->star_level == 5;
  g_assert_cmpint (fives, ==, 1);
  g_assert_cmpint (rh_database_query_int (db, "SELECT star_level FROM assessment"
                                              " WHERE total_score = 100"), ==, 5);

  /* One frozen copy for the four; an edited template gets a copy of its own. */
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM assessment_template"
                                              " WHERE frozen = 1"), ==, 1);
  for (guint b = 0; b < G_N_ELEMENTS (reviews); b++)
    rh_assessment_free (a[b]);
  {
    g_autoptr (RhTemplate) edited = rh_template_load (db, t->id, &error);
    g_autoptr (RhAssessment) q = NULL;

    g_free (edited->name);
    edited->name = g_strdup ("测试细则（修订）");
    g_assert_true (rh_template_save (db, edited, &error));
    g_assert_no_error (error);
    q = full_marks (db, edited, rh_test_add_org (db, RH_ORG_BRANCH, "第五党支部", 0), 60);
    g_assert_true (rh_assessment_set_status (db, q, RH_ASSESSMENT_FINALISED, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM assessment_template"
                                              " WHERE frozen = 1"), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("RONGHE_TODAY", "2026-06-01", TRUE);
  g_test_add_func ("/assessment/weighted", test_weighted);
  g_test_add_func ("/assessment/veto-and-thresholds", test_veto_and_thresholds);
  g_test_add_func ("/assessment/clamp-and-committee", test_clamp_and_committee);
  g_test_add_func ("/assessment/coefficient", test_coefficient);
  g_test_add_func ("/assessment/template-validation", test_template_validation);
  g_test_add_func ("/assessment/finalised-survives-edit", test_finalised_survives_edit);
  g_test_add_func ("/assessment/finalise-all", test_finalise_all);
  g_test_add_func ("/assessment/detail-and-star-shares", test_detail_and_star_shares);
  g_test_add_func ("/assessment/five-star-quota", test_five_star_quota);
  g_test_add_func ("/assessment/review-tally", test_review_tally);
  g_test_add_func ("/assessment/remove-scored-indicators", test_remove_scored_indicators);
  return g_test_run ();
}
