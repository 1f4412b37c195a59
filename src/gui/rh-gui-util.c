/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-gui-util.h"
#include "rh-member.h"
#include "rh-org.h"

void
rh_form_row_set_error (AdwActionRow *row, const char *message)
{
  adw_action_row_set_subtitle (row, message != NULL ? message : "");
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

void
rh_form_show_error (GtkLabel *error_label, AdwActionRow *row, const char *message)
{
  if (row != NULL)
    rh_form_row_set_error (row, message);
  gtk_label_set_label (error_label, row != NULL ? _("Please correct the marked field.") : message);
  gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
}

void
rh_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

char *
rh_editable_dup_text (GtkEditable *editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
rh_editable_set_text (GtkEditable *editable, const char *text)
{
  gtk_editable_set_text (editable, text != NULL ? text : "");
}

/* The ids behind a drop-down's string list, in the same order. */
static GArray *
dropdown_ids (GtkDropDown *dropdown)
{
  return g_object_get_data (G_OBJECT (dropdown), "rh-ids");
}

static void
set_choices (GtkDropDown *dropdown, GtkStringList *labels, GArray *ids)
{
  g_autoptr (GtkExpression) expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  g_object_set_data_full (G_OBJECT (dropdown), "rh-ids", ids, (GDestroyNotify) g_array_unref);
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  g_object_unref (labels);
}

static void
append_choice (GtkStringList *labels, GArray *ids, const char *label, gint64 id)
{
  gtk_string_list_append (labels, label);
  g_array_append_val (ids, id);
}

void
rh_org_dropdown_fill (GtkDropDown *dropdown, RhDatabase *db, guint kind_mask,
                      const char *all_label)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) orgs = rh_org_list_by_kind (db, kind_mask, NULL);

  if (all_label != NULL)
    append_choice (labels, ids, all_label, 0);
  for (guint i = 0; orgs != NULL && i < orgs->len; i++)
    {
      RhOrg *org = orgs->pdata[i];
      append_choice (labels, ids, org->name, org->id);
    }
  set_choices (dropdown, labels, ids);
}

void
rh_group_dropdown_fill (GtkDropDown *dropdown, RhDatabase *db, gint64 branch_id)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) groups = branch_id ? rh_org_list_children (db, branch_id, NULL) : NULL;

  append_choice (labels, ids, _("None"), 0);
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      RhOrg *org = groups->pdata[i];
      if (org->kind == RH_ORG_GROUP)
        append_choice (labels, ids, org->name, org->id);
    }
  set_choices (dropdown, labels, ids);
}

void
rh_member_dropdown_fill (GtkDropDown *dropdown, RhDatabase *db, gint64 branch_id)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) members = branch_id ? rh_member_list_for_org (db, branch_id, NULL) : NULL;

  append_choice (labels, ids, _("Nobody"), 0);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      RhMember *m = members->pdata[i];
      append_choice (labels, ids, m->name, m->id);
    }
  set_choices (dropdown, labels, ids);
}

gint64
rh_org_dropdown_get_id (GtkDropDown *dropdown)
{
  GArray *ids = dropdown_ids (dropdown);
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

void
rh_org_dropdown_set_id (GtkDropDown *dropdown, gint64 id)
{
  GArray *ids = dropdown_ids (dropdown);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
}

void
rh_dropdown_set_labels (GtkDropDown *dropdown, const char *(*label) (int), int n)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (int i = 0; i < n; i++)
    gtk_string_list_append (labels, label (i));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  g_object_unref (labels);
}

void
rh_list_box_remove_all (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

/* Width in character cells: CJK characters take two. */
static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return MAX (width, 1);
}

GtkWidget *
rh_value_row_new (const char *title, const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value != NULL && *value ? value : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), value != NULL && *value);
  /* Wrap long text, but never squeeze a short value (a name, a date) below its width. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (display_width (value), 24));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (value == NULL || *value == '\0')
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}
