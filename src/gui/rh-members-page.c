/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include "rh-gui-util.h"
#include "rh-list-stage.h"
#include "rh-member-editor.h"
#include "rh-member-view.h"
#include "rh-members-page.h"
#include "rh-org.h"
#include "rh-text-cell.h"

/* The columns, in the order of the template; each knows its text and its SQL sort. */
typedef enum {
  COL_NAME, COL_GENDER, COL_STATUS, COL_BRANCH, COL_GROUP, COL_ADMITTED, COL_POST, N_COLS
} Column;

static const RhMemberSort column_sorts[N_COLS] = {
  RH_MEMBER_SORT_NAME, RH_MEMBER_SORT_GENDER, RH_MEMBER_SORT_STATUS, RH_MEMBER_SORT_BRANCH,
  RH_MEMBER_SORT_GROUP, RH_MEMBER_SORT_ADMITTED, RH_MEMBER_SORT_POST,
};

struct _RhMembersPage
{
  GtkWidget           parent_instance;
  RhDatabase         *db;
  RhMemberList       *list;
  RhListStage        *stage;        /* what the view shows of list (see rh-list-stage.h) */
  guint               settle_id;    /* the idle that releases the stage after a frame */
  guint               trim_id;      /* the timeout that gives freed memory back (see trim_cb) */
  int                 row_height;   /* of a cell, last seen; 0 before any */
  GtkSingleSelection *selection;
  int                 probed_column;
  char               *last_query;   /* the filters of the last refresh, to skip repeats */
  gint64              trace_start;  /* RONGHE_TRACE: when the refresh to be painted began */
  gint64              trace_work;   /* RONGHE_TRACE: how long that refresh took */
  gint64              trace_frame;  /* RONGHE_TRACE: when the frame that paints it began */
  GHashTable         *bound;        /* GtkListItem of every bound cell → its Column + 1 */

  GtkSearchEntry     *search_entry;
  GtkDropDown        *org_filter;
  GtkDropDown        *status_filter;
  GtkToggleButton    *archived_toggle;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *columns[N_COLS];
  GtkLabel           *count_label;
};

G_DEFINE_FINAL_TYPE (RhMembersPage, rh_members_page, GTK_TYPE_WIDGET)

static const char *
column_text (RhMember *m, Column column)
{
  switch (column)
    {
    case COL_NAME: return m->name;
    case COL_GENDER: return rh_gender_label (m->gender);
    case COL_STATUS: return rh_status_label (m->status);
    case COL_BRANCH: return m->branch_name;
    case COL_GROUP: return m->group_name;
    case COL_ADMITTED: return m->admitted_date;
    case COL_POST: return m->post;
    default: return NULL;
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  /* GTK 4.8's column view keeps up to 200 rows of widgets and rebuilds them when the list
   * is re-queried: a cell that measures without shaping its text keeps that cheap. */
  gtk_list_item_set_child (item, rh_text_cell_new ());
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RhMembersPage *self)
{
  RhMember *m = gtk_list_item_get_item (item);
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "rh-column"));

  rh_text_cell_set_text (RH_TEXT_CELL (gtk_list_item_get_child (item)), column_text (m, column));
  g_hash_table_insert (self->bound, item, GINT_TO_POINTER (column + 1));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RhMembersPage *self)
{
  g_hash_table_remove (self->bound, item);
}

/* After a refresh the list signals only its change in length (rh-member-list.h): the cells
 * that stay re-read their row, which costs a redraw, not new row widgets. Only the cells
 * at positions from `from` to `to` (exclusive), so that the rows off screen can wait. */
static void
rebind_cells (RhMembersPage *self, guint from, guint to)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint position = gtk_list_item_get_position (key);
      g_autoptr (RhMember) m = NULL;
      RhTextCell *cell;

      if (position == GTK_INVALID_LIST_POSITION || position < from || position >= to)
        continue;
      /* Past the result's end: a row that the held stage removes after the frame. */
      if (position >= n && to == G_MAXUINT)
        continue;
      cell = RH_TEXT_CELL (gtk_list_item_get_child (key));
      m = position < n ? g_list_model_get_item (G_LIST_MODEL (self->list), position) : NULL;
      rh_text_cell_set_text (cell,
                             m != NULL ? column_text (m, GPOINTER_TO_INT (value) - 1) : NULL);
      /* The cells on screen are laid out while the frame is awaited. */
      if (to != G_MAXUINT)
        rh_text_cell_prepare (cell);
    }
}

/* GTK 4.8 has no API for the column view's primary sort column (it came in
 * 4.10), so each column's sorter records itself when the view's sorter asks
 * it: comparing two items tells which column leads and in which direction. */
static int
probe_compare (gconstpointer a, gconstpointer b, gpointer data)
{
  RhMembersPage *self = g_object_get_data (G_OBJECT (a), "rh-page");

  if (self != NULL)
    self->probed_column = GPOINTER_TO_INT (data);
  return GTK_ORDERING_SMALLER;
}

static gboolean
primary_sort (RhMembersPage *self, RhMemberSort *sort, gboolean *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  g_autoptr (RhMember) a = rh_member_new ();
  g_autoptr (RhMember) b = rh_member_new ();
  GtkOrdering order;

  g_object_set_data (G_OBJECT (a), "rh-page", self);
  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, a, b);
  if (self->probed_column < 0 || order == GTK_ORDERING_EQUAL)
    return FALSE;
  *sort = column_sorts[self->probed_column];
  *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}

static void
update_count (RhMembersPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *text = g_strdup_printf (gtk_toggle_button_get_active (self->archived_toggle)
                                             ? g_dngettext (GETTEXT_PACKAGE, "%u transferred out",
                                                            "%u transferred out", n)
                                             : g_dngettext (GETTEXT_PACKAGE, "%u member",
                                                            "%u members", n),
                                           n);
  gtk_label_set_label (self->count_label, text);
}

/* RONGHE_TRACE: the start of the frame that will show the refreshed list. */
static void
trace_frame_cb (RhMembersPage *self, GdkFrameClock *clock)
{
  self->trace_frame = g_get_monotonic_time ();
  g_signal_handlers_disconnect_by_func (clock, trace_frame_cb, self);
}

/* RONGHE_TRACE: the time from the start of a refresh to the frame that shows it
 * (ms), and Ronghe's work in it (work-ms): the refresh, then that frame from its
 * start to its end. The rest is the wait for the frame clock's next tick. */
static void
trace_painted_cb (RhMembersPage *self, GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();
  gint64 frame = self->trace_frame != 0 ? now - self->trace_frame : 0;

  g_printerr ("ronghe-trace: members-painted query=\"%s\" ms=%.2f work-ms=%.2f\n",
              gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
              (now - self->trace_start) / 1000.0, (self->trace_work + frame) / 1000.0);
  self->trace_start = self->trace_frame = 0;
  g_signal_handlers_disconnect_by_func (clock, trace_painted_cb, self);
}

/* How many rows fit in the view, from the height of a cell (a little less than a row's:
 * the estimate errs on the side of more rows); G_MAXUINT before any row was seen. */
static guint
visible_rows (RhMembersPage *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      GtkWidget *cell = gtk_widget_get_parent (gtk_list_item_get_child (item));
      int height = cell != NULL ? gtk_widget_get_height (cell) : 0;

      if (height > 0)
        {
          self->row_height = height;
          break;
        }
    }
  if (self->row_height <= 0)
    return G_MAXUINT;
  /* Two more for a row cut at each edge. */
  return (guint) (gtk_adjustment_get_page_size (adjustment) / self->row_height) + 2;
}

/* A search frees rows, cells' layouts and SQLite's buffers in many small blocks: the pages
 * they leave free are given back once the typing pauses, or resident memory keeps every
 * search's peak. Not after each keystroke: the next frame would fault in its buffers again,
 * 3 ms of a 16 ms budget (issue 8). */
#define TRIM_PAUSE_MS 2000

static gboolean
trim_cb (gpointer data)
{
  RH_MEMBERS_PAGE (data)->trim_id = 0;
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

static void
schedule_trim (RhMembersPage *self)
{
  g_clear_handle_id (&self->trim_id, g_source_remove);
  self->trim_id = g_timeout_add_full (G_PRIORITY_LOW, TRIM_PAUSE_MS, trim_cb, self, NULL);
}

/* After the frame that shows a refresh: the rest of its length change and the cells off
 * screen. Runs before the next input event (G_PRIORITY_HIGH), so input always meets the
 * whole list. */
static gboolean
settle_cb (gpointer data)
{
  RhMembersPage *self = data;

  self->settle_id = 0;
  rh_list_stage_release (self->stage);
  rebind_cells (self, 0, G_MAXUINT);
  schedule_trim (self);
  return G_SOURCE_REMOVE;
}

static void
settle_after_paint_cb (RhMembersPage *self, GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, settle_after_paint_cb, self);
  if (self->settle_id == 0 && self->stage != NULL)
    self->settle_id = g_idle_add_full (G_PRIORITY_HIGH, settle_cb, self, NULL);
}

/* Applies whatever a refresh left for after its frame, now. */
static void
settle_now (RhMembersPage *self)
{
  if (self->settle_id != 0)
    g_clear_handle_id (&self->settle_id, g_source_remove);
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                          settle_after_paint_cb, self);
  if (rh_list_stage_is_held (self->stage))
    settle_cb (self);
}

/* Re-queries unless the filters are those of the last query (GTK may emit
 * "changed" signals that change nothing); force after the data changed. */
static void
refresh_full (RhMembersPage *self, gboolean force)
{
  RhMemberSort sort = RH_MEMBER_SORT_NAME;
  gboolean descending = FALSE;
  guint status = gtk_drop_down_get_selected (self->status_filter);
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GError) error = NULL;
  guint visible = G_MAXUINT;

  g_autofree char *query = NULL;

  if (self->db == NULL)
    return;
  primary_sort (self, &sort, &descending);
  query = g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%u|%d|%d|%d",
                           gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                           rh_org_dropdown_get_id (self->org_filter), status,
                           gtk_toggle_button_get_active (self->archived_toggle), sort, descending);
  if (!force && g_strcmp0 (query, self->last_query) == 0)
    return;
  g_free (self->last_query);
  self->last_query = g_steal_pointer (&query);
  rh_member_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  rh_member_list_set_org (self->list, rh_org_dropdown_get_id (self->org_filter));
  rh_member_list_set_status (self->list, status == 0 || status == GTK_INVALID_LIST_POSITION
                                           ? -1 : (int) status - 1);
  rh_member_list_set_archived (self->list, gtk_toggle_button_get_active (self->archived_toggle));
  rh_member_list_set_sort (self->list, sort, descending);
  /* A new result starts at its top, with nothing selected. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view)), 0);
  /* On screen, the rows that show change now and the rest after the frame. */
  settle_now (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->column_view)))
    visible = visible_rows (self);
  if (visible != G_MAXUINT)
    rh_list_stage_hold (self->stage, visible);
  if (!rh_member_list_refresh (self->list, &error))
    g_warning ("%s", error->message);
  rebind_cells (self, 0, visible);
  if (visible != G_MAXUINT)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (settle_after_paint_cb), self, G_CONNECT_SWAPPED);
  update_count (self);
  /* RONGHE_TRACE prints timings for the benchmarks. */
  if (g_getenv ("RONGHE_TRACE") != NULL)
    g_printerr ("ronghe-trace: members-refresh query=\"%s\" rows=%u ms=%.2f\n",
                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                g_list_model_get_n_items (G_LIST_MODEL (self->list)),
                (g_get_monotonic_time () - start) / 1000.0);
  if (g_getenv ("RONGHE_TRACE") != NULL && gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      /* The updated list is on screen after the next paint. */
      if (self->trace_start == 0)
        {
          g_signal_connect_object (clock, "before-paint", G_CALLBACK (trace_frame_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (clock, "after-paint", G_CALLBACK (trace_painted_cb), self,
                                   G_CONNECT_SWAPPED);
        }
      self->trace_start = start;
      self->trace_work = g_get_monotonic_time () - start;
    }
}

static void
filters_changed_cb (RhMembersPage *self)
{
  refresh_full (self, FALSE);
}

static void
fill_filters (RhMembersPage *self)
{
  gint64 org = rh_org_dropdown_get_id (self->org_filter);

  g_signal_handlers_block_by_func (self->org_filter, filters_changed_cb, self);
  rh_org_dropdown_fill (self->org_filter, self->db,
                        (1u << RH_ORG_COMMITTEE) | (1u << RH_ORG_GENERAL_BRANCH)
                          | (1u << RH_ORG_BRANCH) | (1u << RH_ORG_GROUP),
                        _("All organisations"));
  rh_org_dropdown_set_id (self->org_filter, org);
  g_signal_handlers_unblock_by_func (self->org_filter, filters_changed_cb, self);
}

static void
database_changed_cb (RhMembersPage *self)
{
  fill_filters (self);
  refresh_full (self, TRUE);
}

void
rh_members_page_set_database (RhMembersPage *self, RhDatabase *db)
{
  g_set_object (&self->db, db);
  if (self->stage != NULL)
    settle_now (self);
  g_clear_object (&self->stage);
  g_clear_object (&self->list);
  self->list = rh_member_list_new (db);
  rh_member_list_read_ahead (self->list);
  self->stage = rh_list_stage_new (G_LIST_MODEL (self->list));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->stage));
  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  database_changed_cb (self);
}

RhMemberList *
rh_members_page_get_list (RhMembersPage *self)
{
  return self->list;
}

void
rh_members_page_focus_search (RhMembersPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
rh_members_page_new_member (RhMembersPage *self)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  RhMemberEditor *editor = rh_member_editor_new (parent, self->db, NULL,
                                                 rh_org_dropdown_get_id (self->org_filter));

  gtk_window_present (GTK_WINDOW (editor));
}

void
rh_members_page_open_member (RhMembersPage *self, gint64 member_id)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  RhMemberView *view = rh_member_view_new (parent, self->db, member_id);
  int pos = rh_member_list_find (self->list, member_id);

  settle_now (self);
  if (pos >= 0)
    {
      gtk_single_selection_set_selected (self->selection, (guint) pos);
      gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", pos);
    }
  if (view != NULL)
    gtk_window_present (GTK_WINDOW (view));
}

static void
row_activated_cb (GtkColumnView *view, guint position, RhMembersPage *self)
{
  g_autoptr (RhMember) m = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (m != NULL && m->id != 0)
    rh_members_page_open_member (self, m->id);
}

static void
new_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  rh_members_page_new_member (RH_MEMBERS_PAGE (widget));
}

static void
rh_members_page_dispose (GObject *object)
{
  RhMembersPage *self = RH_MEMBERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_MEMBERS_PAGE);
  rh_widget_unparent_children (GTK_WIDGET (self));
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_handle_id (&self->trim_id, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->stage);
  g_clear_object (&self->list);
  g_clear_object (&self->db);
  g_clear_pointer (&self->last_query, g_free);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  G_OBJECT_CLASS (rh_members_page_parent_class)->dispose (object);
}

static void
rh_members_page_class_init (RhMembersPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_members_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RhMembersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RhMembersPage, org_filter);
  gtk_widget_class_bind_template_child (widget_class, RhMembersPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, RhMembersPage, archived_toggle);
  gtk_widget_class_bind_template_child (widget_class, RhMembersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RhMembersPage, count_label);
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE,
                                             G_STRUCT_OFFSET (RhMembersPage, columns[COL_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "gender_column", FALSE,
                                             G_STRUCT_OFFSET (RhMembersPage, columns[COL_GENDER]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_column", FALSE,
                                             G_STRUCT_OFFSET (RhMembersPage, columns[COL_STATUS]));
  gtk_widget_class_bind_template_child_full (widget_class, "branch_column", FALSE,
                                             G_STRUCT_OFFSET (RhMembersPage, columns[COL_BRANCH]));
  gtk_widget_class_bind_template_child_full (widget_class, "group_column", FALSE,
                                             G_STRUCT_OFFSET (RhMembersPage, columns[COL_GROUP]));
  gtk_widget_class_bind_template_child_full (widget_class, "admitted_column", FALSE,
                                             G_STRUCT_OFFSET (RhMembersPage, columns[COL_ADMITTED]));
  gtk_widget_class_bind_template_child_full (widget_class, "post_column", FALSE,
                                             G_STRUCT_OFFSET (RhMembersPage, columns[COL_POST]));
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "members.new", NULL, new_activated);
}

static void
setup_columns (RhMembersPage *self)
{
  for (int c = 0; c < N_COLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (c),
                                                             NULL));

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_object_set_data (G_OBJECT (factory), "rh-column", GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), self);
      gtk_column_view_column_set_factory (self->columns[c], factory);
      gtk_column_view_column_set_sorter (self->columns[c], sorter);
      g_object_unref (factory);
      g_object_unref (sorter);
    }
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (filters_changed_cb), self);
}

static void
rh_members_page_init (RhMembersPage *self)
{
  GtkStringList *statuses = gtk_string_list_new (NULL);

  self->bound = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (statuses, _("All statuses"));
  for (int s = 0; s < RH_N_STATUSES; s++)
    gtk_string_list_append (statuses, rh_status_label ((RhMemberStatus) s));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  g_object_unref (statuses);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  setup_columns (self);
}
