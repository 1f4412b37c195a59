/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_PREFERENCES (rh_preferences_get_type ())
G_DECLARE_FINAL_TYPE (RhPreferences, rh_preferences, RH, PREFERENCES, AdwPreferencesWindow)

/* The rules kept in the database: meeting frequencies (三会一课). */
RhPreferences *rh_preferences_new (GtkWindow *parent, RhDatabase *db);

G_END_DECLS
