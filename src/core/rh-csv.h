/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading CSV files as saved by Excel, WPS and LibreOffice: UTF-8 with or without a BOM,
 * UTF-16 with a BOM, or GB18030/GBK; comma, tab or semicolon separated; quoted fields with
 * embedded separators, quotes and newlines. */
#pragma once

#include "rh-sheet.h"

G_BEGIN_DECLS

#define RH_CSV_ERROR (rh_csv_error_quark ())
GQuark rh_csv_error_quark (void);

typedef enum {
  RH_CSV_ERROR_ENCODING,   /* neither UTF-8 nor GB18030 */
  RH_CSV_ERROR_QUOTE,      /* a quoted field is never closed */
  RH_CSV_ERROR_TOO_LARGE,
} RhCsvError;

/* Reads the whole text; name becomes the sheet's name. */
RhSheet *rh_csv_read (const char *data, gsize length, const char *name, GError **error);
RhSheet *rh_csv_read_file (const char *path, GError **error);

/* The separator the reader would use for this (UTF-8) text: ',', '\t' or ';'. */
char     rh_csv_detect_separator (const char *text, gsize length);

G_END_DECLS
