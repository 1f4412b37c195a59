/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reference for export benchmarks: a minimal libxlsxwriter program that
 * writes given cells and nothing else (no formats, no layout, no database).
 * Input: a cell dump, one cell per line, tab-separated:
 *   sheet <TAB> row <TAB> col <TAB> kind <TAB> value [<TAB> formula]
 * kind is s (string), n (number) or f (formula with a cached number);
 * a line "sheet <TAB> NAME" starts a new worksheet. Tabs, newlines and
 * backslashes in strings are escaped as \t, \n and \\.
 * Lines "format", "col", "row", "merge" and styled blanks (kind b), and
 * an optional format id after each cell, are described in xlsx-dump.py.
 * Usage: xlsx-reference [--constant-memory] DUMP OUT.xlsx */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static lxw_format *formats[4096];

static lxw_format *
fmt (char **field, int n, int i)
{
  long id;

  if (n <= i || !*field[i])
    return NULL;
  id = strtol (field[i], NULL, 10);
  return id >= 0 && id < 4096 ? formats[id] : NULL;
}

static uint32_t
rgb (const char *s)
{
  return (uint32_t) strtoul (s, NULL, 16);
}

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
      char *field[16] = { 0 };
      int n = 0;
      char *p = line;

      if (line[len - 1] == '\n')
        line[len - 1] = '\0';
      while (n < 16)
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
      if (n == 16 && strcmp (field[0], "format") == 0)
        {
          long id = strtol (field[1], NULL, 10);
          lxw_format *f = workbook_add_format (wb);

          unescape (field[2]);
          unescape (field[15]);
          format_set_font_name (f, field[2]);
          format_set_font_size (f, strtod (field[3], NULL));
          if (field[4][0] == '1')
            format_set_bold (f);
          if (field[5][0] == '1')
            format_set_underline (f, LXW_UNDERLINE_SINGLE);
          if (*field[6])
            format_set_font_color (f, rgb (field[6]));
          format_set_left (f, atoi (field[7]));
          format_set_right (f, atoi (field[8]));
          format_set_top (f, atoi (field[9]));
          format_set_bottom (f, atoi (field[10]));
          if (*field[11])
            format_set_bg_color (f, rgb (field[11]));
          if (strcmp (field[12], "center") == 0)
            format_set_align (f, LXW_ALIGN_CENTER);
          else if (strcmp (field[12], "left") == 0)
            format_set_align (f, LXW_ALIGN_LEFT);
          else if (strcmp (field[12], "right") == 0)
            format_set_align (f, LXW_ALIGN_RIGHT);
          if (strcmp (field[13], "center") == 0)
            format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
          else if (strcmp (field[13], "top") == 0)
            format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
          else if (strcmp (field[13], "bottom") == 0)
            format_set_align (f, LXW_ALIGN_VERTICAL_BOTTOM);
          if (field[14][0] == '1')
            format_set_text_wrap (f);
          if (*field[15])
            format_set_num_format (f, field[15]);
          if (id >= 0 && id < 4096)
            formats[id] = f;
          continue;
        }
      if (ws == NULL)
        continue;
      if (n == 4 && strcmp (field[0], "col") == 0)
        {
          worksheet_set_column (ws, atoi (field[1]), atoi (field[2]),
                                strtod (field[3], NULL), NULL);
          continue;
        }
      if (n == 3 && strcmp (field[0], "row") == 0)
        {
          worksheet_set_row (ws, strtoul (field[1], NULL, 10),
                             strtod (field[2], NULL), NULL);
          continue;
        }
      if (n == 7 && strcmp (field[0], "merge") == 0)
        {
          unescape (field[6]);
          worksheet_merge_range (ws, atoi (field[1]), atoi (field[2]),
                                 atoi (field[3]), atoi (field[4]), field[6],
                                 fmt (field, n, 5));
          continue;
        }
      if (n == 5 && field[3][0] == 'b')
        {
          worksheet_write_blank (ws, strtoul (field[1], NULL, 10),
                                 strtoul (field[2], NULL, 10),
                                 fmt (field, n, 4));
          continue;
        }
      if (n < 5)
        continue;
      {
        lxw_row_t row = strtoul (field[1], NULL, 10);
        lxw_col_t col = strtoul (field[2], NULL, 10);
        switch (field[3][0])
          {
          case 's':
            unescape (field[4]);
            worksheet_write_string (ws, row, col, field[4], fmt (field, n, 5));
            break;
          case 'n':
            worksheet_write_number (ws, row, col, strtod (field[4], NULL),
                                    fmt (field, n, 5));
            break;
          case 'f':
            if (n > 5)
              {
                unescape (field[5]);
                worksheet_write_formula_num (ws, row, col, field[5], fmt (field, n, 6),
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
