/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-check.h"
#include "rh-date.h"
#include "rh-member.h"
#include "rh-rules.h"
#include "rh-sql.h"

static gboolean
check_integrity (RhDatabase *db, GPtrArray *problems, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "PRAGMA integrity_check", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (g_strcmp0 (rh_sql_text (stmt, 0), "ok") != 0)
      g_ptr_array_add (problems, g_strdup_printf (_("Integrity: %s"), rh_sql_text (stmt, 0)));
  sqlite3_reset (stmt);

  stmt = rh_database_prepare (db, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Foreign key: row %lld of %s refers to a missing %s"),
                                      (long long) sqlite3_column_int64 (stmt, 1),
                                      rh_sql_text (stmt, 0), rh_sql_text (stmt, 2)));
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
check_members (RhDatabase *db, GPtrArray *problems, const GDate *today, GError **error)
{
  g_autofree char *sql = g_strconcat ("SELECT ", RH_MEMBER_COLUMNS,
                                      " FROM member m LEFT JOIN organisation b ON b.id = m.org_id"
                                      " LEFT JOIN organisation g ON g.id = m.group_id"
                                      " ORDER BY m.id",
                                      NULL);
  sqlite3_stmt *stmt = rh_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (RhMember) m = rh_member_from_row (stmt);
      g_autoptr (GPtrArray) found = rh_member_problems (m, today);

      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (problems, g_strdup_printf (_("Member %lld (%s): %s"), (long long) m->id,
                                                    m->name, (char *) found->pdata[i]));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* member_tally (the Overview's counts, kept by triggers) against the member table. */
static gboolean
check_tally (RhDatabase *db, GPtrArray *problems, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (
    db,
    "SELECT m.status, m.archived, m.n, coalesce (t.n, 0) FROM"
    " (SELECT status, archived_date IS NOT NULL AS archived, count(*) AS n FROM member"
    "  GROUP BY 1, 2) m LEFT JOIN member_tally t USING (status, archived)"
    " WHERE t.n IS NOT m.n"
    " UNION ALL SELECT t.status, t.archived, 0, t.n FROM member_tally t"
    " WHERE t.n != 0 AND NOT EXISTS (SELECT 1 FROM member WHERE status = t.status"
    "  AND (archived_date IS NOT NULL) = t.archived)",
    error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *status = rh_status_label (rh_status_from_string (rh_sql_text (stmt, 0)));
      long long actual = sqlite3_column_int64 (stmt, 2), counted = sqlite3_column_int64 (stmt, 3);

      g_ptr_array_add (problems,
                       sqlite3_column_int (stmt, 1)
                         ? g_strdup_printf (_("Member counts: %lld transferred-out members with "
                                              "status “%s” are counted as %lld"),
                                            actual, status, counted)
                         : g_strdup_printf (_("Member counts: %lld members with status “%s” are "
                                              "counted as %lld"),
                                            actual, status, counted));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Temporary branches must keep three full members (DOMAIN.md). The rule is
 * reported here and as a reminder rather than refused at every edit, since a
 * new temporary branch starts empty. */
static gboolean
check_temporary (RhDatabase *db, GPtrArray *problems, const GDate *today, GError **error)
{
  g_autoptr (GPtrArray) reminders = rh_reminders_compute (db, today, error);

  if (reminders == NULL)
    return FALSE;
  for (guint i = 0; i < reminders->len; i++)
    {
      RhReminder *r = reminders->pdata[i];
      if (r->kind == RH_REMINDER_TEMPORARY_SMALL)
        g_ptr_array_add (problems, g_strdup_printf (_("Organisation %lld (%s): %s"),
                                                    (long long) r->org_id, r->title, r->detail));
    }
  return TRUE;
}

gboolean
rh_check_database (RhDatabase *db, GPtrArray *problems, GError **error)
{
  GDate today;

  rh_date_today (&today);
  return check_integrity (db, problems, error) && check_members (db, problems, &today, error)
         && check_tally (db, problems, error) && check_temporary (db, problems, &today, error);
}
