/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include "rh-compliance.h"
#include "rh-date.h"
#include "rh-rules.h"
#include "rh-sql.h"

char *
rh_member_probation_end (RhMember *m)
{
  return rh_date_add_months (m->admitted_date, 12 + m->probation_extension_months);
}

char *
rh_member_candidate_eligible (RhMember *m)
{
  return rh_date_add_months (m->activist_date, 12);
}

char *
rh_member_talk_due (RhMember *m)
{
  return rh_date_add_months (m->applied_date, 1);
}

void
rh_step_free (RhStep *step)
{
  if (step == NULL)
    return;
  g_free (step->date);
  g_free (step->due_date);
  g_free (step);
}

static gboolean
is_past (const char *date, const GDate *today)
{
  GDate d;
  return rh_date_parse (date, &d) && g_date_compare (&d, today) < 0;
}

static void
add_step (GPtrArray *steps, const char *label, const char *date, char *due, gboolean is_next,
          const GDate *today)
{
  RhStep *step = g_new0 (RhStep, 1);

  step->label = label;
  step->date = g_strdup (date);
  step->due_date = due;
  if (date != NULL && *date)
    step->state = RH_STEP_DONE;
  else if (is_next)
    step->state = is_past (due, today) ? RH_STEP_OVERDUE : RH_STEP_CURRENT;
  else
    step->state = RH_STEP_FUTURE;
  g_ptr_array_add (steps, step);
}

GPtrArray *
rh_member_timeline (RhMember *m, const GDate *today)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_step_free);
  RhMemberStatus s = m->status;

  add_step (steps, _("Applied to join"), m->applied_date, NULL, FALSE, today);
  add_step (steps, _("Talk with the applicant"), m->talk_date,
            s == RH_STATUS_APPLICANT ? rh_member_talk_due (m) : NULL,
            s == RH_STATUS_APPLICANT, today);
  add_step (steps, _("Listed as activist"), m->activist_date, NULL, FALSE, today);
  /* The due date of the candidate step is the earliest day it is allowed. */
  add_step (steps, _("Listed as candidate"), m->candidate_date,
            s == RH_STATUS_ACTIVIST ? rh_member_candidate_eligible (m) : NULL, FALSE, today);
  add_step (steps, _("Admitted as probationary member"), m->admitted_date, NULL, FALSE, today);
  add_step (steps, _("Full membership"), m->full_date,
            s == RH_STATUS_PROBATIONARY ? rh_member_probation_end (m) : NULL,
            s == RH_STATUS_PROBATIONARY, today);
  /* An activist's next step is possible, not overdue, once the year has passed. */
  if (s == RH_STATUS_ACTIVIST)
    ((RhStep *) steps->pdata[3])->state = RH_STEP_CURRENT;
  return steps;
}

void
rh_reminder_free (RhReminder *r)
{
  if (r == NULL)
    return;
  g_free (r->title);
  g_free (r->detail);
  g_free (r->due_date);
  g_free (r);
}

static RhReminder *
reminder_new (RhReminderKind kind, gint64 org_id, gint64 member_id, char *title, char *detail,
              const char *due, const GDate *today)
{
  RhReminder *r = g_new0 (RhReminder, 1);

  r->kind = kind;
  r->org_id = org_id;
  r->member_id = member_id;
  r->title = title;
  r->detail = detail;
  r->due_date = g_strdup (due);
  r->overdue = is_past (due, today);
  return r;
}

/* Today and the end of the warning window, as stored dates. */
static void
warning_window (const GDate *today, char **today_text, char **horizon)
{
  GDate h = *today;

  g_date_add_days (&h, RH_TERM_WARNING_DAYS);
  *today_text = rh_date_format (today);
  *horizon = rh_date_format (&h);
}

/* Committee terms: every active organisation's current term, due or overdue. */
static gboolean
add_term_reminders (RhDatabase *db, GPtrArray *out, const GDate *today, GError **error)
{
  g_autofree char *today_text = NULL;
  g_autofree char *horizon = NULL;
  sqlite3_stmt *stmt;

  warning_window (today, &today_text, &horizon);
  stmt = rh_database_prepare (db,
                              "SELECT o.id, o.name, date(t.start_date, '+' || t.years || ' years')"
                              " AS due FROM committee_term t JOIN organisation o ON o.id = t.org_id"
                              " WHERE t.ended_date IS NULL AND o.archived_date IS NULL"
                              " AND due <= ?1 ORDER BY due",
                              error);
  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 1, horizon);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *due = rh_sql_text (stmt, 2);
      gboolean overdue = g_strcmp0 (due, today_text) < 0;
      char *detail = overdue
                     ? g_strdup_printf (_("Committee term ended on %s: hold the election (换届)"), due)
                     : g_strdup_printf (_("Committee term ends on %s: prepare the election (换届)"), due);

      g_ptr_array_add (out, reminder_new (overdue ? RH_REMINDER_TERM_OVERDUE : RH_REMINDER_TERM_DUE,
                                          sqlite3_column_int64 (stmt, 0), 0,
                                          g_strdup (rh_sql_text (stmt, 1)), detail, due, today));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Size rules: branches that need a committee, temporary branches too small. */
static gboolean
add_size_reminders (RhDatabase *db, GPtrArray *out, const GDate *today, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db,
                                            "SELECT o.id, o.name, o.is_temporary,"
                                            " (SELECT count(*) FROM member m WHERE m.org_id = o.id"
                                            "  AND m.status = 'full' AND m.archived_date IS NULL),"
                                            " EXISTS (SELECT 1 FROM committee_term t"
                                            "  JOIN committee_role r ON r.term_id = t.id"
                                            "  WHERE t.org_id = o.id AND t.ended_date IS NULL"
                                            "  GROUP BY t.id HAVING count(*) >= 3)"
                                            " FROM organisation o"
                                            " WHERE o.kind = 'branch' AND o.archived_date IS NULL"
                                            " ORDER BY o.pinyin",
                                            error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = rh_sql_text (stmt, 1);
      int full = sqlite3_column_int (stmt, 3);

      if (full >= RH_COMMITTEE_MIN_FULL_MEMBERS && !sqlite3_column_int (stmt, 4))
        g_ptr_array_add (out, reminder_new (RH_REMINDER_NO_TERM, id, 0, g_strdup (name),
                                            g_strdup_printf (_("%d full members but no branch committee: elect one (≥7 full members)"),
                                                             full),
                                            NULL, today));
      if (sqlite3_column_int (stmt, 2) && full < RH_TEMPORARY_MIN_FULL_MEMBERS)
        g_ptr_array_add (out, reminder_new (RH_REMINDER_TEMPORARY_SMALL, id, 0, g_strdup (name),
                                            g_strdup_printf (_("Temporary branch with %d full members: at least 3 are needed"),
                                                             full),
                                            NULL, today));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The pipeline: probation ending, activists ready, applicant talks due. */
static gboolean
add_pipeline_reminders (RhDatabase *db, GPtrArray *out, const GDate *today, GError **error)
{
  g_autofree char *today_text = NULL;
  g_autofree char *horizon = NULL;
  sqlite3_stmt *stmt;

  warning_window (today, &today_text, &horizon);
  /* SQL pre-selects with its own month arithmetic and a few days' slack
   * (it differs from GLib's at month ends); the C rules then decide. */
  stmt = rh_database_prepare (db,
                              "SELECT id, name, status, applied_date, activist_date, admitted_date,"
                              " probation_extension_months FROM member"
                              " WHERE archived_date IS NULL AND ("
                              "  (status = 'probationary' AND date(admitted_date, '+' ||"
                              "    (12 + probation_extension_months) || ' months', '-4 days') <= ?1)"
                              "  OR (status = 'activist'"
                              "    AND date(activist_date, '+1 year', '-4 days') <= ?2)"
                              "  OR (status = 'applicant' AND talk_date IS NULL"
                              "    AND date(applied_date, '+1 month', '-4 days') <= ?1))",
                              error);
  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 1, horizon);
  rh_sql_bind_text (stmt, 2, today_text);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (RhMember) m = rh_member_new ();
      g_autofree char *due = NULL;
      RhReminder *r;
      int status = rh_status_from_string (rh_sql_text (stmt, 2));

      m->id = sqlite3_column_int64 (stmt, 0);
      m->applied_date = rh_sql_dup (stmt, 3);
      m->activist_date = rh_sql_dup (stmt, 4);
      m->admitted_date = rh_sql_dup (stmt, 5);
      m->probation_extension_months = sqlite3_column_int (stmt, 6);
      if (status == RH_STATUS_PROBATIONARY)
        {
          due = rh_member_probation_end (m);
          if (g_strcmp0 (due, horizon) > 0)
            continue;
          r = reminder_new (RH_REMINDER_PROBATION_ENDING, 0, m->id, rh_sql_dup (stmt, 1), NULL,
                            due, today);
          r->detail = r->overdue
                        ? g_strdup_printf (_("Probation ended on %s: decide on full membership (转正)"), due)
                        : g_strdup_printf (_("Probation ends on %s: prepare full membership (转正)"), due);
        }
      else if (status == RH_STATUS_ACTIVIST)
        {
          due = rh_member_candidate_eligible (m);
          if (g_strcmp0 (due, today_text) > 0)
            continue;
          r = reminder_new (RH_REMINDER_ACTIVIST_READY, 0, m->id, rh_sql_dup (stmt, 1), NULL,
                            due, today);
          r->detail = g_strdup_printf (_("Activist for a year on %s: can be considered as a candidate"),
                                       due);
          /* "Ready since" is not overdue: it is an opportunity. */
          r->overdue = FALSE;
        }
      else
        {
          due = rh_member_talk_due (m);
          if (g_strcmp0 (due, horizon) > 0)
            continue;
          r = reminder_new (RH_REMINDER_TALK_DUE, 0, m->id, rh_sql_dup (stmt, 1), NULL, due, today);
          r->detail = r->overdue
                        ? g_strdup_printf (_("Talk with the applicant was due by %s"), due)
                        : g_strdup_printf (_("Talk with the applicant is due by %s"), due);
        }
      g_ptr_array_add (out, r);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Meetings still to hold: this month's monthly ones, and quarterly or yearly
 * ones in the last month of their quarter or year. One reminder per branch. */
static gboolean
add_meeting_reminders (RhDatabase *db, GPtrArray *out, const GDate *today, GError **error)
{
  g_autofree char *today_text = rh_date_format (today);
  g_autoptr (GPtrArray) all = NULL;
  RhPeriod year;
  RhPeriod month;

  rh_period_init (&year, RH_PERIOD_YEAR, g_date_get_year (today), 0);
  rh_period_of_date (today_text, RH_PERIOD_MONTH, &month);
  all = rh_compliance_compute_all (db, &year, today, error);
  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      RhCompliance *c = all->pdata[i];
      GString *kinds = g_string_new (NULL);

      for (int k = 0; k < RH_N_MEETING_KINDS; k++)
        for (guint u = 0; c->kinds[k].units != NULL && u < c->kinds[k].units->len; u++)
          {
            RhComplianceUnit *unit = &g_array_index (c->kinds[k].units, RhComplianceUnit, u);
            if (unit->state == RH_UNIT_PENDING && rh_period_contains_date (&unit->period, today_text)
                && g_strcmp0 (unit->period.last, month.last) == 0)
              g_string_append_printf (kinds, "%s%s", kinds->len ? _("、") : "",
                                      rh_meeting_kind_label ((RhMeetingKind) k));
          }
      if (kinds->len > 0)
        g_ptr_array_add (out, reminder_new (RH_REMINDER_MEETINGS_DUE, c->org_id, 0,
                                            g_strdup (c->org_name),
                                            g_strdup_printf (_("Not yet held by %s: %s"), month.last,
                                                             kinds->str),
                                            month.last, today));
      g_string_free (kinds, TRUE);
    }
  return TRUE;
}

/* Overdue first, then by due date; undated (size rules) after dated ones. */
static int
compare_reminders (gconstpointer a, gconstpointer b)
{
  const RhReminder *x = *(RhReminder *const *) a;
  const RhReminder *y = *(RhReminder *const *) b;

  if (x->overdue != y->overdue)
    return x->overdue ? -1 : 1;
  if ((x->due_date == NULL) != (y->due_date == NULL))
    return x->due_date == NULL ? 1 : -1;
  return g_strcmp0 (x->due_date, y->due_date);
}

GPtrArray *
rh_reminders_compute (RhDatabase *db, const GDate *today, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_reminder_free);

  if (!add_term_reminders (db, out, today, error) || !add_size_reminders (db, out, today, error)
      || !add_pipeline_reminders (db, out, today, error)
      || !add_meeting_reminders (db, out, today, error))
    return NULL;
  g_ptr_array_sort (out, compare_reminders);
  return g_steal_pointer (&out);
}

gboolean
rh_counts_compute (RhDatabase *db, RhCounts *counts, GError **error)
{
  sqlite3_stmt *stmt;

  memset (counts, 0, sizeof *counts);
  stmt = rh_database_prepare (db,
                              "SELECT kind, count(*) FROM organisation"
                              " WHERE archived_date IS NULL GROUP BY kind",
                              error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int n = sqlite3_column_int (stmt, 1);
      switch (rh_org_kind_from_string (rh_sql_text (stmt, 0)))
        {
        case RH_ORG_COMMITTEE: counts->committees = n; break;
        case RH_ORG_GENERAL_BRANCH: counts->general_branches = n; break;
        case RH_ORG_BRANCH: counts->branches = n; break;
        case RH_ORG_GROUP: counts->groups = n; break;
        default: break;
        }
    }
  sqlite3_reset (stmt);

  /* The members by status come from member_tally (migration 0012), kept by triggers:
   * counting them from the member table read all of it, 25 ms at 100,000 members, before
   * the Overview's first frame and after every change (issue 8). */
  stmt = rh_database_prepare (db, "SELECT status, archived, n FROM member_tally", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int status = rh_status_from_string (rh_sql_text (stmt, 0));
      int n = sqlite3_column_int (stmt, 2);

      if (sqlite3_column_int (stmt, 1))
        counts->members_archived += n;
      else
        {
          if (status >= 0)
            counts->members_by_status[status] += n;
          counts->members_active += n;
        }
    }
  sqlite3_reset (stmt);
  return TRUE;
}

int
rh_org_full_member_count (RhDatabase *db, gint64 org_id)
{
  sqlite3_stmt *stmt = rh_database_prepare (db,
                                            "WITH RECURSIVE sub(id) AS (SELECT ?1"
                                            " UNION ALL SELECT o.id FROM organisation o"
                                            " JOIN sub ON o.parent_id = sub.id"
                                            " WHERE o.archived_date IS NULL)"
                                            " SELECT count(*) FROM member m"
                                            " WHERE m.org_id IN (SELECT id FROM sub)"
                                            " AND m.status = 'full' AND m.archived_date IS NULL",
                                            NULL);
  int n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, org_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}
