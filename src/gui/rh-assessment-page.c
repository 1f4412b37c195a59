/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-assessment-editor.h"
#include "rh-assessment-page.h"
#include "rh-assessment.h"
#include "rh-date.h"
#include "rh-gui-util.h"
#include "rh-points-window.h"

/* A list item holding one branch's result; the table sorts these in memory. */
#define RH_TYPE_RESULT_ITEM (rh_result_item_get_type ())
G_DECLARE_FINAL_TYPE (RhResultItem, rh_result_item, RH, RESULT_ITEM, GObject)

struct _RhResultItem
{
  GObject        parent_instance;
  RhScoreResult *result;
};

G_DEFINE_FINAL_TYPE (RhResultItem, rh_result_item, G_TYPE_OBJECT)

static void
rh_result_item_finalize (GObject *object)
{
  rh_score_result_free (RH_RESULT_ITEM (object)->result);
  G_OBJECT_CLASS (rh_result_item_parent_class)->finalize (object);
}

static void
rh_result_item_class_init (RhResultItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rh_result_item_finalize;
}

static void
rh_result_item_init (RhResultItem *self)
{
}

typedef enum {
  COL_RANK, COL_BRANCH, COL_PARTY, COL_BUSINESS, COL_TOTAL, COL_GRADE, COL_STARS, COL_CHANGE,
  COL_STATUS, N_COLS
} Column;

struct _RhAssessmentPage
{
  GtkWidget            parent_instance;
  RhDatabase          *db;
  GListStore          *store;

  GtkSpinButton       *year_spin;
  GtkDropDown         *quarter_dropdown;
  GtkLabel            *summary_label;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLS];
};

G_DEFINE_FINAL_TYPE (RhAssessmentPage, rh_assessment_page, GTK_TYPE_WIDGET)

static char *
number (double v)
{
  return isnan (v) ? g_strdup ("—") : g_strdup_printf ("%.2f", v);
}

static char *
cell_text (RhScoreResult *r, Column c)
{
  if (r->assessment_id == 0 && c != COL_BRANCH && c != COL_STATUS)
    return g_strdup ("");
  switch (c)
    {
    case COL_RANK: return g_strdup_printf ("%d", r->rank);
    case COL_BRANCH: return g_strdup (r->org_name);
    case COL_PARTY: return number (r->party);
    case COL_BUSINESS: return number (r->business);
    case COL_TOTAL: return number (r->total);
    case COL_GRADE: return g_strdup (r->grade ? r->grade : "");
    case COL_STARS:
      {
        GString *s = g_string_new (NULL);
        for (int i = 0; i < 5; i++)
          g_string_append (s, i < r->star_level ? "★" : "☆");
        return g_string_free (s, FALSE);
      }
    case COL_CHANGE:
      return isnan (r->change) ? g_strdup ("") : g_strdup_printf ("%+.2f", r->change);
    case COL_STATUS:
      return g_strdup (r->assessment_id == 0 ? _("Not assessed")
                                             : rh_assessment_status_label (r->status));
    default:
      return g_strdup ("");
    }
}

static void
setup_cb (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (data) == COL_BRANCH ? 0 : 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (data) == COL_STARS)
    gtk_widget_add_css_class (label, "rh-stars");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  RhResultItem *ri = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (ri->result, (Column) GPOINTER_TO_INT (data));

  gtk_label_set_label (GTK_LABEL (label), text);
  /* Three stars or fewer: the committee contacts the branch (seed 002). */
  if (ri->result->needs_contact)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

static double
sort_value (RhScoreResult *r, Column c)
{
  if (r->assessment_id == 0)
    return -1e9;
  switch (c)
    {
    case COL_RANK: return -r->rank;
    case COL_PARTY: return r->party;
    case COL_BUSINESS: return isnan (r->business) ? -1 : r->business;
    case COL_STARS: return r->star_level;
    case COL_CHANGE: return isnan (r->change) ? -1e8 : r->change;
    default: return r->total;
    }
}

/* Best first in every column by default: higher numbers, better ranks. */
static int
compare_cb (gconstpointer a, gconstpointer b, gpointer data)
{
  RhScoreResult *x = RH_RESULT_ITEM ((gpointer) a)->result;
  RhScoreResult *y = RH_RESULT_ITEM ((gpointer) b)->result;
  Column c = (Column) GPOINTER_TO_INT (data);
  double vx, vy;

  if (c == COL_BRANCH || c == COL_GRADE || c == COL_STATUS)
    {
      g_autofree char *tx = cell_text (x, c);
      g_autofree char *ty = cell_text (y, c);
      return g_strcmp0 (tx, ty) < 0 ? GTK_ORDERING_SMALLER
             : g_strcmp0 (tx, ty) > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }
  vx = sort_value (x, c);
  vy = sort_value (y, c);
  return vx > vy ? GTK_ORDERING_SMALLER : vx < vy ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

char *
rh_assessment_page_dup_period (RhAssessmentPage *self)
{
  guint q = gtk_drop_down_get_selected (self->quarter_dropdown);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  return q == 0 || q == GTK_INVALID_LIST_POSITION ? g_strdup_printf ("%d", year)
                                                  : g_strdup_printf ("%dQ%u", year, q);
}

static void
refresh (RhAssessmentPage *self)
{
  g_autofree char *period = rh_assessment_page_dup_period (self);
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  guint assessed = 0, contact = 0;

  if (self->db == NULL)
    return;
  g_list_store_remove_all (self->store);
  results = rh_assessment_score_all (self->db, period, &error);
  if (results == NULL)
    {
      gtk_label_set_label (self->summary_label, error->message);
      return;
    }
  for (guint i = 0; i < results->len; i++)
    {
      RhResultItem *item = g_object_new (RH_TYPE_RESULT_ITEM, NULL);
      item->result = g_steal_pointer (&results->pdata[i]);
      assessed += item->result->assessment_id != 0;
      contact += item->result->needs_contact;
      g_list_store_append (self->store, item);
      g_object_unref (item);
    }
  g_ptr_array_set_free_func (results, NULL);
  summary = g_strdup_printf (_("%u of %u branches assessed; %u at three stars or fewer need a "
                               "committee contact"), assessed, results->len, contact);
  gtk_label_set_label (self->summary_label, summary);
}

static void
period_changed_cb (RhAssessmentPage *self)
{
  refresh (self);
}

/* The selected branch's member points and review, for the page's year. */
static void
points_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhAssessmentPage *self = RH_ASSESSMENT_PAGE (widget);
  GtkSelectionModel *model = gtk_column_view_get_model (self->column_view);
  RhResultItem *item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
  RhPointsWindow *window;

  if (item == NULL)
    return;
  window = rh_points_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->db,
                                 item->result->org_id,
                                 gtk_spin_button_get_value_as_int (self->year_spin));
  gtk_window_present (GTK_WINDOW (window));
}

static void
selection_changed_cb (RhAssessmentPage *self)
{
  GtkSelectionModel *model = gtk_column_view_get_model (self->column_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.points",
                                 gtk_single_selection_get_selected_item (
                                   GTK_SINGLE_SELECTION (model)) != NULL);
}

static void
row_activated_cb (GtkColumnView *view, guint position, RhAssessmentPage *self)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (RhResultItem) item = g_list_model_get_item (model, position);
  g_autofree char *period = rh_assessment_page_dup_period (self);
  RhAssessmentEditor *editor;

  if (item == NULL)
    return;
  editor = rh_assessment_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                     self->db, item->result->org_id, period);
  if (editor != NULL)
    gtk_window_present (GTK_WINDOW (editor));
}

void
rh_assessment_page_set_database (RhAssessmentPage *self, RhDatabase *db)
{
  g_set_object (&self->db, db);
  g_signal_connect_object (db, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

gint64
rh_assessment_page_get_selected_id (RhAssessmentPage *self)
{
  GtkSelectionModel *model = gtk_column_view_get_model (self->column_view);
  RhResultItem *item;

  if (!GTK_IS_SINGLE_SELECTION (model))
    return 0;
  item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));   /* not owned */
  return item != NULL ? item->result->org_id : 0;
}

const RhScoreResult *
rh_assessment_page_find (RhAssessmentPage *self, gint64 org_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr (RhResultItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      if (item->result->org_id == org_id)
        return item->result;
    }
  return NULL;
}

static void
rh_assessment_page_dispose (GObject *object)
{
  RhAssessmentPage *self = RH_ASSESSMENT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_ASSESSMENT_PAGE);
  rh_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->store);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rh_assessment_page_parent_class)->dispose (object);
}

static void
rh_assessment_page_class_init (RhAssessmentPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const names[N_COLS] = {
    "rank_column", "branch_column", "party_column", "business_column", "total_column",
    "grade_column", "stars_column", "change_column", "status_column",
  };

  G_OBJECT_CLASS (klass)->dispose = rh_assessment_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-assessment-page.ui");
  for (int c = 0; c < N_COLS; c++)
    gtk_widget_class_bind_template_child_full (widget_class, names[c], FALSE,
                                               G_STRUCT_OFFSET (RhAssessmentPage, columns[c]));
  gtk_widget_class_bind_template_child (widget_class, RhAssessmentPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, RhAssessmentPage, quarter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RhAssessmentPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RhAssessmentPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "assessment.points", NULL, points_activated);
}

static void
rh_assessment_page_init (RhAssessmentPage *self)
{
  const char *periods[] = { N_("Whole year"), "Q1", "Q2", "Q3", "Q4" };
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    gtk_string_list_append (labels, i == 0 ? _(periods[i]) : periods[i]);
  gtk_drop_down_set_model (self->quarter_dropdown, G_LIST_MODEL (labels));
  g_object_unref (labels);
  /* The last finished year is the one usually being assessed. */
  rh_date_today (&today);
  gtk_spin_button_set_value (self->year_spin, g_date_get_year (&today) - 1);

  self->store = g_list_store_new (RH_TYPE_RESULT_ITEM);
  for (int c = 0; c < N_COLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (c), NULL));

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (c));
      gtk_column_view_column_set_factory (self->columns[c], factory);
      gtk_column_view_column_set_sorter (self->columns[c], sorter);
      g_object_unref (factory);
      g_object_unref (sorter);
    }
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_swapped (selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                            self);
  g_object_unref (selection);
  selection_changed_cb (self);
}
