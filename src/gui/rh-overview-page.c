/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-date.h"
#include "rh-gui-util.h"
#include "rh-org.h"
#include "rh-overview-page.h"
#include "rh-rules.h"
#include "rh-window.h"

/* A committee of thousands of branches can have thousands of reminders;
 * the page shows the most urgent ones. */
#define MAX_REMINDER_ROWS 100
/* Rows built before the first frame (about a window's height); the others are added when the
 * main loop is idle, since each row costs about a millisecond to build and lay out. */
#define FIRST_REMINDER_ROWS 12

struct _RhOverviewPage
{
  GtkWidget   parent_instance;
  RhDatabase *db;

  GtkLabel   *title_label;
  GtkFlowBox *counts_box;
  GtkLabel   *reminders_summary;
  GtkListBox *reminders_list;
  GPtrArray  *pending;       /* reminders still to be shown as rows */
  guint       pending_at;
  guint       pending_id;    /* idle source that adds them */
  gboolean    reminders_stale;   /* to be computed when next shown */
};

G_DEFINE_FINAL_TYPE (RhOverviewPage, rh_overview_page, GTK_TYPE_WIDGET)

static GtkWidget *
count_card (int value, const char *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *number = g_strdup_printf ("%d", value);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *text_label = gtk_label_new (label);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "rh-count");
  gtk_widget_add_css_class (number_label, "title-1");
  gtk_widget_add_css_class (text_label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (text_label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), text_label);
  return box;
}

/* counts: already computed (at start-up, see rh-application.c), or NULL to compute them. */
static void
fill_counts (RhOverviewPage *self, const RhCounts *counts)
{
  RhCounts c;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->counts_box))) != NULL)
    gtk_flow_box_remove (self->counts_box, child);
  if (counts != NULL)
    c = *counts;
  else if (!rh_counts_compute (self->db, &c, NULL))
    return;
  gtk_flow_box_append (self->counts_box, count_card (c.branches, _("Branches")));
  gtk_flow_box_append (self->counts_box, count_card (c.groups, _("Party groups")));
  gtk_flow_box_append (self->counts_box, count_card (c.members_by_status[RH_STATUS_FULL],
                                                     _("Full members")));
  gtk_flow_box_append (self->counts_box, count_card (c.members_by_status[RH_STATUS_PROBATIONARY],
                                                     _("Probationary members")));
  gtk_flow_box_append (self->counts_box, count_card (c.members_by_status[RH_STATUS_CANDIDATE],
                                                     _("Candidates")));
  gtk_flow_box_append (self->counts_box, count_card (c.members_by_status[RH_STATUS_ACTIVIST],
                                                     _("Activists")));
  gtk_flow_box_append (self->counts_box, count_card (c.members_by_status[RH_STATUS_APPLICANT],
                                                     _("Applicants")));
  gtk_flow_box_append (self->counts_box, count_card (c.general_branches, _("General branches")));
  gtk_flow_box_append (self->counts_box, count_card (c.members_archived, _("Transferred out")));
}

static GtkWidget *
reminder_row (RhReminder *r)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (r->overdue ? "dialog-warning-symbolic"
                                                             : "alarm-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), r->detail);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (r->overdue)
    gtk_widget_add_css_class (icon, "error");
  else
    gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data (G_OBJECT (row), "org-id", (gpointer) (gintptr) r->org_id);
  g_object_set_data (G_OBJECT (row), "member-id", (gpointer) (gintptr) r->member_id);
  g_object_set_data (G_OBJECT (row), "meetings", GINT_TO_POINTER (r->kind == RH_REMINDER_MEETINGS_DUE));
  return row;
}

static void
clear_pending (RhOverviewPage *self)
{
  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
}

static gboolean
add_pending_rows (gpointer data)
{
  RhOverviewPage *self = data;
  guint end = MIN (MIN (self->pending->len, MAX_REMINDER_ROWS), self->pending_at + 25);

  for (; self->pending_at < end; self->pending_at++)
    gtk_list_box_append (self->reminders_list, reminder_row (self->pending->pdata[self->pending_at]));
  if (end < MIN (self->pending->len, MAX_REMINDER_ROWS))
    return G_SOURCE_CONTINUE;
  self->pending_id = 0;
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  return G_SOURCE_REMOVE;
}

static void
fill_reminders (RhOverviewPage *self)
{
  GDate today;
  g_autoptr (GPtrArray) reminders = NULL;
  g_autofree char *summary = NULL;

  clear_pending (self);
  rh_list_box_remove_all (self->reminders_list);
  rh_date_today (&today);
  reminders = rh_reminders_compute (self->db, &today, NULL);
  if (reminders == NULL)
    return;
  for (guint i = 0; i < reminders->len && i < FIRST_REMINDER_ROWS; i++)
    gtk_list_box_append (self->reminders_list, reminder_row (reminders->pdata[i]));
  if (reminders->len > FIRST_REMINDER_ROWS)
    {
      self->pending = g_ptr_array_ref (reminders);
      self->pending_at = FIRST_REMINDER_ROWS;
      self->pending_id = g_idle_add_full (G_PRIORITY_LOW, add_pending_rows, self, NULL);
    }
  if (reminders->len == 0)
    summary = g_strdup (_("Nothing is due: committee terms, probation and the pipeline are on time."));
  else if (reminders->len > MAX_REMINDER_ROWS)
    summary = g_strdup_printf (_("%u items need attention; the %d most urgent are shown."),
                               reminders->len, MAX_REMINDER_ROWS);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item needs attention.",
                                            "%u items need attention.", reminders->len),
                               reminders->len);
  gtk_label_set_label (self->reminders_summary, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->reminders_list), reminders->len > 0);
}

static void
fill_title (RhOverviewPage *self)
{
  g_autoptr (GPtrArray) roots = rh_org_list_children (self->db, 0, NULL);

  gtk_label_set_label (self->title_label, roots != NULL && roots->len > 0
                                            ? ((RhOrg *) roots->pdata[0])->name
                                            : _("Overview"));
}

static gboolean
reminders_idle (gpointer data)
{
  RhOverviewPage *self = data;

  self->pending_id = 0;
  fill_reminders (self);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock, RhOverviewPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  clear_pending (self);
  self->pending_id = g_idle_add_full (G_PRIORITY_LOW, reminders_idle, self, NULL);
}

/* After the next frame that shows the page. */
static void
schedule_reminders (RhOverviewPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->reminders_stale = FALSE;
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The reminders read every member, term and branch (a quarter of a second for a committee
 * of 100,000 members): they are computed once the page has been drawn. */
static void
fill (RhOverviewPage *self, const RhCounts *counts)
{
  fill_title (self);
  fill_counts (self, counts);
  clear_pending (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    schedule_reminders (self);
  else
    self->reminders_stale = TRUE;
}

static void
refresh (RhOverviewPage *self)
{
  fill (self, NULL);
}

static void
rh_overview_page_map (GtkWidget *widget)
{
  RhOverviewPage *self = RH_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (rh_overview_page_parent_class)->map (widget);
  if (self->reminders_stale)
    schedule_reminders (self);
}

static void
reminder_activated_cb (GtkListBox *box, GtkListBoxRow *row, RhOverviewPage *self)
{
  RhWindow *window = rh_window_for (GTK_WIDGET (self));
  gint64 member_id = (gintptr) g_object_get_data (G_OBJECT (row), "member-id");
  gint64 org_id = (gintptr) g_object_get_data (G_OBJECT (row), "org-id");

  if (window == NULL)
    return;
  if (member_id != 0)
    rh_window_show_member (window, member_id);
  else if (g_object_get_data (G_OBJECT (row), "meetings") != NULL)
    rh_window_show_meetings (window, org_id);
  else if (org_id != 0)
    rh_window_show_org (window, org_id);
}

void
rh_overview_page_set_database (RhOverviewPage *self, RhDatabase *db, const RhCounts *counts)
{
  g_set_object (&self->db, db);
  g_signal_connect_object (db, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  fill (self, counts);
}

static void
rh_overview_page_dispose (GObject *object)
{
  RhOverviewPage *self = RH_OVERVIEW_PAGE (object);

  clear_pending (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_OVERVIEW_PAGE);
  rh_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rh_overview_page_parent_class)->dispose (object);
}

static void
rh_overview_page_class_init (RhOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_overview_page_dispose;
  widget_class->map = rh_overview_page_map;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RhOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RhOverviewPage, counts_box);
  gtk_widget_class_bind_template_child (widget_class, RhOverviewPage, reminders_summary);
  gtk_widget_class_bind_template_child (widget_class, RhOverviewPage, reminders_list);
  gtk_widget_class_bind_template_callback (widget_class, reminder_activated_cb);
}

static void
rh_overview_page_init (RhOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
