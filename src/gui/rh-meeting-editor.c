/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-date.h"
#include "rh-gui-util.h"
#include "rh-meeting-editor.h"
#include "rh-member.h"
#include "rh-org.h"
#include "rh-period.h"
#include "rh-task.h"
#include "rh-validate.h"
#include "rh-window.h"

/* One expected person in the attendance grid. */
typedef struct {
  gint64       member_id;
  GtkDropDown *state;
  GtkEditable *reason;
} Row;

struct _RhMeetingEditor
{
  AdwWindow   parent_instance;
  RhDatabase *db;
  RhMeeting  *meeting;     /* a copy being edited; id 0 when new */
  gint64      branch_id;   /* the branch whose members host and record */
  gint64      saved_id;
  GArray     *rows;        /* Row */

  GtkLabel     *error_label;
  GtkWidget    *delete_button;
  AdwActionRow *kind_row, *branch_row, *date_row, *host_row, *recorder_row, *task_row;
  GtkDropDown  *kind_dropdown, *org_dropdown, *host_dropdown, *recorder_dropdown, *task_dropdown;
  GtkEditable  *date_entry, *place_entry, *topic_entry, *business_entry, *decisions_entry;
  GtkEditable  *minutes_entry;
  GtkLabel     *attendance_label;
  GtkListBox   *attendance_list;
};

G_DEFINE_FINAL_TYPE (RhMeetingEditor, rh_meeting_editor, ADW_TYPE_WINDOW)

static RhMeetingKind
selected_kind (RhMeetingEditor *self)
{
  return (RhMeetingKind) gtk_drop_down_get_selected (self->kind_dropdown);
}

/* The state chosen for a member, before the grid is rebuilt, or present. */
static RhAttendanceState
previous_state (RhMeetingEditor *self, gint64 member_id, char **reason)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *r = &g_array_index (self->rows, Row, i);
      if (r->member_id == member_id)
        {
          *reason = rh_editable_dup_text (r->reason);
          return (RhAttendanceState) gtk_drop_down_get_selected (r->state);
        }
    }
  for (guint i = 0; i < self->meeting->absences->len; i++)
    {
      RhAbsence *a = self->meeting->absences->pdata[i];
      if (a->member_id == member_id)
        {
          *reason = g_strdup (a->reason);
          return a->state;
        }
    }
  *reason = NULL;
  return RH_ATTENDANCE_PRESENT;
}

static void
update_summary (RhMeetingEditor *self)
{
  int absent = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    absent += gtk_drop_down_get_selected (g_array_index (self->rows, Row, i).state) != 0;
  text = g_strdup_printf (_("%u expected, %u present, %d on leave or absent."), self->rows->len,
                          self->rows->len - absent, absent);
  gtk_label_set_label (self->attendance_label, text);
}

/* Lists who was expected that day, keeping the marks already made. */
static void
rebuild_attendance (RhMeetingEditor *self)
{
  g_autofree char *date = rh_editable_dup_text (self->date_entry);
  gint64 org = rh_org_dropdown_get_id (self->org_dropdown);
  g_autoptr (GArray) expected = NULL;
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  GDate d;

  if (rh_date_parse (date, &d) && org != 0)
    expected = rh_meeting_expected (self->db, org, selected_kind (self), date, NULL);
  for (guint i = 0; expected != NULL && i < expected->len; i++)
    {
      gint64 id = g_array_index (expected, RhAttendee, i).member_id;
      g_autoptr (RhMember) m = rh_member_load (self->db, id, NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *state = gtk_drop_down_new (NULL, NULL);
      GtkWidget *reason = gtk_entry_new ();
      g_autofree char *old_reason = NULL;
      Row r = { id, GTK_DROP_DOWN (state), GTK_EDITABLE (reason) };

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m != NULL ? m->name : "");
      rh_dropdown_set_labels (GTK_DROP_DOWN (state), (const char *(*) (int)) rh_attendance_label,
                              RH_N_ATTENDANCE);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (state), previous_state (self, id, &old_reason));
      rh_editable_set_text (GTK_EDITABLE (reason), old_reason);
      gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason"));
      gtk_editable_set_width_chars (GTK_EDITABLE (reason), 10);
      gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (reason, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (state, "notify::selected", G_CALLBACK (update_summary), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), reason);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
      g_array_append_val (rows, r);
    }
  /* Swap the grid only now, so previous_state could read the old one. */
  rh_list_box_remove_all (self->attendance_list);
  g_array_set_size (self->rows, 0);
  g_array_append_vals (self->rows, rows->data, rows->len);
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_append (self->attendance_list,
                         gtk_widget_get_ancestor (GTK_WIDGET (g_array_index (self->rows, Row, i).state),
                                                  ADW_TYPE_ACTION_ROW));
  gtk_widget_set_visible (GTK_WIDGET (self->attendance_list), self->rows->len > 0);
  if (self->rows->len > 0)
    update_summary (self);
  else
    gtk_label_set_label (self->attendance_label,
                         _("Enter the date and who held the meeting to list the people expected."));
}

static void
fill_orgs (RhMeetingEditor *self)
{
  gboolean group = selected_kind (self) == RH_MEETING_GROUP;
  gint64 keep = rh_org_dropdown_get_id (self->org_dropdown);

  rh_org_dropdown_fill (self->org_dropdown, self->db,
                        1u << (group ? RH_ORG_GROUP : RH_ORG_BRANCH), _("Choose…"));
  rh_org_dropdown_set_id (self->org_dropdown, keep != 0 ? keep : self->meeting->org_id);
  /* A group meeting of a known branch preselects its first group. */
  if (group && rh_org_dropdown_get_id (self->org_dropdown) == 0 && self->branch_id != 0)
    {
      g_autoptr (GPtrArray) children = rh_org_list_children (self->db, self->branch_id, NULL);
      for (guint i = 0; children != NULL && i < children->len; i++)
        if (((RhOrg *) children->pdata[i])->kind == RH_ORG_GROUP)
          {
            rh_org_dropdown_set_id (self->org_dropdown, ((RhOrg *) children->pdata[i])->id);
            break;
          }
    }
  if (!group && rh_org_dropdown_get_id (self->org_dropdown) == 0)
    rh_org_dropdown_set_id (self->org_dropdown, self->branch_id);
}

/* The branch behind the chosen organisation: hosts, recorders and tasks come from it. */
static void
fill_people_and_tasks (RhMeetingEditor *self)
{
  gint64 org_id = rh_org_dropdown_get_id (self->org_dropdown);
  g_autoptr (RhOrg) org = org_id ? rh_org_load (self->db, org_id, NULL) : NULL;
  gint64 host = rh_org_dropdown_get_id (self->host_dropdown);
  gint64 recorder = rh_org_dropdown_get_id (self->recorder_dropdown);
  GtkStringList *labels = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) tasks = NULL;
  RhPeriod year;
  GDate d;

  self->branch_id = org == NULL ? 0 : org->kind == RH_ORG_GROUP ? org->parent_id : org->id;
  rh_member_dropdown_fill (self->host_dropdown, self->db, self->branch_id);
  rh_member_dropdown_fill (self->recorder_dropdown, self->db, self->branch_id);
  rh_org_dropdown_set_id (self->host_dropdown, host ? host : self->meeting->host_id);
  rh_org_dropdown_set_id (self->recorder_dropdown, recorder ? recorder : self->meeting->recorder_id);

  /* Tasks of the branch in the meeting's year. */
  {
    g_autofree char *date = rh_editable_dup_text (self->date_entry);
    GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    gint64 none = 0;

    if (!rh_date_parse (date, &d))
      rh_date_today (&d);
    rh_period_init (&year, RH_PERIOD_YEAR, g_date_get_year (&d), 0);
    tasks = self->branch_id ? rh_task_list (self->db, self->branch_id, &year, NULL) : NULL;
    gtk_string_list_append (labels, _("None"));
    g_array_append_val (ids, none);
    for (guint i = 0; tasks != NULL && i < tasks->len; i++)
      {
        RhTask *t = tasks->pdata[i];
        gtk_string_list_append (labels, t->title);
        g_array_append_val (ids, t->id);
      }
    g_object_set_data_full (G_OBJECT (self->task_dropdown), "rh-ids", ids,
                            (GDestroyNotify) g_array_unref);
    gtk_drop_down_set_model (self->task_dropdown, G_LIST_MODEL (labels));
    g_object_unref (labels);
    rh_org_dropdown_set_id (self->task_dropdown, self->meeting->task_id);
  }
}

static void
kind_changed_cb (RhMeetingEditor *self)
{
  fill_orgs (self);
  fill_people_and_tasks (self);
  rebuild_attendance (self);
}

static void
org_or_date_changed_cb (RhMeetingEditor *self)
{
  fill_people_and_tasks (self);
  rebuild_attendance (self);
}

static void
show_error (RhMeetingEditor *self, const GError *error)
{
  AdwActionRow *row = NULL;

  if (error->domain == RH_VALIDATION_ERROR)
    switch (error->code)
      {
      case RH_FIELD_MEETING_KIND: row = self->kind_row; break;
      case RH_FIELD_BRANCH: row = self->branch_row; break;
      case RH_FIELD_MEETING_DATE: row = self->date_row; break;
      case RH_FIELD_HOST: row = self->host_row; break;
      case RH_FIELD_RECORDER: row = self->recorder_row; break;
      default: break;
      }
  rh_form_show_error (self->error_label, row, error->message);
}

static void
read_form (RhMeetingEditor *self)
{
  RhMeeting *m = self->meeting;

  m->kind = selected_kind (self);
  m->org_id = rh_org_dropdown_get_id (self->org_dropdown);
  m->host_id = rh_org_dropdown_get_id (self->host_dropdown);
  m->recorder_id = rh_org_dropdown_get_id (self->recorder_dropdown);
  m->task_id = rh_org_dropdown_get_id (self->task_dropdown);
#define READ(field, entry) g_free (m->field); m->field = rh_editable_dup_text (self->entry)
  READ (date, date_entry);
  READ (place, place_entry);
  READ (topic, topic_entry);
  READ (business_topic, business_entry);
  READ (decisions, decisions_entry);
  READ (minutes, minutes_entry);
#undef READ
  g_ptr_array_set_size (m->absences, 0);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *r = &g_array_index (self->rows, Row, i);
      RhAttendanceState state = (RhAttendanceState) gtk_drop_down_get_selected (r->state);
      g_autofree char *reason = rh_editable_dup_text (r->reason);

      if (state != RH_ATTENDANCE_PRESENT)
        rh_meeting_add_absence (m, r->member_id, state, reason);
    }
}

static void
save_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhMeetingEditor *self = RH_MEETING_EDITOR (widget);
  RhWindow *window = rh_window_for (widget);
  AdwActionRow *rows[] = { self->kind_row, self->branch_row, self->date_row, self->host_row,
                           self->recorder_row };
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    rh_form_row_set_error (rows[i], NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  read_form (self);
  if (!rh_meeting_save (self->db, self->meeting, &error))
    {
      show_error (self, error);
      return;
    }
  self->saved_id = self->meeting->id;
  message = self->meeting->valid
              ? g_strdup_printf (_("%s of %s recorded"), rh_meeting_kind_label (self->meeting->kind),
                                 self->meeting->date)
              : g_strdup_printf (_("%s of %s recorded, but below quorum: it does not count"),
                                 rh_meeting_kind_label (self->meeting->kind), self->meeting->date);
  rh_database_emit_changed (self->db);
  if (window != NULL)
    rh_window_toast (window, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, RhMeetingEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!rh_meeting_delete (self->db, self->meeting->id, &error))
    {
      show_error (self, error);
      return;
    }
  rh_database_emit_changed (self->db);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhMeetingEditor *self = RH_MEETING_EDITOR (widget);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (self), _("Delete This Meeting Record?"),
                            _("The record and its attendance are removed, and compliance is "
                              "worked out again without it.")));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gint64
rh_meeting_editor_get_saved_id (RhMeetingEditor *self)
{
  return self->saved_id;
}

gboolean
rh_meeting_editor_mark (RhMeetingEditor *self, gint64 member_id, RhAttendanceState state)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, Row, i).member_id == member_id)
      {
        gtk_drop_down_set_selected (g_array_index (self->rows, Row, i).state, state);
        return TRUE;
      }
  return FALSE;
}

static void
rh_meeting_editor_dispose (GObject *object)
{
  RhMeetingEditor *self = RH_MEETING_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_MEETING_EDITOR);
  g_clear_object (&self->db);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (rh_meeting_editor_parent_class)->dispose (object);
}

static void
rh_meeting_editor_class_init (RhMeetingEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_meeting_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-meeting-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, RhMeetingEditor, name)
  CHILD (error_label);
  CHILD (delete_button);
  CHILD (kind_row);
  CHILD (branch_row);
  CHILD (date_row);
  CHILD (host_row);
  CHILD (recorder_row);
  CHILD (task_row);
  CHILD (kind_dropdown);
  CHILD (org_dropdown);
  CHILD (host_dropdown);
  CHILD (recorder_dropdown);
  CHILD (task_dropdown);
  CHILD (date_entry);
  CHILD (place_entry);
  CHILD (topic_entry);
  CHILD (business_entry);
  CHILD (decisions_entry);
  CHILD (minutes_entry);
  CHILD (attendance_label);
  CHILD (attendance_list);
#undef CHILD
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rh_meeting_editor_init (RhMeetingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  rh_dropdown_set_labels (self->kind_dropdown, (const char *(*) (int)) rh_meeting_kind_label,
                          RH_N_MEETING_KINDS);
}

RhMeetingEditor *
rh_meeting_editor_new (GtkWindow *parent, RhDatabase *db, RhMeeting *meeting, gint64 branch_id)
{
  RhMeetingEditor *self = g_object_new (RH_TYPE_MEETING_EDITOR, "transient-for", parent, NULL);
  RhMeeting *m;

  self->db = g_object_ref (db);
  self->branch_id = branch_id;
  self->meeting = m = rh_meeting_new ();
  if (meeting != NULL)
    {
      m->id = meeting->id;
      m->org_id = meeting->org_id;
      m->kind = meeting->kind;
      m->host_id = meeting->host_id;
      m->recorder_id = meeting->recorder_id;
      m->task_id = meeting->task_id;
      m->date = g_strdup (meeting->date);
      for (guint i = 0; i < meeting->absences->len; i++)
        {
          RhAbsence *a = meeting->absences->pdata[i];
          rh_meeting_add_absence (m, a->member_id, a->state, a->reason);
        }
      rh_editable_set_text (self->place_entry, meeting->place);
      rh_editable_set_text (self->topic_entry, meeting->topic);
      rh_editable_set_text (self->business_entry, meeting->business_topic);
      rh_editable_set_text (self->decisions_entry, meeting->decisions);
      rh_editable_set_text (self->minutes_entry, meeting->minutes);
    }
  else
    {
      GDate today;
      rh_date_today (&today);
      m->date = rh_date_format (&today);
    }
  gtk_widget_set_visible (self->delete_button, m->id != 0);
  gtk_window_set_title (GTK_WINDOW (self), m->id != 0 ? _("Edit Meeting Record")
                                                      : _("Record a Meeting"));
  gtk_drop_down_set_selected (self->kind_dropdown, m->kind);
  rh_editable_set_text (self->date_entry, m->date);
  fill_orgs (self);
  fill_people_and_tasks (self);
  rebuild_attendance (self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (kind_changed_cb),
                            self);
  g_signal_connect_swapped (self->org_dropdown, "notify::selected",
                            G_CALLBACK (org_or_date_changed_cb), self);
  g_signal_connect_swapped (self->date_entry, "changed", G_CALLBACK (org_or_date_changed_cb), self);
  return self;
}
