/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The roster (党员花名册): party members in the columns the official
 * member-management system uses. Written row by row in constant memory, so
 * 100,000 members take little memory. ID and phone numbers are masked
 * unless the user asked otherwise. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-member.h"
#include "rh-org.h"
#include "rh-sql.h"
#include "rh-types.h"
#include "rh-xlsx-util.h"

enum { R_NO, R_NAME, R_GENDER, R_ID, R_ETHNICITY, R_BIRTH, R_EDUCATION, R_STATUS, R_BRANCH,
       R_GROUP, R_ADMITTED, R_FULL, R_POST, R_PHONE, R_VANGUARD, R_FLOW, R_NOTE, N_ROSTER_COLS };

#define ROSTER_SCOPE                                                                      \
  "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT o.id FROM organisation o"        \
  " JOIN sub ON o.parent_id = sub.id) "
#define ROSTER_ACTIVE " AND m.archived_date IS NULL AND m.status IN ('probationary', 'full')"
#define ROSTER_WHERE " WHERE (?1 = 0 OR m.org_id IN (SELECT id FROM sub))" ROSTER_ACTIVE

/* One member's row; ID and phone numbers masked unless asked otherwise. */
static void
write_member (RhXlsxSheet *s, lxw_row_t row, sqlite3_stmt *stmt, gboolean unmasked)
{
  RhXlsx *x = s->x;
  g_autoptr (RhMember) m = rh_member_from_row (stmt);
  g_autofree char *id = unmasked ? g_strdup (m->id_number) : rh_export_mask_id (m->id_number);
  g_autofree char *phone = unmasked ? g_strdup (m->phone) : rh_export_mask_phone (m->phone);

  rh_xlsx_sheet_number (s, row, R_NO, row - 2, x->integer);
  rh_xlsx_sheet_text (s, row, R_NAME, m->name, x->text);
  rh_xlsx_sheet_text (s, row, R_GENDER, rh_gender_label (m->gender), x->center);
  rh_xlsx_sheet_text (s, row, R_ID, id, x->text);
  rh_xlsx_sheet_text (s, row, R_ETHNICITY, m->ethnicity, x->center);
  rh_xlsx_sheet_text (s, row, R_BIRTH, m->birth_date, x->date);
  rh_xlsx_sheet_text (s, row, R_EDUCATION, m->education, x->center);
  rh_xlsx_sheet_text (s, row, R_STATUS, rh_status_label (m->status), x->center);
  rh_xlsx_sheet_text (s, row, R_BRANCH, m->branch_name, x->text);
  rh_xlsx_sheet_text (s, row, R_GROUP, m->group_name, x->text);
  rh_xlsx_sheet_text (s, row, R_ADMITTED, m->admitted_date, x->date);
  rh_xlsx_sheet_text (s, row, R_FULL, m->full_date, x->date);
  rh_xlsx_sheet_text (s, row, R_POST, m->post, x->text);
  rh_xlsx_sheet_text (s, row, R_PHONE, phone, x->text);
  rh_xlsx_sheet_text (s, row, R_VANGUARD, m->vanguard_post, x->text);
  rh_xlsx_sheet_text (s, row, R_FLOW, m->flow != RH_FLOW_NONE ? rh_flow_label (m->flow) : NULL,
                      x->center);
  rh_xlsx_sheet_text (s, row, R_NOTE, m->note, x->wrap);
  rh_xlsx_sheet_row_done (s, row);
}

gboolean
rh_export_roster (RhDatabase *db, const char *path, const RhExportOptions *options,
                  GError **error)
{
  const char *labels[] = {
    C_("roster", "No."), C_("roster", "Name"), C_("roster", "Gender"),
    C_("roster", "ID number"), C_("roster", "Ethnicity"), C_("roster", "Date of birth"),
    C_("roster", "Education"), C_("roster", "Category"), C_("roster", "Branch"),
    C_("roster", "Party group"), C_("roster", "Joined the Party"),
    C_("roster", "Full member since"), C_("roster", "Post"), C_("roster", "Phone"),
    C_("roster", "Vanguard post"), C_("roster", "Flowing"), C_("roster", "Notes"), NULL,
  };
  gboolean own_transaction = sqlite3_get_autocommit (rh_database_get_handle (db));
  g_autofree char *org_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *today = rh_xlsx_today ();
  gint64 total = 0, full = 0;
  sqlite3_stmt *stmt = NULL, *branches = NULL;
  int rc;
  RhXlsxSheet *s = NULL;
  RhXlsx *x = NULL;
  lxw_row_t row = 3;
  gboolean ok = FALSE;

  if (own_transaction && !rh_database_exec (db, "BEGIN DEFERRED", error))
    return FALSE;
  if (options->branch_id != 0)
    {
      g_autoptr (RhOrg) org = rh_org_load (db, options->branch_id, NULL);
      if (org == NULL)
        {
          g_set_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_INPUT,
                       _("There is no organisation with the number %lld"),
                       (long long) options->branch_id);
          goto out;
        }
      org_name = g_strdup (org->name);
    }
  else
    org_name = rh_xlsx_root_name (db);

  stmt = rh_database_prepare (db, ROSTER_SCOPE "SELECT count(*), coalesce(sum(m.status = 'full'), 0)"
                                  " FROM member m" ROSTER_WHERE, error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, options->branch_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      total = sqlite3_column_int64 (stmt, 0);
      full = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  x = rh_xlsx_open (path, options, TRUE, error);
  if (x == NULL)
    goto out;
  /* TRANSLATORS: the roster's title; %s is the organisation */
  title = g_strdup_printf (_("%s: roster of Party members"), org_name != NULL ? org_name : "");
  rh_xlsx_properties (x, title, org_name, NULL);
  s = rh_xlsx_sheet_new (x, C_("sheet", "Roster"));
  s->max_width[R_BRANCH] = 30;
  s->max_width[R_NOTE] = 30;
  s->max_width[R_POST] = 20;
  /* Rows must come in order in constant memory: title, subtitle, header, members. */
  rh_xlsx_sheet_title (s, 0, N_ROSTER_COLS - 1, title, NULL);
  sub = g_strdup_printf (_("As of %s: %lld members, %lld full and %lld probationary.%s"), today,
                         (long long) total, (long long) full, (long long) (total - full),
                         options->unmasked ? ""
                                           : _(" ID and phone numbers are partly hidden."));
  rh_xlsx_sheet_merge (s, 1, 0, 1, N_ROSTER_COLS - 1, sub, x->subtitle);
  rh_xlsx_sheet_header (s, 2, labels);

  /* Branch by branch: each branch's members are a short index range, read in
   * the table's order, where one ORDER BY over the whole roster would sort
   * 100,000 wide rows. */
  branches = rh_database_prepare (db, ROSTER_SCOPE "SELECT o.id FROM organisation o"
                                      " WHERE ?1 = 0 OR o.id IN (SELECT id FROM sub)"
                                      " ORDER BY o.pinyin, o.id", error);
  {
    /* Constant pieces only (core's member columns); the branch is bound as ?1. */
    g_autofree char *sql = g_strconcat ("SELECT ", RH_MEMBER_COLUMNS,
                                        " FROM member m"
                                        " LEFT JOIN organisation b ON b.id = m.org_id"
                                        " LEFT JOIN organisation g ON g.id = m.group_id"
                                        " WHERE m.org_id = ?1" ROSTER_ACTIVE
                                        " ORDER BY m.pinyin, m.id",
                                        NULL);
    stmt = branches != NULL ? rh_database_prepare (db, sql, error) : NULL;
  }
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (branches, 1, options->branch_id);
  while ((rc = sqlite3_step (branches)) == SQLITE_ROW)
    {
      sqlite3_bind_int64 (stmt, 1, sqlite3_column_int64 (branches, 0));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          write_member (s, row, stmt, options->unmasked);
          row++;
          if (row % 5000 == 0)
            {
              rh_xlsx_progress (x, total > 0 ? 0.9 * (row - 3) / total : 0.5);
              if (!rh_xlsx_check_cancel (x, error))
                goto out;
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        break;
    }
  /* A read that failed (a damaged page, say) is an error, not the end of the roster. */
  if (rc != SQLITE_DONE)
    {
      rh_database_set_error (db, error);
      goto out;
    }
  rh_xlsx_sheet_fit_columns (s, N_ROSTER_COLS);
  worksheet_freeze_panes (s->ws, 3, 2);
  rh_xlsx_check (x, worksheet_autofilter (s->ws, 2, 0, MAX (3, row - 1), N_ROSTER_COLS - 1));
  rh_xlsx_sheet_print (s, title, TRUE, 2, 2);
  rh_xlsx_sheet_free (s);
  s = NULL;
  ok = rh_xlsx_close (x, error);
  x = NULL;

out:
  if (branches != NULL)
    sqlite3_reset (branches);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  rh_xlsx_sheet_free (s);
  if (x != NULL)
    rh_xlsx_abort (x);
  if (own_transaction)
    rh_database_exec (db, "COMMIT", NULL);
  return ok;
}
