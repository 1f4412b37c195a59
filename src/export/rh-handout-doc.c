/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include "rh-chart-data.h"
#include "rh-handout-doc.h"

#define FONT RH_DOC_FONT
#define BODY 10.5          /* 五号 */
#define TABLE 8.5          /* 小五 is 9 pt: a little less for long templates */
#define HEADING 12.0       /* 小四 */
#define TITLE 18.0         /* 小二 */
#define CELL_PAD 2.0
#define GAP 8.0

typedef enum {
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_FIELDS,
  BLOCK_DRAWINGS,
  BLOCK_TABLE,
  BLOCK_SIGNATURE,
} BlockKind;

typedef struct {
  BlockKind      kind;
  char          *text, *text2;
  GPtrArray     *labels, *values;   /* fields; signature lines in labels */
  double         height;            /* drawings */
  guint          n;
  RhDocDrawFunc  funcs[4];
  gpointer       data[4];
  /* Table. */
  guint          n_columns;
  char         **headers;
  double        *widths;
  gboolean      *right;
  GPtrArray     *rows;              /* GStrv */
  double         header_h;
  GArray        *row_h;             /* double */
} Block;

/* Where a block (or a run of a table's rows) sits. */
typedef struct {
  guint  page;
  guint  block;
  double y;
  guint  first, last;               /* table rows [first, last) */
} Place;

struct _RhDoc {
  GPtrArray *blocks;
  GArray    *places;
  guint      n_pages;
  gboolean   laid_out;
  cairo_surface_t *measure_surface;
  cairo_t   *measure;
};

static void
block_free (Block *b)
{
  g_free (b->text);
  g_free (b->text2);
  g_clear_pointer (&b->labels, g_ptr_array_unref);
  g_clear_pointer (&b->values, g_ptr_array_unref);
  g_strfreev (b->headers);
  g_free (b->widths);
  g_free (b->right);
  g_clear_pointer (&b->rows, g_ptr_array_unref);
  g_clear_pointer (&b->row_h, g_array_unref);
  g_free (b);
}

RhDoc *
rh_doc_new (void)
{
  RhDoc *doc = g_new0 (RhDoc, 1);

  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  doc->places = g_array_new (FALSE, TRUE, sizeof (Place));
  doc->measure_surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  doc->measure = cairo_create (doc->measure_surface);
  return doc;
}

void
rh_doc_free (RhDoc *doc)
{
  if (doc == NULL)
    return;
  g_ptr_array_unref (doc->blocks);
  g_array_unref (doc->places);
  cairo_destroy (doc->measure);
  cairo_surface_destroy (doc->measure_surface);
  g_free (doc);
}

static Block *
add (RhDoc *doc, BlockKind kind)
{
  Block *b = g_new0 (Block, 1);

  b->kind = kind;
  g_ptr_array_add (doc->blocks, b);
  doc->laid_out = FALSE;
  return b;
}

void
rh_doc_add_title (RhDoc *doc, const char *title, const char *subtitle)
{
  Block *b = add (doc, BLOCK_TITLE);
  b->text = g_strdup (title);
  b->text2 = g_strdup (subtitle);
}

void
rh_doc_add_heading (RhDoc *doc, const char *text)
{
  add (doc, BLOCK_HEADING)->text = g_strdup (text);
}

void
rh_doc_add_paragraph (RhDoc *doc, const char *text)
{
  add (doc, BLOCK_PARAGRAPH)->text = g_strdup (text);
}

void
rh_doc_add_fields (RhDoc *doc, const char *const *labels, const char *const *values, guint n)
{
  Block *b = add (doc, BLOCK_FIELDS);

  b->labels = g_ptr_array_new_with_free_func (g_free);
  b->values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (b->labels, g_strdup (labels[i]));
      g_ptr_array_add (b->values, g_strdup (values[i] != NULL ? values[i] : "—"));
    }
}

void
rh_doc_add_drawings (RhDoc *doc, double height, guint n, const RhDocDrawFunc *funcs,
                     gpointer const *data)
{
  Block *b = add (doc, BLOCK_DRAWINGS);

  b->height = height;
  b->n = MIN (n, 4);
  for (guint i = 0; i < b->n; i++)
    {
      b->funcs[i] = funcs[i];
      b->data[i] = data[i];
    }
}

void
rh_doc_add_table (RhDoc *doc, guint n_columns, const char *const *headers, const double *widths,
                  const gboolean *right_aligned, GPtrArray *rows)
{
  Block *b = add (doc, BLOCK_TABLE);

  b->n_columns = n_columns;
  b->headers = g_new0 (char *, n_columns + 1);
  b->widths = g_new (double, n_columns);
  b->right = g_new0 (gboolean, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      b->headers[c] = g_strdup (headers[c]);
      b->widths[c] = widths[c] * RH_DOC_TEXT_WIDTH;
      b->right[c] = right_aligned != NULL && right_aligned[c];
    }
  b->rows = g_ptr_array_ref (rows);
}

void
rh_doc_add_signature (RhDoc *doc, const char *const *lines, guint n)
{
  Block *b = add (doc, BLOCK_SIGNATURE);

  b->labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (b->labels, g_strdup (lines[i]));
}

/* Text: always through Pango, sizes in points. One layout per cairo_t, kept
 * on it: a committee's table measures thousands of cells. */
static const cairo_user_data_key_t layout_key;

static double
text (cairo_t *cr, double size, gboolean bold, const char *s, double x, double y, double width,
      PangoAlignment align, gboolean draw)
{
  PangoLayout *layout = cairo_get_user_data (cr, &layout_key);
  PangoFontDescription *font = pango_font_description_from_string (FONT);
  int w, h;

  if (layout == NULL)
    {
      layout = pango_cairo_create_layout (cr);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      cairo_set_user_data (cr, &layout_key, layout, g_object_unref);
    }
  else
    pango_cairo_update_layout (cr, layout);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  pango_layout_set_line_spacing (layout, size > TABLE ? 1.15 : 0);
  pango_layout_set_text (layout, s != NULL ? s : "", -1);
  if (draw)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  pango_layout_get_size (layout, &w, &h);
  pango_font_description_free (font);
  return (double) h / PANGO_SCALE;
}

/* Fields are two to a line; a last one alone takes the whole line. */
static double
field_width (Block *b, guint j)
{
  return j % 2 == 0 && j + 1 == b->labels->len ? RH_DOC_TEXT_WIDTH : RH_DOC_TEXT_WIDTH / 2 - 6;
}

/* A table row's height: its tallest cell. */
static double
row_height (RhDoc *doc, Block *b, char **cells, gboolean bold)
{
  double h = 0;
  guint n = g_strv_length (cells);

  if (n == 1 && b->n_columns > 1)
    return text (doc->measure, TABLE, TRUE, cells[0], 0, 0, RH_DOC_TEXT_WIDTH - 2 * CELL_PAD,
                 PANGO_ALIGN_LEFT, FALSE) + 2 * CELL_PAD;
  for (guint c = 0; c < b->n_columns && c < n; c++)
    h = MAX (h, text (doc->measure, TABLE, bold, cells[c], 0, 0, b->widths[c] - 2 * CELL_PAD,
                      PANGO_ALIGN_LEFT, FALSE));
  return h + 2 * CELL_PAD;
}

/* The height of a block that does not split. */
static double
block_height (RhDoc *doc, Block *b)
{
  switch (b->kind)
    {
    case BLOCK_TITLE:
      return text (doc->measure, TITLE, TRUE, b->text, 0, 0, RH_DOC_TEXT_WIDTH, PANGO_ALIGN_CENTER, FALSE)
             + (b->text2 != NULL ? 4 + text (doc->measure, HEADING, FALSE, b->text2, 0, 0, RH_DOC_TEXT_WIDTH,
                                             PANGO_ALIGN_CENTER, FALSE) : 0) + 10;
    case BLOCK_HEADING:
      return text (doc->measure, HEADING, TRUE, b->text, 0, 0, RH_DOC_TEXT_WIDTH, PANGO_ALIGN_LEFT, FALSE) + 3;
    case BLOCK_PARAGRAPH:
      return text (doc->measure, BODY, FALSE, b->text, 0, 0, RH_DOC_TEXT_WIDTH, PANGO_ALIGN_LEFT, FALSE);
    case BLOCK_FIELDS:
      {
        double h = 0;
        for (guint i = 0; i < b->labels->len; i += 2)
          {
            double line = 0;
            for (guint j = i; j < i + 2 && j < b->labels->len; j++)
              {
                g_autofree char *s = g_strdup_printf (_("%s: %s"), (char *) b->labels->pdata[j],
                                                      (char *) b->values->pdata[j]);
                line = MAX (line, text (doc->measure, BODY, FALSE, s, 0, 0, field_width (b, j),
                                        PANGO_ALIGN_LEFT, FALSE));
              }
            h += line + 3;
          }
        return h;
      }
    case BLOCK_DRAWINGS:
      return b->height;
    case BLOCK_SIGNATURE:
      {
        /* Two to a line; a long one wraps, and its line grows. */
        double h = 6;
        for (guint i = 0; i < b->labels->len; i += 2)
          {
            double line = 0;
            for (guint j = i; j < i + 2 && j < b->labels->len; j++)
              line = MAX (line, text (doc->measure, BODY, FALSE, b->labels->pdata[j], 0, 0,
                                      RH_DOC_TEXT_WIDTH * 0.48, PANGO_ALIGN_LEFT, FALSE));
            h += line + BODY * 1.2;
          }
        return h;
      }
    default:
      return 0;
    }
}

static gboolean
section_row (Block *b, guint r)
{
  return b->n_columns > 1 && g_strv_length (b->rows->pdata[r]) == 1;
}

static void
layout (RhDoc *doc)
{
  guint page = 0;
  double y = 0;

  if (doc->laid_out)
    return;
  g_array_set_size (doc->places, 0);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *b = doc->blocks->pdata[i];
      Place place = { 0 };

      if (y > 0)
        y += b->kind == BLOCK_HEADING ? GAP * 1.5 : GAP;
      if (b->kind == BLOCK_TABLE)
        {
          guint r = 0;
          b->header_h = row_height (doc, b, b->headers, TRUE);
          if (b->row_h == NULL)
            {
              b->row_h = g_array_new (FALSE, FALSE, sizeof (double));
              for (guint k = 0; k < b->rows->len; k++)
                {
                  double h = row_height (doc, b, b->rows->pdata[k], FALSE);
                  g_array_append_val (b->row_h, h);
                }
            }
          while (r < b->rows->len || r == 0)
            {
              double used = b->header_h;
              guint first = r;
              /* The header and at least one row, or a new page. */
              if (y > 0 && y + b->header_h + (b->rows->len ? g_array_index (b->row_h, double, r) : 0)
                             > RH_DOC_TEXT_HEIGHT)
                {
                  page++;
                  y = 0;
                }
              while (r < b->rows->len && (r == first || y + used + g_array_index (b->row_h, double, r)
                                                         <= RH_DOC_TEXT_HEIGHT))
                {
                  /* A section row stays with the row after it. */
                  if (r > first && section_row (b, r) && r + 1 < b->rows->len
                      && y + used + g_array_index (b->row_h, double, r)
                           + g_array_index (b->row_h, double, r + 1) > RH_DOC_TEXT_HEIGHT)
                    break;
                  used += g_array_index (b->row_h, double, r++);
                }
              place = (Place) { page, i, y, first, r };
              g_array_append_val (doc->places, place);
              y += used;
              if (r < b->rows->len)
                {
                  page++;
                  y = 0;
                }
              if (b->rows->len == 0)
                break;
            }
          continue;
        }
      {
        double h = block_height (doc, b);
        /* A heading stays with what follows it: a table's header and first rows. */
        double need = h + (b->kind == BLOCK_HEADING ? GAP + 3 * TABLE * 2 : 0);
        if (y > 0 && y + need > RH_DOC_TEXT_HEIGHT)
          {
            page++;
            y = 0;
          }
        place = (Place) { page, i, y, 0, 0 };
        g_array_append_val (doc->places, place);
        y += h;
      }
    }
  doc->n_pages = page + 1;
  doc->laid_out = TRUE;
}

guint
rh_doc_get_n_pages (RhDoc *doc)
{
  layout (doc);
  return doc->n_pages;
}

static void
draw_row (cairo_t *cr, Block *b, char **cells, double y, double h, gboolean header)
{
  double x = 0;
  guint n = g_strv_length (cells);

  if (header || (n == 1 && b->n_columns > 1))
    {
      cairo_set_source_rgb (cr, header ? 0.88 : 0.95, header ? 0.88 : 0.95, header ? 0.88 : 0.95);
      cairo_rectangle (cr, 0, y, RH_DOC_TEXT_WIDTH, h);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (n == 1 && b->n_columns > 1)
    text (cr, TABLE, TRUE, cells[0], CELL_PAD, y + CELL_PAD, RH_DOC_TEXT_WIDTH - 2 * CELL_PAD,
          PANGO_ALIGN_LEFT, TRUE);
  else
    for (guint c = 0; c < b->n_columns && c < n; c++)
      {
        text (cr, TABLE, header, cells[c], x + CELL_PAD, y + CELL_PAD, b->widths[c] - 2 * CELL_PAD,
              header ? PANGO_ALIGN_CENTER : b->right[c] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, TRUE);
        x += b->widths[c];
      }
  /* Rules: a box per cell. */
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_rectangle (cr, 0, y, RH_DOC_TEXT_WIDTH, h);
  x = 0;
  for (guint c = 0; c + 1 < b->n_columns && !(n == 1 && b->n_columns > 1); c++)
    {
      x += b->widths[c];
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x, y + h);
    }
  cairo_stroke (cr);
}

static void
draw_place (RhDoc *doc, cairo_t *cr, const Place *p)
{
  Block *b = doc->blocks->pdata[p->block];
  double y = p->y;

  cairo_set_source_rgb (cr, 0, 0, 0);
  switch (b->kind)
    {
    case BLOCK_TITLE:
      y += text (cr, TITLE, TRUE, b->text, 0, y, RH_DOC_TEXT_WIDTH, PANGO_ALIGN_CENTER, TRUE) + 4;
      if (b->text2 != NULL)
        text (cr, HEADING, FALSE, b->text2, 0, y, RH_DOC_TEXT_WIDTH, PANGO_ALIGN_CENTER, TRUE);
      break;
    case BLOCK_HEADING:
      text (cr, HEADING, TRUE, b->text, 0, y, RH_DOC_TEXT_WIDTH, PANGO_ALIGN_LEFT, TRUE);
      break;
    case BLOCK_PARAGRAPH:
      text (cr, BODY, FALSE, b->text, 0, y, RH_DOC_TEXT_WIDTH, PANGO_ALIGN_LEFT, TRUE);
      break;
    case BLOCK_FIELDS:
      for (guint i = 0; i < b->labels->len; i += 2)
        {
          double line = 0;
          for (guint j = i; j < i + 2 && j < b->labels->len; j++)
            {
              /* TRANSLATORS: a label and its value on a handout. */
              g_autofree char *s = g_strdup_printf (_("%s: %s"), (char *) b->labels->pdata[j],
                                                    (char *) b->values->pdata[j]);
              line = MAX (line, text (cr, BODY, FALSE, s, (j - i) * RH_DOC_TEXT_WIDTH / 2, y,
                                      field_width (b, j), PANGO_ALIGN_LEFT, TRUE));
            }
          y += line + 3;
        }
      break;
    case BLOCK_DRAWINGS:
      {
        double w = (RH_DOC_TEXT_WIDTH - (b->n - 1) * GAP) / MAX (b->n, 1);
        for (guint i = 0; i < b->n; i++)
          {
            cairo_save (cr);
            cairo_translate (cr, i * (w + GAP), y);
            cairo_rectangle (cr, 0, 0, w, b->height);
            cairo_clip (cr);
            b->funcs[i] (cr, w, b->height, b->data[i]);
            cairo_restore (cr);
            cairo_set_line_width (cr, 0.5);
            cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
            cairo_rectangle (cr, i * (w + GAP), y, w, b->height);
            cairo_stroke (cr);
          }
        break;
      }
    case BLOCK_TABLE:
      draw_row (cr, b, b->headers, y, b->header_h, TRUE);
      y += b->header_h;
      for (guint r = p->first; r < p->last; r++)
        {
          double h = g_array_index (b->row_h, double, r);
          draw_row (cr, b, b->rows->pdata[r], y, h, FALSE);
          y += h;
        }
      break;
    case BLOCK_SIGNATURE:
      y += 6;
      /* Two to a line, the second at the right half. */
      for (guint i = 0; i < b->labels->len; i += 2)
        {
          double line = 0;
          for (guint j = i; j < i + 2 && j < b->labels->len; j++)
            line = MAX (line, text (cr, BODY, FALSE, b->labels->pdata[j],
                                    j % 2 ? RH_DOC_TEXT_WIDTH * 0.52 : 0, y,
                                    RH_DOC_TEXT_WIDTH * 0.48, PANGO_ALIGN_LEFT, TRUE));
          y += line + BODY * 1.2;
        }
      break;
    default:
      break;
    }
}

void
rh_doc_draw_page (RhDoc *doc, cairo_t *cr, guint page)
{
  g_autofree char *number = NULL;
  double w;

  layout (doc);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, RH_DOC_LEFT, RH_DOC_TOP);
  for (guint i = 0; i < doc->places->len; i++)
    {
      const Place *p = &g_array_index (doc->places, Place, i);
      if (p->page == page)
        draw_place (doc, cr, p);
    }
  /* GB/T 9704: the number 7 mm below the text area, "— 1 —", at the outer
   * edge (right on odd pages, left on even ones), one character in. */
  number = g_strdup_printf ("— %u —", page + 1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  w = RH_DOC_TEXT_WIDTH - 2 * BODY;
  text (cr, BODY, FALSE, number, BODY, RH_DOC_TEXT_HEIGHT + 7 * RH_MM, w,
        page % 2 == 0 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT, TRUE);
  cairo_restore (cr);
}

gboolean
rh_doc_write_pdf (RhDoc *doc, const char *path, const char *title, GError **error)
{
  g_autofree char *tmp = rh_chart_temp_sibling (path, error);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (tmp == NULL)
    return FALSE;
  layout (doc);
  surface = cairo_pdf_surface_create (tmp, RH_A4_WIDTH, RH_A4_HEIGHT);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Ronghe");
  cr = cairo_create (surface);
  for (guint p = 0; p < doc->n_pages; p++)
    {
      rh_doc_draw_page (doc, cr, p);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return rh_chart_commit (tmp, path, error);
}
