/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include "rh-compliance.h"
#include "rh-date.h"
#include "rh-sql.h"

void
rh_compliance_free (RhCompliance *c)
{
  if (c == NULL)
    return;
  for (int k = 0; k < RH_N_MEETING_KINDS; k++)
    g_clear_pointer (&c->kinds[k].units, g_array_unref);
  g_free (c->org_name);
  g_free (c);
}

/* What a branch is made of, for the rules that depend on it. */
typedef struct {
  gint64        id;
  char         *name;
  char          founded[11];    /* "" when not recorded */
  GArray       *committees;     /* Term: when a committee of three or more was in office */
  GArray       *groups;         /* ids of its party groups: 党小组会 counts per group */
  GArray       *meetings;       /* Held */
  gint64        present;        /* attendance at the period's meetings */
  gint64        expected;
  RhCompliance *result;
} Branch;

typedef struct {
  char start[11];
  char end[11];                 /* "" while in office */
} Term;

typedef struct {
  gint64        org_id;     /* the branch, or the group */
  RhMeetingKind kind;
  char          date[11];
  gboolean      valid;
} Held;

static void
branch_free (Branch *b)
{
  g_free (b->name);
  g_array_unref (b->committees);
  g_array_unref (b->groups);
  g_array_unref (b->meetings);
  rh_compliance_free (b->result);
  g_free (b);
}

static RhPeriodKind
unit_kind (RhRulePeriod period)
{
  return period == RH_RULE_MONTH ? RH_PERIOD_MONTH
         : period == RH_RULE_QUARTER ? RH_PERIOD_QUARTER : RH_PERIOD_YEAR;
}

/* Valid meetings held by one organisation within a unit, among the branch's
 * meetings of one kind. */
static int
count_held (const Held *held, guint n_held, gint64 org_id, const RhPeriod *unit)
{
  int n = 0;

  for (guint i = 0; i < n_held; i++)
    if (held[i].valid && held[i].org_id == org_id && rh_period_contains_date (unit, held[i].date))
      n++;
  return n;
}

static int
compare_held_kinds (gconstpointer a, gconstpointer b)
{
  return (int) ((const Held *) a)->kind - (int) ((const Held *) b)->kind;
}

/* Whether a unit is due at all: the branch existed by then, and for 支委会
 * a committee of three or more was in office during it. */
static gboolean
unit_due (Branch *b, RhMeetingKind kind, const RhPeriod *unit)
{
  if (*b->founded && strcmp (unit->last, b->founded) < 0)
    return FALSE;
  if (kind != RH_MEETING_COMMITTEE)
    return TRUE;
  for (guint i = 0; i < b->committees->len; i++)
    {
      Term *t = &g_array_index (b->committees, Term, i);
      if (strcmp (t->start, unit->last) <= 0 && (!*t->end || strcmp (t->end, unit->first) > 0))
        return TRUE;
    }
  return FALSE;
}

/* units: the period split by the rule's unit (months, quarters, …), the same
 * for every branch. */
static void
compute_kind (Branch *b, RhMeetingKind kind, const RhMeetingRule *rule, GArray *units,
              const char *today, RhComplianceKind *out)
{
  /* 党小组会 is held by each party group; everything else by the branch. */
  GArray *holders = kind == RH_MEETING_GROUP ? b->groups : NULL;
  guint n_holders = holders != NULL ? holders->len : 1;
  /* The branch's meetings are sorted by kind (see compute_branch): the units
   * below are counted over this kind's run only, not over every meeting. */
  const Held *held = (const Held *) (gpointer) b->meetings->data;
  guint first = 0, n_held = 0;

  while (first < b->meetings->len && held[first].kind < kind)
    first++;
  held += first;
  while (first + n_held < b->meetings->len && held[n_held].kind == kind)
    n_held++;

  out->units = g_array_sized_new (FALSE, FALSE, sizeof (RhComplianceUnit), units->len);
  out->times = rule->times;
  for (guint i = 0; i < n_held; i++)
    {
      out->held += held[i].valid;
      out->invalid += !held[i].valid;
    }
  out->applicable = rule->period != RH_RULE_NONE && rule->times > 0 && n_holders > 0
                    && (kind != RH_MEETING_COMMITTEE || b->committees->len > 0);
  if (!out->applicable)
    return;
  out->applicable = units->len > 0;
  for (guint u = 0; u < units->len; u++)
    {
      RhComplianceUnit unit = { g_array_index (units, RhPeriod, u), 0, 0, RH_UNIT_MET };

      if (!unit_due (b, kind, &unit.period))
        {
          unit.state = RH_UNIT_NOT_DUE;
          g_array_append_val (out->units, unit);
          continue;
        }
      for (guint g = 0; g < n_holders; g++)
        {
          gint64 holder = holders != NULL ? g_array_index (holders, gint64, g) : b->id;
          unit.held += MIN (count_held (held, n_held, holder, &unit.period), rule->times);
          unit.required += rule->times;
        }
      if (unit.held < unit.required)
        unit.state = strcmp (unit.period.last, today) < 0 ? RH_UNIT_MISSED : RH_UNIT_PENDING;
      /* A unit still running counts only once it is met. */
      if (unit.state != RH_UNIT_PENDING)
        {
          out->required += unit.required;
          out->met += unit.held;
        }
      g_array_append_val (out->units, unit);
    }
}

static void
compute_branch (Branch *b, const RhMeetingRule *rules, GArray **units, const RhPeriod *period,
                const char *today)
{
  RhCompliance *c = g_new0 (RhCompliance, 1);

  c->org_id = b->id;
  c->org_name = g_strdup (b->name);
  c->period = *period;
  g_array_sort (b->meetings, compare_held_kinds);
  for (int k = 0; k < RH_N_MEETING_KINDS; k++)
    {
      compute_kind (b, (RhMeetingKind) k, &rules[k], units[k], today, &c->kinds[k]);
      c->required += c->kinds[k].required;
      c->met += c->kinds[k].met;
    }
  c->rate = c->required > 0 ? (double) c->met / c->required : -1;
  c->present = b->present;
  c->expected = b->expected;
  b->result = c;
}

/* One meeting of the branch or of one of its groups, from the columns kind,
 * date, valid, present, expected starting at `col`. A meeting of an archived
 * group counts only for attendance. */
static void
add_meeting (Branch *b, sqlite3_stmt *stmt, int col, gint64 org_id, gboolean archived)
{
  Held h = { org_id, 0, "", sqlite3_column_int (stmt, col + 2) != 0 };
  int kind = rh_meeting_kind_from_string (rh_sql_text (stmt, col));

  b->present += sqlite3_column_int64 (stmt, col + 3);
  b->expected += sqlite3_column_int64 (stmt, col + 4);
  if (archived || kind < 0)
    return;
  h.kind = (RhMeetingKind) kind;
  g_strlcpy (h.date, rh_sql_text (stmt, col + 1), sizeof h.date);
  g_array_append_val (b->meetings, h);
}

/* The statements that read one branch, bound to the period once: a few
 * executions per branch, each a seek in an index. */
typedef struct {
  sqlite3_stmt *committees;
  sqlite3_stmt *meetings;   /* the branch's own */
  sqlite3_stmt *groups;     /* its groups, each with its meetings (or one row without) */
} BranchReads;

static gboolean
branch_reads_prepare (RhDatabase *db, const RhPeriod *period, BranchReads *r, GError **error)
{
  r->committees = rh_database_prepare (db, "SELECT t.start_date, t.ended_date FROM committee_term t"
                                           " WHERE t.org_id = ?1 AND t.start_date <= ?3"
                                           " AND (t.ended_date IS NULL OR t.ended_date > ?2)"
                                           " AND (SELECT count(*) FROM committee_role r"
                                           "  WHERE r.term_id = t.id) >= 3", error);
  if (r->committees == NULL)
    return FALSE;
  r->meetings = rh_database_prepare (db, "SELECT kind, date, valid, present, expected"
                                         " FROM meeting WHERE org_id = ?1"
                                         " AND date BETWEEN ?2 AND ?3", error);
  if (r->meetings == NULL)
    return FALSE;
  /* A LEFT JOIN keeps its left table outside: each group's rows come together. */
  r->groups = rh_database_prepare (db, "SELECT g.id, g.archived_date IS NOT NULL, m.kind, m.date,"
                                       " m.valid, m.present, m.expected FROM organisation g"
                                       " LEFT JOIN meeting m ON m.org_id = g.id"
                                       " AND m.date BETWEEN ?2 AND ?3"
                                       " WHERE g.parent_id = ?1 AND g.kind = 'group'", error);
  if (r->groups == NULL)
    return FALSE;
  rh_sql_bind_text (r->committees, 2, period->first);
  rh_sql_bind_text (r->committees, 3, period->last);
  rh_sql_bind_text (r->meetings, 2, period->first);
  rh_sql_bind_text (r->meetings, 3, period->last);
  rh_sql_bind_text (r->groups, 2, period->first);
  rh_sql_bind_text (r->groups, 3, period->last);
  return TRUE;
}

/* A branch's committees of three or more overlapping the period, its groups
 * and the meetings of both. */
static void
load_branch (const BranchReads *r, Branch *b)
{
  sqlite3_stmt *stmt = r->committees;
  gint64 last_group = 0;

  sqlite3_bind_int64 (stmt, 1, b->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Term t = { "", "" };

      g_strlcpy (t.start, rh_sql_text (stmt, 0), sizeof t.start);
      if (rh_sql_text (stmt, 1) != NULL)
        g_strlcpy (t.end, rh_sql_text (stmt, 1), sizeof t.end);
      g_array_append_val (b->committees, t);
    }
  sqlite3_reset (stmt);

  stmt = r->meetings;
  sqlite3_bind_int64 (stmt, 1, b->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_meeting (b, stmt, 0, b->id, FALSE);
  sqlite3_reset (stmt);

  /* Archived groups hold no meetings that count and are not asked to, but
   * the people who came to their meetings still count in attendance. */
  stmt = r->groups;
  sqlite3_bind_int64 (stmt, 1, b->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean archived = sqlite3_column_int (stmt, 1) != 0;

      if (id != last_group && !archived)
        g_array_append_val (b->groups, id);
      last_group = id;
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        add_meeting (b, stmt, 2, id, archived);
    }
  sqlite3_reset (stmt);
}

/* Loads the branches (one, or all with branch_id 0, or those in `only` when
 * it is not NULL), then what each is made of and its meetings, with the
 * attendance at them. Everything but the list of branches is read branch
 * by branch through the indexes (meeting_period holds every column read),
 * so the cost follows the branches asked for, not the size of the
 * committee or the years of records. */
static GPtrArray *
load_branches (RhDatabase *db, gint64 branch_id, GHashTable *only, const RhPeriod *period,
               GError **error)
{
  g_autoptr (GPtrArray) branches = g_ptr_array_new_with_free_func ((GDestroyNotify) branch_free);
  BranchReads reads;
  sqlite3_stmt *stmt;

  /* Some branches are looked up by id: a few cost a few rows, not a walk
   * through every branch of the committee. */
  stmt = rh_database_prepare (db, only != NULL
    ? "SELECT o.id, o.name, o.founded_date FROM organisation o"
      " WHERE o.id IN (SELECT value FROM json_each (?1)) AND o.kind = 'branch'"
      " AND o.archived_date IS NULL ORDER BY o.pinyin, o.id"
    : "SELECT o.id, o.name, o.founded_date FROM organisation o WHERE o.kind = 'branch'"
      " AND o.archived_date IS NULL AND (?1 = 0 OR o.id = ?1) ORDER BY o.pinyin, o.id",
    error);
  if (stmt == NULL)
    return NULL;
  if (only != NULL)
    rh_sql_bind_id_set (stmt, 1, only);
  else
    sqlite3_bind_int64 (stmt, 1, branch_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Branch *b = g_new0 (Branch, 1);

      b->id = sqlite3_column_int64 (stmt, 0);
      b->name = rh_sql_dup (stmt, 1);
      g_strlcpy (b->founded, rh_sql_text (stmt, 2) ? rh_sql_text (stmt, 2) : "", sizeof b->founded);
      b->committees = g_array_new (FALSE, FALSE, sizeof (Term));
      b->groups = g_array_new (FALSE, FALSE, sizeof (gint64));
      b->meetings = g_array_new (FALSE, FALSE, sizeof (Held));
      g_ptr_array_add (branches, b);
    }
  sqlite3_reset (stmt);

  if (!branch_reads_prepare (db, period, &reads, error))
    return NULL;
  for (guint i = 0; i < branches->len; i++)
    load_branch (&reads, branches->pdata[i]);
  return g_steal_pointer (&branches);
}

static GPtrArray *
compute (RhDatabase *db, gint64 branch_id, GHashTable *only, const RhPeriod *period,
         const GDate *today, GError **error)
{
  RhMeetingRule rules[RH_N_MEETING_KINDS];
  g_autoptr (GPtrArray) branches = NULL;
  GArray *units[RH_N_MEETING_KINDS];
  GPtrArray *results;
  g_autofree char *today_text = NULL;
  GDate now;

  if (today == NULL)
    {
      rh_date_today (&now);
      today = &now;
    }
  today_text = rh_date_format (today);
  if (!rh_meeting_rules_load (db, rules, error))
    return NULL;
  branches = load_branches (db, branch_id, only, period, error);
  if (branches == NULL)
    return NULL;
  for (int k = 0; k < RH_N_MEETING_KINDS; k++)
    units[k] = rh_period_split (period, unit_kind (rules[k].period));
  results = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_compliance_free);
  for (guint i = 0; i < branches->len; i++)
    {
      Branch *b = branches->pdata[i];
      compute_branch (b, rules, units, period, today_text);
      g_ptr_array_add (results, g_steal_pointer (&b->result));
    }
  for (int k = 0; k < RH_N_MEETING_KINDS; k++)
    g_array_unref (units[k]);
  return results;
}

RhCompliance *
rh_compliance_compute (RhDatabase *db, gint64 branch_id, const RhPeriod *period,
                       const GDate *today, GError **error)
{
  g_autoptr (GPtrArray) all = compute (db, branch_id, NULL, period, today, error);

  if (all == NULL)
    return NULL;
  if (branch_id == 0 || all->len == 0)
    {
      g_set_error (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_NOT_FOUND,
                   _("Branch %lld was not found"), (long long) branch_id);
      return NULL;
    }
  return g_ptr_array_steal_index (all, 0);
}

GPtrArray *
rh_compliance_compute_all (RhDatabase *db, const RhPeriod *period, const GDate *today,
                           GError **error)
{
  return compute (db, 0, NULL, period, today, error);
}

GPtrArray *
rh_compliance_compute_some (RhDatabase *db, const RhPeriod *period, GHashTable *branch_ids,
                            const GDate *today, GError **error)
{
  g_return_val_if_fail (branch_ids != NULL, NULL);

  return compute (db, 0, branch_ids, period, today, error);
}
