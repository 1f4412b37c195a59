/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reference for export benchmarks: a minimal libxlsxwriter program that
 * writes given cells and nothing else (no formats, no layout, no database).
 * Input: a cell dump, one cell per line, tab-separated:
 *   sheet <TAB> row <TAB> col <TAB> kind <TAB> value [<TAB> formula]
 * kind is s (string), n (number) or f (formula with a cached number);
 * a line "sheet <TAB> NAME" starts a new worksheet. Tabs, newlines and
 * backslashes in strings are escaped as \t, \n and \\.
 * Usage: xlsx-reference [--constant-memory] DUMP OUT.xlsx */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static void
unescape (char *s)
{
  char *out = s;

  for (; *s; s++)
    {
      if (*s == '\\' && s[1])
        {
          s++;
          *out++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s;
        }
      else
        *out++ = *s;
    }
  *out = '\0';
}

int
main (int argc, char **argv)
{
  lxw_workbook_options options = { 0 };
  lxw_workbook *wb;
  lxw_worksheet *ws = NULL;
  FILE *in;
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  int arg = 1;
  lxw_error err;

  if (argc > 1 && strcmp (argv[1], "--constant-memory") == 0)
    {
      options.constant_memory = LXW_TRUE;
      arg++;
    }
  if (argc - arg != 2)
    {
      fprintf (stderr, "usage: xlsx-reference [--constant-memory] DUMP OUT.xlsx\n");
      return 2;
    }
  in = fopen (argv[arg], "r");
  if (in == NULL)
    {
      perror (argv[arg]);
      return 1;
    }
  wb = workbook_new_opt (argv[arg + 1], &options);
  while ((len = getline (&line, &cap, in)) > 0)
    {
      char *field[6] = { 0 };
      int n = 0;
      char *p = line;

      if (line[len - 1] == '\n')
        line[len - 1] = '\0';
      while (n < 6)
        {
          field[n++] = p;
          p = strchr (p, '\t');
          if (p == NULL)
            break;
          *p++ = '\0';
        }
      if (n == 2 && strcmp (field[0], "sheet") == 0)
        {
          unescape (field[1]);
          ws = workbook_add_worksheet (wb, field[1]);
          continue;
        }
      if (n < 5 || ws == NULL)
        continue;
      {
        lxw_row_t row = strtoul (field[1], NULL, 10);
        lxw_col_t col = strtoul (field[2], NULL, 10);
        switch (field[3][0])
          {
          case 's':
            unescape (field[4]);
            worksheet_write_string (ws, row, col, field[4], NULL);
            break;
          case 'n':
            worksheet_write_number (ws, row, col, strtod (field[4], NULL), NULL);
            break;
          case 'f':
            if (n > 5)
              {
                unescape (field[5]);
                worksheet_write_formula_num (ws, row, col, field[5], NULL,
                                             strtod (field[4], NULL));
              }
            break;
          default:
            break;
          }
      }
    }
  free (line);
  fclose (in);
  err = workbook_close (wb);
  if (err != LXW_NO_ERROR)
    {
      fprintf (stderr, "xlsx-reference: %s\n", lxw_strerror (err));
      return 1;
    }
  return 0;
}
