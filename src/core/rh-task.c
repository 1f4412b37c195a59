/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-org.h"
#include "rh-sql.h"
#include "rh-task.h"
#include "rh-validate.h"

G_DEFINE_FINAL_TYPE (RhTask, rh_task, G_TYPE_OBJECT)

const char *
rh_sync_label (RhSync sync)
{
  static const char *const labels[RH_N_SYNCS] = {
    N_("Planned together"), N_("Checked together"), N_("Assessed together"),
    N_("Summarised together"),
  };
  return sync < RH_N_SYNCS ? g_dgettext (GETTEXT_PACKAGE, labels[sync]) : "";
}

static void
rh_task_finalize (GObject *object)
{
  RhTask *self = RH_TASK (object);
  char **strings[] = { &self->title, &self->period, &self->goal, &self->measures,
                       &self->metric_name, &self->metric_unit, &self->org_name, &self->owner_name };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_free (*strings[i]);
  for (int s = 0; s < RH_N_SYNCS; s++)
    {
      g_free (self->sync_date[s]);
      g_free (self->sync_note[s]);
    }
  G_OBJECT_CLASS (rh_task_parent_class)->finalize (object);
}

static void
rh_task_class_init (RhTaskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rh_task_finalize;
}

static void
rh_task_init (RhTask *self)
{
  self->metric_target = NAN;
  self->metric_actual = NAN;
  self->higher_is_better = TRUE;
}

RhTask *
rh_task_new (void)
{
  return g_object_new (RH_TYPE_TASK, NULL);
}

gboolean
rh_task_all_synced (RhTask *task)
{
  for (int s = 0; s < RH_N_SYNCS; s++)
    if (task->sync_date[s] == NULL || *task->sync_date[s] == '\0')
      return FALSE;
  return TRUE;
}

gboolean
rh_task_met_target (RhTask *task)
{
  if (isnan (task->metric_target) || isnan (task->metric_actual))
    return FALSE;
  return task->higher_is_better ? task->metric_actual >= task->metric_target
                                : task->metric_actual <= task->metric_target;
}

static const RhField sync_fields[RH_N_SYNCS] = {
  RH_FIELD_PLANNED, RH_FIELD_CHECKED, RH_FIELD_ASSESSED, RH_FIELD_SUMMARISED,
};

static gboolean
validate (RhDatabase *db, RhTask *t, RhPeriod *period, GError **error)
{
  g_autoptr (RhOrg) org = NULL;

  if (t->title == NULL || *g_strstrip (t->title) == '\0')
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_TITLE, _("%s: required"),
                   rh_field_label (RH_FIELD_TITLE));
      return FALSE;
    }
  if (!rh_period_parse (t->period, period, error))
    return FALSE;
  org = rh_org_load (db, t->org_id, NULL);
  if (org == NULL || org->kind != RH_ORG_BRANCH || org->archived_date != NULL)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_BRANCH,
                   _("%s: choose the branch that supports the task"),
                   rh_field_label (RH_FIELD_BRANCH));
      return FALSE;
    }
  for (int s = 0; s < RH_N_SYNCS; s++)
    if (!rh_validate_date (t->sync_date[s], sync_fields[s], FALSE, NULL, error))
      return FALSE;
  if (!isnan (t->metric_target) && (t->metric_name == NULL || *t->metric_name == '\0'))
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_METRIC,
                   _("%s: name what the target measures"), rh_field_label (RH_FIELD_METRIC));
      return FALSE;
    }
  return TRUE;
}

gboolean
rh_task_save (RhDatabase *db, RhTask *t, GError **error)
{
  RhPeriod period;
  g_autofree char *canonical = NULL;
  sqlite3_stmt *stmt;

  if (!validate (db, t, &period, error))
    return FALSE;
  canonical = rh_period_format (&period);
  stmt = rh_database_prepare (db, t->id == 0
    ? "INSERT INTO central_task (org_id, title, period, period_first, period_last, owner_id,"
      " goal, measures, planned_date, planned_note, checked_date, checked_note, assessed_date,"
      " assessed_note, summarised_date, summarised_note, metric_name, metric_unit, metric_target,"
      " metric_actual, higher_is_better) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
      " ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)"
    : "UPDATE central_task SET org_id = ?1, title = ?2, period = ?3, period_first = ?4,"
      " period_last = ?5, owner_id = ?6, goal = ?7, measures = ?8, planned_date = ?9,"
      " planned_note = ?10, checked_date = ?11, checked_note = ?12, assessed_date = ?13,"
      " assessed_note = ?14, summarised_date = ?15, summarised_note = ?16, metric_name = ?17,"
      " metric_unit = ?18, metric_target = ?19, metric_actual = ?20, higher_is_better = ?21"
      " WHERE id = ?22",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->org_id);
  rh_sql_bind_text (stmt, 2, t->title);
  rh_sql_bind_text (stmt, 3, canonical);
  rh_sql_bind_text (stmt, 4, period.first);
  rh_sql_bind_text (stmt, 5, period.last);
  rh_sql_bind_id (stmt, 6, t->owner_id);
  rh_sql_bind_text (stmt, 7, t->goal);
  rh_sql_bind_text (stmt, 8, t->measures);
  for (int s = 0; s < RH_N_SYNCS; s++)
    {
      rh_sql_bind_text (stmt, 9 + 2 * s, t->sync_date[s]);
      rh_sql_bind_text (stmt, 10 + 2 * s, t->sync_note[s]);
    }
  rh_sql_bind_text (stmt, 17, t->metric_name);
  rh_sql_bind_text (stmt, 18, t->metric_unit);
  rh_sql_bind_double (stmt, 19, t->metric_target);
  rh_sql_bind_double (stmt, 20, t->metric_actual);
  sqlite3_bind_int (stmt, 21, t->higher_is_better ? 1 : 0);
  if (t->id != 0)
    sqlite3_bind_int64 (stmt, 22, t->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  if (t->id == 0)
    t->id = sqlite3_last_insert_rowid (rh_database_get_handle (db));
  g_free (t->period);
  t->period = g_steal_pointer (&canonical);
  return TRUE;
}

gboolean
rh_task_delete (RhDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "UPDATE meeting SET task_id = NULL"
                                                " WHERE task_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  stmt = rh_database_prepare (db, "DELETE FROM central_task WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  return TRUE;
}

#define TASK_SELECT                                                                            \
  "SELECT t.id, t.org_id, t.title, t.period, t.owner_id, t.goal, t.measures, t.planned_date,"  \
  " t.planned_note, t.checked_date, t.checked_note, t.assessed_date, t.assessed_note,"         \
  " t.summarised_date, t.summarised_note, t.metric_name, t.metric_unit, t.metric_target,"      \
  " t.metric_actual, t.higher_is_better, o.name, ow.name FROM central_task t"                  \
  " JOIN organisation o ON o.id = t.org_id LEFT JOIN member ow ON ow.id = t.owner_id"

static RhTask *
task_from_row (sqlite3_stmt *stmt)
{
  RhTask *t = rh_task_new ();

  t->id = sqlite3_column_int64 (stmt, 0);
  t->org_id = sqlite3_column_int64 (stmt, 1);
  t->title = rh_sql_dup (stmt, 2);
  t->period = rh_sql_dup (stmt, 3);
  t->owner_id = sqlite3_column_int64 (stmt, 4);
  t->goal = rh_sql_dup (stmt, 5);
  t->measures = rh_sql_dup (stmt, 6);
  for (int s = 0; s < RH_N_SYNCS; s++)
    {
      t->sync_date[s] = rh_sql_dup (stmt, 7 + 2 * s);
      t->sync_note[s] = rh_sql_dup (stmt, 8 + 2 * s);
    }
  t->metric_name = rh_sql_dup (stmt, 15);
  t->metric_unit = rh_sql_dup (stmt, 16);
  t->metric_target = rh_sql_double (stmt, 17);
  t->metric_actual = rh_sql_double (stmt, 18);
  t->higher_is_better = sqlite3_column_int (stmt, 19) != 0;
  t->org_name = rh_sql_dup (stmt, 20);
  t->owner_name = rh_sql_dup (stmt, 21);
  return t;
}

RhTask *
rh_task_load (RhDatabase *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, TASK_SELECT " WHERE t.id = ?1", error);
  RhTask *t = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    t = task_from_row (stmt);
  else
    g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_FOUND,
                 _("Central task %lld was not found"), (long long) id);
  sqlite3_reset (stmt);
  return t;
}

GPtrArray *
rh_task_list (RhDatabase *db, gint64 org_id, const RhPeriod *period, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db,
    "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT o.id FROM organisation o"
    " JOIN sub ON o.parent_id = sub.id) " TASK_SELECT
    " WHERE (?1 = 0 OR t.org_id IN (SELECT id FROM sub))"
    " AND t.period_first <= ?3 AND t.period_last >= ?2 ORDER BY o.pinyin, t.period_first, t.id",
    error);
  GPtrArray *tasks;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, org_id);
  rh_sql_bind_text (stmt, 2, period->first);
  rh_sql_bind_text (stmt, 3, period->last);
  tasks = g_ptr_array_new_with_free_func (g_object_unref);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tasks, task_from_row (stmt));
  sqlite3_reset (stmt);
  return tasks;
}

void
rh_integration_free (RhIntegration *integration)
{
  if (integration == NULL)
    return;
  g_free (integration->org_name);
  g_free (integration);
}

static double
share (int part, int whole)
{
  return whole > 0 ? (double) part / whole : -1;
}

static void
finish (RhIntegration *r)
{
  double shares[] = { r->synced_share = share (r->tasks_synced, r->tasks),
                      r->linked_share = share (r->meetings_linked, r->meetings),
                      r->met_share = share (r->tasks_met, r->tasks_measured) };
  double sum = 0;
  int n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    if (shares[i] >= 0)
      {
        sum += shares[i];
        n++;
      }
  r->index = n > 0 ? 100.0 * sum / n : -1;
}

/* Every active branch, or those whose ids are in `only`; everything else is
 * read branch by branch. */
static GPtrArray *
integration_compute (RhDatabase *db, const RhPeriod *period, GHashTable *only, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_integration_free);
  sqlite3_stmt *stmt;

  /* Some branches are looked up by id, not found among all of them. */
  stmt = rh_database_prepare (db, only != NULL
    ? "SELECT id, name FROM organisation WHERE id IN (SELECT value FROM json_each (?1))"
      " AND kind = 'branch' AND archived_date IS NULL ORDER BY pinyin, id"
    : "SELECT id, name FROM organisation WHERE kind = 'branch'"
      " AND archived_date IS NULL ORDER BY pinyin, id", error);
  if (stmt == NULL)
    return NULL;
  if (only != NULL)
    rh_sql_bind_id_set (stmt, 1, only);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RhIntegration *r = g_new0 (RhIntegration, 1);

      r->org_id = sqlite3_column_int64 (stmt, 0);
      r->org_name = rh_sql_dup (stmt, 1);
      g_ptr_array_add (out, r);
    }
  sqlite3_reset (stmt);

  /* Each branch's own tasks overlapping the period (central_task_org), so
   * that a few branches do not cost the whole committee's tasks. */
  stmt = rh_database_prepare (db, TASK_SELECT " WHERE t.org_id = ?1 AND t.period_first <= ?3"
                                  " AND t.period_last >= ?2", error);
  if (stmt == NULL)
    return NULL;
  rh_sql_bind_text (stmt, 2, period->first);
  rh_sql_bind_text (stmt, 3, period->last);
  for (guint i = 0; i < out->len; i++)
    {
      RhIntegration *r = out->pdata[i];

      sqlite3_bind_int64 (stmt, 1, r->org_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr (RhTask) t = task_from_row (stmt);

          r->tasks++;
          r->tasks_synced += rh_task_all_synced (t);
          if (!isnan (t->metric_target) && !isnan (t->metric_actual))
            {
              r->tasks_measured++;
              r->tasks_met += rh_task_met_target (t);
            }
        }
      sqlite3_reset (stmt);
    }

  /* 党员大会 and 支委会 that took up business work: a 融合议题 or a task.
   * Read branch by branch through meeting_period, which holds every column
   * used: the cost follows the branches asked for, not the committee's size. */
  stmt = rh_database_prepare (db, "SELECT count(*), coalesce (sum (task_id IS NOT NULL"
                                  " OR length(trim(coalesce(business_topic, ''))) > 0), 0)"
                                  " FROM meeting WHERE org_id = ?1 AND date BETWEEN ?2 AND ?3"
                                  " AND kind IN ('general_assembly', 'committee')", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < out->len; i++)
    {
      RhIntegration *r = out->pdata[i];

      sqlite3_bind_int64 (stmt, 1, r->org_id);
      rh_sql_bind_text (stmt, 2, period->first);
      rh_sql_bind_text (stmt, 3, period->last);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          r->meetings = sqlite3_column_int (stmt, 0);
          r->meetings_linked = sqlite3_column_int (stmt, 1);
        }
      sqlite3_reset (stmt);
    }

  for (guint i = 0; i < out->len; i++)
    finish (out->pdata[i]);
  return g_steal_pointer (&out);
}

GPtrArray *
rh_integration_compute_all (RhDatabase *db, const RhPeriod *period, GError **error)
{
  return integration_compute (db, period, NULL, error);
}

GPtrArray *
rh_integration_compute_some (RhDatabase *db, const RhPeriod *period, GHashTable *branch_ids,
                             GError **error)
{
  g_return_val_if_fail (branch_ids != NULL, NULL);

  return integration_compute (db, period, branch_ids, error);
}
