/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the cells of .xlsx workbooks (Office Open XML, as written by Excel, WPS and
 * LibreOffice): shared and inline strings, numbers, dates stored as serial numbers, and
 * several sheets. libzip opens the container; GMarkup reads the XML as a stream. */
#pragma once

#include "rh-sheet.h"

G_BEGIN_DECLS

#define RH_XLSX_ERROR (rh_xlsx_error_quark ())
GQuark rh_xlsx_error_quark (void);

typedef enum {
  RH_XLSX_ERROR_NOT_ZIP,     /* not a workbook at all */
  RH_XLSX_ERROR_MISSING,     /* a part the workbook needs is missing */
  RH_XLSX_ERROR_XML,         /* a part is not well-formed XML */
  RH_XLSX_ERROR_TOO_LARGE,
  RH_XLSX_ERROR_NO_SHEET,
} RhXlsxError;

typedef struct _RhXlsxReader RhXlsxReader;

/* Opens a workbook held in memory (the bytes are kept) or in a file. */
RhXlsxReader     *rh_xlsx_reader_open (GBytes *bytes, GError **error);
RhXlsxReader     *rh_xlsx_reader_open_file (const char *path, GError **error);
void        rh_xlsx_reader_free (RhXlsxReader *xlsx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhXlsxReader, rh_xlsx_reader_free)

guint       rh_xlsx_reader_n_sheets (RhXlsxReader *xlsx);
const char *rh_xlsx_reader_sheet_name (RhXlsxReader *xlsx, guint index);
/* The index of the sheet with this name, or -1. */
int         rh_xlsx_reader_find_sheet (RhXlsxReader *xlsx, const char *name);
/* Every cell as text: numbers in the shortest exact form, cells formatted as dates as
 * YYYY-MM-DD, booleans as TRUE/FALSE. */
RhSheet    *rh_xlsx_reader_read_sheet (RhXlsxReader *xlsx, guint index, GError **error);

/* An Excel date serial number to a date (the 1900 system with its phantom 29 February
 * 1900, or the 1904 system). FALSE outside 1900–9999. */
gboolean    rh_xlsx_serial_to_date (double serial, gboolean date1904, GDate *out);

G_END_DECLS
