/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rankings as horizontal bars: branches by total, members by points. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-chart-private.h"

#define MIN_ROW 10.5   /* points: a row still legible with its label */
#define STRIP_H 46.0   /* the distribution strip when the list is cut */

static char *
stars_text (int level)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < level && i < 5; i++)
    g_string_append (s, "★");
  return g_string_free (s, FALSE);
}

/* A histogram of every value, the highlighted one marked. */
static void
draw_strip (RhChartCtx *ctx, const RhChartBar *bars, guint n, double max, double x0, double w,
            double y, double h)
{
  enum { BINS = 50 };
  guint counts[BINS] = { 0 }, top = 0;
  double marked = NAN;
  cairo_t *cr = ctx->cr;

  for (guint i = 0; i < n; i++)
    {
      int b;
      if (isnan (bars[i].value))
        continue;
      b = CLAMP ((int) floor (bars[i].value / max * BINS), 0, BINS - 1);
      top = MAX (top, ++counts[b]);
      if (bars[i].highlight)
        marked = bars[i].value;
    }
  rh_chart_set_rgb (cr, ctx->muted);
  rh_chart_text (ctx, RH_CHART_SMALL, FALSE, _("Distribution of all totals"), ctx->x, y,
                 x0 - ctx->x - 6, PANGO_ALIGN_LEFT, FALSE);
  for (int b = 0; b < BINS && top > 0; b++)
    {
      double bh = (h - 4) * counts[b] / top;
      cairo_rectangle (cr, x0 + w * b / BINS + 0.3, y + h - bh, w / BINS - 0.6, bh);
    }
  cairo_fill (cr);
  rh_chart_set_rgb (cr, ctx->grid);
  cairo_move_to (cr, x0, y + h + 0.5);
  cairo_line_to (cr, x0 + w, y + h + 0.5);
  cairo_stroke (cr);
  if (!isnan (marked))
    {
      double mx = x0 + w * CLAMP (marked / max, 0, 1);
      rh_chart_set_rgb (cr, RH_CHART_HIGHLIGHT);
      cairo_save (cr);
      cairo_set_line_width (cr, 1.6);
      cairo_move_to (cr, mx, y - 1);
      cairo_line_to (cr, mx, y + h);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static const char *
draw_bars (cairo_t *cr, double width, double height, const RhChartInfo *info,
           const RhChartBar *bars, guint n, const char *const *group_labels, guint n_groups,
           double max_value, const char *axis_label, const char *empty_message, gboolean decimals)
{
  RhChartCtx ctx;
  const char *note = NULL;
  double label_w = 0, value_w, x0, bw, y, row_h, axis_h, legend_h, max = max_value, step;
  g_autoptr (GArray) shown = g_array_new (FALSE, FALSE, sizeof (int));   /* -1: a gap */
  guint fit, n_valued = 0;
  double lo = INFINITY, hi = -INFINITY;
  gboolean cut;
  int hl = -1;

  rh_chart_begin (&ctx, cr, width, height, info);
  for (guint i = 0; i < n; i++)
    {
      if (!isnan (bars[i].value))
        {
          n_valued++;
          lo = MIN (lo, bars[i].value);
          hi = MAX (hi, bars[i].value);
          if (max_value <= 0)
            max = MAX (max, bars[i].value);
        }
      if (bars[i].highlight && hl < 0)
        hl = (int) i;
    }
  if (n_valued == 0 || ctx.w < 60 || ctx.h < 40)
    return rh_chart_empty (&ctx, empty_message);
  if (!(max > 0))
    max = 1;
  if (max_value <= 0)
    max = ceil (max / rh_chart_nice_step (max, 5) - 1e-9) * rh_chart_nice_step (max, 5);
  if (n_valued == 1)
    note = _("Only one has a score: there is nothing to compare it with.");
  else if (hi - lo < 1e-9)
    note = _("All the scores are equal: the ranking does not tell them apart.");
  if (note != NULL)
    rh_chart_note (&ctx, note);

  /* Legend: the groups, the highlight, the stars. */
  {
    g_autoptr (GPtrArray) labels = g_ptr_array_new ();
    g_autoptr (GArray) styles = g_array_new (FALSE, FALSE, sizeof (int));
    for (guint g = 0; g < n_groups && g < RH_CHART_N_FILLS; g++)
      {
        int s = (int) g;
        g_ptr_array_add (labels, (gpointer) group_labels[g]);
        g_array_append_val (styles, s);
      }
    legend_h = rh_chart_legend (&ctx, (const char *const *) labels->pdata, (int *) (gpointer) styles->data,
                                labels->len, ctx.x, ctx.y, ctx.w);
    ctx.y += legend_h + 4;
    ctx.h -= legend_h + 4;
  }

  axis_h = RH_CHART_TEXT * 3.4;

  fit = (guint) MAX (0, floor ((ctx.h - axis_h) / MIN_ROW));
  cut = n > fit;
  if (cut)
    {
      /* The top and bottom of the list and the highlighted one, with gaps. */
      guint rows;
      int k, gap = -1;
      fit = (guint) MAX (0, floor ((ctx.h - axis_h - STRIP_H - 8) / MIN_ROW));
      rows = MAX (fit, 3) - 1;
      if (hl >= 0)
        rows -= 2;
      k = (int) rows / 2;
      for (int i = 0; i < k; i++)
        g_array_append_val (shown, i);
      if (hl >= k && hl < (int) n - k)
        {
          g_array_append_val (shown, gap);
          g_array_append_val (shown, hl);
        }
      g_array_append_val (shown, gap);
      for (int i = (int) n - ((int) rows - k); i < (int) n; i++)
        g_array_append_val (shown, i);
    }
  else
    for (int i = 0; i < (int) n; i++)
      g_array_append_val (shown, i);

  /* The label column fits the widest name shown, up to a third of the width:
   * only the rows drawn are measured (the ranking of 2,000 shows about 40), and
   * measuring stops at the limit. */
  for (guint r = 0; r < shown->len && label_w < ctx.w * 0.32; r++)
    {
      int i = g_array_index (shown, int, r);
      double tw;

      if (i < 0)
        continue;
      rh_chart_text_size (&ctx, RH_CHART_TEXT, bars[i].highlight, bars[i].name, &tw, NULL);
      label_w = MAX (label_w, tw + 14);
    }
  label_w = MIN (label_w, ctx.w * 0.32);
  rh_chart_text_size (&ctx, RH_CHART_TEXT, FALSE, "100.00 ★★★★★", &value_w, NULL);
  value_w += 6;
  x0 = ctx.x + label_w + 4;
  bw = ctx.w - label_w - 4 - value_w;
  if (cut)
    {
      draw_strip (&ctx, bars, n, max, x0, bw, ctx.y, STRIP_H - 8);
      ctx.y += STRIP_H;
      ctx.h -= STRIP_H;
    }
  row_h = MIN ((ctx.h - axis_h) / MAX (shown->len, 1), RH_CHART_TEXT * 3);

  /* Grid and axis, to a round number. */
  step = rh_chart_nice_step (max, 5);
  for (double v = 0; v <= max + 1e-9; v += step)
    {
      double gx = x0 + bw * v / max;
      g_autofree char *t = rh_chart_format (v);
      rh_chart_set_rgb (cr, ctx.grid);
      cairo_move_to (cr, floor (gx) + 0.5, ctx.y);
      cairo_line_to (cr, floor (gx) + 0.5, ctx.y + row_h * shown->len + 2);
      cairo_stroke (cr);
      rh_chart_set_rgb (cr, ctx.muted);
      rh_chart_text (&ctx, RH_CHART_SMALL, FALSE, t, gx - 20, ctx.y + row_h * shown->len + 3, 40,
                     PANGO_ALIGN_CENTER, FALSE);
    }
  rh_chart_set_rgb (cr, ctx.fg);
  rh_chart_text (&ctx, RH_CHART_TEXT, FALSE, axis_label, x0, ctx.y + row_h * shown->len + 4
                 + RH_CHART_SMALL * 1.5, bw, PANGO_ALIGN_CENTER, FALSE);

  y = ctx.y;
  for (guint r = 0; r < shown->len; r++, y += row_h)
    {
      int i = g_array_index (shown, int, r);
      const RhChartBar *b;
      double len, th, text_size = MIN (RH_CHART_TEXT, row_h * 0.85);
      g_autofree char *value = NULL, *stars = NULL, *label = NULL;

      if (i < 0)
        {
          int before = r > 0 ? g_array_index (shown, int, r - 1) : -1;
          int after = r + 1 < shown->len ? g_array_index (shown, int, r + 1) : (int) n;
          g_autofree char *more = g_strdup_printf (ngettext ("… %d more …", "… %d more …", after - before - 1), after - before - 1);
          rh_chart_set_rgb (cr, ctx.muted);
          rh_chart_text (&ctx, RH_CHART_SMALL, FALSE, more, ctx.x, y + (row_h - RH_CHART_SMALL * 1.4) / 2,
                         label_w, PANGO_ALIGN_RIGHT, FALSE);
          continue;
        }
      b = &bars[i];
      len = isnan (b->value) ? 0 : bw * CLAMP (b->value, 0, max) / max;
      if (len > 0)
        rh_chart_fill (cr, b->group < 0 ? RH_CHART_N_FILLS - 1 : b->group, x0, y + row_h * 0.15,
                       len, row_h * 0.7);
      if (b->highlight)
        {
          cairo_save (cr);
          rh_chart_set_rgb (cr, RH_CHART_HIGHLIGHT);
          cairo_set_line_width (cr, 1.4);
          cairo_rectangle (cr, ctx.x - 2, y + 0.7, ctx.w + 4, row_h - 1.4);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      rh_chart_text_size (&ctx, text_size, FALSE, "8", NULL, &th);
      label = cut ? g_strdup_printf ("%d. %s", i + 1, b->name) : g_strdup (b->name);
      rh_chart_set_rgb (cr, b->highlight ? RH_CHART_HIGHLIGHT : ctx.fg);
      if (!b->highlight && ctx.info->dark)
        rh_chart_set_rgb (cr, ctx.fg);
      rh_chart_text (&ctx, text_size, b->highlight, label, ctx.x, y + (row_h - th) / 2, label_w - 4,
                     PANGO_ALIGN_RIGHT, TRUE);
      value = decimals && !isnan (b->value) ? g_strdup_printf ("%.2f", b->value) : rh_chart_format (b->value);
      stars = stars_text (b->stars);
      {
        g_autofree char *text = b->stars > 0 ? g_strdup_printf ("%s %s", value, stars)
                                             : g_steal_pointer (&value);
        rh_chart_set_rgb (cr, ctx.fg);
        rh_chart_text (&ctx, text_size, b->highlight, text, x0 + len + 3, y + (row_h - th) / 2, -1,
                       PANGO_ALIGN_LEFT, FALSE);
      }
    }
  /* The baseline. */
  rh_chart_set_rgb (cr, ctx.fg);
  cairo_move_to (cr, floor (x0) + 0.5, ctx.y);
  cairo_line_to (cr, floor (x0) + 0.5, ctx.y + row_h * shown->len + 2);
  cairo_stroke (cr);
  return note;
}

const char *
rh_chart_ranking (cairo_t *cr, double width, double height, const RhChartInfo *info,
                  const RhChartBar *bars, guint n_bars, const char *const *group_labels,
                  guint n_groups, double max_value)
{
  return draw_bars (cr, width, height, info, bars, n_bars, group_labels, n_groups, max_value,
                    _("Combined score"), _("No branch has been assessed for this period."), TRUE);
}

const char *
rh_chart_points (cairo_t *cr, double width, double height, const RhChartInfo *info,
                 const RhChartBar *bars, guint n_bars, const char *const *level_labels,
                 guint n_levels)
{
  return draw_bars (cr, width, height, info, bars, n_bars, level_labels, n_levels, 0,
                    _("Points"), _("No member of this branch has points for this period."), FALSE);
}
