/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "rh-assessment.h"
#include "rh-chart-data.h"
#include "rh-compliance.h"
#include "rh-org.h"
#include "rh-points.h"

static const char *const kind_names[RH_N_CHART_KINDS] = {
  "radar", "ranking", "quadrant", "trend", "compliance", "stars", "points",
};

const char *
rh_chart_kind_to_string (RhChartKind kind)
{
  return kind < RH_N_CHART_KINDS ? kind_names[kind] : NULL;
}

int
rh_chart_kind_from_string (const char *s)
{
  for (int i = 0; i < RH_N_CHART_KINDS; i++)
    if (g_strcmp0 (s, kind_names[i]) == 0)
      return i;
  return -1;
}

const char *
rh_chart_kind_label (RhChartKind kind)
{
  switch (kind)
    {
    case RH_CHART_RADAR: return _("Five-star radar");
    case RH_CHART_RANKING: return _("Ranking of branches");
    case RH_CHART_QUADRANT: return _("Integration quadrant");
    case RH_CHART_TREND: return _("Score trend");
    case RH_CHART_COMPLIANCE: return _("Compliance heatmap");
    case RH_CHART_STARS: return _("Star distribution");
    case RH_CHART_POINTS: return _("Member points ranking");
    default: return "";
    }
}

gboolean
rh_chart_kind_needs_branch (RhChartKind kind)
{
  return kind == RH_CHART_RADAR || kind == RH_CHART_TREND || kind == RH_CHART_POINTS;
}

void
rh_chart_kind_size (RhChartKind kind, double *width, double *height)
{
  *width = 520;
  *height = kind == RH_CHART_RANKING || kind == RH_CHART_POINTS ? 640
            : kind == RH_CHART_QUADRANT || kind == RH_CHART_RADAR ? 500 : 380;
}

int
rh_chart_format_for_path (const char *path, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path != NULL ? path : "", -1);

  if (g_str_has_suffix (lower, ".pdf"))
    return RH_CHART_FORMAT_PDF;
  if (g_str_has_suffix (lower, ".png"))
    return RH_CHART_FORMAT_PNG;
  if (g_str_has_suffix (lower, ".svg"))
    return RH_CHART_FORMAT_SVG;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s”: the file name must end in .pdf, .png or .svg"), path != NULL ? path : "");
  return -1;
}

struct _RhChartModel {
  RhChartKind kind;
  char       *title;
  char       *organisation;
  char       *period;
  char       *source;
  char       *font;         /* NULL: RH_CHART_FONT */
  /* Strings the data points at. */
  GPtrArray  *strings;
  /* Radar. */
  double      radar[3][RH_N_STARS];
  guint       n_series;
  char       *series_names[3];
  /* Ranking, points. */
  GArray     *bars;         /* RhChartBar */
  GPtrArray  *groups;       /* char * */
  double      max_value;
  /* Quadrant. */
  GArray     *points;       /* RhChartPoint */
  double      party_cut, business_cut;
  double      party_median, business_median;
  RhChartPoint previous;     /* the chosen branch in the previous period; name NULL: none */
  char       *quadrant_source;
  /* Trend. */
  GArray     *trend;        /* RhChartTrendPoint */
  /* Heatmap. */
  GPtrArray  *rows, *columns;
  GArray     *cells;        /* RhChartCell */
  GArray     *spans;        /* guint */
  /* Stars. */
  guint       counts[5];
  double      quota;
};

void
rh_chart_model_free (RhChartModel *m)
{
  if (m == NULL)
    return;
  g_free (m->title);
  g_free (m->organisation);
  g_free (m->period);
  g_free (m->source);
  g_free (m->quadrant_source);
  g_free (m->font);
  for (int i = 0; i < 3; i++)
    g_free (m->series_names[i]);
  g_clear_pointer (&m->strings, g_ptr_array_unref);
  g_clear_pointer (&m->bars, g_array_unref);
  g_clear_pointer (&m->groups, g_ptr_array_unref);
  g_clear_pointer (&m->points, g_array_unref);
  g_clear_pointer (&m->trend, g_array_unref);
  g_clear_pointer (&m->rows, g_ptr_array_unref);
  g_clear_pointer (&m->columns, g_ptr_array_unref);
  g_clear_pointer (&m->cells, g_array_unref);
  g_clear_pointer (&m->spans, g_array_unref);
  g_free (m);
}

RhChartKind
rh_chart_model_get_kind (RhChartModel *m)
{
  return m->kind;
}

void
rh_chart_model_set_cuts (RhChartModel *m, double party, double business)
{
  m->party_cut = isnan (party) ? m->party_median : party;
  m->business_cut = isnan (business) ? m->business_median : business;
}

void
rh_chart_model_set_font (RhChartModel *m, const char *font_family)
{
  g_free (m->font);
  m->font = g_strdup (font_family);
}

/* A string kept as long as the model. */
static const char *
keep (RhChartModel *m, char *s)
{
  g_ptr_array_add (m->strings, s);
  return s;
}

char *
rh_chart_committee_name (RhDatabase *db)
{
  char *name = rh_org_root_name (db);

  return name != NULL ? name : g_strdup ("");
}

/* The name of a branch; NULL when the id is not an active branch's. */
static char *
branch_name (RhDatabase *db, gint64 id)
{
  g_autoptr (RhOrg) org = id != 0 ? rh_org_load (db, id, NULL) : NULL;

  return org != NULL && org->kind == RH_ORG_BRANCH && org->archived_date == NULL
           ? g_strdup (org->name) : NULL;
}

/* The period before: the year, quarter or month before. */
static void
previous_period (const RhPeriod *p, RhPeriod *out)
{
  if (p->kind == RH_PERIOD_YEAR)
    rh_period_init (out, RH_PERIOD_YEAR, p->year - 1, 0);
  else if (p->kind == RH_PERIOD_QUARTER)
    rh_period_init (out, RH_PERIOD_QUARTER, p->index == 1 ? p->year - 1 : p->year,
                    p->index == 1 ? 4 : p->index - 1);
  else
    rh_period_init (out, RH_PERIOD_MONTH, p->index == 1 ? p->year - 1 : p->year,
                    p->index == 1 ? 12 : p->index - 1);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return NAN;
  g_array_sort (values, compare_doubles);
  return n % 2 ? g_array_index (values, double, n / 2)
               : (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

/* The grades of the template most branches were assessed with, best first. */
static RhTemplate *
main_template (RhDatabase *db, GPtrArray *results)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 best = 0;
  guint best_n = 0;

  for (guint i = 0; i < results->len; i++)
    {
      RhScoreResult *r = results->pdata[i];
      guint n;
      if (r->assessment_id == 0)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &r->template_id)) + 1;
      g_hash_table_insert (counts, g_memdup2 (&r->template_id, sizeof (gint64)), GUINT_TO_POINTER (n));
      if (n > best_n)
        {
          best_n = n;
          best = r->template_id;
        }
    }
  return best != 0 ? rh_template_load (db, best, NULL) : NULL;
}

static int
grade_index (RhTemplate *t, const char *grade)
{
  for (guint g = 0; t != NULL && g < t->grades->len; g++)
    if (g_strcmp0 (g_array_index (t->grades, RhGrade, g).label, grade) == 0)
      return (int) g;
  return -1;
}

/* A grade of another template counts as the main template's grade at the same level (优秀 with
 * 好 when both are the top grade), so colours always run from best to worst; the legend shows
 * both labels. Returns -1 for no grade. */
static int
grade_level (RhChartModel *m, RhDatabase *db, RhTemplate *main, GHashTable *templates,
             const RhScoreResult *r)
{
  RhTemplate *own;
  int level = grade_index (main, r->grade);
  g_auto (GStrv) shown = NULL;

  if (level >= 0 || r->grade == NULL || main == NULL || main->grades->len == 0)
    return level;
  own = g_hash_table_lookup (templates, &r->template_id);
  if (own == NULL)
    {
      own = rh_template_load (db, r->template_id, NULL);
      if (own == NULL)
        return -1;
      g_hash_table_insert (templates, g_memdup2 (&r->template_id, sizeof (gint64)), own);
    }
  level = MIN (MAX (grade_index (own, r->grade), 0), (int) main->grades->len - 1);
  shown = g_strsplit (m->groups->pdata[level], " / ", -1);
  if (!g_strv_contains ((const char *const *) shown, r->grade))
    {
      char *label = m->groups->pdata[level];
      m->groups->pdata[level] = g_strdup_printf ("%s / %s", label, r->grade);
      g_free (label);
    }
  return level;
}

static gboolean
load_ranking (RhChartModel *m, RhDatabase *db, const char *period, gint64 branch,
              GPtrArray *given, GError **error)
{
  g_autoptr (GPtrArray) results = given != NULL ? g_ptr_array_ref (given)
                                                : rh_assessment_score_all (db, period, error);
  g_autoptr (RhTemplate) t = NULL;
  g_autoptr (GHashTable) templates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify) rh_template_free);
  g_autoptr (GArray) party = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) business = g_array_new (FALSE, FALSE, sizeof (double));
  guint assessed = 0, finalised = 0;

  if (results == NULL)
    return FALSE;
  t = main_template (db, results);
  for (guint g = 0; t != NULL && g < t->grades->len; g++)
    g_ptr_array_add (m->groups, g_strdup (g_array_index (t->grades, RhGrade, g).label));
  m->quota = t != NULL ? t->five_star_quota : NAN;
  m->max_value = 100;
  for (guint i = 0; i < results->len; i++)
    {
      RhScoreResult *r = results->pdata[i];
      RhChartBar bar = { 0 };
      RhChartPoint pt = { 0 };

      if (r->assessment_id == 0)
        continue;
      assessed++;
      finalised += r->status == RH_ASSESSMENT_FINALISED;
      bar.name = keep (m, g_strdup (r->org_name));
      bar.value = r->total;
      bar.group = grade_level (m, db, t, templates, r);
      bar.stars = r->star_level;
      bar.highlight = r->org_id == branch;
      m->max_value = MAX (m->max_value, r->total);
      g_array_append_val (m->bars, bar);
      if (r->star_level >= 1 && r->star_level <= 5)
        m->counts[r->star_level - 1]++;
      pt.name = bar.name;
      pt.party = r->party;
      pt.business = r->business;
      pt.highlight = bar.highlight;
      g_array_append_val (m->points, pt);
      if (!isnan (r->party) && !isnan (r->business))
        {
          g_array_append_val (party, r->party);
          g_array_append_val (business, r->business);
        }
    }
  /* Where the chosen branch stood in the previous period, for the quadrant. */
  if (branch != 0 && m->kind == RH_CHART_QUADRANT)
    {
      RhPeriod p, prev;
      g_autofree char *prev_text = NULL;
      g_autoptr (GPtrArray) before = NULL;

      if (rh_period_parse (period, &p, NULL))
        {
          previous_period (&p, &prev);
          prev_text = rh_period_format (&prev);
          before = rh_assessment_score_all (db, prev_text, NULL);
        }
      for (guint i = 0; before != NULL && i < before->len; i++)
        {
          RhScoreResult *r = before->pdata[i];
          if (r->org_id == branch && r->assessment_id != 0 && !isnan (r->party)
              && !isnan (r->business))
            m->previous = (RhChartPoint) { keep (m, g_strdup (prev_text)), r->party, r->business,
                                           FALSE };
        }
    }
  m->party_cut = m->party_median = median (party);
  m->business_cut = m->business_median = median (business);
  g_free (m->source);
  /* TRANSLATORS: the source line under a chart. */
  m->source = g_strdup_printf (_("Source: Ronghe assessment records · %u branches assessed, %u "
                                 "finalised"), assessed, finalised);
  return TRUE;
}

static gboolean
load_radar (RhChartModel *m, RhDatabase *db, const char *period, gint64 branch, GError **error)
{
  g_autoptr (RhAssessmentDetail) d = NULL;
  g_autoptr (RhAssessmentDetail) before = NULL;
  g_autoptr (GHashTable) all = NULL;
  GHashTableIter iter;
  gpointer value;
  double sum[RH_N_STARS] = { 0 };
  guint n[RH_N_STARS] = { 0 };
  RhPeriod p, prev;
  g_autofree char *prev_text = NULL;
  GError *local = NULL;

  if (!rh_period_parse (period, &p, error))
    return FALSE;
  d = rh_assessment_detail (db, branch, period, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  all = rh_assessment_star_shares_all (db, period, error);
  if (all == NULL)
    return FALSE;
  previous_period (&p, &prev);
  prev_text = rh_period_format (&prev);
  before = rh_assessment_detail (db, branch, prev_text, NULL);

  for (int s = 0; s < RH_N_STARS; s++)
    m->radar[0][s] = d != NULL ? d->star_share[s] : NAN;
  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    for (int s = 0; s < RH_N_STARS; s++)
      if (!isnan (((double *) value)[s]))
        {
          sum[s] += ((double *) value)[s];
          n[s]++;
        }
  for (int s = 0; s < RH_N_STARS; s++)
    m->radar[1][s] = n[s] > 0 ? sum[s] / n[s] : NAN;
  m->series_names[0] = g_strdup (m->organisation);
  m->series_names[1] = g_strdup (_("Committee average"));
  m->n_series = 2;
  if (before != NULL)
    {
      for (int s = 0; s < RH_N_STARS; s++)
        m->radar[2][s] = before->star_share[s];
      /* TRANSLATORS: the radar's series for the previous period, e.g. "2024". */
      m->series_names[2] = g_strdup_printf (_("Previous period (%s)"), prev_text);
      m->n_series = 3;
    }
  m->source = g_strdup_printf (_("Source: Ronghe assessment records · share of each star's "
                                 "points, %u branches in the average"),
                               g_hash_table_size (all));
  return TRUE;
}

static gboolean
load_trend (RhChartModel *m, RhDatabase *db, const char *period, gint64 branch, GError **error)
{
  RhPeriod p;
  int count;

  if (!rh_period_parse (period, &p, error))
    return FALSE;
  count = p.kind == RH_PERIOD_YEAR ? 5 : p.kind == RH_PERIOD_QUARTER ? 8 : 12;
  g_array_set_size (m->trend, count);
  for (int i = count - 1; i >= 0; i--)
    {
      RhChartTrendPoint *tp = &g_array_index (m->trend, RhChartTrendPoint, i);
      g_autoptr (GPtrArray) results = NULL;
      double sum = 0;
      guint n = 0;

      tp->label = keep (m, rh_period_format (&p));
      tp->value = tp->average = NAN;
      results = rh_assessment_score_all (db, tp->label, error);
      if (results == NULL)
        return FALSE;
      for (guint k = 0; k < results->len; k++)
        {
          RhScoreResult *r = results->pdata[k];
          if (r->assessment_id == 0)
            continue;
          sum += r->total;
          n++;
          if (r->org_id == branch)
            tp->value = r->total;
        }
      tp->average = n > 0 ? sum / n : NAN;
      {
        RhPeriod before = p;
        previous_period (&before, &p);
      }
    }
  m->source = g_strdup (_("Source: Ronghe assessment records · the average is over the branches "
                          "assessed in each period"));
  return TRUE;
}

static RhChartCell
unit_cell (const RhComplianceUnit *u)
{
  switch (u->state)
    {
    case RH_UNIT_MET: return RH_CHART_CELL_MET;
    case RH_UNIT_MISSED: return u->held > 0 ? RH_CHART_CELL_PARTIAL : RH_CHART_CELL_MISSED;
    case RH_UNIT_PENDING: return RH_CHART_CELL_PENDING;
    default: return RH_CHART_CELL_NONE;
    }
}

/* The unit of a kind that covers a month, or NULL. */
static const RhComplianceUnit *
unit_for (const RhComplianceKind *k, const RhPeriod *month)
{
  for (guint u = 0; k->applicable && k->units != NULL && u < k->units->len; u++)
    {
      const RhComplianceUnit *unit = &g_array_index (k->units, RhComplianceUnit, u);
      if (strcmp (unit->period.first, month->first) <= 0 && strcmp (month->first, unit->period.last) <= 0)
        return unit;
    }
  return NULL;
}

static int
compare_rates (gconstpointer a, gconstpointer b)
{
  const RhCompliance *x = *(RhCompliance *const *) a, *y = *(RhCompliance *const *) b;
  double rx = x->rate < 0 ? 2 : x->rate, ry = y->rate < 0 ? 2 : y->rate;
  return rx < ry ? -1 : rx > ry ? 1 : g_strcmp0 (x->org_name, y->org_name);
}

static gboolean
load_compliance (RhChartModel *m, RhDatabase *db, const char *period, gint64 branch, GError **error)
{
  g_autoptr (GArray) months = NULL;
  RhPeriod p;

  if (!rh_period_parse (period, &p, error))
    return FALSE;
  months = rh_period_split (&p, RH_PERIOD_MONTH);
  if (months->len == 0)
    g_array_append_val (months, p);
  for (guint c = 0; c < months->len; c++)
    {
      RhPeriod *mp = &g_array_index (months, RhPeriod, c);
      /* TRANSLATORS: a month's column of the heatmap, e.g. "7月". */
      g_ptr_array_add (m->columns, g_strdup_printf (_("%d/%02d"), mp->year % 100, mp->index));
    }
  if (branch != 0)
    {
      g_autoptr (RhCompliance) c = rh_compliance_compute (db, branch, &p, NULL, error);
      if (c == NULL)
        return FALSE;
      for (int k = 0; k < RH_N_MEETING_KINDS; k++)
        {
          if (!c->kinds[k].applicable)
            continue;
          const RhComplianceUnit *previous = NULL;
          guint start = 0;

          g_ptr_array_add (m->rows, g_strdup (rh_meeting_kind_label (k)));
          for (guint col = 0; col < months->len; col++)
            {
              const RhComplianceUnit *u = unit_for (&c->kinds[k], &g_array_index (months, RhPeriod, col));
              RhChartCell cell = u != NULL ? unit_cell (u) : RH_CHART_CELL_NONE;
              guint one = 1, none = 0;

              g_array_append_val (m->cells, cell);
              /* A quarter's or a year's unit is one cell across its months. */
              if (u != NULL && u == previous)
                {
                  g_array_index (m->spans, guint, start)++;
                  g_array_append_val (m->spans, none);
                }
              else
                {
                  start = m->spans->len;
                  g_array_append_val (m->spans, one);
                }
              previous = u;
            }
        }
      m->source = g_strdup_printf (_("Source: Ronghe meeting records · %d of %d required units met"),
                                   c->met, c->required);
    }
  else
    {
      g_autoptr (GPtrArray) all = rh_compliance_compute_all (db, &p, NULL, error);
      if (all == NULL)
        return FALSE;
      g_ptr_array_sort (all, compare_rates);
      for (guint i = 0; i < all->len; i++)
        {
          RhCompliance *c = all->pdata[i];
          g_ptr_array_add (m->rows, g_strdup (c->org_name));
          for (guint col = 0; col < months->len; col++)
            {
              guint met = 0, missed = 0, pending = 0;
              RhChartCell cell = RH_CHART_CELL_NONE;
              for (int k = 0; k < RH_N_MEETING_KINDS; k++)
                {
                  const RhComplianceUnit *u = unit_for (&c->kinds[k], &g_array_index (months, RhPeriod, col));
                  if (u == NULL)
                    continue;
                  met += u->state == RH_UNIT_MET;
                  missed += u->state == RH_UNIT_MISSED;
                  pending += u->state == RH_UNIT_PENDING;
                }
              if (met + missed > 0)
                cell = missed == 0 ? RH_CHART_CELL_MET : met == 0 ? RH_CHART_CELL_MISSED
                                                                  : RH_CHART_CELL_PARTIAL;
              else if (pending > 0)
                cell = RH_CHART_CELL_PENDING;
              g_array_append_val (m->cells, cell);
              {
                guint one = 1;
                g_array_append_val (m->spans, one);
              }
            }
        }
      m->source = g_strdup (_("Source: Ronghe meeting records · branches with the lowest "
                              "compliance first"));
    }
  return TRUE;
}

static gboolean
load_points (RhChartModel *m, RhDatabase *db, const char *period, gint64 branch, GError **error)
{
  g_autoptr (GPtrArray) points = NULL;
  RhPeriod p;

  if (!rh_period_parse (period, &p, error))
    return FALSE;
  points = rh_points_for_branch (db, branch, &p, error);
  if (points == NULL)
    return FALSE;
  for (guint i = 0; i < points->len; i++)
    {
      RhPoints *pt = points->pdata[i];
      RhChartBar bar = { 0 };
      int group = -1;

      for (guint g = 0; g < m->groups->len && group < 0; g++)
        if (g_strcmp0 (m->groups->pdata[g], pt->level) == 0)
          group = (int) g;
      if (group < 0 && pt->level != NULL)
        {
          g_ptr_array_add (m->groups, g_strdup (pt->level));
          group = (int) m->groups->len - 1;
        }
      bar.name = keep (m, g_strdup (pt->name));
      bar.value = pt->total;
      bar.group = group;
      g_array_append_val (m->bars, bar);
    }
  m->source = g_strdup (_("Source: Ronghe member points · base points plus points earned in the "
                          "period"));
  return TRUE;
}

RhChartModel *
rh_chart_model_load (RhDatabase *db, RhChartKind kind, const char *period, gint64 branch_id,
                     GError **error)
{
  return rh_chart_model_load_with_results (db, kind, period, branch_id, NULL, error);
}

RhChartModel *
rh_chart_model_load_with_results (RhDatabase *db, RhChartKind kind, const char *period,
                                  gint64 branch_id, GPtrArray *results, GError **error)
{
  g_autoptr (RhChartModel) m = g_new0 (RhChartModel, 1);
  RhPeriod p;
  gboolean ok;

  g_return_val_if_fail (kind < RH_N_CHART_KINDS, NULL);
  if (!rh_period_parse (period, &p, error))
    return NULL;
  m->kind = kind;
  m->period = rh_period_format (&p);
  m->title = g_strdup (rh_chart_kind_label (kind));
  m->strings = g_ptr_array_new_with_free_func (g_free);
  m->bars = g_array_new (FALSE, TRUE, sizeof (RhChartBar));
  m->groups = g_ptr_array_new_with_free_func (g_free);
  m->points = g_array_new (FALSE, TRUE, sizeof (RhChartPoint));
  m->trend = g_array_new (FALSE, TRUE, sizeof (RhChartTrendPoint));
  m->rows = g_ptr_array_new_with_free_func (g_free);
  m->columns = g_ptr_array_new_with_free_func (g_free);
  m->cells = g_array_new (FALSE, TRUE, sizeof (RhChartCell));
  m->spans = g_array_new (FALSE, TRUE, sizeof (guint));
  m->quota = NAN;
  if (branch_id != 0)
    {
      m->organisation = branch_name (db, branch_id);
      if (m->organisation == NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, branch_id);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("There is no active party branch with id %s"), id);
          return NULL;
        }
    }
  else if (rh_chart_kind_needs_branch (kind))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The chart “%s” is about one branch: choose a branch"),
                   rh_chart_kind_to_string (kind));
      return NULL;
    }
  if (branch_id == 0 || !rh_chart_kind_needs_branch (kind))
    {
      g_autofree char *branch = g_steal_pointer (&m->organisation);
      g_autofree char *committee = rh_chart_committee_name (db);
      m->organisation = g_steal_pointer (&committee);
    }

  switch (kind)
    {
    case RH_CHART_RADAR: ok = load_radar (m, db, m->period, branch_id, error); break;
    case RH_CHART_TREND: ok = load_trend (m, db, m->period, branch_id, error); break;
    case RH_CHART_COMPLIANCE: ok = load_compliance (m, db, m->period, branch_id, error); break;
    case RH_CHART_POINTS: ok = load_points (m, db, m->period, branch_id, error); break;
    default: ok = load_ranking (m, db, m->period, branch_id, results, error); break;
    }
  if (!ok)
    return NULL;
  if (kind == RH_CHART_COMPLIANCE && branch_id != 0)
    {
      g_autofree char *name = branch_name (db, branch_id);
      g_free (m->organisation);
      m->organisation = g_steal_pointer (&name);
    }
  return g_steal_pointer (&m);
}

const char *
rh_chart_model_draw (RhChartModel *m, cairo_t *cr, double width, double height, gboolean dark)
{
  RhChartInfo info = { m->title, m->organisation, m->period, m->source, m->font, dark };
  const char *star_axes[RH_N_STARS];
  RhChartSeries series[3];

  switch (m->kind)
    {
    case RH_CHART_RADAR:
      for (int s = 0; s < RH_N_STARS; s++)
        star_axes[s] = rh_star_label (s);
      for (guint s = 0; s < m->n_series; s++)
        series[s] = (RhChartSeries) { m->series_names[s], m->radar[s] };
      return rh_chart_radar (cr, width, height, &info, star_axes, RH_N_STARS, series, m->n_series);
    case RH_CHART_RANKING:
      return rh_chart_ranking (cr, width, height, &info, (RhChartBar *) (gpointer) m->bars->data,
                               m->bars->len, (const char *const *) m->groups->pdata, m->groups->len,
                               m->max_value);
    case RH_CHART_QUADRANT:
      g_free (m->quadrant_source);
      m->quadrant_source = g_strdup_printf ("%s · %s", m->source,
                                            m->party_cut == m->party_median
                                                && m->business_cut == m->business_median
                                              ? _("lines at the medians")
                                              : _("lines at the configured cut-offs"));
      info.source = m->quadrant_source;
      return rh_chart_quadrant (cr, width, height, &info, (RhChartPoint *) (gpointer) m->points->data,
                                m->points->len, m->party_cut, m->business_cut,
                                m->previous.name != NULL ? &m->previous : NULL);
    case RH_CHART_TREND:
      return rh_chart_trend (cr, width, height, &info, (RhChartTrendPoint *) (gpointer) m->trend->data,
                             m->trend->len, 100);
    case RH_CHART_COMPLIANCE:
      return rh_chart_heatmap (cr, width, height, &info, (const char *const *) m->rows->pdata,
                               m->rows->len, (const char *const *) m->columns->pdata,
                               m->columns->len, (RhChartCell *) (gpointer) m->cells->data,
                               (guint *) (gpointer) m->spans->data);
    case RH_CHART_STARS:
      return rh_chart_stars (cr, width, height, &info, m->counts, m->quota);
    case RH_CHART_POINTS:
      return rh_chart_points (cr, width, height, &info, (RhChartBar *) (gpointer) m->bars->data,
                              m->bars->len, (const char *const *) m->groups->pdata, m->groups->len);
    default:
      return NULL;
    }
}

char *
rh_chart_temp_sibling (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s-XXXXXX", base);
  char *tmp = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp (tmp);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write in “%s”: %s"),
                   dir, g_strerror (saved));
      g_free (tmp);
      return NULL;
    }
  close (fd);
  return tmp;
}

gboolean
rh_chart_commit (const char *tmp, const char *path, GError **error)
{
  mode_t mask = umask (0);

  /* mkstemp made it private: give it the mode a new file would have. */
  umask (mask);
  g_chmod (tmp, 0666 & ~mask);
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot write “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
rh_chart_model_save (RhChartModel *m, const char *path, RhChartFormat format, double width,
                     double height, double dpi, GError **error)
{
  g_autofree char *tmp = rh_chart_temp_sibling (path, error);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (tmp == NULL)
    return FALSE;
  if (!(width >= 50 && width <= 10000 && height >= 50 && height <= 10000 && dpi >= 30 && dpi <= 1200))
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The size must be between 50 and 10000 points and the resolution between "
                     "30 and 1200 dpi"));
      return FALSE;
    }
  if (format == RH_CHART_FORMAT_PDF)
    surface = cairo_pdf_surface_create (tmp, width, height);
  else if (format == RH_CHART_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create (tmp, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
    }
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * dpi / 72),
                                          (int) ceil (height * dpi / 72));
  cr = cairo_create (surface);
  if (format == RH_CHART_FORMAT_PNG)
    cairo_scale (cr, dpi / 72, dpi / 72);
  if (format == RH_CHART_FORMAT_PDF)
    {
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", m->title, m->organisation, m->period);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Ronghe");
    }
  rh_chart_model_draw (m, cr, width, height, FALSE);
  cairo_destroy (cr);
  if (format == RH_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, tmp);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return rh_chart_commit (tmp, path, error);
}
