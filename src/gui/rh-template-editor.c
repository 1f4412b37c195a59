/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The assessment template editor (考核细则): the tree of categories and
 * indicators on the left, the form of the chosen item on the right. Every
 * change goes into a working copy; Save validates it in core and writes it in
 * one transaction. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rh-gui-util.h"
#include "rh-template-editor.h"
#include "rh-types.h"
#include "rh-validate.h"

#define N_CUTOFFS 4

struct _RhTemplateEditor
{
  AdwWindow   parent_instance;
  RhDatabase *db;
  RhTemplate *template;
  int         category;    /* the chosen item: -1 for the settings */
  int         indicator;   /* -1 for the category itself */
  gboolean    filling;     /* forms are being filled, not edited */

  GtkLabel      *error_label, *points_label;
  GtkListBox    *tree;
  GtkStack      *forms;
  GtkEditable   *name_entry, *grades_entry, *category_entry, *code_entry, *indicator_name_entry;
  GtkSpinButton *year_spin, *party_spin, *review_spin, *business_spin, *bonus_spin, *share_spin;
  GtkSpinButton *cutoff_spins[N_CUTOFFS], *quota_spin, *points_spin, *target_spin;
  GtkDropDown   *formula_dropdown, *kind_dropdown, *star_dropdown, *method_dropdown;
  GtkDropDown   *source_dropdown, *status_dropdown;
  GtkSwitch     *by_total_switch, *quota_switch;
  GtkTextView   *standard_view, *note_view;
  AdwActionRow  *grades_row, *status_row, *target_row, *quota_share_row;
  AdwActionRow  *cutoff_rows[N_CUTOFFS];
};

G_DEFINE_FINAL_TYPE (RhTemplateEditor, rh_template_editor, ADW_TYPE_WINDOW)

static RhCategory *
chosen_category (RhTemplateEditor *self)
{
  return self->category >= 0 ? self->template->categories->pdata[self->category] : NULL;
}

static RhIndicator *
chosen_indicator (RhTemplateEditor *self)
{
  RhCategory *c = chosen_category (self);

  return c != NULL && self->indicator >= 0 ? c->indicators->pdata[self->indicator] : NULL;
}

/* ---- The tree ------------------------------------------------------------------------------ */

static double
category_points (const RhCategory *c)
{
  double sum = 0;

  for (guint i = 0; i < c->indicators->len; i++)
    sum += ((RhIndicator *) c->indicators->pdata[i])->max_points;
  return sum;
}

static GtkWidget *
tree_row_new (const char *text, const char *detail, int category, int indicator)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *right = gtk_label_new (detail);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (right, "dim-label");
  gtk_widget_add_css_class (right, "numeric");
  if (indicator >= 0)
    gtk_widget_set_margin_start (box, 18);
  else
    gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), right);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "category", GINT_TO_POINTER (category));
  g_object_set_data (G_OBJECT (row), "indicator", GINT_TO_POINTER (indicator));
  return row;
}

/* The basic points must add up to 100: the sum is always in sight. */
static void
update_points_label (RhTemplateEditor *self)
{
  g_autofree char *text = NULL;
  double basic = 0;

  for (guint c = 0; c < self->template->categories->len; c++)
    {
      RhCategory *cat = self->template->categories->pdata[c];
      for (guint i = 0; i < cat->indicators->len; i++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];
          if (ind->kind == RH_INDICATOR_BASIC)
            basic += ind->max_points;
        }
    }
  text = g_strdup_printf (_("Basic points: %g of 100"), basic);
  gtk_label_set_text (self->points_label, text);
  if (fabs (basic - 100) > 1e-6)
    gtk_widget_add_css_class (GTK_WIDGET (self->points_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->points_label), "error");
}

/* Rebuilt whole on every change: a template has a few dozen rows. */
static void
refresh_tree (RhTemplateEditor *self)
{
  RhTemplate *t = self->template;
  GtkListBoxRow *chosen = NULL;
  GtkWidget *row;

  rh_list_box_remove_all (self->tree);
  row = tree_row_new (_("Template Settings"), "", -1, -1);
  gtk_list_box_append (self->tree, row);
  if (self->category < 0)
    chosen = GTK_LIST_BOX_ROW (row);
  for (guint c = 0; c < t->categories->len; c++)
    {
      RhCategory *cat = t->categories->pdata[c];
      g_autofree char *points = g_strdup_printf ("%g", category_points (cat));

      row = tree_row_new (cat->name != NULL && *cat->name ? cat->name : _("(no name)"), points,
                          (int) c, -1);
      gtk_list_box_append (self->tree, row);
      if (self->category == (int) c && self->indicator < 0)
        chosen = GTK_LIST_BOX_ROW (row);
      for (guint i = 0; i < cat->indicators->len; i++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];
          g_autofree char *text = g_strdup_printf ("%s %s", ind->code ? ind->code : "",
                                                   ind->name ? ind->name : "");
          g_autofree char *detail = g_strdup_printf ("%g · %s", ind->max_points,
                                                     rh_indicator_kind_label (ind->kind));

          row = tree_row_new (text, detail, (int) c, (int) i);
          gtk_list_box_append (self->tree, row);
          if (self->category == (int) c && self->indicator == (int) i)
            chosen = GTK_LIST_BOX_ROW (row);
        }
    }
  self->filling = TRUE;
  gtk_list_box_select_row (self->tree, chosen);
  self->filling = FALSE;
  update_points_label (self);
}

/* ---- Forms --------------------------------------------------------------------------------- */

static char *
text_view_dup (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
text_view_set (GtkTextView *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/* "好 90；较好 80；一般 60；差 0", as shown and typed. */
static char *
grades_to_text (GArray *grades)
{
  GString *s = g_string_new (NULL);

  for (guint g = 0; g < grades->len; g++)
    {
      RhGrade *grade = &g_array_index (grades, RhGrade, g);
      g_string_append_printf (s, "%s%s %g", g ? "；" : "", grade->label, grade->min);
    }
  return g_string_free (s, FALSE);
}

/* Reads grades typed as "label number", separated by semicolons or commas
 * (full-width too); a colon may stand between label and number. */
static gboolean
grades_from_text (const char *text, GArray *grades, GError **error)
{
  g_autoptr (GRegex) split = g_regex_new ("[;；,，、]", 0, 0, NULL);
  g_autoptr (GRegex) item = g_regex_new ("^\\s*(.+?)\\s*[:：]?\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*$", 0,
                                         0, NULL);
  g_auto (GStrv) parts = g_regex_split (split, text != NULL ? text : "", 0);

  for (int i = 0; parts[i] != NULL; i++)
    {
      g_autoptr (GMatchInfo) match = NULL;
      g_autofree char *number = NULL;
      RhGrade grade;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      if (!g_regex_match (item, parts[i], 0, &match))
        {
          g_set_error (error, RH_VALIDATION_ERROR, RH_FIELD_NONE,
                       _("Grades: “%s” needs a label and its lowest total, like “好 90”"),
                       parts[i]);
          return FALSE;
        }
      grade.label = g_match_info_fetch (match, 1);
      number = g_match_info_fetch (match, 2);
      grade.min = g_ascii_strtod (number, NULL);
      g_array_append_val (grades, grade);
    }
  return TRUE;
}

static void
show_error (RhTemplateEditor *self, const char *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
fill_settings (RhTemplateEditor *self)
{
  RhTemplate *t = self->template;
  g_autofree char *grades = grades_to_text (t->grades);

  rh_editable_set_text (self->name_entry, t->name);
  gtk_spin_button_set_value (self->year_spin, t->year);
  gtk_drop_down_set_selected (self->formula_dropdown, t->formula);
  gtk_spin_button_set_value (self->party_spin, round (t->party_weight * 100));
  gtk_spin_button_set_value (self->review_spin, round (t->review_weight * 100));
  gtk_spin_button_set_value (self->business_spin, round (t->business_weight * 100));
  gtk_spin_button_set_value (self->bonus_spin, t->bonus_cap);
  rh_editable_set_text (self->grades_entry, grades);
  gtk_spin_button_set_value (self->share_spin, round (t->star_share * 100));
  gtk_switch_set_active (self->by_total_switch, t->star_by_total);
  for (int i = 0; i < N_CUTOFFS; i++)
    gtk_spin_button_set_value (self->cutoff_spins[i], t->star_cutoffs[i]);
  gtk_switch_set_active (self->quota_switch, !isnan (t->five_star_quota));
  gtk_spin_button_set_value (self->quota_spin,
                             isnan (t->five_star_quota) ? 30 : round (t->five_star_quota * 100));
}

static void
fill_indicator (RhTemplateEditor *self, RhIndicator *ind)
{
  rh_editable_set_text (self->code_entry, ind->code);
  rh_editable_set_text (self->indicator_name_entry, ind->name);
  gtk_spin_button_set_value (self->points_spin, ind->max_points);
  gtk_drop_down_set_selected (self->kind_dropdown, ind->kind);
  gtk_drop_down_set_selected (self->star_dropdown, (guint) (ind->star + 1));
  gtk_drop_down_set_selected (self->method_dropdown, ind->quantitative ? 0 : 1);
  text_view_set (self->standard_view, ind->standard);
  text_view_set (self->note_view, ind->scoring_note);
  gtk_drop_down_set_selected (self->source_dropdown, ind->source);
  gtk_drop_down_set_selected (self->status_dropdown, (guint) MAX (ind->source_status, 0));
  gtk_spin_button_set_value (self->target_spin, MAX (ind->source_target, 1));
}

/* Which rows apply depends on the choices made in others. */
static void
update_sensitivity (RhTemplateEditor *self)
{
  gboolean weighted = gtk_drop_down_get_selected (self->formula_dropdown) == RH_FORMULA_WEIGHTED;
  gboolean by_total = gtk_switch_get_active (self->by_total_switch);
  gboolean cases = gtk_drop_down_get_selected (self->source_dropdown) == RH_SOURCE_CASES;

  gtk_widget_set_sensitive (GTK_WIDGET (self->party_spin), weighted);
  gtk_widget_set_sensitive (GTK_WIDGET (self->review_spin), weighted);
  gtk_widget_set_sensitive (GTK_WIDGET (self->business_spin), weighted);
  for (int i = 0; i < N_CUTOFFS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->cutoff_rows[i]), by_total);
  gtk_widget_set_sensitive (GTK_WIDGET (self->quota_share_row),
                            gtk_switch_get_active (self->quota_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), cases);
  gtk_widget_set_visible (GTK_WIDGET (self->target_row), cases);
}

static void
show_chosen (RhTemplateEditor *self)
{
  RhCategory *cat = chosen_category (self);
  RhIndicator *ind = chosen_indicator (self);

  self->filling = TRUE;
  if (ind != NULL)
    {
      fill_indicator (self, ind);
      gtk_stack_set_visible_child_name (self->forms, "indicator");
    }
  else if (cat != NULL)
    {
      rh_editable_set_text (self->category_entry, cat->name);
      gtk_stack_set_visible_child_name (self->forms, "category");
    }
  else
    {
      fill_settings (self);
      gtk_stack_set_visible_child_name (self->forms, "settings");
    }
  update_sensitivity (self);
  self->filling = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-indicator", cat != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.remove", cat != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.move-up", cat != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.move-down", cat != NULL);
}

static void
tree_row_selected_cb (RhTemplateEditor *self, GtkListBoxRow *row)
{
  if (self->filling || row == NULL)
    return;
  self->category = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "category"));
  self->indicator = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "indicator"));
  show_chosen (self);
}

static void
replace (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

/* Reads the visible form back into the working copy. */
static void
form_changed_cb (RhTemplateEditor *self)
{
  RhTemplate *t = self->template;
  RhCategory *cat = chosen_category (self);
  RhIndicator *ind = chosen_indicator (self);

  if (self->filling)
    return;
  update_sensitivity (self);
  if (ind != NULL)
    {
      replace (&ind->code, rh_editable_dup_text (self->code_entry));
      replace (&ind->name, rh_editable_dup_text (self->indicator_name_entry));
      replace (&ind->standard, text_view_dup (self->standard_view));
      replace (&ind->scoring_note, text_view_dup (self->note_view));
      ind->max_points = gtk_spin_button_get_value (self->points_spin);
      ind->kind = (RhIndicatorKind) gtk_drop_down_get_selected (self->kind_dropdown);
      ind->star = (int) gtk_drop_down_get_selected (self->star_dropdown) - 1;
      ind->quantitative = gtk_drop_down_get_selected (self->method_dropdown) == 0;
      ind->source = (RhSource) gtk_drop_down_get_selected (self->source_dropdown);
      ind->source_status = ind->source == RH_SOURCE_CASES
                             ? (int) gtk_drop_down_get_selected (self->status_dropdown) : 0;
      ind->source_target = ind->source == RH_SOURCE_CASES
                             ? gtk_spin_button_get_value_as_int (self->target_spin) : 0;
    }
  else if (cat != NULL)
    replace (&cat->name, rh_editable_dup_text (self->category_entry));
  else
    {
      replace (&t->name, rh_editable_dup_text (self->name_entry));
      t->year = gtk_spin_button_get_value_as_int (self->year_spin);
      t->formula = (RhFormula) gtk_drop_down_get_selected (self->formula_dropdown);
      t->party_weight = gtk_spin_button_get_value (self->party_spin) / 100;
      t->review_weight = gtk_spin_button_get_value (self->review_spin) / 100;
      t->business_weight = gtk_spin_button_get_value (self->business_spin) / 100;
      t->bonus_cap = gtk_spin_button_get_value (self->bonus_spin);
      t->star_share = gtk_spin_button_get_value (self->share_spin) / 100;
      t->star_by_total = gtk_switch_get_active (self->by_total_switch);
      for (int i = 0; i < N_CUTOFFS; i++)
        t->star_cutoffs[i] = gtk_spin_button_get_value (self->cutoff_spins[i]);
      t->five_star_quota = gtk_switch_get_active (self->quota_switch)
                             ? gtk_spin_button_get_value (self->quota_spin) / 100 : NAN;
    }
  refresh_tree (self);
}

/* Grades are read when saving: half-typed text is not an error yet. */
static gboolean
read_grades (RhTemplateEditor *self, GError **error)
{
  g_autofree char *text = rh_editable_dup_text (self->grades_entry);
  g_autoptr (GArray) grades = g_array_new (FALSE, FALSE, sizeof (RhGrade));

  if (!grades_from_text (text, grades, error))
    return FALSE;
  g_array_set_size (self->template->grades, 0);   /* its clear function frees the labels */
  g_array_append_vals (self->template->grades, grades->data, grades->len);
  return TRUE;
}

/* ---- Actions ------------------------------------------------------------------------------- */

static void
choose (RhTemplateEditor *self, int category, int indicator)
{
  self->category = category;
  self->indicator = indicator;
  refresh_tree (self);
  show_chosen (self);
}

static void
add_category_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhTemplateEditor *self = RH_TEMPLATE_EDITOR (widget);
  RhCategory *cat = rh_template_add_category (self->template, _("New Category"));

  rh_category_add_indicator (cat, "", _("New Indicator"), 0, RH_INDICATOR_BASIC, -1);
  choose (self, (int) self->template->categories->len - 1, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->category_entry));
}

/* A new indicator goes after the chosen one, with the next free code of its
 * category (A3 after A2). */
static void
add_indicator_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhTemplateEditor *self = RH_TEMPLATE_EDITOR (widget);
  RhCategory *cat = chosen_category (self);
  RhIndicator *after = chosen_indicator (self);
  RhIndicator *ind;
  g_autofree char *code = NULL;
  int position = after != NULL ? self->indicator + 1 : (int) cat->indicators->len;

  if (after != NULL && after->code != NULL && *after->code != '\0')
    {
      const char *digits = after->code + strlen (after->code);
      while (digits > after->code && g_ascii_isdigit (digits[-1]))
        digits--;
      if (*digits != '\0')
        code = g_strdup_printf ("%.*s%d", (int) (digits - after->code), after->code,
                                atoi (digits) + 1);
    }
  ind = rh_category_add_indicator (cat, code != NULL ? code : "", _("New Indicator"), 0,
                                   after != NULL ? after->kind : RH_INDICATOR_BASIC,
                                   after != NULL ? after->star : -1);
  g_ptr_array_steal_index (cat->indicators, cat->indicators->len - 1);
  g_ptr_array_insert (cat->indicators, position, ind);
  choose (self, self->category, position);
  gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
}

static void
remove_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhTemplateEditor *self = RH_TEMPLATE_EDITOR (widget);
  RhCategory *cat = chosen_category (self);

  if (cat == NULL)
    return;
  /* A category without indicators is an orphan: the last indicator takes it along. */
  if (self->indicator >= 0 && cat->indicators->len > 1)
    {
      g_ptr_array_remove_index (cat->indicators, self->indicator);
      choose (self, self->category, MIN (self->indicator, (int) cat->indicators->len - 1));
    }
  else
    {
      g_ptr_array_remove_index (self->template->categories, self->category);
      choose (self, MIN (self->category, (int) self->template->categories->len - 1), -1);
    }
}

static void
swap (GPtrArray *array, int a, int b)
{
  gpointer tmp = array->pdata[a];

  array->pdata[a] = array->pdata[b];
  array->pdata[b] = tmp;
}

/* Moves the chosen item one place up or down among its siblings. */
static void
move (RhTemplateEditor *self, int delta)
{
  RhCategory *cat = chosen_category (self);
  GPtrArray *siblings = self->indicator >= 0 ? cat->indicators : self->template->categories;
  int from = self->indicator >= 0 ? self->indicator : self->category;
  int to = from + delta;

  if (cat == NULL || to < 0 || to >= (int) siblings->len)
    return;
  swap (siblings, from, to);
  if (self->indicator >= 0)
    choose (self, self->category, to);
  else
    choose (self, to, -1);
}

static void
move_up_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  move (RH_TEMPLATE_EDITOR (widget), -1);
}

static void
move_down_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  move (RH_TEMPLATE_EDITOR (widget), 1);
}

gboolean
rh_template_editor_save (RhTemplateEditor *self, GError **error)
{
  if (!read_grades (self, error) || !rh_template_save (self->db, self->template, error))
    return FALSE;
  rh_database_emit_changed (self->db);
  return TRUE;
}

static void
save_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhTemplateEditor *self = RH_TEMPLATE_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (!rh_template_editor_save (self, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- Life cycle ---------------------------------------------------------------------------- */

static const char *
formula_label (int formula)
{
  return formula == RH_FORMULA_WEIGHTED ? _("Weighted sum of the scores")
                                        : _("Business score × party score / 100");
}

static const char *
star_choice_label (int i)
{
  return i == 0 ? _("No star") : rh_star_label ((RhStar) (i - 1));
}

static const char *
method_label (int i)
{
  return i == 0 ? _("Quantitative") : _("Qualitative");
}

static void
rh_template_editor_dispose (GObject *object)
{
  RhTemplateEditor *self = RH_TEMPLATE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_TEMPLATE_EDITOR);
  g_clear_object (&self->db);
  g_clear_pointer (&self->template, rh_template_free);
  G_OBJECT_CLASS (rh_template_editor_parent_class)->dispose (object);
}

static void
rh_template_editor_class_init (RhTemplateEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_template_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-template-editor.ui");
  for (int i = 0; i < N_CUTOFFS; i++)
    {
      g_autofree char *spin = g_strdup_printf ("cutoff%d_spin", i);
      g_autofree char *row = g_strdup_printf ("cutoff%d_row", i);

      gtk_widget_class_bind_template_child_full (widget_class, spin, FALSE,
                                                 G_STRUCT_OFFSET (RhTemplateEditor, cutoff_spins[i]));
      gtk_widget_class_bind_template_child_full (widget_class, row, FALSE,
                                                 G_STRUCT_OFFSET (RhTemplateEditor, cutoff_rows[i]));
    }
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, RhTemplateEditor, name)
  CHILD (error_label);
  CHILD (points_label);
  CHILD (tree);
  CHILD (forms);
  CHILD (name_entry);
  CHILD (grades_entry);
  CHILD (category_entry);
  CHILD (code_entry);
  CHILD (indicator_name_entry);
  CHILD (year_spin);
  CHILD (party_spin);
  CHILD (review_spin);
  CHILD (business_spin);
  CHILD (bonus_spin);
  CHILD (share_spin);
  CHILD (quota_spin);
  CHILD (points_spin);
  CHILD (target_spin);
  CHILD (formula_dropdown);
  CHILD (kind_dropdown);
  CHILD (star_dropdown);
  CHILD (method_dropdown);
  CHILD (source_dropdown);
  CHILD (status_dropdown);
  CHILD (by_total_switch);
  CHILD (quota_switch);
  CHILD (standard_view);
  CHILD (note_view);
  CHILD (grades_row);
  CHILD (status_row);
  CHILD (target_row);
  CHILD (quota_share_row);
#undef CHILD
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-category", NULL,
                                   add_category_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-indicator", NULL,
                                   add_indicator_activated);
  gtk_widget_class_install_action (widget_class, "editor.remove", NULL, remove_activated);
  gtk_widget_class_install_action (widget_class, "editor.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "editor.move-down", NULL, move_down_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

static void
connect_changes (RhTemplateEditor *self)
{
  GtkEditable *entries[] = { self->name_entry, self->category_entry, self->code_entry,
                             self->indicator_name_entry };
  GtkSpinButton *spins[] = { self->year_spin, self->party_spin, self->review_spin,
                             self->business_spin, self->bonus_spin, self->share_spin,
                             self->quota_spin, self->points_spin, self->target_spin,
                             self->cutoff_spins[0], self->cutoff_spins[1], self->cutoff_spins[2],
                             self->cutoff_spins[3] };
  GtkDropDown *dropdowns[] = { self->formula_dropdown, self->kind_dropdown, self->star_dropdown,
                               self->method_dropdown, self->source_dropdown,
                               self->status_dropdown };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_swapped (entries[i], "changed", G_CALLBACK (form_changed_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    g_signal_connect_swapped (spins[i], "value-changed", G_CALLBACK (form_changed_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_connect_swapped (dropdowns[i], "notify::selected", G_CALLBACK (form_changed_cb),
                              self);
  g_signal_connect_swapped (self->by_total_switch, "notify::active", G_CALLBACK (form_changed_cb),
                            self);
  g_signal_connect_swapped (self->quota_switch, "notify::active", G_CALLBACK (form_changed_cb),
                            self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->standard_view), "changed",
                            G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->tree, "row-selected", G_CALLBACK (tree_row_selected_cb), self);
}

static void
rh_template_editor_init (RhTemplateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rh_dropdown_set_labels (self->formula_dropdown, formula_label, 2);
  rh_dropdown_set_labels (self->kind_dropdown, (const char *(*) (int)) rh_indicator_kind_label,
                          RH_N_INDICATOR_KINDS);
  rh_dropdown_set_labels (self->star_dropdown, star_choice_label, RH_N_STARS + 1);
  rh_dropdown_set_labels (self->method_dropdown, method_label, 2);
  rh_dropdown_set_labels (self->source_dropdown, (const char *(*) (int)) rh_source_label,
                          RH_N_SOURCES);
  rh_dropdown_set_labels (self->status_dropdown, (const char *(*) (int)) rh_case_status_label,
                          RH_N_CASE_STATUSES);
  connect_changes (self);
  self->category = -1;
  self->indicator = -1;
}

RhTemplateEditor *
rh_template_editor_new (GtkWindow *parent, RhDatabase *db, gint64 template_id, GError **error)
{
  RhTemplate *t = rh_template_load (db, template_id, error);
  RhTemplateEditor *self;
  g_autofree char *title = NULL;

  if (t == NULL)
    return NULL;
  self = g_object_new (RH_TYPE_TEMPLATE_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->template = t;
  title = g_strdup_printf (_("Edit “%s”"), t->name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  choose (self, -1, -1);
  return self;
}

void
rh_template_editor_choose (RhTemplateEditor *self, int category, int indicator)
{
  g_return_if_fail (category < (int) self->template->categories->len);
  choose (self, category, indicator);
}
