/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include "rh-chart.h"

#define FONT_SIZE 9.0   /* points */

static void
draw_text (cairo_t *cr, const char *family, double size, gboolean bold, const char *text,
           double x, double y, double max_width, PangoAlignment align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (family);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* The "after" bar: dark red, solid. The "before" bar: light grey with
 * diagonal hatching, so the two differ without colour. */
static void
fill_bar (cairo_t *cr, double x, double y, double w, double h, gboolean after)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  if (after)
    {
      cairo_set_source_rgb (cr, 0.70, 0.09, 0.14);
      cairo_fill (cr);
    }
  else
    {
      cairo_set_source_rgb (cr, 0.86, 0.86, 0.86);
      cairo_fill_preserve (cr);
      cairo_clip (cr);
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_set_line_width (cr, 0.6);
      for (double d = -h; d < w; d += 4)
        {
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static char *
format_value (double value, const char *unit)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%g%s", value, unit != NULL ? unit : "");
}

void
rh_chart_before_after (cairo_t *cr, double width, double height, const RhChartPair *pairs,
                       guint n_pairs, const char *font_family)
{
  const double legend_h = FONT_SIZE * 2.2;
  const double label_h = FONT_SIZE * 3.4;   /* metric name under the bars, two lines */
  const double value_h = FONT_SIZE * 1.6;   /* values above the bars */
  double plot_top = legend_h + value_h;
  double plot_h = height - plot_top - label_h;
  double group_w = n_pairs > 0 ? width / n_pairs : width;
  double bar_w = MIN (group_w * 0.3, 40);

  if (n_pairs == 0 || plot_h <= 10)
    return;

  /* Legend. */
  fill_bar (cr, 0, 2, 14, FONT_SIZE, FALSE);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  draw_text (cr, font_family, FONT_SIZE, FALSE, _("Before"), 18, 0, 80, PANGO_ALIGN_LEFT);
  fill_bar (cr, 90, 2, 14, FONT_SIZE, TRUE);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  draw_text (cr, font_family, FONT_SIZE, FALSE, _("After"), 108, 0, 80, PANGO_ALIGN_LEFT);

  /* Baseline. */
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, 0, plot_top + plot_h);
  cairo_line_to (cr, width, plot_top + plot_h);
  cairo_stroke (cr);

  for (guint i = 0; i < n_pairs; i++)
    {
      const RhChartPair *p = &pairs[i];
      double values[2] = { p->before, p->after };
      double max = 0;
      double cx = group_w * i + group_w / 2;

      for (int v = 0; v < 2; v++)
        if (!isnan (values[v]))
          max = MAX (max, fabs (values[v]));
      for (int v = 0; v < 2; v++)
        {
          double x = cx + (v == 0 ? -bar_w - 2 : 2);
          double h = isnan (values[v]) || max == 0 ? 0 : plot_h * fabs (values[v]) / max;
          g_autofree char *text = format_value (values[v], p->unit);

          if (h > 0)
            fill_bar (cr, x, plot_top + plot_h - h, bar_w, h, v == 1);
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
          draw_text (cr, font_family, FONT_SIZE, v == 1, text, x - 10, plot_top + plot_h - h - value_h,
                     bar_w + 20, PANGO_ALIGN_CENTER);
        }
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      draw_text (cr, font_family, FONT_SIZE, FALSE, p->name, group_w * i + 2,
                 plot_top + plot_h + 3, group_w - 4, PANGO_ALIGN_CENTER);
    }
}
