/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The meeting ledger (三会一课台账) of one branch for a period: every meeting
 * in date order with attendance, then the period's compliance per kind. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-compliance.h"
#include "rh-meeting.h"
#include "rh-org.h"
#include "rh-period.h"
#include "rh-sql.h"
#include "rh-types.h"
#include "rh-xlsx-util.h"

enum { M_NO, M_DATE, M_KIND, M_TOPIC, M_BUSINESS, M_PLACE, M_HOST, M_RECORDER, M_EXPECTED,
       M_PRESENT, M_RATE, M_ABSENT, M_VALID, M_DECISIONS, N_LEDGER_COLS };

static char *
member_name (RhDatabase *db, gint64 id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (id == 0)
    return NULL;
  stmt = rh_database_prepare (db, "SELECT name FROM member WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = rh_sql_dup (stmt, 0);
  sqlite3_reset (stmt);
  return name;
}

gboolean
rh_export_meetings (RhDatabase *db, const char *path, const RhExportOptions *options,
                    GError **error)
{
  const char *labels[] = {
    C_("ledger", "No."), C_("ledger", "Date"), C_("ledger", "Kind"), C_("ledger", "Topic"),
    C_("ledger", "Business topic"), C_("ledger", "Place"), C_("ledger", "Host"),
    C_("ledger", "Recorder"), C_("ledger", "Expected"), C_("ledger", "Present"),
    C_("ledger", "Attendance"), C_("ledger", "Absent, with reasons"), C_("ledger", "Quorum"),
    C_("ledger", "Decisions"), NULL,
  };
  gboolean own_transaction = sqlite3_get_autocommit (rh_database_get_handle (db));
  g_autoptr (RhOrg) org = NULL;
  g_autoptr (GPtrArray) meetings = NULL;
  g_autoptr (RhCompliance) compliance = NULL;
  g_autofree char *period_label = NULL;
  g_autofree char *title = NULL;
  g_autofree char *secretary = NULL;
  g_autofree char *sub = NULL;
  RhXlsxSheet *s = NULL;
  RhXlsx *x = NULL;
  RhPeriod p;
  lxw_row_t row = 3;
  gboolean ok = FALSE;

  if (!rh_period_parse (options->period, &p, error))
    return FALSE;
  if (options->branch_id == 0)
    {
      g_set_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_INPUT,
                   _("The meeting ledger is for one branch: give its number"));
      return FALSE;
    }
  if (own_transaction && !rh_database_exec (db, "BEGIN DEFERRED", error))
    return FALSE;
  org = rh_org_load (db, options->branch_id, NULL);
  if (org == NULL || org->kind != RH_ORG_BRANCH)
    {
      g_set_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_INPUT,
                   _("There is no branch with the number %lld"), (long long) options->branch_id);
      goto out;
    }
  meetings = rh_meeting_list (db, org->id, p.first, p.last, -1, error);
  if (meetings == NULL)
    goto out;
  compliance = rh_compliance_compute (db, org->id, &p, NULL, error);
  if (compliance == NULL)
    goto out;

  x = rh_xlsx_open (path, options, TRUE, error);
  if (x == NULL)
    goto out;
  period_label = rh_xlsx_period_label (options->period);
  /* TRANSLATORS: the ledger's title: the branch, then the period (2025年度) */
  title = g_strdup_printf (_("%s: meeting ledger (三会一课台账), %s"), org->name, period_label);
  rh_xlsx_properties (x, title, org->name, period_label);
  s = rh_xlsx_sheet_new (x, C_("sheet", "Meeting ledger"));
  s->max_width[M_TOPIC] = 30;
  s->max_width[M_BUSINESS] = 24;
  s->max_width[M_ABSENT] = 24;
  s->max_width[M_DECISIONS] = 36;
  rh_xlsx_sheet_title (s, 0, N_LEDGER_COLS - 1, title, NULL);
  secretary = rh_xlsx_secretary (db, org->id);
  sub = g_strdup_printf (_("Secretary: %s    Period: %s    %u meetings"),
                         secretary != NULL ? secretary : "—", period_label, meetings->len);
  rh_xlsx_sheet_merge (s, 1, 0, 1, N_LEDGER_COLS - 1, sub, x->subtitle);
  rh_xlsx_sheet_header (s, 2, labels);

  /* The list comes newest first; a ledger reads oldest first. */
  for (guint i = meetings->len; i > 0; i--)
    {
      RhMeeting *listed = meetings->pdata[i - 1];
      g_autoptr (RhMeeting) m = rh_meeting_load (db, listed->id, error);
      g_autofree char *host = NULL, *recorder = NULL, *e = NULL, *pr = NULL, *f = NULL;
      GString *absent = g_string_new (NULL);

      if (m == NULL)
        {
          g_string_free (absent, TRUE);
          goto out;
        }
      host = member_name (db, m->host_id);
      recorder = member_name (db, m->recorder_id);
      for (guint a = 0; a < m->absences->len; a++)
        {
          RhAbsence *ab = m->absences->pdata[a];
          g_autofree char *name = ab->member_name != NULL ? g_strdup (ab->member_name)
                                                          : member_name (db, ab->member_id);
          g_string_append_printf (absent, "%s%s（%s%s%s）", absent->len ? "\n" : "",
                                  name != NULL ? name : "?", rh_attendance_label (ab->state),
                                  ab->reason != NULL && *ab->reason ? C_("list separator", ", ")
                                                                    : "",
                                  ab->reason != NULL ? ab->reason : "");
        }
      rh_xlsx_sheet_number (s, row, M_NO, row - 2, x->integer);
      rh_xlsx_sheet_text (s, row, M_DATE, m->date, x->date);
      rh_xlsx_sheet_text (s, row, M_KIND, rh_meeting_kind_label (m->kind), x->center);
      rh_xlsx_sheet_text (s, row, M_TOPIC, m->topic, x->wrap);
      rh_xlsx_sheet_text (s, row, M_BUSINESS, m->business_topic, x->wrap);
      rh_xlsx_sheet_text (s, row, M_PLACE, m->place, x->text);
      rh_xlsx_sheet_text (s, row, M_HOST, host, x->center);
      rh_xlsx_sheet_text (s, row, M_RECORDER, recorder, x->center);
      rh_xlsx_sheet_number (s, row, M_EXPECTED, m->expected, x->integer);
      rh_xlsx_sheet_number (s, row, M_PRESENT, m->present, x->integer);
      e = rh_xlsx_cell (row, M_EXPECTED, FALSE);
      pr = rh_xlsx_cell (row, M_PRESENT, FALSE);
      f = g_strdup_printf ("=IF(%s=0,\"\",%s/%s)", e, pr, e);
      if (m->expected > 0)
        rh_xlsx_sheet_formula (s, row, M_RATE, f, (double) m->present / m->expected, x->percent);
      else
        rh_xlsx_sheet_formula_text (s, row, M_RATE, f, "", x->percent);
      rh_xlsx_sheet_text (s, row, M_ABSENT, absent->str, x->wrap);
      rh_xlsx_sheet_text (s, row, M_VALID, m->valid ? C_("veto", "Yes") : C_("veto", "No"), x->center);
      rh_xlsx_sheet_text (s, row, M_DECISIONS, m->decisions, x->wrap);
      g_string_free (absent, TRUE);
      rh_xlsx_sheet_row_done (s, row);
      row++;
    }
  if (meetings->len == 0)
    {
      rh_xlsx_sheet_merge (s, row, 0, row, N_LEDGER_COLS - 1, _("No meetings in this period"),
                      x->text);
      row++;
    }

  /* The period's compliance per kind, from core. */
  row++;
  rh_xlsx_sheet_merge (s, row, 0, row, N_LEDGER_COLS - 1, _("Compliance with the rules of 三会一课"),
                  x->bold);
  row++;
  rh_xlsx_sheet_merge (s, row, 0, row, 2, C_("ledger", "Kind"), x->header);
  rh_xlsx_sheet_text (s, row, 3, _("Required"), x->header);
  rh_xlsx_sheet_text (s, row, 4, _("Met"), x->header);
  rh_xlsx_sheet_text (s, row, 5, _("Meetings held"), x->header);
  rh_xlsx_sheet_text (s, row, 6, _("Below quorum"), x->header);
  row++;
  {
    lxw_row_t first = row;
    for (int k = 0; k < RH_N_MEETING_KINDS; k++)
      {
        RhComplianceKind *ck = &compliance->kinds[k];
        if (!ck->applicable)
          continue;
        rh_xlsx_sheet_merge (s, row, 0, row, 2, rh_meeting_kind_label (k), x->text);
        rh_xlsx_sheet_number (s, row, 3, ck->required, x->integer);
        rh_xlsx_sheet_number (s, row, 4, ck->met, x->integer);
        rh_xlsx_sheet_number (s, row, 5, ck->held, x->integer);
        rh_xlsx_sheet_number (s, row, 6, ck->invalid, x->integer);
        row++;
      }
    if (row > first)
      {
        g_autofree char *a = rh_xlsx_cell (first, 3, FALSE), *b = rh_xlsx_cell (row - 1, 3, FALSE);
        g_autofree char *c = rh_xlsx_cell (first, 4, FALSE), *d = rh_xlsx_cell (row - 1, 4, FALSE);
        g_autofree char *req = g_strdup_printf ("=SUM(%s:%s)", a, b);
        g_autofree char *met = g_strdup_printf ("=SUM(%s:%s)", c, d);
        g_autofree char *rq = rh_xlsx_cell (row, 3, FALSE), *mt = rh_xlsx_cell (row, 4, FALSE);
        g_autofree char *rate = g_strdup_printf ("=IF(%s=0,\"\",%s/%s)", rq, mt, rq);

        rh_xlsx_sheet_merge (s, row, 0, row, 2, _("In all"), x->bold);
        rh_xlsx_sheet_formula (s, row, 3, req, compliance->required, x->integer);
        rh_xlsx_sheet_formula (s, row, 4, met, compliance->met, x->integer);
        rh_xlsx_sheet_text (s, row, 5, _("Rate"), x->bold);
        if (compliance->rate < 0)
          rh_xlsx_sheet_formula_text (s, row, 6, rate, "", x->percent);
        else
          rh_xlsx_sheet_formula (s, row, 6, rate, compliance->rate, x->percent);
        row++;
      }
  }
  row++;
  rh_xlsx_sheet_merge (s, row, 0, row, 6, _("Branch secretary (signature):"), x->plain);
  rh_xlsx_sheet_merge (s, row, 7, row, 13, _("Date:        year    month    day"), x->plain);

  rh_xlsx_sheet_fit_columns (s, N_LEDGER_COLS);
  worksheet_freeze_panes (s->ws, 3, 2);
  rh_xlsx_sheet_print (s, title, TRUE, 2, 2);
  rh_xlsx_sheet_free (s);
  s = NULL;
  ok = rh_xlsx_close (x, error);
  x = NULL;

out:
  rh_xlsx_sheet_free (s);
  if (x != NULL)
    rh_xlsx_abort (x);
  if (own_transaction)
    rh_database_exec (db, "COMMIT", NULL);
  return ok;
}
