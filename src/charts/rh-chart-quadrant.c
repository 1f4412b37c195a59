/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The integration quadrant: the "两张皮" diagnosis, party work against business. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-chart-private.h"

/* Quadrant backgrounds: lightness alone tells them apart. */
static const double shade[4] = { 0.86, 0.93, 0.96, 0.99 };   /* both, party, business, weak */

const char *
rh_chart_quadrant (cairo_t *cr, double width, double height, const RhChartInfo *info,
                   const RhChartPoint *points, guint n_points, double party_cut,
                   double business_cut, const RhChartPoint *previous)
{
  RhChartCtx ctx;
  const char *note = NULL;
  double left, bottom_h = RH_CHART_TEXT * 5.4, px, py, pw, ph, cx, cy, r;
  guint n = 0;
  double lo, hi, lo_x = INFINITY, hi_x = -INFINITY, lo_y = INFINITY, hi_y = -INFINITY;
  int hl = -1;
  const char *labels[4];

  rh_chart_begin (&ctx, cr, width, height, info);
  for (guint i = 0; i < n_points; i++)
    if (!isnan (points[i].party) && !isnan (points[i].business))
      {
        n++;
        lo_x = MIN (lo_x, points[i].party);
        hi_x = MAX (hi_x, points[i].party);
        lo_y = MIN (lo_y, points[i].business);
        hi_y = MAX (hi_y, points[i].business);
        if (points[i].highlight)
          hl = (int) i;
      }
  if (hl >= 0 && previous != NULL && !isnan (previous->party) && !isnan (previous->business))
    {
      lo_x = MIN (lo_x, previous->party);
      lo_y = MIN (lo_y, previous->business);
    }
  else
    previous = NULL;
  if (n == 0 || ctx.w < 80 || ctx.h < 80)
    return rh_chart_empty (&ctx, _("No branch has both a party score and a business score for "
                                   "this period."));
  if (n == 1)
    note = _("Only one branch has both scores: the lines are the cut-offs, not medians of a group.");
  else if (hi_x - lo_x < 1e-9 && hi_y - lo_y < 1e-9)
    note = _("All branches have the same scores: they sit on one point.");
  if (note != NULL)
    rh_chart_note (&ctx, note);
  if (isnan (party_cut))
    party_cut = 60;
  if (isnan (business_cut))
    business_cut = 60;

  /* The axes start at the tens below the lowest score, so that a cluster
   * of good scores is not squeezed into a corner. */
  lo = floor (MIN (MIN (lo_x, lo_y), MIN (party_cut, business_cut)) / 10) * 10 - 10;
  lo = CLAMP (lo, 0, 80);
  hi = MAX (100, ceil (MAX (hi_x, hi_y) / 10) * 10);

  /* A square plot, as large as fits, with room for the axis labels. */
  left = RH_CHART_TEXT * 4;
  pw = MIN (ctx.w - left - 8, ctx.h - bottom_h);
  ph = pw;
  px = ctx.x + left + MAX (0, (ctx.w - left - 8 - pw) / 2);
  py = ctx.y + 4;
  cx = px + pw * (CLAMP (party_cut, lo, hi) - lo) / (hi - lo);
  cy = py + ph * (1 - (CLAMP (business_cut, lo, hi) - lo) / (hi - lo));

  /* Quadrants, drawn in grey so dark mode keeps them readable. */
  {
    struct { double x, y, w, h; int s; } q[4] = {
      { cx, py, px + pw - cx, cy - py, 0 },          /* 双强 */
      { cx, cy, px + pw - cx, py + ph - cy, 1 },     /* 党建强业务弱 */
      { px, py, cx - px, cy - py, 2 },               /* 业务强党建弱 */
      { px, cy, cx - px, py + ph - cy, 3 },          /* 双弱 */
    };
    labels[0] = _("Both strong");
    labels[1] = _("Party strong, business weak");
    labels[2] = _("Business strong, party weak");
    labels[3] = _("Both weak");
    for (int i = 0; i < 4; i++)
      {
        double g = ctx.info->dark ? 1.1 - shade[i] : shade[i];
        cairo_set_source_rgb (cr, g, g, g);
        cairo_rectangle (cr, q[i].x, q[i].y, q[i].w, q[i].h);
        cairo_fill (cr);
      }
  }
  /* Grid and frame. */
  for (int v = (int) lo; v <= hi; v += 10)
    {
      g_autofree char *t = g_strdup_printf ("%d", v);
      double gx = px + pw * (v - lo) / (hi - lo), gy = py + ph * (1 - (v - lo) / (hi - lo));
      rh_chart_set_rgb (cr, ctx.grid);
      cairo_move_to (cr, gx, py);
      cairo_line_to (cr, gx, py + ph);
      cairo_move_to (cr, px, gy);
      cairo_line_to (cr, px + pw, gy);
      cairo_stroke (cr);
      rh_chart_set_rgb (cr, ctx.muted);
      rh_chart_text (&ctx, RH_CHART_SMALL, FALSE, t, gx - 15, py + ph + 2, 30, PANGO_ALIGN_CENTER, FALSE);
      rh_chart_text (&ctx, RH_CHART_SMALL, FALSE, t, px - 34, gy - RH_CHART_SMALL * 0.75, 30,
                     PANGO_ALIGN_RIGHT, FALSE);
    }
  rh_chart_set_rgb (cr, ctx.fg);
  cairo_rectangle (cr, px, py, pw, ph);
  cairo_stroke (cr);
  rh_chart_text (&ctx, RH_CHART_TEXT, TRUE, _("Party building score"), px, py + ph + RH_CHART_SMALL * 1.8,
                 pw, PANGO_ALIGN_CENTER, FALSE);
  cairo_save (cr);
  cairo_translate (cr, MAX (ctx.x, px - 34 - RH_CHART_TEXT * 1.8), py + ph);
  cairo_rotate (cr, -G_PI / 2);
  rh_chart_text (&ctx, RH_CHART_TEXT, TRUE, _("Business score"), 0, 0, ph, PANGO_ALIGN_CENTER, FALSE);
  cairo_restore (cr);

  /* The cut lines: dashed, dark. */
  {
    g_autofree char *xv = rh_chart_format (party_cut), *yv = rh_chart_format (business_cut);
    /* TRANSLATORS: the value where a quadrant line crosses its axis. */
    g_autofree char *xs = g_strdup_printf (_("cut %s"), xv), *ys = g_strdup_printf (_("cut %s"), yv);
    double tw;
    cairo_save (cr);
    cairo_set_line_width (cr, 1.2);
    cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
    rh_chart_set_rgb (cr, ctx.fg);
    cairo_move_to (cr, cx, py);
    cairo_line_to (cr, cx, py + ph);
    cairo_move_to (cr, px, cy);
    cairo_line_to (cr, px + pw, cy);
    cairo_stroke (cr);
    cairo_restore (cr);
    rh_chart_set_rgb (cr, ctx.fg);
    rh_chart_text (&ctx, RH_CHART_SMALL, FALSE, xs, cx + 3, py + ph * 0.5, -1, PANGO_ALIGN_LEFT, FALSE);
    rh_chart_text_size (&ctx, RH_CHART_SMALL, FALSE, ys, &tw, NULL);
    rh_chart_text (&ctx, RH_CHART_SMALL, FALSE, ys, px + pw * 0.5 - tw / 2,
                   cy < py + RH_CHART_SMALL * 2 ? cy + 2 : cy - RH_CHART_SMALL * 1.6, -1,
                   PANGO_ALIGN_LEFT, FALSE);
  }

  /* The points: small and see-through when there are many. */
  r = n > 500 ? 1.3 : n > 100 ? 2.0 : 3.0;
  cairo_save (cr);
  cairo_rectangle (cr, px - r, py - r, pw + 2 * r, ph + 2 * r);
  cairo_clip (cr);
  if (ctx.info->dark)
    cairo_set_source_rgba (cr, 0.85, 0.85, 0.9, n > 500 ? 0.45 : 0.85);
  else
    cairo_set_source_rgba (cr, 0.15, 0.15, 0.2, n > 500 ? 0.45 : 0.85);
  /* Each point a zero-length line with round caps, r wide on each side: the
   * same disc as an arc (one stroke paints overlaps once, as one fill did) in
   * four numbers of the PDF instead of about thirty. */
  cairo_set_line_width (cr, 2 * r);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < n_points; i++)
    {
      double x, y;

      if (isnan (points[i].party) || isnan (points[i].business) || (int) i == hl)
        continue;
      x = px + pw * (CLAMP (points[i].party, lo, hi) - lo) / (hi - lo);
      y = py + ph * (1 - (CLAMP (points[i].business, lo, hi) - lo) / (hi - lo));
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  /* The quadrants' names in the plot's corners. */
  {
    for (int i = 0; i < 4; i++)
      {
        double tw, th;
        gboolean right = i < 2, top = i == 0 || i == 2;

        rh_chart_text_size (&ctx, RH_CHART_TEXT + 0.5, TRUE, labels[i], &tw, &th);
        /* Over the points, on a veil of the background. */
        cairo_set_source_rgba (cr, ctx.bg.r, ctx.bg.g, ctx.bg.b, 0.75);
        cairo_rectangle (cr, right ? px + pw - tw - 6 : px + 2, top ? py + 2 : py + ph - th - 4, tw + 4, th + 2);
        cairo_fill (cr);
        rh_chart_set_rgb (cr, ctx.muted);
        rh_chart_text (&ctx, RH_CHART_TEXT + 0.5, TRUE, labels[i],
                       right ? px + pw - tw - 4 : px + 4, top ? py + 3 : py + ph - th - 3, -1,
                       PANGO_ALIGN_LEFT, FALSE);
      }
  }
  if (previous != NULL)
    {
      /* Where the branch was: a hollow ring, a dashed arrow to where it is. */
      double ox = px + pw * (CLAMP (previous->party, lo, hi) - lo) / (hi - lo);
      double oy = py + ph * (1 - (CLAMP (previous->business, lo, hi) - lo) / (hi - lo));
      double hx = px + pw * (CLAMP (points[hl].party, lo, hi) - lo) / (hi - lo);
      double hy = py + ph * (1 - (CLAMP (points[hl].business, lo, hi) - lo) / (hi - lo));
      double len = hypot (hx - ox, hy - oy);

      cairo_save (cr);
      rh_chart_set_rgb (cr, RH_CHART_HIGHLIGHT);
      cairo_set_line_width (cr, 1.3);
      cairo_new_sub_path (cr);
      cairo_arc (cr, ox, oy, 4, 0, 2 * G_PI);
      cairo_stroke (cr);
      if (len > 16)
        {
          /* From the ring's edge to short of the marker, with a head. */
          double ux = (hx - ox) / len, uy = (hy - oy) / len;
          double ex = hx - ux * 11, ey = hy - uy * 11;
          cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
          cairo_move_to (cr, ox + ux * 4, oy + uy * 4);
          cairo_line_to (cr, ex, ey);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_move_to (cr, ex, ey);
          cairo_line_to (cr, ex - ux * 6 - uy * 3.5, ey - uy * 6 + ux * 3.5);
          cairo_line_to (cr, ex - ux * 6 + uy * 3.5, ey - uy * 6 - ux * 3.5);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      rh_chart_set_rgb (cr, ctx.info->dark ? ctx.fg : RH_CHART_HIGHLIGHT);
      rh_chart_text (&ctx, RH_CHART_SMALL, FALSE, previous->name, ox + 6, oy + 2, -1,
                     PANGO_ALIGN_LEFT, FALSE);
      cairo_restore (cr);
    }
  if (hl >= 0)
    {
      double hx = px + pw * (CLAMP (points[hl].party, lo, hi) - lo) / (hi - lo);
      double hy = py + ph * (1 - (CLAMP (points[hl].business, lo, hi) - lo) / (hi - lo));
      g_autofree char *px_ = rh_chart_format (points[hl].party), *py_ = rh_chart_format (points[hl].business);
      g_autofree char *label = g_strdup_printf ("%s (%s, %s)", points[hl].name, px_, py_);
      double tw, th;

      /* A ring and a filled diamond, so it shows in greyscale too. */
      rh_chart_set_rgb (cr, RH_CHART_HIGHLIGHT);
      cairo_move_to (cr, hx, hy - 6.5);
      cairo_line_to (cr, hx + 6.5, hy);
      cairo_line_to (cr, hx, hy + 6.5);
      cairo_line_to (cr, hx - 6.5, hy);
      cairo_close_path (cr);
      cairo_fill (cr);
      cairo_set_line_width (cr, 1.2);
      cairo_arc (cr, hx, hy, 9.5, 0, 2 * G_PI);
      cairo_stroke (cr);
      rh_chart_text_size (&ctx, RH_CHART_TEXT, TRUE, label, &tw, &th);
      tw = MIN (tw, pw);
      {
        /* Beside the marker, inside the chart, ellipsized when the chart is narrow. */
        double lx = hx + 11 + tw > px + pw ? hx - 11 - tw : hx + 11;
        double ly = CLAMP (hy - th / 2, py, py + ph - th);
        lx = CLAMP (lx, ctx.x, ctx.x + ctx.w - tw);
        rh_chart_set_rgb (cr, ctx.bg);
        cairo_rectangle (cr, lx - 2, ly, tw + 4, th);
        cairo_fill (cr);
        rh_chart_set_rgb (cr, ctx.info->dark ? ctx.fg : RH_CHART_HIGHLIGHT);
        rh_chart_text (&ctx, RH_CHART_TEXT, TRUE, label, lx, ly, tw + 0.5, PANGO_ALIGN_LEFT, TRUE);
      }
    }
  /* The counts of each quadrant, as a legend under the plot. */
  {
    guint counts[4] = { 0 };
    g_autofree char *text = NULL;
    for (guint i = 0; i < n_points; i++)
      if (!isnan (points[i].party) && !isnan (points[i].business))
        counts[(points[i].party >= party_cut ? 0 : 2) + (points[i].business >= business_cut ? 0 : 1)]++;
    /* TRANSLATORS: the number of branches in each quadrant. */
    text = g_strdup_printf (_("%s %u · %s %u · %s %u · %s %u"), labels[0], counts[0], labels[1],
                            counts[1], labels[2], counts[2], labels[3], counts[3]);
    rh_chart_set_rgb (cr, ctx.muted);
    rh_chart_text (&ctx, RH_CHART_SMALL, FALSE, text, ctx.x, py + ph + RH_CHART_SMALL * 1.8
                   + RH_CHART_TEXT * 1.6, ctx.w, PANGO_ALIGN_CENTER, FALSE);
  }
  return note;
}
