/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include "rh-date.h"
#include "rh-org.h"
#include "rh-period.h"
#include "rh-xlsx-util.h"

G_DEFINE_QUARK (rh-export-error-quark, rh_export_error)

/* Sheet names Excel reserves, besides the ones already used. */
#define RH_SHEET_NAME_MAX 31

static lxw_format *
look (lxw_workbook *wb, const char *font, double size, gboolean bold, gboolean border)
{
  lxw_format *f = workbook_add_format (wb);

  format_set_font_name (f, font);
  format_set_font_size (f, size);
  if (bold)
    format_set_bold (f);
  if (border)
    format_set_border (f, LXW_BORDER_THIN);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

RhXlsx *
rh_xlsx_open (const char *path, const RhExportOptions *options, gboolean constant_memory,
              GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  lxw_workbook_options wopts = { 0 };
  RhXlsx *x;
  int fd;

  if (path == NULL || *path == '\0')
    {
      g_set_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_INPUT, _("No output file was given"));
      return NULL;
    }
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* The temporary file lives beside the target so that the rename is atomic. */
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (temp, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_WRITE,
                   _("Cannot write to the folder %s: %s"), dir, g_strerror (saved));
      return NULL;
    }
  close (fd);

  wopts.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  x = g_new0 (RhXlsx, 1);
  x->target = g_strdup (path);
  x->temp = g_steal_pointer (&temp);
  x->options = options;
  x->sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (x->sheet_names, g_strdup ("history"));   /* reserved by Excel */
  x->wb = workbook_new_opt (x->temp, &wopts);
  if (x->wb == NULL)
    {
      g_set_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_WRITE,
                   _("Cannot create the workbook %s"), path);
      rh_xlsx_abort (x);
      return NULL;
    }

  x->title = look (x->wb, "宋体", 16, TRUE, FALSE);
  format_set_align (x->title, LXW_ALIGN_CENTER);
  x->subtitle = look (x->wb, "仿宋", 11, FALSE, FALSE);
  format_set_align (x->subtitle, LXW_ALIGN_LEFT);
  x->header = look (x->wb, "宋体", 11, TRUE, TRUE);
  format_set_align (x->header, LXW_ALIGN_CENTER);
  format_set_text_wrap (x->header);
  format_set_bg_color (x->header, 0xD9D9D9);
  x->text = look (x->wb, "仿宋", 11, FALSE, TRUE);
  x->wrap = look (x->wb, "仿宋", 11, FALSE, TRUE);
  format_set_text_wrap (x->wrap);
  x->center = look (x->wb, "仿宋", 11, FALSE, TRUE);
  format_set_align (x->center, LXW_ALIGN_CENTER);
  format_set_text_wrap (x->center);
  x->number = look (x->wb, "仿宋", 11, FALSE, TRUE);
  format_set_num_format (x->number, "0.##");
  x->score = look (x->wb, "仿宋", 11, FALSE, TRUE);
  format_set_num_format (x->score, "0.00");
  x->integer = look (x->wb, "仿宋", 11, FALSE, TRUE);
  format_set_num_format (x->integer, "0");
  format_set_align (x->integer, LXW_ALIGN_CENTER);
  x->percent = look (x->wb, "仿宋", 11, FALSE, TRUE);
  format_set_num_format (x->percent, "0.0%");
  x->date = look (x->wb, "仿宋", 11, FALSE, TRUE);
  format_set_align (x->date, LXW_ALIGN_CENTER);
  x->bold = look (x->wb, "宋体", 11, TRUE, TRUE);
  x->bold_score = look (x->wb, "宋体", 11, TRUE, TRUE);
  format_set_num_format (x->bold_score, "0.00");
  x->stars = look (x->wb, "仿宋", 11, FALSE, TRUE);
  format_set_align (x->stars, LXW_ALIGN_CENTER);
  /* 星 after the number: the cell stays a number the committee can sort. */
  format_set_num_format (x->stars, C_("number format", "0\"★\""));
  x->link = look (x->wb, "仿宋", 11, FALSE, TRUE);
  format_set_font_color (x->link, 0x1F4E79);
  format_set_underline (x->link, LXW_UNDERLINE_SINGLE);
  x->plain = look (x->wb, "仿宋", 12, FALSE, FALSE);
  x->note = look (x->wb, "仿宋", 10, FALSE, FALSE);
  format_set_text_wrap (x->note);
  format_set_align (x->note, LXW_ALIGN_VERTICAL_TOP);
  return x;
}

void
rh_xlsx_check (RhXlsx *x, lxw_error e)
{
  if (e != LXW_NO_ERROR && x->error == LXW_NO_ERROR)
    x->error = e;
}

static void
xlsx_free (RhXlsx *x)
{
  g_hash_table_unref (x->sheet_names);
  g_free (x->target);
  g_free (x->temp);
  g_free (x);
}

void
rh_xlsx_abort (RhXlsx *x)
{
  if (x == NULL)
    return;
  if (x->wb != NULL)
    lxw_workbook_free (x->wb);
  g_unlink (x->temp);
  xlsx_free (x);
}

gboolean
rh_xlsx_close (RhXlsx *x, GError **error)
{
  const RhExportOptions *options = x->options;
  lxw_error e;

  if (!rh_xlsx_check_cancel (x, error))
    {
      rh_xlsx_abort (x);
      return FALSE;
    }
  if (x->error != LXW_NO_ERROR)
    {
      g_set_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_WRITE,
                   _("Could not write the workbook %s: %s"), x->target, lxw_strerror (x->error));
      rh_xlsx_abort (x);
      return FALSE;
    }
  e = workbook_close (x->wb);
  x->wb = NULL;
  if (e != LXW_NO_ERROR)
    {
      g_set_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_WRITE,
                   _("Could not write the workbook %s: %s"), x->target, lxw_strerror (e));
      rh_xlsx_abort (x);
      return FALSE;
    }
  if (g_rename (x->temp, x->target) != 0)
    {
      int saved = errno;
      g_set_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_WRITE,
                   _("Could not write the workbook %s: %s"), x->target, g_strerror (saved));
      rh_xlsx_abort (x);
      return FALSE;
    }
  xlsx_free (x);
  if (options != NULL && options->progress != NULL)
    options->progress (1, options->progress_data);
  return TRUE;
}

gboolean
rh_xlsx_check_cancel (RhXlsx *x, GError **error)
{
  if (x->options != NULL && g_cancellable_is_cancelled (x->options->cancellable))
    {
      g_set_error (error, RH_EXPORT_ERROR, RH_EXPORT_ERROR_CANCELLED, _("The export was cancelled"));
      return FALSE;
    }
  return TRUE;
}

void
rh_xlsx_progress (RhXlsx *x, double fraction)
{
  if (x->options != NULL && x->options->progress != NULL)
    x->options->progress (CLAMP (fraction, 0, 1), x->options->progress_data);
}

void
rh_xlsx_properties (RhXlsx *x, const char *title, const char *organisation, const char *period)
{
  lxw_doc_properties props = { 0 };
  g_autofree char *subject = period != NULL ? g_strdup_printf (_("Period %s"), period) : NULL;

  props.title = (char *) title;
  props.subject = subject;
  props.company = (char *) organisation;
  props.author = (char *) (organisation != NULL ? organisation : "Ronghe");
  props.comments = (char *) _("Written by Ronghe");
  rh_xlsx_check (x, workbook_set_properties (x->wb, &props));
  if (period != NULL)
    rh_xlsx_check (x, workbook_set_custom_property_string (x->wb, "Period", period));
  if (organisation != NULL)
    rh_xlsx_check (x, workbook_set_custom_property_string (x->wb, "Organisation", organisation));
}

/* Sheet names. */

static char *
truncate_to (const char *s, guint max)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint w = c > 0xFFFF ? 2 : 1;
      if (n + w > max)
        break;
      g_string_append_unichar (out, c);
      n += w;
    }
  return g_string_free (out, FALSE);
}

char *
rh_xlsx_safe_sheet_name (GHashTable *used, const char *wanted)
{
  GString *clean = g_string_new (NULL);
  g_autofree char *base = NULL;
  char *name;
  const char *p;

  if (wanted == NULL || !g_utf8_validate (wanted, -1, NULL))
    wanted = "";
  for (p = wanted; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c < 128 && strchr ("[]:*?/\\", (int) c) != NULL)
        g_string_append_c (clean, '_');
      else if (g_unichar_iscntrl (c))
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
    }
  /* No apostrophe at either end, no surrounding spaces. */
  g_strstrip (clean->str);
  g_string_set_size (clean, strlen (clean->str));
  while (clean->len > 0 && clean->str[0] == '\'')
    g_string_erase (clean, 0, 1);
  while (clean->len > 0 && clean->str[clean->len - 1] == '\'')
    g_string_truncate (clean, clean->len - 1);
  if (clean->len == 0)
    g_string_assign (clean, "Sheet");
  base = truncate_to (clean->str, RH_SHEET_NAME_MAX);
  g_string_free (clean, TRUE);
  name = g_strdup (base);
  for (int n = 2; used != NULL; n++)
    {
      g_autofree char *key = g_utf8_casefold (name, -1);
      g_autofree char *suffix = NULL;
      g_autofree char *shorter = NULL;

      if (!g_hash_table_contains (used, key))
        {
          g_hash_table_add (used, g_steal_pointer (&key));
          break;
        }
      g_free (name);
      suffix = g_strdup_printf ("(%d)", n);
      shorter = truncate_to (base, RH_SHEET_NAME_MAX - strlen (suffix));
      /* A cut that leaves an apostrophe at the end is still invalid. */
      while (*shorter && shorter[strlen (shorter) - 1] == '\'')
        shorter[strlen (shorter) - 1] = '\0';
      name = g_strconcat (shorter, suffix, NULL);
    }
  return name;
}

/* The width of the character at *p, in character cells; moves p past it. */
static inline double
char_width (const char **p)
{
  const guchar *u = (const guchar *) *p;
  gunichar c;

  /* ASCII and the three-byte characters (all of CJK) decoded here, without
   * a call or a table: thousands of sheets repeat the same long texts. */
  if (u[0] < 0x80)
    {
      (*p)++;
      return 1;
    }
  if ((u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80)
    {
      c = (gunichar) (u[0] & 0x0F) << 12 | (gunichar) (u[1] & 0x3F) << 6 | (u[2] & 0x3F);
      *p += 3;
      if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F)
          || (c >= 0xFF01 && c <= 0xFF60))
        return 2;
    }
  else
    {
      c = g_utf8_get_char_validated (*p, -1);
      if (c >= (gunichar) -2)
        {
          (*p)++;   /* a stray byte: one cell, and never past the end */
          return 1;
        }
      *p = g_utf8_next_char (*p);
    }
  /* Ambiguous-width marks (“”、★) are wide in Chinese fonts too. */
  return g_unichar_iswide (c) || (g_unichar_iswide_cjk (c) && c >= 0x2000) ? 2 : 1;
}

/* The widest line of a text in character cells and, in *lines, the lines
 * it takes in a column `column` cells wide, each paragraph wrapping on its
 * own. One pass and nothing allocated: the roster measures a million cells. */
static double
measure_text (const char *text, double column, guint *lines)
{
  double widest = 0, w = 0;

  *lines = 0;
  for (const char *p = text;;)
    {
      if (*p == '\n' || *p == '\0')
        {
          widest = MAX (widest, w);
          *lines += MAX (1, (guint) ceil (w / column));
          if (*p == '\0')
            return widest;
          w = 0;
          p++;
        }
      else
        w += char_width (&p);
    }
}

double
rh_xlsx_text_width (const char *text)
{
  guint lines;

  return text != NULL ? measure_text (text, 1, &lines) : 0;
}

char *
rh_xlsx_quote_sheet (const char *name)
{
  g_auto (GStrv) parts = g_strsplit (name, "'", -1);
  g_autofree char *doubled = g_strjoinv ("''", parts);

  return g_strdup_printf ("'%s'", doubled);
}

char *
rh_xlsx_cell (lxw_row_t row, lxw_col_t col, gboolean absolute)
{
  char name[LXW_MAX_CELL_NAME_LENGTH];

  lxw_rowcol_to_cell_abs (name, row, col, absolute, absolute);
  return g_strdup (name);
}

/* Sheets. */

RhXlsxSheet *
rh_xlsx_sheet_new (RhXlsx *x, const char *wanted_name)
{
  RhXlsxSheet *s = g_new0 (RhXlsxSheet, 1);

  s->x = x;
  s->name = rh_xlsx_safe_sheet_name (x->sheet_names, wanted_name);
  s->ws = workbook_add_worksheet (x->wb, s->name);
  if (s->ws == NULL)
    {
      rh_xlsx_check (x, LXW_ERROR_MEMORY_MALLOC_FAILED);
      /* Keep going on a throwaway name so the caller's calls stay harmless;
       * the error is reported at close. */
      s->ws = workbook_add_worksheet (x->wb, NULL);
    }
  for (int i = 0; i < RH_XLSX_MAX_COLS; i++)
    s->max_width[i] = 50;
  s->lines = g_hash_table_new (NULL, NULL);
  return s;
}

void
rh_xlsx_sheet_free (RhXlsxSheet *s)
{
  if (s == NULL)
    return;
  g_hash_table_unref (s->lines);
  g_free (s->name);
  g_free (s);
}

static void
note_width (RhXlsxSheet *s, lxw_col_t col, double w)
{
  if (col < RH_XLSX_MAX_COLS && w > s->width[col])
    s->width[col] = w;
}

/* Excel refuses cells over 32,767 characters: long minutes are cut. */
#define RH_CELL_MAX 32000

void
rh_xlsx_sheet_text (RhXlsxSheet *s, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *f)
{
  g_autofree char *cut = NULL;

  if (text == NULL || *text == '\0')
    {
      rh_xlsx_sheet_blank (s, row, col, f);
      return;
    }
  /* Fewer bytes than the limit is fewer characters too. */
  if (strnlen (text, RH_CELL_MAX + 1) > RH_CELL_MAX && g_utf8_strlen (text, -1) > RH_CELL_MAX)
    {
      cut = g_utf8_substring (text, 0, RH_CELL_MAX);
      text = cut;
    }
  if (col < RH_XLSX_MAX_COLS)
    {
      /* The column is at most max_width × 1.1 units wide (see fit_columns). */
      guint lines;

      note_width (s, col, measure_text (text, s->max_width[col] * 1.1, &lines));
      /* Viewers do not grow rows for wrapped text by themselves: keep the
       * lines of the row's tallest wrapped cell. */
      if (lines > 1 && (f == s->x->wrap || f == s->x->center)
          && lines > GPOINTER_TO_UINT (g_hash_table_lookup (s->lines, GUINT_TO_POINTER (row))))
        g_hash_table_insert (s->lines, GUINT_TO_POINTER (row), GUINT_TO_POINTER (lines));
    }
  rh_xlsx_check (s->x, worksheet_write_string (s->ws, row, col, text, f));
}

/* Points per line of 11-point CJK text with its leading, as LibreOffice
 * sets Noto CJK; Excel's 仿宋 needs a little less. */
#define RH_LINE_HEIGHT 16.0

void
rh_xlsx_sheet_row_done (RhXlsxSheet *s, lxw_row_t row)
{
  guint lines;

  if (g_hash_table_size (s->lines) == 0)
    return;
  lines = GPOINTER_TO_UINT (g_hash_table_lookup (s->lines, GUINT_TO_POINTER (row)));
  if (lines > 1)
    rh_xlsx_check (s->x, worksheet_set_row (s->ws, row, lines * RH_LINE_HEIGHT + 3, NULL));
  g_hash_table_remove (s->lines, GUINT_TO_POINTER (row));
}

/* The characters of the value printed with two decimals ("-12.50": 6), counted rather
 * than printed: printing was an eighth of the branch sheets' work (issue 8). A value
 * that rounds across a power of ten may count one digit more than printf would give. */
static double
number_width (double value)
{
  double rounded = round (fabs (value) * 100) / 100;
  int digits = 1;

  if (!isfinite (value) || rounded >= 1e15)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_snprintf (buf, sizeof buf, "%.2f", value);
      return strlen (buf);
    }
  for (double power = 10; rounded >= power; power *= 10)
    digits++;
  return (signbit (value) ? 1 : 0) + digits + 3;
}

void
rh_xlsx_sheet_number (RhXlsxSheet *s, lxw_row_t row, lxw_col_t col, double value, lxw_format *f)
{
  note_width (s, col, number_width (value));
  rh_xlsx_check (s->x, worksheet_write_number (s->ws, row, col, value, f));
}

void
rh_xlsx_sheet_maybe (RhXlsxSheet *s, lxw_row_t row, lxw_col_t col, double value, lxw_format *f)
{
  if (isnan (value))
    rh_xlsx_sheet_blank (s, row, col, f);
  else
    rh_xlsx_sheet_number (s, row, col, value, f);
}

void
rh_xlsx_sheet_blank (RhXlsxSheet *s, lxw_row_t row, lxw_col_t col, lxw_format *f)
{
  rh_xlsx_check (s->x, worksheet_write_blank (s->ws, row, col, f));
}

void
rh_xlsx_sheet_formula (RhXlsxSheet *s, lxw_row_t row, lxw_col_t col, const char *formula, double value,
                  lxw_format *f)
{
  note_width (s, col, number_width (value));
  rh_xlsx_check (s->x, worksheet_write_formula_num (s->ws, row, col, formula, f,
                                                    isnan (value) ? 0 : value));
}

void
rh_xlsx_sheet_formula_text (RhXlsxSheet *s, lxw_row_t row, lxw_col_t col, const char *formula,
                       const char *value, lxw_format *f)
{
  note_width (s, col, rh_xlsx_text_width (value));
  rh_xlsx_check (s->x, worksheet_write_formula_str (s->ws, row, col, formula, f,
                                                    value != NULL ? value : ""));
}

void
rh_xlsx_sheet_merge (RhXlsxSheet *s, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2,
                const char *text, lxw_format *f)
{
  if (r1 == r2 && c1 == c2)
    {
      rh_xlsx_sheet_text (s, r1, c1, text, f);
      return;
    }
  rh_xlsx_check (s->x, worksheet_merge_range (s->ws, r1, c1, r2, c2, text ? text : "", f));
}

void
rh_xlsx_sheet_title (RhXlsxSheet *s, lxw_row_t row, lxw_col_t last_col, const char *title, lxw_format *f)
{
  rh_xlsx_sheet_merge (s, row, 0, row, last_col, title, f != NULL ? f : s->x->title);
  rh_xlsx_check (s->x, worksheet_set_row (s->ws, row, 30, NULL));
}

void
rh_xlsx_sheet_header (RhXlsxSheet *s, lxw_row_t row, const char *const *labels)
{
  for (lxw_col_t c = 0; labels[c] != NULL; c++)
    rh_xlsx_sheet_text (s, row, c, labels[c], s->x->header);
}

void
rh_xlsx_sheet_fit_columns (RhXlsxSheet *s, lxw_col_t n_cols)
{
  GHashTableIter iter;
  gpointer key;
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));

  g_hash_table_iter_init (&iter, s->lines);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      lxw_row_t r = GPOINTER_TO_UINT (key);
      g_array_append_val (rows, r);
    }
  for (guint i = 0; i < rows->len; i++)
    rh_xlsx_sheet_row_done (s, g_array_index (rows, lxw_row_t, i));
  for (lxw_col_t c = 0; c < n_cols && c < RH_XLSX_MAX_COLS; c++)
    {
      /* About 1.1 Excel width units per character cell, plus padding. */
      double w = MIN (s->width[c], s->max_width[c]) * 1.1 + 2;
      rh_xlsx_check (s->x, worksheet_set_column (s->ws, c, c, MAX (w, 6), NULL));
    }
}

void
rh_xlsx_sheet_print (RhXlsxSheet *s, const char *title, gboolean landscape, lxw_row_t repeat_first,
                lxw_row_t repeat_last)
{
  /* The size before the font: "&12" right before a title that starts with a
   * digit (2025年度…) would read as a bigger size. */
  GString *header = g_string_new ("&C&12&\"宋体,Bold\"");
  g_autofree char *footer = NULL;

  worksheet_set_paper (s->ws, 9);   /* A4 */
  if (landscape)
    worksheet_set_landscape (s->ws);
  else
    worksheet_set_portrait (s->ws);
  worksheet_fit_to_pages (s->ws, 1, 0);
  worksheet_set_margins (s->ws, 0.5, 0.5, 0.75, 0.75);
  worksheet_center_horizontally (s->ws);
  rh_xlsx_check (s->x, worksheet_repeat_rows (s->ws, repeat_first, repeat_last));
  /* & starts a code in headers; the title's own ampersands are doubled, and
   * the whole stays within Excel's 255 characters. */
  for (const char *p = title; p != NULL && *p && header->len < 200; p = g_utf8_next_char (p))
    {
      if (*p == '&')
        g_string_append (header, "&&");
      else
        g_string_append_unichar (header, g_utf8_get_char (p));
    }
  rh_xlsx_check (s->x, worksheet_set_header (s->ws, header->str));
  g_string_free (header, TRUE);
  /* TRANSLATORS: an Excel page footer: &P is the page number, &N the number of pages. */
  footer = g_strconcat ("&C", _("Page &P of &N"), NULL);
  rh_xlsx_check (s->x, worksheet_set_footer (s->ws, footer));
}

char *
rh_xlsx_period_label (const char *period)
{
  RhPeriod p;

  if (!rh_period_parse (period, &p, NULL))
    return g_strdup (period != NULL ? period : "");
  switch (p.kind)
    {
    case RH_PERIOD_YEAR:
      /* TRANSLATORS: an assessment period, e.g. 2025年度 */
      return g_strdup_printf (_("year %d"), p.year);
    case RH_PERIOD_QUARTER:
      /* TRANSLATORS: an assessment period: %1$d is the year, %2$d the quarter */
      return g_strdup_printf (_("Q%2$d %1$d"), p.year, p.index);
    default:
      /* TRANSLATORS: a period: %1$d is the year, %2$d the month */
      return g_strdup_printf (_("%1$d-%2$02d"), p.year, p.index);
    }
}

char *
rh_xlsx_secretary (RhDatabase *db, gint64 org_id)
{
  g_autoptr (GPtrArray) roles = rh_term_roles (db, org_id, NULL);

  if (roles == NULL || roles->len == 0
      || ((RhRole *) roles->pdata[0])->role != RH_ROLE_SECRETARY)
    return NULL;
  return g_strdup (((RhRole *) roles->pdata[0])->member_name);
}

char *
rh_xlsx_root_name (RhDatabase *db)
{
  g_autoptr (GPtrArray) roots = rh_org_list_children (db, 0, NULL);

  if (roots == NULL || roots->len == 0)
    return NULL;
  return g_strdup (((RhOrg *) roots->pdata[0])->name);
}

char *
rh_xlsx_today (void)
{
  GDate today;

  rh_date_today (&today);
  return rh_date_format (&today);
}
