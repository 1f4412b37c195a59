/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-case.h"
#include "rh-sql.h"
#include "rh-validate.h"

G_DEFINE_FINAL_TYPE (RhCase, rh_case, G_TYPE_OBJECT)

void
rh_case_metric_free (RhCaseMetric *metric)
{
  if (metric == NULL)
    return;
  g_free (metric->name);
  g_free (metric->unit);
  g_free (metric);
}

static void
rh_case_finalize (GObject *object)
{
  RhCase *self = RH_CASE (object);
  char **strings[] = { &self->unit_name, &self->title, &self->measures, &self->story,
                       &self->honours, &self->partners, &self->org_name };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_free (*strings[i]);
  for (int s = 0; s < RH_N_CASE_STATUSES; s++)
    g_free (self->status_date[s]);
  g_ptr_array_unref (self->metrics);
  G_OBJECT_CLASS (rh_case_parent_class)->finalize (object);
}

static void
rh_case_class_init (RhCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rh_case_finalize;
}

static void
rh_case_init (RhCase *self)
{
  self->metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_case_metric_free);
}

RhCase *
rh_case_new (void)
{
  return g_object_new (RH_TYPE_CASE, NULL);
}

void
rh_case_add_metric (RhCase *c, const char *name, const char *unit, double before, double after)
{
  RhCaseMetric *m = g_new0 (RhCaseMetric, 1);

  m->name = g_strdup (name);
  m->unit = g_strdup (unit);
  m->before = before;
  m->after = after;
  g_ptr_array_add (c->metrics, m);
}

const char *
rh_case_credit (RhCase *c)
{
  return c->org_name != NULL ? c->org_name : c->unit_name != NULL ? c->unit_name : "";
}

static gboolean
empty (const char *s)
{
  return s == NULL || *s == '\0';
}

/* Each step up to the current status has its date, in order; none after it. */
static gboolean
validate (RhCase *c, GError **error)
{
  const char *previous = NULL;

  if (empty (c->title) || *g_strstrip (c->title) == '\0')
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_TITLE, _("%s: required"),
                   rh_field_label (RH_FIELD_TITLE));
      return FALSE;
    }
  if (c->year < 1921 || c->year > 2200)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_YEAR, _("%s: %d is not a year"),
                   rh_field_label (RH_FIELD_YEAR), c->year);
      return FALSE;
    }
  if (c->mode >= RH_N_MODES)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_MODE, _("%s: choose one of the seven"),
                   rh_field_label (RH_FIELD_MODE));
      return FALSE;
    }
  if (c->org_id == 0 && empty (c->unit_name))
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_BRANCH,
                   _("%s: choose the branch, or name the unit the case belongs to"),
                   rh_field_label (RH_FIELD_BRANCH));
      return FALSE;
    }
  for (int s = RH_CASE_SUBMITTED; s < RH_N_CASE_STATUSES; s++)
    {
      const char *date = c->status_date[s];
      if (s <= (int) c->status && empty (date))
        {
          g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_CASE_STATUS,
                       _("%s: give the date it was %s"), rh_field_label (RH_FIELD_CASE_STATUS),
                       rh_case_status_label ((RhCaseStatus) s));
          return FALSE;
        }
      if (s > (int) c->status && !empty (date))
        {
          g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_CASE_STATUS,
                       _("%s: a case that is %s has no date for %s"),
                       rh_field_label (RH_FIELD_CASE_STATUS), rh_case_status_label (c->status),
                       rh_case_status_label ((RhCaseStatus) s));
          return FALSE;
        }
      if (!rh_validate_date (date, RH_FIELD_CASE_STATUS, FALSE, NULL, error))
        return FALSE;
      if (!empty (date) && previous != NULL && g_strcmp0 (date, previous) < 0)
        {
          g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_CASE_STATUS,
                       _("%s: %s cannot come before the step before it (%s)"),
                       rh_field_label (RH_FIELD_CASE_STATUS), date, previous);
          return FALSE;
        }
      if (!empty (date))
        previous = date;
    }
  for (guint i = 0; i < c->metrics->len; i++)
    if (empty (((RhCaseMetric *) c->metrics->pdata[i])->name))
      {
        g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_METRIC, _("%s: each one needs a name"),
                     rh_field_label (RH_FIELD_METRIC));
        return FALSE;
      }
  return TRUE;
}

static gboolean
write_case (RhDatabase *db, gpointer data, GError **error)
{
  RhCase *c = data;
  sqlite3_stmt *stmt = rh_database_prepare (db, c->id == 0
    ? "INSERT INTO integration_case (org_id, unit_name, title, year, mode, measures, story,"
      " honours, partners, status, submitted_date, recommended_date, awarded_date)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    : "UPDATE integration_case SET org_id = ?1, unit_name = ?2, title = ?3, year = ?4, mode = ?5,"
      " measures = ?6, story = ?7, honours = ?8, partners = ?9, status = ?10,"
      " submitted_date = ?11, recommended_date = ?12, awarded_date = ?13 WHERE id = ?14",
    error);

  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_id (stmt, 1, c->org_id);
  rh_sql_bind_text (stmt, 2, c->unit_name);
  rh_sql_bind_text (stmt, 3, c->title);
  sqlite3_bind_int (stmt, 4, c->year);
  rh_sql_bind_text (stmt, 5, rh_case_mode_to_string (c->mode));
  rh_sql_bind_text (stmt, 6, c->measures);
  rh_sql_bind_text (stmt, 7, c->story);
  rh_sql_bind_text (stmt, 8, c->honours);
  rh_sql_bind_text (stmt, 9, c->partners);
  rh_sql_bind_text (stmt, 10, rh_case_status_to_string (c->status));
  for (int s = RH_CASE_SUBMITTED; s < RH_N_CASE_STATUSES; s++)
    rh_sql_bind_text (stmt, 10 + s, c->status_date[s]);
  if (c->id != 0)
    sqlite3_bind_int64 (stmt, 14, c->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  if (c->id == 0)
    c->id = sqlite3_last_insert_rowid (rh_database_get_handle (db));

  stmt = rh_database_prepare (db, "DELETE FROM case_metric WHERE case_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  for (guint i = 0; i < c->metrics->len; i++)
    {
      RhCaseMetric *m = c->metrics->pdata[i];
      stmt = rh_database_prepare (db, "INSERT INTO case_metric (case_id, position, name, unit,"
                                      " before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, c->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      rh_sql_bind_text (stmt, 3, m->name);
      rh_sql_bind_text (stmt, 4, m->unit);
      rh_sql_bind_double (stmt, 5, m->before);
      rh_sql_bind_double (stmt, 6, m->after);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rh_database_set_error (db, error);
    }
  return TRUE;
}

gboolean
rh_case_save (RhDatabase *db, RhCase *c, GError **error)
{
  gint64 id = c->id;

  if (!validate (c, error))
    return FALSE;
  if (!rh_database_transaction (db, write_case, c, error))
    {
      c->id = id;
      return FALSE;
    }
  return TRUE;
}

#define CASE_SELECT                                                                           \
  "SELECT c.id, c.org_id, c.unit_name, c.title, c.year, c.mode, c.measures, c.story,"        \
  " c.honours, c.partners, c.status, c.submitted_date, c.recommended_date, c.awarded_date,"   \
  " o.name FROM integration_case c LEFT JOIN organisation o ON o.id = c.org_id"

static RhCase *
case_from_row (sqlite3_stmt *stmt)
{
  RhCase *c = rh_case_new ();
  int mode = rh_case_mode_from_string (rh_sql_text (stmt, 5));
  int status = rh_case_status_from_string (rh_sql_text (stmt, 10));

  c->id = sqlite3_column_int64 (stmt, 0);
  c->org_id = sqlite3_column_int64 (stmt, 1);
  c->unit_name = rh_sql_dup (stmt, 2);
  c->title = rh_sql_dup (stmt, 3);
  c->year = sqlite3_column_int (stmt, 4);
  c->mode = mode >= 0 ? (RhCaseMode) mode : RH_MODE_COORDINATED;
  c->measures = rh_sql_dup (stmt, 6);
  c->story = rh_sql_dup (stmt, 7);
  c->honours = rh_sql_dup (stmt, 8);
  c->partners = rh_sql_dup (stmt, 9);
  c->status = status >= 0 ? (RhCaseStatus) status : RH_CASE_DRAFT;
  for (int s = RH_CASE_SUBMITTED; s < RH_N_CASE_STATUSES; s++)
    c->status_date[s] = rh_sql_dup (stmt, 10 + s);
  c->org_name = rh_sql_dup (stmt, 14);
  return c;
}

RhCase *
rh_case_load (RhDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, CASE_SELECT " WHERE c.id = ?1", error);
  RhCase *c = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    c = case_from_row (stmt);
  sqlite3_reset (stmt);
  if (c == NULL)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_FOUND,
                   _("Case %lld was not found"), (long long) id);
      return NULL;
    }
  stmt = rh_database_prepare (db, "SELECT name, unit, before, after FROM case_metric"
                                  " WHERE case_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    {
      g_object_unref (c);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    rh_case_add_metric (c, rh_sql_text (stmt, 0), rh_sql_text (stmt, 1), rh_sql_double (stmt, 2),
                        rh_sql_double (stmt, 3));
  sqlite3_reset (stmt);
  return c;
}

GPtrArray *
rh_case_list (RhDatabase *db, int mode, int status, int year, gint64 org_id, const char *search,
              GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, CASE_SELECT
    " WHERE (?1 IS NULL OR c.mode = ?1) AND (?2 IS NULL OR c.status = ?2)"
    " AND (?3 = 0 OR c.year = ?3) AND (?4 = 0 OR c.org_id = ?4)"
    " AND (?5 IS NULL OR instr (c.title, ?5) OR instr (coalesce (c.measures, ''), ?5)"
    "  OR instr (coalesce (c.story, ''), ?5) OR instr (coalesce (c.unit_name, ''), ?5))"
    " ORDER BY c.year DESC, c.id DESC",
    error);
  GPtrArray *cases;

  if (stmt == NULL)
    return NULL;
  rh_sql_bind_text (stmt, 1, mode >= 0 ? rh_case_mode_to_string (mode) : NULL);
  rh_sql_bind_text (stmt, 2, status >= 0 ? rh_case_status_to_string (status) : NULL);
  sqlite3_bind_int (stmt, 3, year);
  sqlite3_bind_int64 (stmt, 4, org_id);
  rh_sql_bind_text (stmt, 5, search);
  cases = g_ptr_array_new_with_free_func (g_object_unref);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (cases, case_from_row (stmt));
  sqlite3_reset (stmt);
  return cases;
}
