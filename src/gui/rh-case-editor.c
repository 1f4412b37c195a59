/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-case-editor.h"
#include "rh-date.h"
#include "rh-gui-util.h"
#include "rh-org.h"
#include "rh-validate.h"
#include "rh-window.h"

#define N_METRIC_ROWS 4

typedef struct {
  AdwActionRow *row;
  GtkEditable  *name, *unit, *before, *after;
} MetricRow;

struct _RhCaseEditor
{
  AdwWindow   parent_instance;
  RhDatabase *db;
  RhCase     *c;
  MetricRow   metrics[N_METRIC_ROWS];

  GtkLabel      *error_label;
  AdwActionRow  *title_row, *branch_row, *year_row, *mode_row, *status_row;
  GtkEditable   *title_entry, *unit_entry, *measures_entry, *story_entry, *honours_entry;
  GtkEditable   *partners_entry;
  GtkEditable   *status_entries[RH_N_CASE_STATUSES];   /* [0] unused */
  GtkDropDown   *branch_dropdown, *mode_dropdown, *status_dropdown;
  GtkSpinButton *year_spin;
};

G_DEFINE_FINAL_TYPE (RhCaseEditor, rh_case_editor, ADW_TYPE_WINDOW)

static gboolean
read_number (GtkEditable *entry, double *out)
{
  g_autofree char *text = rh_editable_dup_text (entry);
  char *end = NULL;

  *out = NAN;
  if (text == NULL)
    return TRUE;
  *out = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*out);
}

static void
show_error (RhCaseEditor *self, AdwActionRow *row, const char *message)
{
  rh_form_show_error (self->error_label, row, message);
}

/* Reads the metric rows; a row with a name needs numbers that parse. */
static gboolean
read_metrics (RhCaseEditor *self)
{
  g_ptr_array_set_size (self->c->metrics, 0);
  for (int i = 0; i < N_METRIC_ROWS; i++)
    {
      MetricRow *r = &self->metrics[i];
      g_autofree char *name = rh_editable_dup_text (r->name);
      g_autofree char *unit = rh_editable_dup_text (r->unit);
      double before, after;

      rh_form_row_set_error (r->row, NULL);
      if (!read_number (r->before, &before) || !read_number (r->after, &after))
        {
          g_autofree char *message = g_strdup_printf (_("%s: before and after are numbers"),
                                                      rh_field_label (RH_FIELD_METRIC));
          show_error (self, r->row, message);
          return FALSE;
        }
      if (name != NULL)
        rh_case_add_metric (self->c, name, unit, before, after);
      else if (!isnan (before) || !isnan (after))
        {
          g_autofree char *message = g_strdup_printf (_("%s: each one needs a name"),
                                                      rh_field_label (RH_FIELD_METRIC));
          show_error (self, r->row, message);
          return FALSE;
        }
    }
  return TRUE;
}

static void
save_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhCaseEditor *self = RH_CASE_EDITOR (widget);
  RhCase *c = self->c;
  AdwActionRow *rows[] = { self->title_row, self->branch_row, self->year_row, self->mode_row,
                           self->status_row };
  RhWindow *window = rh_window_for (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    rh_form_row_set_error (rows[i], NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
#define READ(field, entry) g_free (c->field); c->field = rh_editable_dup_text (self->entry)
  READ (title, title_entry);
  READ (unit_name, unit_entry);
  READ (measures, measures_entry);
  READ (story, story_entry);
  READ (honours, honours_entry);
  READ (partners, partners_entry);
#undef READ
  c->org_id = rh_org_dropdown_get_id (self->branch_dropdown);
  c->year = gtk_spin_button_get_value_as_int (self->year_spin);
  c->mode = (RhCaseMode) gtk_drop_down_get_selected (self->mode_dropdown);
  c->status = (RhCaseStatus) gtk_drop_down_get_selected (self->status_dropdown);
  for (int s = RH_CASE_SUBMITTED; s < RH_N_CASE_STATUSES; s++)
    {
      g_free (c->status_date[s]);
      c->status_date[s] = rh_editable_dup_text (self->status_entries[s]);
    }
  if (!read_metrics (self))
    return;
  if (!rh_case_save (self->db, c, &error))
    {
      AdwActionRow *row = NULL;
      if (error->domain == RH_VALIDATION_ERROR)
        switch (error->code)
          {
          case RH_FIELD_TITLE: row = self->title_row; break;
          case RH_FIELD_BRANCH: row = self->branch_row; break;
          case RH_FIELD_YEAR: row = self->year_row; break;
          case RH_FIELD_MODE: row = self->mode_row; break;
          case RH_FIELD_CASE_STATUS: row = self->status_row; break;
          default: break;
          }
      show_error (self, row, error->message);
      return;
    }
  message = g_strdup_printf (_("Saved “%s”"), c->title);
  rh_database_emit_changed (self->db);
  if (window != NULL)
    rh_window_toast (window, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
set_number (GtkEditable *entry, double value)
{
  g_autofree char *text = isnan (value) ? NULL : g_strdup_printf ("%g", value);
  rh_editable_set_text (entry, text);
}

static void
fill_form (RhCaseEditor *self)
{
  RhCase *c = self->c;

  rh_editable_set_text (self->title_entry, c->title);
  rh_editable_set_text (self->unit_entry, c->unit_name);
  rh_editable_set_text (self->measures_entry, c->measures);
  rh_editable_set_text (self->story_entry, c->story);
  rh_editable_set_text (self->honours_entry, c->honours);
  rh_editable_set_text (self->partners_entry, c->partners);
  rh_org_dropdown_set_id (self->branch_dropdown, c->org_id);
  gtk_spin_button_set_value (self->year_spin, c->year);
  gtk_drop_down_set_selected (self->mode_dropdown, c->mode);
  gtk_drop_down_set_selected (self->status_dropdown, c->status);
  for (int s = RH_CASE_SUBMITTED; s < RH_N_CASE_STATUSES; s++)
    rh_editable_set_text (self->status_entries[s], c->status_date[s]);
  for (guint i = 0; i < c->metrics->len && i < N_METRIC_ROWS; i++)
    {
      RhCaseMetric *m = c->metrics->pdata[i];
      rh_editable_set_text (self->metrics[i].name, m->name);
      rh_editable_set_text (self->metrics[i].unit, m->unit);
      set_number (self->metrics[i].before, m->before);
      set_number (self->metrics[i].after, m->after);
    }
}

static void
rh_case_editor_dispose (GObject *object)
{
  RhCaseEditor *self = RH_CASE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_CASE_EDITOR);
  g_clear_object (&self->db);
  g_clear_object (&self->c);
  G_OBJECT_CLASS (rh_case_editor_parent_class)->dispose (object);
}

static void
rh_case_editor_class_init (RhCaseEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const dates[RH_N_CASE_STATUSES] = { NULL, "submitted_entry",
                                                         "recommended_entry", "awarded_entry" };

  G_OBJECT_CLASS (klass)->dispose = rh_case_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-case-editor.ui");
  for (int s = RH_CASE_SUBMITTED; s < RH_N_CASE_STATUSES; s++)
    gtk_widget_class_bind_template_child_full (widget_class, dates[s], FALSE,
                                               G_STRUCT_OFFSET (RhCaseEditor, status_entries[s]));
  for (int i = 0; i < N_METRIC_ROWS; i++)
    {
      const char *parts[] = { "row", "name", "unit", "before", "after" };
      gsize offsets[] = {
        G_STRUCT_OFFSET (RhCaseEditor, metrics[i].row), G_STRUCT_OFFSET (RhCaseEditor, metrics[i].name),
        G_STRUCT_OFFSET (RhCaseEditor, metrics[i].unit),
        G_STRUCT_OFFSET (RhCaseEditor, metrics[i].before),
        G_STRUCT_OFFSET (RhCaseEditor, metrics[i].after),
      };
      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          g_autofree char *name = g_strdup_printf ("metric%d_%s", i, parts[p]);
          gtk_widget_class_bind_template_child_full (widget_class, name, FALSE, offsets[p]);
        }
    }
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, RhCaseEditor, name)
  CHILD (error_label);
  CHILD (title_row);
  CHILD (branch_row);
  CHILD (year_row);
  CHILD (mode_row);
  CHILD (status_row);
  CHILD (title_entry);
  CHILD (unit_entry);
  CHILD (measures_entry);
  CHILD (story_entry);
  CHILD (honours_entry);
  CHILD (partners_entry);
  CHILD (branch_dropdown);
  CHILD (mode_dropdown);
  CHILD (status_dropdown);
  CHILD (year_spin);
#undef CHILD
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rh_case_editor_init (RhCaseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rh_dropdown_set_labels (self->mode_dropdown, (const char *(*) (int)) rh_case_mode_label,
                          RH_N_MODES);
  rh_dropdown_set_labels (self->status_dropdown, (const char *(*) (int)) rh_case_status_label,
                          RH_N_CASE_STATUSES);
}

RhCaseEditor *
rh_case_editor_new (GtkWindow *parent, RhDatabase *db, RhCase *c, gint64 branch_id)
{
  RhCaseEditor *self = g_object_new (RH_TYPE_CASE_EDITOR, "transient-for", parent, NULL);
  GDate today;

  self->db = g_object_ref (db);
  rh_org_dropdown_fill (self->branch_dropdown, db, 1u << RH_ORG_BRANCH, _("Another unit"));
  if (c != NULL)
    self->c = g_object_ref (c);
  else
    {
      self->c = rh_case_new ();
      self->c->org_id = branch_id;
      rh_date_today (&today);
      self->c->year = g_date_get_year (&today);
    }
  gtk_window_set_title (GTK_WINDOW (self), c != NULL ? _("Edit Case") : _("New Case"));
  fill_form (self);
  return self;
}
