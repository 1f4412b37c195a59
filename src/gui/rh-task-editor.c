/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include "rh-gui-util.h"
#include "rh-org.h"
#include "rh-task-editor.h"
#include "rh-validate.h"
#include "rh-window.h"

struct _RhTaskEditor
{
  AdwWindow   parent_instance;
  RhDatabase *db;
  RhTask     *task;

  GtkLabel     *error_label;
  AdwActionRow *title_row, *branch_row, *period_row, *metric_row, *target_row, *actual_row;
  AdwActionRow *sync_rows[RH_N_SYNCS];
  GtkEditable  *sync_dates[RH_N_SYNCS], *sync_notes[RH_N_SYNCS];
  GtkEditable  *title_entry, *period_entry, *goal_entry, *measures_entry, *metric_entry;
  GtkEditable  *unit_entry, *target_entry, *actual_entry;
  GtkDropDown  *branch_dropdown, *owner_dropdown;
  GtkSwitch    *direction_switch;
};

G_DEFINE_FINAL_TYPE (RhTaskEditor, rh_task_editor, ADW_TYPE_WINDOW)

/* A number typed by the user: empty is "not set", anything else must parse. */
static gboolean
read_number (GtkEditable *entry, AdwActionRow *row, double *out)
{
  g_autofree char *text = rh_editable_dup_text (entry);
  char *end = NULL;

  *out = NAN;
  if (text == NULL)
    return TRUE;
  *out = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*out))
    {
      g_autofree char *message = g_strdup_printf (_("%s: “%s” is not a number"),
                                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                                  text);
      rh_form_row_set_error (row, message);
      return FALSE;
    }
  return TRUE;
}

static void
show_error (RhTaskEditor *self, const GError *error)
{
  AdwActionRow *row = NULL;

  if (error->domain == RH_VALIDATION_ERROR)
    switch (error->code)
      {
      case RH_FIELD_TITLE: row = self->title_row; break;
      case RH_FIELD_BRANCH: row = self->branch_row; break;
      case RH_FIELD_PERIOD: row = self->period_row; break;
      case RH_FIELD_METRIC: row = self->metric_row; break;
      case RH_FIELD_PLANNED: row = self->sync_rows[RH_SYNC_PLANNED]; break;
      case RH_FIELD_CHECKED: row = self->sync_rows[RH_SYNC_CHECKED]; break;
      case RH_FIELD_ASSESSED: row = self->sync_rows[RH_SYNC_ASSESSED]; break;
      case RH_FIELD_SUMMARISED: row = self->sync_rows[RH_SYNC_SUMMARISED]; break;
      default: break;
      }
  rh_form_show_error (self->error_label, row, error->message);
}

static void
clear_errors (RhTaskEditor *self)
{
  AdwActionRow *rows[] = { self->title_row, self->branch_row, self->period_row, self->metric_row,
                           self->target_row, self->actual_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    rh_form_row_set_error (rows[i], NULL);
  for (int s = 0; s < RH_N_SYNCS; s++)
    rh_form_row_set_error (self->sync_rows[s], NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
save_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhTaskEditor *self = RH_TASK_EDITOR (widget);
  RhTask *t = self->task;
  RhWindow *window = rh_window_for (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  clear_errors (self);
#define READ(field, entry) g_free (t->field); t->field = rh_editable_dup_text (self->entry)
  READ (title, title_entry);
  READ (period, period_entry);
  READ (goal, goal_entry);
  READ (measures, measures_entry);
  READ (metric_name, metric_entry);
  READ (metric_unit, unit_entry);
#undef READ
  for (int s = 0; s < RH_N_SYNCS; s++)
    {
      g_free (t->sync_date[s]);
      g_free (t->sync_note[s]);
      t->sync_date[s] = rh_editable_dup_text (self->sync_dates[s]);
      t->sync_note[s] = rh_editable_dup_text (self->sync_notes[s]);
    }
  t->org_id = rh_org_dropdown_get_id (self->branch_dropdown);
  t->owner_id = rh_org_dropdown_get_id (self->owner_dropdown);
  t->higher_is_better = gtk_switch_get_active (self->direction_switch);
  if (!read_number (self->target_entry, self->target_row, &t->metric_target)
      || !read_number (self->actual_entry, self->actual_row, &t->metric_actual))
    {
      gtk_label_set_label (self->error_label, _("Please correct the marked field."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  if (!rh_task_save (self->db, t, &error))
    {
      show_error (self, error);
      return;
    }
  message = g_strdup_printf (_("Saved “%s”"), t->title);
  rh_database_emit_changed (self->db);
  if (window != NULL)
    rh_window_toast (window, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
branch_changed_cb (RhTaskEditor *self)
{
  rh_member_dropdown_fill (self->owner_dropdown, self->db,
                           rh_org_dropdown_get_id (self->branch_dropdown));
  rh_org_dropdown_set_id (self->owner_dropdown, self->task->owner_id);
}

static void
set_number (GtkEditable *entry, double value)
{
  g_autofree char *text = isnan (value) ? NULL : g_strdup_printf ("%g", value);
  rh_editable_set_text (entry, text);
}

static void
rh_task_editor_dispose (GObject *object)
{
  RhTaskEditor *self = RH_TASK_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_TASK_EDITOR);
  g_clear_object (&self->db);
  g_clear_object (&self->task);
  G_OBJECT_CLASS (rh_task_editor_parent_class)->dispose (object);
}

static void
rh_task_editor_class_init (RhTaskEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const syncs[RH_N_SYNCS] = { "planned", "checked", "assessed", "summarised" };

  G_OBJECT_CLASS (klass)->dispose = rh_task_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-task-editor.ui");
  for (int s = 0; s < RH_N_SYNCS; s++)
    {
      g_autofree char *row = g_strdup_printf ("%s_row", syncs[s]);
      g_autofree char *date = g_strdup_printf ("%s_date_entry", syncs[s]);
      g_autofree char *note = g_strdup_printf ("%s_note_entry", syncs[s]);

      gtk_widget_class_bind_template_child_full (widget_class, row, FALSE,
                                                 G_STRUCT_OFFSET (RhTaskEditor, sync_rows[s]));
      gtk_widget_class_bind_template_child_full (widget_class, date, FALSE,
                                                 G_STRUCT_OFFSET (RhTaskEditor, sync_dates[s]));
      gtk_widget_class_bind_template_child_full (widget_class, note, FALSE,
                                                 G_STRUCT_OFFSET (RhTaskEditor, sync_notes[s]));
    }
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, RhTaskEditor, name)
  CHILD (error_label);
  CHILD (title_row);
  CHILD (branch_row);
  CHILD (period_row);
  CHILD (metric_row);
  CHILD (target_row);
  CHILD (actual_row);
  CHILD (title_entry);
  CHILD (period_entry);
  CHILD (goal_entry);
  CHILD (measures_entry);
  CHILD (metric_entry);
  CHILD (unit_entry);
  CHILD (target_entry);
  CHILD (actual_entry);
  CHILD (branch_dropdown);
  CHILD (owner_dropdown);
  CHILD (direction_switch);
#undef CHILD
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rh_task_editor_init (RhTaskEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RhTaskEditor *
rh_task_editor_new (GtkWindow *parent, RhDatabase *db, RhTask *task, gint64 branch_id,
                    const char *period)
{
  RhTaskEditor *self = g_object_new (RH_TYPE_TASK_EDITOR, "transient-for", parent, NULL);
  RhTask *t;

  self->db = g_object_ref (db);
  self->task = t = task != NULL ? g_object_ref (task) : rh_task_new ();
  if (task == NULL)
    {
      t->org_id = branch_id;
      t->period = g_strdup (period);
    }
  gtk_window_set_title (GTK_WINDOW (self), task != NULL ? _("Edit Central Task")
                                                        : _("New Central Task"));
  rh_org_dropdown_fill (self->branch_dropdown, db, 1u << RH_ORG_BRANCH, _("Choose a branch…"));
  rh_org_dropdown_set_id (self->branch_dropdown, t->org_id);
  branch_changed_cb (self);
  g_signal_connect_swapped (self->branch_dropdown, "notify::selected",
                            G_CALLBACK (branch_changed_cb), self);
  rh_editable_set_text (self->title_entry, t->title);
  rh_editable_set_text (self->period_entry, t->period);
  rh_editable_set_text (self->goal_entry, t->goal);
  rh_editable_set_text (self->measures_entry, t->measures);
  rh_editable_set_text (self->metric_entry, t->metric_name);
  rh_editable_set_text (self->unit_entry, t->metric_unit);
  set_number (self->target_entry, t->metric_target);
  set_number (self->actual_entry, t->metric_actual);
  gtk_switch_set_active (self->direction_switch, t->higher_is_better);
  for (int s = 0; s < RH_N_SYNCS; s++)
    {
      rh_editable_set_text (self->sync_dates[s], t->sync_date[s]);
      rh_editable_set_text (self->sync_notes[s], t->sync_note[s]);
    }
  return self;
}
