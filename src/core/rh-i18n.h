/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* setlocale, and bind the "ronghe" domain to $RONGHE_LOCALEDIR (an uninstalled
 * build) or the installed locale folder. */
void rh_i18n_init (void);

G_END_DECLS
