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

/* Empty or only white space. */
static gboolean
blank (const char *s)
{
  for (; s != NULL && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
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

/* Points earned by one member over the quarters of a period, each quarter's
 * share added to quarters[] (Q1 is 0). A month counts within its own quarter. */
typedef struct {
  int    count;    /* entries, or meetings attended or missed */
  double raw;      /* count × points */
  double counted;  /* after each quarter's cap */
} RuleSum;

static double
member_points (RhDatabase *db, gint64 member_id, GArray *rules, const RhPeriod *period,
               double quarters[4], gboolean *vetoed, RuleSum *sums)
{
  g_autoptr (GArray) parts = rh_period_split (period, RH_PERIOD_QUARTER);
  sqlite3_stmt *stmt;
  RhPeriod year;
  double total = 0;

  for (int q = 0; q < 4; q++)
    quarters[q] = 0;
  if (parts->len == 0)
    g_array_append_val (parts, *period);
  for (guint q = 0; q < parts->len; q++)
    {
      RhPeriod *part = &g_array_index (parts, RhPeriod, q);
      RhPeriod quarter;
      double sum_quarter = 0;

      g_autofree int *counts = g_new0 (int, rules->len);
      int present = -1, absent = -1;

      /* The member's manual entries of the quarter, all rules in one query. */
      stmt = rh_database_prepare (db, "SELECT rule_id, count(*) FROM point_entry"
                                      " WHERE member_id = ?1 AND date BETWEEN ?2 AND ?3"
                                      " GROUP BY rule_id", NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, member_id);
          rh_sql_bind_text (stmt, 2, part->first);
          rh_sql_bind_text (stmt, 3, part->last);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            for (guint i = 0; i < rules->len; i++)
              if (g_array_index (rules, Rule, i).id == sqlite3_column_int64 (stmt, 0))
                counts[i] = sqlite3_column_int (stmt, 1);
          sqlite3_reset (stmt);
        }
      for (guint i = 0; i < rules->len; i++)
        {
          Rule *r = &g_array_index (rules, Rule, i);
          double sum = 0;
          int count = counts[i];

          /* Meetings are counted once a quarter, however many rules use them. */
          if (r->automatic == 1)
            {
              int expected = 0;
              if (present < 0 && !rh_member_attendance (db, member_id, part->first, part->last,
                                                        &expected, &present, NULL))
                present = 0;
              count = present;
            }
          else if (r->automatic == 2)
            {
              if (absent < 0)
                absent = count_absent (db, member_id, part->first, part->last);
              count = absent;
            }
          sum = count * r->points;
          sum_quarter += capped (r, sum);
          if (sums != NULL)
            {
              sums[i].count += count;
              sums[i].raw += sum;
              sums[i].counted += capped (r, sum);
            }
        }
      if (rh_period_of_date (part->first, RH_PERIOD_QUARTER, &quarter))
        quarters[quarter.index - 1] += sum_quarter;
      total += sum_quarter;
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

  /* Equal totals keep the names' pinyin order, held in rank before ranking. */
  return x->total < y->total ? 1 : x->total > y->total ? -1 : x->rank - y->rank;
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
  stmt = rh_database_prepare (db, "SELECT m.id, m.name, m.status = 'probationary', r.grade"
                                  " FROM member m LEFT JOIN member_review r"
                                  " ON r.member_id = m.id AND r.year = ?2 WHERE m.org_id = ?1"
                                  " AND m.archived_date IS NULL AND m.admitted_date IS NOT NULL"
                                  " ORDER BY m.pinyin", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  sqlite3_bind_int (stmt, 2, period->year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RhPoints *p = g_new0 (RhPoints, 1);
      p->member_id = sqlite3_column_int64 (stmt, 0);
      p->name = rh_sql_dup (stmt, 1);
      p->probationary = sqlite3_column_int (stmt, 2) != 0;
      p->review = rh_review_grade_from_string (rh_sql_text (stmt, 3));
      g_ptr_array_add (out, p);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < out->len; i++)
    {
      RhPoints *p = out->pdata[i];
      p->base = base;
      p->earned = member_points (db, p->member_id, rules, period, p->quarters, &p->vetoed, NULL);
      p->total = p->vetoed ? 0 : MAX (0, base + p->earned);
      p->level = level_for (levels, p->total);
      p->rank = (int) i;
    }
  g_ptr_array_sort (out, compare_points);
  /* Equal totals share a rank; the next one counts the members above it (1, 2, 2, 4). */
  for (guint i = 0; i < out->len; i++)
    {
      RhPoints *p = out->pdata[i];
      RhPoints *prev = i > 0 ? out->pdata[i - 1] : NULL;
      p->rank = prev != NULL && prev->total == p->total ? prev->rank : (int) i + 1;
      p->ranked = (int) out->len;
    }
  return g_steal_pointer (&out);
}

RhPoints *
rh_points_for_member (RhDatabase *db, gint64 member_id, const RhPeriod *period, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT org_id FROM member WHERE id = ?1"
                                                " AND archived_date IS NULL"
                                                " AND admitted_date IS NOT NULL", error);
  g_autoptr (GPtrArray) all = NULL;
  gint64 branch = 0;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    branch = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (branch == 0)
    return NULL;
  /* Ranked among the branch's members: the same computation as the branch table. */
  all = rh_points_for_branch (db, branch, period, error);
  for (guint i = 0; all != NULL && i < all->len; i++)
    if (((RhPoints *) all->pdata[i])->member_id == member_id)
      return g_ptr_array_steal_index (all, i);
  return NULL;
}

gboolean
rh_points_add (RhDatabase *db, gint64 member_id, const char *rule_code, const char *date,
               const char *note, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 rule = 0;
  gboolean automatic = FALSE;

  if (blank (rule_code))
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_POINTS_RULE, _("%s: required"),
                   rh_field_label (RH_FIELD_POINTS_RULE));
      return FALSE;
    }
  if (!rh_validate_date (date, RH_FIELD_DATE, TRUE, NULL, error))
    return FALSE;
  /* Points are kept for party members on the roster (probationary ones included). */
  stmt = rh_database_prepare (db, "SELECT admitted_date IS NOT NULL AND archived_date IS NULL"
                                  " FROM member WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) == 0)
    {
      sqlite3_reset (stmt);
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_STATUS,
                   _("Points are kept for party members on the roster only"));
      return FALSE;
    }
  sqlite3_reset (stmt);
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
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_POINTS_RULE,
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
  {
    g_autofree char *stripped = g_strstrip (g_strdup (note != NULL ? note : ""));
    rh_sql_bind_text (stmt, 4, stripped);
  }
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  sqlite3_reset (stmt);
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
  /* Party members on the roster are reviewed; applicants and those transferred out are not. */
  stmt = rh_database_prepare (db, "SELECT status IN ('probationary', 'full')"
                                  " AND archived_date IS NULL FROM member WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) == 0)
    {
      sqlite3_reset (stmt);
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_STATUS,
                   _("Only full and probationary members on the roster take part in the "
                     "democratic review"));
      return FALSE;
    }
  sqlite3_reset (stmt);
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
        "  AND o.archived_date IS NULL AND o.status IN ('probationary', 'full')"
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
                                  " DO UPDATE SET grade = excluded.grade,"
                                  " note = coalesce(excluded.note, member_review.note)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int (stmt, 2, year);
  rh_sql_bind_text (stmt, 3, rh_review_grade_to_string (grade));
  {
    g_autofree char *stripped = g_strstrip (g_strdup (note != NULL ? note : ""));
    rh_sql_bind_text (stmt, 4, stripped);
  }
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
rh_review_clear (RhDatabase *db, gint64 member_id, int year, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "DELETE FROM member_review"
                                                " WHERE member_id = ?1 AND year = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Entries */

void
rh_point_entry_free (RhPointEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->date);
  g_free (entry->code);
  g_free (entry->item);
  g_free (entry->note);
  g_free (entry);
}

GPtrArray *
rh_points_entries (RhDatabase *db, gint64 member_id, const RhPeriod *period, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT e.id, e.date, r.code, r.item, r.points,"
                                                " r.veto, e.note FROM point_entry e"
                                                " JOIN point_rule r ON r.id = e.rule_id"
                                                " WHERE e.member_id = ?1"
                                                " AND e.date BETWEEN ?2 AND ?3"
                                                " ORDER BY e.date DESC, e.id DESC", error);
  GPtrArray *out;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  rh_sql_bind_text (stmt, 2, period->first);
  rh_sql_bind_text (stmt, 3, period->last);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_point_entry_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RhPointEntry *e = g_new0 (RhPointEntry, 1);
      e->id = sqlite3_column_int64 (stmt, 0);
      e->date = rh_sql_dup (stmt, 1);
      e->code = rh_sql_dup (stmt, 2);
      e->item = rh_sql_dup (stmt, 3);
      e->points = sqlite3_column_double (stmt, 4);
      e->veto = sqlite3_column_int (stmt, 5) != 0;
      e->note = rh_sql_dup (stmt, 6);
      g_ptr_array_add (out, e);
    }
  sqlite3_reset (stmt);
  return out;
}

gboolean
rh_points_remove (RhDatabase *db, gint64 entry_id, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "DELETE FROM point_entry WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  sqlite3_reset (stmt);
  if (sqlite3_changes (rh_database_get_handle (db)) == 0)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_FOUND,
                   _("This points entry was already removed"));
      return FALSE;
    }
  return TRUE;
}

/* Rules and settings */

static const char *const source_names[] = { NULL, "present", "absent" };

RhPointRule *
rh_point_rule_new (void)
{
  RhPointRule *r = g_new0 (RhPointRule, 1);

  r->cap = NAN;
  return r;
}

RhPointRule *
rh_point_rule_copy (const RhPointRule *rule)
{
  RhPointRule *r = g_memdup2 (rule, sizeof *rule);

  r->code = g_strdup (rule->code);
  r->item = g_strdup (rule->item);
  r->category = g_strdup (rule->category);
  return r;
}

void
rh_point_rule_free (RhPointRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->code);
  g_free (rule->item);
  g_free (rule->category);
  g_free (rule);
}

void
rh_point_settings_free (RhPointSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->levels);
  g_clear_pointer (&settings->rules, g_ptr_array_unref);
  g_free (settings);
}

RhPointSettings *
rh_point_settings_load (RhDatabase *db, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "SELECT id, code, item, category, points, cap,"
                                                " automatic, veto FROM point_rule ORDER BY code",
                                            error);
  g_autofree char *base = NULL;
  RhPointSettings *s;

  if (stmt == NULL)
    return NULL;
  s = g_new0 (RhPointSettings, 1);
  s->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_point_rule_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RhPointRule *r = rh_point_rule_new ();
      const char *source = rh_sql_text (stmt, 6);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->code = rh_sql_dup (stmt, 1);
      r->item = rh_sql_dup (stmt, 2);
      r->category = rh_sql_dup (stmt, 3);
      r->points = sqlite3_column_double (stmt, 4);
      r->cap = rh_sql_double (stmt, 5);
      r->source = g_strcmp0 (source, "present") == 0  ? RH_POINT_PRESENT
                  : g_strcmp0 (source, "absent") == 0 ? RH_POINT_ABSENT
                                                      : RH_POINT_MANUAL;
      r->veto = sqlite3_column_int (stmt, 7) != 0;
      g_ptr_array_add (s->rules, r);
    }
  sqlite3_reset (stmt);
  base = setting (db, "points_base");
  s->base = base != NULL ? g_ascii_strtod (base, NULL) : 60;
  s->levels = setting (db, "points_levels");
  if (s->levels == NULL)
    s->levels = g_strdup ("");
  return s;
}

static gboolean
refuse (GError **error, char *message)
{
  g_set_error_literal (error, RH_VALIDATION_ERROR, RH_FIELD_NONE, message);
  g_free (message);
  return FALSE;
}

/* "优秀:90;良好:80": each part a label and a number, the numbers falling. */
static gboolean
validate_levels (const char *levels, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (levels != NULL ? levels : "", ";", -1);
  double previous = INFINITY;
  int n = 0;

  for (int i = 0; parts[i] != NULL; i++)
    {
      char *colon = strrchr (parts[i], ':');
      g_autofree char *label = NULL;
      char *end = NULL;
      double min;

      if (blank (parts[i]))
        continue;
      if (colon != NULL)
        label = g_strstrip (g_strndup (parts[i], colon - parts[i]));
      if (colon == NULL || blank (label))
        return refuse (error, g_strdup_printf (_("Levels: “%s” should be a name, a colon and the "
                                                 "lowest total, e.g. 优秀:90"), g_strstrip (parts[i])));
      min = g_ascii_strtod (colon + 1, &end);
      while (end != NULL && g_ascii_isspace (*end))
        end++;
      if (end == colon + 1 || (end != NULL && *end != '\0') || !isfinite (min))
        return refuse (error, g_strdup_printf (_("Levels: the lowest total of “%s” is not a "
                                                 "number"), label));
      if (min >= previous)
        return refuse (error, g_strdup_printf (_("Levels: “%s” must need a lower total than the "
                                                 "level before it"), label));
      previous = min;
      n++;
    }
  if (n == 0)
    return refuse (error, g_strdup (_("Levels: at least one level is needed, e.g. 合格:60")));
  return TRUE;
}

gboolean
rh_point_settings_validate (const RhPointSettings *settings, GError **error)
{
  g_autoptr (GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!isfinite (settings->base) || settings->base < 0)
    return refuse (error, g_strdup (_("Base score: must be a number, 0 or more")));
  if (!validate_levels (settings->levels, error))
    return FALSE;
  for (guint i = 0; i < settings->rules->len; i++)
    {
      RhPointRule *r = settings->rules->pdata[i];
      g_autofree char *code = g_strstrip (g_strdup (r->code != NULL ? r->code : ""));

      if (*code == '\0')
        return refuse (error, g_strdup_printf (_("Points rule %u: the code is empty"), i + 1));
      if (blank (r->item))
        return refuse (error, g_strdup_printf (_("Points rule %s: the item is empty"), code));
      if (!isfinite (r->points))
        return refuse (error, g_strdup_printf (_("Points rule %s: the points must be a number"),
                                               code));
      if (!isnan (r->cap) && !(r->cap >= 0 && isfinite (r->cap)))
        return refuse (error, g_strdup_printf (_("Points rule %s: the cap per quarter must be 0 "
                                                 "or more"), code));
      if (r->veto && r->source != RH_POINT_MANUAL)
        return refuse (error, g_strdup_printf (_("Points rule %s: a veto is entered by hand, not "
                                                 "counted from meeting records"), code));
      if (g_hash_table_contains (codes, code))
        return refuse (error, g_strdup_printf (_("Points rule code %s is used twice"), code));
      g_hash_table_add (codes, g_steal_pointer (&code));
    }
  return TRUE;
}

static char *
format_number (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  return g_strdup (g_ascii_dtostr (buf, sizeof buf, v));
}

static gboolean
set_setting (RhDatabase *db, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt = rh_database_prepare (db, "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                                                " ON CONFLICT (key) DO UPDATE SET value = ?2"
                                                " WHERE value IS NOT ?2", error);
  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 1, key);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
save_settings (RhDatabase *db, gpointer data, GError **error)
{
  const RhPointSettings *settings = data;
  g_autoptr (RhPointSettings) stored = rh_point_settings_load (db, error);
  g_autoptr (GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *base = NULL;
  g_autofree char *levels = NULL;
  sqlite3_stmt *stmt;

  if (stored == NULL)
    return FALSE;
  for (guint i = 0; i < settings->rules->len; i++)
    {
      RhPointRule *r = settings->rules->pdata[i];
      if (r->id != 0)
        g_hash_table_add (kept, &r->id);
      else if (r->source != RH_POINT_MANUAL)
        return refuse (error, g_strdup_printf (_("Points rule %s: new rules are entered by hand; "
                                                 "only the rules shipped count meeting records"),
                                               r->code));
    }
  /* Removed rules first, then every kept rule under a temporary code so that
   * codes can be swapped, then the real values. */
  for (guint i = 0; i < stored->rules->len; i++)
    {
      RhPointRule *old = stored->rules->pdata[i];
      int entries;

      if (g_hash_table_contains (kept, &old->id))
        continue;
      if (old->source != RH_POINT_MANUAL)
        return refuse (error, g_strdup_printf (_("Points rule %s is counted from meeting records "
                                                 "and cannot be removed; set its points to 0 "
                                                 "instead"), old->code));
      stmt = rh_database_prepare (db, "SELECT count(*) FROM point_entry WHERE rule_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, old->id);
      entries = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (entries > 0)
        return refuse (error, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Points rule %s has %d entry and "
                                                            "cannot be removed",
                                                            "Points rule %s has %d entries and "
                                                            "cannot be removed", entries),
                                               old->code, entries));
      stmt = rh_database_prepare (db, "DELETE FROM point_rule WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, old->id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rh_database_set_error (db, error);
      sqlite3_reset (stmt);
    }
  for (guint i = 0; i < settings->rules->len; i++)
    {
      RhPointRule *r = settings->rules->pdata[i];
      RhPointRule *old = NULL;

      if (r->id == 0)
        continue;
      for (guint j = 0; j < stored->rules->len && old == NULL; j++)
        if (((RhPointRule *) stored->rules->pdata[j])->id == r->id)
          old = stored->rules->pdata[j];
      if (old == NULL)
        {
          g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_FOUND,
                       _("Points rule %s was removed meanwhile"), r->code);
          return FALSE;
        }
      if (old->source != r->source)
        return refuse (error, g_strdup_printf (_("Points rule %s: whether it counts meeting "
                                                 "records cannot change"), old->code));
      {
        g_autofree char *code = g_strstrip (g_strdup (r->code));
        if (g_strcmp0 (old->code, code) == 0)
          continue;
      }
      stmt = rh_database_prepare (db, "UPDATE point_rule SET code = '~' || id WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, r->id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rh_database_set_error (db, error);
      sqlite3_reset (stmt);
    }
  for (guint i = 0; i < settings->rules->len; i++)
    {
      RhPointRule *r = settings->rules->pdata[i];
      g_autofree char *code = g_strstrip (g_strdup (r->code));
      g_autofree char *item = g_strstrip (g_strdup (r->item));
      g_autofree char *category = g_strstrip (g_strdup (r->category != NULL ? r->category : ""));

      if (r->id == 0)
        stmt = rh_database_prepare (db, "INSERT INTO point_rule (code, item, category, points, cap,"
                                        " automatic, veto) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                    error);
      else
        stmt = rh_database_prepare (db, "UPDATE point_rule SET code = ?2, item = ?3,"
                                        " category = ?4, points = ?5, cap = ?6, veto = ?8"
                                        " WHERE id = ?1 AND NOT (code IS ?2 AND item IS ?3"
                                        " AND category IS ?4 AND points IS ?5 AND cap IS ?6"
                                        " AND veto IS ?8)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      if (r->id != 0)
        sqlite3_bind_int64 (stmt, 1, r->id);
      rh_sql_bind_text (stmt, 2, code);
      rh_sql_bind_text (stmt, 3, item);
      rh_sql_bind_text (stmt, 4, category);
      sqlite3_bind_double (stmt, 5, r->points);
      rh_sql_bind_double (stmt, 6, r->cap);
      rh_sql_bind_text (stmt, 7, source_names[r->source]);
      sqlite3_bind_int (stmt, 8, r->veto != 0);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rh_database_set_error (db, error);
      sqlite3_reset (stmt);
    }
  base = format_number (settings->base);
  levels = g_strstrip (g_strdup (settings->levels));
  return set_setting (db, "points_base", base, error)
         && set_setting (db, "points_levels", levels, error);
}

gboolean
rh_point_settings_save (RhDatabase *db, const RhPointSettings *settings, GError **error)
{
  if (!rh_point_settings_validate (settings, error))
    return FALSE;
  return rh_database_transaction (db, save_settings, (gpointer) settings, error);
}

void
rh_point_rule_sum_free (RhPointRuleSum *sum)
{
  if (sum == NULL)
    return;
  g_free (sum->code);
  g_free (sum->item);
  g_free (sum);
}

GPtrArray *
rh_points_by_rule (RhDatabase *db, gint64 member_id, const RhPeriod *period, GError **error)
{
  g_autoptr (GArray) rules = load_rules (db, error);
  g_autoptr (RhPointSettings) settings = NULL;
  g_autofree RuleSum *sums = NULL;
  double quarters[4];
  gboolean vetoed;
  GPtrArray *out;

  if (rules == NULL)
    return NULL;
  settings = rh_point_settings_load (db, error);
  if (settings == NULL)
    return NULL;
  sums = g_new0 (RuleSum, rules->len);
  /* The same computation as the totals, keeping each rule's share. */
  member_points (db, member_id, rules, period, quarters, &vetoed, sums);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_point_rule_sum_free);
  for (guint s = 0; s < settings->rules->len; s++)
    {
      RhPointRule *rule = settings->rules->pdata[s];

      for (guint i = 0; i < rules->len; i++)
        if (g_array_index (rules, Rule, i).id == rule->id && sums[i].count > 0)
          {
            RhPointRuleSum *sum = g_new0 (RhPointRuleSum, 1);
            sum->code = g_strdup (rule->code);
            sum->item = g_strdup (rule->item);
            sum->source = rule->source;
            sum->veto = rule->veto;
            sum->count = sums[i].count;
            sum->raw = sums[i].raw;
            sum->counted = sums[i].counted;
            g_ptr_array_add (out, sum);
          }
    }
  return out;
}
