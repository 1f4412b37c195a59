/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-case-editor.h"
#include "rh-case-view.h"
#include "rh-case.h"
#include "rh-cases-page.h"
#include "rh-gui-util.h"
#include "rh-org.h"
#include "rh-sql.h"

struct _RhCasesPage
{
  GtkWidget       parent_instance;
  RhDatabase     *db;
  GArray         *years;     /* the year behind each year_dropdown entry; 0 for all */

  GtkSearchEntry *search_entry;
  GtkDropDown    *mode_dropdown, *status_dropdown, *year_dropdown, *branch_dropdown;
  GtkLabel       *count_label;
  GtkListBox     *case_list;
};

G_DEFINE_FINAL_TYPE (RhCasesPage, rh_cases_page, GTK_TYPE_WIDGET)

static void
set_labels_with_all (GtkDropDown *dropdown, const char *all, const char *(*label) (int), int n)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, all);
  for (int i = 0; i < n; i++)
    gtk_string_list_append (labels, label (i));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  g_object_unref (labels);
}

static GtkWidget *
case_row (RhCase *c)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status = gtk_label_new (rh_case_status_label (c->status));
  g_autofree char *subtitle = g_strdup_printf ("%s · %d · %s", rh_case_credit (c), c->year,
                                               rh_case_mode_label (c->mode));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (c->status == RH_CASE_AWARDED)
    gtk_widget_add_css_class (status, "success");
  else if (c->status == RH_CASE_DRAFT)
    gtk_widget_add_css_class (status, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  g_object_set_data (G_OBJECT (row), "case-id", (gpointer) (gintptr) c->id);
  return row;
}

static void
refresh (RhCasesPage *self)
{
  guint mode = gtk_drop_down_get_selected (self->mode_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint year = gtk_drop_down_get_selected (self->year_dropdown);
  g_autofree char *search = rh_editable_dup_text (GTK_EDITABLE (self->search_entry));
  g_autoptr (GPtrArray) cases = NULL;
  g_autofree char *count = NULL;

  rh_list_box_remove_all (self->case_list);
  if (self->db == NULL)
    return;
  cases = rh_case_list (self->db, mode == 0 ? -1 : (int) mode - 1,
                        status == 0 ? -1 : (int) status - 1,
                        year < self->years->len ? g_array_index (self->years, int, year) : 0,
                        rh_org_dropdown_get_id (self->branch_dropdown), search, NULL);
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    gtk_list_box_append (self->case_list, case_row (cases->pdata[i]));
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases",
                                        cases != NULL ? cases->len : 0),
                           cases != NULL ? cases->len : 0);
  gtk_label_set_label (self->count_label, count);
}

static void
filters_changed_cb (RhCasesPage *self)
{
  refresh (self);
}

/* The years that have cases, newest first, after "all years". */
static void
fill_years (RhCasesPage *self)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  sqlite3_stmt *stmt = rh_database_prepare (self->db, "SELECT DISTINCT year FROM integration_case"
                                                      " ORDER BY year DESC", NULL);
  int all = 0;

  g_array_set_size (self->years, 0);
  g_array_append_val (self->years, all);
  gtk_string_list_append (labels, _("All years"));
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);
      g_autofree char *text = g_strdup_printf ("%d", year);
      g_array_append_val (self->years, year);
      gtk_string_list_append (labels, text);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  g_object_unref (labels);
}

static void
database_changed_cb (RhCasesPage *self)
{
  gint64 branch = rh_org_dropdown_get_id (self->branch_dropdown);

  g_signal_handlers_block_by_func (self->branch_dropdown, filters_changed_cb, self);
  g_signal_handlers_block_by_func (self->year_dropdown, filters_changed_cb, self);
  rh_org_dropdown_fill (self->branch_dropdown, self->db, 1u << RH_ORG_BRANCH, _("All branches"));
  rh_org_dropdown_set_id (self->branch_dropdown, branch);
  fill_years (self);
  g_signal_handlers_unblock_by_func (self->year_dropdown, filters_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->branch_dropdown, filters_changed_cb, self);
  refresh (self);
}

void
rh_cases_page_set_database (RhCasesPage *self, RhDatabase *db)
{
  g_set_object (&self->db, db);
  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  database_changed_cb (self);
}

void
rh_cases_page_new_case (RhCasesPage *self)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  gtk_window_present (GTK_WINDOW (rh_case_editor_new (parent, self->db, NULL,
                                                      rh_org_dropdown_get_id (self->branch_dropdown))));
}

static void
case_activated_cb (GtkListBox *box, GtkListBoxRow *row, RhCasesPage *self)
{
  gint64 id = (gintptr) g_object_get_data (G_OBJECT (row), "case-id");
  RhCaseView *view = rh_case_view_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                       self->db, id);
  if (view != NULL)
    gtk_window_present (GTK_WINDOW (view));
}

static void
new_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  rh_cases_page_new_case (RH_CASES_PAGE (widget));
}

static void
rh_cases_page_dispose (GObject *object)
{
  RhCasesPage *self = RH_CASES_PAGE (object);
  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_CASES_PAGE);
  rh_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->db);
  g_clear_pointer (&self->years, g_array_unref);
  G_OBJECT_CLASS (rh_cases_page_parent_class)->dispose (object);
}

static void
rh_cases_page_class_init (RhCasesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_cases_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-cases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RhCasesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RhCasesPage, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RhCasesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RhCasesPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RhCasesPage, branch_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RhCasesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RhCasesPage, case_list);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_activated_cb);
  gtk_widget_class_install_action (widget_class, "cases.new", NULL, new_activated);
}

static void
rh_cases_page_init (RhCasesPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  set_labels_with_all (self->mode_dropdown, _("All modes"),
                       (const char *(*) (int)) rh_case_mode_label, RH_N_MODES);
  set_labels_with_all (self->status_dropdown, _("All statuses"),
                       (const char *(*) (int)) rh_case_status_label, RH_N_CASE_STATUSES);
  placeholder = gtk_label_new (_("No cases match. Press + to write up how a branch brought party "
                                 "work and business work together."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->case_list, placeholder);
}
