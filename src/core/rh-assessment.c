/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scoring: the template applied to what was entered, for one branch or all. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include "rh-assessment.h"
#include "rh-compliance.h"
#include "rh-sql.h"
#include "rh-task.h"
#include "rh-template-io.h"
#include "rh-types.h"
#include "rh-validate.h"

void
rh_score_result_free (RhScoreResult *r)
{
  if (r == NULL)
    return;
  g_free (r->org_name);
  g_free (r->period);
  g_free (r->grade);
  g_free (r);
}

/* The score that counts: the committee's, else the branch's own, else the
 * automatic one; clamped to the indicator's range. */
static double
effective (const RhIndicator *ind, const RhScore *s)
{
  double v = NAN;

  if (s != NULL)
    v = !isnan (s->committee_score) ? s->committee_score
        : !isnan (s->self_score)    ? s->self_score
                                    : s->auto_score;
  if (isnan (v))
    return 0;
  return CLAMP (v, 0, ind->max_points);
}

static int
level_from_total (const RhTemplate *t, double total)
{
  for (int i = 0; i < 4; i++)
    if (total >= t->star_cutoffs[i])
      return 5 - i;
  return 1;
}

void
rh_score_compute (const RhTemplate *t, const RhScore *scores, guint n_scores, double business,
                  double review, RhScoreResult *out)
{
  double star_points[RH_N_STARS] = { 0 }, star_max[RH_N_STARS] = { 0 };
  guint k = 0;
  int earned = 0;

  out->basic = out->bonus = out->deductions = 0;
  out->vetoed = FALSE;
  out->stars = 0;
  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];
      for (guint i = 0; i < cat->indicators->len; i++, k++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];
          double v = effective (ind, k < n_scores ? &scores[k] : NULL);

          switch (ind->kind)
            {
            case RH_INDICATOR_BASIC:
              out->basic += v;
              if (ind->star >= 0 && ind->star < RH_N_STARS)
                {
                  star_points[ind->star] += v;
                  star_max[ind->star] += ind->max_points;
                }
              break;
            case RH_INDICATOR_BONUS:
              out->bonus += v;
              break;
            case RH_INDICATOR_DEDUCTION:
              out->deductions += v;
              break;
            case RH_INDICATOR_VETO:
              out->vetoed |= v > 0;
              break;
            default:
              break;
            }
        }
    }
  out->bonus = MIN (out->bonus, t->bonus_cap);
  out->party = MAX (0, out->basic + out->bonus - out->deductions);
  out->business = business;
  out->review = review;
  if (t->formula == RH_FORMULA_COEFFICIENT)
    out->total = (isnan (business) ? 0 : business) * out->party / 100;
  else
    out->total = t->party_weight * out->party
                 + t->review_weight * (isnan (review) ? 0 : review)
                 + t->business_weight * (isnan (business) ? 0 : business);
  /* Totals are rounded in one place, to two decimals. */
  out->total = round (out->total * 100) / 100;

  for (int s = 0; s < RH_N_STARS; s++)
    if (star_max[s] > 0 && star_points[s] >= t->star_share * star_max[s] - 1e-9)
      {
        out->stars |= 1u << s;
        earned++;
      }
  out->star_level = t->star_by_total ? level_from_total (t, out->total) : MAX (1, earned);

  /* The grade: the first whose minimum is reached; a veto gives the last. */
  g_free (out->grade);
  out->grade = NULL;
  for (guint g = 0; g < t->grades->len && out->grade == NULL; g++)
    if (!out->vetoed && out->total >= g_array_index (t->grades, RhGrade, g).min)
      out->grade = g_strdup (g_array_index (t->grades, RhGrade, g).label);
  if (out->grade == NULL && t->grades->len > 0)
    out->grade = g_strdup (g_array_index (t->grades, RhGrade, t->grades->len - 1).label);
  /* A veto also takes the stars away: the branch cannot be top grade. */
  if (out->vetoed)
    {
      out->star_level = 1;
      out->stars = 0;
    }
  out->needs_contact = out->star_level <= 3;
}

/* Assessments: what was entered. */

static void
score_free (RhScore *s)
{
  g_free (s->comment);
  g_free (s->evidence);
  g_free (s->attachments);
  g_free (s->override_reason);
  g_free (s);
}

void
rh_assessment_free (RhAssessment *a)
{
  if (a == NULL)
    return;
  g_free (a->period);
  g_free (a->comments);
  g_hash_table_unref (a->scores);
  g_free (a);
}

double
rh_review_tally_score (const int tally[RH_N_VOTES])
{
  static const double worth[RH_N_VOTES] = { 100, 60, 0 };
  double sum = 0;
  int votes = 0;

  for (int v = 0; v < RH_N_VOTES; v++)
    {
      sum += worth[v] * tally[v];
      votes += tally[v];
    }
  return votes > 0 ? round (sum / votes * 100) / 100 : NAN;
}

static RhAssessment *
assessment_new (void)
{
  RhAssessment *a = g_new0 (RhAssessment, 1);

  a->business_score = NAN;
  a->review_score = NAN;
  a->scores = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) score_free);
  return a;
}

RhScore *
rh_assessment_score (RhAssessment *a, gint64 indicator_id)
{
  RhScore *s = g_hash_table_lookup (a->scores, &indicator_id);

  if (s == NULL)
    {
      s = g_new0 (RhScore, 1);
      s->self_score = s->committee_score = s->auto_score = NAN;
      g_hash_table_insert (a->scores, g_memdup2 (&indicator_id, sizeof indicator_id), s);
    }
  return s;
}

RhAssessment *
rh_assessment_load_or_new (RhDatabase *db, gint64 org_id, const char *period, GError **error)
{
  RhPeriod p;
  RhAssessment *a;
  sqlite3_stmt *stmt;

  if (!rh_period_parse (period, &p, error))
    return NULL;
  a = assessment_new ();
  a->org_id = org_id;
  a->period = rh_period_format (&p);
  stmt = rh_database_prepare (db, "SELECT id, template_id, status, business_score, review_score,"
                                  " comments, review_satisfied, review_basic, review_unsatisfied"
                                  " FROM assessment WHERE org_id = ?1 AND period = ?2", error);
  if (stmt == NULL)
    {
      rh_assessment_free (a);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, org_id);
  rh_sql_bind_text (stmt, 2, a->period);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int status = rh_assessment_status_from_string (rh_sql_text (stmt, 2));
      a->id = sqlite3_column_int64 (stmt, 0);
      a->template_id = sqlite3_column_int64 (stmt, 1);
      a->status = status >= 0 ? (RhAssessmentStatus) status : RH_ASSESSMENT_DRAFT;
      a->business_score = rh_sql_double (stmt, 3);
      a->review_score = rh_sql_double (stmt, 4);
      a->comments = rh_sql_dup (stmt, 5);
      for (int v = 0; v < RH_N_VOTES; v++)
        a->review_tally[v] = sqlite3_column_int (stmt, 6 + v);
    }
  else
    a->template_id = rh_template_default (db, p.year);
  sqlite3_reset (stmt);

  stmt = rh_database_prepare (db, "SELECT indicator_id, self_score, committee_score, comment,"
                                  " evidence, override_reason, attachments FROM assessment_score"
                                  " WHERE assessment_id = ?1", error);
  if (stmt == NULL)
    {
      rh_assessment_free (a);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, a->id);
  while (a->id != 0 && sqlite3_step (stmt) == SQLITE_ROW)
    {
      RhScore *s = rh_assessment_score (a, sqlite3_column_int64 (stmt, 0));
      s->self_score = rh_sql_double (stmt, 1);
      s->committee_score = rh_sql_double (stmt, 2);
      s->comment = rh_sql_dup (stmt, 3);
      s->evidence = rh_sql_dup (stmt, 4);
      s->attachments = rh_sql_dup (stmt, 6);
      s->override_reason = rh_sql_dup (stmt, 5);
    }
  sqlite3_reset (stmt);
  return a;
}

static gboolean
check_range (GError **error, const RhIndicator *ind, double value, const char *which)
{
  if (isnan (value) || (value >= 0 && value <= ind->max_points))
    return TRUE;
  g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE,
               _("%s %s: the %s must be between 0 and %g"), ind->code, ind->name, which,
               ind->max_points);
  return FALSE;
}

typedef struct {
  RhAssessment *a;
  RhTemplate   *t;
} SaveData;

static gboolean
write_assessment (RhDatabase *db, gpointer data, GError **error)
{
  SaveData *d = data;
  RhAssessment *a = d->a;
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt = rh_database_prepare (db, a->id == 0
    ? "INSERT INTO assessment (org_id, period, template_id, status, business_score, review_score,"
      " comments, review_satisfied, review_basic, review_unsatisfied, id)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    : "UPDATE assessment SET org_id = ?1, period = ?2, template_id = ?3, status = ?4,"
      " business_score = ?5, review_score = ?6, comments = ?7, review_satisfied = ?8,"
      " review_basic = ?9, review_unsatisfied = ?10 WHERE id = ?11",
    error);
  gboolean tally = rh_review_tally_score (a->review_tally) >= 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->org_id);
  rh_sql_bind_text (stmt, 2, a->period);
  sqlite3_bind_int64 (stmt, 3, a->template_id);
  rh_sql_bind_text (stmt, 4, rh_assessment_status_to_string (a->status));
  rh_sql_bind_double (stmt, 5, a->business_score);
  rh_sql_bind_double (stmt, 6, a->review_score);
  rh_sql_bind_text (stmt, 7, a->comments);
  for (int v = 0; v < RH_N_VOTES; v++)
    if (tally)
      sqlite3_bind_int (stmt, 8 + v, a->review_tally[v]);
  rh_sql_bind_id (stmt, 11, a->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  if (a->id == 0)
    a->id = sqlite3_last_insert_rowid (rh_database_get_handle (db));

  g_hash_table_iter_init (&iter, a->scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RhScore *s = value;

      stmt = rh_database_prepare (db, "INSERT INTO assessment_score (assessment_id, indicator_id,"
                                      " self_score, committee_score, comment, evidence,"
                                      " override_reason, attachments)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                      " ON CONFLICT DO UPDATE SET self_score = excluded.self_score,"
                                      " committee_score = excluded.committee_score,"
                                      " comment = excluded.comment, evidence = excluded.evidence,"
                                      " override_reason = excluded.override_reason,"
                                      " attachments = excluded.attachments", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, a->id);
      sqlite3_bind_int64 (stmt, 2, *(gint64 *) key);
      rh_sql_bind_double (stmt, 3, s->self_score);
      rh_sql_bind_double (stmt, 4, s->committee_score);
      rh_sql_bind_text (stmt, 5, s->comment);
      rh_sql_bind_text (stmt, 6, s->evidence);
      rh_sql_bind_text (stmt, 7, s->override_reason);
      rh_sql_bind_text (stmt, 8, s->attachments);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rh_database_set_error (db, error);
    }
  return TRUE;
}

gboolean
rh_assessment_save (RhDatabase *db, RhAssessment *a, GError **error)
{
  g_autoptr (RhTemplate) t = NULL;
  GHashTableIter iter;
  gpointer key, value;
  SaveData data;

  if (a->status == RH_ASSESSMENT_FINALISED)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE,
                   _("This assessment is finalised and read-only; reopen it with a reason to "
                     "change it"));
      return FALSE;
    }
  for (int v = 0; v < RH_N_VOTES; v++)
    if (a->review_tally[v] < 0)
      {
        g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE,
                     _("The survey's votes cannot be negative"));
        return FALSE;
      }
  if (rh_review_tally_score (a->review_tally) >= 0)
    a->review_score = rh_review_tally_score (a->review_tally);
  if ((!isnan (a->business_score) && (a->business_score < 0 || a->business_score > 100))
      || (!isnan (a->review_score) && (a->review_score < 0 || a->review_score > 100)))
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE,
                   _("The business score and the members' rating are between 0 and 100"));
      return FALSE;
    }
  t = rh_template_load (db, a->template_id, error);
  if (t == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, a->scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      RhIndicator *ind = rh_template_find (t, *(gint64 *) key);
      RhScore *s = value;

      if (ind == NULL)
        {
          g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE,
                       _("A score refers to an indicator that is not in the template"));
          return FALSE;
        }
      if (!check_range (error, ind, s->self_score, _("self score"))
          || !check_range (error, ind, s->committee_score, _("committee score")))
        return FALSE;
      /* An automatic indicator keeps its figure unless a reason is given. */
      if (ind->source != RH_SOURCE_NONE && !isnan (s->committee_score)
          && (s->override_reason == NULL || *g_strstrip (s->override_reason) == '\0'))
        {
          g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE,
                       _("%s %s is filled from the records; give a reason to override it"),
                       ind->code, ind->name);
          return FALSE;
        }
    }
  data.a = a;
  data.t = t;
  return rh_database_transaction (db, write_assessment, &data, error);
}

/* Automatic indicators: the figures of each branch for the period. */
typedef struct {
  double compliance;    /* 0–1, NAN when nothing was due */
  double integration;   /* 0–1 */
  double attendance;    /* 0–1 */
  int    cases[RH_N_CASE_STATUSES];   /* cases of the year at each status or beyond */
} Figures;

/* The figures of the branches in `only` (gint64 keys), or of all when it is
 * NULL. Working them out is most of the cost of scoring, and it grows with
 * every branch of the committee: scoring a period needs only those with an
 * assessment still open, editing one assessment only its branch's. The
 * branches' compliance, read on the way, goes to *compliance_out if it is given. */
static GHashTable *
load_figures (RhDatabase *db, const RhPeriod *p, GHashTable *only, GPtrArray **compliance_out,
              GError **error)
{
  g_autoptr (GHashTable) figures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          g_free);
  g_autoptr (GPtrArray) compliance = only != NULL
                                       ? rh_compliance_compute_some (db, p, only, NULL, error)
                                       : rh_compliance_compute_all (db, p, NULL, error);
  g_autoptr (GPtrArray) integration = NULL;
  sqlite3_stmt *stmt;

  if (compliance == NULL)
    return NULL;
  integration = only != NULL ? rh_integration_compute_some (db, p, only, error)
                             : rh_integration_compute_all (db, p, error);
  if (integration == NULL)
    return NULL;
  for (guint i = 0; i < compliance->len; i++)
    {
      RhCompliance *c = compliance->pdata[i];
      Figures *f = g_new0 (Figures, 1);
      f->compliance = c->rate < 0 ? NAN : c->rate;
      f->integration = NAN;
      /* Attendance: people present over people expected, at the branch's
       * meetings; compliance read them already, in the same pass. */
      f->attendance = c->expected > 0 ? (double) c->present / (double) c->expected : NAN;
      g_hash_table_insert (figures, g_memdup2 (&c->org_id, sizeof c->org_id), f);
    }
  for (guint i = 0; i < integration->len; i++)
    {
      RhIntegration *r = integration->pdata[i];
      Figures *f = g_hash_table_lookup (figures, &r->org_id);
      if (f != NULL && r->index >= 0)
        f->integration = r->index / 100;
    }
  stmt = rh_database_prepare (db, "SELECT org_id, status, count(*) FROM integration_case"
                                  " WHERE year = ?1 AND org_id IS NOT NULL GROUP BY 1, 2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, p->year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Figures *f = g_hash_table_lookup (figures, &id);
      int status = rh_case_status_from_string (rh_sql_text (stmt, 1));
      for (int s = 0; f != NULL && s <= status; s++)
        f->cases[s] += sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (compliance_out != NULL)
    *compliance_out = g_steal_pointer (&compliance);
  return g_steal_pointer (&figures);
}

/* The figures of one branch (a table of one entry at most). */
static GHashTable *
load_figures_of (RhDatabase *db, const RhPeriod *p, gint64 org_id, GError **error)
{
  g_autoptr (GHashTable) only = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_hash_table_add (only, &org_id);
  return load_figures (db, p, only, NULL, error);
}

/* The share of its points an automatic indicator earns from the figures. */
static double
source_share (const RhIndicator *ind, const Figures *f)
{
  if (f == NULL)
    return NAN;
  switch (ind->source)
    {
    case RH_SOURCE_COMPLIANCE: return f->compliance;
    case RH_SOURCE_INTEGRATION: return f->integration;
    case RH_SOURCE_ATTENDANCE: return f->attendance;
    case RH_SOURCE_CASES:
      return MIN (1.0, (double) f->cases[MAX (ind->source_status, 0)]
                         / MAX (ind->source_target, 1));
    default: return NAN;
    }
}

/* The automatic score of an indicator, mapped linearly onto its points. */
static double
auto_score (const RhIndicator *ind, const Figures *f)
{
  double share = source_share (ind, f);

  return isnan (share) ? NAN : round (ind->max_points * share * 100) / 100;
}

/* What an automatic indicator was filled from, in words. */
static char *
describe_figure (const RhIndicator *ind, const Figures *f)
{
  double share = NAN;

  if (f == NULL)
    return g_strdup (_("no records yet"));
  switch (ind->source)
    {
    case RH_SOURCE_COMPLIANCE: share = f->compliance; break;
    case RH_SOURCE_INTEGRATION:
      return isnan (f->integration) ? g_strdup (_("no records yet"))
                                    : g_strdup_printf (_("index %.1f"), 100 * f->integration);
    case RH_SOURCE_ATTENDANCE: share = f->attendance; break;
    case RH_SOURCE_CASES:
      return g_strdup_printf (_("%d of %d cases"), f->cases[MAX (ind->source_status, 0)],
                              MAX (ind->source_target, 1));
    default: return NULL;
    }
  return isnan (share) ? g_strdup (_("nothing due yet")) : g_strdup_printf ("%.1f%%", 100 * share);
}

GHashTable *
rh_assessment_fill_auto (RhDatabase *db, RhAssessment *a, GError **error)
{
  g_autoptr (RhTemplate) t = rh_template_load (db, a->template_id, error);
  g_autoptr (GHashTable) figures = NULL;
  GHashTable *described;
  const Figures *f;
  RhPeriod p;

  if (t == NULL || !rh_period_parse (a->period, &p, error))
    return NULL;
  described = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  /* A finalised assessment keeps the figures of its day in its self scores. */
  if (a->status == RH_ASSESSMENT_FINALISED)
    return described;
  figures = load_figures_of (db, &p, a->org_id, error);
  if (figures == NULL)
    {
      g_hash_table_unref (described);
      return NULL;
    }
  f = g_hash_table_lookup (figures, &a->org_id);
  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];
      for (guint i = 0; i < cat->indicators->len; i++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];
          if (ind->source == RH_SOURCE_NONE)
            continue;
          rh_assessment_score (a, ind->id)->auto_score = auto_score (ind, f);
          g_hash_table_insert (described, g_memdup2 (&ind->id, sizeof ind->id),
                               describe_figure (ind, f));
        }
    }
  return described;
}

/* The scores of one assessment in template order, with automatic figures. */
static RhScore *
scores_for (const RhTemplate *t, RhAssessment *a, const Figures *f, guint *n)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (RhScore));

  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];
      for (guint i = 0; i < cat->indicators->len; i++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];
          RhScore *given = a != NULL ? g_hash_table_lookup (a->scores, &ind->id) : NULL;
          RhScore s = { NAN, NAN, NAN, NULL, NULL, NULL };

          if (given != NULL)
            {
              s.self_score = given->self_score;
              s.committee_score = given->committee_score;
            }
          if (ind->source != RH_SOURCE_NONE)
            s.auto_score = auto_score (ind, f);
          /* Automatic figures stand unless the committee overrode them. */
          if (ind->source != RH_SOURCE_NONE)
            s.self_score = NAN;
          g_array_append_val (out, s);
        }
    }
  *n = out->len;
  return (RhScore *) (gpointer) g_array_free (out, FALSE);
}

static const char *
previous_period (const RhPeriod *p, char *buf, gsize size)
{
  RhPeriod prev;

  if (p->kind == RH_PERIOD_YEAR)
    rh_period_init (&prev, RH_PERIOD_YEAR, p->year - 1, 0);
  else if (p->kind == RH_PERIOD_QUARTER)
    rh_period_init (&prev, RH_PERIOD_QUARTER, p->index == 1 ? p->year - 1 : p->year,
                    p->index == 1 ? 4 : p->index - 1);
  else
    rh_period_init (&prev, RH_PERIOD_MONTH, p->index == 1 ? p->year - 1 : p->year,
                    p->index == 1 ? 12 : p->index - 1);
  {
    g_autofree char *text = rh_period_format (&prev);
    g_strlcpy (buf, text, size);
  }
  return buf;
}

static int
compare_totals (gconstpointer a, gconstpointer b)
{
  const RhScoreResult *x = *(RhScoreResult *const *) a;
  const RhScoreResult *y = *(RhScoreResult *const *) b;

  if ((x->assessment_id == 0) != (y->assessment_id == 0))
    return x->assessment_id == 0 ? 1 : -1;
  return x->total < y->total ? 1 : x->total > y->total ? -1 : g_strcmp0 (x->org_name, y->org_name);
}

/* Results of finalised assessments are read back as stored, never recomputed. */
static gboolean
read_stored (sqlite3_stmt *stmt, RhScoreResult *r)
{
  g_auto (GStrv) stars = NULL;

  if (sqlite3_column_type (stmt, 8) == SQLITE_NULL)
    return FALSE;
  r->party = sqlite3_column_double (stmt, 8);
  r->total = sqlite3_column_double (stmt, 9);
  g_free (r->grade);
  r->grade = rh_sql_dup (stmt, 10);
  stars = g_strsplit (rh_sql_text (stmt, 11) ? rh_sql_text (stmt, 11) : "", ";", -1);
  r->stars = 0;
  for (int i = 0; stars[i] != NULL; i++)
    if (rh_star_from_string (stars[i]) >= 0)
      r->stars |= 1u << rh_star_from_string (stars[i]);
  r->star_level = sqlite3_column_int (stmt, 12);
  r->vetoed = sqlite3_column_int (stmt, 13) != 0;
  r->needs_contact = r->star_level <= 3;
  return TRUE;
}

/* Computes one unfinalised assessment with its template and the branch's figures. */
static gboolean
score_one (RhDatabase *db, RhScoreResult *r, GHashTable *templates, GHashTable *figures,
           GError **error)
{
  g_autoptr (RhAssessment) a = rh_assessment_load_or_new (db, r->org_id, r->period, error);
  RhTemplate *t;
  g_autofree RhScore *scores = NULL;
  guint n;

  if (a == NULL)
    return FALSE;
  t = g_hash_table_lookup (templates, &a->template_id);
  if (t == NULL)
    {
      t = rh_template_load (db, a->template_id, error);
      if (t == NULL)
        return FALSE;
      g_hash_table_insert (templates, g_memdup2 (&a->template_id, sizeof a->template_id), t);
    }
  scores = scores_for (t, a, g_hash_table_lookup (figures, &r->org_id), &n);
  rh_score_compute (t, scores, n, a->business_score, a->review_score, r);
  r->template_id = t->id;
  return TRUE;
}

/* At most the quota's share of the assessed branches keep five stars, the
 * best totals first; finalised results count but are not changed. */
static void
apply_quota (GPtrArray *results, GHashTable *templates)
{
  guint assessed = 0, fives = 0;

  for (guint i = 0; i < results->len; i++)
    assessed += ((RhScoreResult *) results->pdata[i])->assessment_id != 0;
  for (guint i = 0; i < results->len; i++)
    {
      RhScoreResult *r = results->pdata[i];
      RhTemplate *t = g_hash_table_lookup (templates, &r->template_id);
      guint allowed;

      if (r->assessment_id == 0 || r->star_level < 5)
        continue;
      allowed = t != NULL && !isnan (t->five_star_quota)
                  ? (guint) floor (t->five_star_quota * assessed + 1e-9) : G_MAXUINT;
      if (fives < allowed || r->status == RH_ASSESSMENT_FINALISED)
        fives++;
      else
        r->star_level = 4;
    }
}

/* A branch's result from the working its detail already holds. */
static void
score_from_detail (const RhScoreDetail *d, RhScoreResult *r)
{
  rh_score_compute (d->template_, d->scores, d->n_scores, d->assessment->business_score,
                    d->assessment->review_score, r);
  r->template_id = d->template_->id;
}

static const RhScoreDetail *
detail_of (const RhScoreDetails *details, gint64 org_id)
{
  return details != NULL ? g_hash_table_lookup (details->branches, &org_id) : NULL;
}

static GPtrArray *
score_all (RhDatabase *db, const char *period, const RhScoreDetails *details, GError **error)
{
  RhPeriod p;
  g_autoptr (GHashTable) figures = NULL;
  g_autoptr (GHashTable) templates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify) rh_template_free);
  g_autoptr (GHashTable) previous = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           g_free);
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_score_result_free);
  g_autoptr (GHashTable) open_branches = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *canonical = NULL;
  char prev[16];
  sqlite3_stmt *stmt;
  int rank = 0;

  if (!rh_period_parse (period, &p, error))
    return NULL;
  canonical = rh_period_format (&p);

  stmt = rh_database_prepare (db, "SELECT org_id, total_score FROM assessment WHERE period = ?1"
                                  " AND total_score IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  rh_sql_bind_text (stmt, 1, previous_period (&p, prev, sizeof prev));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      double total = sqlite3_column_double (stmt, 1);
      g_hash_table_insert (previous, g_memdup2 (&id, sizeof id), g_memdup2 (&total, sizeof total));
    }
  sqlite3_reset (stmt);

  stmt = rh_database_prepare (db,
    "SELECT o.id, o.name, a.id, a.template_id, a.status, a.business_score, a.review_score, 0,"
    " a.party_score, a.total_score, a.grade, a.stars, a.star_level, a.vetoed"
    " FROM organisation o LEFT JOIN assessment a ON a.org_id = o.id AND a.period = ?1"
    " WHERE o.kind = 'branch' AND o.archived_date IS NULL ORDER BY o.pinyin, o.id", error);
  if (stmt == NULL)
    return NULL;
  rh_sql_bind_text (stmt, 1, canonical);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      RhScoreResult *r = g_new0 (RhScoreResult, 1);
      int status = rh_assessment_status_from_string (rh_sql_text (stmt, 4));

      r->org_id = sqlite3_column_int64 (stmt, 0);
      r->org_name = rh_sql_dup (stmt, 1);
      r->period = g_strdup (canonical);
      r->assessment_id = sqlite3_column_int64 (stmt, 2);
      r->template_id = sqlite3_column_int64 (stmt, 3);
      r->status = status >= 0 ? (RhAssessmentStatus) status : RH_ASSESSMENT_DRAFT;
      r->business = rh_sql_double (stmt, 5);
      r->review = rh_sql_double (stmt, 6);
      r->total = r->party = NAN;
      r->change = NAN;
      if (r->status == RH_ASSESSMENT_FINALISED)
        read_stored (stmt, r);
      g_ptr_array_add (results, r);
    }
  sqlite3_reset (stmt);

  /* Finalised results are stored: the records are read only for the
   * branches whose assessment is still open, and has no detail at hand. */
  for (guint i = 0; i < results->len; i++)
    {
      RhScoreResult *r = results->pdata[i];
      if (r->assessment_id != 0 && r->status != RH_ASSESSMENT_FINALISED
          && detail_of (details, r->org_id) == NULL)
        g_hash_table_add (open_branches, &r->org_id);
    }
  if (g_hash_table_size (open_branches) > 0
      && (figures = load_figures (db, &p, open_branches, NULL, error)) == NULL)
    return NULL;

  for (guint i = 0; i < results->len; i++)
    {
      RhScoreResult *r = results->pdata[i];
      double *before;

      if (r->assessment_id == 0)
        continue;
      if (r->status != RH_ASSESSMENT_FINALISED && detail_of (details, r->org_id) != NULL)
        score_from_detail (detail_of (details, r->org_id), r);
      else if (r->status != RH_ASSESSMENT_FINALISED
               && !score_one (db, r, templates, figures, error))
        return NULL;
      before = g_hash_table_lookup (previous, &r->org_id);
      if (before != NULL)
        r->change = round ((r->total - *before) * 100) / 100;
    }
  g_ptr_array_sort (results, compare_totals);
  for (guint i = 0; i < results->len; i++)
    {
      RhScoreResult *r = results->pdata[i];
      gint64 tid = r->template_id;
      if (r->assessment_id != 0 && !g_hash_table_contains (templates, &tid))
        g_hash_table_insert (templates, g_memdup2 (&tid, sizeof tid),
                             rh_template_load (db, tid, NULL));
    }
  apply_quota (results, templates);
  for (guint i = 0; i < results->len; i++)
    {
      RhScoreResult *r = results->pdata[i];
      if (r->assessment_id != 0)
        r->rank = ++rank;
      r->needs_contact = r->assessment_id != 0 && r->star_level <= 3;
    }
  return g_steal_pointer (&results);
}

GPtrArray *
rh_assessment_score_all (RhDatabase *db, const char *period, GError **error)
{
  return score_all (db, period, NULL, error);
}

GPtrArray *
rh_assessment_score_all_from (RhDatabase *db, const char *period, const RhScoreDetails *details,
                              GError **error)
{
  return score_all (db, period, details, error);
}

/* The frozen copy of a template's current content: the one an earlier
 * finalisation made of the same content, else a new one. */
static RhTemplate *
frozen_copy (RhDatabase *db, const RhTemplate *t, GError **error)
{
  g_autofree char *json = rh_template_to_json (t);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, json, -1);
  g_autoptr (RhTemplate) copy = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = rh_database_prepare (db, "SELECT id FROM assessment_template WHERE frozen = 1"
                                  " AND frozen_from = ?1 AND content_hash = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, t->id);
  rh_sql_bind_text (stmt, 2, hash);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id != 0)
    return rh_template_load (db, id, error);

  copy = rh_template_load (db, t->id, error);
  if (copy == NULL)
    return NULL;
  copy->id = 0;
  copy->frozen = TRUE;
  for (guint c = 0; c < copy->categories->len; c++)
    {
      RhCategory *cat = copy->categories->pdata[c];
      cat->id = 0;
      for (guint i = 0; i < cat->indicators->len; i++)
        ((RhIndicator *) cat->indicators->pdata[i])->id = 0;
    }
  if (!rh_template_write (db, copy, error))
    return NULL;
  stmt = rh_database_prepare (db, "UPDATE assessment_template SET frozen_from = ?1,"
                                  " content_hash = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, t->id);
  rh_sql_bind_text (stmt, 2, hash);
  sqlite3_bind_int64 (stmt, 3, copy->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rh_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

/* Points the assessment and its scores at the frozen copy: both trees have the
 * same shape, so indicators match by position. */
static gboolean
move_to_frozen (RhDatabase *db, RhAssessment *a, const RhTemplate *t, const RhTemplate *frozen,
                GError **error)
{
  GHashTable *moved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) score_free);
  sqlite3_stmt *stmt;

  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *from = t->categories->pdata[c];
      RhCategory *to = frozen->categories->pdata[c];

      for (guint i = 0; i < from->indicators->len; i++)
        {
          RhIndicator *old = from->indicators->pdata[i];
          RhIndicator *new = to->indicators->pdata[i];
          RhScore *s = NULL;
          gpointer old_key = NULL;

          if (g_hash_table_steal_extended (a->scores, &old->id, &old_key, (gpointer *) &s))
            {
              g_free (old_key);
              g_hash_table_insert (moved, g_memdup2 (&new->id, sizeof new->id), s);
            }
        }
    }
  g_hash_table_unref (a->scores);
  a->scores = moved;
  a->template_id = frozen->id;

  stmt = rh_database_prepare (db, "DELETE FROM assessment_score WHERE assessment_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  return sqlite3_step (stmt) == SQLITE_DONE || rh_database_set_error (db, error);
}

/* The star level each branch may keep under the five-star quota (org id →
 * level), from the whole period's results. */
static GHashTable *
quota_levels (RhDatabase *db, const char *period, GError **error)
{
  g_autoptr (GPtrArray) results = rh_assessment_score_all (db, period, error);
  GHashTable *levels;

  if (results == NULL)
    return NULL;
  levels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < results->len; i++)
    {
      RhScoreResult *r = results->pdata[i];
      g_hash_table_insert (levels, g_memdup2 (&r->org_id, sizeof r->org_id),
                           GINT_TO_POINTER (r->star_level));
    }
  return levels;
}

/* Finalising stores the result and points the assessment at a frozen copy
 * of its template, so that later edits of the template change nothing.
 * period_figures and period_levels are the period's automatic figures and
 * quota levels when the caller has read them, else NULL. */
static gboolean
finalise (RhDatabase *db, RhAssessment *a, GHashTable *period_figures,
          GHashTable *period_levels, GError **error)
{
  g_autoptr (RhTemplate) t = rh_template_load (db, a->template_id, error);
  g_autoptr (GHashTable) figures = period_figures != NULL ? g_hash_table_ref (period_figures)
                                                          : NULL;
  g_autoptr (GHashTable) levels = period_levels != NULL ? g_hash_table_ref (period_levels)
                                                        : NULL;
  g_autofree RhScore *scores = NULL;
  RhScoreResult r = { 0 };
  GString *stars = g_string_new (NULL);
  RhPeriod p;
  sqlite3_stmt *stmt;
  guint n;
  gboolean ok = FALSE;

  if (t == NULL || !rh_period_parse (a->period, &p, error))
    goto out;
  if (figures == NULL)
    figures = load_figures_of (db, &p, a->org_id, error);
  if (levels == NULL)
    levels = quota_levels (db, a->period, error);
  if (figures == NULL || levels == NULL)
    goto out;
  scores = scores_for (t, a, g_hash_table_lookup (figures, &a->org_id), &n);
  rh_score_compute (t, scores, n, a->business_score, a->review_score, &r);
  /* The quota may have taken the fifth star: the level is the period's. */
  if (r.star_level == 5 && !isnan (t->five_star_quota))
    {
      int allowed = GPOINTER_TO_INT (g_hash_table_lookup (levels, &a->org_id));
      if (allowed > 0)
        r.star_level = MIN (r.star_level, allowed);
    }
  /* Automatic figures are kept as they were on the day. */
  {
    guint k = 0;
    for (guint c = 0; c < t->categories->len; c++)
      {
        RhCategory *cat = t->categories->pdata[c];
        for (guint i = 0; i < cat->indicators->len; i++, k++)
          {
            RhIndicator *ind = cat->indicators->pdata[i];
            if (ind->source != RH_SOURCE_NONE && isnan (scores[k].committee_score))
              rh_assessment_score (a, ind->id)->self_score = scores[k].auto_score;
          }
      }
  }
  for (int s = 0; s < RH_N_STARS; s++)
    if (r.stars & (1u << s))
      g_string_append_printf (stars, "%s%s", stars->len ? ";" : "", rh_star_to_string (s));
  if (!t->frozen)
    {
      g_autoptr (RhTemplate) frozen = frozen_copy (db, t, error);

      if (frozen == NULL || !move_to_frozen (db, a, t, frozen, error))
        goto out;
      g_clear_pointer (&t, rh_template_free);
      t = g_steal_pointer (&frozen);
    }
  {
    SaveData data = { a, t };
    a->status = RH_ASSESSMENT_FINALISED;
    if (!write_assessment (db, &data, error))
      goto out;
  }
  stmt = rh_database_prepare (db, "UPDATE assessment SET party_score = ?1, total_score = ?2,"
                                  " grade = ?3, stars = ?4, star_level = ?5, vetoed = ?6,"
                                  " finalised_at = date ('now', 'localtime') WHERE id = ?7", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_double (stmt, 1, r.party);
  sqlite3_bind_double (stmt, 2, r.total);
  rh_sql_bind_text (stmt, 3, r.grade);
  rh_sql_bind_text (stmt, 4, stars->str);
  sqlite3_bind_int (stmt, 5, r.star_level);
  sqlite3_bind_int (stmt, 6, r.vetoed);
  sqlite3_bind_int64 (stmt, 7, a->id);
  ok = sqlite3_step (stmt) == SQLITE_DONE || rh_database_set_error (db, error);
out:
  g_free (r.grade);
  g_string_free (stars, TRUE);
  return ok;
}

typedef struct {
  RhAssessment      *a;
  RhAssessmentStatus status;
  const char        *reason;
} StatusData;

static gboolean
change_status (RhDatabase *db, gpointer data, GError **error)
{
  StatusData *d = data;
  sqlite3_stmt *stmt;

  if (d->status == RH_ASSESSMENT_FINALISED)
    return finalise (db, d->a, NULL, NULL, error);
  if (d->a->status == RH_ASSESSMENT_FINALISED)
    {
      /* Reopening: the stored result goes, the reason stays in the audit log. */
      stmt = rh_database_prepare (db, "INSERT INTO audit_log (table_name, row_id, action,"
                                      " old_values, new_values) VALUES ('assessment', ?1,"
                                      " 'update', json_object ('status', 'finalised'),"
                                      " json_object ('status', ?2, 'reason', ?3))", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, d->a->id);
      rh_sql_bind_text (stmt, 2, rh_assessment_status_to_string (d->status));
      rh_sql_bind_text (stmt, 3, d->reason);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rh_database_set_error (db, error);
    }
  stmt = rh_database_prepare (db, "UPDATE assessment SET status = ?1, party_score = NULL,"
                                  " total_score = NULL, grade = NULL, stars = NULL,"
                                  " star_level = NULL, vetoed = 0, finalised_at = NULL"
                                  " WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  rh_sql_bind_text (stmt, 1, rh_assessment_status_to_string (d->status));
  sqlite3_bind_int64 (stmt, 2, d->a->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rh_database_set_error (db, error);
  d->a->status = d->status;
  return TRUE;
}

gboolean
rh_assessment_set_status (RhDatabase *db, RhAssessment *a, RhAssessmentStatus status,
                          const char *reason, GError **error)
{
  StatusData data = { a, status, reason };

  if (a->id == 0)
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE, _("Save the assessment first"));
      return FALSE;
    }
  if (a->status == RH_ASSESSMENT_FINALISED && status != RH_ASSESSMENT_FINALISED
      && (reason == NULL || *reason == '\0'))
    {
      g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE,
                   _("Reopening a finalised assessment needs a reason"));
      return FALSE;
    }
  return rh_database_transaction (db, change_status, &data, error);
}

/* Reading a period's figures and quota levels costs as much as scoring every
 * branch, so a batch reads them once per period, before anything changes. */
typedef struct {
  GHashTable *figures;
  GHashTable *levels;
} PeriodData;

static void
period_data_free (PeriodData *d)
{
  g_clear_pointer (&d->figures, g_hash_table_unref);
  g_clear_pointer (&d->levels, g_hash_table_unref);
  g_free (d);
}

static gboolean
finalise_all (RhDatabase *db, gpointer data, GError **error)
{
  GPtrArray *assessments = data;
  g_autoptr (GHashTable) by_period = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) period_data_free);

  /* Refused before anything changes, in the database or in the assessments. */
  for (guint i = 0; i < assessments->len; i++)
    {
      RhAssessment *a = assessments->pdata[i];
      PeriodData *d;
      RhPeriod p;

      if (a->id == 0)
        {
          g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE, _("Save the assessment first"));
          return FALSE;
        }
      if (!rh_period_parse (a->period, &p, error))
        return FALSE;
      if (g_hash_table_contains (by_period, a->period))
        continue;
      d = g_new0 (PeriodData, 1);
      g_hash_table_insert (by_period, g_strdup (a->period), d);
      d->figures = load_figures (db, &p, NULL, NULL, error);
      d->levels = d->figures != NULL ? quota_levels (db, a->period, error) : NULL;
      if (d->levels == NULL)
        return FALSE;
    }
  for (guint i = 0; i < assessments->len; i++)
    {
      RhAssessment *a = assessments->pdata[i];
      PeriodData *d = g_hash_table_lookup (by_period, a->period);

      if (!finalise (db, a, d->figures, d->levels, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rh_assessment_finalise_all (RhDatabase *db, GPtrArray *assessments, GError **error)
{
  g_return_val_if_fail (assessments != NULL, FALSE);

  return rh_database_transaction (db, finalise_all, assessments, error);
}

/* Details: the effective score of each indicator and the share of each star. */

void
rh_assessment_detail_free (RhAssessmentDetail *d)
{
  if (d == NULL)
    return;
  rh_template_free (d->template);
  rh_assessment_free (d->assessment);
  g_array_unref (d->effective);
  g_free (d);
}

/* A finalised assessment's scores in template order, as stored. With `split_auto`, an
 * automatic indicator's stored self score (its figure on the day, see finalise) is given as
 * its automatic score instead. */
static RhScore *
stored_scores (const RhTemplate *t, RhAssessment *a, gboolean split_auto, guint *n)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (RhScore));

  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];
      for (guint i = 0; i < cat->indicators->len; i++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];
          RhScore *given = g_hash_table_lookup (a->scores, &ind->id);
          RhScore s = { NAN, NAN, NAN, NULL, NULL, NULL };

          if (given != NULL)
            {
              s.self_score = given->self_score;
              s.committee_score = given->committee_score;
            }
          if (split_auto && ind->source != RH_SOURCE_NONE)
            {
              s.auto_score = s.self_score;
              s.self_score = NAN;
            }
          g_array_append_val (out, s);
        }
    }
  *n = out->len;
  return (RhScore *) (gpointer) g_array_free (out, FALSE);
}

/* The scores in template order: as stored once finalised (automatic figures
 * were kept on the day), else with the period's automatic figures. */
static RhScore *
detail_scores (const RhTemplate *t, RhAssessment *a, GHashTable *figures, guint *n)
{
  if (a->status != RH_ASSESSMENT_FINALISED)
    return scores_for (t, a, figures != NULL ? g_hash_table_lookup (figures, &a->org_id) : NULL, n);
  return stored_scores (t, a, FALSE, n);
}

static void
detail_fill (const RhTemplate *t, const RhScore *scores, guint n, GArray *values,
             double share[RH_N_STARS])
{
  double points[RH_N_STARS] = { 0 }, max[RH_N_STARS] = { 0 };
  guint k = 0;

  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];
      for (guint i = 0; i < cat->indicators->len; i++, k++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];
          double v = effective (ind, k < n ? &scores[k] : NULL);
          if (values != NULL)
            g_array_append_val (values, v);
          if (ind->kind == RH_INDICATOR_BASIC && ind->star >= 0 && ind->star < RH_N_STARS)
            {
              points[ind->star] += v;
              max[ind->star] += ind->max_points;
            }
        }
    }
  for (int s = 0; s < RH_N_STARS; s++)
    share[s] = max[s] > 0 ? points[s] / max[s] : NAN;
}

RhAssessmentDetail *
rh_assessment_detail (RhDatabase *db, gint64 org_id, const char *period, GError **error)
{
  g_autoptr (RhAssessment) a = rh_assessment_load_or_new (db, org_id, period, error);
  g_autoptr (GHashTable) figures = NULL;
  g_autofree RhScore *scores = NULL;
  RhAssessmentDetail *d;
  RhTemplate *t;
  RhPeriod p;
  guint n;

  if (a == NULL || a->id == 0)
    return NULL;
  t = rh_template_load (db, a->template_id, error);
  if (t == NULL)
    return NULL;
  if (a->status != RH_ASSESSMENT_FINALISED)
    {
      if (!rh_period_parse (a->period, &p, error) || (figures = load_figures_of (db, &p, a->org_id, error)) == NULL)
        {
          rh_template_free (t);
          return NULL;
        }
    }
  scores = detail_scores (t, a, figures, &n);
  d = g_new0 (RhAssessmentDetail, 1);
  d->template = t;
  d->assessment = g_steal_pointer (&a);
  d->effective = g_array_new (FALSE, TRUE, sizeof (double));
  detail_fill (t, scores, n, d->effective, d->star_share);
  return d;
}

GHashTable *
rh_assessment_star_shares_all (RhDatabase *db, const char *period, GError **error)
{
  g_autoptr (GHashTable) out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GHashTable) templates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify) rh_template_free);
  g_autoptr (GHashTable) figures = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *canonical = NULL;
  gboolean open = FALSE;
  sqlite3_stmt *stmt;
  RhPeriod p;

  if (!rh_period_parse (period, &p, error))
    return NULL;
  canonical = rh_period_format (&p);
  stmt = rh_database_prepare (db, "SELECT a.org_id, a.status FROM assessment a JOIN organisation o"
                                  " ON o.id = a.org_id WHERE a.period = ?1 AND o.kind = 'branch'"
                                  " AND o.archived_date IS NULL", error);
  if (stmt == NULL)
    return NULL;
  rh_sql_bind_text (stmt, 1, canonical);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      open |= rh_assessment_status_from_string (rh_sql_text (stmt, 1)) != RH_ASSESSMENT_FINALISED;
    }
  sqlite3_reset (stmt);
  if (open && (figures = load_figures (db, &p, NULL, NULL, error)) == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr (RhAssessment) a = rh_assessment_load_or_new (db, id, canonical, error);
      g_autofree RhScore *scores = NULL;
      double *share;
      RhTemplate *t;
      guint n;

      if (a == NULL)
        return NULL;
      t = g_hash_table_lookup (templates, &a->template_id);
      if (t == NULL)
        {
          t = rh_template_load (db, a->template_id, error);
          if (t == NULL)
            return NULL;
          g_hash_table_insert (templates, g_memdup2 (&a->template_id, sizeof a->template_id), t);
        }
      scores = detail_scores (t, a, figures, &n);
      share = g_new (double, RH_N_STARS);
      detail_fill (t, scores, n, NULL, share);
      g_hash_table_insert (out, g_memdup2 (&id, sizeof id), share);
    }
  return g_steal_pointer (&out);
}

/* The working of each assessment, for exports: the same scores that
 * score_one and finalise use, kept per indicator. */

static void
score_detail_free (RhScoreDetail *d)
{
  rh_assessment_free (d->assessment);
  g_free (d->scores);
  g_free (d->effective);
  g_free (d->figures);
  g_free (d->result.grade);
  g_free (d);
}

void
rh_score_details_free (RhScoreDetails *d)
{
  if (d == NULL)
    return;
  g_hash_table_unref (d->branches);
  g_hash_table_unref (d->templates);
  g_clear_pointer (&d->compliance, g_ptr_array_unref);
  g_free (d);
}

static RhScoreDetail *
detail_for (RhDatabase *db, RhScoreDetails *out, gint64 org_id, const char *period,
            GHashTable *figures, GError **error)
{
  g_autoptr (RhAssessment) a = rh_assessment_load_or_new (db, org_id, period, error);
  RhScoreDetail *d;
  RhTemplate *t;
  const Figures *f;
  guint k = 0;

  if (a == NULL)
    return NULL;
  t = g_hash_table_lookup (out->templates, &a->template_id);
  if (t == NULL)
    {
      t = rh_template_load (db, a->template_id, error);
      if (t == NULL)
        return NULL;
      g_hash_table_insert (out->templates, g_memdup2 (&a->template_id, sizeof a->template_id), t);
    }
  f = g_hash_table_lookup (figures, &org_id);
  d = g_new0 (RhScoreDetail, 1);
  d->org_id = org_id;
  d->template_ = t;
  if (a->status == RH_ASSESSMENT_FINALISED)
    d->scores = stored_scores (t, a, TRUE, &d->n_scores);
  else
    d->scores = scores_for (t, a, f, &d->n_scores);
  d->effective = g_new0 (double, d->n_scores);
  d->figures = g_new0 (double, d->n_scores);
  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];
      for (guint i = 0; i < cat->indicators->len && k < d->n_scores; i++, k++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];
          d->effective[k] = effective (ind, &d->scores[k]);
          d->figures[k] = NAN;
          if (ind->source != RH_SOURCE_NONE && a->status != RH_ASSESSMENT_FINALISED
              && f != NULL)
            d->figures[k] = ind->source == RH_SOURCE_CASES
                              ? f->cases[MAX (ind->source_status, 0)]
                              : source_share (ind, f);
        }
    }
  rh_score_compute (t, d->scores, d->n_scores, a->business_score, a->review_score, &d->result);
  d->result.org_id = org_id;
  d->result.template_id = t->id;
  d->assessment = g_steal_pointer (&a);
  return d;
}

RhScoreDetails *
rh_assessment_details (RhDatabase *db, const char *period, gint64 org_id, GError **error)
{
  g_autoptr (RhScoreDetails) out = g_new0 (RhScoreDetails, 1);
  g_autoptr (GHashTable) figures = NULL;
  g_autoptr (GArray) orgs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *canonical = NULL;
  sqlite3_stmt *stmt;
  RhPeriod p;

  out->templates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) rh_template_free);
  out->branches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) score_detail_free);
  if (!rh_period_parse (period, &p, error))
    return NULL;
  canonical = rh_period_format (&p);
  figures = org_id != 0 ? load_figures_of (db, &p, org_id, error)
                        : load_figures (db, &p, NULL, &out->compliance, error);
  if (figures == NULL)
    return NULL;
  stmt = rh_database_prepare (db, "SELECT a.org_id FROM assessment a JOIN organisation o"
                                  " ON o.id = a.org_id WHERE a.period = ?1"
                                  " AND (?2 = 0 OR a.org_id = ?2)", error);
  if (stmt == NULL)
    return NULL;
  rh_sql_bind_text (stmt, 1, canonical);
  sqlite3_bind_int64 (stmt, 2, org_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (orgs, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < orgs->len; i++)
    {
      gint64 id = g_array_index (orgs, gint64, i);
      RhScoreDetail *d = detail_for (db, out, id, canonical, figures, error);
      if (d == NULL)
        return NULL;
      g_hash_table_insert (out->branches, g_memdup2 (&id, sizeof id), d);
    }
  return g_steal_pointer (&out);
}
