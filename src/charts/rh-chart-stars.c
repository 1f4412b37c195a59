/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How many branches are at each star level, with the five-star quota. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-chart-private.h"

const char *
rh_chart_stars (cairo_t *cr, double width, double height, const RhChartInfo *info,
                const guint counts[5], double quota)
{
  RhChartCtx ctx;
  const char *note = NULL;
  guint total = 0, top = 0;
  double left = RH_CHART_TEXT * 3.5, px, pw, py, ph, slot, max, step, allowed = NAN;

  rh_chart_begin (&ctx, cr, width, height, info);
  for (int i = 0; i < 5; i++)
    {
      total += counts[i];
      top = MAX (top, counts[i]);
    }
  if (total == 0 || ctx.w < 80 || ctx.h < 60)
    return rh_chart_empty (&ctx, _("No branch has been rated for this period."));
  if (total == 1)
    note = _("Only one branch has been rated.");
  if (note != NULL)
    rh_chart_note (&ctx, note);
  if (!isnan (quota) && quota >= 0)
    allowed = floor (quota * total + 1e-9);
  max = MAX (top, isnan (allowed) ? 0 : allowed);
  step = rh_chart_nice_step (max, 5);
  step = MAX (step, 1);
  max = ceil (max / step) * step;

  px = ctx.x + left;
  pw = ctx.w - left;
  py = ctx.y + RH_CHART_TEXT * 1.5;
  ph = ctx.h - RH_CHART_TEXT * 1.5 - RH_CHART_TEXT * 4.5;
  slot = pw / 5;
  for (double v = 0; v <= max + 1e-9; v += step)
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
  for (int i = 0; i < 5; i++)
    {
      double bh = ph * counts[i] / max, bx = px + slot * i + slot * 0.2;
      g_autofree char *label = NULL, *count = g_strdup_printf ("%u", counts[i]);
      g_autofree char *share = g_strdup_printf ("%.0f%%", 100.0 * counts[i] / total);
      GString *stars = g_string_new (NULL);

      /* Five stars in a row, or "5★" when the column is narrow. */
      if (slot >= RH_CHART_TEXT * 6)
        for (int s = 0; s <= i; s++)
          g_string_append (stars, "★");
      else
        g_string_append_printf (stars, "%d★", i + 1);
      /* Five stars darkest, one star palest. */
      rh_chart_fill (cr, 4 - i, bx, py + ph - bh, slot * 0.6, bh);
      rh_chart_set_rgb (cr, ctx.fg);
      label = g_strdup_printf ("%s\n%s", count, share);
      rh_chart_text (&ctx, RH_CHART_SMALL, TRUE, label, bx - 10, py + ph - bh - RH_CHART_SMALL * 3,
                     slot * 0.6 + 20, PANGO_ALIGN_CENTER, FALSE);
      rh_chart_text (&ctx, RH_CHART_TEXT, FALSE, stars->str, px + slot * i, py + ph + 3, slot,
                     PANGO_ALIGN_CENTER, FALSE);
      g_string_free (stars, TRUE);
    }
  rh_chart_set_rgb (cr, ctx.fg);
  cairo_move_to (cr, px, py + ph + 0.5);
  cairo_line_to (cr, px + pw, py + ph + 0.5);
  cairo_stroke (cr);
  rh_chart_text (&ctx, RH_CHART_TEXT, FALSE, _("Star level"), px, py + ph + RH_CHART_TEXT * 2, pw,
                 PANGO_ALIGN_CENTER, FALSE);
  cairo_save (cr);
  cairo_translate (cr, ctx.x, py + ph);
  cairo_rotate (cr, -G_PI / 2);
  rh_chart_text (&ctx, RH_CHART_TEXT, FALSE, _("Branches"), 0, 0, ph, PANGO_ALIGN_CENTER, FALSE);
  cairo_restore (cr);

  if (!isnan (allowed))
    {
      double y = py + ph * (1 - allowed / max);
      g_autofree char *t = g_strdup_printf (_("Five-star quota: %.0f (%.0f%%)"), allowed, quota * 100);
      cairo_save (cr);
      rh_chart_set_rgb (cr, RH_CHART_HIGHLIGHT);
      cairo_set_line_width (cr, 1.4);
      cairo_set_dash (cr, (double[]) { 6, 3 }, 2, 0);
      cairo_move_to (cr, px, y);
      cairo_line_to (cr, px + pw, y);
      cairo_stroke (cr);
      cairo_restore (cr);
      /* Over the gap between the first two bars, on a background. */
      {
        double tw, th, lx = px + 4, ly = y - RH_CHART_SMALL * 1.7;
        rh_chart_text_size (&ctx, RH_CHART_SMALL, TRUE, t, &tw, &th);
        rh_chart_set_rgb (cr, ctx.bg);
        cairo_rectangle (cr, lx - 2, ly, tw + 4, th);
        cairo_fill (cr);
        rh_chart_set_rgb (cr, ctx.info->dark ? ctx.fg : RH_CHART_HIGHLIGHT);
        rh_chart_text (&ctx, RH_CHART_SMALL, TRUE, t, lx, ly, -1, PANGO_ALIGN_LEFT, FALSE);
      }
    }
  return note;
}
