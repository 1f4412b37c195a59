/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* setlocale, and bind the "ronghe" domain to $RONGHE_LOCALEDIR (an uninstalled
 * build) or the installed locale folder. */
void rh_i18n_init (void);

/* The width of UTF-8 text in terminal columns (or spreadsheet character
 * widths): Chinese characters and other wide ones count two. */
guint rh_utf8_width (const char *text);
/* The text padded with spaces to a width of columns (left-aligned), for
 * tables in a terminal. */
char *rh_utf8_pad (const char *text, guint columns);

G_END_DECLS
