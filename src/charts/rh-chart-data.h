/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The assessment charts filled from a database: core computes the results,
 * this module only copies them into the charts' plain data. */
#pragma once

#include <cairo.h>
#include "rh-database.h"
#include "rh-chart.h"

G_BEGIN_DECLS

typedef enum {
  RH_CHART_RADAR,
  RH_CHART_RANKING,
  RH_CHART_QUADRANT,
  RH_CHART_TREND,
  RH_CHART_COMPLIANCE,
  RH_CHART_STARS,
  RH_CHART_POINTS,
  RH_N_CHART_KINDS
} RhChartKind;

const char *rh_chart_kind_to_string (RhChartKind kind);   /* "radar", "ranking", … */
int         rh_chart_kind_from_string (const char *s);    /* -1 when unknown */
const char *rh_chart_kind_label (RhChartKind kind);
/* Whether the chart is about one branch (radar, trend, points). */
gboolean    rh_chart_kind_needs_branch (RhChartKind kind);
/* A good size in points for the chart on its own. */
void        rh_chart_kind_size (RhChartKind kind, double *width, double *height);

typedef enum {
  RH_CHART_FORMAT_PDF,
  RH_CHART_FORMAT_PNG,
  RH_CHART_FORMAT_SVG,
} RhChartFormat;

/* From the file name's extension; -1 (and an error naming the file) when unknown. */
int rh_chart_format_for_path (const char *path, GError **error);

typedef struct _RhChartModel RhChartModel;

/* Reads what a chart shows. branch_id 0: the committee (ranking, quadrant,
 * compliance, stars); a chart about one branch needs one, or fails with a
 * message saying so. The chosen branch is highlighted on committee charts. */
RhChartModel *rh_chart_model_load (RhDatabase *db, RhChartKind kind, const char *period,
                                   gint64 branch_id, GError **error);
/* The same, for ranking, quadrant and stars, from results of
 * rh_assessment_score_all already at hand (NULL: computed here). */
RhChartModel *rh_chart_model_load_with_results (RhDatabase *db, RhChartKind kind,
                                                const char *period, gint64 branch_id,
                                                GPtrArray *results, GError **error);
void          rh_chart_model_free (RhChartModel *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhChartModel, rh_chart_model_free)
RhChartKind   rh_chart_model_get_kind (RhChartModel *model);
/* The quadrant's lines at configured cut-offs instead of the committee's
 * medians; NAN keeps the median for that axis. */
void          rh_chart_model_set_cuts (RhChartModel *model, double party, double business);
/* The font family the chart draws with (NULL: RH_CHART_FONT), for a document
 * whose text around the chart is in another one. */
void          rh_chart_model_set_font (RhChartModel *model, const char *font_family);
/* Draws the chart in a width × height box in points; returns the chart's message
 * (an empty state or a note), or NULL. */
const char   *rh_chart_model_draw (RhChartModel *model, cairo_t *cr, double width, double height,
                                   gboolean dark);
/* Writes a PDF, PNG (at dpi) or SVG through a temporary file in the same folder. */
gboolean      rh_chart_model_save (RhChartModel *model, const char *path, RhChartFormat format,
                                   double width, double height, double dpi, GError **error);

/* Shared with the handouts: the committee's name (the first root organisation). */
char         *rh_chart_committee_name (RhDatabase *db);
/* A new empty temporary file beside path, to write and then rename onto it. */
char         *rh_chart_temp_sibling (const char *path, GError **error);
/* Renames tmp onto path, or removes tmp and says why. */
gboolean      rh_chart_commit (const char *tmp, const char *path, GError **error);

G_END_DECLS
