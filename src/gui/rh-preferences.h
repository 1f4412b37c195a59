/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_PREFERENCES (rh_preferences_get_type ())
G_DECLARE_FINAL_TYPE (RhPreferences, rh_preferences, RH, PREFERENCES, AdwPreferencesWindow)

/* The rules kept in the database: meeting frequencies (三会一课) and the
 * assessment templates. */
RhPreferences *rh_preferences_new (GtkWindow *parent, RhDatabase *db);

/* What the template rows' buttons do, without the file chooser. Each returns
 * the new template's id, or 0 (FALSE) with an error that names the file. */
gint64         rh_preferences_copy_template (RhPreferences *self, gint64 id, GError **error);
gint64         rh_preferences_import_template (RhPreferences *self, GFile *file, GError **error);
gboolean       rh_preferences_export_template (RhPreferences *self, gint64 id, GFile *file,
                                               GError **error);

G_END_DECLS
