/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing a chart (fitted to the page) or a handout (A4 pages as laid out). */
#pragma once

#include <adwaita.h>
#include "rh-chart-data.h"
#include "rh-handout.h"

G_BEGIN_DECLS

#define RH_TYPE_PRINT_OPERATION (rh_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (RhPrintOperation, rh_print_operation, RH, PRINT_OPERATION, GtkPrintOperation)

/* Takes ownership of the model or the handout. */
RhPrintOperation *rh_print_operation_new_for_chart (RhChartModel *model, const char *job_name);
RhPrintOperation *rh_print_operation_new_for_handout (RhHandout *handout);
/* Shows the print dialog; with RONGHE_PRINT_PDF set, writes that file instead
 * (tests and look-ups). FALSE with an error when printing failed. */
gboolean          rh_print_operation_run_dialog (RhPrintOperation *self, GtkWindow *parent,
                                                 GError **error);

G_END_DECLS
