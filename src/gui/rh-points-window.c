/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-date.h"
#include "rh-gui-util.h"
#include "rh-member-view.h"
#include "rh-org.h"
#include "rh-points-window.h"
#include "rh-types.h"

/* A list item holding one member's points; the table sorts these in memory
 * (a branch has tens of members, not thousands). */
#define RH_TYPE_POINTS_ITEM (rh_points_item_get_type ())
G_DECLARE_FINAL_TYPE (RhPointsItem, rh_points_item, RH, POINTS_ITEM, GObject)

struct _RhPointsItem
{
  GObject   parent_instance;
  RhPoints *points;
  guint     order;   /* by pinyin, as the core lists names */
};

G_DEFINE_FINAL_TYPE (RhPointsItem, rh_points_item, G_TYPE_OBJECT)

static void
rh_points_item_finalize (GObject *object)
{
  rh_points_free (RH_POINTS_ITEM (object)->points);
  G_OBJECT_CLASS (rh_points_item_parent_class)->finalize (object);
}

static void
rh_points_item_class_init (RhPointsItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rh_points_item_finalize;
}

static void
rh_points_item_init (RhPointsItem *self)
{
}

typedef enum {
  COL_RANK, COL_NAME, COL_STATUS, COL_Q1, COL_Q2, COL_Q3, COL_Q4, COL_TOTAL, COL_LEVEL,
  COL_REVIEW, N_COLS
} Column;

struct _RhPointsWindow
{
  AdwWindow            parent_instance;
  RhDatabase          *db;
  gint64               branch_id;
  GListStore          *store;
  GtkStringList       *review_labels;
  gboolean             own_change;   /* a review set here: the rows are already right */

  AdwWindowTitle      *window_title;
  GtkSpinButton       *year_spin;
  GtkLabel            *message_label;
  GtkLabel            *summary_label;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLS];
};

G_DEFINE_FINAL_TYPE (RhPointsWindow, rh_points_window, ADW_TYPE_WINDOW)

static char *
signed_points (double v)
{
  return v < 0 ? g_strdup_printf ("−%g", -v) : v > 0 ? g_strdup_printf ("+%g", v) : g_strdup ("0");
}

static char *
cell_text (RhPoints *p, Column c)
{
  switch (c)
    {
    case COL_RANK: return g_strdup_printf ("%d", p->rank);
    case COL_NAME: return g_strdup (p->name);
    case COL_STATUS:
      return g_strdup (rh_status_label (p->probationary ? RH_STATUS_PROBATIONARY : RH_STATUS_FULL));
    case COL_Q1: case COL_Q2: case COL_Q3: case COL_Q4:
      return signed_points (p->quarters[c - COL_Q1]);
    case COL_TOTAL:
      return p->vetoed ? g_strdup (_("0 (veto)")) : g_strdup_printf ("%g", p->total);
    case COL_LEVEL: return g_strdup (p->level);
    default: return g_strdup ("");
    }
}

static void
setup_cb (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  Column c = (Column) GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label),
                        c == COL_NAME || c == COL_STATUS || c == COL_LEVEL ? 0 : 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (c != COL_NAME && c != COL_STATUS && c != COL_LEVEL)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  Column c = (Column) GPOINTER_TO_INT (data);
  RhPoints *p = RH_POINTS_ITEM (gtk_list_item_get_item (item))->points;
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (p, c);

  gtk_label_set_label (GTK_LABEL (label), text);
  /* Probationary members are reviewed apart: their status stands out. */
  if (c == COL_STATUS && p->probationary)
    gtk_widget_add_css_class (label, "accent");
  else
    gtk_widget_remove_css_class (label, "accent");
  if ((c == COL_TOTAL && p->vetoed) || (c >= COL_Q1 && c <= COL_Q4 && p->quarters[c - COL_Q1] < 0))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

/* The quota: how many of the full (or probationary) members are rated 优秀. */
static void
update_summary (RhPointsWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint full = 0, probationary = 0, full_excellent = 0, prob_excellent = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RhPointsItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      gboolean excellent = item->points->review == RH_REVIEW_EXCELLENT;

      if (item->points->probationary)
        probationary++, prob_excellent += excellent;
      else
        full++, full_excellent += excellent;
    }
  summary = g_strdup_printf (_("%u full members, %u probationary · rated excellent (优秀): %u of "
                               "at most %u full, %u of at most %u probationary"),
                             full, probationary, full_excellent, full / 3, prob_excellent,
                             probationary / 3);
  gtk_label_set_label (self->summary_label, summary);
}

static void
show_message (RhPointsWindow *self, const char *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
review_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, RhPointsWindow *self)
{
  RhPointsItem *item = g_object_get_data (G_OBJECT (dropdown), "rh-item");
  int grade = (int) gtk_drop_down_get_selected (dropdown) - 1;
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (item == NULL || g_object_get_data (G_OBJECT (dropdown), "rh-filling") != NULL
      || grade == item->points->review)
    return;
  ok = grade < 0 ? rh_review_clear (self->db, item->points->member_id, year, &error)
                 : rh_review_set (self->db, item->points->member_id, year, (RhReviewGrade) grade,
                                  NULL, &error);
  if (!ok)
    {
      /* Refused (the quota): the stored grade stays, and the message says why. */
      g_autofree char *message = g_strdup_printf (C_("name: message", "%s: %s"),
                                                item->points->name, error->message);
      g_object_set_data (G_OBJECT (dropdown), "rh-filling", GINT_TO_POINTER (1));
      gtk_drop_down_set_selected (dropdown, (guint) (item->points->review + 1));
      g_object_set_data (G_OBJECT (dropdown), "rh-filling", NULL);
      show_message (self, message);
      return;
    }
  item->points->review = grade;
  show_message (self, NULL);
  update_summary (self);
  self->own_change = TRUE;
  rh_database_emit_changed (self->db);
  self->own_change = FALSE;
}

static void
review_setup_cb (GtkSignalListItemFactory *f, GtkListItem *item, RhPointsWindow *self)
{
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->review_labels)), NULL);

  gtk_widget_add_css_class (dropdown, "flat");
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (review_selected_cb), self, 0);
  gtk_list_item_set_child (item, dropdown);
}

static void
review_bind_cb (GtkSignalListItemFactory *f, GtkListItem *item, RhPointsWindow *self)
{
  RhPointsItem *pi = gtk_list_item_get_item (item);
  GtkWidget *dropdown = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (dropdown), "rh-filling", GINT_TO_POINTER (1));
  g_object_set_data (G_OBJECT (dropdown), "rh-item", pi);
  /* Lets a test (or an accessibility tool) tell the rows' drop-downs apart. */
  g_object_set_data (G_OBJECT (dropdown), "rh-member-id", &pi->points->member_id);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), (guint) (pi->points->review + 1));
  g_object_set_data (G_OBJECT (dropdown), "rh-filling", NULL);
  {
    g_autofree char *label = g_strdup_printf (_("Democratic review of %s"), pi->points->name);
    gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
  }
}

static void
review_unbind_cb (GtkSignalListItemFactory *f, GtkListItem *item, RhPointsWindow *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "rh-item", NULL);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "rh-member-id", NULL);
}

static double
sort_value (RhPointsItem *item, Column c)
{
  RhPoints *p = item->points;

  switch (c)
    {
    case COL_RANK: return -p->rank;
    case COL_NAME: return -(double) item->order;
    case COL_STATUS: return p->probationary ? 0 : 1;
    case COL_Q1: case COL_Q2: case COL_Q3: case COL_Q4: return p->quarters[c - COL_Q1];
    case COL_REVIEW: return p->review < 0 ? -1 : RH_N_REVIEW_GRADES - p->review;
    default: return p->total;   /* the total, and the level that follows it */
    }
}

/* Best first in every column: higher points, better ranks and grades; names by pinyin. */
static int
compare_cb (gconstpointer a, gconstpointer b, gpointer data)
{
  double x = sort_value (RH_POINTS_ITEM ((gpointer) a), (Column) GPOINTER_TO_INT (data));
  double y = sort_value (RH_POINTS_ITEM ((gpointer) b), (Column) GPOINTER_TO_INT (data));

  return x > y ? GTK_ORDERING_SMALLER : x < y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
refresh (RhPointsWindow *self)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) by_name = NULL;
  g_autoptr (GError) error = NULL;
  RhPeriod year;

  if (self->db == NULL || self->own_change)
    return;
  rh_period_init (&year, RH_PERIOD_YEAR, gtk_spin_button_get_value_as_int (self->year_spin), 0);
  all = rh_points_for_branch (self->db, self->branch_id, &year, &error);
  g_list_store_remove_all (self->store);
  if (all == NULL)
    {
      show_message (self, error->message);
      return;
    }
  for (guint i = 0; i < all->len; i++)
    {
      RhPointsItem *item = g_object_new (RH_TYPE_POINTS_ITEM, NULL);
      item->points = g_steal_pointer (&all->pdata[i]);
      g_list_store_append (self->store, item);
      g_object_unref (item);
    }
  g_ptr_array_set_free_func (all, NULL);
  /* The names' pinyin order, for sorting by name: the core sorted by total. */
  {
    sqlite3_stmt *stmt = rh_database_prepare (self->db, "SELECT id FROM member WHERE org_id = ?1"
                                                        " ORDER BY pinyin", NULL);
    g_autoptr (GHashTable) order = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    guint n = 0;

    if (stmt != NULL)
      {
        sqlite3_bind_int64 (stmt, 1, self->branch_id);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            gint64 *id = g_new (gint64, 1);
            *id = sqlite3_column_int64 (stmt, 0);
            g_hash_table_insert (order, id, GUINT_TO_POINTER (n++));
          }
        sqlite3_reset (stmt);
      }
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
      {
        g_autoptr (RhPointsItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
        item->order = GPOINTER_TO_UINT (g_hash_table_lookup (order, &item->points->member_id));
      }
  }
  update_summary (self);
}

/* A row opens the member's page at the same year. */
static void
row_activated_cb (GtkColumnView *view, guint position, RhPointsWindow *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (RhPointsItem) item = g_list_model_get_item (model, position);
  RhMemberView *member;

  if (item == NULL)
    return;
  member = rh_member_view_new (GTK_WINDOW (self), self->db, item->points->member_id);
  if (member == NULL)
    return;
  rh_member_view_set_year (member, gtk_spin_button_get_value_as_int (self->year_spin));
  gtk_window_present (GTK_WINDOW (member));
}

/* ---- Printing: the table for the review meeting (民主评议党员大会), A4 portrait ------------ */

#define FONT "Noto Sans CJK SC, Sans"
#define ROW_HEIGHT 18.0

/* Column edges as shares of the page width, and which are right-aligned. */
static const double column_share[N_COLS] = { 0.07, 0.17, 0.15, 0.065, 0.065, 0.065, 0.065, 0.10,
                                             0.08, 0.17 };

static void
print_cell (cairo_t *cr, PangoLayout *layout, const char *text, double x, double width, double y,
            gboolean right, gboolean bold)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT);

  pango_font_description_set_absolute_size (font, 9 * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((width - 6) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x + (right ? 0 : 3), y + 3);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
}

static double
print_line (cairo_t *cr, PangoLayout *layout, const char *text, double size, gboolean bold,
            double width, double y)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT);
  int h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &h);
  pango_font_description_free (font);
  return y + (double) h / PANGO_SCALE;
}

/* The rows as the table shows them (its sort order). */
static GListModel *
shown_rows (RhPointsWindow *self)
{
  return G_LIST_MODEL (gtk_column_view_get_model (self->column_view));
}

/* The title block is on the first page; the others repeat the column heads only. */
static double
title_height (void)
{
  return 70;
}

static int
rows_per_page (GtkPrintContext *context, int page)
{
  double height = gtk_print_context_get_height (context) - 24 /* page number */;

  return MAX (1, (int) ((height - (page == 0 ? title_height () : 0)) / ROW_HEIGHT) - 1);
}

static void
begin_print_cb (GtkPrintOperation *op, GtkPrintContext *context, RhPointsWindow *self)
{
  guint n = g_list_model_get_n_items (shown_rows (self));
  int pages = 1;

  for (guint done = rows_per_page (context, 0); done < n; pages++)
    done += rows_per_page (context, pages);
  gtk_print_operation_set_n_pages (op, pages);
  g_object_set_data (G_OBJECT (op), "rh-pages", GINT_TO_POINTER (pages));
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page, RhPointsWindow *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr (PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  GListModel *rows = shown_rows (self);
  guint n = g_list_model_get_n_items (rows), first = 0;
  g_autofree char *page_label = NULL;
  double y = 0, x;

  for (int p = 0; p < page; p++)
    first += rows_per_page (context, p);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (page == 0)
    {
      g_autofree char *heading = g_strdup_printf (_("Member Points and Democratic Review, %d"),
                                                  gtk_spin_button_get_value_as_int (self->year_spin));
      y = print_line (cr, layout, adw_window_title_get_subtitle (self->window_title), 13, TRUE,
                      width, y) + 2;
      y = print_line (cr, layout, heading, 11, FALSE, width, y) + 2;
      y = print_line (cr, layout, gtk_label_get_label (self->summary_label), 8.5, FALSE, width, y);
      y = MAX (y + 8, title_height ());
    }
  /* Column heads, then the rows, with rules between them. */
  for (guint r = first; r <= MIN (n, first + rows_per_page (context, page)); r++)
    {
      g_autoptr (RhPointsItem) item = r == first ? NULL : g_list_model_get_item (rows, r - 1);

      if (r > first && item == NULL)
        break;
      x = 0;
      for (int c = 0; c < N_COLS; c++)
        {
          double w = column_share[c] * width;
          gboolean right = c == COL_RANK || (c >= COL_Q1 && c <= COL_TOTAL);
          g_autofree char *text = NULL;

          if (item == NULL)
            text = g_strdup (gtk_column_view_column_get_title (self->columns[c]));
          else if (c == COL_REVIEW)
            text = g_strdup (item->points->review >= 0
                               ? rh_review_grade_label (item->points->review) : "");
          else
            text = cell_text (item->points, c);
          print_cell (cr, layout, text, x, w, y, right, item == NULL);
          x += w;
        }
      y += ROW_HEIGHT;
      cairo_set_line_width (cr, item == NULL ? 0.8 : 0.3);
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, width, y);
      cairo_stroke (cr);
    }
  /* The last page ends with the lines the secretary signs at the meeting. */
  if (first + rows_per_page (context, page) >= n && y + 3 * ROW_HEIGHT < height - 24)
    {
      PangoFontDescription *font = pango_font_description_from_string (FONT);

      pango_font_description_set_absolute_size (font, 10 * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_text (layout, _("Branch secretary (signature): ____________    "
                                       "Date: ____________"), -1);
      cairo_move_to (cr, 0, y + 2 * ROW_HEIGHT);
      pango_cairo_show_layout (cr, layout);
      pango_font_description_free (font);
    }
  page_label = g_strdup_printf (_("Page %d of %d"), page + 1,
                                GPOINTER_TO_INT (g_object_get_data (G_OBJECT (op), "rh-pages")));
  print_line (cr, layout, page_label, 8, FALSE, width, height - 14);
}

static void
print_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhPointsWindow *self = RH_POINTS_WINDOW (widget);
  g_autoptr (GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr (GError) error = NULL;

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_top_margin (setup, 20, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 15, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 18, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 18, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_job_name (op, gtk_window_get_title (GTK_WINDOW (self)));
  /* RONGHE_PRINT_PDF writes the pages to a file without a dialog (tests, look-ups). */
  if (g_getenv ("RONGHE_PRINT_PDF") != NULL)
    gtk_print_operation_set_export_filename (op, g_getenv ("RONGHE_PRINT_PDF"));
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), self);
  if (gtk_print_operation_run (op, g_getenv ("RONGHE_PRINT_PDF") != NULL
                                     ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                     : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_message (self, error->message);
}

static void
year_changed_cb (RhPointsWindow *self)
{
  show_message (self, NULL);
  refresh (self);
}

void
rh_points_window_set_year (RhPointsWindow *self, int year)
{
  gtk_spin_button_set_value (self->year_spin, year);
}

const RhPoints *
rh_points_window_find (RhPointsWindow *self, gint64 member_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr (RhPointsItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      if (item->points->member_id == member_id)
        return item->points;
    }
  return NULL;
}

static void
rh_points_window_dispose (GObject *object)
{
  RhPointsWindow *self = RH_POINTS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_POINTS_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->review_labels);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rh_points_window_parent_class)->dispose (object);
}

static void
rh_points_window_class_init (RhPointsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const names[N_COLS] = {
    "rank_column", "name_column", "status_column", "q1_column", "q2_column", "q3_column",
    "q4_column", "total_column", "level_column", "review_column",
  };

  G_OBJECT_CLASS (klass)->dispose = rh_points_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-points-window.ui");
  for (int c = 0; c < N_COLS; c++)
    gtk_widget_class_bind_template_child_full (widget_class, names[c], FALSE,
                                               G_STRUCT_OFFSET (RhPointsWindow, columns[c]));
  gtk_widget_class_bind_template_child (widget_class, RhPointsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RhPointsWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, RhPointsWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, RhPointsWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RhPointsWindow, column_view);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "points.print", NULL, print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "points.print",
                                       NULL);
}

static void
rh_points_window_init (RhPointsWindow *self)
{
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->review_labels = gtk_string_list_new (NULL);
  gtk_string_list_append (self->review_labels, _("Not reviewed"));
  for (int g = 0; g < RH_N_REVIEW_GRADES; g++)
    gtk_string_list_append (self->review_labels, rh_review_grade_label ((RhReviewGrade) g));

  self->store = g_list_store_new (RH_TYPE_POINTS_ITEM);
  for (int c = 0; c < N_COLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (c), NULL));

      if (c == COL_REVIEW)
        {
          g_signal_connect (factory, "setup", G_CALLBACK (review_setup_cb), self);
          g_signal_connect (factory, "bind", G_CALLBACK (review_bind_cb), self);
          g_signal_connect (factory, "unbind", G_CALLBACK (review_unbind_cb), self);
        }
      else
        {
          g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (c));
          g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (c));
        }
      gtk_column_view_column_set_factory (self->columns[c], factory);
      gtk_column_view_column_set_sorter (self->columns[c], sorter);
      g_object_unref (factory);
      g_object_unref (sorter);
    }
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_sort_by_column (self->column_view, self->columns[COL_RANK], GTK_SORT_ASCENDING);
}

RhPointsWindow *
rh_points_window_new (GtkWindow *parent, RhDatabase *db, gint64 branch_id, int year)
{
  RhPointsWindow *self = g_object_new (RH_TYPE_POINTS_WINDOW, "transient-for", parent, NULL);
  g_autofree char *branch = rh_org_path_label (db, branch_id);

  self->db = g_object_ref (db);
  self->branch_id = branch_id;
  adw_window_title_set_subtitle (self->window_title, branch);
  g_signal_connect_object (db, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  gtk_spin_button_set_value (self->year_spin, year);
  refresh (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->column_view));
  return self;
}
