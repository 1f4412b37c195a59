/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-date.h"
#include "rh-gui-util.h"
#include "rh-member-editor.h"
#include "rh-org.h"
#include "rh-window.h"

struct _RhMemberEditor
{
  AdwWindow   parent_instance;
  RhDatabase *db;
  RhMember   *member;   /* a copy being edited; id 0 when new */
  gint64      saved_id;

  GtkLabel    *error_label;
  AdwActionRow *rows[RH_N_FIELDS];   /* the row that shows each field's message */
  GtkEditable *name_entry, *id_number_entry, *birth_date_entry, *ethnicity_entry;
  GtkEditable *education_entry, *phone_entry, *post_entry, *vanguard_entry, *note_entry;
  GtkEditable *applied_date_entry, *talk_date_entry, *activist_date_entry;
  GtkEditable *candidate_date_entry, *admitted_date_entry, *full_date_entry;
  GtkDropDown *gender_dropdown, *branch_dropdown, *group_dropdown, *flow_dropdown;
  GtkDropDown *status_dropdown;
  GtkSwitch   *cadre_switch;
  GtkSpinButton *extension_spin;
};

G_DEFINE_FINAL_TYPE (RhMemberEditor, rh_member_editor, ADW_TYPE_WINDOW)

static void
clear_errors (RhMemberEditor *self)
{
  for (int f = 0; f < RH_N_FIELDS; f++)
    if (self->rows[f] != NULL)
      rh_form_row_set_error (self->rows[f], NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* The message goes beside the field at fault, and the form scrolls to it. */
static void
show_error (RhMemberEditor *self, const GError *error)
{
  AdwActionRow *row = NULL;

  if (error->domain == RH_VALIDATION_ERROR && error->code > 0 && error->code < RH_N_FIELDS)
    row = self->rows[error->code];
  rh_form_show_error (self->error_label, row, error->message);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

#define READ(field) g_free (m->field); m->field = rh_editable_dup_text (self->field##_entry)
#define WRITE(field) rh_editable_set_text (self->field##_entry, m->field)

static void
read_form (RhMemberEditor *self)
{
  RhMember *m = self->member;

  READ (name);
  READ (id_number);
  READ (birth_date);
  READ (ethnicity);
  READ (education);
  READ (phone);
  READ (post);
  READ (note);
  READ (applied_date);
  READ (talk_date);
  READ (activist_date);
  READ (candidate_date);
  READ (admitted_date);
  READ (full_date);
  g_free (m->vanguard_post);
  m->vanguard_post = rh_editable_dup_text (self->vanguard_entry);
  m->gender = (RhGender) gtk_drop_down_get_selected (self->gender_dropdown);
  m->status = (RhMemberStatus) gtk_drop_down_get_selected (self->status_dropdown);
  m->flow = (RhFlowState) gtk_drop_down_get_selected (self->flow_dropdown);
  m->org_id = rh_org_dropdown_get_id (self->branch_dropdown);
  m->group_id = rh_org_dropdown_get_id (self->group_dropdown);
  m->is_cadre = gtk_switch_get_active (self->cadre_switch);
  m->probation_extension_months = gtk_spin_button_get_value_as_int (self->extension_spin);
}

static void
fill_form (RhMemberEditor *self)
{
  RhMember *m = self->member;

  WRITE (name);
  WRITE (id_number);
  WRITE (birth_date);
  WRITE (ethnicity);
  WRITE (education);
  WRITE (phone);
  WRITE (post);
  WRITE (note);
  WRITE (applied_date);
  WRITE (talk_date);
  WRITE (activist_date);
  WRITE (candidate_date);
  WRITE (admitted_date);
  WRITE (full_date);
  rh_editable_set_text (self->vanguard_entry, m->vanguard_post);
  gtk_drop_down_set_selected (self->gender_dropdown, m->gender);
  gtk_drop_down_set_selected (self->status_dropdown, m->status);
  gtk_drop_down_set_selected (self->flow_dropdown, m->flow);
  rh_org_dropdown_set_id (self->branch_dropdown, m->org_id);
  rh_group_dropdown_fill (self->group_dropdown, self->db, m->org_id);
  rh_org_dropdown_set_id (self->group_dropdown, m->group_id);
  gtk_switch_set_active (self->cadre_switch, m->is_cadre);
  gtk_spin_button_set_value (self->extension_spin, m->probation_extension_months);
}

#undef READ
#undef WRITE

static void
save_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhMemberEditor *self = RH_MEMBER_EDITOR (widget);
  RhWindow *window = rh_window_for (widget);
  gboolean is_new = self->member->id == 0;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  clear_errors (self);
  read_form (self);
  if (!(is_new ? rh_member_insert (self->db, self->member, &error)
               : rh_member_update (self->db, self->member, &error)))
    {
      show_error (self, error);
      return;
    }
  self->saved_id = self->member->id;
  message = g_strdup_printf (is_new ? _("Added %s") : _("Saved %s"), self->member->name);
  rh_database_emit_changed (self->db);
  if (window != NULL)
    rh_window_toast (window, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
branch_changed_cb (RhMemberEditor *self)
{
  rh_group_dropdown_fill (self->group_dropdown, self->db,
                          rh_org_dropdown_get_id (self->branch_dropdown));
}

/* A valid ID number gives the gender and birth date: fill them in. */
static void
id_number_changed_cb (RhMemberEditor *self)
{
  g_autofree char *id = rh_editable_dup_text (self->id_number_entry);
  GDate birth;
  RhGender gender;

  if (id == NULL || strlen (id) != 18 || !rh_validate_id_number (id, &birth, &gender, NULL))
    return;
  gtk_drop_down_set_selected (self->gender_dropdown, gender);
  if (*gtk_editable_get_text (self->birth_date_entry) == '\0')
    {
      g_autofree char *text = rh_date_format (&birth);
      gtk_editable_set_text (self->birth_date_entry, text);
    }
}

gint64
rh_member_editor_get_saved_id (RhMemberEditor *self)
{
  return self->saved_id;
}

static void
rh_member_editor_dispose (GObject *object)
{
  RhMemberEditor *self = RH_MEMBER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_MEMBER_EDITOR);
  g_clear_object (&self->db);
  g_clear_object (&self->member);
  G_OBJECT_CLASS (rh_member_editor_parent_class)->dispose (object);
}

static void
rh_member_editor_class_init (RhMemberEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    RhField field;
    const char *row;
  } field_rows[] = {
    { RH_FIELD_NAME, "name_row" },
    { RH_FIELD_ID_NUMBER, "id_number_row" },
    { RH_FIELD_GENDER, "gender_row" },
    { RH_FIELD_BIRTH_DATE, "birth_date_row" },
    { RH_FIELD_ETHNICITY, "ethnicity_row" },
    { RH_FIELD_EDUCATION, "education_row" },
    { RH_FIELD_PHONE, "phone_row" },
    { RH_FIELD_BRANCH, "branch_row" },
    { RH_FIELD_GROUP, "group_row" },
    { RH_FIELD_POST, "post_row" },
    { RH_FIELD_STATUS, "status_row" },
    { RH_FIELD_APPLIED_DATE, "applied_date_row" },
    { RH_FIELD_TALK_DATE, "talk_date_row" },
    { RH_FIELD_ACTIVIST_DATE, "activist_date_row" },
    { RH_FIELD_CANDIDATE_DATE, "candidate_date_row" },
    { RH_FIELD_ADMITTED_DATE, "admitted_date_row" },
    { RH_FIELD_FULL_DATE, "full_date_row" },
    { RH_FIELD_PROBATION_EXTENSION, "extension_row" },
  };

  G_OBJECT_CLASS (klass)->dispose = rh_member_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-member-editor.ui");
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    gtk_widget_class_bind_template_child_full (widget_class, field_rows[i].row, FALSE,
                                               G_STRUCT_OFFSET (RhMemberEditor,
                                                                rows[field_rows[i].field]));
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, RhMemberEditor, name)
  CHILD (error_label);
  CHILD (name_entry);
  CHILD (id_number_entry);
  CHILD (birth_date_entry);
  CHILD (ethnicity_entry);
  CHILD (education_entry);
  CHILD (phone_entry);
  CHILD (post_entry);
  CHILD (vanguard_entry);
  CHILD (note_entry);
  CHILD (applied_date_entry);
  CHILD (talk_date_entry);
  CHILD (activist_date_entry);
  CHILD (candidate_date_entry);
  CHILD (admitted_date_entry);
  CHILD (full_date_entry);
  CHILD (gender_dropdown);
  CHILD (branch_dropdown);
  CHILD (group_dropdown);
  CHILD (flow_dropdown);
  CHILD (status_dropdown);
  CHILD (cadre_switch);
  CHILD (extension_spin);
#undef CHILD
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rh_member_editor_init (RhMemberEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rh_dropdown_set_labels (self->gender_dropdown, (const char *(*) (int)) rh_gender_label,
                          RH_N_GENDERS);
  rh_dropdown_set_labels (self->status_dropdown, (const char *(*) (int)) rh_status_label,
                          RH_N_STATUSES);
  rh_dropdown_set_labels (self->flow_dropdown, (const char *(*) (int)) rh_flow_label, RH_N_FLOWS);
  g_signal_connect_swapped (self->id_number_entry, "changed", G_CALLBACK (id_number_changed_cb),
                            self);
}

RhMemberEditor *
rh_member_editor_new (GtkWindow *parent, RhDatabase *db, RhMember *member, gint64 branch_id)
{
  RhMemberEditor *self = g_object_new (RH_TYPE_MEMBER_EDITOR, "transient-for", parent, NULL);

  self->db = g_object_ref (db);
  rh_org_dropdown_fill (self->branch_dropdown, db, 1u << RH_ORG_BRANCH, _("Choose a branch…"));
  if (member != NULL)
    self->member = rh_member_copy (member);
  else
    {
      self->member = rh_member_new ();
      self->member->ethnicity = g_strdup (_("Han"));
      self->member->org_id = branch_id;
      /* A filter on a party group still means its branch. */
      {
        g_autoptr (RhOrg) org = branch_id ? rh_org_load (db, branch_id, NULL) : NULL;
        if (org != NULL && org->kind == RH_ORG_GROUP)
          {
            self->member->org_id = org->parent_id;
            self->member->group_id = org->id;
          }
      }
    }
  gtk_window_set_title (GTK_WINDOW (self), member != NULL ? _("Edit Member") : _("New Member"));
  fill_form (self);
  g_signal_connect_swapped (self->branch_dropdown, "notify::selected",
                            G_CALLBACK (branch_changed_cb), self);
  return self;
}
