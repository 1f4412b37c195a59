/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-assessment.h"
#include "rh-chart-data.h"
#include "rh-handout-doc.h"
#include "rh-handout.h"
#include "rh-org.h"

struct _RhHandout {
  RhDoc        *doc;
  char         *title;
  RhChartModel *charts[3];
  GPtrArray    *rows;
};

void
rh_handout_free (RhHandout *h)
{
  if (h == NULL)
    return;
  rh_doc_free (h->doc);
  g_free (h->title);
  for (int i = 0; i < 3; i++)
    g_clear_pointer (&h->charts[i], rh_chart_model_free);
  g_clear_pointer (&h->rows, g_ptr_array_unref);
  g_free (h);
}

static void
draw_chart (cairo_t *cr, double width, double height, gpointer data)
{
  rh_chart_model_draw (data, cr, width, height, FALSE);
}

static char *
stars_text (int level)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < 5; i++)
    g_string_append (s, i < level ? "★" : "☆");
  return g_string_free (s, FALSE);
}

static char *
number (double v)
{
  return isnan (v) ? g_strdup ("—") : g_strdup_printf ("%.2f", v);
}

static GStrv
row_new (const char *first, ...)
{
  GStrvBuilder *b = g_strv_builder_new ();
  va_list args;
  GStrv row;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_strv_builder_add (b, s);
  va_end (args);
  row = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return row;
}

static const RhScoreResult *
find_result (GPtrArray *results, gint64 org_id, guint *assessed)
{
  const RhScoreResult *found = NULL;

  *assessed = 0;
  for (guint i = 0; i < results->len; i++)
    {
      const RhScoreResult *r = results->pdata[i];
      *assessed += r->assessment_id != 0;
      if (r->org_id == org_id)
        found = r;
    }
  return found;
}

static char *
secretary_of (RhDatabase *db, gint64 org_id)
{
  g_autoptr (GPtrArray) roles = rh_term_roles (db, org_id, NULL);

  for (guint i = 0; roles != NULL && i < roles->len; i++)
    {
      RhRole *role = roles->pdata[i];
      if (role->role == RH_ROLE_SECRETARY)
        return g_strdup (role->member_name);
    }
  return NULL;
}

typedef struct {
  const RhIndicator *ind;
  double             share;
  double             value;
} Ranked;

static int
compare_share (gconstpointer a, gconstpointer b)
{
  const Ranked *x = a, *y = b;
  return x->share > y->share ? -1 : x->share < y->share ? 1 : g_strcmp0 (x->ind->code, y->ind->code);
}

/* The best and worst basic indicators relative to their maximum. */
static void
add_strengths (RhDoc *doc, const RhAssessmentDetail *d)
{
  g_autoptr (GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  GString *best = g_string_new (NULL), *worst = g_string_new (NULL);
  guint k = 0, n;
  g_autofree char *best_text = NULL, *worst_text = NULL;

  for (guint c = 0; c < d->template->categories->len; c++)
    {
      RhCategory *cat = d->template->categories->pdata[c];
      for (guint i = 0; i < cat->indicators->len; i++, k++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];
          Ranked r = { ind, 0, g_array_index (d->effective, double, k) };
          if (ind->kind != RH_INDICATOR_BASIC || ind->max_points <= 0)
            continue;
          r.share = r.value / ind->max_points;
          g_array_append_val (ranked, r);
        }
    }
  g_array_sort (ranked, compare_share);
  n = MIN (3, ranked->len / 2);
  for (guint i = 0; i < n; i++)
    {
      const Ranked *r = &g_array_index (ranked, Ranked, i);
      const Ranked *w = &g_array_index (ranked, Ranked, ranked->len - 1 - i);
      g_autofree char *rv = number (r->value), *rm = number (r->ind->max_points);
      g_autofree char *wv = number (w->value), *wm = number (w->ind->max_points);
      /* TRANSLATORS: an indicator with its points and maximum, e.g. "A1 理论学习 (9.50/10.00)". */
      g_string_append_printf (best, _("%s%s %s (%s of %s)"), i ? _("; ") : "", r->ind->code,
                              r->ind->name, rv, rm);
      g_string_append_printf (worst, _("%s%s %s (%s of %s)"), i ? _("; ") : "", w->ind->code,
                              w->ind->name, wv, wm);
    }
  rh_doc_add_heading (doc, _("Strengths and weaknesses"));
  if (n == 0)
    rh_doc_add_paragraph (doc, _("Too few indicators to compare."));
  else
    {
      best_text = g_strdup_printf (_("Strengths: %s."), best->str);
      worst_text = g_strdup_printf (_("Weaknesses: %s."), worst->str);
      rh_doc_add_paragraph (doc, best_text);
      rh_doc_add_paragraph (doc, worst_text);
    }
  g_string_free (best, TRUE);
  g_string_free (worst, TRUE);
}

static void
add_indicator_table (RhHandout *h, const RhAssessmentDetail *d)
{
  const char *headers[] = { C_("indicator", "Code"), _("Indicator"), _("Max"),
                            C_("score placeholder", "Self"), C_("score placeholder", "Committee"),
                            _("Counted") };
  const double widths[] = { 0.07, 0.49, 0.1, 0.1, 0.12, 0.12 };
  const gboolean right[] = { FALSE, FALSE, TRUE, TRUE, TRUE, TRUE };
  guint k = 0;

  h->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint c = 0; c < d->template->categories->len; c++)
    {
      RhCategory *cat = d->template->categories->pdata[c];
      g_ptr_array_add (h->rows, row_new (cat->name, NULL));
      for (guint i = 0; i < cat->indicators->len; i++, k++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];
          RhScore *s = g_hash_table_lookup (d->assessment->scores, &ind->id);
          g_autofree char *name = ind->kind == RH_INDICATOR_BASIC
                                    ? g_strdup (ind->name)
                                    : g_strdup_printf ("%s（%s）", ind->name,
                                                       rh_indicator_kind_label (ind->kind));
          g_autofree char *max = number (ind->max_points);
          g_autofree char *self = number (s != NULL ? s->self_score : NAN);
          g_autofree char *committee = number (s != NULL ? s->committee_score : NAN);
          g_autofree char *counted = number (g_array_index (d->effective, double, k));
          g_ptr_array_add (h->rows, row_new (ind->code, name, max, self, committee, counted, NULL));
        }
    }
  rh_doc_add_heading (h->doc, _("Indicators"));
  rh_doc_add_table (h->doc, G_N_ELEMENTS (headers), headers, widths, right, h->rows);
}

static gboolean
build_branch (RhHandout *h, RhDatabase *db, const char *period, gint64 branch_id, GError **error)
{
  g_autoptr (GPtrArray) results = rh_assessment_score_all (db, period, error);
  g_autoptr (RhAssessmentDetail) d = NULL;
  g_autoptr (RhOrg) org = rh_org_load (db, branch_id, error);
  g_autofree char *secretary = NULL, *subtitle = NULL, *total = NULL, *stars = NULL;
  g_autofree char *rank = NULL, *party = NULL, *business = NULL, *review = NULL;
  const RhScoreResult *r;
  guint assessed;
  GError *local = NULL;

  if (results == NULL || org == NULL)
    return FALSE;
  if (org->kind != RH_ORG_BRANCH || org->archived_date != NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, branch_id);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no active party branch with id %s"), id);
      return FALSE;
    }
  d = rh_assessment_detail (db, branch_id, period, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  for (int i = 0; i < 2; i++)
    {
      h->charts[i] = rh_chart_model_load_with_results (db, i == 0 ? RH_CHART_RADAR : RH_CHART_QUADRANT,
                                                       period, branch_id, results, error);
      if (h->charts[i] == NULL)
        return FALSE;
      rh_chart_model_set_font (h->charts[i], RH_DOC_FONT);
    }
  r = find_result (results, branch_id, &assessed);
  secretary = secretary_of (db, branch_id);
  h->title = g_strdup (org->name);
  /* TRANSLATORS: the subtitle of a branch's handout, e.g. "2025 年度考核评议材料". */
  subtitle = g_strdup_printf (_("Assessment for the evaluation meeting, %s"), period);
  rh_doc_add_title (h->doc, org->name, subtitle);

  if (r != NULL && r->assessment_id != 0)
    {
      GString *earned = g_string_new (NULL);
      total = number (r->total);
      party = number (r->party);
      business = number (r->business);
      review = number (r->review);
      for (int s = 0; s < RH_N_STARS; s++)
        if (r->stars & (1u << s))
          g_string_append_printf (earned, "%s%s", earned->len ? _(", ") : "", rh_star_label (s));
      {
        g_autofree char *level = stars_text (r->star_level);
        stars = earned->len ? g_strdup_printf ("%s（%s）", level, earned->str) : g_strdup (level);
      }
      g_string_free (earned, TRUE);
      /* TRANSLATORS: a branch's rank among the assessed branches, e.g. "3 / 15". */
      rank = g_strdup_printf (_("%d of %u"), r->rank, assessed);
    }
  {
    /* The branch is the title; the stars, last and alone, take the whole line. */
    const char *labels[] = { _("Period"), _("Secretary"), _("Status"),
                             _("Combined score"), _("Rank"), _("Party building score"),
                             _("Business score"), _("Review score"), _("Grade"), _("Stars") };
    const char *values[] = { period, secretary,
                             r != NULL && r->assessment_id != 0
                               ? rh_assessment_status_label (r->status) : _("not assessed"),
                             total, rank, party, business, review,
                             r != NULL && r->vetoed ? _("vetoed") : r != NULL ? r->grade : NULL,
                             stars };
    rh_doc_add_fields (h->doc, labels, values, G_N_ELEMENTS (labels));
  }
  {
    RhDocDrawFunc funcs[] = { draw_chart, draw_chart };
    gpointer data[] = { h->charts[0], h->charts[1] };
    rh_doc_add_drawings (h->doc, 212, 2, funcs, data);
  }
  if (d == NULL)
    rh_doc_add_paragraph (h->doc, _("This branch has no assessment for this period: there are no "
                                    "indicator scores to list."));
  else
    {
      /* What the meeting discusses first, then the detail. */
      add_strengths (h->doc, d);
      add_indicator_table (h, d);
    }
  {
    const char *lines[] = { _("Branch secretary (signature): ______________"),
                            _("Committee reviewer (signature): ______________"),
                            _("Date:        year      month      day") };
    rh_doc_add_signature (h->doc, lines, G_N_ELEMENTS (lines));
  }
  return TRUE;
}

static gboolean
build_committee (RhHandout *h, RhDatabase *db, const char *period, GError **error)
{
  g_autoptr (GPtrArray) results = rh_assessment_score_all (db, period, error);
  g_autofree char *committee = NULL, *subtitle = NULL, *counts = NULL, *average = NULL;
  g_autofree char *finalised_text = NULL, *fives = NULL;
  const char *headers[] = { _("Rank"), _("Branch"), _("Party"), _("Business"), _("Review"),
                            _("Total"), _("Grade"), _("Stars") };
  const double widths[] = { 0.06, 0.37, 0.085, 0.085, 0.085, 0.085, 0.10, 0.13 };
  const gboolean right[] = { TRUE, FALSE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE };
  guint assessed = 0, finalised = 0, five = 0;
  double sum = 0;
  RhChartKind kinds[] = { RH_CHART_RANKING, RH_CHART_QUADRANT, RH_CHART_STARS };

  if (results == NULL)
    return FALSE;
  for (int i = 0; i < 3; i++)
    {
      h->charts[i] = rh_chart_model_load_with_results (db, kinds[i], period, 0, results, error);
      if (h->charts[i] == NULL)
        return FALSE;
      rh_chart_model_set_font (h->charts[i], RH_DOC_FONT);
    }
  committee = rh_chart_committee_name (db);
  h->title = g_strdup (committee);
  /* TRANSLATORS: the subtitle of the committee's handout, e.g. "2025 年度党支部考核汇总". */
  subtitle = g_strdup_printf (_("Assessment of the branches, %s"), period);
  rh_doc_add_title (h->doc, committee, subtitle);

  h->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < results->len; i++)
    {
      RhScoreResult *r = results->pdata[i];
      g_autofree char *rank = NULL, *party = NULL, *business = NULL, *review = NULL;
      g_autofree char *total = NULL, *stars = NULL;

      if (r->assessment_id == 0)
        {
          g_ptr_array_add (h->rows, row_new ("—", r->org_name, "", "", "", "", _("not assessed"), "",
                                             NULL));
          continue;
        }
      assessed++;
      finalised += r->status == RH_ASSESSMENT_FINALISED;
      five += r->star_level == 5;
      sum += r->total;
      rank = g_strdup_printf ("%d", r->rank);
      party = number (r->party);
      business = number (r->business);
      review = number (r->review);
      total = number (r->total);
      stars = stars_text (r->star_level);
      g_ptr_array_add (h->rows, row_new (rank, r->org_name, party, business, review, total,
                                         r->vetoed ? _("vetoed") : r->grade, stars, NULL));
    }
  counts = g_strdup_printf (_("%u of %u"), assessed, results->len);
  finalised_text = g_strdup_printf ("%u", finalised);
  average = assessed > 0 ? number (sum / assessed) : g_strdup ("—");
  fives = g_strdup_printf ("%u", five);
  {
    const char *labels[] = { _("Party committee"), _("Period"), _("Branches assessed"), _("Finalised"),
                             _("Average combined score"), _("Five-star branches") };
    const char *values[] = { committee, period, counts, finalised_text, average, fives };
    rh_doc_add_fields (h->doc, labels, values, G_N_ELEMENTS (labels));
  }
  {
    RhDocDrawFunc one[] = { draw_chart }, two[] = { draw_chart, draw_chart };
    gpointer a[] = { h->charts[0] }, b[] = { h->charts[1], h->charts[2] };
    /* A short list needs less room, and the next charts then fit on page one. */
    rh_doc_add_drawings (h->doc, assessed <= 12 ? 240 : 330, 1, one, a);
    rh_doc_add_drawings (h->doc, 240, 2, two, b);
  }
  rh_doc_add_heading (h->doc, _("Summary of all branches"));
  rh_doc_add_table (h->doc, G_N_ELEMENTS (headers), headers, widths, right, h->rows);
  {
    const char *lines[] = { _("Party committee (seal): ______________"),
                            _("Date:        year      month      day") };
    rh_doc_add_signature (h->doc, lines, G_N_ELEMENTS (lines));
  }
  return TRUE;
}

RhHandout *
rh_handout_new (RhDatabase *db, const char *period, gint64 branch_id, GError **error)
{
  g_autoptr (RhHandout) h = g_new0 (RhHandout, 1);
  g_autofree char *canonical = NULL;
  RhPeriod p;

  if (!rh_period_parse (period, &p, error))
    return NULL;
  canonical = rh_period_format (&p);
  h->doc = rh_doc_new ();
  if (branch_id != 0 ? !build_branch (h, db, canonical, branch_id, error)
                     : !build_committee (h, db, canonical, error))
    return NULL;
  return g_steal_pointer (&h);
}

const char *
rh_handout_get_title (RhHandout *h)
{
  return h->title;
}

guint
rh_handout_get_n_pages (RhHandout *h)
{
  return rh_doc_get_n_pages (h->doc);
}

void
rh_handout_draw_page (RhHandout *h, cairo_t *cr, guint page)
{
  rh_doc_draw_page (h->doc, cr, page);
}

gboolean
rh_handout_write_pdf (RhHandout *h, const char *path, GError **error)
{
  return rh_doc_write_pdf (h->doc, path, h->title, error);
}
