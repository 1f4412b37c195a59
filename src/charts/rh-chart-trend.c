/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A branch's totals over periods, against the committee's average. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-chart-private.h"

static void
line (RhChartCtx *ctx, const RhChartTrendPoint *p, guint n, gboolean average, double px,
      double step, double py, double ph, double max)
{
  cairo_t *cr = ctx->cr;
  gboolean pen = FALSE;

  cairo_save (cr);
  if (average)
    {
      rh_chart_set_rgb (cr, ctx->fg);
      cairo_set_line_width (cr, 1.2);
      cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
    }
  else
    {
      rh_chart_set_rgb (cr, RH_CHART_HIGHLIGHT);
      cairo_set_line_width (cr, 2.0);
    }
  for (guint i = 0; i < n; i++)
    {
      double v = average ? p[i].average : p[i].value;
      double x = px + step * (i + 0.5), y = py + ph * (1 - CLAMP (v, 0, max) / max);
      if (isnan (v))
        {
          pen = FALSE;   /* a gap where a period is missing */
          continue;
        }
      if (pen)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen = TRUE;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; i < n; i++)
    {
      double v = average ? p[i].average : p[i].value;
      double x = px + step * (i + 0.5), y = py + ph * (1 - CLAMP (v, 0, max) / max);
      if (isnan (v))
        continue;
      if (average)
        cairo_rectangle (cr, x - 2.2, y - 2.2, 4.4, 4.4);
      else
        cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
      cairo_fill (cr);
      if (!average)
        {
          g_autofree char *t = rh_chart_format (v);
          rh_chart_set_rgb (cr, ctx->fg);
          rh_chart_text (ctx, RH_CHART_SMALL, TRUE, t, x - 20, y - RH_CHART_SMALL * 2.1, 40,
                         PANGO_ALIGN_CENTER, FALSE);
          rh_chart_set_rgb (cr, RH_CHART_HIGHLIGHT);
        }
    }
  cairo_restore (cr);
}

const char *
rh_chart_trend (cairo_t *cr, double width, double height, const RhChartInfo *info,
                const RhChartTrendPoint *points, guint n_points, double max_value)
{
  RhChartCtx ctx;
  const char *note = NULL;
  double left = RH_CHART_TEXT * 3.5, px, pw, py, ph, step, max = max_value, gs;
  guint known = 0;

  rh_chart_begin (&ctx, cr, width, height, info);
  for (guint i = 0; i < n_points; i++)
    {
      known += !isnan (points[i].value);
      if (max_value <= 0)
        max = MAX (max, MAX (isnan (points[i].value) ? 0 : points[i].value,
                             isnan (points[i].average) ? 0 : points[i].average));
    }
  if (known == 0 || ctx.w < 80 || ctx.h < 60)
    return rh_chart_empty (&ctx, _("This branch has no assessed period to show."));
  if (!(max > 0))
    max = 100;
  if (known == 1)
    note = _("Only one period has been assessed: a trend needs two.");
  if (note != NULL)
    rh_chart_note (&ctx, note);

  px = ctx.x + left;
  pw = ctx.w - left;
  py = ctx.y + RH_CHART_TEXT * 2.2;
  ph = ctx.h - RH_CHART_TEXT * 2.2 - RH_CHART_TEXT * 4.2;
  step = pw / n_points;
  gs = rh_chart_nice_step (max, 5);
  for (double v = 0; v <= max + 1e-9; v += gs)
    {
      double y = py + ph * (1 - v / max);
      g_autofree char *t = rh_chart_format (v);
      rh_chart_set_rgb (cr, ctx.grid);
      cairo_move_to (cr, px, floor (y) + 0.5);
      cairo_line_to (cr, px + pw, floor (y) + 0.5);
      cairo_stroke (cr);
      rh_chart_set_rgb (cr, ctx.muted);
      rh_chart_text (&ctx, RH_CHART_SMALL, FALSE, t, px - 34, y - RH_CHART_SMALL * 0.75, 30,
                     PANGO_ALIGN_RIGHT, FALSE);
    }
  for (guint i = 0; i < n_points; i++)
    {
      rh_chart_set_rgb (cr, ctx.fg);
      rh_chart_text (&ctx, RH_CHART_SMALL, FALSE, points[i].label, px + step * i, py + ph + 3, step,
                     PANGO_ALIGN_CENTER, TRUE);
    }
  rh_chart_set_rgb (cr, ctx.fg);
  rh_chart_text (&ctx, RH_CHART_TEXT, FALSE, _("Period"), px, py + ph + RH_CHART_SMALL * 2 + 2, pw,
                 PANGO_ALIGN_CENTER, FALSE);
  cairo_save (cr);
  cairo_translate (cr, ctx.x, py + ph);
  cairo_rotate (cr, -G_PI / 2);
  rh_chart_text (&ctx, RH_CHART_TEXT, FALSE, _("Combined score"), 0, 0, ph, PANGO_ALIGN_CENTER, FALSE);
  cairo_restore (cr);

  line (&ctx, points, n_points, TRUE, px, step, py, ph, max);
  line (&ctx, points, n_points, FALSE, px, step, py, ph, max);

  /* Legend. */
  {
    double ly = ctx.y, tw;
    cairo_save (cr);
    rh_chart_set_rgb (cr, RH_CHART_HIGHLIGHT);
    cairo_set_line_width (cr, 2);
    cairo_move_to (cr, px, ly + RH_CHART_TEXT * 0.75);
    cairo_line_to (cr, px + 22, ly + RH_CHART_TEXT * 0.75);
    cairo_stroke (cr);
    rh_chart_set_rgb (cr, ctx.fg);
    rh_chart_text_size (&ctx, RH_CHART_TEXT, FALSE, _("This branch"), &tw, NULL);
    rh_chart_text (&ctx, RH_CHART_TEXT, FALSE, _("This branch"), px + 26, ly, -1, PANGO_ALIGN_LEFT, FALSE);
    cairo_set_line_width (cr, 1.2);
    cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
    cairo_move_to (cr, px + 26 + tw + 16, ly + RH_CHART_TEXT * 0.75);
    cairo_line_to (cr, px + 26 + tw + 38, ly + RH_CHART_TEXT * 0.75);
    cairo_stroke (cr);
    rh_chart_text (&ctx, RH_CHART_TEXT, FALSE, _("Committee average"), px + 26 + tw + 42, ly, -1,
                   PANGO_ALIGN_LEFT, FALSE);
    cairo_restore (cr);
  }
  return note;
}
