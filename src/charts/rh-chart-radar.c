/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The five-star radar: a branch's share of the points of each star. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-chart-private.h"

static void
series_style (RhChartCtx *ctx, guint s)
{
  cairo_t *cr = ctx->cr;

  cairo_set_dash (cr, NULL, 0, 0);
  if (s == 0)
    {
      rh_chart_set_rgb (cr, RH_CHART_HIGHLIGHT);
      cairo_set_line_width (cr, 2.0);
    }
  else if (s == 1)
    {
      rh_chart_set_rgb (cr, ctx->fg);
      cairo_set_line_width (cr, 1.2);
      cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
    }
  else
    {
      rh_chart_set_rgb (cr, ctx->muted);
      cairo_set_line_width (cr, 1.2);
      cairo_set_dash (cr, (double[]) { 1.2, 2.2 }, 2, 0);
    }
}

const char *
rh_chart_radar (cairo_t *cr, double width, double height, const RhChartInfo *info,
                const char *const *axes, guint n_axes, const RhChartSeries *series, guint n_series)
{
  RhChartCtx ctx;
  double cx, cy, radius, legend_y;
  gboolean any = FALSE;

  rh_chart_begin (&ctx, cr, width, height, info);
  for (guint s = 0; s < MIN (n_series, 1); s++)
    for (guint a = 0; a < n_axes; a++)
      any |= !isnan (series[s].values[a]);
  if (n_axes < 3 || !any || ctx.w < 80 || ctx.h < 80)
    return rh_chart_empty (&ctx, _("This branch has no assessment with star indicators for this "
                                   "period."));

  /* The legend wraps in a narrow chart: measure it first. */
  {
    double lx = 0, rows = 1;
    for (guint s = 0; s < n_series; s++)
      {
        double tw;
        rh_chart_text_size (&ctx, RH_CHART_TEXT, FALSE, series[s].name, &tw, NULL);
        if (lx > 0 && lx + 26 + tw > ctx.w)
          {
            rows++;
            lx = 0;
          }
        lx += 26 + tw + 16;
      }
    legend_y = ctx.y + ctx.h - RH_CHART_TEXT * 1.6 * rows;
  }
  /* Room for two-line labels above, below and beside. */
  radius = MIN (ctx.w / 2 - RH_CHART_TEXT * 6, (legend_y - ctx.y) / 2 - RH_CHART_TEXT * 3.4);
  radius = MAX (radius, 10);
  cx = ctx.x + ctx.w / 2;
  cy = ctx.y + (legend_y - ctx.y) / 2;

  /* Rings at 20 % steps, spokes, axis labels. */
  for (int ring = 1; ring <= 5; ring++)
    {
      double rr = radius * ring / 5;
      g_autofree char *t = g_strdup_printf ("%d%%", ring * 20);
      rh_chart_set_rgb (cr, ctx.grid);
      cairo_set_line_width (cr, ring == 5 ? 1.0 : 0.6);
      for (guint a = 0; a <= n_axes; a++)
        {
          double ang = -G_PI / 2 + 2 * G_PI * (a % n_axes) / n_axes;
          if (a == 0)
            cairo_move_to (cr, cx + rr * cos (ang), cy + rr * sin (ang));
          else
            cairo_line_to (cr, cx + rr * cos (ang), cy + rr * sin (ang));
        }
      cairo_stroke (cr);
      /* Along the middle of the first sector, clear of the axes; only
       * 100 % when the radar is small. */
      rh_chart_set_rgb (cr, ctx.muted);
      if (radius >= 80 || ring == 5)
        rh_chart_text (&ctx, RH_CHART_SMALL - 0.5, FALSE, t,
                     cx + rr * cos (-G_PI / 2 + G_PI / n_axes) * 0.96 - 8,
                     cy + rr * sin (-G_PI / 2 + G_PI / n_axes) * 0.96 - RH_CHART_SMALL * 0.7, -1,
                     PANGO_ALIGN_LEFT, FALSE);
    }
  for (guint a = 0; a < n_axes; a++)
    {
      double ang = -G_PI / 2 + 2 * G_PI * a / n_axes;
      double lx = cx + (radius + 9) * cos (ang), ly = cy + (radius + 9) * sin (ang);
      double tw, th, boxw = RH_CHART_TEXT * 7;
      /* The branch's share under the star's name. */
      g_autofree char *label = n_series > 0 && !isnan (series[0].values[a])
                                 ? g_strdup_printf ("%s\n%.0f%%", axes[a], series[0].values[a] * 100)
                                 : g_strdup (axes[a]);
      rh_chart_set_rgb (cr, ctx.grid);
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, cx + radius * cos (ang), cy + radius * sin (ang));
      cairo_stroke (cr);
      rh_chart_text_size (&ctx, RH_CHART_TEXT, TRUE, label, &tw, &th);
      tw = MIN (tw, boxw);
      if (cos (ang) < -0.2)
        lx -= tw;
      else if (fabs (cos (ang)) <= 0.2)
        lx -= tw / 2;
      if (sin (ang) < -0.5)
        ly -= th;
      else if (fabs (sin (ang)) <= 0.5)
        ly -= th / 2;
      rh_chart_set_rgb (cr, ctx.fg);
      rh_chart_text (&ctx, RH_CHART_TEXT, TRUE, label, lx, ly, tw + 0.5,
                     cos (ang) < -0.2 ? PANGO_ALIGN_RIGHT : fabs (cos (ang)) <= 0.2 ? PANGO_ALIGN_CENTER
                                                                : PANGO_ALIGN_LEFT, FALSE);
    }

  /* The series, last first so the branch lies on top. */
  for (int s = (int) n_series - 1; s >= 0; s--)
    {
      gboolean started = FALSE;
      cairo_save (cr);
      for (guint a = 0; a <= n_axes; a++)
        {
          double v = series[s].values[a % n_axes];
          double ang = -G_PI / 2 + 2 * G_PI * (a % n_axes) / n_axes;
          double rr = radius * (isnan (v) ? 0 : CLAMP (v, 0, 1));
          if (!started)
            cairo_move_to (cr, cx + rr * cos (ang), cy + rr * sin (ang));
          else
            cairo_line_to (cr, cx + rr * cos (ang), cy + rr * sin (ang));
          started = TRUE;
        }
      cairo_close_path (cr);
      if (s == 0)
        {
          cairo_set_source_rgba (cr, RH_CHART_HIGHLIGHT.r, RH_CHART_HIGHLIGHT.g, RH_CHART_HIGHLIGHT.b, 0.16);
          cairo_fill_preserve (cr);
        }
      series_style (&ctx, (guint) s);
      cairo_stroke (cr);
      /* Markers and, for the branch, the values. */
      for (guint a = 0; a < n_axes; a++)
        {
          double v = series[s].values[a];
          double ang = -G_PI / 2 + 2 * G_PI * a / n_axes;
          double rr = radius * (isnan (v) ? 0 : CLAMP (v, 0, 1));
          double mx = cx + rr * cos (ang), my = cy + rr * sin (ang);
          if (isnan (v))
            continue;
          if (s == 0)
            {
              cairo_arc (cr, mx, my, 2.6, 0, 2 * G_PI);
              cairo_fill (cr);
            }
          else
            {
              cairo_rectangle (cr, mx - 1.8, my - 1.8, 3.6, 3.6);
              cairo_fill (cr);
            }
        }
      cairo_restore (cr);
    }

  /* Legend: line samples. */
  {
    double lx = ctx.x;
    for (guint s = 0; s < n_series; s++)
      {
        double tw;
        rh_chart_text_size (&ctx, RH_CHART_TEXT, FALSE, series[s].name, &tw, NULL);
        if (lx > ctx.x && lx + 26 + tw > ctx.x + ctx.w)
          {
            lx = ctx.x;
            legend_y += RH_CHART_TEXT * 1.6;
          }
        cairo_save (cr);
        series_style (&ctx, s);
        cairo_move_to (cr, lx, legend_y + RH_CHART_TEXT * 0.75);
        cairo_line_to (cr, lx + 22, legend_y + RH_CHART_TEXT * 0.75);
        cairo_stroke (cr);
        cairo_restore (cr);
        rh_chart_set_rgb (cr, ctx.fg);
        rh_chart_text (&ctx, RH_CHART_TEXT, FALSE, series[s].name, lx + 26, legend_y, -1,
                       PANGO_ALIGN_LEFT, FALSE);
        lx += 26 + tw + 16;
      }
  }
  return NULL;
}
