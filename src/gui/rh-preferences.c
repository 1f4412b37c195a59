/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-gui-util.h"
#include "rh-meeting.h"
#include "rh-preferences.h"

struct _RhPreferences
{
  AdwPreferencesWindow parent_instance;
  RhDatabase          *db;
  GtkSpinButton       *times[RH_N_MEETING_KINDS];
  GtkDropDown         *periods[RH_N_MEETING_KINDS];

  AdwPreferencesGroup *rules_group;
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

static void
rh_preferences_dispose (GObject *object)
{
  RhPreferences *self = RH_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_PREFERENCES);
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
}

static void
rh_preferences_init (RhPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RhPreferences *
rh_preferences_new (GtkWindow *parent, RhDatabase *db)
{
  RhPreferences *self = g_object_new (RH_TYPE_PREFERENCES, "transient-for", parent, NULL);

  self->db = g_object_ref (db);
  build_rows (self);
  return self;
}
