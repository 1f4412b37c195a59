/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Assessment templates: the tree, its validation and its storage. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rh-assessment.h"
#include "rh-sql.h"
#include "rh-types.h"
#include "rh-validate.h"

/* Stored names and labels, in the style of rh-types.c. */
static int
lookup (const char *const *names, int n, const char *s)
{
  for (int i = 0; s != NULL && i < n; i++)
    if (g_strcmp0 (names[i], s) == 0)
      return i;
  return -1;
}

#define ENUM_FUNCS(prefix, Type, N, names, labels)                                       \
  const char *prefix##_to_string (Type v) { return (int) v >= 0 && (int) v < N ? names[v] : NULL; } \
  int prefix##_from_string (const char *s) { return lookup (names, N, s); }                 \
  const char *prefix##_label (Type v)                                                       \
  {                                                                                         \
    return (int) v >= 0 && (int) v < N ? g_dgettext (GETTEXT_PACKAGE, labels[v]) : "";      \
  }

static const char *const kind_names[] = { "basic", "bonus", "deduction", "veto" };
static const char *const kind_labels[] = { N_("Basic"), N_("Bonus"), N_("Deduction"), N_("Veto") };
ENUM_FUNCS (rh_indicator_kind, RhIndicatorKind, RH_N_INDICATOR_KINDS, kind_names, kind_labels)

static const char *const star_names[] = { "political", "style", "action", "brand", "strong" };
static const char *const star_labels[] = {
  N_("Politically firm star"), N_("Fine style star"), N_("Doing-the-work star"),
  N_("Brand model star"), N_("Strong branch star"),
};
ENUM_FUNCS (rh_star, RhStar, RH_N_STARS, star_names, star_labels)

static const char *const source_names[] = { "", "compliance", "integration", "attendance", "cases" };
static const char *const source_labels[] = {
  N_("Entered by hand"), N_("三会一课 compliance rate"), N_("Integration index"),
  N_("Members' attendance"), N_("Cases"),
};
ENUM_FUNCS (rh_source, RhSource, RH_N_SOURCES, source_names, source_labels)

static const char *const status_names[] = { "draft", "submitted", "finalised" };
static const char *const status_labels[] = { N_("Draft"), N_("Submitted"), N_("Finalised") };
ENUM_FUNCS (rh_assessment_status, RhAssessmentStatus, RH_N_ASSESSMENT_STATUSES, status_names,
            status_labels)

static void
indicator_free (RhIndicator *i)
{
  g_free (i->code);
  g_free (i->name);
  g_free (i->standard);
  g_free (i->scoring_note);
  g_free (i);
}

static void
category_free (RhCategory *c)
{
  g_free (c->name);
  g_ptr_array_unref (c->indicators);
  g_free (c);
}

static void
grade_clear (RhGrade *g)
{
  g_free (g->label);
}

RhTemplate *
rh_template_new (const char *name, int year)
{
  RhTemplate *t = g_new0 (RhTemplate, 1);

  t->name = g_strdup (name);
  t->year = year;
  t->formula = RH_FORMULA_WEIGHTED;
  t->party_weight = 0.7;
  t->review_weight = 0.3;
  t->bonus_cap = 5;
  t->star_share = 0.8;
  t->star_by_total = TRUE;
  t->star_cutoffs[0] = 90;
  t->star_cutoffs[1] = 80;
  t->star_cutoffs[2] = 70;
  t->star_cutoffs[3] = 60;
  t->five_star_quota = NAN;
  t->grades = g_array_new (FALSE, TRUE, sizeof (RhGrade));
  g_array_set_clear_func (t->grades, (GDestroyNotify) grade_clear);
  t->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) category_free);
  return t;
}

void
rh_template_free (RhTemplate *t)
{
  if (t == NULL)
    return;
  g_free (t->name);
  g_array_unref (t->grades);
  g_ptr_array_unref (t->categories);
  g_free (t);
}

RhCategory *
rh_template_add_category (RhTemplate *t, const char *name)
{
  RhCategory *c = g_new0 (RhCategory, 1);

  c->name = g_strdup (name);
  c->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
  g_ptr_array_add (t->categories, c);
  return c;
}

RhIndicator *
rh_category_add_indicator (RhCategory *c, const char *code, const char *name, double max_points,
                           RhIndicatorKind kind, int star)
{
  RhIndicator *i = g_new0 (RhIndicator, 1);

  i->code = g_strdup (code);
  i->name = g_strdup (name);
  i->max_points = max_points;
  i->kind = kind;
  i->star = star;
  i->source_status = -1;
  g_ptr_array_add (c->indicators, i);
  return i;
}

RhIndicator *
rh_template_find (RhTemplate *t, gint64 indicator_id)
{
  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];
      for (guint i = 0; i < cat->indicators->len; i++)
        if (((RhIndicator *) cat->indicators->pdata[i])->id == indicator_id)
          return cat->indicators->pdata[i];
    }
  return NULL;
}

static gboolean
invalid (GError **error, char *message)
{
  g_set_error_literal (error, RH_VALIDATION_ERROR, RH_FIELD_NONE, message);
  g_free (message);
  return FALSE;
}

/* Empty or only white space (the schema refuses both). */
static gboolean
blank (const char *s)
{
  for (; s != NULL && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

gboolean
rh_template_validate (RhTemplate *t, GError **error)
{
  g_autoptr (GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  double basic = 0;

  if (blank (t->name))
    return invalid (error, g_strdup (_("The template needs a name")));
  if (t->party_weight < 0 || t->review_weight < 0 || t->business_weight < 0
      || (t->formula == RH_FORMULA_WEIGHTED
          && fabs (t->party_weight + t->review_weight + t->business_weight - 1) > 1e-6))
    return invalid (error, g_strdup (_("The weights of the party, review and business scores "
                                       "must add up to 100%")));
  if (t->grades->len == 0)
    return invalid (error, g_strdup (_("The template needs at least one grade")));
  for (guint g = 1; g < t->grades->len; g++)
    if (g_array_index (t->grades, RhGrade, g).min >= g_array_index (t->grades, RhGrade, g - 1).min)
      return invalid (error, g_strdup_printf (_("Grade “%s” must need a lower total than “%s”"),
                                              g_array_index (t->grades, RhGrade, g).label,
                                              g_array_index (t->grades, RhGrade, g - 1).label));
  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];

      if (blank (cat->name))
        return invalid (error, g_strdup_printf (_("Category %u needs a name"), c + 1));
      if (cat->indicators->len == 0)
        return invalid (error, g_strdup_printf (_("Category “%s” has no indicators"), cat->name));
      for (guint i = 0; i < cat->indicators->len; i++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];

          if (blank (ind->code) || blank (ind->name))
            return invalid (error, g_strdup_printf (_("Category “%s”, indicator %u: needs a code "
                                                      "and a name"), cat->name, i + 1));
          if (g_hash_table_contains (codes, ind->code))
            return invalid (error, g_strdup_printf (_("Indicator code %s is used twice"),
                                                    ind->code));
          g_hash_table_add (codes, ind->code);
          if (!(ind->max_points >= 0))
            return invalid (error, g_strdup_printf (_("Indicator %s: points must be 0 or more"),
                                                    ind->code));
          if (ind->kind == RH_INDICATOR_BASIC)
            basic += ind->max_points;
        }
    }
  if (fabs (basic - 100) > 1e-6)
    return invalid (error, g_strdup_printf (_("The basic indicators add up to %g points; they "
                                              "must add up to 100"), basic));
  return TRUE;
}

/* Grades are stored as "好:90;较好:80", star cut-offs as "90;80;70;60". */
static char *
grades_to_text (GArray *grades)
{
  GString *s = g_string_new (NULL);

  for (guint g = 0; g < grades->len; g++)
    {
      char num[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append_printf (s, "%s%s:%s", g ? ";" : "", g_array_index (grades, RhGrade, g).label,
                              g_ascii_dtostr (num, sizeof num, g_array_index (grades, RhGrade, g).min));
    }
  return g_string_free (s, FALSE);
}

static void
grades_from_text (GArray *grades, const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text != NULL ? text : "", ";", -1);

  for (int i = 0; parts[i] != NULL; i++)
    {
      char *colon = strrchr (parts[i], ':');
      RhGrade g;

      if (colon == NULL)
        continue;
      g.label = g_strndup (parts[i], colon - parts[i]);
      g.min = g_ascii_strtod (colon + 1, NULL);
      g_array_append_val (grades, g);
    }
}

/* The ids of items (at id_offset in each) as a JSON array for json_each,
 * appended to ids, which is "[" or a list begun. */
static void
append_ids (GString *ids, GPtrArray *items, gsize id_offset)
{
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "",
                            G_STRUCT_MEMBER (gint64, items->pdata[i], id_offset));
}

static char *
kept_ids (GPtrArray *items, gsize id_offset)
{
  GString *ids = g_string_new ("[");

  append_ids (ids, items, id_offset);
  g_string_append_c (ids, ']');
  return g_string_free (ids, FALSE);
}

/* The ids of the indicators in the tree. */
static char *
kept_indicators (const RhTemplate *t)
{
  GString *ids = g_string_new ("[");

  for (guint c = 0; c < t->categories->len; c++)
    append_ids (ids, ((RhCategory *) t->categories->pdata[c])->indicators,
                G_STRUCT_OFFSET (RhIndicator, id));
  g_string_append_c (ids, ']');
  return g_string_free (ids, FALSE);
}

/* Deletes what sql selects by the template's id (?1) and the ids kept (?2). */
static gboolean
delete_dropped (RhDatabase *db, const char *sql, gint64 template_id, const char *kept,
                GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, template_id);
  sqlite3_bind_text (stmt, 2, kept, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_DONE || rh_database_set_error (db, error);
}

gboolean
rh_template_write (RhDatabase *db, gpointer data, GError **error)
{
  RhTemplate *t = data;
  g_autofree char *kept = NULL;
  g_autofree char *kept_categories = NULL;
  g_autofree char *grades = grades_to_text (t->grades);
  g_autofree char *cutoffs = NULL;
  sqlite3_stmt *stmt;

  if (t->star_by_total)
    cutoffs = g_strdup_printf ("%g;%g;%g;%g", t->star_cutoffs[0], t->star_cutoffs[1],
                               t->star_cutoffs[2], t->star_cutoffs[3]);
  stmt = rh_database_prepare (db, t->id == 0
    ? "INSERT INTO assessment_template (name, year, formula, party_weight, review_weight,"
      " business_weight, bonus_cap, grades, star_share, star_cutoffs, five_star_quota, frozen)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    : "UPDATE assessment_template SET name = ?1, year = ?2, formula = ?3, party_weight = ?4,"
      " review_weight = ?5, business_weight = ?6, bonus_cap = ?7, grades = ?8, star_share = ?9,"
      " star_cutoffs = ?10, five_star_quota = ?11, frozen = ?12 WHERE id = ?13 AND frozen = 0",
    error);
  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 1, t->name);
  sqlite3_bind_int (stmt, 2, t->year);
  rh_sql_bind_text (stmt, 3, t->formula == RH_FORMULA_COEFFICIENT ? "coefficient" : "weighted");
  sqlite3_bind_double (stmt, 4, t->party_weight);
  sqlite3_bind_double (stmt, 5, t->review_weight);
  sqlite3_bind_double (stmt, 6, t->business_weight);
  sqlite3_bind_double (stmt, 7, t->bonus_cap);
  rh_sql_bind_text (stmt, 8, grades);
  sqlite3_bind_double (stmt, 9, t->star_share);
  rh_sql_bind_text (stmt, 10, cutoffs);
  rh_sql_bind_double (stmt, 11, t->five_star_quota);
  sqlite3_bind_int (stmt, 12, t->frozen ? 1 : 0);
  if (t->id != 0)
    sqlite3_bind_int64 (stmt, 13, t->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  if (t->id == 0)
    t->id = sqlite3_last_insert_rowid (rh_database_get_handle (db));
  else if (sqlite3_changes (rh_database_get_handle (db)) == 0)
    return invalid (error, g_strdup (_("This template is kept as finalised assessments used it "
                                       "and cannot be changed; copy it instead")));

  /* The tree is replaced whole; indicators keep their ids when they exist.
   * Scores of dropped indicators can only be drafts' (finalised assessments
   * use frozen copies): they go with them. */
  kept = kept_indicators (t);
  if (!delete_dropped (db, "DELETE FROM assessment_score WHERE indicator_id IN"
                           " (SELECT i.id FROM template_indicator i"
                           " JOIN template_category c ON c.id = i.category_id"
                           " WHERE c.template_id = ?1"
                           " AND i.id NOT IN (SELECT value FROM json_each (?2)))", t->id, kept,
                       error))
    return FALSE;
  kept_categories = kept_ids (t->categories, G_STRUCT_OFFSET (RhCategory, id));
  if (!delete_dropped (db, "DELETE FROM template_category WHERE template_id = ?1"
                           " AND id NOT IN (SELECT value FROM json_each (?2))", t->id,
                       kept_categories, error))
    return FALSE;

  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];

      stmt = rh_database_prepare (db, "INSERT INTO template_category (id, template_id, position,"
                                      " name) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE"
                                      " SET position = excluded.position, name = excluded.name",
                                  error);
      if (stmt == NULL)
        return FALSE;
      rh_sql_bind_id (stmt, 1, cat->id);
      sqlite3_bind_int64 (stmt, 2, t->id);
      sqlite3_bind_int (stmt, 3, (int) c);
      rh_sql_bind_text (stmt, 4, cat->name);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rh_database_set_error (db, error);
      if (cat->id == 0)
        cat->id = sqlite3_last_insert_rowid (rh_database_get_handle (db));
      for (guint i = 0; i < cat->indicators->len; i++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];

          stmt = rh_database_prepare (db,
            "INSERT INTO template_indicator (id, category_id, position, code, name, standard,"
            " scoring_note, max_points, kind, star, method, source, source_status, source_target)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
            " ON CONFLICT (id) DO UPDATE SET category_id = excluded.category_id,"
            " position = excluded.position, code = excluded.code, name = excluded.name,"
            " standard = excluded.standard, scoring_note = excluded.scoring_note,"
            " max_points = excluded.max_points, kind = excluded.kind, star = excluded.star,"
            " method = excluded.method, source = excluded.source,"
            " source_status = excluded.source_status, source_target = excluded.source_target",
            error);
          if (stmt == NULL)
            return FALSE;
          rh_sql_bind_id (stmt, 1, ind->id);
          sqlite3_bind_int64 (stmt, 2, cat->id);
          sqlite3_bind_int (stmt, 3, (int) i);
          rh_sql_bind_text (stmt, 4, ind->code);
          rh_sql_bind_text (stmt, 5, ind->name);
          rh_sql_bind_text (stmt, 6, ind->standard);
          rh_sql_bind_text (stmt, 7, ind->scoring_note);
          sqlite3_bind_double (stmt, 8, ind->max_points);
          rh_sql_bind_text (stmt, 9, rh_indicator_kind_to_string (ind->kind));
          rh_sql_bind_text (stmt, 10, ind->star >= 0 ? rh_star_to_string (ind->star) : NULL);
          rh_sql_bind_text (stmt, 11, ind->quantitative ? "quantitative" : "qualitative");
          rh_sql_bind_text (stmt, 12, ind->source != RH_SOURCE_NONE ? rh_source_to_string (ind->source)
                                                                     : NULL);
          rh_sql_bind_text (stmt, 13, ind->source_status > 0
                                        ? rh_case_status_to_string (ind->source_status) : NULL);
          if (ind->source_target > 0)
            sqlite3_bind_int (stmt, 14, ind->source_target);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            return rh_database_set_error (db, error);
          if (ind->id == 0)
            ind->id = sqlite3_last_insert_rowid (rh_database_get_handle (db));
        }
    }
  /* Indicators dropped from the tree go (their draft scores went first). */
  g_free (kept);
  kept = kept_indicators (t);
  return delete_dropped (db, "DELETE FROM template_indicator WHERE category_id IN"
                             " (SELECT id FROM template_category WHERE template_id = ?1)"
                             " AND id NOT IN (SELECT value FROM json_each (?2))", t->id, kept,
                         error);
}

gboolean
rh_template_save (RhDatabase *db, RhTemplate *t, GError **error)
{
  if (!rh_template_validate (t, error))
    return FALSE;
  return rh_database_transaction (db, rh_template_write, t, error);
}

RhTemplate *
rh_template_load (RhDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db,
    "SELECT name, year, formula, party_weight, review_weight, business_weight, bonus_cap, grades,"
    " star_share, star_cutoffs, five_star_quota, frozen FROM assessment_template WHERE id = ?1",
    error);
  RhTemplate *t = NULL;
  RhCategory *cat = NULL;
  gint64 cat_id = 0;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *cutoffs = rh_sql_text (stmt, 9);

      t = rh_template_new (rh_sql_text (stmt, 0), sqlite3_column_int (stmt, 1));
      t->id = id;
      t->formula = g_strcmp0 (rh_sql_text (stmt, 2), "coefficient") == 0 ? RH_FORMULA_COEFFICIENT
                                                                         : RH_FORMULA_WEIGHTED;
      t->party_weight = sqlite3_column_double (stmt, 3);
      t->review_weight = sqlite3_column_double (stmt, 4);
      t->business_weight = sqlite3_column_double (stmt, 5);
      t->bonus_cap = sqlite3_column_double (stmt, 6);
      grades_from_text (t->grades, rh_sql_text (stmt, 7));
      t->star_share = sqlite3_column_double (stmt, 8);
      t->star_by_total = cutoffs != NULL;
      if (cutoffs != NULL)
        {
          g_auto (GStrv) parts = g_strsplit (cutoffs, ";", 4);
          for (int i = 0; i < 4 && parts[i] != NULL; i++)
            t->star_cutoffs[i] = g_ascii_strtod (parts[i], NULL);
        }
      t->five_star_quota = rh_sql_double (stmt, 10);
      t->frozen = sqlite3_column_int (stmt, 11) != 0;
    }
  sqlite3_reset (stmt);
  if (t == NULL)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_FOUND,
                   _("Assessment template %lld was not found"), (long long) id);
      return NULL;
    }

  stmt = rh_database_prepare (db,
    "SELECT c.id, c.name, i.id, i.code, i.name, i.standard, i.scoring_note, i.max_points, i.kind,"
    " i.star, i.method, i.source, i.source_status, i.source_target FROM template_category c"
    " LEFT JOIN template_indicator i ON i.category_id = c.id WHERE c.template_id = ?1"
    " ORDER BY c.position, c.id, i.position, i.id",
    error);
  if (stmt == NULL)
    {
      rh_template_free (t);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RhIndicator *ind;
      int kind, star, source, status;

      if (cat == NULL || sqlite3_column_int64 (stmt, 0) != cat_id)
        {
          cat = rh_template_add_category (t, rh_sql_text (stmt, 1));
          cat->id = cat_id = sqlite3_column_int64 (stmt, 0);
        }
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        continue;
      kind = rh_indicator_kind_from_string (rh_sql_text (stmt, 8));
      star = rh_star_from_string (rh_sql_text (stmt, 9));
      source = rh_source_from_string (rh_sql_text (stmt, 11));
      status = rh_case_status_from_string (rh_sql_text (stmt, 12));
      ind = rh_category_add_indicator (cat, rh_sql_text (stmt, 3), rh_sql_text (stmt, 4),
                                       sqlite3_column_double (stmt, 7),
                                       kind >= 0 ? (RhIndicatorKind) kind : RH_INDICATOR_BASIC,
                                       star);
      ind->id = sqlite3_column_int64 (stmt, 2);
      ind->standard = rh_sql_dup (stmt, 5);
      ind->scoring_note = rh_sql_dup (stmt, 6);
      ind->quantitative = g_strcmp0 (rh_sql_text (stmt, 10), "quantitative") == 0;
      ind->source = source > 0 ? (RhSource) source : RH_SOURCE_NONE;
      ind->source_status = status;
      ind->source_target = sqlite3_column_int (stmt, 13);
    }
  sqlite3_reset (stmt);
  return t;
}

GPtrArray *
rh_template_list (RhDatabase *db, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT id FROM assessment_template"
                                                " WHERE frozen = 0 ORDER BY year DESC, id", error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *templates;

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  templates = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_template_free);
  for (guint i = 0; i < ids->len; i++)
    {
      RhTemplate *t = rh_template_load (db, g_array_index (ids, gint64, i), error);
      if (t == NULL)
        {
          g_ptr_array_unref (templates);
          return NULL;
        }
      g_ptr_array_add (templates, t);
    }
  return templates;
}

gint64
rh_template_default (RhDatabase *db, int year)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT id FROM assessment_template WHERE frozen = 0"
                                                " ORDER BY year = ?1 DESC, year <= ?1 DESC, year DESC,"
                                                " id LIMIT 1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}
