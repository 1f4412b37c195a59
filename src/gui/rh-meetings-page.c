/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-compliance.h"
#include "rh-date.h"
#include "rh-gui-util.h"
#include "rh-meeting-editor.h"
#include "rh-meetings-page.h"
#include "rh-org.h"

struct _RhMeetingsPage
{
  GtkWidget       parent_instance;
  RhDatabase     *db;

  GtkDropDown    *branch_dropdown;
  GtkSpinButton  *year_spin;
  GtkDropDown    *kind_filter;
  GtkLabel       *rate_label;
  GtkGrid        *compliance_grid;
  GtkLabel       *legend_label;
  GtkListBox     *meeting_list;
};

G_DEFINE_FINAL_TYPE (RhMeetingsPage, rh_meetings_page, GTK_TYPE_WIDGET)

static const char *const state_classes[] = { "met", "missed", "pending", "none" };

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
cell (const char *text, const char *state)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "cell");
  gtk_widget_add_css_class (label, state);
  return label;
}

/* Months across, kinds down; a quarterly rule spans three months, a yearly one twelve. */
static void
fill_grid (RhMeetingsPage *self, RhCompliance *c)
{
  int row = 1;

  clear_grid (self->compliance_grid);
  for (int month = 1; month <= 12; month++)
    {
      g_autoptr (GDateTime) dt = g_date_time_new_local (c->period.year, month, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (dt, "%b");
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->compliance_grid, label, month, 0, 1, 1);
    }
  for (int k = 0; k < RH_N_MEETING_KINDS; k++)
    {
      RhComplianceKind *kind = &c->kinds[k];
      GtkWidget *name;

      if (!kind->applicable)
        continue;
      name = gtk_label_new (rh_meeting_kind_label ((RhMeetingKind) k));
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_margin_end (name, 6);
      gtk_grid_attach (self->compliance_grid, name, 0, row, 1, 1);
      for (guint u = 0; u < kind->units->len; u++)
        {
          RhComplianceUnit *unit = &g_array_index (kind->units, RhComplianceUnit, u);
          int span = 12 / (int) kind->units->len;
          g_autofree char *text = unit->state == RH_UNIT_NOT_DUE
                                    ? g_strdup ("—")
                                    : g_strdup_printf ("%d/%d", unit->held, unit->required);

          gtk_grid_attach (self->compliance_grid, cell (text, state_classes[unit->state]),
                           1 + (int) u * span, row, span, 1);
        }
      row++;
    }
}

static GtkWidget *
meeting_row (RhMeeting *m)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s · %s", m->date, rh_meeting_kind_label (m->kind));
  g_autofree char *subtitle = NULL;
  g_autofree char *attendance = g_strdup_printf (_("%d of %d present"), m->present, m->expected);
  GString *s = g_string_new (m->topic != NULL ? m->topic : "");

  if (m->business_topic != NULL)
    g_string_append_printf (s, "%s%s%s", s->len ? "\n" : "", _("Business topic: "),
                            m->business_topic);
  subtitle = g_string_free (s, FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (!m->valid)
    {
      GtkWidget *badge = gtk_label_new (_("Below quorum"));
      gtk_widget_add_css_class (badge, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      gtk_widget_add_css_class (row, "error");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (attendance));
  g_object_set_data (G_OBJECT (row), "meeting-id", (gpointer) (gintptr) m->id);
  return row;
}

static void
refresh (RhMeetingsPage *self)
{
  gint64 branch = rh_org_dropdown_get_id (self->branch_dropdown);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_autoptr (RhCompliance) c = NULL;
  g_autoptr (GPtrArray) meetings = NULL;
  g_autofree char *rate = NULL;
  guint kind;
  RhPeriod period;

  rh_list_box_remove_all (self->meeting_list);
  clear_grid (self->compliance_grid);
  if (self->db == NULL || branch == 0)
    {
      gtk_label_set_label (self->rate_label, _("Choose a branch to see its meetings."));
      return;
    }
  rh_period_init (&period, RH_PERIOD_YEAR, year, 0);
  c = rh_compliance_compute (self->db, branch, &period, NULL, NULL);
  if (c != NULL)
    {
      rate = c->rate < 0
               ? g_strdup_printf (_("Compliance in %d: nothing due yet"), year)
               : g_strdup_printf (_("Compliance in %d: %.1f%% (%d of %d required meetings)"),
                                  year, 100 * c->rate, c->met, c->required);
      gtk_label_set_label (self->rate_label, rate);
      fill_grid (self, c);
    }
  kind = gtk_drop_down_get_selected (self->kind_filter);
  meetings = rh_meeting_list (self->db, branch, period.first, period.last,
                              kind == 0 || kind == GTK_INVALID_LIST_POSITION ? -1 : (int) kind - 1,
                              NULL);
  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    gtk_list_box_append (self->meeting_list, meeting_row (meetings->pdata[i]));

}

static void
filters_changed_cb (RhMeetingsPage *self)
{
  refresh (self);
}

static void
database_changed_cb (RhMeetingsPage *self)
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
rh_meetings_page_set_database (RhMeetingsPage *self, RhDatabase *db)
{
  g_set_object (&self->db, db);
  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  database_changed_cb (self);
}

void
rh_meetings_page_show (RhMeetingsPage *self, gint64 branch_id, int year)
{
  rh_org_dropdown_set_id (self->branch_dropdown, branch_id);
  gtk_spin_button_set_value (self->year_spin, year);
  refresh (self);
}

void
rh_meetings_page_get_shown (RhMeetingsPage *self, gint64 *branch_id, int *year)
{
  *branch_id = rh_org_dropdown_get_id (self->branch_dropdown);
  *year = gtk_spin_button_get_value_as_int (self->year_spin);
}

void
rh_meetings_page_new_meeting (RhMeetingsPage *self)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  gtk_window_present (GTK_WINDOW (rh_meeting_editor_new (parent, self->db, NULL,
                                                         rh_org_dropdown_get_id (self->branch_dropdown))));
}

static void
meeting_activated_cb (GtkListBox *box, GtkListBoxRow *row, RhMeetingsPage *self)
{
  gint64 id = (gintptr) g_object_get_data (G_OBJECT (row), "meeting-id");
  g_autoptr (RhMeeting) m = rh_meeting_load (self->db, id, NULL);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  if (m != NULL)
    gtk_window_present (GTK_WINDOW (rh_meeting_editor_new (parent, self->db, m, 0)));
}

static void
new_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  rh_meetings_page_new_meeting (RH_MEETINGS_PAGE (widget));
}

static void
rh_meetings_page_dispose (GObject *object)
{
  RhMeetingsPage *self = RH_MEETINGS_PAGE (object);
  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_MEETINGS_PAGE);
  rh_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rh_meetings_page_parent_class)->dispose (object);
}

static void
rh_meetings_page_class_init (RhMeetingsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_meetings_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RhMeetingsPage, branch_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RhMeetingsPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, RhMeetingsPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, RhMeetingsPage, rate_label);
  gtk_widget_class_bind_template_child (widget_class, RhMeetingsPage, compliance_grid);
  gtk_widget_class_bind_template_child (widget_class, RhMeetingsPage, legend_label);
  gtk_widget_class_bind_template_child (widget_class, RhMeetingsPage, meeting_list);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, meeting_activated_cb);
  gtk_widget_class_install_action (widget_class, "meetings.new", NULL, new_activated);
}

static void
rh_meetings_page_init (RhMeetingsPage *self)
{
  GtkWidget *placeholder;
  GDate today;

  GtkStringList *kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (kinds, _("All kinds"));
  for (int k = 0; k < RH_N_MEETING_KINDS; k++)
    gtk_string_list_append (kinds, rh_meeting_kind_label ((RhMeetingKind) k));
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));
  g_object_unref (kinds);
  placeholder = gtk_label_new (_("No meetings recorded in this year. Press + to record one."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->meeting_list, placeholder);
  rh_date_today (&today);
  gtk_spin_button_set_value (self->year_spin, g_date_get_year (&today));
  gtk_label_set_label (self->legend_label,
                       _("Green: held as required. Red: missed. Yellow: still running. "
                         "Each cell shows meetings held against required; a meeting below "
                         "quorum does not count."));
}
