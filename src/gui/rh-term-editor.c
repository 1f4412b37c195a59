/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-date.h"
#include "rh-gui-util.h"
#include "rh-member.h"
#include "rh-term-editor.h"
#include "rh-validate.h"
#include "rh-window.h"

/* The roles offered, in the order of the rows. */
static const RhCommitteeRole role_order[] = {
  RH_ROLE_SECRETARY, RH_ROLE_DEPUTY_SECRETARY, RH_ROLE_ORGANISATION, RH_ROLE_PUBLICITY,
  RH_ROLE_DISCIPLINE,
};

struct _RhTermEditor
{
  AdwWindow   parent_instance;
  RhDatabase *db;
  RhOrg      *org;
  GArray     *candidate_ids;   /* member id behind each drop-down entry; 0 is "nobody" */

  GtkLabel     *error_label;
  AdwActionRow *start_row, *years_row, *secretary_row;
  GtkEditable  *start_entry;
  GtkDropDown  *years_dropdown;
  GtkDropDown  *secretary_dropdown, *deputy_dropdown, *organisation_dropdown;
  GtkDropDown  *publicity_dropdown, *discipline_dropdown;
};

G_DEFINE_FINAL_TYPE (RhTermEditor, rh_term_editor, ADW_TYPE_WINDOW)

static GtkDropDown **
role_dropdowns (RhTermEditor *self, GtkDropDown **out)
{
  out[0] = self->secretary_dropdown;
  out[1] = self->deputy_dropdown;
  out[2] = self->organisation_dropdown;
  out[3] = self->publicity_dropdown;
  out[4] = self->discipline_dropdown;
  return out;
}

static void
show_error (RhTermEditor *self, AdwActionRow *row, const char *message)
{
  rh_form_show_error (self->error_label, row, message);
}

static void
save_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhTermEditor *self = RH_TERM_EDITOR (widget);
  GtkDropDown *dropdowns[G_N_ELEMENTS (role_order)];
  g_autoptr (GPtrArray) roles = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_role_free);
  g_autofree char *start = rh_editable_dup_text (self->start_entry);
  int years = gtk_drop_down_get_selected (self->years_dropdown) == 1 ? 5 : 3;
  g_autoptr (GError) error = NULL;
  RhWindow *window = rh_window_for (widget);

  rh_form_row_set_error (self->start_row, NULL);
  rh_form_row_set_error (self->secretary_row, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  role_dropdowns (self, dropdowns);
  for (guint i = 0; i < G_N_ELEMENTS (role_order); i++)
    {
      guint selected = gtk_drop_down_get_selected (dropdowns[i]);
      gint64 id = selected < self->candidate_ids->len
                    ? g_array_index (self->candidate_ids, gint64, selected) : 0;
      RhRole *role;

      if (id == 0)
        continue;
      role = g_new0 (RhRole, 1);
      role->member_id = id;
      role->role = role_order[i];
      g_ptr_array_add (roles, role);
    }
  if (roles->len == 0 || ((RhRole *) roles->pdata[0])->role != RH_ROLE_SECRETARY)
    {
      show_error (self, self->secretary_row, _("Secretary: every term has a secretary"));
      return;
    }
  if (!rh_term_start (self->db, self->org->id, start, years, roles, &error))
    {
      gboolean on_start = error->domain == RH_VALIDATION_ERROR
                          && (error->code == RH_FIELD_TERM_START || error->code == RH_FIELD_TERM_YEARS);
      show_error (self, on_start ? self->start_row : NULL, error->message);
      return;
    }
  rh_database_emit_changed (self->db);
  if (window != NULL)
    rh_window_toast (window, _("New committee term recorded"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_candidates (RhTermEditor *self)
{
  g_autoptr (GPtrArray) members = rh_member_list_committee_candidates (self->db, self->org->id, NULL);
  GtkDropDown *dropdowns[G_N_ELEMENTS (role_order)];
  g_autoptr (GPtrArray) current = rh_term_roles (self->db, self->org->id, NULL);
  gint64 nobody = 0;

  g_array_append_val (self->candidate_ids, nobody);
  role_dropdowns (self, dropdowns);
  for (guint d = 0; d < G_N_ELEMENTS (role_order); d++)
    {
      GtkStringList *labels = gtk_string_list_new (NULL);
      g_autoptr (GtkExpression) expression =
        gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

      gtk_string_list_append (labels, _("Nobody"));
      for (guint i = 0; members != NULL && i < members->len; i++)
        {
          RhMember *m = members->pdata[i];
          g_autofree char *label = m->org_id == self->org->id
                                     ? g_strdup (m->name)
                                     : g_strdup_printf ("%s（%s）", m->name, m->branch_name);
          gtk_string_list_append (labels, label);
          if (d == 0)
            g_array_append_val (self->candidate_ids, m->id);
        }
      gtk_drop_down_set_expression (dropdowns[d], expression);
      gtk_drop_down_set_model (dropdowns[d], G_LIST_MODEL (labels));
      g_object_unref (labels);
    }
  /* Start from the current committee: most members are re-elected. */
  for (guint r = 0; current != NULL && r < current->len; r++)
    {
      RhRole *role = current->pdata[r];
      for (guint d = 0; d < G_N_ELEMENTS (role_order); d++)
        if (role_order[d] == role->role)
          for (guint i = 0; i < self->candidate_ids->len; i++)
            if (g_array_index (self->candidate_ids, gint64, i) == role->member_id)
              gtk_drop_down_set_selected (dropdowns[d], i);
    }
}

static void
rh_term_editor_dispose (GObject *object)
{
  RhTermEditor *self = RH_TERM_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_TERM_EDITOR);
  g_clear_object (&self->db);
  g_clear_object (&self->org);
  g_clear_pointer (&self->candidate_ids, g_array_unref);
  G_OBJECT_CLASS (rh_term_editor_parent_class)->dispose (object);
}

static void
rh_term_editor_class_init (RhTermEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_term_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-term-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, RhTermEditor, name)
  CHILD (error_label);
  CHILD (start_row);
  CHILD (years_row);
  CHILD (secretary_row);
  CHILD (start_entry);
  CHILD (years_dropdown);
  CHILD (secretary_dropdown);
  CHILD (deputy_dropdown);
  CHILD (organisation_dropdown);
  CHILD (publicity_dropdown);
  CHILD (discipline_dropdown);
#undef CHILD
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rh_term_editor_init (RhTermEditor *self)
{
  const char *years[] = { N_("3 years"), N_("5 years (rural and community)"), NULL };
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->candidate_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (int i = 0; years[i] != NULL; i++)
    gtk_string_list_append (labels, _(years[i]));
  gtk_drop_down_set_model (self->years_dropdown, G_LIST_MODEL (labels));
  g_object_unref (labels);
}

RhTermEditor *
rh_term_editor_new (GtkWindow *parent, RhDatabase *db, RhOrg *org)
{
  RhTermEditor *self = g_object_new (RH_TYPE_TERM_EDITOR, "transient-for", parent, NULL);
  g_autofree char *title = g_strdup_printf (_("New Term: %s"), org->name);
  g_autofree char *today_text = NULL;
  GDate today;

  self->db = g_object_ref (db);
  self->org = rh_org_copy (org);
  gtk_window_set_title (GTK_WINDOW (self), title);
  rh_date_today (&today);
  today_text = rh_date_format (&today);
  gtk_editable_set_text (self->start_entry, today_text);
  gtk_drop_down_set_selected (self->years_dropdown,
                              org->host_type == RH_HOST_RURAL || org->host_type == RH_HOST_COMMUNITY);
  fill_candidates (self);
  return self;
}
