/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the xlsx reader on any bytes.
 *
 * An input that starts like a zip file is opened as a workbook. Any other input is taken as
 * the XML of the parts, "\n====\n" between them: the sheet, then the shared strings, then
 * the styles; they are packed into a workbook first. Mutations of a zip file mostly break
 * its checksums, so this second form is what lets the fuzzer reach the XML readers. */
#include "rh-config.h"

#include <stdint.h>
#include <string.h>
#include <zip.h>
#include "rh-xlsx-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char WORKBOOK[] =
  "<workbook xmlns:r=\"r\"><sheets><sheet name=\"A\" r:id=\"r1\"/><sheet name=\"B\" r:id=\"r2\"/>"
  "</sheets></workbook>";
static const char RELS[] =
  "<Relationships><Relationship Id=\"r1\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"r2\" Target=\"/xl/worksheets/../worksheets/sheet1.xml\"/></Relationships>";

static void
add (zip_t *za, const char *name, const void *text, size_t len)
{
  zip_source_t *src = zip_source_buffer (za, text, len, 0);

  if (src != NULL && zip_file_add (za, name, src, ZIP_FL_OVERWRITE) < 0)
    zip_source_free (src);
}

/* Packs the parts into a workbook held in memory. */
static GBytes *
pack (const uint8_t *data, size_t size)
{
  const char *names[] = { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml" };
  zip_error_t zerr;
  zip_source_t *buffer;
  zip_t *za;
  zip_stat_t st;
  GBytes *bytes = NULL;
  const char *p = (const char *) data, *end = p + size;

  zip_error_init (&zerr);
  buffer = zip_source_buffer_create (NULL, 0, 0, &zerr);
  zip_source_keep (buffer);
  za = zip_open_from_source (buffer, ZIP_TRUNCATE, &zerr);
  g_assert_nonnull (za);
  add (za, "xl/workbook.xml", WORKBOOK, strlen (WORKBOOK));
  add (za, "xl/_rels/workbook.xml.rels", RELS, strlen (RELS));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *next = g_strstr_len (p, end - p, "\n====\n");
      const char *stop = next != NULL && i + 1 < G_N_ELEMENTS (names) ? next : end;

      add (za, names[i], p, (size_t) (stop - p));
      if (stop == end)
        break;
      p = stop + 6;
    }
  if (zip_close (za) == 0 && zip_source_stat (buffer, &st) == 0 && zip_source_open (buffer) == 0)
    {
      void *out = g_malloc (st.size ? st.size : 1);

      if (zip_source_read (buffer, out, st.size) == (zip_int64_t) st.size)
        bytes = g_bytes_new_take (out, st.size);
      else
        g_free (out);
      zip_source_close (buffer);
    }
  else
    zip_discard (za);
  zip_source_free (buffer);
  zip_error_fini (&zerr);
  return bytes;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  GBytes *bytes;
  RhXlsxReader *xlsx;

  if (size >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    bytes = g_bytes_new (data, size);
  else if ((bytes = pack (data, size)) == NULL)
    return 0;
  xlsx = rh_xlsx_reader_open (bytes, &error);
  g_bytes_unref (bytes);
  if (xlsx == NULL)
    {
      g_assert_nonnull (error);
      g_error_free (error);
      return 0;
    }
  for (guint i = 0; i < rh_xlsx_reader_n_sheets (xlsx) && i < 8; i++)
    {
      RhSheet *sheet = rh_xlsx_reader_read_sheet (xlsx, i, &error);

      g_assert_nonnull (rh_xlsx_reader_sheet_name (xlsx, i));
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
  rh_xlsx_reader_free (xlsx);
  return 0;
}
