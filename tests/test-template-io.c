/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Templates as JSON: the default templates round-trip, malformed files are
 * refused with a message naming the path, and a refused import changes nothing. */
#include "rh-config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>
#include "rh-template-io.h"
#include "rh-validate.h"

static RhDatabase *
open_db (void)
{
  g_autoptr (GError) error = NULL;
  RhDatabase *db = rh_database_open (":memory:", &error);

  g_assert_no_error (error);
  return db;
}

static void
assert_same_number (double a, double b)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_cmpfloat_with_epsilon (a, b, 1e-9);
}

/* Equal in everything the file carries (not ids, not frozen). */
static void
assert_same_template (const RhTemplate *a, const RhTemplate *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpint (a->year, ==, b->year);
  g_assert_cmpint (a->formula, ==, b->formula);
  assert_same_number (a->party_weight, b->party_weight);
  assert_same_number (a->review_weight, b->review_weight);
  assert_same_number (a->business_weight, b->business_weight);
  assert_same_number (a->bonus_cap, b->bonus_cap);
  assert_same_number (a->star_share, b->star_share);
  g_assert_cmpint (a->star_by_total, ==, b->star_by_total);
  if (a->star_by_total)
    for (int i = 0; i < 4; i++)
      assert_same_number (a->star_cutoffs[i], b->star_cutoffs[i]);
  assert_same_number (a->five_star_quota, b->five_star_quota);

  g_assert_cmpuint (a->grades->len, ==, b->grades->len);
  for (guint g = 0; g < a->grades->len; g++)
    {
      g_assert_cmpstr (g_array_index (a->grades, RhGrade, g).label, ==,
                       g_array_index (b->grades, RhGrade, g).label);
      assert_same_number (g_array_index (a->grades, RhGrade, g).min,
                          g_array_index (b->grades, RhGrade, g).min);
    }

  g_assert_cmpuint (a->categories->len, ==, b->categories->len);
  for (guint c = 0; c < a->categories->len; c++)
    {
      RhCategory *ca = a->categories->pdata[c], *cb = b->categories->pdata[c];

      g_assert_cmpstr (ca->name, ==, cb->name);
      g_assert_cmpuint (ca->indicators->len, ==, cb->indicators->len);
      for (guint i = 0; i < ca->indicators->len; i++)
        {
          RhIndicator *x = ca->indicators->pdata[i], *y = cb->indicators->pdata[i];

          g_assert_cmpstr (x->code, ==, y->code);
          g_assert_cmpstr (x->name, ==, y->name);
          g_assert_cmpstr (x->standard, ==, y->standard);
          g_assert_cmpstr (x->scoring_note, ==, y->scoring_note);
          assert_same_number (x->max_points, y->max_points);
          g_assert_cmpint (x->kind, ==, y->kind);
          g_assert_cmpint (x->star, ==, y->star);
          g_assert_cmpint (x->quantitative, ==, y->quantitative);
          g_assert_cmpint (x->source, ==, y->source);
          if (x->source == RH_SOURCE_CASES)
            {
              g_assert_cmpint (x->source_status, ==, y->source_status);
              g_assert_cmpint (x->source_target, ==, y->source_target);
            }
        }
    }
}

/* The two templates of migration 5: valid, 100 basic points, the five stars. */
static void
test_defaults (void)
{
  g_autoptr (RhDatabase) db = open_db ();
  g_autoptr (GError) error = NULL;

  for (gint64 id = 1; id <= 2; id++)
    {
      g_autoptr (RhTemplate) t = rh_template_load (db, id, &error);
      double basic = 0, per_star[RH_N_STARS] = { 0 };
      guint n_basic = 0, kinds[RH_N_INDICATOR_KINDS] = { 0 };
      gboolean sources[RH_N_SOURCES] = { FALSE };

      g_assert_no_error (error);
      g_assert_nonnull (t);
      g_assert_cmpint (t->year, ==, 2025);
      g_assert_true (rh_template_validate (t, &error));
      g_assert_no_error (error);

      for (guint c = 0; c < t->categories->len; c++)
        {
          RhCategory *cat = t->categories->pdata[c];
          for (guint i = 0; i < cat->indicators->len; i++)
            {
              RhIndicator *ind = cat->indicators->pdata[i];

              kinds[ind->kind]++;
              sources[ind->source] = TRUE;
              g_assert_nonnull (ind->standard);
              g_assert_nonnull (ind->scoring_note);
              if (ind->kind == RH_INDICATOR_BASIC)
                {
                  n_basic++;
                  basic += ind->max_points;
                  g_assert_cmpint (ind->star, >=, 0);
                  g_assert_cmpint (ind->star, <, RH_N_STARS);
                  per_star[ind->star] += ind->max_points;
                }
              else
                g_assert_cmpint (ind->star, ==, -1);
              if (ind->kind == RH_INDICATOR_VETO)
                g_assert_cmpfloat (ind->max_points, ==, 1);
              if (ind->source == RH_SOURCE_CASES)
                {
                  g_assert_cmpint (ind->source_status, ==, RH_CASE_RECOMMENDED);
                  g_assert_cmpint (ind->source_target, ==, 1);
                }
            }
        }
      g_assert_cmpfloat_with_epsilon (basic, 100, 1e-9);
      for (int s = 0; s < RH_N_STARS; s++)
        g_assert_cmpfloat (per_star[s], >, 0);
      for (int s = RH_SOURCE_COMPLIANCE; s < RH_N_SOURCES; s++)
        g_assert_true (sources[s]);
      g_assert_cmpuint (kinds[RH_INDICATOR_BONUS], >=, 2);
      g_assert_cmpuint (kinds[RH_INDICATOR_DEDUCTION], >=, 2);
      g_assert_cmpuint (kinds[RH_INDICATOR_VETO], ==, 3);

      if (id == 1)
        {
          g_assert_cmpstr (t->name, ==, "五星支部考核细则（默认）");
          g_assert_cmpint (t->formula, ==, RH_FORMULA_WEIGHTED);
          g_assert_cmpuint (n_basic, ==, 25);
          g_assert_true (t->star_by_total);
          assert_same_number (t->five_star_quota, 0.3);
          for (int s = 0; s < RH_N_STARS; s++)
            g_assert_cmpfloat_with_epsilon (per_star[s], 20, 1e-9);
          g_assert_cmpstr (g_array_index (t->grades, RhGrade, 0).label, ==, "好");
        }
      else
        {
          g_assert_cmpstr (t->name, ==, "业务融合考核细则（默认）");
          g_assert_cmpint (t->formula, ==, RH_FORMULA_COEFFICIENT);
          assert_same_number (t->business_weight, 1);
          g_assert_false (t->star_by_total);
          g_assert_true (isnan (t->five_star_quota));
          g_assert_cmpstr (g_array_index (t->grades, RhGrade, 0).label, ==, "优秀");
        }
    }
}

/* Export, import, export again: the same text and the same template. */
static void
test_round_trip_defaults (void)
{
  g_autoptr (RhDatabase) db = open_db ();

  for (gint64 id = 1; id <= 2; id++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RhTemplate) t = rh_template_load (db, id, &error);
      g_autoptr (RhTemplate) back = NULL;
      g_autoptr (RhTemplate) saved = NULL;
      g_autofree char *json = NULL;
      g_autofree char *again = NULL;
      g_autofree char *third = NULL;

      g_assert_no_error (error);
      json = rh_template_to_json (t);
      g_assert_true (g_str_has_prefix (json, "{\n  \"format\": \"ronghe-template\",\n"
                                             "  \"version\": 1,\n"));
      g_assert_true (g_str_has_suffix (json, "}\n"));
      /* Numbers are written short, and Chinese as itself. */
      g_assert_null (strstr (json, "0.69999"));
      g_assert_null (strstr (json, "\\u"));
      g_assert_nonnull (strstr (json, id == 1 ? "\"五星支部考核细则（默认）\"" : "\"业务融合考核细则（默认）\""));
      if (id == 1)
        {
          g_assert_nonnull (strstr (json, "\"party_weight\": 0.7,"));
          g_assert_nonnull (strstr (json, "\"star_cutoffs\": [90, 80, 70, 60],"));
          g_assert_nonnull (strstr (json, "\"grades\": [\n"
                                          "    { \"label\": \"好\", \"min\": 90 },\n"));
          g_assert_nonnull (strstr (json, "\"source\": \"cases\",\n"
                                          "          \"source_status\": \"recommended\",\n"
                                          "          \"source_target\": 1\n"));
        }
      else
        {
          g_assert_nonnull (strstr (json, "\"star_cutoffs\": null,"));
          g_assert_nonnull (strstr (json, "\"five_star_quota\": null,"));
        }

      back = rh_template_from_json (json, strlen (json), &error);
      g_assert_no_error (error);
      g_assert_nonnull (back);
      g_assert_cmpint (back->id, ==, 0);
      assert_same_template (t, back);
      again = rh_template_to_json (back);
      g_assert_cmpstr (json, ==, again);

      /* Saved as a new template, it reads back the same once more. */
      g_assert_true (rh_template_save (db, back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back->id, >, 2);
      saved = rh_template_load (db, back->id, &error);
      g_assert_no_error (error);
      third = rh_template_to_json (saved);
      g_assert_cmpstr (json, ==, third);
    }
}

/* A template built in code, with awkward text: quotes, backslashes, newlines. */
static void
test_round_trip_code (void)
{
  g_autoptr (RhTemplate) t = rh_template_new ("某“委员会”\\细则\n第二行", 2030);
  g_autoptr (RhTemplate) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  RhCategory *c = rh_template_add_category (t, "基础\t工作");
  RhIndicator *ind;

  t->formula = RH_FORMULA_WEIGHTED;
  t->party_weight = 0.6;
  t->review_weight = 0.15;
  t->business_weight = 0.25;
  t->bonus_cap = 2.5;
  t->star_share = 1.0 / 3.0;
  t->star_cutoffs[0] = 92.5;
  t->five_star_quota = 0.25;
  g_array_append_vals (t->grades, (RhGrade[]) { { g_strdup ("优秀"), 85.5 },
                                                { g_strdup ("合格"), 0 } }, 2);
  ind = rh_category_add_indicator (c, "X1", "“三会一课”", 99.9, RH_INDICATOR_BASIC, RH_STAR_STRONG);
  ind->standard = g_strdup ("第一行\n第二行 \"引号\" \\ 反斜杠 \x01");
  ind->quantitative = TRUE;
  ind->source = RH_SOURCE_COMPLIANCE;
  ind = rh_category_add_indicator (c, "X2", "案例", 0.1, RH_INDICATOR_BASIC, -1);
  ind->source = RH_SOURCE_CASES;
  ind->source_status = RH_CASE_AWARDED;
  ind->source_target = 3;
  rh_category_add_indicator (c, "X3", "否决", 1, RH_INDICATOR_VETO, -1);

  json = rh_template_to_json (t);
  g_assert_nonnull (strstr (json, "\"star_share\": 0.3333333333333333,"));
  g_assert_nonnull (strstr (json, "反斜杠 \\u0001\""));
  back = rh_template_from_json (json, strlen (json), &error);
  g_assert_no_error (error);
  assert_same_template (t, back);
  c = back->categories->pdata[0];
  g_assert_cmpstr (((RhIndicator *) c->indicators->pdata[0])->standard, ==,
                   "第一行\n第二行 \"引号\" \\ 反斜杠 \x01");
}

/* A small valid file that the malformed cases below change one piece of. */
static const char base[] =
  "{\n"
  "  \"format\": \"ronghe-template\",\n"
  "  \"version\": 1,\n"
  "  \"name\": \"测试细则\",\n"
  "  \"year\": 2025,\n"
  "  \"formula\": \"weighted\",\n"
  "  \"party_weight\": 0.7,\n"
  "  \"review_weight\": 0.3,\n"
  "  \"business_weight\": 0,\n"
  "  \"bonus_cap\": 5,\n"
  "  \"grades\": [ { \"label\": \"好\", \"min\": 90 }, { \"label\": \"差\", \"min\": 0 } ],\n"
  "  \"star_share\": 0.8,\n"
  "  \"star_cutoffs\": [90, 80, 70, 60],\n"
  "  \"five_star_quota\": 0.3,\n"
  "  \"categories\": [\n"
  "    { \"name\": \"政治坚定星\", \"indicators\": [\n"
  "      { \"code\": \"A1\", \"name\": \"理论学习\", \"standard\": null, \"scoring_note\": \"说明\",\n"
  "        \"max_points\": 40, \"kind\": \"basic\", \"star\": \"political\",\n"
  "        \"method\": \"qualitative\", \"source\": null, \"source_status\": null,\n"
  "        \"source_target\": null },\n"
  "      { \"code\": \"A2\", \"name\": \"三会一课\", \"max_points\": 60, \"kind\": \"basic\",\n"
  "        \"star\": \"strong\", \"method\": \"quantitative\", \"source\": \"compliance\" } ] },\n"
  "    { \"name\": \"一票否决\", \"indicators\": [\n"
  "      { \"code\": \"V1\", \"name\": \"严重违纪\", \"max_points\": 1, \"kind\": \"veto\",\n"
  "        \"method\": \"qualitative\", \"source\": \"cases\", \"source_status\": \"awarded\",\n"
  "        \"source_target\": 2 } ] }\n"
  "  ]\n"
  "}\n";

typedef struct {
  const char *from;       /* replaced once in base; NULL: `to` is the whole text */
  const char *to;
  int         field;      /* RH_VALIDATION_ERROR's RhField, or IO */
  const char *fragment;   /* expected in the message */
} Malformed;

/* G_IO_ERROR_INVALID_DATA: not such a file, a key missing or of the wrong type. */
#define IO (-1)

static Malformed malformed[] = {
  { NULL, "{ \"format\": \"ronghe-template\", ", IO, "not valid JSON" },
  { NULL, "", IO, "it is empty" },
  { NULL, " \n ", IO, "it is empty" },
  { NULL, "[1, 2, 3]", IO, "top level is not an object" },
  { NULL, "\"text\"", IO, "top level is not an object" },
  { NULL, "{ \"a\": \"\xff\xfe\" }", IO, "not UTF-8" },
  { "\"ronghe-template\"", "\"ronghe-members\"", IO, "“format” is not “ronghe-template”" },
  { "  \"format\": \"ronghe-template\",\n", "", IO, "“format” is not “ronghe-template”" },
  { "\"version\": 1", "\"version\": 2", IO, "newer version of Ronghe (format version 2)" },
  { "\"version\": 1", "\"version\": \"1\"", IO, "version: must be a whole number ≥ 1" },
  { "  \"year\": 2025,\n", "", IO, "year: this key is missing" },
  { "\"year\": 2025", "\"year\": \"2025\"", IO, "year: must be a whole number" },
  { "\"year\": 2025", "\"year\": 2025.5", IO, "year: must be a whole number" },
  { "\"year\": 2025", "\"year\": 1800", RH_FIELD_YEAR,
    "year: must be a year between 1921 and 2200" },
  { "\"name\": \"测试细则\"", "\"name\": \"  \"", RH_FIELD_NAME, "name: must not be empty" },
  { "\"name\": \"测试细则\"", "\"name\": null", IO, "name: must not be null" },
  { "\"name\": \"测试细则\"", "\"name\": 7", IO, "name: must be a string" },
  { "\"formula\": \"weighted\"", "\"formula\": \"sum\"", RH_FIELD_KIND,
    "formula: unknown formula “sum”" },
  { "\"party_weight\": 0.7", "\"party_weight\": 1.5", IO,
    "party_weight: must be a number between 0 and 1" },
  { "\"party_weight\": 0.7", "\"party_weight\": true", IO,
    "party_weight: must be a number between 0 and 1" },
  { "\"bonus_cap\": 5", "\"bonus_cap\": -1", IO, "bonus_cap: must be a number ≥ 0" },
  { "\"grades\": [ {", "\"grades\": { \"x\": [ {", IO, "not valid JSON" },
  { "\"grades\": [ { \"label\": \"好\", \"min\": 90 }, { \"label\": \"差\", \"min\": 0 } ]",
    "\"grades\": []", IO, "grades: must list at least one grade" },
  { "\"grades\": [ { \"label\": \"好\", \"min\": 90 }, { \"label\": \"差\", \"min\": 0 } ]",
    "\"grades\": \"好:90;差:0\"", IO, "grades: must be an array" },
  { "{ \"label\": \"差\", \"min\": 0 }", "{ \"label\": \"差\", \"min\": \"0\" }", IO,
    "grades[1].min: must be a number ≥ 0" },
  { "{ \"label\": \"差\", \"min\": 0 }", "[\"差\", 0]", IO, "grades[1]: must be an object" },
  { "\"star_cutoffs\": [90, 80, 70, 60]", "\"star_cutoffs\": [90, 80]", IO,
    "star_cutoffs: must list the totals for five, four, three and two stars" },
  { "\"star_cutoffs\": [90, 80, 70, 60]", "\"star_cutoffs\": [90, 80, \"70\", 60]", IO,
    "star_cutoffs[2]: must be a number ≥ 0" },
  { "\"five_star_quota\": 0.3", "\"five_star_quota\": 30", IO,
    "five_star_quota: must be a number between 0 and 1, or null" },
  { "  \"categories\": [\n", "  \"categoriez\": [\n", IO, "categoriez: unknown key" },
  { "\"max_points\": 60", "\"max_points\": -5", IO,
    "categories[0].indicators[1].max_points: must be a number ≥ 0" },
  { "\"max_points\": 60", "\"max_points\": \"60\"", IO,
    "categories[0].indicators[1].max_points: must be a number ≥ 0" },
  { "\"max_points\": 60, ", "", IO,
    "categories[0].indicators[1].max_points: this key is missing" },
  { "\"kind\": \"veto\"", "\"kind\": \"penalty\"", RH_FIELD_KIND,
    "categories[1].indicators[0].kind: unknown kind “penalty”" },
  { "\"star\": \"strong\"", "\"star\": \"golden\"", RH_FIELD_KIND,
    "categories[0].indicators[1].star: unknown star “golden”" },
  { "\"star\": \"strong\"", "\"star\": 5", IO,
    "categories[0].indicators[1].star: must be a string or null" },
  { "\"method\": \"quantitative\"", "\"method\": \"by hand\"", RH_FIELD_KIND,
    "categories[0].indicators[1].method: unknown method “by hand”" },
  { "\"source\": \"compliance\"", "\"source\": \"meetings\"", RH_FIELD_KIND,
    "categories[0].indicators[1].source: unknown source “meetings”" },
  { "\"source\": \"compliance\"", "\"source\": \"\"", RH_FIELD_KIND,
    "categories[0].indicators[1].source: unknown source “”" },
  { "\"source_status\": \"awarded\"", "\"source_status\": \"draft\"", RH_FIELD_CASE_STATUS,
    "categories[1].indicators[0].source_status: unknown case status “draft”" },
  { "\"source_target\": 2", "\"source_target\": 0", IO,
    "categories[1].indicators[0].source_target: must be a whole number ≥ 1" },
  { "\"source_target\": 2", "\"source_target\": 1.5", IO,
    "categories[1].indicators[0].source_target: must be a whole number or null" },
  { "\"source\": \"compliance\"", "\"sorce\": \"compliance\"", IO,
    "categories[0].indicators[1].sorce: unknown key" },
  { "\"code\": \"V1\"", "\"code\": \"A1\"", RH_FIELD_NONE,
    "categories[1].indicators[0].code: the code “A1” is also used at categories[0].indicators[0]" },
  { "\"code\": \"A2\", ", "", IO, "categories[0].indicators[1].code: this key is missing" },
  { "\"code\": \"A2\"", "\"code\": \"\"", RH_FIELD_NONE,
    "categories[0].indicators[1].code: must not be empty" },
  { "{ \"name\": \"一票否决\", \"indicators\": [", "{ \"name\": \"一票否决\", \"items\": [", IO,
    "categories[1].items: unknown key" },
  { "{ \"name\": \"政治坚定星\", ", "{ ", IO, "categories[0].name: this key is missing" },
  { "\"indicators\": [\n      { \"code\": \"V1\"",
    "\"indicators\": [ \"V1\", { \"code\": \"V1\"", IO,
    "categories[1].indicators[0]: must be an object" },
  { "  \"categories\": [\n", "  \"categories\": null, \"x\": [\n", IO, "x: unknown key" },
  /* Well-formed, but not a valid template: rh_template_validate has the last word. */
  { "\"max_points\": 60", "\"max_points\": 50", RH_FIELD_NONE, "must add up to 100" },
  { "\"review_weight\": 0.3", "\"review_weight\": 0.2", RH_FIELD_NONE,
    "must add up to 100%" },
  { "{ \"label\": \"差\", \"min\": 0 }", "{ \"label\": \"差\", \"min\": 95 }", RH_FIELD_NONE,
    "must need a lower total" },
};

static char *
malformed_text (const Malformed *m)
{
  const char *at;
  g_autofree char *head = NULL;

  if (m->from == NULL)
    return g_strdup (m->to);
  at = strstr (base, m->from);
  g_assert_nonnull (at);
  head = g_strndup (base, at - base);
  return g_strconcat (head, m->to, at + strlen (m->from), NULL);
}

static void
test_base_is_valid (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhTemplate) t = rh_template_from_json (base, strlen (base), &error);
  RhIndicator *v;

  g_assert_no_error (error);
  g_assert_cmpuint (t->categories->len, ==, 2);
  /* Left-out and null keys read as "none". */
  v = ((RhCategory *) t->categories->pdata[0])->indicators->pdata[1];
  g_assert_null (v->standard);
  g_assert_cmpint (v->source, ==, RH_SOURCE_COMPLIANCE);
  g_assert_cmpint (v->source_status, ==, -1);
  v = ((RhCategory *) t->categories->pdata[1])->indicators->pdata[0];
  g_assert_cmpint (v->star, ==, -1);
  g_assert_cmpint (v->source_status, ==, RH_CASE_AWARDED);
  g_assert_cmpint (v->source_target, ==, 2);
}

static void
test_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      const Malformed *m = &malformed[i];
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (RhTemplate) t = NULL;
      GQuark domain = m->field == IO ? G_IO_ERROR : RH_VALIDATION_ERROR;
      int code = m->field == IO ? G_IO_ERROR_INVALID_DATA : m->field;

      text = malformed_text (m);
      t = rh_template_from_json (text, strlen (text), &error);
      if (t != NULL || error == NULL || error->domain != domain || error->code != code
          || strstr (error->message, m->fragment) == NULL)
        g_test_message ("case %u: %s", i, error != NULL ? error->message : "(accepted)");
      g_assert_null (t);
      g_assert_error (error, domain, code);
      g_assert_nonnull (strstr (error->message, m->fragment));
    }
}

/* Only the given length is read: text after it is not part of the file. */
static void
test_length (void)
{
  g_autofree char *padded = g_strconcat (base, "garbage", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RhTemplate) t = rh_template_from_json (padded, strlen (base), &error);
  g_autoptr (RhTemplate) none = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (t);
  none = rh_template_from_json (padded, strlen (padded), &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static gint64
count_rows (RhDatabase *db)
{
  return rh_database_query_int (db, "SELECT (SELECT count(*) FROM assessment_template) * 1000000"
                                    " + (SELECT count(*) FROM template_category) * 1000"
                                    " + (SELECT count(*) FROM template_indicator)");
}

/* What the import command does: read, then save in one transaction. */
static gboolean
import (RhDatabase *db, const char *text, GError **error)
{
  g_autoptr (RhTemplate) t = rh_template_from_json (text, strlen (text), error);

  return t != NULL && rh_template_save (db, t, error);
}

static void
test_failed_import_changes_nothing (void)
{
  g_autoptr (RhDatabase) db = open_db ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RhTemplate) t = NULL;
  gint64 before = count_rows (db);
  gint64 audit = rh_database_query_int (db, "SELECT count(*) FROM audit_log");

  g_assert_cmpint (before, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *text = malformed_text (&malformed[i]);

      g_assert_false (import (db, text, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_cmpint (count_rows (db), ==, before);
    }

  /* A template that reads well but that the database refuses half-way (a
   * blank category name, after the template row and the first category went
   * in) is rolled back whole. Whether validation or the schema refuses it,
   * nothing lands. */
  t = rh_template_from_json (base, strlen (base), &error);
  g_assert_no_error (error);
  g_free (((RhCategory *) t->categories->pdata[1])->name);
  ((RhCategory *) t->categories->pdata[1])->name = g_strdup ("   ");
  g_assert_false (rh_template_save (db, t, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (db), ==, before);
  g_assert_cmpint (rh_database_query_int (db, "SELECT count(*) FROM audit_log"), ==, audit);

  /* And a good import adds one template, two categories and three indicators. */
  g_assert_true (import (db, base, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db), ==, before + 1000000 + 2000 + 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/template-io/defaults", test_defaults);
  g_test_add_func ("/template-io/round-trip-defaults", test_round_trip_defaults);
  g_test_add_func ("/template-io/round-trip-code", test_round_trip_code);
  g_test_add_func ("/template-io/base-is-valid", test_base_is_valid);
  g_test_add_func ("/template-io/malformed", test_malformed);
  g_test_add_func ("/template-io/length", test_length);
  g_test_add_func ("/template-io/failed-import-changes-nothing",
                   test_failed_import_changes_nothing);
  return g_test_run ();
}
