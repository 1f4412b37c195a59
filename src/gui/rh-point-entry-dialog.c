/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-date.h"
#include "rh-gui-util.h"
#include "rh-member.h"
#include "rh-point-entry-dialog.h"
#include "rh-points.h"
#include "rh-validate.h"

struct _RhPointEntryDialog
{
  AdwWindow    parent_instance;
  RhDatabase  *db;
  gint64       member_id;
  GPtrArray   *codes;   /* of the rules listed, in order */
  gboolean     saved;

  GtkLabel     *error_label;
  AdwComboRow  *rule_row;
  AdwActionRow *date_row;
  AdwActionRow *note_row;
  GtkEditable  *date_entry;
  GtkEditable  *note_entry;
};

G_DEFINE_FINAL_TYPE (RhPointEntryDialog, rh_point_entry_dialog, ADW_TYPE_WINDOW)

/* "+2", "−5": a points figure with its sign. */
static char *
signed_points (double v)
{
  return v < 0 ? g_strdup_printf ("−%g", -v) : g_strdup_printf ("+%g", v);
}

static void
fill_rules (RhPointEntryDialog *self)
{
  g_autoptr (RhPointSettings) settings = rh_point_settings_load (self->db, NULL);
  GtkStringList *labels = gtk_string_list_new (NULL);

  self->codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; settings != NULL && i < settings->rules->len; i++)
    {
      RhPointRule *r = settings->rules->pdata[i];
      g_autofree char *points = signed_points (r->points);
      g_autofree char *label = NULL;

      if (r->source != RH_POINT_MANUAL)
        continue;
      label = r->veto ? g_strdup_printf (_("%s (veto: the year counts 0)"), r->item)
                      : g_strdup_printf (C_("rule (points)", "%s (%s)"), r->item, points);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->codes, g_strdup (r->code));
    }
  adw_combo_row_set_model (self->rule_row, G_LIST_MODEL (labels));
  g_object_unref (labels);
}

gboolean
rh_point_entry_dialog_select_rule (RhPointEntryDialog *self, const char *code)
{
  for (guint i = 0; i < self->codes->len; i++)
    if (g_strcmp0 (self->codes->pdata[i], code) == 0)
      {
        adw_combo_row_set_selected (self->rule_row, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
rh_point_entry_dialog_get_saved (RhPointEntryDialog *self)
{
  return self->saved;
}

static void
clear_errors (RhPointEntryDialog *self)
{
  rh_form_row_set_error (ADW_ACTION_ROW (self->rule_row), NULL);
  rh_form_row_set_error (self->date_row, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
save_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhPointEntryDialog *self = RH_POINT_ENTRY_DIALOG (widget);
  guint selected = adw_combo_row_get_selected (self->rule_row);
  const char *code = selected < self->codes->len ? self->codes->pdata[selected] : NULL;
  g_autofree char *date = rh_editable_dup_text (self->date_entry);
  g_autofree char *note = rh_editable_dup_text (self->note_entry);
  g_autoptr (GError) error = NULL;

  clear_errors (self);
  if (!rh_points_add (self->db, self->member_id, code, date, note, &error))
    {
      AdwActionRow *row = NULL;

      if (error->domain == RH_VALIDATION_ERROR && error->code == RH_FIELD_DATE)
        row = self->date_row;
      else if (error->domain == RH_VALIDATION_ERROR && error->code == RH_FIELD_POINTS_RULE)
        row = ADW_ACTION_ROW (self->rule_row);
      rh_form_show_error (self->error_label, row, error->message);
      return;
    }
  self->saved = TRUE;
  rh_database_emit_changed (self->db);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
rh_point_entry_dialog_dispose (GObject *object)
{
  RhPointEntryDialog *self = RH_POINT_ENTRY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_POINT_ENTRY_DIALOG);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rh_point_entry_dialog_parent_class)->dispose (object);
}

static void
rh_point_entry_dialog_class_init (RhPointEntryDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_point_entry_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-point-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RhPointEntryDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RhPointEntryDialog, rule_row);
  gtk_widget_class_bind_template_child (widget_class, RhPointEntryDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RhPointEntryDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, RhPointEntryDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, RhPointEntryDialog, note_entry);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
rh_point_entry_dialog_init (RhPointEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RhPointEntryDialog *
rh_point_entry_dialog_new (GtkWindow *parent, RhDatabase *db, gint64 member_id)
{
  RhPointEntryDialog *self = g_object_new (RH_TYPE_POINT_ENTRY_DIALOG, "transient-for", parent,
                                           NULL);
  g_autoptr (RhMember) member = rh_member_load (db, member_id, NULL);
  g_autofree char *today_text = NULL;
  GDate today;

  self->db = g_object_ref (db);
  self->member_id = member_id;
  fill_rules (self);
  if (member != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Add Points for %s"), member->name);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  rh_date_today (&today);
  today_text = rh_date_format (&today);
  gtk_editable_set_text (self->date_entry, today_text);
  return self;
}
