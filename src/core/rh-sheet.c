/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <string.h>
#include "rh-sheet.h"

RhSheet *
rh_sheet_new (const char *name)
{
  RhSheet *sheet = g_new0 (RhSheet, 1);

  sheet->name = g_strdup (name);
  sheet->rows = g_ptr_array_new_with_free_func (g_free);
  sheet->widths = g_array_new (FALSE, FALSE, sizeof (guint));
  return sheet;
}

void
rh_sheet_free (RhSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_ptr_array_unref (sheet->rows);
  g_array_unref (sheet->widths);
  g_free (sheet->name);
  g_free (sheet->encoding);
  g_free (sheet);
}

guint
rh_sheet_n_rows (const RhSheet *sheet)
{
  return sheet->rows->len;
}

guint
rh_sheet_n_columns (const RhSheet *sheet, guint row)
{
  return row < sheet->widths->len ? g_array_index (sheet->widths, guint, row) : 0;
}

const char *
rh_sheet_cell (const RhSheet *sheet, guint row, guint column)
{
  char **cells;

  if (column >= rh_sheet_n_columns (sheet, row) || (cells = sheet->rows->pdata[row]) == NULL)
    return "";
  return cells[column];
}

guint
rh_sheet_width (const RhSheet *sheet, guint n)
{
  guint width = 0;

  for (guint i = 0; i < n && i < sheet->rows->len; i++)
    width = MAX (width, rh_sheet_n_columns (sheet, i));
  return width;
}

void
rh_sheet_append_row (RhSheet *sheet, char *const *cells, guint n_cells)
{
  gsize bytes = 0;
  char **row;
  char *data;

  while (n_cells > 0 && (cells[n_cells - 1] == NULL || cells[n_cells - 1][0] == '\0'))
    n_cells--;
  g_array_append_val (sheet->widths, n_cells);
  if (n_cells == 0)
    {
      g_ptr_array_add (sheet->rows, NULL);
      return;
    }
  /* One allocation per row: the pointers, then the texts (a 100,000-row
   * roster would otherwise make over a million small allocations). */
  for (guint i = 0; i < n_cells; i++)
    bytes += (cells[i] ? strlen (cells[i]) : 0) + 1;
  row = g_malloc (sizeof (char *) * (n_cells + 1) + bytes);
  data = (char *) (row + n_cells + 1);
  for (guint i = 0; i < n_cells; i++)
    {
      gsize len = cells[i] ? strlen (cells[i]) : 0;

      if (len > 0)
        memcpy (data, cells[i], len);
      data[len] = '\0';
      row[i] = data;
      data += len + 1;
    }
  row[n_cells] = NULL;
  g_ptr_array_add (sheet->rows, row);
}

void
rh_sheet_trim (RhSheet *sheet)
{
  while (sheet->rows->len > 0 && sheet->rows->pdata[sheet->rows->len - 1] == NULL)
    g_ptr_array_set_size (sheet->rows, sheet->rows->len - 1);
  g_array_set_size (sheet->widths, sheet->rows->len);
}

char *
rh_sheet_column_name (guint column)
{
  char buf[16];
  int i = G_N_ELEMENTS (buf) - 1;

  buf[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      column--;
      buf[--i] = (char) ('A' + column % 26);
      column /= 26;
    }
  return g_strdup (buf + i);
}
