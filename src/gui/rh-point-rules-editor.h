/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-database.h"

G_BEGIN_DECLS

#define RH_TYPE_POINT_RULES_EDITOR (rh_point_rules_editor_get_type ())
G_DECLARE_FINAL_TYPE (RhPointRulesEditor, rh_point_rules_editor, RH, POINT_RULES_EDITOR,
                      AdwPreferencesPage)

/* A preferences page for the member points rules (积分规则), the base score and
 * the levels. Edits are kept until Save, which writes them in one transaction
 * (or shows why they are refused); Revert reloads what is stored. */
RhPointRulesEditor *rh_point_rules_editor_new (RhDatabase *db);
/* Saves the page as edited; FALSE (with the message shown) when refused. */
gboolean            rh_point_rules_editor_save (RhPointRulesEditor *self);

G_END_DECLS
