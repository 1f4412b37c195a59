/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the charts share: colours, text through Pango, the frame around a plot. */
#pragma once

#include <pango/pangocairo.h>
#include "rh-chart.h"

G_BEGIN_DECLS

#define RH_CHART_DEFAULT_FONT RH_CHART_FONT
#define RH_CHART_TEXT 8.5      /* points */
#define RH_CHART_SMALL 7.0
#define RH_CHART_TITLE 13.0

typedef struct { double r, g, b; } RhRgb;

/* The highlight (the chosen branch): a strong red, the same on paper and screen. */
#define RH_CHART_HIGHLIGHT ((RhRgb) { 0.80, 0.05, 0.10 })

typedef struct {
  cairo_t           *cr;
  const RhChartInfo *info;
  const char        *font;
  RhRgb              fg, bg, muted, grid;
  double             width, height;
  /* The plot area, inside the frame. */
  double             x, y, w, h;
} RhChartCtx;

/* Paints the background, title, subtitle and source line; sets the plot area. */
void   rh_chart_begin (RhChartCtx *ctx, cairo_t *cr, double width, double height,
                       const RhChartInfo *info);
void   rh_chart_set_rgb (cairo_t *cr, RhRgb c);
/* Draws text at (x, y), top-left of a box max_width wide (≤ 0: no limit);
 * returns the height used. Ellipsized instead of wrapped when ellipsize. */
double rh_chart_text (RhChartCtx *ctx, double size, gboolean bold, const char *text, double x,
                      double y, double max_width, PangoAlignment align, gboolean ellipsize);
/* The width and height the text would take on one line. */
void   rh_chart_text_size (RhChartCtx *ctx, double size, gboolean bold, const char *text,
                           double *width, double *height);
/* The message of an empty state, centred on the plot area; returns it. */
const char *rh_chart_empty (RhChartCtx *ctx, const char *message);
/* A note under the title (a degenerate case drawn anyway). */
void   rh_chart_note (RhChartCtx *ctx, const char *message);

/* Fills that stay apart in greyscale: lightness steps and patterns. 0 is the
 * darkest (best grade); RH_CHART_N_FILLS of them. */
void   rh_chart_fill (cairo_t *cr, int style, double x, double y, double w, double h);
RhRgb  rh_chart_fill_colour (int style);
/* A legend of fills in one row from (x, y); returns its height. */
double rh_chart_legend (RhChartCtx *ctx, const char *const *labels, const int *styles, guint n,
                        double x, double y, double max_width);
/* A round "nice" step for about n ticks over 0–max. */
double rh_chart_nice_step (double max, int n);
char  *rh_chart_format (double v);

G_END_DECLS
