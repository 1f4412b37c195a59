/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The assessment workbook: a summary of every branch, one 考核细则 sheet per
 * branch, and the period's 三会一课, central tasks, cases and member points.
 * Totals, subtotals and ranks are formulas so that the committee can audit
 * them; each carries core's number as its cached value. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include "rh-assessment.h"
#include "rh-case.h"
#include "rh-compliance.h"
#include "rh-org.h"
#include "rh-points.h"
#include "rh-sql.h"
#include "rh-task.h"
#include "rh-types.h"
#include "rh-xlsx-util.h"

/* Radar charts on branch sheets only while there are few sheets: thousands
 * of charts would make the workbook slow to open and add nothing. */
#define RH_RADAR_MAX_BRANCHES 100
/* The summary's bar chart shows the best branches. */
#define RH_BAR_MAX_BRANCHES 30
/* libxlsxwriter 1.1.4 refuses validation lists longer than this. */
#define RH_VALIDATION_LIST_MAX 255

enum { COL_CAT, COL_NAME, COL_STANDARD, COL_NOTE, COL_MAX, COL_SELF, COL_SCORE, COL_REMARK,
       N_BRANCH_COLS };
enum { S_NO, S_BRANCH, S_SECRETARY, S_PARTY, S_BUSINESS, S_TOTAL, S_GRADE, S_STARS, S_RANK,
       S_CHANGE, N_SUMMARY_COLS };

/* Where a branch sheet keeps its results, for the summary's references. */
typedef struct {
  char     *sheet;    /* quoted for formulas */
  lxw_row_t party_row, business_row, total_row, grade_row;
} BranchCells;

static void
branch_cells_free (BranchCells *b)
{
  g_free (b->sheet);
  g_free (b);
}

typedef struct {
  RhDatabase     *db;
  RhXlsx         *x;
  const char     *period;
  char           *period_label;
  char           *committee;
  GPtrArray      *results;      /* RhScoreResult in scope, best first */
  guint           assessed;
  RhScoreDetails *details;
  GHashTable     *cells;        /* org id → BranchCells, of the branches with a sheet */
  GHashTable     *secretaries;  /* org id → the secretary's name */
  guint           n_branch_sheets;
  gint            stop;         /* atomic: the other side of the export failed */
  GHashTable     *in_scope;     /* org id set */
  GHashTable     *points;       /* org id → BranchPoints, for the whole committee */
  GPtrArray      *compliance;   /* RhCompliance of every branch, for the 三会一课 sheet */
  GPtrArray      *tasks;        /* RhTask of the period */
  GPtrArray      *cases;        /* RhCase of the year */
  lxw_format     *veto;
} Job;

static char *
join_stars (guint stars)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < RH_N_STARS; i++)
    if (stars & (1u << i))
      g_string_append_printf (s, "%s%s", s->len ? C_("list separator", ", ") : "",
                              rh_star_label (i));
  return g_string_free (s, FALSE);
}

static char *
percent_text (double share)
{
  return g_strdup_printf ("%.1f%%", share * 100);
}

/* What the remark column says about an indicator. */
static char *
remark_for (const RhIndicator *ind, const RhScore *given, const RhScore *s, double figure)
{
  GString *out = g_string_new (NULL);

  if (ind->source != RH_SOURCE_NONE)
    {
      if (!isnan (figure))
        {
          g_autofree char *value = ind->source == RH_SOURCE_CASES
                                     ? g_strdup_printf ("%g", figure) : percent_text (figure);
          /* TRANSLATORS: an automatic indicator's source and its figure, e.g. 三会一课完成率：87.5% */
          g_string_append_printf (out, _("Automatic: %s %s"), rh_source_label (ind->source), value);
        }
      else
        g_string_append_printf (out, _("Automatic: %s (as finalised)"),
                                rh_source_label (ind->source));
      if (!isnan (s->committee_score) && given != NULL && given->override_reason != NULL)
        g_string_append_printf (out, "\n%s%s", _("Overridden: "), given->override_reason);
    }
  if (given != NULL && given->comment != NULL && *given->comment)
    g_string_append_printf (out, "%s%s", out->len ? "\n" : "", given->comment);
  return g_string_free (out, FALSE);
}

typedef struct {
  lxw_row_t first, last;   /* the rows of one group, inclusive */
  double    max, self, score;
  gboolean  any_self;
} Rows;

/* Writes the indicators of one kind in a category; returns how many. */
static guint
write_indicators (Job *job, RhXlsxSheet *s, lxw_row_t *row, RhScoreDetail *d, RhCategory *cat,
                  guint first_index, RhIndicatorKind kind, Rows *rows)
{
  RhXlsx *x = job->x;
  lxw_row_t start = *row;
  guint n = 0;

  for (guint i = 0; i < cat->indicators->len; i++)
    {
      RhIndicator *ind = cat->indicators->pdata[i];
      guint k = first_index + i;
      const RhScore *sc;
      RhScore *given;
      g_autofree char *name = NULL;
      g_autofree char *remark = NULL;

      if (ind->kind != kind || k >= d->n_scores)
        continue;
      sc = &d->scores[k];
      given = g_hash_table_lookup (d->assessment->scores, &ind->id);
      name = ind->code != NULL && *ind->code ? g_strconcat (ind->code, " ", ind->name, NULL)
                                             : g_strdup (ind->name);
      remark = remark_for (ind, given, sc, d->figures[k]);
      rh_xlsx_sheet_text (s, *row, COL_NAME, name, x->wrap);
      rh_xlsx_sheet_text (s, *row, COL_STANDARD, ind->standard, x->wrap);
      rh_xlsx_sheet_text (s, *row, COL_NOTE, ind->scoring_note, x->wrap);
      rh_xlsx_sheet_number (s, *row, COL_MAX, ind->max_points, x->number);
      rh_xlsx_sheet_maybe (s, *row, COL_SELF, sc->self_score, x->number);
      rh_xlsx_sheet_number (s, *row, COL_SCORE, d->effective[k], x->number);
      rh_xlsx_sheet_text (s, *row, COL_REMARK, remark, x->wrap);
      rows->max += ind->max_points;
      if (!isnan (sc->self_score))
        {
          rows->self += sc->self_score;
          rows->any_self = TRUE;
        }
      rows->score += d->effective[k];
      (*row)++;
      n++;
    }
  if (n > 0)
    {
      /* The category names its rows, as in the printed 考核细则. */
      rh_xlsx_sheet_merge (s, start, COL_CAT, *row - 1, COL_CAT, cat->name, x->center);
      if (rows->first == G_MAXUINT32)
        rows->first = start;
      rows->last = *row - 1;
    }
  return n;
}

static char *
sum_formula (const char *fn, lxw_col_t col, lxw_row_t first, lxw_row_t last)
{
  g_autofree char *a = rh_xlsx_cell (first, col, FALSE);
  g_autofree char *b = rh_xlsx_cell (last, col, FALSE);

  return g_strconcat ("=", fn, "(", a, ":", b, ")", NULL);
}

/* A subtotal row: label over A–D, then 分值, 自查分 and 考核分 formulas. */
static void
write_subtotal (Job *job, RhXlsxSheet *s, lxw_row_t row, const char *label, const Rows *rows,
                const char *score_formula, double score)
{
  RhXlsx *x = job->x;
  g_autofree char *max = sum_formula ("SUM", COL_MAX, rows->first, rows->last);
  g_autofree char *self = sum_formula ("SUM", COL_SELF, rows->first, rows->last);

  rh_xlsx_sheet_merge (s, row, COL_CAT, row, COL_NOTE, label, x->bold);
  rh_xlsx_sheet_formula (s, row, COL_MAX, max, rows->max, x->bold_score);
  rh_xlsx_sheet_formula (s, row, COL_SELF, self, rows->self, x->bold_score);
  rh_xlsx_sheet_formula (s, row, COL_SCORE, score_formula, score, x->bold_score);
  rh_xlsx_sheet_blank (s, row, COL_REMARK, x->text);
}

static void
section_heading (Job *job, RhXlsxSheet *s, lxw_row_t row, const char *text)
{
  rh_xlsx_sheet_merge (s, row, 0, row, N_BRANCH_COLS - 1, text, job->x->bold);
}

/* Text inside a formula's quotes. */
static char *
formula_text (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text != NULL ? text : "", "\"", -1);

  return g_strjoinv ("\"\"", parts);
}

/* The template's grades as a formula: the last grade after a veto, else the
 * first whose lowest total is reached, else the last (as rh_score_compute). */
static char *
grade_formula (const RhTemplate *t, lxw_row_t veto_row, lxw_row_t total_row)
{
  g_autofree char *veto = rh_xlsx_cell (veto_row, COL_SCORE, FALSE);
  g_autofree char *total = rh_xlsx_cell (total_row, COL_SCORE, FALSE);
  g_autofree char *yes = formula_text (C_("veto", "Yes"));
  g_autofree char *last = formula_text (g_array_index (t->grades, RhGrade, t->grades->len - 1).label);
  GString *f = g_string_new (NULL);

  g_string_append_printf (f, "=IF(%s=\"%s\",\"%s\",", veto, yes, last);
  for (guint g = 0; g + 1 < t->grades->len; g++)
    {
      RhGrade *grade = &g_array_index (t->grades, RhGrade, g);
      g_autofree char *label = formula_text (grade->label);
      g_string_append_printf (f, "IF(%s>=%.10g,\"%s\",", total, grade->min, label);
    }
  g_string_append_printf (f, "\"%s\"", last);
  for (guint g = 0; g + 1 < t->grades->len; g++)
    g_string_append_c (f, ')');
  g_string_append_c (f, ')');
  return g_string_free (f, FALSE);
}

typedef struct {
  lxw_row_t row;
  double    rate;
  char     *name;
} RadarPoint;

static void
radar_point_free (RadarPoint *p)
{
  g_free (p->name);
  g_free (p);
}

/* One branch's 考核细则 sheet. */
static void
write_branch (Job *job, RhScoreResult *r, RhScoreDetail *d, gboolean radar)
{
  RhXlsx *x = job->x;
  const RhTemplate *t = d->template_;
  g_autofree char *title = NULL;
  g_autofree char *sub = NULL;
  BranchCells *cells = g_hash_table_lookup (job->cells, &r->org_id);
  const char *secretary = g_hash_table_lookup (job->secretaries, &r->org_id);
  g_autoptr (GPtrArray) radar_points = g_ptr_array_new_with_free_func ((GDestroyNotify) radar_point_free);
  g_autoptr (GString) basic_sum = g_string_new ("=");
  g_autofree char *star_names = join_stars (r->stars);
  RhXlsxSheet *s = rh_xlsx_sheet_new (x, r->org_name);
  const char *labels[] = {
    C_("assessment sheet", "Category"), C_("assessment sheet", "Item"),
    C_("assessment sheet", "Standard"), C_("assessment sheet", "Scoring"),
    C_("assessment sheet", "Points"), C_("assessment sheet", "Self score"),
    C_("assessment sheet", "Committee score"), C_("assessment sheet", "Remarks"), NULL,
  };
  lxw_row_t row = 3, basic_row, bonus_row = 0, deduction_row = 0, veto_row = 0;
  gboolean any_basic = FALSE, radar_hidden = FALSE;
  double basic_max = 0;
  RhIndicatorKind kinds[] = { RH_INDICATOR_BONUS, RH_INDICATOR_DEDUCTION, RH_INDICATOR_VETO };

  cells->sheet = rh_xlsx_quote_sheet (s->name);

  /* TRANSLATORS: a branch sheet's title: the branch, then the period (2025年度) */
  title = g_strdup_printf (_("%s %s assessment score sheet"), r->org_name, job->period_label);
  sub = g_strdup_printf (_("Secretary: %s    Period: %s    Status: %s    Rules: %s"),
                         secretary != NULL ? secretary : "—", job->period_label,
                         rh_assessment_status_label (r->status), t->name);
  rh_xlsx_sheet_title (s, 0, N_BRANCH_COLS - 1, title, NULL);
  rh_xlsx_sheet_merge (s, 1, 0, 1, N_BRANCH_COLS - 1, sub, x->subtitle);
  rh_xlsx_sheet_header (s, 2, labels);
  s->max_width[COL_STANDARD] = 36;
  s->max_width[COL_NOTE] = 30;
  s->max_width[COL_REMARK] = 20;
  s->max_width[COL_NAME] = 16;
  s->max_width[COL_CAT] = 8;

  /* Basic indicators, category by category, each with its subtotal. */
  for (guint c = 0, k = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];
      Rows rows = { G_MAXUINT32, 0, 0, 0, 0, FALSE };

      if (write_indicators (job, s, &row, d, cat, k, RH_INDICATOR_BASIC, &rows) > 0)
        {
          g_autofree char *label = g_strdup_printf (_("Subtotal: %s"), cat->name);
          g_autofree char *f = sum_formula ("SUM", COL_SCORE, rows.first, rows.last);
          g_autofree char *ref = rh_xlsx_cell (row, COL_SCORE, FALSE);
          RadarPoint *p = g_new0 (RadarPoint, 1);

          write_subtotal (job, s, row, label, &rows, f, rows.score);
          g_string_append_printf (basic_sum, "%s%s", any_basic ? "+" : "", ref);
          p->row = row;
          p->rate = rows.max > 0 ? rows.score / rows.max : 0;
          p->name = g_strdup (cat->name);
          g_ptr_array_add (radar_points, p);
          basic_max += rows.max;
          any_basic = TRUE;
          row++;
        }
      k += cat->indicators->len;
    }
  basic_row = row;
  rh_xlsx_sheet_merge (s, row, COL_CAT, row, COL_NOTE, _("Basic points"), x->bold);
  {
    /* 分值 of the basic part: the sum of the subtotals, like 考核分. */
    g_autoptr (GString) max_sum = g_string_new ("=");
    for (guint i = 0; i < radar_points->len; i++)
      {
        g_autofree char *ref = rh_xlsx_cell (((RadarPoint *) radar_points->pdata[i])->row,
                                             COL_MAX, FALSE);
        g_string_append_printf (max_sum, "%s%s", i ? "+" : "", ref);
      }
    rh_xlsx_sheet_formula (s, row, COL_MAX, any_basic ? max_sum->str : "=0", basic_max, x->bold_score);
  }
  rh_xlsx_sheet_blank (s, row, COL_SELF, x->bold_score);
  rh_xlsx_sheet_formula (s, row, COL_SCORE, any_basic ? basic_sum->str : "=0", d->result.basic,
                    x->bold_score);
  rh_xlsx_sheet_blank (s, row, COL_REMARK, x->text);
  row++;

  /* Bonus, deduction and veto sections. */
  for (guint kk = 0; kk < G_N_ELEMENTS (kinds); kk++)
    {
      Rows rows = { G_MAXUINT32, 0, 0, 0, 0, FALSE };
      lxw_row_t heading = row++;
      guint n = 0;
      g_autofree char *heading_text = NULL;

      for (guint c = 0, k = 0; c < t->categories->len; c++)
        {
          RhCategory *cat = t->categories->pdata[c];
          n += write_indicators (job, s, &row, d, cat, k, kinds[kk], &rows);
          k += cat->indicators->len;
        }
      if (kinds[kk] == RH_INDICATOR_BONUS)
        heading_text = g_strdup_printf (_("Bonus points (at most %g in all)"), t->bonus_cap);
      else if (kinds[kk] == RH_INDICATOR_DEDUCTION)
        heading_text = g_strdup (_("Deductions"));
      else
        heading_text = g_strdup (_("Veto items (any one caps the grade)"));
      section_heading (job, s, heading, heading_text);
      if (n == 0)
        {
          rows.first = rows.last = row;
          rh_xlsx_sheet_merge (s, row, COL_CAT, row, N_BRANCH_COLS - 1, _("None in these rules"),
                          x->text);
          row++;
        }
      if (kinds[kk] == RH_INDICATOR_BONUS)
        {
          g_autofree char *sum = sum_formula ("SUM", COL_SCORE, rows.first, rows.last);
          g_autofree char *f = g_strdup_printf ("=MIN(%s,%g)", sum + 1, t->bonus_cap);
          g_autofree char *label = g_strdup_printf (_("Bonus, capped at %g"), t->bonus_cap);
          bonus_row = row;
          write_subtotal (job, s, row++, label, &rows, f, d->result.bonus);
        }
      else if (kinds[kk] == RH_INDICATOR_DEDUCTION)
        {
          g_autofree char *f = sum_formula ("SUM", COL_SCORE, rows.first, rows.last);
          deduction_row = row;
          write_subtotal (job, s, row++, _("Deductions in all"), &rows, f, d->result.deductions);
        }
      else
        {
          g_autofree char *sum = sum_formula ("SUM", COL_SCORE, rows.first, rows.last);
          g_autofree char *f = g_strdup_printf ("=IF(%s>0,\"%s\",\"%s\")", sum + 1,
                                                C_("veto", "Yes"), C_("veto", "No"));
          veto_row = row;
          rh_xlsx_sheet_merge (s, row, COL_CAT, row, COL_SELF, _("Veto applies"), x->bold);
          rh_xlsx_sheet_formula_text (s, row, COL_SCORE, f,
                                 d->result.vetoed ? C_("veto", "Yes") : C_("veto", "No"),
                                 x->center);
          rh_xlsx_sheet_blank (s, row, COL_REMARK, x->text);
          row++;
        }
    }

  /* The result: party score, the other scores, the total by the template's formula. */
  {
    g_autofree char *b = rh_xlsx_cell (basic_row, COL_SCORE, FALSE);
    g_autofree char *bo = rh_xlsx_cell (bonus_row, COL_SCORE, FALSE);
    g_autofree char *de = rh_xlsx_cell (deduction_row, COL_SCORE, FALSE);
    g_autofree char *party_f = g_strdup_printf ("=MAX(0,%s+%s-%s)", b, bo, de);
    g_autofree char *party_ref = NULL, *review_ref = NULL, *business_ref = NULL;
    g_autofree char *total_f = NULL, *how = NULL, *rank_note = NULL;

    /* The result and the signatures print together on a page of their own
     * (LibreOffice honours this; Excel may fit pages its own way). */
    {
      lxw_row_t breaks[] = { row, 0 };
      rh_xlsx_check (x, worksheet_set_h_pagebreaks (s->ws, breaks));
    }
    section_heading (job, s, row++, _("Result"));
    cells->party_row = row;
    party_ref = rh_xlsx_cell (row, COL_SCORE, FALSE);
    rh_xlsx_sheet_merge (s, row, COL_CAT, row, COL_SELF,
                    _("Party-building score (basic + bonus − deductions, at least 0)"), x->bold);
    rh_xlsx_sheet_formula (s, row, COL_SCORE, party_f, r->party, x->bold_score);
    rh_xlsx_sheet_blank (s, row++, COL_REMARK, x->text);

    review_ref = rh_xlsx_cell (row, COL_SCORE, FALSE);
    rh_xlsx_sheet_merge (s, row, COL_CAT, row, COL_SELF, _("Members' and masses' rating"), x->bold);
    rh_xlsx_sheet_maybe (s, row, COL_SCORE, r->review, x->score);
    rh_xlsx_sheet_blank (s, row++, COL_REMARK, x->text);

    cells->business_row = row;
    business_ref = rh_xlsx_cell (row, COL_SCORE, FALSE);
    rh_xlsx_sheet_merge (s, row, COL_CAT, row, COL_SELF, _("Business score"), x->bold);
    rh_xlsx_sheet_maybe (s, row, COL_SCORE, r->business, x->score);
    rh_xlsx_sheet_blank (s, row++, COL_REMARK, x->text);

    if (t->formula == RH_FORMULA_COEFFICIENT)
      {
        total_f = g_strdup_printf ("=ROUND(%s*%s/100,2)", business_ref, party_ref);
        how = g_strdup (_("Business score × party-building score ÷ 100"));
      }
    else
      {
        total_f = g_strdup_printf ("=ROUND(%s*%g+%s*%g+%s*%g,2)", party_ref, t->party_weight,
                                   review_ref, t->review_weight, business_ref,
                                   t->business_weight);
        how = g_strdup_printf (_("Party-building × %g%% + rating × %g%% + business × %g%%"),
                               t->party_weight * 100, t->review_weight * 100,
                               t->business_weight * 100);
      }
    cells->total_row = row;
    rh_xlsx_sheet_merge (s, row, COL_CAT, row, COL_SELF, _("Combined score"), x->bold);
    rh_xlsx_sheet_formula (s, row, COL_SCORE, total_f, r->total, x->bold_score);
    rh_xlsx_sheet_text (s, row++, COL_REMARK, how, x->wrap);

    cells->grade_row = row;
    rh_xlsx_sheet_merge (s, row, COL_CAT, row, COL_SELF, _("Grade"), x->bold);
    if (t->grades->len > 0)
      {
        g_autofree char *f = grade_formula (t, veto_row, cells->total_row);
        rh_xlsx_sheet_formula_text (s, row, COL_SCORE, f, r->grade, x->center);
      }
    else
      rh_xlsx_sheet_text (s, row, COL_SCORE, r->grade, x->center);
    rh_xlsx_sheet_text (s, row++, COL_REMARK, r->vetoed ? _("Vetoed") : NULL, x->text);

    rh_xlsx_sheet_merge (s, row, COL_CAT, row, COL_SELF, _("Star level"), x->bold);
    rh_xlsx_sheet_number (s, row, COL_SCORE, r->star_level, x->stars);
    rh_xlsx_sheet_text (s, row++, COL_REMARK, star_names, x->wrap);

    rank_note = g_strdup_printf (_("of %u branches assessed"), job->assessed);
    rh_xlsx_sheet_merge (s, row, COL_CAT, row, COL_SELF, _("Rank"), x->bold);
    rh_xlsx_sheet_number (s, row, COL_SCORE, r->rank, x->integer);
    rh_xlsx_sheet_text (s, row++, COL_REMARK, rank_note, x->text);
  }

  /* The signature block of the paper form. */
  row++;
  rh_xlsx_sheet_merge (s, row, 0, row, 3, _("Branch secretary (signature):"), x->plain);
  rh_xlsx_sheet_merge (s, row, 4, row, 7, _("Date:        year    month    day"), x->plain);
  row += 2;
  rh_xlsx_sheet_merge (s, row, 0, row, 7, _("Opinion of the higher party committee:"), x->plain);
  row++;
  rh_xlsx_sheet_merge (s, row, 0, row + 2, 7, "", x->plain);
  row += 3;
  rh_xlsx_sheet_merge (s, row, 0, row, 3, _("Reviewer (signature):"), x->plain);
  rh_xlsx_sheet_merge (s, row, 4, row, 7, _("Date:        year    month    day"), x->plain);
  row += 2;

  if (radar && radar_points->len >= 3)
    {
      /* The category score rates beside the form, and a radar of them below it. */
      lxw_col_t lc = N_BRANCH_COLS + 1, vc = N_BRANCH_COLS + 2;
      lxw_chart *chart = workbook_add_chart (x->wb, LXW_CHART_RADAR_FILLED);
      lxw_chart_series *series;
      lxw_chart_line line = { .color = 0xC00000 };
      lxw_chart_fill fill = { .color = 0xC00000, .transparency = 60 };
      lxw_chart_options opts = { .x_scale = 1.4, .y_scale = 1.3 };

      rh_xlsx_sheet_text (s, 2, lc, _("Category"), x->header);
      rh_xlsx_sheet_text (s, 2, vc, _("Score rate"), x->header);
      for (guint i = 0; i < radar_points->len; i++)
        {
          RadarPoint *p = radar_points->pdata[i];
          g_autofree char *score = rh_xlsx_cell (p->row, COL_SCORE, FALSE);
          g_autofree char *max = rh_xlsx_cell (p->row, COL_MAX, FALSE);
          g_autofree char *f = g_strdup_printf ("=IF(%s=0,0,%s/%s)", max, score, max);
          rh_xlsx_sheet_text (s, 3 + i, lc, p->name, x->text);
          rh_xlsx_sheet_formula (s, 3 + i, vc, f, p->rate, x->percent);
        }
      series = chart_add_series (chart, NULL, NULL);
      chart_series_set_categories (series, s->name, 3, lc, 3 + radar_points->len - 1, lc);
      chart_series_set_values (series, s->name, 3, vc, 3 + radar_points->len - 1, vc);
      chart_series_set_name (series, _("Score rate"));
      chart_series_set_line (series, &line);
      chart_series_set_fill (series, &fill);
      /* The figures sit in hidden columns: the chart shows them, printing does not. */
      chart_show_hidden_data (chart);
      chart_title_set_name (chart, _("Score rate by category"));
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      chart_axis_set_min (chart->y_axis, 0);
      chart_axis_set_max (chart->y_axis, 1);
      chart_axis_set_num_format (chart->y_axis, "0%");
      rh_xlsx_check (x, worksheet_insert_chart_opt (s->ws, row, 1, chart, &opts));
      row += 22;
      radar_hidden = TRUE;
    }

  rh_xlsx_sheet_fit_columns (s, N_BRANCH_COLS);
  if (radar_hidden)
    {
      lxw_row_col_options hidden = { .hidden = LXW_TRUE };
      rh_xlsx_check (x, worksheet_set_column_opt (s->ws, N_BRANCH_COLS, N_BRANCH_COLS + 2, 8,
                                                  NULL, &hidden));
    }
  worksheet_freeze_panes (s->ws, 3, 0);
  rh_xlsx_sheet_print (s, title, TRUE, 2, 2);
  /* No print area: the used range and the chart print anyway, and every
   * defined name slows LibreOffice down on workbooks of thousands of sheets. */
  rh_xlsx_sheet_free (s);
}

/* The grade column's list: inline while it fits libxlsxwriter's limit,
 * else on a hidden sheet. */
static void
grade_validation (Job *job, RhXlsxSheet *s, lxw_row_t first, lxw_row_t last, lxw_col_t col)
{
  RhXlsx *x = job->x;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;
  lxw_data_validation dv = { 0 };
  gsize bytes = 0;
  g_autofree char *formula = NULL;
  char **list = NULL;

  if (last < first)
    return;
  g_hash_table_iter_init (&iter, job->details->templates);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      RhTemplate *t = value;
      for (guint g = 0; g < t->grades->len; g++)
        {
          const char *label = g_array_index (t->grades, RhGrade, g).label;
          if (!g_hash_table_contains (seen, label))
            {
              g_hash_table_add (seen, (gpointer) label);
              g_ptr_array_add (labels, g_strdup (label));
            }
        }
    }
  g_ptr_array_add (labels, g_strdup (_("Not assessed")));
  for (guint i = 0; i < labels->len; i++)
    bytes += strlen (labels->pdata[i]) + 1;

  dv.validate = LXW_VALIDATION_TYPE_LIST;
  dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
  dv.error_title = (char *) _("Grade");
  dv.error_message = (char *) _("Choose one of the grades of the assessment rules.");
  if (bytes <= RH_VALIDATION_LIST_MAX)
    {
      g_ptr_array_add (labels, NULL);
      list = (char **) labels->pdata;
      dv.value_list = list;
      rh_xlsx_check (x, worksheet_data_validation_range (s->ws, first, col, last, col, &dv));
      g_ptr_array_remove_index (labels, labels->len - 1);
    }
  else
    {
      RhXlsxSheet *lists = rh_xlsx_sheet_new (x, C_("sheet", "Lists"));
      g_autofree char *end = rh_xlsx_cell (labels->len - 1, 0, TRUE);
      for (guint i = 0; i < labels->len; i++)
        rh_xlsx_sheet_text (lists, i, 0, labels->pdata[i], NULL);
      worksheet_hide (lists->ws);
      g_autofree char *quoted = rh_xlsx_quote_sheet (lists->name);
      formula = g_strdup_printf ("=%s!$A$1:%s", quoted, end);
      dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      dv.value_formula = formula;
      rh_xlsx_check (x, worksheet_data_validation_range (s->ws, first, col, last, col, &dv));
      rh_xlsx_sheet_free (lists);
    }
}

static void
write_summary (Job *job, RhXlsxSheet *s)
{
  RhXlsx *x = job->x;
  const char *labels[] = {
    C_("summary", "No."), C_("summary", "Branch"), C_("summary", "Secretary"),
    C_("summary", "Party-building score"), C_("summary", "Business score"),
    C_("summary", "Combined score"), C_("summary", "Grade"), C_("summary", "Stars"),
    C_("summary", "Rank"), C_("summary", "Change"), NULL,
  };
  g_autofree char *title = job->committee != NULL
    /* TRANSLATORS: the summary's title: the committee, then the period (2025年度) */
    ? g_strdup_printf (_("%s: branch assessment results, %s"), job->committee, job->period_label)
    : g_strdup_printf (_("Branch assessment results, %s"), job->period_label);
  g_autofree char *today = rh_xlsx_today ();
  g_autofree char *sub = g_strdup_printf (_("Period: %s    Exported on %s    %u branches, %u assessed"),
                                          job->period_label, today, job->results->len,
                                          job->assessed);
  lxw_row_t first = 3, row = 3, last_assessed = 2;
  double sums[3] = { 0 };
  guint counts[3] = { 0 };
  g_autofree char *rank_range_a = rh_xlsx_cell (first, S_TOTAL, TRUE);
  g_autofree char *rank_range_b = NULL;
  gboolean ranked = job->results->len > 1 || job->x->options->branch_id == 0;

  s->max_width[S_BRANCH] = 40;
  rh_xlsx_sheet_title (s, 0, N_SUMMARY_COLS - 1, title, NULL);
  rh_xlsx_sheet_merge (s, 1, 0, 1, N_SUMMARY_COLS - 1, sub, x->subtitle);
  rh_xlsx_sheet_header (s, 2, labels);
  for (guint i = 0; i < job->results->len; i++)
    if (((RhScoreResult *) job->results->pdata[i])->assessment_id != 0)
      last_assessed = first + i;
  rank_range_b = rh_xlsx_cell (last_assessed, S_TOTAL, TRUE);

  for (guint i = 0; i < job->results->len; i++, row++)
    {
      RhScoreResult *r = job->results->pdata[i];
      BranchCells *cells = g_hash_table_lookup (job->cells, &r->org_id);
      const char *secretary = g_hash_table_lookup (job->secretaries, &r->org_id);

      rh_xlsx_sheet_number (s, row, S_NO, i + 1, x->integer);
      if (cells != NULL)
        {
          /* The branch's name leads to its sheet. */
          g_autofree char *url = g_strdup_printf ("internal:%s!A1", cells->sheet);
          rh_xlsx_sheet_text (s, row, S_BRANCH, r->org_name, x->text);
          rh_xlsx_check (x, worksheet_write_url_opt (s->ws, row, S_BRANCH, url, x->link,
                                                     r->org_name, NULL));
        }
      else
        rh_xlsx_sheet_text (s, row, S_BRANCH, r->org_name, x->text);
      rh_xlsx_sheet_text (s, row, S_SECRETARY, secretary, x->center);
      if (r->assessment_id == 0 || cells == NULL)
        {
          for (lxw_col_t c = S_PARTY; c < N_SUMMARY_COLS; c++)
            rh_xlsx_sheet_blank (s, row, c, c == S_STARS ? x->stars : x->score);
          rh_xlsx_sheet_text (s, row, S_GRADE, _("Not assessed"), x->center);
          continue;
        }
      {
        g_autofree char *party = rh_xlsx_cell (cells->party_row, COL_SCORE, TRUE);
        g_autofree char *business = rh_xlsx_cell (cells->business_row, COL_SCORE, TRUE);
        g_autofree char *total = rh_xlsx_cell (cells->total_row, COL_SCORE, TRUE);
        g_autofree char *f_party = g_strdup_printf ("=%s!%s", cells->sheet, party);
        g_autofree char *f_total = g_strdup_printf ("=%s!%s", cells->sheet, total);
        g_autofree char *me = rh_xlsx_cell (row, S_TOTAL, FALSE);
        g_autofree char *top = rh_xlsx_cell (first, S_TOTAL, TRUE);

        rh_xlsx_sheet_formula (s, row, S_PARTY, f_party, r->party, x->score);
        if (isnan (r->business))
          {
            g_autofree char *f = g_strdup_printf ("=IF(%s!%s=\"\",\"\",%s!%s)", cells->sheet,
                                                  business, cells->sheet, business);
            rh_xlsx_sheet_formula_text (s, row, S_BUSINESS, f, "", x->score);
          }
        else
          {
            g_autofree char *f = g_strdup_printf ("=%s!%s", cells->sheet, business);
            rh_xlsx_sheet_formula (s, row, S_BUSINESS, f, r->business, x->score);
            sums[1] += r->business;
            counts[1]++;
          }
        rh_xlsx_sheet_formula (s, row, S_TOTAL, f_total, r->total, x->score);
        {
          g_autofree char *grade = rh_xlsx_cell (cells->grade_row, COL_SCORE, TRUE);
          g_autofree char *f = g_strdup_printf ("=%s!%s", cells->sheet, grade);
          rh_xlsx_sheet_formula_text (s, row, S_GRADE, f, r->grade, x->center);
        }
        rh_xlsx_sheet_number (s, row, S_STARS, r->star_level, x->stars);
        if (ranked)
          {
            /* Core ranks ties by name; the rows are in core's order, so
             * RANK plus the ties above gives the same number. */
            g_autofree char *f = g_strdup_printf ("=RANK(%s,%s:%s)+COUNTIF(%s:%s,%s)-1", me,
                                                  rank_range_a, rank_range_b, top, me, me);
            rh_xlsx_sheet_formula (s, row, S_RANK, f, r->rank, x->integer);
          }
        else
          rh_xlsx_sheet_number (s, row, S_RANK, r->rank, x->integer);
        if (isnan (r->change))
          rh_xlsx_sheet_blank (s, row, S_CHANGE, x->score);
        else
          {
            /* The previous total, so the change is auditable too. */
            g_autofree char *f = g_strdup_printf ("=ROUND(%s-%.2f,2)", me, r->total - r->change);
            rh_xlsx_sheet_formula (s, row, S_CHANGE, f, r->change, x->score);
          }
        sums[0] += r->party;
        counts[0]++;
        sums[2] += r->total;
        counts[2]++;
      }
    }

  /* Averages of the assessed branches. */
  if (job->assessed > 0)
    {
      lxw_col_t cols[] = { S_PARTY, S_BUSINESS, S_TOTAL };
      rh_xlsx_sheet_merge (s, row, S_NO, row, S_SECRETARY, _("Average of the branches assessed"),
                      x->bold);
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *f = sum_formula ("AVERAGE", cols[i], first, row - 1);
          if (counts[i] > 0)
            rh_xlsx_sheet_formula (s, row, cols[i], f, round (sums[i] / counts[i] * 100) / 100,
                              x->bold_score);
          else
            rh_xlsx_sheet_blank (s, row, cols[i], x->bold_score);
        }
      for (lxw_col_t c = S_GRADE; c < N_SUMMARY_COLS; c++)
        rh_xlsx_sheet_blank (s, row, c, x->bold);
      row++;
    }

  grade_validation (job, s, first, first + job->results->len - 1, S_GRADE);
  rh_xlsx_check (x, worksheet_autofilter (s->ws, 2, 0, MAX (first, first + job->results->len - 1),
                                          N_SUMMARY_COLS - 1));
  rh_xlsx_sheet_fit_columns (s, N_SUMMARY_COLS);
  worksheet_freeze_panes (s->ws, 3, 2);

  /* The combined scores as a bar chart, best at the top, under the table. */
  if (job->assessed > 0)
    {
      guint n = MIN (job->assessed, RH_BAR_MAX_BRANCHES);
      lxw_chart *chart = workbook_add_chart (x->wb, LXW_CHART_BAR);
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
      lxw_chart_fill fill = { .color = 0xC00000 };
      lxw_chart_font font = { .name = "宋体", .size = 9 };
      lxw_chart_options opts = { .x_scale = 1.6, .y_scale = MAX (1.0, n / 12.0) };
      g_autofree char *chart_title = job->assessed > n
        ? g_strdup_printf (_("Combined score (best %u)"), n)
        : g_strdup (_("Combined score"));

      chart_series_set_categories (series, s->name, first, S_BRANCH, first + n - 1, S_BRANCH);
      chart_series_set_values (series, s->name, first, S_TOTAL, first + n - 1, S_TOTAL);
      chart_series_set_name (series, _("Combined score"));
      chart_series_set_fill (series, &fill);
      chart_series_set_labels (series);
      chart_title_set_name (chart, chart_title);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      chart_axis_set_reverse (chart->y_axis);   /* rank 1 on top… */
      chart_axis_set_crossing_max (chart->y_axis);   /* …and the scores' axis below */
      chart_axis_set_num_font (chart->y_axis, &font);
      chart_axis_set_min (chart->x_axis, 0);
      chart_axis_set_max (chart->x_axis, 100);
      row++;
      rh_xlsx_check (x, worksheet_insert_chart_opt (s->ws, row, 1, chart, &opts));
      row += (lxw_row_t) (15 * opts.y_scale) + 1;
    }
  rh_xlsx_sheet_print (s, title, TRUE, 2, 2);
}

/* 三会一课 per branch and kind: units met against units required. */
static void
write_compliance (Job *job, RhXlsxSheet *s, const RhPeriod *p)
{
  RhXlsx *x = job->x;
  GPtrArray *all = job->compliance;
  g_autofree char *title = NULL;
  gboolean used[RH_N_MEETING_KINDS] = { FALSE };
  lxw_col_t col, total_col;
  lxw_row_t row = 4;
  guint no = 0;

  for (guint i = 0; i < all->len; i++)
    {
      RhCompliance *c = all->pdata[i];
      for (int k = 0; k < RH_N_MEETING_KINDS; k++)
        used[k] |= c->kinds[k].applicable;
    }
  /* TRANSLATORS: the 三会一课 sheet's title; %s is the period */
  title = g_strdup_printf (_("Meetings held against the rules (三会一课), %s"), job->period_label);
  s->max_width[1] = 40;
  rh_xlsx_sheet_merge (s, 2, 0, 3, 0, C_("summary", "No."), x->header);
  rh_xlsx_sheet_merge (s, 2, 1, 3, 1, C_("summary", "Branch"), x->header);
  col = 2;
  for (int k = 0; k < RH_N_MEETING_KINDS; k++)
    if (used[k])
      {
        rh_xlsx_sheet_merge (s, 2, col, 2, col + 1, rh_meeting_kind_label (k), x->header);
        rh_xlsx_sheet_text (s, 3, col, _("Required"), x->header);
        rh_xlsx_sheet_text (s, 3, col + 1, _("Met"), x->header);
        col += 2;
      }
  total_col = col;
  rh_xlsx_sheet_merge (s, 2, col, 2, col + 2, _("In all"), x->header);
  rh_xlsx_sheet_text (s, 3, col, _("Required"), x->header);
  rh_xlsx_sheet_text (s, 3, col + 1, _("Met"), x->header);
  rh_xlsx_sheet_text (s, 3, col + 2, _("Rate"), x->header);
  rh_xlsx_sheet_title (s, 0, total_col + 2, title, NULL);
  rh_xlsx_sheet_merge (s, 1, 0, 1, total_col + 2,
                  _("A month, quarter or year counts as met when enough valid meetings were held."),
                  x->subtitle);

  for (guint i = 0; i < all->len; i++)
    {
      RhCompliance *c = all->pdata[i];
      g_autoptr (GString) req = g_string_new ("=0");
      g_autoptr (GString) met = g_string_new ("=0");
      g_autofree char *rq = NULL, *mt = NULL, *rate = NULL;

      if (!g_hash_table_contains (job->in_scope, &c->org_id))
        continue;
      rh_xlsx_sheet_number (s, row, 0, ++no, x->integer);
      rh_xlsx_sheet_text (s, row, 1, c->org_name, x->text);
      col = 2;
      for (int k = 0; k < RH_N_MEETING_KINDS; k++)
        if (used[k])
          {
            if (c->kinds[k].applicable)
              {
                g_autofree char *a = rh_xlsx_cell (row, col, FALSE);
                g_autofree char *b = rh_xlsx_cell (row, col + 1, FALSE);
                rh_xlsx_sheet_number (s, row, col, c->kinds[k].required, x->integer);
                rh_xlsx_sheet_number (s, row, col + 1, c->kinds[k].met, x->integer);
                g_string_append_printf (req, "+%s", a);
                g_string_append_printf (met, "+%s", b);
              }
            else
              {
                rh_xlsx_sheet_blank (s, row, col, x->integer);
                rh_xlsx_sheet_blank (s, row, col + 1, x->integer);
              }
            col += 2;
          }
      rh_xlsx_sheet_formula (s, row, total_col, req->str, c->required, x->integer);
      rh_xlsx_sheet_formula (s, row, total_col + 1, met->str, c->met, x->integer);
      rq = rh_xlsx_cell (row, total_col, FALSE);
      mt = rh_xlsx_cell (row, total_col + 1, FALSE);
      rate = g_strdup_printf ("=IF(%s=0,\"\",%s/%s)", rq, mt, rq);
      if (c->rate < 0)
        rh_xlsx_sheet_formula_text (s, row, total_col + 2, rate, "", x->percent);
      else
        rh_xlsx_sheet_formula (s, row, total_col + 2, rate, c->rate, x->percent);
      row++;
    }
  rh_xlsx_sheet_fit_columns (s, total_col + 3);
  worksheet_freeze_panes (s->ws, 4, 2);
  rh_xlsx_sheet_print (s, title, TRUE, 2, 3);
}

/* Central tasks with the four 同 flags (四同步). */
static void
write_tasks (Job *job, RhXlsxSheet *s, const RhPeriod *p)
{
  RhXlsx *x = job->x;
  GPtrArray *tasks = job->tasks;
  g_autofree char *title = NULL;
  const char *labels[] = {
    C_("summary", "No."), C_("summary", "Branch"), _("Central task"), _("Goal"),
    _("Party measures"), rh_sync_label (RH_SYNC_PLANNED), rh_sync_label (RH_SYNC_CHECKED),
    rh_sync_label (RH_SYNC_ASSESSED), rh_sync_label (RH_SYNC_SUMMARISED),
    _("Four in step"), _("Measure"), _("Target"), _("Actual"), _("Target met"), NULL,
  };
  lxw_row_t row = 3;

  /* TRANSLATORS: the central tasks sheet's title; %s is the period */
  title = g_strdup_printf (_("Central tasks and the four in step (四同步), %s"),
                           job->period_label);
  rh_xlsx_sheet_title (s, 0, 13, title, NULL);
  rh_xlsx_sheet_merge (s, 1, 0, 1, 13, _("The dates on which the task was planned, checked, assessed "
                                    "and summarised together with party work."), x->subtitle);
  rh_xlsx_sheet_header (s, 2, labels);
  s->max_width[2] = 24;
  s->max_width[3] = 24;
  s->max_width[4] = 24;
  for (guint i = 0; i < tasks->len; i++, row++)
    {
      RhTask *t = tasks->pdata[i];
      g_autofree char *a = rh_xlsx_cell (row, 5, FALSE);
      g_autofree char *b = rh_xlsx_cell (row, 8, FALSE);
      g_autofree char *f = g_strdup_printf ("=IF(COUNTBLANK(%s:%s)=0,\"%s\",\"%s\")", a, b,
                                            C_("veto", "Yes"), C_("veto", "No"));

      rh_xlsx_sheet_number (s, row, 0, i + 1, x->integer);
      rh_xlsx_sheet_text (s, row, 1, t->org_name, x->text);
      rh_xlsx_sheet_text (s, row, 2, t->title, x->wrap);
      rh_xlsx_sheet_text (s, row, 3, t->goal, x->wrap);
      rh_xlsx_sheet_text (s, row, 4, t->measures, x->wrap);
      for (int k = 0; k < RH_N_SYNCS; k++)
        rh_xlsx_sheet_text (s, row, 5 + k, t->sync_date[k], x->date);
      rh_xlsx_sheet_formula_text (s, row, 9, f, rh_task_all_synced (t) ? C_("veto", "Yes")
                                                                  : C_("veto", "No"), x->center);
      rh_xlsx_sheet_text (s, row, 10, t->metric_name, x->text);
      rh_xlsx_sheet_maybe (s, row, 11, t->metric_target, x->number);
      rh_xlsx_sheet_maybe (s, row, 12, t->metric_actual, x->number);
      if (isnan (t->metric_target) || isnan (t->metric_actual))
        rh_xlsx_sheet_blank (s, row, 13, x->center);
      else
        rh_xlsx_sheet_text (s, row, 13, rh_task_met_target (t) ? C_("veto", "Yes") : C_("veto", "No"),
                       x->center);
    }
  if (tasks->len == 0)
    rh_xlsx_sheet_merge (s, row, 0, row, 13, _("No central tasks in this period"), x->text);
  rh_xlsx_sheet_fit_columns (s, 14);
  worksheet_freeze_panes (s->ws, 3, 2);
  rh_xlsx_sheet_print (s, title, TRUE, 2, 2);
}

/* Cases submitted in the period's year, or further along. */
static void
write_cases (Job *job, RhXlsxSheet *s, const RhPeriod *p)
{
  RhXlsx *x = job->x;
  GPtrArray *cases = job->cases;
  g_autofree char *title = NULL;
  const char *labels[] = {
    C_("summary", "No."), _("Branch or unit"), _("Case"), _("Mode of integration"),
    _("Main measures"), _("Status"), _("Honours"), NULL,
  };
  lxw_row_t row = 3;
  guint no = 0;

  /* TRANSLATORS: the cases sheet's title; %d is the year */
  title = g_strdup_printf (_("Typical cases of integration submitted in %d"), p->year);
  rh_xlsx_sheet_title (s, 0, 6, title, NULL);
  rh_xlsx_sheet_header (s, 2, labels);
  s->max_width[2] = 30;
  s->max_width[4] = 40;
  s->max_width[6] = 24;
  for (guint i = 0; i < cases->len; i++)
    {
      RhCase *c = cases->pdata[i];
      if (c->status < RH_CASE_SUBMITTED
          || (c->org_id != 0 && !g_hash_table_contains (job->in_scope, &c->org_id))
          || (c->org_id == 0 && job->x->options->branch_id != 0))
        continue;
      rh_xlsx_sheet_number (s, row, 0, ++no, x->integer);
      rh_xlsx_sheet_text (s, row, 1, rh_case_credit (c), x->text);
      rh_xlsx_sheet_text (s, row, 2, c->title, x->wrap);
      rh_xlsx_sheet_text (s, row, 3, rh_case_mode_label (c->mode), x->center);
      rh_xlsx_sheet_text (s, row, 4, c->measures, x->wrap);
      rh_xlsx_sheet_text (s, row, 5, rh_case_status_label (c->status), x->center);
      rh_xlsx_sheet_text (s, row, 6, c->honours, x->wrap);
      row++;
    }
  if (no == 0)
    rh_xlsx_sheet_merge (s, row, 0, row, 6, _("No cases submitted in this period"), x->text);
  rh_xlsx_sheet_merge (s, 1, 0, 1, 6, _("Cases at the status submitted or beyond."), x->subtitle);
  rh_xlsx_sheet_fit_columns (s, 7);
  worksheet_freeze_panes (s->ws, 3, 0);
  rh_xlsx_sheet_print (s, title, TRUE, 2, 2);
}

/* Member points and the democratic review, per branch. */
typedef struct {
  int    members;
  int    grades[RH_N_REVIEW_GRADES + 1];   /* the last: not reviewed */
  double sum, hi, lo;                      /* of the members' totals; NAN without members */
} BranchPoints;

/* Each branch's figures from its members' points (those on the roster,
 * admitted; the review grade of the year). Only these figures are kept: the
 * members' points are freed here, while the branch sheets are being written. */
static GHashTable *
points_by_branch (RhDatabase *db, const RhPeriod *p, GError **error)
{
  g_autoptr (GHashTable) all = rh_points_for_all_branches (db, p, error);
  GHashTable *out;
  GHashTableIter iter;
  gpointer key, value;

  if (all == NULL)
    return NULL;
  out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *members = value;
      BranchPoints *c = g_new0 (BranchPoints, 1);

      c->hi = c->lo = NAN;
      for (guint i = 0; i < members->len; i++)
        {
          RhPoints *pt = members->pdata[i];
          int g = pt->review;

          c->members++;
          c->grades[g >= 0 ? g : RH_N_REVIEW_GRADES]++;
          c->sum += pt->total;
          c->hi = isnan (c->hi) ? pt->total : MAX (c->hi, pt->total);
          c->lo = isnan (c->lo) ? pt->total : MIN (c->lo, pt->total);
        }
      g_hash_table_insert (out, g_memdup2 (key, sizeof (gint64)), c);
    }
  return out;
}

/* One branch: every member's points, rank, level and review grade. */
static gboolean
write_member_points (Job *job, RhXlsxSheet *s, const RhPeriod *p, GError **error)
{
  RhXlsx *x = job->x;
  g_autoptr (GPtrArray) points = rh_points_for_branch (job->db, job->x->options->branch_id, p,
                                                       error);
  g_autofree char *title = NULL;
  const char *labels[] = {
    C_("summary", "Rank"), C_("roster", "Name"), _("Base points"), _("Points earned"),
    _("Total points"), _("Level"), _("Democratic review"), NULL,
  };
  lxw_row_t row = 3;

  if (points == NULL)
    return FALSE;
  /* TRANSLATORS: the member points sheet's title; %s is the period */
  title = g_strdup_printf (_("Member points and democratic review, %s"), job->period_label);
  rh_xlsx_sheet_title (s, 0, 6, title, NULL);
  rh_xlsx_sheet_merge (s, 1, 0, 1, 6, _("Points of the period as ranked in the branch; review grade "
                                   "of the year. At most a third may be excellent."),
                  x->subtitle);
  rh_xlsx_sheet_header (s, 2, labels);
  for (guint i = 0; i < points->len; i++, row++)
    {
      RhPoints *pt = points->pdata[i];
      int g = rh_review_get (job->db, pt->member_id, p->year);
      g_autofree char *b = rh_xlsx_cell (row, 2, FALSE), *e = rh_xlsx_cell (row, 3, FALSE);
      g_autofree char *f = g_strdup_printf ("=IF(%s,0,MAX(0,%s+%s))",
                                            pt->vetoed ? "TRUE" : "FALSE", b, e);

      rh_xlsx_sheet_number (s, row, 0, pt->rank, x->integer);
      rh_xlsx_sheet_text (s, row, 1, pt->name, x->text);
      rh_xlsx_sheet_number (s, row, 2, pt->base, x->number);
      rh_xlsx_sheet_number (s, row, 3, pt->earned, x->number);
      rh_xlsx_sheet_formula (s, row, 4, f, pt->total, x->number);
      rh_xlsx_sheet_text (s, row, 5, pt->vetoed ? _("Vetoed") : pt->level, x->center);
      rh_xlsx_sheet_text (s, row, 6, g >= 0 ? rh_review_grade_label (g) : _("Not reviewed"), x->center);
    }
  if (points->len == 0)
    rh_xlsx_sheet_merge (s, row, 0, row, 6, _("No members"), x->text);
  rh_xlsx_sheet_fit_columns (s, 7);
  worksheet_freeze_panes (s->ws, 3, 2);
  rh_xlsx_sheet_print (s, title, FALSE, 2, 2);
  return TRUE;
}

static gboolean
write_points (Job *job, RhXlsxSheet *s, const RhPeriod *p, GError **error)
{
  RhXlsx *x = job->x;
  g_autofree char *title = NULL;
  const char *labels[] = {
    C_("summary", "No."), C_("summary", "Branch"), _("Members"), _("Average points"),
    _("Highest"), _("Lowest"), rh_review_grade_label (RH_REVIEW_EXCELLENT),
    rh_review_grade_label (RH_REVIEW_QUALIFIED), rh_review_grade_label (RH_REVIEW_BASIC),
    rh_review_grade_label (RH_REVIEW_UNQUALIFIED), _("Not reviewed"), _("Share excellent"), NULL,
  };
  lxw_row_t row = 3;
  guint no = 0;

  if (job->x->options->branch_id != 0)
    return write_member_points (job, s, p, error);
  /* TRANSLATORS: the member points sheet's title; %s is the period */
  title = g_strdup_printf (_("Member points and democratic review, %s"), job->period_label);
  rh_xlsx_sheet_title (s, 0, 11, title, NULL);
  rh_xlsx_sheet_merge (s, 1, 0, 1, 11,
                  _("Branches assessed in the period. Points as ranked in each branch; review "
                    "grades of the year. At most a third may be excellent."), x->subtitle);
  rh_xlsx_sheet_header (s, 2, labels);
  s->max_width[1] = 40;
  for (guint i = 0; i < job->results->len; i++)
    {
      RhScoreResult *r = job->results->pdata[i];
      BranchPoints none = { 0, { 0 }, 0, NAN, NAN };
      BranchPoints *c = g_hash_table_lookup (job->points, &r->org_id);
      g_autofree char *n_ref = NULL, *ex_ref = NULL, *f = NULL;

      if (r->assessment_id == 0)
        continue;
      if (c == NULL)
        c = &none;
      rh_xlsx_sheet_number (s, row, 0, ++no, x->integer);
      rh_xlsx_sheet_text (s, row, 1, r->org_name, x->text);
      rh_xlsx_sheet_number (s, row, 2, c->members, x->integer);
      rh_xlsx_sheet_maybe (s, row, 3, c->members > 0 ? round (c->sum / c->members * 100) / 100
                                                     : NAN, x->score);
      rh_xlsx_sheet_maybe (s, row, 4, c->hi, x->number);
      rh_xlsx_sheet_maybe (s, row, 5, c->lo, x->number);
      for (int g = 0; g <= RH_N_REVIEW_GRADES; g++)
        rh_xlsx_sheet_number (s, row, 6 + g, c->grades[g], x->integer);
      n_ref = rh_xlsx_cell (row, 2, FALSE);
      ex_ref = rh_xlsx_cell (row, 6, FALSE);
      f = g_strdup_printf ("=IF(%s=0,\"\",%s/%s)", n_ref, ex_ref, n_ref);
      if (c->members == 0)
        rh_xlsx_sheet_formula_text (s, row, 11, f, "", x->percent);
      else
        rh_xlsx_sheet_formula (s, row, 11, f, (double) c->grades[0] / c->members, x->percent);
      row++;
      if (i % 50 == 0)
        rh_xlsx_progress (x, 0.85 + 0.1 * i / job->results->len);
    }
  rh_xlsx_sheet_fit_columns (s, 12);
  worksheet_freeze_panes (s->ws, 3, 2);
  rh_xlsx_sheet_print (s, title, TRUE, 2, 2);
  return TRUE;
}

/* RONGHE_TRACE: how long each part of the export takes. */
static void
trace (const char *what, gint64 *since)
{
  gint64 now = g_get_monotonic_time ();

  if (g_getenv ("RONGHE_TRACE") != NULL)
    g_printerr ("ronghe-trace: export %s ms=%.1f\n", what, (now - *since) / 1000.0);
  *since = now;
}

/* What the sheets need from the database before any is written: each
 * branch's secretary, and every branch's 三会一课 (which the committee's
 * details read already). */
static gboolean
read_before_sheets (Job *job, const RhPeriod *p, GError **error)
{
  job->secretaries = rh_term_secretaries (job->db, error);
  if (job->secretaries == NULL)
    return FALSE;
  job->compliance = job->details->compliance != NULL
                      ? g_steal_pointer (&job->details->compliance)
                      : rh_compliance_compute_all (job->db, p, NULL, error);
  return job->compliance != NULL;
}

/* The period's central tasks and the year's cases, for their sheets. */
static gboolean
read_tasks_and_cases (Job *job, const RhPeriod *p, GError **error)
{
  job->tasks = rh_task_list (job->db, job->x->options->branch_id, p, error);
  if (job->tasks != NULL)
    job->cases = rh_case_list (job->db, -1, -1, p->year, 0, NULL, error);
  return job->cases != NULL;
}

/* The branches that get a sheet of their own: assessed, with details. */
static void
plan_branch_sheets (Job *job)
{
  for (guint i = 0; i < job->results->len; i++)
    {
      RhScoreResult *r = job->results->pdata[i];

      if (r->assessment_id == 0 || !g_hash_table_contains (job->details->branches, &r->org_id))
        continue;
      g_hash_table_insert (job->cells, g_memdup2 (&r->org_id, sizeof r->org_id),
                           g_new0 (BranchCells, 1));
      job->n_branch_sheets++;
    }
}

/* The branch sheets, in rank order; touches the workbook only. */
static gboolean
write_branches (Job *job, GError **error)
{
  guint done = 0;

  for (guint i = 0; i < job->results->len; i++)
    {
      RhScoreResult *r = job->results->pdata[i];
      RhScoreDetail *d = g_hash_table_lookup (job->details->branches, &r->org_id);

      if (g_atomic_int_get (&job->stop))
        return TRUE;   /* the caller reports the other side's error */
      if (!g_hash_table_contains (job->cells, &r->org_id))
        continue;
      write_branch (job, r, d, job->n_branch_sheets <= RH_RADAR_MAX_BRANCHES);
      if (++done % 20 == 0)
        {
          rh_xlsx_progress (job->x, 0.05 + 0.6 * done / job->n_branch_sheets);
          if (!rh_xlsx_check_cancel (job->x, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The sheets that need only what was read before them: the branch sheets,
 * the summary, which refers to them, and the 三会一课 sheet. Touches the
 * workbook only. */
static gboolean
write_sheets (Job *job, RhXlsxSheet *summary, RhXlsxSheet *compliance, const RhPeriod *p,
              GError **error)
{
  gint64 clock = g_get_monotonic_time ();

  if (!write_branches (job, error))
    return FALSE;
  trace ("branch-sheets", &clock);
  write_summary (job, summary);
  rh_xlsx_progress (job->x, 0.7);
  write_compliance (job, compliance, p);
  trace ("summary-meetings", &clock);
  return TRUE;
}

/* The members' points, the tasks and the cases, read in a thread while the
 * calling thread writes the sheets that need none of them: the database is
 * handed to the thread until it is joined (rh-database.h). The sheets are
 * written where the export was called because they allocate most of the
 * workbook, which a thread's own malloc arena grows a page at a time. */
typedef struct {
  Job            *job;
  const RhPeriod *period;
  GError         *error;
} RecordsThread;

static gpointer
read_records_thread (gpointer data)
{
  RecordsThread *t = data;
  Job *job = t->job;

  job->points = points_by_branch (job->db, t->period, &t->error);
  if (job->points != NULL && !g_atomic_int_get (&job->stop))
    read_tasks_and_cases (job, t->period, &t->error);
  if (t->error != NULL)
    g_atomic_int_set (&job->stop, 1);
  return NULL;
}

gboolean
rh_export_assessment (RhDatabase *db, const char *path, const RhExportOptions *options,
                      GError **error)
{
  gint64 clock = g_get_monotonic_time ();
  g_autoptr (GPtrArray) all = NULL;
  RhXlsx *x = NULL;
  Job job = { 0 };
  RhPeriod p;
  gboolean ok = FALSE;
  RhXlsxSheet *summary = NULL, *compliance = NULL, *tasks = NULL, *cases = NULL, *points = NULL;
  gboolean own_transaction = sqlite3_get_autocommit (rh_database_get_handle (db));

  if (!rh_period_parse (options->period, &p, error))
    return FALSE;
  /* One read transaction: a consistent snapshot, and never a write lock. */
  if (own_transaction && !rh_database_exec (db, "BEGIN DEFERRED", error))
    return FALSE;
  /* The working first: the scores of every branch are then counted from it. */
  job.details = rh_assessment_details (db, options->period, options->branch_id, error);
  if (job.details == NULL)
    goto out;
  trace ("details", &clock);
  all = rh_assessment_score_all_from (db, options->period, job.details, error);
  if (all == NULL)
    goto out;
  job.db = db;
  job.period = options->period;
  job.period_label = rh_xlsx_period_label (options->period);
  job.committee = rh_xlsx_root_name (db);
  job.results = g_ptr_array_new ();
  job.in_scope = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  job.cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) branch_cells_free);
  for (guint i = 0; i < all->len; i++)
    {
      RhScoreResult *r = all->pdata[i];
      if (options->branch_id != 0 && r->org_id != options->branch_id)
        continue;
      g_ptr_array_add (job.results, r);
      g_hash_table_add (job.in_scope, g_memdup2 (&r->org_id, sizeof r->org_id));
      job.assessed += r->assessment_id != 0;
    }
  if (options->branch_id != 0)
    job.assessed = 0;
  for (guint i = 0; i < all->len && options->branch_id != 0; i++)
    job.assessed += ((RhScoreResult *) all->pdata[i])->assessment_id != 0;
  if (job.results->len == 0)
    {
      if (options->branch_id != 0)
        g_set_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_INPUT,
                     _("There is no active branch with the number %lld"),
                     (long long) options->branch_id);
      else
        g_set_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_INPUT, _("There are no branches"));
      goto out;
    }
  trace ("scores", &clock);

  x = rh_xlsx_open (path, options, FALSE, error);
  if (x == NULL)
    goto out;
  job.x = x;
  rh_xlsx_progress (x, 0.05);
  {
    g_autofree char *title = g_strdup_printf (_("Branch assessment results, %s"),
                                              job.period_label);
    rh_xlsx_properties (x, title, job.committee, job.period_label);
  }
  summary = rh_xlsx_sheet_new (x, C_("sheet", "Summary"));
  compliance = rh_xlsx_sheet_new (x, C_("sheet", "Meetings"));
  tasks = rh_xlsx_sheet_new (x, C_("sheet", "Central tasks"));
  cases = rh_xlsx_sheet_new (x, C_("sheet", "Cases"));
  points = rh_xlsx_sheet_new (x, C_("sheet", "Member points"));
  worksheet_activate (summary->ws);

  if (!read_before_sheets (&job, &p, error))
    goto out;
  plan_branch_sheets (&job);
  if (options->branch_id == 0)
    {
      /* A thread reads the rest while this one writes, in the same read transaction. */
      RecordsThread records = { &job, &p, NULL };
      GThread *thread = g_thread_new ("rh-export-records", read_records_thread, &records);
      g_autoptr (GError) sheets_error = NULL;

      if (!write_sheets (&job, summary, compliance, &p, &sheets_error))
        g_atomic_int_set (&job.stop, 1);
      g_thread_join (thread);
      trace ("sheets-and-records", &clock);
      if (records.error != NULL)
        {
          g_propagate_error (error, records.error);
          goto out;
        }
      if (sheets_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&sheets_error));
          goto out;
        }
    }
  else if (!read_tasks_and_cases (&job, &p, error)
           || !write_sheets (&job, summary, compliance, &p, error))
    goto out;
  write_tasks (&job, tasks, &p);
  write_cases (&job, cases, &p);
  trace ("tasks-cases", &clock);
  rh_xlsx_progress (x, 0.85);
  if (!write_points (&job, points, &p, error))
    goto out;
  trace ("points-sheet", &clock);
  rh_xlsx_progress (x, 0.95);
  ok = rh_xlsx_close (x, error);
  x = NULL;
  trace ("close", &clock);

out:
  if (x != NULL)
    rh_xlsx_abort (x);
  rh_xlsx_sheet_free (summary);
  rh_xlsx_sheet_free (compliance);
  rh_xlsx_sheet_free (tasks);
  rh_xlsx_sheet_free (cases);
  rh_xlsx_sheet_free (points);
  if (own_transaction)
    rh_database_exec (db, "COMMIT", NULL);
  g_clear_pointer (&job.details, rh_score_details_free);
  g_clear_pointer (&job.cells, g_hash_table_unref);
  g_clear_pointer (&job.secretaries, g_hash_table_unref);
  g_clear_pointer (&job.in_scope, g_hash_table_unref);
  g_clear_pointer (&job.points, g_hash_table_unref);
  g_clear_pointer (&job.compliance, g_ptr_array_unref);
  g_clear_pointer (&job.tasks, g_ptr_array_unref);
  g_clear_pointer (&job.cases, g_ptr_array_unref);
  g_clear_pointer (&job.results, g_ptr_array_unref);
  g_free (job.period_label);
  g_free (job.committee);
  return ok;
}
