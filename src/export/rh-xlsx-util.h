/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every workbook shares: the temporary file, the official look, sheet
 * names, column widths, print set-up and the first libxlsxwriter error. */
#pragma once

#include <xlsxwriter.h>
#include "rh-export.h"

G_BEGIN_DECLS

#define RH_XLSX_MAX_COLS 32

typedef struct {
  lxw_workbook *wb;
  char         *target;
  char         *temp;
  lxw_error     error;           /* the first error, LXW_NO_ERROR while all is well */
  GHashTable   *sheet_names;     /* case-folded names in use */
  const RhExportOptions *options;
  /* The official look: 宋体 headings, 仿宋 body, thin borders, grey header. */
  lxw_format   *title, *subtitle, *header, *text, *wrap, *center, *number, *score, *integer,
               *percent, *date, *bold, *bold_score, *stars, *plain, *note, *link;
} RhXlsx;

typedef struct {
  RhXlsx        *x;
  lxw_worksheet *ws;
  char          *name;
  double         width[RH_XLSX_MAX_COLS];    /* widest text so far, in character cells */
  double         max_width[RH_XLSX_MAX_COLS]; /* wrap beyond this */
  GHashTable    *lines;                       /* row → lines of its tallest wrapped cell */
} RhXlsxSheet;

/* Opens a workbook on a temporary file in path's folder. */
RhXlsx  *rh_xlsx_open (const char *path, const RhExportOptions *options,
                       gboolean constant_memory, GError **error);
/* Unless the export was cancelled, writes the workbook, renames it into place
 * and reports progress 1; on a cancel or any error the temporary file goes and
 * the target is untouched. Frees x either way. */
gboolean rh_xlsx_close (RhXlsx *x, GError **error);
/* Gives up: frees x and removes the temporary file. */
void     rh_xlsx_abort (RhXlsx *x);
/* FALSE (with error set) once cancelled. */
gboolean rh_xlsx_check_cancel (RhXlsx *x, GError **error);
void     rh_xlsx_progress (RhXlsx *x, double fraction);
void     rh_xlsx_properties (RhXlsx *x, const char *title, const char *organisation,
                             const char *period);

/* A valid, unique sheet name made from any text: no []:*?/\, not starting
 * or ending with ', at most 31 characters, unique ignoring case. */
char    *rh_xlsx_safe_sheet_name (GHashTable *used, const char *wanted);
/* Display width of text in character cells: CJK and other wide characters
 * count two. The widest line counts. */
double   rh_xlsx_text_width (const char *text);
/* 'Sheet name'!$A$1 style quoting for formulas. */
char    *rh_xlsx_quote_sheet (const char *name);
/* A1 reference of a cell, e.g. "G12"; absolute gives "$G$12". */
char    *rh_xlsx_cell (lxw_row_t row, lxw_col_t col, gboolean absolute);

RhXlsxSheet *rh_xlsx_sheet_new (RhXlsx *x, const char *wanted_name);
void     rh_xlsx_sheet_free (RhXlsxSheet *s);
void     rh_xlsx_sheet_text (RhXlsxSheet *s, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *f);
void     rh_xlsx_sheet_number (RhXlsxSheet *s, lxw_row_t row, lxw_col_t col, double value, lxw_format *f);
/* A number, or an empty cell for NAN. */
void     rh_xlsx_sheet_maybe (RhXlsxSheet *s, lxw_row_t row, lxw_col_t col, double value, lxw_format *f);
void     rh_xlsx_sheet_blank (RhXlsxSheet *s, lxw_row_t row, lxw_col_t col, lxw_format *f);
/* A formula with its value cached, so viewers that do not recalculate show it. */
void     rh_xlsx_sheet_formula (RhXlsxSheet *s, lxw_row_t row, lxw_col_t col, const char *formula,
                           double value, lxw_format *f);
void     rh_xlsx_sheet_formula_text (RhXlsxSheet *s, lxw_row_t row, lxw_col_t col, const char *formula,
                                const char *value, lxw_format *f);
void     rh_xlsx_sheet_merge (RhXlsxSheet *s, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2,
                         const char *text, lxw_format *f);
/* The title row and the header row of a table starting at row. */
void     rh_xlsx_sheet_title (RhXlsxSheet *s, lxw_row_t row, lxw_col_t last_col, const char *title,
                         lxw_format *f);
void     rh_xlsx_sheet_header (RhXlsxSheet *s, lxw_row_t row, const char *const *labels);
/* Sets the height of a row with wrapped text. Constant-memory sheets call
 * it once a row is written; others get it from rh_xlsx_sheet_fit_columns. */
void     rh_xlsx_sheet_row_done (RhXlsxSheet *s, lxw_row_t row);
/* Column widths from the widest text, between min and the column's maximum. */
void     rh_xlsx_sheet_fit_columns (RhXlsxSheet *s, lxw_col_t n_cols);
/* A4, landscape or portrait, one page wide, repeated header rows, the title
 * centred in the header and 第 &P 页，共 &N 页 in the footer. */
void     rh_xlsx_sheet_print (RhXlsxSheet *s, const char *title, gboolean landscape,
                         lxw_row_t repeat_first, lxw_row_t repeat_last);
/* "2025年度", "2025年第3季度": a period for people. */
char    *rh_xlsx_period_label (const char *period);
/* The secretary (书记) in office, or NULL. */
char    *rh_xlsx_secretary (RhDatabase *db, gint64 org_id);
/* The name of the top organisation (the committee), or NULL. */
char    *rh_xlsx_root_name (RhDatabase *db);
/* Today as YYYY-MM-DD (RONGHE_TODAY for tests). */
char    *rh_xlsx_today (void);
/* Records a libxlsxwriter error, keeping the first. */
void     rh_xlsx_check (RhXlsx *x, lxw_error e);

G_END_DECLS
