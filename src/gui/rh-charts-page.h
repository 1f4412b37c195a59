/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-chart-data.h"
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_CHARTS_PAGE (rh_charts_page_get_type ())
G_DECLARE_FINAL_TYPE (RhChartsPage, rh_charts_page, RH, CHARTS_PAGE, GtkWidget)

void     rh_charts_page_set_database (RhChartsPage *self, RhDatabase *db);
/* Shows a chart of a period ("2025" or "2025Q3"; NULL keeps it) for a branch (0: all). */
void     rh_charts_page_show (RhChartsPage *self, RhChartKind kind, const char *period,
                              gint64 branch_id);
/* "2025" or "2025Q3". */
char    *rh_charts_page_dup_period (RhChartsPage *self);
/* Writes the chart shown to a PDF, PNG (at dpi) or SVG file, by its extension. */
gboolean rh_charts_page_export_to (RhChartsPage *self, const char *path, double dpi,
                                   GError **error);
/* Writes the handout of the branch chosen (or the committee's) to a PDF file. */
gboolean rh_charts_page_export_handout_to (RhChartsPage *self, const char *path, GError **error);
/* The message shown instead of a chart, or NULL when a chart is drawn. */
const char *rh_charts_page_get_message (RhChartsPage *self);

G_END_DECLS
