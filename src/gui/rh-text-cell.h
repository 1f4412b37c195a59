/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A one-line text cell for large lists: cheaper than a GtkLabel to create, to measure
 * (its height is one line of the widget's font, its width the column's) and to update. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RH_TYPE_TEXT_CELL (rh_text_cell_get_type ())
G_DECLARE_FINAL_TYPE (RhTextCell, rh_text_cell, RH, TEXT_CELL, GtkWidget)

GtkWidget  *rh_text_cell_new (void);
/* NULL shows nothing. The text is ellipsized at the end when it does not fit. */
void        rh_text_cell_set_text (RhTextCell *self, const char *text);
/* Lays the text out now if the cell is shown, instead of when it is next drawn: for cells
 * changed in the time before a frame, so that painting the frame does less. */
void        rh_text_cell_prepare (RhTextCell *self);
const char *rh_text_cell_get_text (RhTextCell *self);

G_END_DECLS
