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

/* "优秀:90;良好:80;合格:60;不合格:0", read once: each level's name and minimum. */
typedef struct {
  char  *label;
  double min;
} Level;

static void
level_clear (Level *level)
{
  g_free (level->label);
}

static GArray *
levels_parse (const char *levels)
{
  g_auto (GStrv) parts = g_strsplit (levels != NULL ? levels : "", ";", -1);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Level));

  g_array_set_clear_func (out, (GDestroyNotify) level_clear);
  for (int i = 0; parts[i] != NULL; i++)
    {
      char *colon = strrchr (parts[i], ':');
      Level level;

      if (colon == NULL)
        continue;
      level.label = g_strndup (parts[i], colon - parts[i]);
      level.min = g_ascii_strtod (colon + 1, NULL);
      g_array_append_val (out, level);
    }
  return out;
}

/* The first level whose minimum is reached, else the last one. */
static char *
level_for (GArray *levels, double total)
{
  for (guint i = 0; i < levels->len; i++)
    if (total >= g_array_index (levels, Level, i).min)
      return g_strdup (g_array_index (levels, Level, i).label);
  return g_strdup (levels->len > 0 ? g_array_index (levels, Level, levels->len - 1).label : "");
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

/* Points are worked out for a set of members at once: one member (with its
 * rule sums), a branch, or every branch of the committee. A handful of queries
 * read the period's point entries, absences, vetoes, meetings, attendance
 * exceptions and committee roles for the whole set; the counting then runs in
 * memory, so the cost grows with the records, not with queries per member. */
typedef enum { SCOPE_MEMBER, SCOPE_BRANCH, SCOPE_ALL } Scope;

/* How each query picks its members `me`; ?1 is the member or the branch. */
static const char *const scope_sql[] = {
  "me.id = ?1",
  "me.org_id = ?1 AND me.archived_date IS NULL AND me.admitted_date IS NOT NULL",
  "me.archived_date IS NULL AND me.admitted_date IS NOT NULL",
};

#define MAX_PARTS 4  /* a year's quarters; a quarter or a month is one part */

/* A committee role held by a member: which branch, from when, until when (or NULL). */
typedef struct {
  gint64      org_id;
  const char *start, *ended;
} Role;

typedef struct {
  RhPoints   *points;     /* NULL for SCOPE_MEMBER */
  gint64      member_id, org_id, group_id;  /* 0 when NULL */
  const char *admitted, *archived;          /* NULL when not set */
  const char *pinyin;     /* of the name: the members' order within their branch */
  int        *entries;    /* [part × rules + rule]: manual entries; NULL for none */
  int         present[MAX_PARTS], absent[MAX_PARTS];
  gboolean    vetoed;
  GArray     *excused;    /* meeting ids with an attendance row (leave or absent) */
  GArray     *roles;      /* Role */
} Tally;

/* Meetings counted for attendance, by the organisation that held them. */
enum { MEETING_BRANCH, MEETING_GROUP, MEETING_COMMITTEE };

typedef struct {
  gint64      id;
  int         kind;  /* MEETING_… */
  const char *date;
} Meeting;

typedef struct {
  RhDatabase   *db;
  Scope         scope;
  gint64        id;
  const RhPeriod *period;
  GArray       *rules;
  GArray       *parts;     /* RhPeriod, at most MAX_PARTS */
  int           quarter[MAX_PARTS];  /* each part's quarter, 0–3, or -1 */
  GPtrArray    *tallies;   /* Tally, in the members' order */
  GHashTable   *by_member; /* member id → Tally */
  GHashTable   *meetings;  /* org id → GArray of Meeting */
  GStringChunk *strings;
} Gather;

static void
gather_clear (Gather *g)
{
  for (guint i = 0; g->tallies != NULL && i < g->tallies->len; i++)
    {
      Tally *t = g->tallies->pdata[i];
      rh_points_free (t->points);
      g_free (t->entries);
      if (t->excused != NULL)
        g_array_unref (t->excused);
      if (t->roles != NULL)
        g_array_unref (t->roles);
      g_free (t);
    }
  g_clear_pointer (&g->tallies, g_ptr_array_unref);
  g_clear_pointer (&g->by_member, g_hash_table_unref);
  g_clear_pointer (&g->meetings, g_hash_table_unref);
  g_clear_pointer (&g->rules, g_array_unref);
  g_clear_pointer (&g->parts, g_array_unref);
  if (g->strings != NULL)
    g_string_chunk_free (g->strings);
  g->strings = NULL;
}

static const char *
chunk_text (Gather *g, sqlite3_stmt *stmt, int column)
{
  const char *s = rh_sql_text (stmt, column);
  return s != NULL ? g_string_chunk_insert_const (g->strings, s) : NULL;
}

/* A statement over the scope's members, ?1 bound: `head` joined with the member
 * `me` whose id is `member_column`, then `tail`. The whole committee needs no
 * join: rows of members not in scope have no tally and are skipped. */
static sqlite3_stmt *
scoped (Gather *g, const char *head, const char *member_column, const char *tail, GError **error)
{
  g_autofree char *sql = g->scope == SCOPE_ALL
                           ? g_strconcat (head, " WHERE 1", tail, NULL)
                           : g_strconcat (head, " JOIN member me ON me.id = ", member_column,
                                          " WHERE ", scope_sql[g->scope], tail, NULL);
  sqlite3_stmt *stmt = rh_database_prepare (g->db, sql, error);

  if (stmt != NULL && g->scope != SCOPE_ALL)
    sqlite3_bind_int64 (stmt, 1, g->id);
  return stmt;
}

/* The part of the period holding a date, or -1: BETWEEN as SQLite compares text. */
static int
part_of (const Gather *g, const char *date)
{
  for (guint q = 0; date != NULL && q < g->parts->len; q++)
    {
      const RhPeriod *part = &g_array_index (g->parts, RhPeriod, q);
      if (strcmp (date, part->first) >= 0 && strcmp (date, part->last) <= 0)
        return (int) q;
    }
  return -1;
}

static Tally *
tally_of (Gather *g, sqlite3_stmt *stmt, int column)
{
  gint64 id = sqlite3_column_int64 (stmt, column);
  return g_hash_table_lookup (g->by_member, &id);
}

static gboolean
step_done (Gather *g, sqlite3_stmt *stmt, int rc, GError **error)
{
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || rh_database_set_error (g->db, error);
}

/* By branch, then by the names' pinyin within it (the id keeps equal names apart). */
static int
compare_tallies (gconstpointer a, gconstpointer b)
{
  const Tally *x = *(Tally *const *) a;
  const Tally *y = *(Tally *const *) b;
  int c;

  if (x->org_id != y->org_id)
    return x->org_id < y->org_id ? -1 : 1;
  if ((c = g_strcmp0 (x->pinyin, y->pinyin)) != 0)
    return c;
  return x->member_id < y->member_id ? -1 : x->member_id > y->member_id;
}

/* The members in scope, by branch and pinyin. The whole committee's are read in the
 * table's order and sorted here, and their review grades read apart: a join and an
 * ORDER BY took 236 of the 290 ms that 100,000 members cost (issue 8). */
static gboolean
gather_members (Gather *g, GError **error)
{
  static const char *const sql[] = {
    "SELECT m.id, m.name, m.status = 'probationary', m.pinyin, m.org_id, m.group_id,"
    " m.admitted_date, m.archived_date FROM member m WHERE m.id = ?1",
    "SELECT m.id, m.name, m.status = 'probationary', m.pinyin, m.org_id, m.group_id,"
    " m.admitted_date, m.archived_date FROM member m WHERE m.org_id = ?1"
    " AND m.archived_date IS NULL AND m.admitted_date IS NOT NULL",
    "SELECT m.id, m.name, m.status = 'probationary', m.pinyin, m.org_id, m.group_id,"
    " m.admitted_date, m.archived_date FROM member m WHERE +m.org_id IS NOT NULL"
    " AND +m.archived_date IS NULL AND +m.admitted_date IS NOT NULL",
  };
  sqlite3_stmt *stmt = rh_database_prepare (g->db, sql[g->scope], error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (g->scope != SCOPE_ALL)
    sqlite3_bind_int64 (stmt, 1, g->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Tally *t = g_new0 (Tally, 1);
      const char *pinyin = rh_sql_text (stmt, 3);

      t->member_id = sqlite3_column_int64 (stmt, 0);
      t->org_id = sqlite3_column_int64 (stmt, 4);
      t->group_id = sqlite3_column_int64 (stmt, 5);
      t->admitted = chunk_text (g, stmt, 6);
      t->archived = chunk_text (g, stmt, 7);
      t->pinyin = pinyin != NULL ? g_string_chunk_insert (g->strings, pinyin) : NULL;
      if (g->scope != SCOPE_MEMBER)
        {
          RhPoints *p = g_new0 (RhPoints, 1);
          p->member_id = t->member_id;
          p->name = rh_sql_dup (stmt, 1);
          p->probationary = sqlite3_column_int (stmt, 2) != 0;
          p->review = -1;
          t->points = p;
        }
      g_ptr_array_add (g->tallies, t);
      g_hash_table_insert (g->by_member, &t->member_id, t);
    }
  if (!step_done (g, stmt, rc, error))
    return FALSE;
  g_ptr_array_sort (g->tallies, compare_tallies);
  return TRUE;
}

/* The review grades of the period's year. */
static gboolean
gather_reviews (Gather *g, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (g->scope == SCOPE_MEMBER)
    return TRUE;
  stmt = scoped (g, "SELECT r.member_id, r.grade FROM member_review r", "r.member_id",
                 " AND r.year = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 2, g->period->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Tally *t = tally_of (g, stmt, 0);
      if (t != NULL)
        t->points->review = rh_review_grade_from_string (rh_sql_text (stmt, 1));
    }
  return step_done (g, stmt, rc, error);
}

/* Manual entries of each rule in each part of the period. */
static gboolean
gather_entries (Gather *g, GError **error)
{
  sqlite3_stmt *stmt = scoped (g, "SELECT e.member_id, e.rule_id, e.date FROM point_entry e",
                               "e.member_id", " AND e.date BETWEEN ?2 AND ?3", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 2, g->period->first);
  rh_sql_bind_text (stmt, 3, g->period->last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Tally *t = tally_of (g, stmt, 0);
      gint64 rule = sqlite3_column_int64 (stmt, 1);
      int q = part_of (g, rh_sql_text (stmt, 2));

      for (guint i = 0; t != NULL && i < g->rules->len; i++)
        if (g_array_index (g->rules, Rule, i).id == rule)
          {
            if (q >= 0)
              {
                /* Half the members have no entries: their counts stay NULL. */
                if (t->entries == NULL)
                  t->entries = g_new0 (int, MAX_PARTS * g->rules->len);
                t->entries[q * g->rules->len + i]++;
              }
            /* Over a year, these are the year's entries that gather_vetoes() reads. */
            if (g->period->kind == RH_PERIOD_YEAR && g_array_index (g->rules, Rule, i).veto)
              t->vetoed = TRUE;
          }
    }
  return step_done (g, stmt, rc, error);
}

/* Meetings missed without leave ('absent'), by the part of the period. */
static gboolean
gather_absent (Gather *g, GError **error)
{
  sqlite3_stmt *stmt = scoped (g, "SELECT a.member_id, mt.date FROM attendance a"
                                  " JOIN meeting mt ON mt.id = a.meeting_id",
                               "a.member_id", " AND a.state = 'absent' AND mt.date BETWEEN ?2 AND ?3", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 2, g->period->first);
  rh_sql_bind_text (stmt, 3, g->period->last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Tally *t = tally_of (g, stmt, 0);
      int q = part_of (g, rh_sql_text (stmt, 1));
      if (t != NULL && q >= 0)
        t->absent[q]++;
    }
  return step_done (g, stmt, rc, error);
}

/* A veto entry anywhere in the period's year (over a year, gather_entries() saw them). */
static gboolean
gather_vetoes (Gather *g, GError **error)
{
  sqlite3_stmt *stmt;
  RhPeriod year;
  int rc;

  if (g->period->kind == RH_PERIOD_YEAR)
    return TRUE;
  stmt = scoped (g, "SELECT DISTINCT e.member_id FROM point_entry e"
                    " JOIN point_rule r ON r.id = e.rule_id",
                 "e.member_id", " AND r.veto AND e.date BETWEEN ?2 AND ?3", error);
  if (stmt == NULL)
    return FALSE;
  rh_period_init (&year, RH_PERIOD_YEAR, g->period->year, 0);
  rh_sql_bind_text (stmt, 2, year.first);
  rh_sql_bind_text (stmt, 3, year.last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Tally *t = tally_of (g, stmt, 0);
      if (t != NULL)
        t->vetoed = TRUE;
    }
  return step_done (g, stmt, rc, error);
}

/* Meetings attended, as rh_member_attendance() counts them: the meetings a
 * member was expected at (the branch's meetings for all members, the party
 * group's, and 支委会 while on the committee; each while a member), present
 * unless an attendance row says otherwise. */
static gboolean
gather_present (Gather *g, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* The period's meetings of the branches and groups in scope. */
  if (g->scope == SCOPE_ALL)
    stmt = rh_database_prepare (g->db, "SELECT mt.id, mt.org_id, mt.kind, mt.date FROM meeting mt"
                                       " WHERE mt.date BETWEEN ?2 AND ?3"
                                       " AND mt.kind IN ('general_assembly', 'lecture',"
                                       " 'theme_day', 'life_meeting', 'review', 'group',"
                                       " 'committee')", error);
  else
    {
      g_autofree char *sql = g_strconcat ("SELECT mt.id, mt.org_id, mt.kind, mt.date FROM meeting mt"
                                          " WHERE mt.date BETWEEN ?2 AND ?3"
                                          " AND mt.kind IN ('general_assembly', 'lecture',"
                                          " 'theme_day', 'life_meeting', 'review', 'group',"
                                          " 'committee') AND mt.org_id IN (SELECT me.org_id"
                                          " FROM member me WHERE ", scope_sql[g->scope],
                                          " UNION SELECT me.group_id FROM member me WHERE ",
                                          scope_sql[g->scope], ")", NULL);
      stmt = rh_database_prepare (g->db, sql, error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, g->id);
    }
  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 2, g->period->first);
  rh_sql_bind_text (stmt, 3, g->period->last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 org = sqlite3_column_int64 (stmt, 1);
      const char *kind = rh_sql_text (stmt, 2);
      Meeting m = { sqlite3_column_int64 (stmt, 0),
                    g_strcmp0 (kind, "group") == 0       ? MEETING_GROUP
                    : g_strcmp0 (kind, "committee") == 0 ? MEETING_COMMITTEE
                                                         : MEETING_BRANCH,
                    chunk_text (g, stmt, 3) };
      GArray *list = g_hash_table_lookup (g->meetings, &org);

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (Meeting));
          g_hash_table_insert (g->meetings, g_memdup2 (&org, sizeof org), list);
        }
      g_array_append_val (list, m);
    }
  if (!step_done (g, stmt, rc, error))
    return FALSE;

  /* The exceptions: rows for leave or absence at the period's meetings. */
  stmt = scoped (g, "SELECT a.member_id, a.meeting_id FROM attendance a"
                    " JOIN meeting mt ON mt.id = a.meeting_id",
                 "a.member_id", " AND mt.date BETWEEN ?2 AND ?3", error);
  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 2, g->period->first);
  rh_sql_bind_text (stmt, 3, g->period->last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Tally *t = tally_of (g, stmt, 0);
      gint64 meeting = sqlite3_column_int64 (stmt, 1);

      if (t == NULL)
        continue;
      if (t->excused == NULL)
        t->excused = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (t->excused, meeting);
    }
  if (!step_done (g, stmt, rc, error))
    return FALSE;

  /* Committee roles, for 支委会. */
  stmt = scoped (g, "SELECT r.member_id, t.org_id, t.start_date, t.ended_date"
                    " FROM committee_role r JOIN committee_term t ON t.id = r.term_id",
                 "r.member_id", "", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Tally *t = tally_of (g, stmt, 0);
      Role role = { sqlite3_column_int64 (stmt, 1), chunk_text (g, stmt, 2),
                    chunk_text (g, stmt, 3) };

      if (t == NULL)
        continue;
      if (t->roles == NULL)
        t->roles = g_array_new (FALSE, FALSE, sizeof (Role));
      g_array_append_val (t->roles, role);
    }
  if (!step_done (g, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < g->tallies->len; i++)
    {
      Tally *t = g->tallies->pdata[i];

      /* mt.date >= me.admitted_date is never true for a NULL date. */
      if (t->admitted == NULL)
        continue;
      for (int side = 0; side < 2; side++)
        {
          gint64 org = side == 0 ? t->org_id : t->group_id;
          GArray *list = org != 0 ? g_hash_table_lookup (g->meetings, &org) : NULL;

          for (guint j = 0; list != NULL && j < list->len; j++)
            {
              const Meeting *m = &g_array_index (list, Meeting, j);
              gboolean expected;
              int q;

              if (side == 0 ? m->kind == MEETING_GROUP : m->kind != MEETING_GROUP)
                continue;
              if (strcmp (m->date, t->admitted) < 0
                  || (t->archived != NULL && strcmp (m->date, t->archived) >= 0))
                continue;
              expected = m->kind != MEETING_COMMITTEE;
              for (guint r = 0; !expected && t->roles != NULL && r < t->roles->len; r++)
                {
                  const Role *role = &g_array_index (t->roles, Role, r);
                  expected = role->org_id == org && role->start != NULL
                             && strcmp (role->start, m->date) <= 0
                             && (role->ended == NULL || strcmp (role->ended, m->date) > 0);
                }
              for (guint e = 0; expected && t->excused != NULL && e < t->excused->len; e++)
                expected = g_array_index (t->excused, gint64, e) != m->id;
              if (expected && (q = part_of (g, m->date)) >= 0)
                t->present[q]++;
            }
        }
    }
  return TRUE;
}

static gboolean
gather (Gather *g, RhDatabase *db, Scope scope, gint64 id, const RhPeriod *period,
        GError **error)
{
  memset (g, 0, sizeof *g);
  g->db = db;
  g->scope = scope;
  g->id = id;
  g->period = period;
  g->rules = load_rules (db, error);
  if (g->rules == NULL)
    return FALSE;
  g->parts = rh_period_split (period, RH_PERIOD_QUARTER);
  if (g->parts->len == 0)
    g_array_append_val (g->parts, *period);
  for (guint q = 0; q < g->parts->len; q++)
    {
      RhPeriod quarter;
      /* A month counts within its own quarter. */
      g->quarter[q] = rh_period_of_date (g_array_index (g->parts, RhPeriod, q).first,
                                         RH_PERIOD_QUARTER, &quarter) ? quarter.index - 1 : -1;
    }
  g->tallies = g_ptr_array_new ();
  g->by_member = g_hash_table_new (g_int64_hash, g_int64_equal);
  g->meetings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) g_array_unref);
  g->strings = g_string_chunk_new (4096);
  return gather_members (g, error) && gather_reviews (g, error) && gather_entries (g, error)
         && gather_absent (g, error) && gather_vetoes (g, error) && gather_present (g, error);
}

/* What a member earned over the quarters of the period, each quarter's share
 * added to quarters[] (Q1 is 0). A month counts within its own quarter. Each
 * rule's sum is held within its cap per quarter. */
typedef struct {
  int    count;    /* entries, or meetings attended or missed */
  double raw;      /* count × points */
  double counted;  /* after each quarter's cap */
} RuleSum;

static double
tally_points (const Gather *g, const Tally *t, double quarters[4], RuleSum *sums)
{
  double total = 0;

  for (int q = 0; q < 4; q++)
    quarters[q] = 0;
  for (guint q = 0; q < g->parts->len; q++)
    {
      double sum_quarter = 0;

      for (guint i = 0; i < g->rules->len; i++)
        {
          const Rule *r = &g_array_index (g->rules, Rule, i);
          int count = r->automatic == 1   ? t->present[q]
                      : r->automatic == 2 ? t->absent[q]
                      : t->entries != NULL ? t->entries[q * g->rules->len + i]
                                           : 0;
          double sum = count * r->points;

          sum_quarter += capped (r, sum);
          if (sums != NULL)
            {
              sums[i].count += count;
              sums[i].raw += sum;
              sums[i].counted += capped (r, sum);
            }
        }
      if (g->quarter[q] >= 0)
        quarters[g->quarter[q]] += sum_quarter;
      total += sum_quarter;
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

/* Totals, levels and ranks of one branch's members, taken from their tallies. */
static GPtrArray *
rank_branch (const Gather *g, Tally **tallies, guint n, double base, GArray *levels)
{
  GPtrArray *out = g_ptr_array_new_full (n, (GDestroyNotify) rh_points_free);

  for (guint i = 0; i < n; i++)
    {
      Tally *t = tallies[i];
      RhPoints *p = g_steal_pointer (&t->points);

      p->base = base;
      p->earned = tally_points (g, t, p->quarters, NULL);
      p->vetoed = t->vetoed;
      p->total = p->vetoed ? 0 : MAX (0, base + p->earned);
      p->level = level_for (levels, p->total);
      p->rank = (int) i;
      g_ptr_array_add (out, p);
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
  return out;
}

static double
points_base (RhDatabase *db)
{
  g_autofree char *base_text = setting (db, "points_base");
  return base_text != NULL ? g_ascii_strtod (base_text, NULL) : 60;
}

GPtrArray *
rh_points_for_branch (RhDatabase *db, gint64 branch_id, const RhPeriod *period, GError **error)
{
  g_autofree char *levels_text = NULL;
  g_autoptr (GArray) levels = NULL;
  Gather g;
  GPtrArray *out = NULL;

  if (gather (&g, db, SCOPE_BRANCH, branch_id, period, error))
    {
      levels_text = setting (db, "points_levels");
      levels = levels_parse (levels_text);
      out = rank_branch (&g, (Tally **) g.tallies->pdata, g.tallies->len, points_base (db),
                         levels);
    }
  gather_clear (&g);
  return out;
}

GHashTable *
rh_points_for_all_branches (RhDatabase *db, const RhPeriod *period, GError **error)
{
  g_autofree char *levels_text = NULL;
  g_autoptr (GArray) levels = NULL;
  GHashTable *out = NULL;
  double base;
  Gather g;

  if (!gather (&g, db, SCOPE_ALL, 0, period, error))
    {
      gather_clear (&g);
      return NULL;
    }
  levels_text = setting (db, "points_levels");
  levels = levels_parse (levels_text);
  base = points_base (db);
  out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                               (GDestroyNotify) g_ptr_array_unref);
  /* The members come by branch: rank each run of one branch's members. */
  for (guint i = 0, j; i < g.tallies->len; i = j)
    {
      gint64 org = ((Tally *) g.tallies->pdata[i])->org_id;

      for (j = i + 1; j < g.tallies->len && ((Tally *) g.tallies->pdata[j])->org_id == org; j++)
        ;
      g_hash_table_insert (out, g_memdup2 (&org, sizeof org),
                           rank_branch (&g, (Tally **) g.tallies->pdata + i, j - i, base, levels));
    }
  gather_clear (&g);
  return out;
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
  g_autoptr (RhPointSettings) settings = NULL;
  g_autofree RuleSum *sums = NULL;
  double quarters[4];
  GPtrArray *out = NULL;
  Gather g;

  if (!gather (&g, db, SCOPE_MEMBER, member_id, period, error))
    goto out;
  settings = rh_point_settings_load (db, error);
  if (settings == NULL)
    goto out;
  sums = g_new0 (RuleSum, g.rules->len);
  /* The same computation as the totals, keeping each rule's share (none for
   * a member that does not exist). */
  if (g.tallies->len > 0)
    tally_points (&g, g.tallies->pdata[0], quarters, sums);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_point_rule_sum_free);
  for (guint s = 0; s < settings->rules->len; s++)
    {
      RhPointRule *rule = settings->rules->pdata[s];

      for (guint i = 0; i < g.rules->len; i++)
        if (g_array_index (g.rules, Rule, i).id == rule->id && sums[i].count > 0)
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
out:
  gather_clear (&g);
  return out;
}
