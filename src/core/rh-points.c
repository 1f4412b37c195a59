/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rh-meeting.h"
#include "rh-points.h"
#include "rh-sql.h"
#include "rh-validate.h"

static const char *const grade_names[] = { "excellent", "qualified", "basic", "unqualified" };
static const char *const grade_labels[] = {
  N_("Excellent"), N_("Qualified"), N_("Basically qualified"), N_("Unqualified"),
};

const char *
rh_review_grade_to_string (RhReviewGrade g)
{
  return g < RH_N_REVIEW_GRADES ? grade_names[g] : NULL;
}

int
rh_review_grade_from_string (const char *s)
{
  for (int i = 0; s != NULL && i < RH_N_REVIEW_GRADES; i++)
    if (strcmp (grade_names[i], s) == 0)
      return i;
  return -1;
}

const char *
rh_review_grade_label (RhReviewGrade g)
{
  return g < RH_N_REVIEW_GRADES ? g_dgettext (GETTEXT_PACKAGE, grade_labels[g]) : "";
}

void
rh_points_free (RhPoints *p)
{
  if (p == NULL)
    return;
  g_free (p->name);
  g_free (p->level);
  g_free (p);
}

static char *
setting (RhDatabase *db, const char *key)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT value FROM setting WHERE key = ?1", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  rh_sql_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = rh_sql_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* "优秀:90;良好:80;合格:60;不合格:0": the first level whose minimum is reached. */
static char *
level_for (const char *levels, double total)
{
  g_auto (GStrv) parts = g_strsplit (levels != NULL ? levels : "", ";", -1);
  char *last = NULL;

  for (int i = 0; parts[i] != NULL; i++)
    {
      char *colon = strrchr (parts[i], ':');
      if (colon == NULL)
        continue;
      g_free (last);
      last = g_strndup (parts[i], colon - parts[i]);
      if (total >= g_ascii_strtod (colon + 1, NULL))
        return last;
    }
  return last != NULL ? last : g_strdup ("");
}

typedef struct {
  gint64 id;
  double points;
  double cap;        /* NAN: none */
  int    automatic;  /* 0 none, 1 present, 2 absent */
  gboolean veto;
} Rule;

static GArray *
load_rules (RhDatabase *db, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT id, points, cap, automatic, veto"
                                                " FROM point_rule", error);
  GArray *rules;

  if (stmt == NULL)
    return NULL;
  rules = g_array_new (FALSE, FALSE, sizeof (Rule));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *automatic = rh_sql_text (stmt, 3);
      Rule r = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1),
                 rh_sql_double (stmt, 2),
                 g_strcmp0 (automatic, "present") == 0 ? 1 : g_strcmp0 (automatic, "absent") == 0 ? 2
                                                                                               : 0,
                 sqlite3_column_int (stmt, 4) != 0 };
      g_array_append_val (rules, r);
    }
  sqlite3_reset (stmt);
  return rules;
}

/* A rule's sum in a quarter, held within its cap on the side of its sign. */
static double
capped (const Rule *r, double sum)
{
  if (isnan (r->cap))
    return sum;
  return r->points >= 0 ? MIN (sum, r->cap) : MAX (sum, -r->cap);
}

/* Meetings missed without leave ('absent') by a member within [first, last]. */
static int
count_absent (RhDatabase *db, gint64 member_id, const char *first, const char *last)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT count(*) FROM attendance a"
                                                " JOIN meeting m ON m.id = a.meeting_id"
                                                " WHERE a.member_id = ?1 AND a.state = 'absent'"
                                                " AND m.date BETWEEN ?2 AND ?3", NULL);
  int n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, member_id);
  rh_sql_bind_text (stmt, 2, first);
  rh_sql_bind_text (stmt, 3, last);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* Points earned by one member over the quarters of a period. */
static double
member_points (RhDatabase *db, gint64 member_id, GArray *rules, const RhPeriod *period,
               gboolean *vetoed)
{
  g_autoptr (GArray) quarters = rh_period_split (period, RH_PERIOD_QUARTER);
  sqlite3_stmt *stmt;
  RhPeriod year;
  double total = 0;

  /* A month is scored within its own quarter. */
  if (quarters->len == 0)
    g_array_append_val (quarters, *period);
  for (guint q = 0; q < quarters->len; q++)
    {
      RhPeriod *quarter = &g_array_index (quarters, RhPeriod, q);
      for (guint i = 0; i < rules->len; i++)
        {
          Rule *r = &g_array_index (rules, Rule, i);
          double sum = 0;

          if (r->automatic == 1)
            {
              int expected = 0, present = 0;
              if (rh_member_attendance (db, member_id, quarter->first, quarter->last, &expected,
                                        &present, NULL))
                sum = present * r->points;
            }
          else if (r->automatic == 2)
            sum = count_absent (db, member_id, quarter->first, quarter->last) * r->points;
          else
            {
              stmt = rh_database_prepare (db, "SELECT count(*) FROM point_entry WHERE member_id = ?1"
                                              " AND rule_id = ?2 AND date BETWEEN ?3 AND ?4", NULL);
              if (stmt == NULL)
                continue;
              sqlite3_bind_int64 (stmt, 1, member_id);
              sqlite3_bind_int64 (stmt, 2, r->id);
              rh_sql_bind_text (stmt, 3, quarter->first);
              rh_sql_bind_text (stmt, 4, quarter->last);
              if (sqlite3_step (stmt) == SQLITE_ROW)
                sum = sqlite3_column_int (stmt, 0) * r->points;
              sqlite3_reset (stmt);
            }
          total += capped (r, sum);
        }
    }

  /* A veto entry anywhere in the year sets the year to 0. */
  rh_period_init (&year, RH_PERIOD_YEAR, period->year, 0);
  stmt = rh_database_prepare (db, "SELECT count(*) FROM point_entry e JOIN point_rule r"
                                  " ON r.id = e.rule_id WHERE e.member_id = ?1 AND r.veto"
                                  " AND e.date BETWEEN ?2 AND ?3", NULL);
  *vetoed = FALSE;
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, member_id);
      rh_sql_bind_text (stmt, 2, year.first);
      rh_sql_bind_text (stmt, 3, year.last);
      *vetoed = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
      sqlite3_reset (stmt);
    }
  return total;
}

static int
compare_points (gconstpointer a, gconstpointer b)
{
  const RhPoints *x = *(RhPoints *const *) a;
  const RhPoints *y = *(RhPoints *const *) b;

  return x->total < y->total ? 1 : x->total > y->total ? -1 : g_strcmp0 (x->name, y->name);
}

GPtrArray *
rh_points_for_branch (RhDatabase *db, gint64 branch_id, const RhPeriod *period, GError **error)
{
  g_autoptr (GArray) rules = load_rules (db, error);
  g_autofree char *base_text = setting (db, "points_base");
  g_autofree char *levels = setting (db, "points_levels");
  double base = base_text != NULL ? g_ascii_strtod (base_text, NULL) : 60;
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_points_free);
  sqlite3_stmt *stmt;

  if (rules == NULL)
    return NULL;
  stmt = rh_database_prepare (db, "SELECT id, name FROM member WHERE org_id = ?1"
                                  " AND archived_date IS NULL AND admitted_date IS NOT NULL"
                                  " ORDER BY pinyin", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RhPoints *p = g_new0 (RhPoints, 1);
      p->member_id = sqlite3_column_int64 (stmt, 0);
      p->name = rh_sql_dup (stmt, 1);
      g_ptr_array_add (out, p);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < out->len; i++)
    {
      RhPoints *p = out->pdata[i];
      p->base = base;
      p->earned = member_points (db, p->member_id, rules, period, &p->vetoed);
      p->total = p->vetoed ? 0 : MAX (0, base + p->earned);
      p->level = level_for (levels, p->total);
    }
  g_ptr_array_sort (out, compare_points);
  for (guint i = 0; i < out->len; i++)
    ((RhPoints *) out->pdata[i])->rank = (int) i + 1;
  return g_steal_pointer (&out);
}

gboolean
rh_points_add (RhDatabase *db, gint64 member_id, const char *rule_code, const char *date,
               const char *note, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 rule = 0;
  gboolean automatic = FALSE;

  if (!rh_validate_date (date, RH_FIELD_NONE, TRUE, NULL, error))
    return FALSE;
  stmt = rh_database_prepare (db, "SELECT id, automatic IS NOT NULL FROM point_rule WHERE code = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 1, rule_code);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      rule = sqlite3_column_int64 (stmt, 0);
      automatic = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (rule == 0 || automatic)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE,
                   rule == 0 ? _("There is no points rule %s")
                             : _("Points rule %s is counted from meeting records"),
                   rule_code);
      return FALSE;
    }
  stmt = rh_database_prepare (db, "INSERT INTO point_entry (member_id, rule_id, date, note)"
                                  " VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int64 (stmt, 2, rule);
  rh_sql_bind_text (stmt, 3, date);
  rh_sql_bind_text (stmt, 4, note);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  return TRUE;
}

int
rh_review_get (RhDatabase *db, gint64 member_id, int year)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT grade FROM member_review"
                                                " WHERE member_id = ?1 AND year = ?2", NULL);
  int grade = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    grade = rh_review_grade_from_string (rh_sql_text (stmt, 0));
  sqlite3_reset (stmt);
  return grade;
}

gboolean
rh_review_set (RhDatabase *db, gint64 member_id, int year, RhReviewGrade grade, const char *note,
               GError **error)
{
  sqlite3_stmt *stmt;

  if (grade >= RH_N_REVIEW_GRADES)
    return FALSE;
  if (grade == RH_REVIEW_EXCELLENT)
    {
      /* Full and probationary members are reviewed (and counted) separately. */
      int members = 0, excellent = 0;
      gboolean probationary = FALSE;

      stmt = rh_database_prepare (db,
        "SELECT me.status = 'probationary', (SELECT count(*) FROM member o WHERE o.org_id = me.org_id"
        "  AND o.archived_date IS NULL AND (o.status = 'probationary') = (me.status = 'probationary')"
        "  AND o.status IN ('probationary', 'full')),"
        " (SELECT count(*) FROM member_review r JOIN member o ON o.id = r.member_id"
        "  WHERE o.org_id = me.org_id AND r.year = ?2 AND r.grade = 'excellent'"
        "  AND r.member_id <> me.id AND (o.status = 'probationary') = (me.status = 'probationary'))"
        " FROM member me WHERE me.id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, member_id);
      sqlite3_bind_int (stmt, 2, year);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          probationary = sqlite3_column_int (stmt, 0) != 0;
          members = sqlite3_column_int (stmt, 1);
          excellent = sqlite3_column_int (stmt, 2);
        }
      sqlite3_reset (stmt);
      if (3 * (excellent + 1) > members)
        {
          g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE,
                       probationary
                         ? _("At most a third of the probationary members can be rated excellent "
                             "(优秀): %d of %d already are")
                         : _("At most a third of the full members can be rated excellent (优秀): "
                             "%d of %d already are"),
                       excellent, members);
          return FALSE;
        }
    }
  stmt = rh_database_prepare (db, "INSERT INTO member_review (member_id, year, grade, note)"
                                  " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (member_id, year)"
                                  " DO UPDATE SET grade = excluded.grade, note = excluded.note",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int (stmt, 2, year);
  rh_sql_bind_text (stmt, 3, rh_review_grade_to_string (grade));
  rh_sql_bind_text (stmt, 4, note);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  return TRUE;
}
