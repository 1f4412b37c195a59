/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-chart-private.h"

void
rh_chart_set_rgb (cairo_t *cr, RhRgb c)
{
  cairo_set_source_rgb (cr, c.r, c.g, c.b);
}

/* One layout per cairo_t, kept on it, reset for each text. */
static const cairo_user_data_key_t layout_key;

static PangoLayout *
make_layout (RhChartCtx *ctx, double size, gboolean bold, const char *text)
{
  PangoLayout *layout = cairo_get_user_data (ctx->cr, &layout_key);
  PangoFontDescription *font = pango_font_description_from_string (ctx->font);

  if (layout == NULL)
    {
      layout = pango_cairo_create_layout (ctx->cr);
      cairo_set_user_data (ctx->cr, &layout_key, layout, g_object_unref);
    }
  else
    pango_cairo_update_layout (ctx->cr, layout);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return g_object_ref (layout);
}

double
rh_chart_text (RhChartCtx *ctx, double size, gboolean bold, const char *text, double x, double y,
               double max_width, PangoAlignment align, gboolean ellipsize)
{
  PangoLayout *layout;
  int w, h;

  if (text == NULL || *text == '\0')
    return 0;
  layout = make_layout (ctx, size, bold, text);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      if (ellipsize)
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      else
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  cairo_move_to (ctx->cr, x, y);
  pango_cairo_show_layout (ctx->cr, layout);
  pango_layout_get_size (layout, &w, &h);
  g_object_unref (layout);
  return (double) h / PANGO_SCALE;
}

void
rh_chart_text_size (RhChartCtx *ctx, double size, gboolean bold, const char *text, double *width,
                    double *height)
{
  PangoLayout *layout = make_layout (ctx, size, bold, text != NULL ? text : "");
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (width != NULL)
    *width = (double) w / PANGO_SCALE;
  if (height != NULL)
    *height = (double) h / PANGO_SCALE;
  g_object_unref (layout);
}

void
rh_chart_begin (RhChartCtx *ctx, cairo_t *cr, double width, double height, const RhChartInfo *info)
{
  static const RhChartInfo none = { 0 };
  double y = 0, pad = MIN (12, width / 30);
  g_autofree char *subtitle = NULL;

  ctx->cr = cr;
  ctx->info = info != NULL ? info : &none;
  ctx->font = ctx->info->font_family != NULL ? ctx->info->font_family : RH_CHART_DEFAULT_FONT;
  ctx->width = width;
  ctx->height = height;
  if (ctx->info->dark)
    {
      ctx->bg = (RhRgb) { 0.14, 0.14, 0.15 };
      ctx->fg = (RhRgb) { 0.93, 0.93, 0.93 };
      ctx->muted = (RhRgb) { 0.68, 0.68, 0.68 };
      ctx->grid = (RhRgb) { 0.32, 0.32, 0.34 };
    }
  else
    {
      ctx->bg = (RhRgb) { 1, 1, 1 };
      ctx->fg = (RhRgb) { 0.08, 0.08, 0.08 };
      ctx->muted = (RhRgb) { 0.38, 0.38, 0.38 };
      ctx->grid = (RhRgb) { 0.84, 0.84, 0.84 };
    }
  cairo_save (cr);
  rh_chart_set_rgb (cr, ctx->bg);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_set_line_width (cr, 0.8);

  y = pad * 0.6;
  rh_chart_set_rgb (cr, ctx->fg);
  y += rh_chart_text (ctx, RH_CHART_TITLE, TRUE, ctx->info->title, pad, y, width - 2 * pad,
                      PANGO_ALIGN_LEFT, TRUE);
  if (ctx->info->organisation != NULL && ctx->info->period != NULL)
    /* TRANSLATORS: the organisation and the period under a chart's title. */
    subtitle = g_strdup_printf (_("%s · %s"), ctx->info->organisation, ctx->info->period);
  else
    subtitle = g_strdup (ctx->info->organisation != NULL ? ctx->info->organisation
                                                         : ctx->info->period);
  rh_chart_set_rgb (cr, ctx->muted);
  y += rh_chart_text (ctx, RH_CHART_TEXT, FALSE, subtitle, pad, y + 1, width - 2 * pad,
                      PANGO_ALIGN_LEFT, TRUE) + 6;

  ctx->x = pad;
  ctx->y = y;
  ctx->w = width - 2 * pad;
  ctx->h = height - y - pad * 0.6;
  if (ctx->info->source != NULL)
    {
      double sh;
      rh_chart_text_size (ctx, RH_CHART_SMALL, FALSE, ctx->info->source, NULL, &sh);
      rh_chart_set_rgb (cr, ctx->muted);
      rh_chart_text (ctx, RH_CHART_SMALL, FALSE, ctx->info->source, pad,
                     height - pad * 0.5 - sh, width - 2 * pad, PANGO_ALIGN_RIGHT, TRUE);
      ctx->h -= sh + 4;
    }
  rh_chart_set_rgb (cr, ctx->fg);
}

const char *
rh_chart_empty (RhChartCtx *ctx, const char *message)
{
  double h;

  rh_chart_text_size (ctx, RH_CHART_TEXT + 1.5, FALSE, message, NULL, &h);
  cairo_save (ctx->cr);
  cairo_set_dash (ctx->cr, (double[]) { 3, 3 }, 2, 0);
  rh_chart_set_rgb (ctx->cr, ctx->grid);
  cairo_rectangle (ctx->cr, ctx->x + 0.5, ctx->y + 0.5, MAX (ctx->w - 1, 0), MAX (ctx->h - 1, 0));
  cairo_stroke (ctx->cr);
  cairo_restore (ctx->cr);
  rh_chart_set_rgb (ctx->cr, ctx->muted);
  rh_chart_text (ctx, RH_CHART_TEXT + 1.5, FALSE, message, ctx->x + ctx->w * 0.1,
                 ctx->y + (ctx->h - h) / 2, ctx->w * 0.8, PANGO_ALIGN_CENTER, FALSE);
  return message;
}

void
rh_chart_note (RhChartCtx *ctx, const char *message)
{
  double h;

  rh_chart_set_rgb (ctx->cr, ctx->muted);
  h = rh_chart_text (ctx, RH_CHART_SMALL + 0.5, FALSE, message, ctx->x, ctx->y, ctx->w,
                     PANGO_ALIGN_LEFT, FALSE);
  ctx->y += h + 3;
  ctx->h -= h + 3;
  rh_chart_set_rgb (ctx->cr, ctx->fg);
}

/* Dark red to pale: the lightness differs by a step of about 18 %, and the
 * lighter ones add hatching or dots, so greyscale keeps them apart. */
static const RhRgb fills[RH_CHART_N_FILLS] = {
  { 0.62, 0.08, 0.11 },
  { 0.86, 0.36, 0.26 },
  { 0.96, 0.66, 0.45 },
  { 0.98, 0.85, 0.70 },
  { 0.88, 0.88, 0.88 },
};

RhRgb
rh_chart_fill_colour (int style)
{
  return fills[CLAMP (style, 0, RH_CHART_N_FILLS - 1)];
}

void
rh_chart_fill (cairo_t *cr, int style, double x, double y, double w, double h)
{
  style = CLAMP (style, 0, RH_CHART_N_FILLS - 1);
  if (w <= 0 || h <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  rh_chart_set_rgb (cr, fills[style]);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, 0.35, 0.20, 0.15);
  if (style == 2 || style == 4)
    {
      /* Diagonal hatching. */
      for (double d = -h; d < w; d += 3.5)
        {
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
        }
      cairo_stroke (cr);
    }
  else if (style == 3)
    {
      /* Dots: 1 × 1 squares 3 apart, every other row shifted. Each row is one dashed
       * line (dash 1, gap 2, width 1, butt caps), the same squares as that many
       * rectangles but two points in the PDF instead of four per dot. */
      const double dash[] = { 1, 2 };

      cairo_set_line_width (cr, 1);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      for (double yy = y + 1.5; yy < y + h; yy += 3)
        {
          double xx = x + 1.5 + fmod (yy - y, 6) / 2;

          if (xx < x + w)
            {
              cairo_move_to (cr, xx - 0.5, yy);
              cairo_line_to (cr, x + w, yy);
            }
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, 0.5);
    }
  cairo_reset_clip (cr);
  if (style >= 2)
    {
      cairo_rectangle (cr, x + 0.25, y + 0.25, w - 0.5, h - 0.5);
      cairo_set_source_rgb (cr, 0.45, 0.30, 0.25);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

double
rh_chart_legend (RhChartCtx *ctx, const char *const *labels, const int *styles, guint n, double x,
                 double y, double max_width)
{
  double cx = x, cy = y, line_h = RH_CHART_TEXT * 1.6;

  for (guint i = 0; i < n; i++)
    {
      double tw;
      rh_chart_text_size (ctx, RH_CHART_TEXT, FALSE, labels[i], &tw, NULL);
      if (cx > x && cx + 14 + tw > x + max_width)
        {
          cx = x;
          cy += line_h;
        }
      rh_chart_fill (ctx->cr, styles[i], cx, cy + 2, 10, RH_CHART_TEXT);
      rh_chart_set_rgb (ctx->cr, ctx->fg);
      rh_chart_text (ctx, RH_CHART_TEXT, FALSE, labels[i], cx + 13, cy, -1, PANGO_ALIGN_LEFT, FALSE);
      cx += 13 + tw + 12;
    }
  return n > 0 ? cy - y + line_h : 0;
}

double
rh_chart_nice_step (double max, int n)
{
  double raw, mag, f;

  if (!(max > 0) || n < 1)
    return 1;
  raw = max / n;
  mag = pow (10, floor (log10 (raw)));
  f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
}

char *
rh_chart_format (double v)
{
  if (isnan (v))
    return g_strdup ("—");
  if (fabs (v - round (v)) < 0.005)
    return g_strdup_printf ("%.0f", v);
  return g_strdup_printf ("%.2f", v);
}
