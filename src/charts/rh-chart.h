/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts drawn on any cairo_t (a widget, a print page, a PDF, PNG or SVG
 * surface) with PangoCairo text. Sizes are in points; no GTK here.
 *
 * The charts take plain data filled by the caller from core's results
 * (rh-chart-data.h does it from a database); they never compute scores.
 * Each chart draws a title, the organisation and period, axis labels, a
 * legend where needed and a source line. When there is nothing sensible to
 * plot it draws an explanatory message instead, and returns that message
 * (translated); it returns NULL when it drew the chart normally. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The charts' font, and the handout's around them. WenQuanYi Micro Hei first: its
 * outlines are TrueType (glyf), so cairo's PDF subsetter reads only the glyphs a
 * chart uses. Noto Sans CJK's outlines are CFF, and cairo loads the whole 18 MB
 * CFF table of each weight to subset it: over half of a chart's time. Noto stays
 * the fallback (a character Micro Hei lacks, or where it is not installed).
 * Micro Hei has one weight: bold text is fontconfig's synthetic bold. */
#define RH_CHART_FONT "WenQuanYi Micro Hei, Noto Sans CJK SC, Sans"

typedef struct {
  const char *name;
  const char *unit;
  double      before;   /* NAN when unknown */
  double      after;
} RhChartPair;

/* Before/after bars, one group per metric, each metric on its own scale.
 * The two series differ in lightness and pattern so they print in greyscale. */
void rh_chart_before_after (cairo_t *cr, double width, double height, const RhChartPair *pairs,
                            guint n_pairs, const char *font_family);

/* What every chart shows around its plot. */
typedef struct {
  const char *title;
  const char *organisation;   /* the committee or the branch */
  const char *period;         /* "2025", "2025Q3" */
  const char *source;         /* the source line at the bottom; NULL for none */
  const char *font_family;    /* NULL: RH_CHART_FONT */
  gboolean    dark;           /* light text on a dark background (screen only) */
} RhChartInfo;

#define RH_CHART_N_FILLS 5

/* The radar's axes are the five stars; values are shares 0–1, NAN unknown. */
typedef struct {
  const char   *name;
  const double *values;       /* n_axes values */
} RhChartSeries;

/* series[0] is the branch (solid, filled), [1] the committee average (dashed),
 * [2] the previous period (dotted); missing series may be left out. */
const char *rh_chart_radar (cairo_t *cr, double width, double height, const RhChartInfo *info,
                            const char *const *axes, guint n_axes, const RhChartSeries *series,
                            guint n_series);

/* One bar of a ranking (branches by total, members by points), best first. */
typedef struct {
  const char *name;
  double      value;          /* NAN: not assessed, listed without a bar */
  int         group;          /* grade or level index, 0 best; -1 none */
  int         stars;          /* star level 1–5, 0 none */
  gboolean    highlight;      /* the chosen branch or member */
} RhChartBar;

/* Bars of length proportional to value on a 0–max_value axis (max_value ≤ 0:
 * the largest value). Coloured by group, with a legend of group_labels. Too
 * many to fit: the top and bottom of the list, the highlighted bar kept, and
 * a distribution strip of all values with the highlighted one marked. */
const char *rh_chart_ranking (cairo_t *cr, double width, double height, const RhChartInfo *info,
                              const RhChartBar *bars, guint n_bars,
                              const char *const *group_labels, guint n_groups, double max_value);
/* The same for members' points within a branch. */
const char *rh_chart_points (cairo_t *cr, double width, double height, const RhChartInfo *info,
                             const RhChartBar *bars, guint n_bars,
                             const char *const *level_labels, guint n_levels);

/* One branch on the integration quadrant. */
typedef struct {
  const char *name;
  double      party;          /* x */
  double      business;       /* y; NAN: not entered, not plotted */
  gboolean    highlight;
} RhChartPoint;

/* Party (x) against business (y), the axes from the tens below the lowest
 * score to 100, with the quadrant lines at party_cut and business_cut (the
 * caller's medians or configured cut-offs). previous, when not NULL, is the
 * highlighted branch in the previous period (its name labels it): an arrow
 * shows the move. */
const char *rh_chart_quadrant (cairo_t *cr, double width, double height, const RhChartInfo *info,
                               const RhChartPoint *points, guint n_points, double party_cut,
                               double business_cut, const RhChartPoint *previous);

typedef struct {
  const char *label;          /* the period */
  double      value;          /* the branch's total, NAN when none */
  double      average;        /* the committee's average, NAN when none */
} RhChartTrendPoint;

const char *rh_chart_trend (cairo_t *cr, double width, double height, const RhChartInfo *info,
                            const RhChartTrendPoint *points, guint n_points, double max_value);

typedef enum {
  RH_CHART_CELL_NONE,         /* nothing due */
  RH_CHART_CELL_MET,          /* green */
  RH_CHART_CELL_PARTIAL,      /* amber */
  RH_CHART_CELL_MISSED,       /* red */
  RH_CHART_CELL_PENDING,      /* not over yet */
} RhChartCell;

/* Rows × columns (meeting kinds × months, or branches × months). spans, when
 * not NULL, merges cells along a row: k ≥ 1 starts a cell k columns wide (a
 * quarter or a year), 0 continues the one to its left. */
const char *rh_chart_heatmap (cairo_t *cr, double width, double height, const RhChartInfo *info,
                              const char *const *rows, guint n_rows, const char *const *columns,
                              guint n_columns, const RhChartCell *cells, const guint *spans);

/* counts[i]: branches at i + 1 stars. quota: the share allowed five stars, NAN for none. */
const char *rh_chart_stars (cairo_t *cr, double width, double height, const RhChartInfo *info,
                            const guint counts[5], double quota);

G_END_DECLS
