/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A table of text cells read from a file (CSV, or one sheet of a workbook). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char      *name;      /* the sheet's name, or the file's for CSV */
  char      *encoding;  /* how a CSV file was read ("UTF-8", "GB18030"…); NULL for xlsx */
  GPtrArray *rows;      /* each a NULL-terminated char ** in one allocation; NULL for an
                         * empty row */
  GArray    *widths;    /* guint: the number of cells of each row */
} RhSheet;

RhSheet    *rh_sheet_new (const char *name);
void        rh_sheet_free (RhSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhSheet, rh_sheet_free)

guint       rh_sheet_n_rows (const RhSheet *sheet);
/* The cell text, or "" when the row or cell is missing. row and column count from 0. */
const char *rh_sheet_cell (const RhSheet *sheet, guint row, guint column);
guint       rh_sheet_n_columns (const RhSheet *sheet, guint row);
/* The widest row of the first n rows. */
guint       rh_sheet_width (const RhSheet *sheet, guint n);

/* Packs cells (an array of char *) into one row allocation and appends it;
 * trailing empty cells are dropped, and a row of only empty cells is stored as NULL. */
void        rh_sheet_append_row (RhSheet *sheet, char *const *cells, guint n_cells);
/* Drops trailing empty rows. */
void        rh_sheet_trim (RhSheet *sheet);

/* Column letters as in spreadsheets: 0 → "A", 26 → "AA". */
char       *rh_sheet_column_name (guint column);

G_END_DECLS
