/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small page-layout engine for A4 handouts on the GB/T 9704 layout (A4,
 * 37 mm top margin, 28 mm binding margin, a 156 × 225 mm text area): blocks
 * flow down the pages, tables repeat their header rows on every page and
 * never split a row, and every page carries its number. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The handout's font; its charts are drawn in it too (not in RH_CHART_FONT). */
#define RH_DOC_FONT "Noto Sans CJK SC, Sans"
#define RH_MM (72.0 / 25.4)
#define RH_A4_WIDTH (210 * RH_MM)
#define RH_A4_HEIGHT (297 * RH_MM)
#define RH_DOC_TOP (37 * RH_MM)
#define RH_DOC_LEFT (28 * RH_MM)
#define RH_DOC_TEXT_WIDTH (156 * RH_MM)
#define RH_DOC_TEXT_HEIGHT (225 * RH_MM)

typedef struct _RhDoc RhDoc;

/* Draws something in a width × height box at the origin, in points. */
typedef void (*RhDocDrawFunc) (cairo_t *cr, double width, double height, gpointer data);

RhDoc   *rh_doc_new (void);
void     rh_doc_free (RhDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhDoc, rh_doc_free)

void     rh_doc_add_title (RhDoc *doc, const char *title, const char *subtitle);
void     rh_doc_add_heading (RhDoc *doc, const char *text);
void     rh_doc_add_paragraph (RhDoc *doc, const char *text);
/* Label and value pairs, two pairs to a line. */
void     rh_doc_add_fields (RhDoc *doc, const char *const *labels, const char *const *values,
                            guint n);
/* n drawings side by side, height points high. The data must outlive the doc. */
void     rh_doc_add_drawings (RhDoc *doc, double height, guint n, const RhDocDrawFunc *funcs,
                              gpointer const *data);
/* A table: widths are shares of the text width; each row is a GStrv of
 * n_columns cells, or of one cell for a section row across the table. */
void     rh_doc_add_table (RhDoc *doc, guint n_columns, const char *const *headers,
                           const double *widths, const gboolean *right_aligned, GPtrArray *rows);
void     rh_doc_add_signature (RhDoc *doc, const char *const *lines, guint n);

/* Lays the blocks out on pages (once); the number of pages. */
guint    rh_doc_get_n_pages (RhDoc *doc);
/* Draws a page (0-based) on an A4 page in points. */
void     rh_doc_draw_page (RhDoc *doc, cairo_t *cr, guint page);
gboolean rh_doc_write_pdf (RhDoc *doc, const char *path, const char *title, GError **error);

G_END_DECLS
