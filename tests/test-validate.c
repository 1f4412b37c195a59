/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Validation rules: 身份证号, dates, ages and the pipeline. */
#include "rh-config.h"

#include "rh-date.h"
#include "rh-member.h"
#include "rh-validate.h"

static GDate today;

/* A valid full member born 1949-12-31 (the DOMAIN.md test vector, female). */
static RhMember *
good_member (void)
{
  RhMember *m = rh_member_new ();

  m->org_id = 1;
  m->name = g_strdup ("李秀英");
  m->gender = RH_GENDER_FEMALE;
  m->id_number = g_strdup ("11010519491231002X");
  m->birth_date = g_strdup ("1949-12-31");
  m->status = RH_STATUS_FULL;
  m->applied_date = g_strdup ("1970-03-01");
  m->activist_date = g_strdup ("1970-09-01");
  m->candidate_date = g_strdup ("1971-09-01");
  m->admitted_date = g_strdup ("1971-12-01");
  m->full_date = g_strdup ("1972-12-01");
  return m;
}

static void
assert_field (RhMember *m, RhField field)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (rh_member_validate (m, &today, &error));
  g_assert_error (error, RH_VALIDATION_ERROR, (int) field);
  /* The message names the field. */
  g_assert_true (g_str_has_prefix (error->message, rh_field_label (field)));
}

static void
set (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
test_id_vectors (void)
{
  GDate birth;
  RhGender gender;
  g_autoptr (GError) error = NULL;

  g_assert_true (rh_validate_id_number ("11010519491231002X", &birth, &gender, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&birth), ==, 1949);
  g_assert_cmpint (g_date_get_month (&birth), ==, 12);
  g_assert_cmpint (g_date_get_day (&birth), ==, 31);
  g_assert_cmpint (gender, ==, RH_GENDER_FEMALE);   /* 17th digit 2: even */
  g_assert_true (rh_validate_id_number ("11010519491231002x", NULL, NULL, NULL));
  g_assert_cmpint (rh_id_check_char ("11010519491231002"), ==, 'X');
  /* Hand-worked: 44030519900307001 → S = 228, 228 mod 11 = 8 → 4. */
  g_assert_cmpint (rh_id_check_char ("44030519900307001"), ==, '4');
  g_assert_true (rh_validate_id_number ("440305199003070014", NULL, &gender, NULL));
  g_assert_cmpint (gender, ==, RH_GENDER_MALE);

  const char *bad[] = {
    "110105194912310021",   /* wrong check character */
    "11010519491231002",    /* 17 characters */
    "11010519491231002XX",  /* 19 characters */
    "11010519491331002X",   /* month 13 */
    "11010519490230002X",   /* 30 February */
    "1101051949123A002X",   /* a letter inside */
    "",
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) e = NULL;
      g_assert_false (rh_validate_id_number (bad[i], NULL, NULL, &e));
      g_assert_error (e, RH_VALIDATION_ERROR, RH_FIELD_ID_NUMBER);
    }
}

static void
test_good_member (void)
{
  g_autoptr (RhMember) m = good_member ();
  g_autoptr (GError) error = NULL;

  g_assert_true (rh_member_validate (m, &today, &error));
  g_assert_no_error (error);
}

static void
test_identity_mismatch (void)
{
  g_autoptr (RhMember) m = good_member ();

  m->gender = RH_GENDER_MALE;
  assert_field (m, RH_FIELD_GENDER);
  m->gender = RH_GENDER_FEMALE;
  set (&m->birth_date, "1949-12-30");
  assert_field (m, RH_FIELD_BIRTH_DATE);
  set (&m->birth_date, NULL);   /* empty is fine: it comes from the id */
  g_assert_true (rh_member_validate (m, &today, NULL));
  set (&m->id_number, "110105194912310021");
  assert_field (m, RH_FIELD_ID_NUMBER);
  set (&m->id_number, NULL);
  assert_field (m, RH_FIELD_ID_NUMBER);
  g_clear_object (&m);
  m = good_member ();
  set (&m->name, "   ");
  assert_field (m, RH_FIELD_NAME);
}

static void
test_dates (void)
{
  g_autoptr (RhMember) m = good_member ();

  set (&m->full_date, "1972-02-30");   /* not a real date */
  assert_field (m, RH_FIELD_FULL_DATE);
  set (&m->full_date, "2026-06-02");   /* tomorrow */
  assert_field (m, RH_FIELD_FULL_DATE);
  set (&m->full_date, "1972/12/01");   /* not the stored form */
  assert_field (m, RH_FIELD_FULL_DATE);
  set (&m->full_date, "1972-12-01");
  set (&m->applied_date, "1940-01-01");  /* before birth */
  assert_field (m, RH_FIELD_APPLIED_DATE);
}

static void
test_applicant_age (void)
{
  g_autoptr (RhMember) m = good_member ();

  m->status = RH_STATUS_APPLICANT;
  set (&m->activist_date, NULL);
  set (&m->candidate_date, NULL);
  set (&m->admitted_date, NULL);
  set (&m->full_date, NULL);
  set (&m->applied_date, "1967-12-30");   /* one day before the 18th birthday */
  assert_field (m, RH_FIELD_APPLIED_DATE);
  set (&m->applied_date, "1967-12-31");   /* the 18th birthday */
  g_assert_true (rh_member_validate (m, &today, NULL));
  set (&m->applied_date, NULL);           /* an applicant needs the date */
  assert_field (m, RH_FIELD_APPLIED_DATE);
}

static void
test_status_dates (void)
{
  g_autoptr (RhMember) m = good_member ();

  /* A full member's 转正 is at least a year after admission. */
  set (&m->full_date, "1972-11-30");
  assert_field (m, RH_FIELD_FULL_DATE);
  /* …or a year and the extension when probation was extended. */
  m->probation_extension_months = 6;
  set (&m->full_date, "1972-12-01");
  assert_field (m, RH_FIELD_FULL_DATE);
  set (&m->full_date, "1973-06-01");
  g_assert_true (rh_member_validate (m, &today, NULL));
  m->probation_extension_months = 3;   /* only 6–12 months */
  assert_field (m, RH_FIELD_PROBATION_EXTENSION);
  m->probation_extension_months = 0;

  /* A full member needs both dates. */
  set (&m->full_date, NULL);
  assert_field (m, RH_FIELD_FULL_DATE);
  /* A probationary member has an admission date and no 转正 yet. */
  m->status = RH_STATUS_PROBATIONARY;
  g_assert_true (rh_member_validate (m, &today, NULL));
  set (&m->admitted_date, NULL);
  assert_field (m, RH_FIELD_ADMITTED_DATE);
  set (&m->admitted_date, "1971-12-01");
  set (&m->full_date, "1972-12-01");
  assert_field (m, RH_FIELD_FULL_DATE);

  /* A candidate was an activist for at least a year. */
  g_clear_object (&m);
  m = good_member ();
  m->status = RH_STATUS_CANDIDATE;
  set (&m->admitted_date, NULL);
  set (&m->full_date, NULL);
  set (&m->candidate_date, "1971-08-31");
  assert_field (m, RH_FIELD_CANDIDATE_DATE);
  set (&m->candidate_date, "1971-09-01");
  g_assert_true (rh_member_validate (m, &today, NULL));
  set (&m->candidate_date, NULL);
  assert_field (m, RH_FIELD_CANDIDATE_DATE);

  /* An activist needs the date listed. */
  m->status = RH_STATUS_ACTIVIST;
  set (&m->activist_date, NULL);
  assert_field (m, RH_FIELD_ACTIVIST_DATE);
}

static void
test_phone (void)
{
  g_autoptr (RhMember) m = good_member ();

  set (&m->phone, "138-0013-8000");
  g_assert_true (rh_member_validate (m, &today, NULL));
  set (&m->phone, "call me");
  assert_field (m, RH_FIELD_PHONE);
  set (&m->phone, "123");
  assert_field (m, RH_FIELD_PHONE);
}

static void
test_problems_lists_all (void)
{
  g_autoptr (RhMember) m = good_member ();
  g_autoptr (GPtrArray) problems = NULL;

  m->gender = RH_GENDER_MALE;
  set (&m->phone, "x");
  problems = rh_member_problems (m, &today);
  g_assert_cmpuint (problems->len, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("RONGHE_TODAY", "2026-06-01", TRUE);
  rh_date_today (&today);
  g_test_add_func ("/validate/id-vectors", test_id_vectors);
  g_test_add_func ("/validate/good-member", test_good_member);
  g_test_add_func ("/validate/identity-mismatch", test_identity_mismatch);
  g_test_add_func ("/validate/dates", test_dates);
  g_test_add_func ("/validate/applicant-age", test_applicant_age);
  g_test_add_func ("/validate/status-dates", test_status_dates);
  g_test_add_func ("/validate/phone", test_phone);
  g_test_add_func ("/validate/problems-lists-all", test_problems_lists_all);
  return g_test_run ();
}
