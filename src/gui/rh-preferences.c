/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-assessment.h"
#include "rh-gui-util.h"
#include "rh-meeting.h"
#include "rh-point-rules-editor.h"
#include "rh-preferences.h"
#include "rh-template-editor.h"
#include "rh-template-io.h"

struct _RhPreferences
{
  AdwPreferencesWindow parent_instance;
  RhDatabase          *db;
  GtkSpinButton       *times[RH_N_MEETING_KINDS];
  GtkDropDown         *periods[RH_N_MEETING_KINDS];

  AdwPreferencesGroup *rules_group;
  AdwPreferencesGroup *templates_group;
  GPtrArray           *template_rows;
  gulong               changed_id;
};

G_DEFINE_FINAL_TYPE (RhPreferences, rh_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* Each change is saved at once, as GNOME preferences are. */
static void
rule_changed_cb (RhPreferences *self)
{
  g_autoptr (GError) error = NULL;

  for (int k = 0; k < RH_N_MEETING_KINDS; k++)
    {
      RhRulePeriod period = (RhRulePeriod) gtk_drop_down_get_selected (self->periods[k]);
      int times = gtk_spin_button_get_value_as_int (self->times[k]);

      gtk_widget_set_sensitive (GTK_WIDGET (self->times[k]), period != RH_RULE_NONE);
      if (!rh_meeting_rule_set (self->db, (RhMeetingKind) k, period, times, &error))
        {
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                            adw_toast_new (error->message));
          return;
        }
    }
  rh_database_emit_changed (self->db);
}

static void
build_rows (RhPreferences *self)
{
  RhMeetingRule rules[RH_N_MEETING_KINDS];

  if (!rh_meeting_rules_load (self->db, rules, NULL))
    return;
  for (int k = 0; k < RH_N_MEETING_KINDS; k++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *times = gtk_spin_button_new_with_range (0, 31, 1);
      GtkWidget *period = gtk_drop_down_new (NULL, NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     rh_meeting_kind_label ((RhMeetingKind) k));
      rh_dropdown_set_labels (GTK_DROP_DOWN (period), (const char *(*) (int)) rh_rule_period_label,
                              RH_RULE_NONE + 1);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (period), rules[k].period);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (times), rules[k].times);
      gtk_widget_set_sensitive (times, rules[k].period != RH_RULE_NONE);
      gtk_widget_set_tooltip_text (times, _("Meetings required in each period"));
      gtk_widget_set_valign (times, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (period, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), times);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), period);
      adw_preferences_group_add (self->rules_group, row);
      self->times[k] = GTK_SPIN_BUTTON (times);
      self->periods[k] = GTK_DROP_DOWN (period);
    }
  for (int k = 0; k < RH_N_MEETING_KINDS; k++)
    {
      g_signal_connect_swapped (self->times[k], "value-changed", G_CALLBACK (rule_changed_cb), self);
      g_signal_connect_swapped (self->periods[k], "notify::selected", G_CALLBACK (rule_changed_cb),
                                self);
    }
}

/* ---- Assessment templates ------------------------------------------------------------------ */

static void
toast (RhPreferences *self, const char *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static gint64
row_template_id (GtkWidget *button)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (button), "template-id");
}

static void
edit_template (RhPreferences *self, gint64 id)
{
  g_autoptr (GError) error = NULL;
  RhTemplateEditor *editor = rh_template_editor_new (GTK_WINDOW (self), self->db, id, &error);

  if (editor == NULL)
    toast (self, error->message);
  else
    gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_clicked_cb (GtkWidget *button, RhPreferences *self)
{
  edit_template (self, row_template_id (button));
}

gint64
rh_preferences_copy_template (RhPreferences *self, gint64 id, GError **error)
{
  g_autoptr (RhTemplate) t = rh_template_load (self->db, id, error);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  char *name;

  if (t == NULL)
    return 0;
  /* A copy is a new template for this year, with the same rules. */
  t->id = 0;
  t->frozen = FALSE;
  t->year = g_date_time_get_year (now);
  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];
      cat->id = 0;
      for (guint i = 0; i < cat->indicators->len; i++)
        ((RhIndicator *) cat->indicators->pdata[i])->id = 0;
    }
  name = g_strdup_printf (_("%s (copy)"), t->name);
  g_free (t->name);
  t->name = name;
  if (!rh_template_save (self->db, t, error))
    return 0;
  rh_database_emit_changed (self->db);
  return t->id;
}

static void
copy_clicked_cb (GtkWidget *button, RhPreferences *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = rh_preferences_copy_template (self, row_template_id (button), &error);

  if (id == 0)
    toast (self, error->message);
  else
    edit_template (self, id);
}

gboolean
rh_preferences_export_template (RhPreferences *self, gint64 id, GFile *file, GError **error)
{
  g_autoptr (RhTemplate) t = rh_template_load (self->db, id, error);
  g_autofree char *json = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (t == NULL)
    return FALSE;
  json = rh_template_to_json (t);
  /* g_file_set_contents writes a temporary file beside the target and renames it. */
  return g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, RhPreferences *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (rh_preferences_export_template (self, row_template_id (GTK_WIDGET (chooser)), file,
                                          &error))
        toast (self, _("Template exported"));
      else
        toast (self, error->message);
    }
  g_object_unref (chooser);
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Assessment templates (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

static void
export_clicked_cb (GtkWidget *button, RhPreferences *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr (RhTemplate) t = rh_template_load (self->db, row_template_id (button), NULL);
  g_autofree char *name = NULL;

  if (t == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Template"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  name = g_strdup_printf ("%s.json", t->name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json_filter ());
  g_object_set_data_full (G_OBJECT (chooser), "template-id",
                          g_memdup2 (&t->id, sizeof t->id), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gint64
rh_preferences_import_template (RhPreferences *self, GFile *file, GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr (RhTemplate) t = NULL;
  g_autoptr (GError) local = NULL;
  gsize len;

  if (!g_file_load_contents (file, NULL, &text, &len, NULL, &local)
      || (t = rh_template_from_json (text, len, &local)) == NULL
      || !rh_template_save (self->db, t, &local))
    {
      /* The file's name leads, so the user knows which file was refused. */
      g_set_error (error, local->domain, local->code, "%s: %s", basename, local->message);
      return 0;
    }
  rh_database_emit_changed (self->db);
  return t->id;
}

static void
import_response_cb (GtkNativeDialog *chooser, int response, RhPreferences *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (rh_preferences_import_template (self, file, &error) != 0)
        toast (self, _("Template imported"));
      else
        {
          AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
            adw_message_dialog_new (GTK_WINDOW (self), _("The Template Was Not Imported"),
                                    error->message));
          adw_message_dialog_add_response (dialog, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  g_object_unref (chooser);
}

static void
import_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhPreferences *self = RH_PREFERENCES (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Template"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json_filter ());
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
row_button (RhPreferences *self, const char *icon, const char *tooltip, gint64 id,
            GCallback callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "template-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
fill_templates (RhPreferences *self)
{
  g_autoptr (GPtrArray) templates = rh_template_list (self->db, NULL);

  for (guint i = 0; i < self->template_rows->len; i++)
    adw_preferences_group_remove (self->templates_group, self->template_rows->pdata[i]);
  g_ptr_array_set_size (self->template_rows, 0);
  for (guint i = 0; templates != NULL && i < templates->len; i++)
    {
      RhTemplate *t = templates->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      guint indicators = 0;
      g_autofree char *subtitle = NULL;

      for (guint c = 0; c < t->categories->len; c++)
        indicators += ((RhCategory *) t->categories->pdata[c])->indicators->len;
      subtitle = g_strdup_printf (_("%d · %s · %u indicators"), t->year,
                                  t->formula == RH_FORMULA_WEIGHTED ? _("weighted sum")
                                                                    : _("business coefficient"),
                                  indicators);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "document-edit-symbolic", _("Edit"), t->id,
                                             G_CALLBACK (edit_clicked_cb)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "edit-copy-symbolic", _("Copy"), t->id,
                                             G_CALLBACK (copy_clicked_cb)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "document-save-as-symbolic", _("Export…"),
                                             t->id, G_CALLBACK (export_clicked_cb)));
      adw_preferences_group_add (self->templates_group, row);
      g_ptr_array_add (self->template_rows, row);
    }
}

static void
rh_preferences_dispose (GObject *object)
{
  RhPreferences *self = RH_PREFERENCES (object);

  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_PREFERENCES);
  g_clear_pointer (&self->template_rows, g_ptr_array_unref);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rh_preferences_parent_class)->dispose (object);
}

static void
rh_preferences_class_init (RhPreferencesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_preferences_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, RhPreferences, rules_group);
  gtk_widget_class_bind_template_child (widget_class, RhPreferences, templates_group);
  gtk_widget_class_install_action (widget_class, "prefs.import-template", NULL, import_activated);
}

static void
rh_preferences_init (RhPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->template_rows = g_ptr_array_new ();
}

RhPreferences *
rh_preferences_new (GtkWindow *parent, RhDatabase *db)
{
  RhPreferences *self = g_object_new (RH_TYPE_PREFERENCES, "transient-for", parent, NULL);

  self->db = g_object_ref (db);
  build_rows (self);
  fill_templates (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (rh_point_rules_editor_new (db)));
  self->changed_id = g_signal_connect_swapped (db, "changed", G_CALLBACK (fill_templates), self);
  return self;
}
