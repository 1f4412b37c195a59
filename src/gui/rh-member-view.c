/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-date.h"
#include "rh-gui-util.h"
#include "rh-member-editor.h"
#include "rh-meeting.h"
#include "rh-member-view.h"
#include "rh-org.h"
#include "rh-rules.h"
#include "rh-window.h"

struct _RhMemberView
{
  AdwWindow   parent_instance;
  RhDatabase *db;
  gint64      member_id;
  RhMember   *member;

  GtkLabel   *name_label;
  GtkLabel   *status_label;
  GtkListBox *timeline_list;
  GtkListBox *details_list;
  GtkWidget  *archive_button;
  GtkWidget  *restore_button;
};

G_DEFINE_FINAL_TYPE (RhMemberView, rh_member_view, ADW_TYPE_WINDOW)

static GtkWidget *
step_row (RhStep *step)
{
  GtkWidget *row = adw_action_row_new ();
  const char *icon;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), step->label);
  switch (step->state)
    {
    case RH_STEP_DONE:
      icon = "emblem-ok-symbolic";
      subtitle = g_strdup (step->date);
      break;
    case RH_STEP_OVERDUE:
      icon = "dialog-warning-symbolic";
      subtitle = g_strdup_printf (_("Overdue since %s"), step->due_date);
      gtk_widget_add_css_class (row, "error");
      break;
    case RH_STEP_CURRENT:
      icon = "alarm-symbolic";
      subtitle = step->due_date != NULL ? g_strdup_printf (_("Next step, due %s"), step->due_date)
                                        : g_strdup (_("Next step"));
      gtk_widget_add_css_class (row, "accent");
      break;
    default:
      icon = "content-loading-symbolic";
      subtitle = g_strdup (_("Not recorded"));
      gtk_widget_add_css_class (row, "dim-label");
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
fill (RhMemberView *self)
{
  RhMember *m = self->member;
  g_autoptr (GPtrArray) steps = NULL;
  g_autofree char *status = NULL;
  g_autofree char *branch = rh_org_path_label (self->db, m->org_id);
  g_autofree char *attendance = NULL;
  g_autofree char *extension = m->probation_extension_months
                                 ? g_strdup_printf (_("%d months"), m->probation_extension_months)
                                 : NULL;
  GDate today;
  struct {
    const char *title;
    const char *value;
  } rows[] = {
    { _("Attendance this year"), NULL },
    { _("Branch"), branch },
    { _("Party group"), m->group_name },
    { _("Gender"), rh_gender_label (m->gender) },
    { _("Birth date"), m->birth_date },
    { _("ID number"), m->id_number },
    { _("Ethnicity"), m->ethnicity },
    { _("Education"), m->education },
    { _("Phone"), m->phone },
    { _("Post"), m->post },
    { _("Vanguard post"), m->vanguard_post },
    { _("Cadre"), m->is_cadre ? _("Yes") : _("No") },
    { _("Flowing member"), rh_flow_label (m->flow) },
    { _("Probation extension"), extension },
    { _("Note"), m->note },
    { _("Transfer date"), m->archived_date },
    { _("Transfer reason"), m->archive_reason },
  };

  rh_list_box_remove_all (self->timeline_list);
  rh_list_box_remove_all (self->details_list);
  gtk_window_set_title (GTK_WINDOW (self), m->name);
  gtk_label_set_label (self->name_label, m->name);
  status = m->archived_date != NULL
             ? g_strdup_printf (_("%s · transferred out on %s"), rh_status_label (m->status),
                                m->archived_date)
             : g_strdup_printf ("%s · %s", rh_status_label (m->status), m->branch_name);
  gtk_label_set_label (self->status_label, status);

  rh_date_today (&today);
  {
    /* Organisational life attended this year, from the meeting records. */
    g_autofree char *first = g_strdup_printf ("%04u-01-01", g_date_get_year (&today));
    g_autofree char *last = rh_date_format (&today);
    int expected = 0, present = 0;

    if (rh_member_attendance (self->db, m->id, first, last, &expected, &present, NULL)
        && expected > 0)
      attendance = g_strdup_printf (_("%d of %d meetings (%.0f%%)"), present, expected,
                                    100.0 * present / expected);
    rows[0].value = attendance;
  }
  steps = rh_member_timeline (m, &today);
  for (guint i = 0; i < steps->len; i++)
    gtk_list_box_append (self->timeline_list, step_row (steps->pdata[i]));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (i < G_N_ELEMENTS (rows) - 2 || m->archived_date != NULL)
      gtk_list_box_append (self->details_list, rh_value_row_new (rows[i].title, rows[i].value));

  gtk_widget_set_visible (self->archive_button, m->archived_date == NULL);
  gtk_widget_set_visible (self->restore_button, m->archived_date != NULL);
}

static void
reload (RhMemberView *self)
{
  RhMember *m = rh_member_load (self->db, self->member_id, NULL);

  if (m == NULL)
    return;
  g_set_object (&self->member, m);
  g_object_unref (m);
  fill (self);
}

static void
toast (RhMemberView *self, const char *message)
{
  RhWindow *window = rh_window_for (GTK_WIDGET (self));
  if (window != NULL)
    rh_window_toast (window, message);
}

static void
edit_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhMemberView *self = RH_MEMBER_VIEW (widget);
  RhMemberEditor *editor = rh_member_editor_new (GTK_WINDOW (self), self->db, self->member, 0);

  gtk_window_present (GTK_WINDOW (editor));
}

/* The transfer can be confirmed only with a real date and a reason. */
static void
transfer_fields_changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *date = gtk_widget_get_first_child (box);
  GtkWidget *reason = gtk_widget_get_last_child (box);
  g_autofree char *reason_text = rh_editable_dup_text (GTK_EDITABLE (reason));
  gboolean date_ok = rh_validate_date (gtk_editable_get_text (GTK_EDITABLE (date)),
                                       RH_FIELD_ARCHIVE_DATE, TRUE, NULL, NULL);

  if (date_ok)
    gtk_widget_remove_css_class (date, "error");
  else
    gtk_widget_add_css_class (date, "error");
  adw_message_dialog_set_response_enabled (dialog, "transfer", date_ok && reason_text != NULL);
}

static void
transfer_response_cb (AdwMessageDialog *dialog, const char *response, RhMemberView *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *date = rh_editable_dup_text (GTK_EDITABLE (gtk_widget_get_first_child (box)));
  g_autofree char *reason = rh_editable_dup_text (GTK_EDITABLE (gtk_widget_get_last_child (box)));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "transfer") != 0)
    return;
  if (!rh_member_archive (self->db, self->member_id, date, reason, &error))
    {
      toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("%s transferred out"), self->member->name);
  rh_database_emit_changed (self->db);
  toast (self, message);
}

static void
archive_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhMemberView *self = RH_MEMBER_VIEW (widget);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *date = gtk_entry_new ();
  GtkWidget *reason = gtk_entry_new ();
  g_autofree char *body = g_strdup_printf (_("%s leaves the active roster. The record is kept "
                                             "and can be restored."),
                                           self->member->name);
  g_autofree char *today_text = NULL;
  AdwMessageDialog *dialog;
  GDate today;

  rh_date_today (&today);
  today_text = rh_date_format (&today);
  gtk_editable_set_text (GTK_EDITABLE (date), today_text);
  gtk_entry_set_placeholder_text (GTK_ENTRY (date), _("Date (YYYY-MM-DD)"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason),
                                  _("Reason, e.g. 组织关系转出至…"));
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), reason);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Transfer Out?"), body));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "transfer",
                                    _("_Transfer Out"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "transfer", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "transfer", FALSE);
  g_signal_connect (date, "changed", G_CALLBACK (transfer_fields_changed_cb), dialog);
  g_signal_connect (reason, "changed", G_CALLBACK (transfer_fields_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (transfer_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhMemberView *self = RH_MEMBER_VIEW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!rh_member_restore (self->db, self->member_id, &error))
    {
      toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("%s restored to the roster"), self->member->name);
  rh_database_emit_changed (self->db);
  toast (self, message);
}

static void
rh_member_view_dispose (GObject *object)
{
  RhMemberView *self = RH_MEMBER_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_MEMBER_VIEW);
  g_clear_object (&self->member);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rh_member_view_parent_class)->dispose (object);
}

static void
rh_member_view_class_init (RhMemberViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_member_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-member-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, name_label);
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, status_label);
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, details_list);
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, archive_button);
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, restore_button);
  gtk_widget_class_install_action (widget_class, "member.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "member.archive", NULL, archive_activated);
  gtk_widget_class_install_action (widget_class, "member.restore", NULL, restore_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rh_member_view_init (RhMemberView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RhMemberView *
rh_member_view_new (GtkWindow *parent, RhDatabase *db, gint64 member_id)
{
  RhMemberView *self;
  RhMember *m = rh_member_load (db, member_id, NULL);

  if (m == NULL)
    return NULL;
  self = g_object_new (RH_TYPE_MEMBER_VIEW, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->member_id = member_id;
  self->member = m;
  g_signal_connect_object (db, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  fill (self);
  return self;
}
