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

/* Valid meetings of a kind held by one organisation within a unit. */
static int
count_held (Branch *b, RhMeetingKind kind, gint64 org_id, const RhPeriod *unit)
{
  int n = 0;

  for (guint i = 0; i < b->meetings->len; i++)
    {
      Held *h = &g_array_index (b->meetings, Held, i);
      if (h->kind == kind && h->valid && h->org_id == org_id
          && rh_period_contains_date (unit, h->date))
        n++;
    }
  return n;
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

  out->units = g_array_new (FALSE, FALSE, sizeof (RhComplianceUnit));
  out->times = rule->times;
  for (guint i = 0; i < b->meetings->len; i++)
    {
      Held *h = &g_array_index (b->meetings, Held, i);
      if (h->kind == kind)
        {
          out->held += h->valid;
          out->invalid += !h->valid;
        }
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
          unit.held += MIN (count_held (b, kind, holder, &unit.period), rule->times);
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
  for (int k = 0; k < RH_N_MEETING_KINDS; k++)
    {
      compute_kind (b, (RhMeetingKind) k, &rules[k], units[k], today, &c->kinds[k]);
      c->required += c->kinds[k].required;
      c->met += c->kinds[k].met;
    }
  c->rate = c->required > 0 ? (double) c->met / c->required : -1;
  b->result = c;
}

/* Loads the branches (one, or all with branch_id 0), their groups,
 * committees and meetings in four queries. */
static GPtrArray *
load_branches (RhDatabase *db, gint64 branch_id, const RhPeriod *period, GError **error)
{
  g_autoptr (GPtrArray) branches = g_ptr_array_new_with_free_func ((GDestroyNotify) branch_free);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) group_branch = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                               NULL);
  sqlite3_stmt *stmt;

  stmt = rh_database_prepare (db, "SELECT o.id, o.name, o.founded_date"
                                  " FROM organisation o WHERE o.kind = 'branch'"
                                  " AND o.archived_date IS NULL AND (?1 = 0 OR o.id = ?1)"
                                  " ORDER BY o.pinyin, o.id", error);
  if (stmt == NULL)
    return NULL;
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
      g_hash_table_insert (by_id, &b->id, b);
    }
  sqlite3_reset (stmt);

  /* Committees of three or more, current and past, overlapping the period. */
  stmt = rh_database_prepare (db, "SELECT t.org_id, t.start_date, t.ended_date FROM committee_term t"
                                  " WHERE t.start_date <= ?2 AND (t.ended_date IS NULL"
                                  "  OR t.ended_date > ?1) AND (SELECT count(*) FROM committee_role r"
                                  "  WHERE r.term_id = t.id) >= 3", error);
  if (stmt == NULL)
    return NULL;
  rh_sql_bind_text (stmt, 1, period->first);
  rh_sql_bind_text (stmt, 2, period->last);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 org = sqlite3_column_int64 (stmt, 0);
      Branch *b = g_hash_table_lookup (by_id, &org);
      Term t = { "", "" };

      if (b == NULL)
        continue;
      g_strlcpy (t.start, rh_sql_text (stmt, 1), sizeof t.start);
      if (rh_sql_text (stmt, 2) != NULL)
        g_strlcpy (t.end, rh_sql_text (stmt, 2), sizeof t.end);
      g_array_append_val (b->committees, t);
    }
  sqlite3_reset (stmt);

  stmt = rh_database_prepare (db, "SELECT id, parent_id FROM organisation"
                                  " WHERE kind = 'group' AND archived_date IS NULL", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 parent = sqlite3_column_int64 (stmt, 1);
      Branch *b = g_hash_table_lookup (by_id, &parent);
      if (b != NULL)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (b->groups, id);
          g_hash_table_insert (group_branch, g_memdup2 (&id, sizeof id), b);
        }
    }
  sqlite3_reset (stmt);

  stmt = rh_database_prepare (db, "SELECT org_id, kind, date, valid FROM meeting"
                                  " WHERE date BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return NULL;
  rh_sql_bind_text (stmt, 1, period->first);
  rh_sql_bind_text (stmt, 2, period->last);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Held h = { sqlite3_column_int64 (stmt, 0), 0, "", sqlite3_column_int (stmt, 3) != 0 };
      int kind = rh_meeting_kind_from_string (rh_sql_text (stmt, 1));
      Branch *b = g_hash_table_lookup (by_id, &h.org_id);

      if (b == NULL)
        b = g_hash_table_lookup (group_branch, &h.org_id);
      if (b == NULL || kind < 0)
        continue;
      h.kind = (RhMeetingKind) kind;
      g_strlcpy (h.date, rh_sql_text (stmt, 2), sizeof h.date);
      g_array_append_val (b->meetings, h);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&branches);
}

static GPtrArray *
compute (RhDatabase *db, gint64 branch_id, const RhPeriod *period, const GDate *today,
         GError **error)
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
  branches = load_branches (db, branch_id, period, error);
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
  g_autoptr (GPtrArray) all = compute (db, branch_id, period, today, error);

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
  return compute (db, 0, period, today, error);
}
