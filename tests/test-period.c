/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Periods: 2025, 2025Q3, 2025-07. */
#include "rh-config.h"

#include "rh-period.h"
#include "rh-validate.h"

static void
assert_period (const char *text, const char *first, const char *last, const char *canonical)
{
  RhPeriod p;
  g_autoptr (GError) error = NULL;
  g_autofree char *formatted = NULL;

  g_assert_true (rh_period_parse (text, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (p.first, ==, first);
  g_assert_cmpstr (p.last, ==, last);
  formatted = rh_period_format (&p);
  g_assert_cmpstr (formatted, ==, canonical);
}

static void
test_parse (void)
{
  assert_period ("2025", "2025-01-01", "2025-12-31", "2025");
  assert_period ("2025Q1", "2025-01-01", "2025-03-31", "2025Q1");
  assert_period ("2025q3", "2025-07-01", "2025-09-30", "2025Q3");
  assert_period ("2025Q4", "2025-10-01", "2025-12-31", "2025Q4");
  assert_period ("2024-02", "2024-02-01", "2024-02-29", "2024-02");   /* leap year */
  assert_period ("2025-02", "2025-02-01", "2025-02-28", "2025-02");

  const char *bad[] = { "", "25", "2025Q5", "2025Q0", "2025-13", "2025-00", "2025-7", "1900",
                        "2025 Q3", "二〇二五", NULL };
  for (int i = 0; bad[i] != NULL; i++)
    {
      RhPeriod p;
      g_autoptr (GError) error = NULL;
      g_assert_false (rh_period_parse (bad[i], &p, &error));
      g_assert_error (error, RH_VALIDATION_ERROR, RH_FIELD_PERIOD);
    }
}

static void
test_split (void)
{
  RhPeriod year, quarter;
  g_autoptr (GArray) months = NULL;
  g_autoptr (GArray) quarters = NULL;
  g_autoptr (GArray) q_months = NULL;
  g_autoptr (GArray) q_years = NULL;

  g_assert_true (rh_period_parse ("2025", &year, NULL));
  g_assert_true (rh_period_parse ("2025Q3", &quarter, NULL));
  months = rh_period_split (&year, RH_PERIOD_MONTH);
  quarters = rh_period_split (&year, RH_PERIOD_QUARTER);
  q_months = rh_period_split (&quarter, RH_PERIOD_MONTH);
  q_years = rh_period_split (&quarter, RH_PERIOD_YEAR);
  g_assert_cmpuint (months->len, ==, 12);
  g_assert_cmpuint (quarters->len, ==, 4);
  g_assert_cmpstr (g_array_index (quarters, RhPeriod, 3).first, ==, "2025-10-01");
  g_assert_cmpuint (q_months->len, ==, 3);
  g_assert_cmpstr (g_array_index (q_months, RhPeriod, 0).first, ==, "2025-07-01");
  g_assert_cmpuint (q_years->len, ==, 0);
}

static void
test_contains (void)
{
  RhPeriod q, found;

  g_assert_true (rh_period_parse ("2025Q2", &q, NULL));
  g_assert_true (rh_period_contains_date (&q, "2025-06-30"));
  g_assert_false (rh_period_contains_date (&q, "2025-07-01"));
  g_assert_false (rh_period_contains_date (&q, "2025-03-31"));
  g_assert_true (rh_period_of_date ("2025-08-15", RH_PERIOD_QUARTER, &found));
  g_assert_cmpint (found.index, ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/period/parse", test_parse);
  g_test_add_func ("/period/split", test_split);
  g_test_add_func ("/period/contains", test_contains);
  return g_test_run ();
}
