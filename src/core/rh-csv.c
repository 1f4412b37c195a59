/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include "rh-csv.h"

G_DEFINE_QUARK (rh-csv-error-quark, rh_csv_error)

/* Larger files are not rosters; refusing them keeps memory bounded. */
#define MAX_BYTES (512u * 1024 * 1024)

/* Counts each candidate separator outside quotes in the first record; the one
 * seen most wins, a comma on a tie (a one-column file). */
char
rh_csv_detect_separator (const char *text, gsize length)
{
  const char candidates[] = { ',', '\t', ';' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[k]++;
    }
  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  return candidates[best];
}

/* The text as UTF-8: a BOM decides; otherwise valid UTF-8 is taken as it is,
 * and anything else is read as GB18030 (a superset of GBK and GB2312, which
 * Excel and WPS write on Chinese Windows). */
static char *
to_utf8 (const char *data, gsize length, char **encoding, gsize *out_length, GError **error)
{
  const guchar *u = (const guchar *) data;
  g_autoptr (GError) local = NULL;
  const char *from = NULL;
  gsize skip = 0;
  char *text;

  if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      from = "UTF-8";
      skip = 3;
    }
  else if (length >= 2 && u[0] == 0xFF && u[1] == 0xFE)
    {
      from = "UTF-16LE";
      skip = 2;
    }
  else if (length >= 2 && u[0] == 0xFE && u[1] == 0xFF)
    {
      from = "UTF-16BE";
      skip = 2;
    }
  else if (g_utf8_validate_len (data, length, NULL))
    from = "UTF-8";

  if (g_strcmp0 (from, "UTF-8") == 0)
    {
      *encoding = g_strdup ("UTF-8");
      if (!g_utf8_validate_len (data + skip, length - skip, NULL))
        {
          g_set_error (error, RH_CSV_ERROR, RH_CSV_ERROR_ENCODING,
                       _("The file starts as UTF-8 but is not valid UTF-8 text"));
          return NULL;
        }
      *out_length = length - skip;
      return g_strndup (data + skip, length - skip);
    }
  if (from == NULL)
    from = "GB18030";
  text = g_convert (data + skip, (gssize) (length - skip), "UTF-8", from, NULL, out_length,
                    &local);
  if (text == NULL)
    {
      g_set_error (error, RH_CSV_ERROR, RH_CSV_ERROR_ENCODING,
                   _("The file is neither UTF-8 nor GB18030/GBK text (%s)"), local->message);
      return NULL;
    }
  *encoding = g_strdup (from);
  return text;
}

typedef struct {
  GPtrArray *cells;   /* char *, the fields of the record being read */
  GString   *field;
} Record;

static void
end_field (Record *r)
{
  g_ptr_array_add (r->cells, g_strndup (r->field->str, r->field->len));
  g_string_truncate (r->field, 0);
}

static void
end_record (RhSheet *sheet, Record *r)
{
  end_field (r);
  rh_sheet_append_row (sheet, (char *const *) r->cells->pdata, r->cells->len);
  g_ptr_array_set_size (r->cells, 0);
}

RhSheet *
rh_csv_read (const char *data, gsize length, const char *name, GError **error)
{
  g_autoptr (RhSheet) sheet = NULL;
  g_autofree char *text = NULL;
  g_autofree char *encoding = NULL;
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) field = g_string_new (NULL);
  Record r = { cells, field };
  gsize len = 0;
  char sep;
  gboolean quoted = FALSE;     /* inside a quoted field */
  gboolean record_open = FALSE;
  guint line = 1, quote_line = 0;

  if (length > MAX_BYTES)
    {
      g_set_error (error, RH_CSV_ERROR, RH_CSV_ERROR_TOO_LARGE,
                   _("The file is too large to import (over %u MB)"), MAX_BYTES >> 20);
      return NULL;
    }
  if (length == 0)
    {
      sheet = rh_sheet_new (name);
      sheet->encoding = g_strdup ("UTF-8");
      return g_steal_pointer (&sheet);
    }
  text = to_utf8 (data, length, &encoding, &len, error);
  if (text == NULL)
    return NULL;
  sep = rh_csv_detect_separator (text, len);
  sheet = rh_sheet_new (name);
  sheet->encoding = g_steal_pointer (&encoding);

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == '\0')
        continue;  /* stray NULs (from a broken conversion) carry nothing */
      if (quoted)
        {
          if (c == '"')
            {
              if (i + 1 < len && text[i + 1] == '"')
                {
                  g_string_append_c (field, '"');
                  i++;
                }
              else
                quoted = FALSE;
            }
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }
      if (c == '"' && field->len == 0)
        {
          quoted = TRUE;
          quote_line = line;
          record_open = TRUE;
        }
      else if (c == sep)
        {
          end_field (&r);
          record_open = TRUE;
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++;
          line++;
          end_record (sheet, &r);
          record_open = FALSE;
        }
      else
        {
          /* A quote in the middle of an unquoted field is kept as it is. */
          g_string_append_c (field, c);
          record_open = TRUE;
        }
    }
  if (quoted)
    {
      g_set_error (error, RH_CSV_ERROR, RH_CSV_ERROR_QUOTE,
                   _("Line %u: a quoted field starts there and is never closed"), quote_line);
      return NULL;
    }
  if (record_open)
    end_record (sheet, &r);
  rh_sheet_trim (sheet);
  return g_steal_pointer (&sheet);
}

RhSheet *
rh_csv_read_file (const char *path, GError **error)
{
  g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  g_autofree char *base = NULL;

  if (file == NULL)
    return NULL;
  base = g_path_get_basename (path);
  return rh_csv_read (g_mapped_file_get_contents (file), g_mapped_file_get_length (file), base,
                      error);
}
