/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts filled from a database: core's results, hand-worked. */
#include "rh-config.h"

#include <math.h>
#include <string.h>
#include "rh-assessment.h"
#include "rh-chart-data.h"
#include "test-util.h"

/* Ten basic indicators of 10 points, two per star. */
static RhTemplate *
ten_by_ten (void)
{
  RhTemplate *t = rh_template_new ("测试细则", 2025);

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
  g_array_append_vals (t->grades, (RhGrade[]) { { g_strdup ("好"), 60 }, { g_strdup ("差"), 0 } }, 2);
  return t;
}

/* Every indicator at `each`, so the party score is 10 × each. */
static gint64
assess (RhDatabase *db, RhTemplate *t, const char *name, double each, double business)
{
  g_autoptr (GError) error = NULL;
  gint64 branch = rh_test_add_org (db, RH_ORG_BRANCH, name, 0);
  g_autoptr (RhAssessment) a = rh_assessment_load_or_new (db, branch, "2025", &error);

  g_assert_no_error (error);
  a->template_id = t->id;
  a->business_score = business;
  a->review_score = 80;
  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];
      for (guint i = 0; i < cat->indicators->len; i++)
        rh_assessment_score (a, ((RhIndicator *) cat->indicators->pdata[i])->id)->self_score = each;
    }
  g_assert_true (rh_assessment_save (db, a, &error));
  g_assert_no_error (error);
  return branch;
}

static void
test_quadrant_and_radar (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (":memory:", &error);
  g_autoptr (RhTemplate) t = ten_by_ten ();
  g_autoptr (RhChartModel) quadrant = NULL, radar = NULL, trend = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "chart-data.pdf", NULL);
  g_autofree char *text = NULL;
  gint64 a;

  g_assert_true (rh_template_save (db, t, &error));
  g_assert_no_error (error);
  /* Party 90, 70, 50 against business 80, 95, 60: the medians are 70 and 80. */
  a = assess (db, t, "甲支部", 9, 80);
  assess (db, t, "乙支部", 7, 95);
  assess (db, t, "丙支部", 5, 60);

  quadrant = rh_chart_model_load (db, RH_CHART_QUADRANT, "2025", a, &error);
  g_assert_no_error (error);
  g_assert_true (rh_chart_model_save (quadrant, path, RH_CHART_FORMAT_PDF, 500, 500, 72, &error));
  g_assert_no_error (error);
  text = rh_test_pdf_text (path, 0);
  g_assert_nonnull (strstr (text, "cut 70"));
  g_assert_nonnull (strstr (text, "cut 80"));
  /* On a line counts as above it: 甲 (90, 80) and 乙 (70, 95) are both strong. */
  g_assert_nonnull (strstr (text, "Both strong 2 · Party strong, business weak 0 · Business strong, "
                                  "party weak 0 · Both weak 1"));
  g_assert_nonnull (strstr (text, "lines at the medians"));
  g_free (g_steal_pointer (&text));

  /* Configured cut-offs: 甲's business 80 is now below 90. */
  rh_chart_model_set_cuts (quadrant, 60, 90);
  g_assert_true (rh_chart_model_save (quadrant, path, RH_CHART_FORMAT_PDF, 500, 500, 72, &error));
  text = rh_test_pdf_text (path, 0);
  g_assert_nonnull (strstr (text, "Both strong 1 · Party strong, business weak 1 · Business strong, "
                                  "party weak 0 · Both weak 1"));
  g_assert_nonnull (strstr (text, "configured cut-offs"));
  g_free (g_steal_pointer (&text));

  /* 甲 has 90 % of every star's points: five labels say so. */
  radar = rh_chart_model_load (db, RH_CHART_RADAR, "2025", a, &error);
  g_assert_no_error (error);
  g_assert_true (rh_chart_model_save (radar, path, RH_CHART_FORMAT_PDF, 500, 500, 72, &error));
  text = rh_test_pdf_text (path, 0);
  g_assert_cmpuint (rh_test_count (text, "90%"), ==, 5);
  g_assert_nonnull (strstr (text, "3 branches in the average"));
  g_free (g_steal_pointer (&text));

  /* A chart about one branch needs one; a period that is not one is refused. */
  g_assert_null (rh_chart_model_load (db, RH_CHART_TREND, "2025", 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (rh_chart_model_load (db, RH_CHART_RANKING, "2025Q7", 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* Only 2025 was assessed: the trend says one period is not a trend. */
  trend = rh_chart_model_load (db, RH_CHART_TREND, "2025", a, &error);
  g_assert_no_error (error);
  {
    cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 200);
    cairo_t *cr = cairo_create (s);
    g_assert_nonnull (rh_chart_model_draw (trend, cr, 300, 200, FALSE));
    cairo_destroy (cr);
    cairo_surface_destroy (s);
  }
}

/* Two templates with different grade labels: another template's top grade shares the main
 * template's top colour, and the legend names both. */
static void
test_ranking_grades_of_two_templates (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhDatabase) db = rh_database_open (":memory:", &error);
  g_autoptr (RhTemplate) main_t = ten_by_ten ();
  g_autoptr (RhTemplate) other = ten_by_ten ();
  g_autoptr (RhChartModel) ranking = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "chart-grades.pdf", NULL);
  g_autofree char *text = NULL;

  g_free (g_array_index (other->grades, RhGrade, 0).label);
  g_free (g_array_index (other->grades, RhGrade, 1).label);
  g_array_index (other->grades, RhGrade, 0).label = g_strdup ("优秀");
  g_array_index (other->grades, RhGrade, 1).label = g_strdup ("较差");
  g_assert_true (rh_template_save (db, main_t, &error));
  g_assert_true (rh_template_save (db, other, &error));
  g_assert_no_error (error);
  assess (db, main_t, "甲支部", 9, 80);
  assess (db, main_t, "乙支部", 8, 80);
  assess (db, other, "丙支部", 9, 80);

  ranking = rh_chart_model_load (db, RH_CHART_RANKING, "2025", 0, &error);
  g_assert_no_error (error);
  g_assert_true (rh_chart_model_save (ranking, path, RH_CHART_FORMAT_PDF, 500, 400, 72, &error));
  g_assert_no_error (error);
  text = rh_test_pdf_text (path, 0);
  g_assert_nonnull (strstr (text, "好 / 优秀"));
  g_assert_null (strstr (text, "较差"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart-data/quadrant-and-radar", test_quadrant_and_radar);
  g_test_add_func ("/chart-data/ranking-grades-of-two-templates",
                   test_ranking_grades_of_two_templates);
  return g_test_run ();
}
