/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Whole-database checks: SQLite integrity, foreign keys and the validation rules. */
#pragma once

#include "rh-database.h"

G_BEGIN_DECLS

/* Appends one translated line per problem to problems. FALSE only when the check itself fails. */
gboolean rh_check_database (RhDatabase *db, GPtrArray *problems, GError **error);

G_END_DECLS
