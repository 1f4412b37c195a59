/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts drawn on any cairo_t (a widget, a print page, a PDF, PNG or SVG
 * surface) with PangoCairo text. Sizes are in points; no GTK here. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

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

G_END_DECLS
