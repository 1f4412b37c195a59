/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers shared by the pages and editors. */
#pragma once

#include <adwaita.h>
#include "rh-database.h"

G_BEGIN_DECLS

/* Shows a message under a form row's title, marked as an error; NULL clears it. */
void       rh_form_row_set_error (AdwActionRow *row, const char *message);
/* Shows a save error: beside its field when row is given (and a short note in
 * error_label above the form), else in error_label alone. */
void       rh_form_show_error (GtkLabel *error_label, AdwActionRow *row, const char *message);
/* Unparents a widget's children: for templates whose top child is not bound. */
void       rh_widget_unparent_children (GtkWidget *widget);
/* The text of an entry, stripped; NULL when it is blank. */
char      *rh_editable_dup_text (GtkEditable *editable);
/* Sets an entry's text, treating NULL as empty. */
void       rh_editable_set_text (GtkEditable *editable, const char *text);

/* Fills a drop-down with the active organisations of the kinds in kind_mask
 * (1 << RhOrgKind), by pinyin. all_label, when given, is a first entry with id 0. */
void       rh_org_dropdown_fill (GtkDropDown *dropdown, RhDatabase *db, guint kind_mask,
                                 const char *all_label);
/* Fills a drop-down with the party groups of a branch, after a "none" entry (id 0). */
void       rh_group_dropdown_fill (GtkDropDown *dropdown, RhDatabase *db, gint64 branch_id);
/* Fills a drop-down with the active members of a branch, after a "nobody" entry (id 0). */
void       rh_member_dropdown_fill (GtkDropDown *dropdown, RhDatabase *db, gint64 branch_id);
/* The id behind the selected entry of any of these drop-downs, and the reverse. */
gint64     rh_org_dropdown_get_id (GtkDropDown *dropdown);
void       rh_org_dropdown_set_id (GtkDropDown *dropdown, gint64 id);

/* A drop-down over translated labels (e.g. rh_status_label for each status). */
void       rh_dropdown_set_labels (GtkDropDown *dropdown, const char *(*label) (int), int n);

void       rh_list_box_remove_all (GtkListBox *box);
/* A read-only row: title and a selectable value (or a dim dash when empty). */
GtkWidget *rh_value_row_new (const char *title, const char *value);

G_END_DECLS
