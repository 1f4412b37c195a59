/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the xlsx reader on any bytes (the zip container, then every sheet). */
#include "rh-config.h"

#include <stdint.h>
#include "rh-xlsx-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  GBytes *bytes = g_bytes_new (data, size);
  RhXlsx *xlsx = rh_xlsx_open (bytes, &error);

  g_bytes_unref (bytes);
  if (xlsx == NULL)
    {
      g_assert_nonnull (error);
      g_error_free (error);
      return 0;
    }
  for (guint i = 0; i < rh_xlsx_n_sheets (xlsx) && i < 8; i++)
    {
      RhSheet *sheet = rh_xlsx_read_sheet (xlsx, i, &error);

      g_assert_nonnull (rh_xlsx_sheet_name (xlsx, i));
      if (sheet == NULL)
        {
          g_assert_nonnull (error);
          g_clear_error (&error);
          continue;
        }
      for (guint r = 0; r < rh_sheet_n_rows (sheet) && r < 1000; r++)
        for (guint c = 0; c < rh_sheet_n_columns (sheet, r); c++)
          (void) rh_sheet_cell (sheet, r, c);
      rh_sheet_free (sheet);
    }
  rh_xlsx_free (xlsx);
  return 0;
}
