/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Handouts for evaluation meetings (评议会): a branch's one or two A4 pages,
 * or the committee's summary of all branches, on the GB/T 9704 layout. The
 * same pages go to a PDF file or a print context. */
#pragma once

#include <cairo.h>
#include "rh-database.h"

G_BEGIN_DECLS

typedef struct _RhHandout RhHandout;

/* branch_id 0: the committee handout. */
RhHandout *rh_handout_new (RhDatabase *db, const char *period, gint64 branch_id, GError **error);
void       rh_handout_free (RhHandout *handout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhHandout, rh_handout_free)
const char *rh_handout_get_title (RhHandout *handout);
guint      rh_handout_get_n_pages (RhHandout *handout);
/* Draws a page (0-based) on an A4 page whose units are points. */
void       rh_handout_draw_page (RhHandout *handout, cairo_t *cr, guint page);
gboolean   rh_handout_write_pdf (RhHandout *handout, const char *path, GError **error);

G_END_DECLS
