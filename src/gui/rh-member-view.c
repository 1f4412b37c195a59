/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-date.h"
#include "rh-gui-util.h"
#include "rh-member-editor.h"
#include "rh-meeting.h"
#include "rh-member-view.h"
#include "rh-org.h"
#include "rh-point-entry-dialog.h"
#include "rh-points.h"
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

  /* Points and review of the chosen year */
  GtkWidget     *points_box;
  GtkSpinButton *year_spin;
  AdwActionRow  *total_row;
  GtkLabel      *total_label;
  GtkGrid       *quarters_grid;
  AdwExpanderRow *rules_row;
  GPtrArray     *rule_rows;   /* the rows inside rules_row */
  AdwComboRow   *review_row;
  GtkLabel      *points_error_label;
  GtkListBox    *entries_list;
  gboolean       filling;   /* set while the review row is set from the database */
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

/* "+2", "−5", "0". */
static char *
signed_points (double v)
{
  return v < 0 ? g_strdup_printf ("−%g", -v) : v > 0 ? g_strdup_printf ("+%g", v) : g_strdup ("0");
}

static void remove_clicked_cb (GtkButton *button, RhMemberView *self);

static GtkWidget *
entry_row (RhPointEntry *e)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *points, *remove;
  g_autofree char *subtitle = e->note != NULL ? g_strdup_printf ("%s · %s", e->date, e->note)
                                              : g_strdup (e->date);
  g_autofree char *value = e->veto ? g_strdup (_("Veto")) : signed_points (e->points);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), e->item);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  points = gtk_label_new (value);
  gtk_widget_add_css_class (points, "numeric");
  if (e->veto || e->points < 0)
    gtk_widget_add_css_class (points, "error");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), points);
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (remove, _("Remove this entry"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "rh-entry-id", g_memdup2 (&e->id, sizeof e->id), g_free);
  g_object_set_data_full (G_OBJECT (remove), "rh-entry-label",
                          g_strdup_printf (_("“%s” on %s (%s)"), e->item, e->date, value), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "rh-remove-button", remove);
  return row;
}

/* How each rule added up, automatic ones included: why the total is what it is. */
static void
fill_rules (RhMemberView *self, const RhPeriod *year)
{
  g_autoptr (GPtrArray) sums = rh_points_by_rule (self->db, self->member_id, year, NULL);
  double held_back = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->rule_rows->len; i++)
    adw_expander_row_remove (self->rules_row, self->rule_rows->pdata[i]);
  g_ptr_array_set_size (self->rule_rows, 0);
  for (guint i = 0; sums != NULL && i < sums->len; i++)
    {
      RhPointRuleSum *sum = sums->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *counted = sum->veto ? g_strdup (_("Veto")) : signed_points (sum->counted);
      g_autofree char *what = NULL;
      GtkWidget *value;

      switch (sum->source)
        {
        case RH_POINT_PRESENT:
          what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d meeting attended",
                                               "%d meetings attended", sum->count), sum->count);
          break;
        case RH_POINT_ABSENT:
          what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d meeting missed without leave",
                                               "%d meetings missed without leave", sum->count),
                                  sum->count);
          break;
        default:
          what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d entry", "%d entries",
                                               sum->count), sum->count);
        }
      if (!sum->veto && sum->raw != sum->counted)
        {
          g_autofree char *raw = signed_points (sum->raw);
          g_autofree char *with_cap = g_strdup_printf (_("%s; %s before the quarterly caps"), what,
                                                       raw);
          g_free (what);
          what = g_steal_pointer (&with_cap);
          held_back += sum->raw - sum->counted;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sum->item);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
      value = gtk_label_new (counted);
      gtk_widget_add_css_class (value, "numeric");
      if (sum->veto || sum->counted < 0)
        gtk_widget_add_css_class (value, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      adw_expander_row_add_row (self->rules_row, row);
      g_ptr_array_add (self->rule_rows, row);
    }
  if (sums == NULL || sums->len == 0)
    subtitle = g_strdup (_("No points from any rule yet"));
  else if (held_back != 0)
    {
      g_autofree char *held = signed_points (held_back);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u rule gave points; the quarterly caps held back %s",
                                               "%u rules gave points; the quarterly caps held back %s",
                                               sums->len), sums->len, held);
    }
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rule gave points",
                                             "%u rules gave points", sums->len), sums->len);
  adw_expander_row_set_subtitle (self->rules_row, subtitle);
  adw_expander_row_set_enable_expansion (self->rules_row, sums != NULL && sums->len > 0);
}

static int
chosen_year (RhMemberView *self)
{
  return gtk_spin_button_get_value_as_int (self->year_spin);
}

static void
fill_points (RhMemberView *self)
{
  g_autoptr (RhPoints) p = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *total = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *earned = NULL;
  GtkWidget *child;
  RhPeriod year;

  rh_period_init (&year, RH_PERIOD_YEAR, chosen_year (self), 0);
  p = rh_points_for_member (self->db, self->member_id, &year, NULL);
  /* Points are kept for party members on the roster only. */
  gtk_widget_set_visible (self->points_box, p != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->points_error_label), FALSE);
  if (p == NULL)
    return;

  total = g_strdup_printf ("%g", p->total);
  gtk_label_set_label (self->total_label, total);
  if (p->vetoed)
    subtitle = g_strdup_printf (_("%s · vetoed: the year counts 0 · rank %d of %d in the branch"),
                                p->level, p->rank, p->ranked);
  else
    {
      earned = signed_points (p->earned);
      subtitle = g_strdup_printf (_("%s · base %g, earned %s · rank %d of %d in the branch"),
                                  p->level, p->base, earned, p->rank, p->ranked);
    }
  adw_action_row_set_subtitle (self->total_row, subtitle);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->quarters_grid))) != NULL)
    gtk_grid_remove (self->quarters_grid, child);
  for (int q = 0; q < 4; q++)
    {
      static const char *const names[] = { NC_ ("quarter", "Q1"), NC_ ("quarter", "Q2"),
                                           NC_ ("quarter", "Q3"), NC_ ("quarter", "Q4") };
      g_autofree char *value = signed_points (p->quarters[q]);
      GtkWidget *name = gtk_label_new (g_dpgettext2 (GETTEXT_PACKAGE, "quarter", names[q]));
      GtkWidget *number = gtk_label_new (value);

      gtk_widget_add_css_class (name, "caption");
      gtk_widget_add_css_class (name, "dim-label");
      gtk_widget_add_css_class (number, "numeric");
      gtk_grid_attach (self->quarters_grid, name, q, 0, 1, 1);
      gtk_grid_attach (self->quarters_grid, number, q, 1, 1, 1);
    }

  fill_rules (self, &year);

  self->filling = TRUE;
  adw_combo_row_set_selected (self->review_row, (guint) (p->review + 1));
  self->filling = FALSE;
  rh_form_row_set_error (ADW_ACTION_ROW (self->review_row), NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->review_row),
                               p->probationary ? _("Reviewed with the probationary members") : "");

  rh_list_box_remove_all (self->entries_list);
  entries = rh_points_entries (self->db, self->member_id, &year, NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      GtkWidget *row = entry_row (entries->pdata[i]);
      g_signal_connect (g_object_get_data (G_OBJECT (row), "rh-remove-button"), "clicked",
                        G_CALLBACK (remove_clicked_cb), self);
      gtk_list_box_append (self->entries_list, row);
    }
  if (entries == NULL || entries->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No points entered this year"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->entries_list, row);
    }
}

static void
year_changed_cb (RhMemberView *self)
{
  if (self->db != NULL)
    fill_points (self);
}

/* A refusal (the 优秀 quota) is shown on the row, and the stored grade stays selected. */
static void
review_changed_cb (RhMemberView *self)
{
  int grade = (int) adw_combo_row_get_selected (self->review_row) - 1;
  int year = chosen_year (self);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (self->filling || self->db == NULL)
    return;
  if (grade == rh_review_get (self->db, self->member_id, year))
    return;
  ok = grade < 0 ? rh_review_clear (self->db, self->member_id, year, &error)
                 : rh_review_set (self->db, self->member_id, year, (RhReviewGrade) grade, NULL,
                                  &error);
  if (!ok)
    {
      self->filling = TRUE;
      adw_combo_row_set_selected (self->review_row,
                                  (guint) (rh_review_get (self->db, self->member_id, year) + 1));
      self->filling = FALSE;
      rh_form_row_set_error (ADW_ACTION_ROW (self->review_row), error->message);
      return;
    }
  rh_database_emit_changed (self->db);
}

static void
remove_response_cb (AdwMessageDialog *dialog, const char *response, RhMemberView *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "rh-entry-id");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!rh_points_remove (self->db, id, &error))
    {
      gtk_label_set_label (self->points_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->points_error_label), TRUE);
      return;
    }
  rh_database_emit_changed (self->db);
}

static void
remove_clicked_cb (GtkButton *button, RhMemberView *self)
{
  const char *label = g_object_get_data (G_OBJECT (button), "rh-entry-label");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "rh-entry-id");
  g_autofree char *body = g_strdup_printf (_("%s is removed from %s’s points. The audit log keeps "
                                             "a record of it."), label, self->member->name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove Points Entry?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "remove",
                                    _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rh-entry-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_points_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhMemberView *self = RH_MEMBER_VIEW (widget);
  RhPointEntryDialog *dialog = rh_point_entry_dialog_new (GTK_WINDOW (self), self->db,
                                                          self->member_id);

  gtk_window_present (GTK_WINDOW (dialog));
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
  fill_points (self);
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
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, points_box);
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, year_spin);
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, total_row);
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, total_label);
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, quarters_grid);
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, rules_row);
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, review_row);
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, points_error_label);
  gtk_widget_class_bind_template_child (widget_class, RhMemberView, entries_list);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_install_action (widget_class, "member.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "member.archive", NULL, archive_activated);
  gtk_widget_class_install_action (widget_class, "member.restore", NULL, restore_activated);
  gtk_widget_class_install_action (widget_class, "member.add-points", NULL, add_points_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static const char *
review_choice_label (int i)
{
  return i == 0 ? _("Not reviewed") : rh_review_grade_label ((RhReviewGrade) (i - 1));
}

static void
rh_member_view_init (RhMemberView *self)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rule_rows = g_ptr_array_new ();
  for (int i = 0; i <= RH_N_REVIEW_GRADES; i++)
    gtk_string_list_append (labels, review_choice_label (i));
  adw_combo_row_set_model (self->review_row, G_LIST_MODEL (labels));
  g_object_unref (labels);
  g_signal_connect_swapped (self->review_row, "notify::selected", G_CALLBACK (review_changed_cb),
                            self);
  rh_date_today (&today);
  gtk_spin_button_set_value (self->year_spin, g_date_get_year (&today));
}

void
rh_member_view_set_year (RhMemberView *self, int year)
{
  gtk_spin_button_set_value (self->year_spin, year);
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
