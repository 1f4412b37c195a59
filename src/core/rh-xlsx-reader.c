/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <zip.h>
#include "rh-xlsx-reader.h"

G_DEFINE_QUARK (rh-xlsx-error-quark, rh_xlsx_error)

/* Bounds from Excel's own limits, and on what one part may inflate to, so
 * that a hostile file cannot exhaust memory. */
#define MAX_PART_BYTES (256u * 1024 * 1024)
#define MAX_ROWS 1048576u
#define MAX_COLUMNS 16384u
#define MAX_CELLS (16u * 1024 * 1024)

typedef struct {
  char *name;
  char *part;   /* "xl/worksheets/sheet1.xml" */
} SheetRef;

struct _RhXlsxReader
{
  GBytes    *bytes;
  zip_t     *zip;
  GArray    *sheets;      /* SheetRef */
  GPtrArray *strings;     /* shared strings, loaded on first use */
  GArray    *date_styles; /* gboolean per cellXfs index */
  gboolean   date1904;
  gboolean   loaded_common;
};

/* The local part of a qualified XML name: "x:row" → "row". */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static const char *
attribute (const char **names, const char **values, const char *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (local_name (names[i]), wanted) == 0)
      return values[i];
  return NULL;
}

/* The relationship id attribute, r:id, whatever its prefix. */
static const char *
relationship_id (const char **names, const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strchr (names[i], ':') != NULL && strcmp (local_name (names[i]), "id") == 0)
      return values[i];
  return NULL;
}

/* The whole of one part, or NULL with an error (NULL without one when optional and absent). */
static char *
read_part (RhXlsxReader *self, const char *name, gboolean optional, gsize *length, GError **error)
{
  zip_file_t *file;
  GByteArray *buf;
  guint8 chunk[65536];
  zip_int64_t n;

  file = zip_fopen (self->zip, name, ZIP_FL_NOCASE);
  if (file == NULL)
    {
      if (!optional)
        g_set_error (error, RH_XLSX_ERROR, RH_XLSX_ERROR_MISSING,
                     _("The workbook has no part “%s”"), name);
      return NULL;
    }
  buf = g_byte_array_new ();
  while ((n = zip_fread (file, chunk, sizeof chunk)) > 0)
    {
      if (buf->len + (guint64) n > MAX_PART_BYTES)
        {
          zip_fclose (file);
          g_byte_array_unref (buf);
          g_set_error (error, RH_XLSX_ERROR, RH_XLSX_ERROR_TOO_LARGE,
                       _("The part “%s” of the workbook is too large"), name);
          return NULL;
        }
      g_byte_array_append (buf, chunk, (guint) n);
    }
  zip_fclose (file);
  if (n < 0)
    {
      g_byte_array_unref (buf);
      g_set_error (error, RH_XLSX_ERROR, RH_XLSX_ERROR_NOT_ZIP,
                   _("The part “%s” of the workbook cannot be read"), name);
      return NULL;
    }
  *length = buf->len;
  g_byte_array_append (buf, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (buf, FALSE);
}

static gboolean
parse_part (RhXlsxReader *self, const char *name, gboolean optional, const GMarkupParser *parser,
            gpointer data, GError **error)
{
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *xml = NULL;
  gsize length = 0;

  xml = read_part (self, name, optional, &length, error);
  if (xml == NULL)
    return optional && error != NULL && *error == NULL;
  context = g_markup_parse_context_new (parser, G_MARKUP_PREFIX_ERROR_POSITION, data, NULL);
  if (!g_markup_parse_context_parse (context, xml, (gssize) length, &local)
      || !g_markup_parse_context_end_parse (context, &local))
    {
      g_set_error (error, RH_XLSX_ERROR, RH_XLSX_ERROR_XML,
                   _("The part “%s” of the workbook is damaged: %s"), name, local->message);
      return FALSE;
    }
  return TRUE;
}

/* Resolves a relationship target against the folder of the part that names it. */
static char *
resolve_target (const char *base_dir, const char *target)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GPtrArray) out = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    joined = *base_dir ? g_strconcat (base_dir, "/", target, NULL) : g_strdup (target);
  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (strcmp (parts[i], "..") == 0)
        {
          if (out->len > 0)
            g_ptr_array_set_size (out, out->len - 1);
        }
      else if (*parts[i] != '\0' && strcmp (parts[i], ".") != 0)
        g_ptr_array_add (out, parts[i]);
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("/", (char **) out->pdata);
}

/* _rels/.rels and xl/_rels/workbook.xml.rels: Id → Target, and the office document. */
typedef struct {
  GHashTable *targets;
  char       *office_document;
} Rels;

static void
rels_start (GMarkupParseContext *context, const char *element, const char **names,
            const char **values, gpointer data, GError **error)
{
  Rels *rels = data;
  const char *id, *target, *type;

  if (strcmp (local_name (element), "Relationship") != 0)
    return;
  id = attribute (names, values, "Id");
  target = attribute (names, values, "Target");
  type = attribute (names, values, "Type");
  if (id != NULL && target != NULL)
    g_hash_table_insert (rels->targets, g_strdup (id), g_strdup (target));
  if (type != NULL && target != NULL && g_str_has_suffix (type, "/officeDocument")
      && rels->office_document == NULL)
    rels->office_document = g_strdup (target);
}

static const GMarkupParser rels_parser = { rels_start, NULL, NULL, NULL, NULL };

/* xl/workbook.xml: the sheets in order and the date system. */
typedef struct {
  GArray *sheets;   /* SheetRef with part holding the relationship id for now */
  gboolean date1904;
} Workbook;

static gboolean
xml_true (const char *v)
{
  return v != NULL && (strcmp (v, "1") == 0 || strcmp (v, "true") == 0);
}

static void
workbook_start (GMarkupParseContext *context, const char *element, const char **names,
                const char **values, gpointer data, GError **error)
{
  Workbook *wb = data;
  const char *local = local_name (element);

  if (strcmp (local, "workbookPr") == 0)
    wb->date1904 = xml_true (attribute (names, values, "date1904"));
  else if (strcmp (local, "sheet") == 0)
    {
      const char *name = attribute (names, values, "name");
      const char *rid = relationship_id (names, values);
      SheetRef ref = { g_strdup (name ? name : ""), g_strdup (rid ? rid : "") };

      g_array_append_val (wb->sheets, ref);
    }
}

static const GMarkupParser workbook_parser = { workbook_start, NULL, NULL, NULL, NULL };

static void
sheet_ref_clear (gpointer data)
{
  SheetRef *ref = data;

  g_free (ref->name);
  g_free (ref->part);
}

void
rh_xlsx_reader_free (RhXlsxReader *self)
{
  if (self == NULL)
    return;
  if (self->zip != NULL)
    zip_discard (self->zip);
  g_clear_pointer (&self->sheets, g_array_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->date_styles, g_array_unref);
  g_bytes_unref (self->bytes);
  g_free (self);
}

RhXlsxReader *
rh_xlsx_reader_open (GBytes *bytes, GError **error)
{
  g_autoptr (RhXlsxReader) self = g_new0 (RhXlsxReader, 1);
  zip_error_t zerr;
  zip_source_t *source;
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);
  Rels rels = { NULL, NULL };
  Workbook wb = { NULL, FALSE };
  g_autofree char *workbook_part = NULL;
  g_autofree char *workbook_dir = NULL;
  g_autofree char *workbook_rels = NULL;
  g_autofree char *base = NULL;
  gboolean ok;

  self->bytes = g_bytes_ref (bytes);
  self->sheets = g_array_new (FALSE, TRUE, sizeof (SheetRef));
  g_array_set_clear_func (self->sheets, sheet_ref_clear);
  zip_error_init (&zerr);
  source = zip_source_buffer_create (size ? data : "", size, 0, &zerr);
  if (source != NULL)
    {
      self->zip = zip_open_from_source (source, ZIP_RDONLY, &zerr);
      if (self->zip == NULL)
        zip_source_free (source);
    }
  if (self->zip == NULL)
    {
      g_set_error (error, RH_XLSX_ERROR, RH_XLSX_ERROR_NOT_ZIP,
                   _("This is not an Excel workbook (.xlsx): %s"), zip_error_strerror (&zerr));
      zip_error_fini (&zerr);
      return NULL;
    }
  zip_error_fini (&zerr);

  /* Where the workbook is: _rels/.rels names it, and it is almost always xl/workbook.xml. */
  rels.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ok = parse_part (self, "_rels/.rels", TRUE, &rels_parser, &rels, error);
  g_hash_table_unref (rels.targets);
  if (!ok)
    {
      g_free (rels.office_document);
      return NULL;
    }
  workbook_part = rels.office_document != NULL ? resolve_target ("", rels.office_document)
                                               : g_strdup ("xl/workbook.xml");
  g_free (rels.office_document);
  workbook_dir = g_path_get_dirname (workbook_part);
  if (strcmp (workbook_dir, ".") == 0)
    {
      g_free (workbook_dir);
      workbook_dir = g_strdup ("");
    }
  base = g_path_get_basename (workbook_part);
  workbook_rels = *workbook_dir ? g_strdup_printf ("%s/_rels/%s.rels", workbook_dir, base)
                                : g_strdup_printf ("_rels/%s.rels", base);

  wb.sheets = self->sheets;
  if (!parse_part (self, workbook_part, FALSE, &workbook_parser, &wb, error))
    return NULL;
  self->date1904 = wb.date1904;

  rels.targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rels.office_document = NULL;
  ok = parse_part (self, workbook_rels, FALSE, &rels_parser, &rels, error);
  for (guint i = 0; ok && i < self->sheets->len; i++)
    {
      SheetRef *ref = &g_array_index (self->sheets, SheetRef, i);
      const char *target = g_hash_table_lookup (rels.targets, ref->part);
      char *part = target != NULL ? resolve_target (workbook_dir, target) : NULL;

      g_free (ref->part);
      ref->part = part;
    }
  g_hash_table_unref (rels.targets);
  g_free (rels.office_document);
  if (!ok)
    return NULL;
  if (self->sheets->len == 0)
    {
      g_set_error (error, RH_XLSX_ERROR, RH_XLSX_ERROR_NO_SHEET, _("The workbook has no sheets"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

RhXlsxReader *
rh_xlsx_reader_open_file (const char *path, GError **error)
{
  g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  g_autoptr (GBytes) bytes = NULL;

  if (file == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (file);
  return rh_xlsx_reader_open (bytes, error);
}

guint
rh_xlsx_reader_n_sheets (RhXlsxReader *self)
{
  return self->sheets->len;
}

const char *
rh_xlsx_reader_sheet_name (RhXlsxReader *self, guint index)
{
  g_return_val_if_fail (index < self->sheets->len, NULL);
  return g_array_index (self->sheets, SheetRef, index).name;
}

int
rh_xlsx_reader_find_sheet (RhXlsxReader *self, const char *name)
{
  for (guint i = 0; i < self->sheets->len; i++)
    if (g_strcmp0 (g_array_index (self->sheets, SheetRef, i).name, name) == 0)
      return (int) i;
  return -1;
}

/* Shared strings: each <si> is plain <t> text or rich-text runs <r><t>…; phonetic
 * guides (<rPh>) are not part of the value. */
typedef struct {
  GPtrArray *strings;
  GString   *text;
  gboolean   in_t;
  int        in_phonetic;
} Strings;

static void
strings_start (GMarkupParseContext *context, const char *element, const char **names,
               const char **values, gpointer data, GError **error)
{
  Strings *s = data;
  const char *local = local_name (element);

  if (strcmp (local, "si") == 0)
    g_string_truncate (s->text, 0);
  else if (strcmp (local, "rPh") == 0)
    s->in_phonetic++;
  else if (strcmp (local, "t") == 0)
    s->in_t = TRUE;
}

static void
strings_end (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  Strings *s = data;
  const char *local = local_name (element);

  if (strcmp (local, "si") == 0)
    g_ptr_array_add (s->strings, g_strndup (s->text->str, s->text->len));
  else if (strcmp (local, "rPh") == 0)
    s->in_phonetic--;
  else if (strcmp (local, "t") == 0)
    s->in_t = FALSE;
}

static void
strings_text (GMarkupParseContext *context, const char *text, gsize len, gpointer data,
              GError **error)
{
  Strings *s = data;

  if (s->in_t && s->in_phonetic == 0)
    g_string_append_len (s->text, text, (gssize) len);
}

static const GMarkupParser strings_parser = { strings_start, strings_end, strings_text, NULL,
                                              NULL };

/* Whether a number format code shows a date: it has d, m or y outside quotes,
 * escapes and [brackets] (colours, conditions, locales). */
static gboolean
format_is_date (const char *code)
{
  gboolean quoted = FALSE;
  int bracket = 0;

  if (code == NULL || g_ascii_strcasecmp (code, "General") == 0)
    return FALSE;
  for (const char *p = code; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"')
            quoted = FALSE;
          continue;
        }
      switch (*p)
        {
        case '"':
          quoted = TRUE;
          break;
        case '\\':
        case '_':
        case '*':
          if (p[1] != '\0')
            p++;
          break;
        case '[':
          bracket++;
          break;
        case ']':
          if (bracket > 0)
            bracket--;
          break;
        case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
          if (bracket == 0)
            return TRUE;
          break;
        default:
          break;
        }
    }
  return FALSE;
}

/* Built-in number formats that show dates (ECMA-376 §18.8.30, and the CJK ones). */
static gboolean
builtin_is_date (int id)
{
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

typedef struct {
  GHashTable *formats;   /* numFmtId → code */
  GArray     *date_styles;
  int         in_cell_xfs;
} Styles;

static void
styles_start (GMarkupParseContext *context, const char *element, const char **names,
              const char **values, gpointer data, GError **error)
{
  Styles *s = data;
  const char *local = local_name (element);

  if (strcmp (local, "numFmt") == 0)
    {
      const char *id = attribute (names, values, "numFmtId");
      const char *code = attribute (names, values, "formatCode");

      if (id != NULL && code != NULL)
        g_hash_table_insert (s->formats, GINT_TO_POINTER (atoi (id)), g_strdup (code));
    }
  else if (strcmp (local, "cellXfs") == 0)
    s->in_cell_xfs++;
  else if (strcmp (local, "xf") == 0 && s->in_cell_xfs > 0)
    {
      const char *id_text = attribute (names, values, "numFmtId");
      int id = id_text != NULL ? atoi (id_text) : 0;
      const char *code = g_hash_table_lookup (s->formats, GINT_TO_POINTER (id));
      gboolean is_date = code != NULL ? format_is_date (code) : builtin_is_date (id);

      if (s->date_styles->len < MAX_COLUMNS * 4)
        g_array_append_val (s->date_styles, is_date);
    }
}

static void
styles_end (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  Styles *s = data;

  if (strcmp (local_name (element), "cellXfs") == 0 && s->in_cell_xfs > 0)
    s->in_cell_xfs--;
}

static const GMarkupParser styles_parser = { styles_start, styles_end, NULL, NULL, NULL };

/* Shared strings and styles, read once for all sheets. */
static gboolean
load_common (RhXlsxReader *self, GError **error)
{
  Strings strings = { NULL, NULL, FALSE, 0 };
  Styles styles = { NULL, NULL, 0 };
  gboolean ok;

  if (self->loaded_common)
    return TRUE;
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  strings.strings = self->strings;
  strings.text = g_string_new (NULL);
  ok = parse_part (self, "xl/sharedStrings.xml", TRUE, &strings_parser, &strings, error);
  g_string_free (strings.text, TRUE);
  if (!ok)
    return FALSE;
  styles.formats = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  styles.date_styles = self->date_styles;
  ok = parse_part (self, "xl/styles.xml", TRUE, &styles_parser, &styles, error);
  g_hash_table_unref (styles.formats);
  if (!ok)
    return FALSE;
  self->loaded_common = TRUE;
  return TRUE;
}

gboolean
rh_xlsx_serial_to_date (double serial, gboolean date1904, GDate *out)
{
  double days = floor (serial);
  guint32 julian;
  GDate base;

  g_date_clear (out, 1);
  if (!isfinite (serial) || days < 1 || days > 2958465)  /* 9999-12-31 */
    return FALSE;
  g_date_clear (&base, 1);
  if (date1904)
    {
      g_date_set_dmy (&base, 1, G_DATE_JANUARY, 1904);
      julian = g_date_get_julian (&base) + (guint32) days;
    }
  else
    {
      /* Serial 1 is 1900-01-01; 60 is Lotus's 29 February 1900, which never was. */
      if (days == 60)
        return FALSE;
      g_date_set_dmy (&base, 31, G_DATE_DECEMBER, 1899);
      julian = g_date_get_julian (&base) + (guint32) days - (days > 60 ? 1 : 0);
    }
  g_date_set_julian (out, julian);
  return g_date_get_year (out) >= 1900;
}

/* One worksheet, streamed: the cells of the current row are gathered and the
 * row is packed when it ends. */
typedef struct {
  RhXlsxReader    *xlsx;
  RhSheet   *sheet;
  GPtrArray *cells;        /* char * by column, NULL for empty */
  GString   *value;        /* <v> text */
  GString   *inline_text;  /* <is><t> text */
  char      *type;
  int        style;
  guint      column;       /* of the current cell */
  guint      next_column;
  guint      row;          /* 0-based, of the current row */
  guint      next_row;
  guint64    n_cells;
  gboolean   in_v, in_t;
  int        in_is, in_phonetic;
} Worksheet;

/* "B12" → column 1 and row 11; FALSE when it is not a cell reference. */
static gboolean
parse_reference (const char *ref, guint *column, guint *row)
{
  guint c = 0, r = 0;
  const char *p = ref;

  if (ref == NULL)
    return FALSE;
  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
      if (c > MAX_COLUMNS)
        return FALSE;
    }
  for (; g_ascii_isdigit (*p); p++)
    {
      r = r * 10 + (guint) (*p - '0');
      if (r > MAX_ROWS)
        return FALSE;
    }
  if (*p != '\0' || c == 0 || r == 0)
    return FALSE;
  *column = c - 1;
  *row = r - 1;
  return TRUE;
}

static void
flush_row (Worksheet *w)
{
  /* Rows that the file skips are empty rows. */
  while (rh_sheet_n_rows (w->sheet) < w->row)
    rh_sheet_append_row (w->sheet, NULL, 0);
  rh_sheet_append_row (w->sheet, (char *const *) w->cells->pdata, w->cells->len);
  g_ptr_array_set_size (w->cells, 0);
}

static void
sheet_start (GMarkupParseContext *context, const char *element, const char **names,
             const char **values, gpointer data, GError **error)
{
  Worksheet *w = data;
  const char *local = local_name (element);

  if (strcmp (local, "row") == 0)
    {
      const char *r = attribute (names, values, "r");
      guint64 n = r != NULL ? g_ascii_strtoull (r, NULL, 10) : 0;

      /* Rows come in order; a number that goes back or out of range is ignored. */
      w->row = (n >= 1 && n <= MAX_ROWS && n - 1 >= w->next_row) ? (guint) (n - 1) : w->next_row;
      if (w->row >= MAX_ROWS)
        {
          g_set_error (error, RH_XLSX_ERROR, RH_XLSX_ERROR_TOO_LARGE,
                       _("The sheet has more than %u rows"), MAX_ROWS);
          return;
        }
      w->next_row = w->row + 1;
      w->next_column = 0;
      g_ptr_array_set_size (w->cells, 0);
    }
  else if (strcmp (local, "c") == 0)
    {
      const char *ref = attribute (names, values, "r");
      const char *s = attribute (names, values, "s");
      guint column, row;

      w->column = parse_reference (ref, &column, &row) && column >= w->next_column
                    ? column : w->next_column;
      w->next_column = w->column + 1;
      g_free (w->type);
      w->type = g_strdup (attribute (names, values, "t"));
      w->style = s != NULL ? atoi (s) : 0;
      g_string_truncate (w->value, 0);
      g_string_truncate (w->inline_text, 0);
    }
  else if (strcmp (local, "v") == 0)
    w->in_v = TRUE;
  else if (strcmp (local, "is") == 0)
    w->in_is++;
  else if (strcmp (local, "rPh") == 0)
    w->in_phonetic++;
  else if (strcmp (local, "t") == 0 && w->in_is > 0)
    w->in_t = TRUE;
}

static char *
format_number (RhXlsxReader *xlsx, const char *text, int style)
{
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (end == text || *end != '\0' || !isfinite (v))
    return g_strdup (text);
  if (style >= 0 && (guint) style < xlsx->date_styles->len
      && g_array_index (xlsx->date_styles, gboolean, style))
    {
      GDate date;

      if (rh_xlsx_serial_to_date (v, xlsx->date1904, &date))
        return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                g_date_get_month (&date), g_date_get_day (&date));
    }
  /* Whole numbers as digits (phone numbers, years); others to 15 significant
   * digits, as Excel shows them. */
  if (v == floor (v) && fabs (v) < 1e15)
    return g_strdup_printf ("%.0f", v);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", v));
}

static char *
cell_value (Worksheet *w)
{
  const char *t = w->type;

  if (w->in_is > 0 || g_strcmp0 (t, "inlineStr") == 0)
    return g_strndup (w->inline_text->str, w->inline_text->len);
  if (g_strcmp0 (t, "s") == 0)
    {
      guint64 i = g_ascii_strtoull (w->value->str, NULL, 10);

      if (w->value->len > 0 && i < w->xlsx->strings->len)
        return g_strdup (w->xlsx->strings->pdata[i]);
      return g_strdup ("");
    }
  if (g_strcmp0 (t, "b") == 0)
    return g_strdup (strcmp (w->value->str, "1") == 0 ? "TRUE" : "FALSE");
  if (g_strcmp0 (t, "d") == 0)
    return g_strndup (w->value->str, MIN (w->value->len, 10));
  if (t == NULL || strcmp (t, "n") == 0)
    return w->value->len > 0 ? format_number (w->xlsx, w->value->str, w->style) : g_strdup ("");
  return g_strndup (w->value->str, w->value->len);  /* "str" and "e" */
}

static void
sheet_end (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  Worksheet *w = data;
  const char *local = local_name (element);

  if (strcmp (local, "c") == 0)
    {
      char *value = cell_value (w);

      if (*value == '\0')
        {
          g_free (value);
          return;
        }
      if (++w->n_cells > MAX_CELLS)
        {
          g_free (value);
          g_set_error (error, RH_XLSX_ERROR, RH_XLSX_ERROR_TOO_LARGE,
                       _("The sheet has too many cells to import"));
          return;
        }
      if (w->cells->len <= w->column)
        g_ptr_array_set_size (w->cells, w->column + 1);
      g_free (w->cells->pdata[w->column]);
      w->cells->pdata[w->column] = value;
    }
  else if (strcmp (local, "row") == 0)
    flush_row (w);
  else if (strcmp (local, "v") == 0)
    w->in_v = FALSE;
  else if (strcmp (local, "is") == 0 && w->in_is > 0)
    w->in_is--;
  else if (strcmp (local, "rPh") == 0 && w->in_phonetic > 0)
    w->in_phonetic--;
  else if (strcmp (local, "t") == 0)
    w->in_t = FALSE;
}

static void
sheet_text (GMarkupParseContext *context, const char *text, gsize len, gpointer data,
            GError **error)
{
  Worksheet *w = data;

  if (w->in_v)
    g_string_append_len (w->value, text, (gssize) len);
  else if (w->in_t && w->in_phonetic == 0)
    g_string_append_len (w->inline_text, text, (gssize) len);
}

static const GMarkupParser sheet_parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };

RhSheet *
rh_xlsx_reader_read_sheet (RhXlsxReader *self, guint index, GError **error)
{
  SheetRef *ref;
  Worksheet w = { 0 };
  gboolean ok;

  g_return_val_if_fail (index < self->sheets->len, NULL);
  ref = &g_array_index (self->sheets, SheetRef, index);
  if (ref->part == NULL)
    {
      g_set_error (error, RH_XLSX_ERROR, RH_XLSX_ERROR_MISSING,
                   _("The sheet “%s” has no data in the workbook"), ref->name);
      return NULL;
    }
  if (!load_common (self, error))
    return NULL;
  w.xlsx = self;
  w.sheet = rh_sheet_new (ref->name);
  w.cells = g_ptr_array_new_with_free_func (g_free);
  w.value = g_string_new (NULL);
  w.inline_text = g_string_new (NULL);
  ok = parse_part (self, ref->part, FALSE, &sheet_parser, &w, error);
  g_ptr_array_unref (w.cells);
  g_string_free (w.value, TRUE);
  g_string_free (w.inline_text, TRUE);
  g_free (w.type);
  if (!ok)
    {
      rh_sheet_free (w.sheet);
      return NULL;
    }
  rh_sheet_trim (w.sheet);
  return w.sheet;
}
