/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-date.h"
#include "rh-gui-util.h"
#include "rh-org-editor.h"
#include "rh-org-page.h"
#include "rh-org.h"
#include "rh-points-window.h"
#include "rh-rules.h"
#include "rh-term-editor.h"
#include "rh-window.h"

struct _RhOrgPage
{
  GtkWidget           parent_instance;
  RhDatabase         *db;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  GHashTable         *counts;     /* members per subtree, computed once per reload */
  RhOrg              *selected;

  GtkListView        *tree_view;
  GtkStack           *detail_stack;
  GtkLabel           *name_label;
  GtkLabel           *kind_label;
  GtkListBox         *committee_list;
  GtkListBox         *details_list;
};

G_DEFINE_FINAL_TYPE (RhOrgPage, rh_org_page, GTK_TYPE_WIDGET)

static GListModel *
children_model (RhOrgPage *self, gint64 parent_id)
{
  GListStore *store = g_list_store_new (RH_TYPE_ORG);
  g_autoptr (GPtrArray) orgs = rh_org_list_children (self->db, parent_id, NULL);

  if (orgs == NULL)
    return G_LIST_MODEL (store);
  rh_org_fill_member_counts (orgs, self->counts);
  for (guint i = 0; i < orgs->len; i++)
    g_list_store_append (store, orgs->pdata[i]);
  return G_LIST_MODEL (store);
}

/* Children load only when a row is expanded. */
static GListModel *
create_child_model (gpointer item, gpointer data)
{
  RhOrg *org = item;
  return org->child_count > 0 ? children_model (data, org->id) : NULL;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *count = gtk_widget_get_last_child (box);
  RhOrg *org = gtk_tree_list_row_get_item (row);
  g_autofree char *count_text = g_strdup_printf ("%d", org->member_count);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_label (GTK_LABEL (name), org->name);
  gtk_label_set_label (GTK_LABEL (count), count_text);
  g_object_unref (org);
}

static void
update_actions (RhOrgPage *self)
{
  gboolean has = self->selected != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.edit", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.term", has && self->selected->kind != RH_ORG_GROUP);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.add", !has || self->selected->kind != RH_ORG_GROUP);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.move", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.archive", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "org.points",
                                 has && self->selected->kind == RH_ORG_BRANCH);
}

static void
add_committee_rows (RhOrgPage *self, RhOrg *org)
{
  g_autoptr (RhTerm) term = rh_term_current (self->db, org->id, NULL);
  g_autoptr (GPtrArray) roles = rh_term_roles (self->db, org->id, NULL);
  int full = rh_org_full_member_count (self->db, org->id);

  if (term == NULL)
    {
      GtkWidget *row = rh_value_row_new (_("Committee term"), NULL);
      if (org->kind == RH_ORG_BRANCH && full >= RH_COMMITTEE_MIN_FULL_MEMBERS)
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       _("This branch has 7 or more full members and needs an "
                                         "elected committee."));
          gtk_widget_add_css_class (row, "warning");
        }
      gtk_list_box_append (self->committee_list, row);
      return;
    }
  {
    GDate today, due;
    g_autofree char *value = g_strdup_printf (_("%s to %s (%d years)"), term->start_date,
                                              term->due_date, term->years);
    GtkWidget *row = rh_value_row_new (_("Committee term"), value);
    int days;

    rh_date_today (&today);
    rh_date_parse (term->due_date, &due);
    days = rh_date_days_between (&today, &due);
    if (days < 0)
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The term is over: hold the election (换届)."));
    else if (days <= RH_TERM_WARNING_DAYS)
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The term ends within 90 days: prepare the election."));
    if (days <= RH_TERM_WARNING_DAYS)
      gtk_widget_add_css_class (row, days < 0 ? "error" : "warning");
    gtk_list_box_append (self->committee_list, row);
  }
  for (guint i = 0; roles != NULL && i < roles->len; i++)
    {
      RhRole *role = roles->pdata[i];
      gtk_list_box_append (self->committee_list,
                           rh_value_row_new (rh_role_label (role->role), role->member_name));
    }
}

static void
add_detail_rows (RhOrgPage *self, RhOrg *org)
{
  g_autofree char *path = rh_org_path_label (self->db, org->id);
  g_autofree char *members = g_strdup_printf (_("%d (%d full members)"), org->member_count,
                                              rh_org_full_member_count (self->db, org->id));
  struct {
    const char *title;
    const char *value;
  } rows[] = {
    { _("Place in the tree"), path },
    { _("Members"), members },
    { _("Host unit type"), rh_host_type_label (org->host_type) },
    { _("Built on (business unit)"), org->business_unit },
    { _("Brand"), org->brand_name },
    { _("Brand summary"), org->brand_summary },
    { _("Honours"), org->honours },
    { _("Joint-building partners"), org->partners },
    { _("Founded"), org->founded_date },
    { _("Note"), org->note },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_list_box_append (self->details_list, rh_value_row_new (rows[i].title, rows[i].value));
}

static void
show_detail (RhOrgPage *self)
{
  RhOrg *org = self->selected;
  g_autofree char *kind = NULL;

  rh_list_box_remove_all (self->committee_list);
  rh_list_box_remove_all (self->details_list);
  update_actions (self);
  if (org == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }
  kind = org->is_temporary
           ? g_strdup_printf ("%s · %s · %s", rh_org_kind_label (org->kind), _("Temporary"),
                              rh_host_type_label (org->host_type))
           : g_strdup_printf ("%s · %s", rh_org_kind_label (org->kind),
                              rh_host_type_label (org->host_type));
  gtk_label_set_label (self->name_label, org->name);
  gtk_label_set_label (self->kind_label, kind);
  if (org->kind != RH_ORG_GROUP)
    add_committee_rows (self, org);
  gtk_widget_set_visible (GTK_WIDGET (self->committee_list), org->kind != RH_ORG_GROUP);
  add_detail_rows (self, org);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
selection_changed_cb (RhOrgPage *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  g_clear_object (&self->selected);
  if (row != NULL)
    {
      g_autoptr (RhOrg) org = gtk_tree_list_row_get_item (row);
      /* Reload: the row may be older than the last edit. */
      self->selected = rh_org_load (self->db, org->id, NULL);
      if (self->selected != NULL)
        self->selected->member_count = org->member_count;
    }
  show_detail (self);
}

static int
find_row (RhOrgPage *self, gint64 org_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr (RhOrg) org = gtk_tree_list_row_get_item (row);
      if (org->id == org_id)
        return (int) i;
    }
  return -1;
}

void
rh_org_page_select (RhOrgPage *self, gint64 org_id)
{
  g_autoptr (GArray) chain = g_array_new (FALSE, FALSE, sizeof (gint64));
  int pos = -1;

  /* The ancestors, root first, are expanded in turn. */
  for (gint64 id = org_id; id != 0 && chain->len < 16;)
    {
      g_autoptr (RhOrg) org = rh_org_load (self->db, id, NULL);
      if (org == NULL)
        break;
      g_array_prepend_val (chain, id);
      id = org->parent_id;
    }
  for (guint i = 0; i < chain->len; i++)
    {
      pos = find_row (self, g_array_index (chain, gint64, i));
      if (pos < 0)
        return;
      if (i + 1 < chain->len)
        {
          g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, (guint) pos);
          gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }
  if (pos >= 0)
    {
      gtk_single_selection_set_selected (self->selection, (guint) pos);
      gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u", pos);
    }
}

gint64
rh_org_page_get_selected_id (RhOrgPage *self)
{
  return self->selected != NULL ? self->selected->id : 0;
}

GListModel *
rh_org_page_get_model (RhOrgPage *self)
{
  return G_LIST_MODEL (self->tree);
}

static void
reload (RhOrgPage *self)
{
  gint64 keep = rh_org_page_get_selected_id (self);
  GListModel *roots;

  g_clear_pointer (&self->counts, g_hash_table_unref);
  self->counts = rh_org_member_counts (self->db);
  roots = children_model (self, 0);

  g_clear_object (&self->tree);
  self->tree = gtk_tree_list_model_new (roots, FALSE, FALSE, create_child_model, self, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  /* A committee's first level is open from the start. */
  if (g_list_model_get_n_items (roots) == 1)
    {
      g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, 0);
      gtk_tree_list_row_set_expanded (row, TRUE);
    }
  if (keep != 0)
    rh_org_page_select (self, keep);
  selection_changed_cb (self);
}

void
rh_org_page_set_database (RhOrgPage *self, RhDatabase *db)
{
  g_set_object (&self->db, db);
  g_signal_connect_object (db, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

void
rh_org_page_add (RhOrgPage *self)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  gint64 parent_id = self->selected != NULL && self->selected->kind != RH_ORG_GROUP
                       ? self->selected->id : 0;

  gtk_window_present (GTK_WINDOW (rh_org_editor_new (parent, self->db, NULL, parent_id)));
}

static void
add_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  rh_org_page_add (RH_ORG_PAGE (widget));
}

static void
edit_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhOrgPage *self = RH_ORG_PAGE (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));

  if (self->selected != NULL)
    gtk_window_present (GTK_WINDOW (rh_org_editor_new (parent, self->db, self->selected, 0)));
}

static void
points_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhOrgPage *self = RH_ORG_PAGE (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  GDate today;

  rh_date_today (&today);
  if (self->selected != NULL && self->selected->kind == RH_ORG_BRANCH)
    gtk_window_present (GTK_WINDOW (rh_points_window_new (parent, self->db, self->selected->id,
                                                          g_date_get_year (&today))));
}

static void
term_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhOrgPage *self = RH_ORG_PAGE (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));

  if (self->selected != NULL)
    gtk_window_present (GTK_WINDOW (rh_term_editor_new (parent, self->db, self->selected)));
}

static void
toast (RhOrgPage *self, const char *message)
{
  RhWindow *window = rh_window_for (GTK_WIDGET (self));
  if (window != NULL)
    rh_window_toast (window, message);
}

/* Which kinds can hold an organisation of this kind. */
static guint
parent_kinds (RhOrgKind kind)
{
  guint mask = 0;

  for (int k = 0; k < RH_N_ORG_KINDS; k++)
    if (rh_org_kind_can_contain ((RhOrgKind) k, kind))
      mask |= 1u << k;
  return mask;
}

static void
move_response_cb (AdwMessageDialog *dialog, const char *response, RhOrgPage *self)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "move") != 0 || self->selected == NULL)
    return;
  if (!rh_org_move (self->db, self->selected->id, rh_org_dropdown_get_id (dropdown), &error))
    {
      toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Moved “%s”"), self->selected->name);
  rh_database_emit_changed (self->db);
  toast (self, message);
}

static void
move_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhOrgPage *self = RH_ORG_PAGE (widget);
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->selected == NULL)
    return;
  body = g_strdup_printf (_("Choose the new parent of “%s”. Its members and the organisations "
                            "under it move with it."),
                          self->selected->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Move Organisation"), body));
  rh_org_dropdown_fill (GTK_DROP_DOWN (dropdown), self->db, parent_kinds (self->selected->kind),
                        self->selected->kind == RH_ORG_GROUP ? NULL : _("Top level"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  rh_org_dropdown_set_id (GTK_DROP_DOWN (dropdown), self->selected->parent_id);
  adw_message_dialog_set_extra_child (dialog, dropdown);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "move", _("_Move"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (move_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
archive_response_cb (AdwMessageDialog *dialog, const char *response, RhOrgPage *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *date = rh_editable_dup_text (GTK_EDITABLE (gtk_widget_get_first_child (box)));
  g_autofree char *reason = rh_editable_dup_text (GTK_EDITABLE (gtk_widget_get_last_child (box)));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "archive") != 0 || self->selected == NULL)
    return;
  if (!rh_org_archive (self->db, self->selected->id, date, reason, &error))
    {
      toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Archived “%s”"), self->selected->name);
  g_clear_object (&self->selected);
  rh_database_emit_changed (self->db);
  toast (self, message);
}

static void
archive_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhOrgPage *self = RH_ORG_PAGE (widget);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *date = gtk_entry_new ();
  GtkWidget *reason = gtk_entry_new ();
  g_autofree char *body = NULL;
  g_autofree char *today_text = NULL;
  AdwMessageDialog *dialog;
  GDate today;

  if (self->selected == NULL)
    return;
  rh_date_today (&today);
  today_text = rh_date_format (&today);
  gtk_editable_set_text (GTK_EDITABLE (date), today_text);
  gtk_entry_set_placeholder_text (GTK_ENTRY (date), _("Date (YYYY-MM-DD)"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason, e.g. merged or task completed"));
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), reason);
  body = g_strdup_printf (_("“%s” will be hidden from the tree but kept with its records. "
                            "Only an organisation without active members or sub-organisations "
                            "can be archived."),
                          self->selected->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Archive Organisation?"), body));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "archive", _("_Archive"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "archive", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (archive_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rh_org_page_dispose (GObject *object)
{
  RhOrgPage *self = RH_ORG_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_ORG_PAGE);
  rh_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rh_org_page_parent_class)->dispose (object);
}

static void
rh_org_page_class_init (RhOrgPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_org_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-org-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RhOrgPage, tree_view);
  gtk_widget_class_bind_template_child (widget_class, RhOrgPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RhOrgPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, RhOrgPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, RhOrgPage, committee_list);
  gtk_widget_class_bind_template_child (widget_class, RhOrgPage, details_list);
  gtk_widget_class_install_action (widget_class, "org.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "org.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "org.term", NULL, term_activated);
  gtk_widget_class_install_action (widget_class, "org.move", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "org.archive", NULL, archive_activated);
  gtk_widget_class_install_action (widget_class, "org.points", NULL, points_activated);
}

static void
rh_org_page_init (RhOrgPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->tree_view, factory);
  g_object_unref (factory);
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed_cb), self);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->selection));
  update_actions (self);
}
