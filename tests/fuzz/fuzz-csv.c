/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the CSV reader on any bytes (encodings, quotes, separators). */
#include "rh-config.h"

#include <stdint.h>
#include "rh-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  RhSheet *sheet = rh_csv_read ((const char *) data, size, "fuzz.csv", &error);

  if (sheet != NULL)
    {
      /* Touch every cell: each must be a string in the sheet's own memory. */
      for (guint r = 0; r < rh_sheet_n_rows (sheet); r++)
        for (guint c = 0; c < rh_sheet_n_columns (sheet, r); c++)
          g_assert_true (g_utf8_validate (rh_sheet_cell (sheet, r, c), -1, NULL));
      g_assert_null (error);
      rh_sheet_free (sheet);
    }
  else
    {
      g_assert_nonnull (error);
      g_error_free (error);
    }
  return 0;
}
