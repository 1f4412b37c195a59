/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-date.h"
#include "rh-gui-util.h"
#include "rh-org.h"
#include "rh-task-editor.h"
#include "rh-tasks-page.h"

struct _RhTasksPage
{
  GtkWidget      parent_instance;
  RhDatabase    *db;

  GtkDropDown   *branch_dropdown;
  GtkSpinButton *year_spin;
  GtkLabel      *index_label;
  GtkFlowBox    *index_box;
  GtkLabel      *legend_label;
  GtkListBox    *task_list;
};

G_DEFINE_FINAL_TYPE (RhTasksPage, rh_tasks_page, GTK_TYPE_WIDGET)

static GtkWidget *
share_card (const char *label, int part, int whole)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *value = whole > 0 ? g_strdup_printf ("%d/%d", part, whole) : g_strdup ("—");
  GtkWidget *number = gtk_label_new (value);
  GtkWidget *text = gtk_label_new (label);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "rh-count");
  gtk_widget_add_css_class (number, "title-2");
  gtk_widget_add_css_class (text, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

static void
fill_index (RhTasksPage *self, gint64 branch, const RhPeriod *period)
{
  g_autoptr (GPtrArray) all = rh_integration_compute_all (self->db, period, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->index_box))) != NULL)
    gtk_flow_box_remove (self->index_box, child);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      RhIntegration *r = all->pdata[i];
      g_autofree char *title = NULL;

      if (r->org_id != branch)
        continue;
      title = r->index < 0 ? g_strdup_printf (_("Integration index %d: nothing to measure yet"),
                                              period->year)
                           : g_strdup_printf (_("Integration index %d: %.1f"), period->year,
                                              r->index);
      gtk_label_set_label (self->index_label, title);
      gtk_flow_box_append (self->index_box, share_card (_("Tasks with all four 同"),
                                                        r->tasks_synced, r->tasks));
      gtk_flow_box_append (self->index_box, share_card (_("Assemblies and committee meetings "
                                                          "with a business topic"),
                                                        r->meetings_linked, r->meetings));
      gtk_flow_box_append (self->index_box, share_card (_("Targets met"), r->tasks_met,
                                                        r->tasks_measured));
    }
}

static GtkWidget *
task_row (RhTask *t)
{
  GtkWidget *row = adw_action_row_new ();
  GString *flags = g_string_new (NULL);
  g_autofree char *subtitle = NULL;

  for (int s = 0; s < RH_N_SYNCS; s++)
    g_string_append_printf (flags, "%s%s %s", s ? "  " : "", t->sync_date[s] ? "✓" : "·",
                            rh_sync_label ((RhSync) s));
  if (!isnan (t->metric_target))
    {
      const char *unit = t->metric_unit ? t->metric_unit : "";
      g_autofree char *actual = isnan (t->metric_actual)
                                  ? g_strdup ("—")
                                  : g_strdup_printf ("%g%s", t->metric_actual, unit);
      g_string_append_printf (flags, "\n%s: %s / %g%s", t->metric_name, actual, t->metric_target,
                              unit);
    }
  subtitle = g_string_free (flags, FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_label_new (t->period));
  if (rh_task_all_synced (t))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
  g_object_set_data (G_OBJECT (row), "task-id", (gpointer) (gintptr) t->id);
  return row;
}

static void
refresh (RhTasksPage *self)
{
  gint64 branch = rh_org_dropdown_get_id (self->branch_dropdown);
  g_autoptr (GPtrArray) tasks = NULL;
  RhPeriod period;

  rh_list_box_remove_all (self->task_list);
  if (self->db == NULL || branch == 0)
    return;
  rh_period_init (&period, RH_PERIOD_YEAR, gtk_spin_button_get_value_as_int (self->year_spin), 0);
  fill_index (self, branch, &period);
  tasks = rh_task_list (self->db, branch, &period, NULL);
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    gtk_list_box_append (self->task_list, task_row (tasks->pdata[i]));
}

static void
filters_changed_cb (RhTasksPage *self)
{
  refresh (self);
}

static void
database_changed_cb (RhTasksPage *self)
{
  gint64 branch = rh_org_dropdown_get_id (self->branch_dropdown);

  g_signal_handlers_block_by_func (self->branch_dropdown, filters_changed_cb, self);
  rh_org_dropdown_fill (self->branch_dropdown, self->db, 1u << RH_ORG_BRANCH, NULL);
  if (branch != 0)
    rh_org_dropdown_set_id (self->branch_dropdown, branch);
  g_signal_handlers_unblock_by_func (self->branch_dropdown, filters_changed_cb, self);
  refresh (self);
}

void
rh_tasks_page_set_database (RhTasksPage *self, RhDatabase *db)
{
  g_set_object (&self->db, db);
  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  database_changed_cb (self);
}

void
rh_tasks_page_new_task (RhTasksPage *self)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autofree char *year = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->year_spin));

  gtk_window_present (GTK_WINDOW (rh_task_editor_new (parent, self->db, NULL,
                                                      rh_org_dropdown_get_id (self->branch_dropdown),
                                                      year)));
}

static void
task_activated_cb (GtkListBox *box, GtkListBoxRow *row, RhTasksPage *self)
{
  gint64 id = (gintptr) g_object_get_data (G_OBJECT (row), "task-id");
  g_autoptr (RhTask) t = rh_task_load (self->db, id, NULL);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  if (t != NULL)
    gtk_window_present (GTK_WINDOW (rh_task_editor_new (parent, self->db, t, 0, NULL)));
}

static void
new_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  rh_tasks_page_new_task (RH_TASKS_PAGE (widget));
}

static void
rh_tasks_page_dispose (GObject *object)
{
  RhTasksPage *self = RH_TASKS_PAGE (object);
  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_TASKS_PAGE);
  rh_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rh_tasks_page_parent_class)->dispose (object);
}

static void
rh_tasks_page_class_init (RhTasksPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_tasks_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-tasks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RhTasksPage, branch_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RhTasksPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, RhTasksPage, index_label);
  gtk_widget_class_bind_template_child (widget_class, RhTasksPage, index_box);
  gtk_widget_class_bind_template_child (widget_class, RhTasksPage, legend_label);
  gtk_widget_class_bind_template_child (widget_class, RhTasksPage, task_list);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, task_activated_cb);
  gtk_widget_class_install_action (widget_class, "tasks.new", NULL, new_activated);
}

static void
rh_tasks_page_init (RhTasksPage *self)
{
  GtkWidget *placeholder;
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  placeholder = gtk_label_new (_("No central tasks in this year. Press + to add the business "
                                 "goals the branch supports."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->task_list, placeholder);
  rh_date_today (&today);
  gtk_spin_button_set_value (self->year_spin, g_date_get_year (&today));
  gtk_label_set_label (self->legend_label,
                       _("The integration index is the mean of the three shares above, out of "
                         "100: party work planned, checked, assessed and summarised together "
                         "with the business work (四同步), council meetings that take up "
                         "business topics, and business targets met."));
}
