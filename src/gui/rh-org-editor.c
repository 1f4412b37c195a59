/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-gui-util.h"
#include "rh-org-editor.h"
#include "rh-validate.h"
#include "rh-window.h"

struct _RhOrgEditor
{
  AdwWindow   parent_instance;
  RhDatabase *db;
  RhOrg      *org;        /* a copy being edited; id 0 when new */
  GArray     *kinds;      /* the RhOrgKind behind each kind_dropdown entry */

  GtkLabel    *error_label;
  AdwActionRow *name_row, *kind_row, *parent_row, *temporary_row, *founded_row;
  GtkEditable *name_entry, *founded_entry, *business_unit_entry, *brand_name_entry;
  GtkEditable *brand_summary_entry, *honours_entry, *partners_entry, *note_entry;
  GtkDropDown *kind_dropdown, *host_dropdown;
  GtkLabel    *parent_label;
  GtkSwitch   *temporary_switch;
};

G_DEFINE_FINAL_TYPE (RhOrgEditor, rh_org_editor, ADW_TYPE_WINDOW)

static void
clear_errors (RhOrgEditor *self)
{
  AdwActionRow *rows[] = { self->name_row, self->kind_row, self->parent_row, self->temporary_row,
                           self->founded_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    rh_form_row_set_error (rows[i], NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* Puts the message beside the field at fault, or above the form. */
static void
show_error (RhOrgEditor *self, const GError *error)
{
  AdwActionRow *row = NULL;

  if (error->domain == RH_VALIDATION_ERROR)
    switch (error->code)
      {
      case RH_FIELD_NAME: row = self->name_row; break;
      case RH_FIELD_KIND: row = self->kind_row; break;
      case RH_FIELD_PARENT: row = self->parent_row; break;
      case RH_FIELD_TEMPORARY: row = self->temporary_row; break;
      case RH_FIELD_FOUNDED_DATE: row = self->founded_row; break;
      default: break;
      }
  rh_form_show_error (self->error_label, row, error->message);
}

static void
read_form (RhOrgEditor *self)
{
  RhOrg *org = self->org;
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  g_free (org->name);
  org->name = rh_editable_dup_text (self->name_entry);
  if (org->id == 0 && kind < self->kinds->len)
    org->kind = g_array_index (self->kinds, RhOrgKind, kind);
  org->host_type = (RhHostType) gtk_drop_down_get_selected (self->host_dropdown);
  org->is_temporary = gtk_switch_get_active (self->temporary_switch);
#define READ(field) g_free (org->field); org->field = rh_editable_dup_text (self->field##_entry)
  g_free (org->founded_date);
  org->founded_date = rh_editable_dup_text (self->founded_entry);
  READ (business_unit);
  READ (brand_name);
  READ (brand_summary);
  READ (honours);
  READ (partners);
  READ (note);
#undef READ
}

static void
save_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhOrgEditor *self = RH_ORG_EDITOR (widget);
  RhWindow *window = rh_window_for (widget);
  gboolean is_new = self->org->id == 0;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  clear_errors (self);
  read_form (self);
  if (!(is_new ? rh_org_insert (self->db, self->org, &error)
               : rh_org_update (self->db, self->org, &error)))
    {
      show_error (self, error);
      return;
    }
  message = g_strdup_printf (is_new ? _("Created “%s”") : _("Saved “%s”"), self->org->name);
  rh_database_emit_changed (self->db);
  if (window != NULL)
    {
      rh_window_toast (window, message);
      rh_window_show_org (window, self->org->id);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* New organisations offer the kinds their parent can hold. */
static void
fill_kinds (RhOrgEditor *self, RhOrgKind parent_kind, gboolean top_level)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (int k = 0; k < RH_N_ORG_KINDS; k++)
    {
      gboolean ok = top_level ? k != RH_ORG_GROUP : rh_org_kind_can_contain (parent_kind, k);
      if (self->org->id != 0)
        ok = (RhOrgKind) k == self->org->kind;
      if (ok)
        {
          RhOrgKind kind = (RhOrgKind) k;
          gtk_string_list_append (labels, rh_org_kind_label (kind));
          g_array_append_val (self->kinds, kind);
        }
    }
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (labels));
  g_object_unref (labels);
  /* A committee's new child is most often a branch. */
  for (guint i = 0; i < self->kinds->len; i++)
    if (g_array_index (self->kinds, RhOrgKind, i) == (top_level ? RH_ORG_COMMITTEE : RH_ORG_BRANCH))
      gtk_drop_down_set_selected (self->kind_dropdown, i);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_dropdown), self->kinds->len > 1);
}

static void
fill_form (RhOrgEditor *self)
{
  RhOrg *org = self->org;

  rh_editable_set_text (self->name_entry, org->name);
  gtk_drop_down_set_selected (self->host_dropdown, org->host_type);
  gtk_switch_set_active (self->temporary_switch, org->is_temporary);
  rh_editable_set_text (self->founded_entry, org->founded_date);
  rh_editable_set_text (self->business_unit_entry, org->business_unit);
  rh_editable_set_text (self->brand_name_entry, org->brand_name);
  rh_editable_set_text (self->brand_summary_entry, org->brand_summary);
  rh_editable_set_text (self->honours_entry, org->honours);
  rh_editable_set_text (self->partners_entry, org->partners);
  rh_editable_set_text (self->note_entry, org->note);
}

static void
rh_org_editor_dispose (GObject *object)
{
  RhOrgEditor *self = RH_ORG_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_ORG_EDITOR);
  g_clear_object (&self->db);
  g_clear_object (&self->org);
  g_clear_pointer (&self->kinds, g_array_unref);
  G_OBJECT_CLASS (rh_org_editor_parent_class)->dispose (object);
}

static void
rh_org_editor_class_init (RhOrgEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_org_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-org-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, RhOrgEditor, name)
  CHILD (error_label);
  CHILD (name_row);
  CHILD (kind_row);
  CHILD (parent_row);
  CHILD (temporary_row);
  CHILD (founded_row);
  CHILD (name_entry);
  CHILD (founded_entry);
  CHILD (business_unit_entry);
  CHILD (brand_name_entry);
  CHILD (brand_summary_entry);
  CHILD (honours_entry);
  CHILD (partners_entry);
  CHILD (note_entry);
  CHILD (kind_dropdown);
  CHILD (host_dropdown);
  CHILD (parent_label);
  CHILD (temporary_switch);
#undef CHILD
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rh_org_editor_init (RhOrgEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kinds = g_array_new (FALSE, FALSE, sizeof (RhOrgKind));
  rh_dropdown_set_labels (self->host_dropdown, (const char *(*) (int)) rh_host_type_label,
                          RH_N_HOST_TYPES);
}

RhOrgEditor *
rh_org_editor_new (GtkWindow *parent, RhDatabase *db, RhOrg *org, gint64 parent_id)
{
  RhOrgEditor *self = g_object_new (RH_TYPE_ORG_EDITOR, "transient-for", parent, NULL);
  g_autoptr (RhOrg) parent_org = NULL;
  g_autofree char *path = NULL;

  self->db = g_object_ref (db);
  if (org != NULL)
    self->org = rh_org_copy (org);
  else
    {
      self->org = rh_org_new (RH_ORG_BRANCH, NULL);
      self->org->parent_id = parent_id;
    }
  parent_org = self->org->parent_id ? rh_org_load (db, self->org->parent_id, NULL) : NULL;
  if (parent_org != NULL)
    self->org->host_type = org != NULL ? org->host_type : parent_org->host_type;
  path = parent_org != NULL ? rh_org_path_label (db, parent_org->id) : NULL;
  gtk_label_set_label (self->parent_label, path != NULL ? path : _("Top level"));
  gtk_window_set_title (GTK_WINDOW (self), org != NULL ? _("Edit Organisation")
                                                       : _("New Organisation"));
  fill_kinds (self, parent_org != NULL ? parent_org->kind : RH_ORG_COMMITTEE, parent_org == NULL);
  fill_form (self);
  return self;
}
