/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rh-gui-util.h"
#include "rh-point-rules-editor.h"
#include "rh-points.h"

/* The widgets of one rule. */
typedef struct {
  gint64        id;
  RhPointSource source;
  GtkWidget    *expander;
  GtkEditable  *code, *item, *category, *cap;
  GtkSpinButton *points;
  GtkSwitch    *veto;   /* NULL for rules counted from meeting records */
} RuleRows;

struct _RhPointRulesEditor
{
  AdwPreferencesPage   parent_instance;
  RhDatabase          *db;
  GPtrArray           *rules;   /* RuleRows, as shown */
  gboolean             loading;

  AdwPreferencesGroup *message_group;
  GtkLabel            *message_label;
  GtkSpinButton       *base_spin;
  GtkEditable         *levels_entry;
  AdwPreferencesGroup *rules_group;
  GtkWidget           *save_button;
  GtkWidget           *revert_button;
};

G_DEFINE_FINAL_TYPE (RhPointRulesEditor, rh_point_rules_editor, ADW_TYPE_PREFERENCES_PAGE)

static void
show_message (RhPointRulesEditor *self, const char *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_group), message != NULL);
}

static void
set_dirty (RhPointRulesEditor *self, gboolean dirty)
{
  gtk_widget_set_sensitive (self->save_button, dirty);
  gtk_widget_set_sensitive (self->revert_button, dirty);
}

static char *
rule_summary (RuleRows *r)
{
  g_autofree char *code = rh_editable_dup_text (r->code);
  g_autofree char *category = rh_editable_dup_text (r->category);
  g_autofree char *cap = rh_editable_dup_text (r->cap);
  double points = gtk_spin_button_get_value (r->points);
  GString *s = g_string_new (code != NULL ? code : "?");

  if (category != NULL)
    g_string_append_printf (s, " · %s", category);
  if (r->veto != NULL && gtk_switch_get_active (r->veto))
    g_string_append_printf (s, " · %s", _("veto: the year counts 0"));
  else
    {
      g_string_append (s, " · ");
      g_string_append_printf (s, r->source == RH_POINT_PRESENT  ? _("%+g per meeting attended")
                                 : r->source == RH_POINT_ABSENT ? _("%+g per meeting missed")
                                                                : _("%+g per entry"),
                              points);
      if (cap != NULL)
        {
          g_string_append (s, " · ");
          g_string_append_printf (s, _("at most %s a quarter"), cap);
        }
    }
  return g_string_free (s, FALSE);
}

static void
rule_changed_cb (RhPointRulesEditor *self)
{
  if (self->loading)
    return;
  for (guint i = 0; i < self->rules->len; i++)
    {
      RuleRows *r = self->rules->pdata[i];
      g_autofree char *item = rh_editable_dup_text (r->item);
      g_autofree char *summary = rule_summary (r);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->expander), item != NULL ? item : "");
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (r->expander), summary);
    }
  set_dirty (self, TRUE);
}

static GtkEditable *
entry_row (RhPointRulesEditor *self, RuleRows *r, const char *title, const char *text,
           int width)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  if (width > 20)
    gtk_widget_set_hexpand (entry, TRUE);
  rh_editable_set_text (GTK_EDITABLE (entry), text);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (r->expander), row);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (rule_changed_cb), self);
  return GTK_EDITABLE (entry);
}

static void
rule_rows_free (RuleRows *r)
{
  g_free (r);
}

static void
remove_rule_cb (GtkButton *button, RhPointRulesEditor *self)
{
  RuleRows *r = g_object_get_data (G_OBJECT (button), "rh-rule");

  adw_preferences_group_remove (self->rules_group, r->expander);
  g_ptr_array_remove (self->rules, r);
  set_dirty (self, TRUE);
}

static RuleRows *
add_rule_rows (RhPointRulesEditor *self, const RhPointRule *rule)
{
  RuleRows *r = g_new0 (RuleRows, 1);
  GtkWidget *row;
  g_autofree char *cap = isnan (rule->cap) ? NULL : g_strdup_printf ("%g", rule->cap);

  r->id = rule->id;
  r->source = rule->source;
  r->expander = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r->expander), FALSE);
  r->code = entry_row (self, r, _("Code"), rule->code, 8);
  r->item = entry_row (self, r, _("Item"), rule->item, 24);
  r->category = entry_row (self, r, _("Category"), rule->category, 12);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 rule->source == RH_POINT_MANUAL ? _("Points per entry")
                                                                 : _("Points per meeting"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Negative points are deductions"));
  r->points = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (-1000, 1000, 0.5));
  gtk_spin_button_set_digits (r->points, 1);
  gtk_spin_button_set_value (r->points, rule->points);
  gtk_widget_set_valign (GTK_WIDGET (r->points), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (r->points, "value-changed", G_CALLBACK (rule_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (r->points));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (r->expander), row);

  r->cap = entry_row (self, r, _("Cap per quarter"), cap, 8);
  gtk_entry_set_placeholder_text (GTK_ENTRY (r->cap), _("none"));

  if (rule->source == RH_POINT_MANUAL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Remove Rule"));

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Veto"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("One entry sets the member’s year to 0"));
      r->veto = GTK_SWITCH (gtk_switch_new ());
      gtk_switch_set_active (r->veto, rule->veto);
      gtk_widget_set_valign (GTK_WIDGET (r->veto), GTK_ALIGN_CENTER);
      g_signal_connect_swapped (r->veto, "notify::active", G_CALLBACK (rule_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (r->veto));
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (r->veto));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (r->expander), row);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Entered by hand"));
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "rh-rule", r);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_rule_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (r->expander), row);
    }
  else
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Counted from the meeting records"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   rule->source == RH_POINT_PRESENT
                                     ? _("For each meeting attended; this rule cannot be removed")
                                     : _("For each meeting missed without leave; this rule cannot "
                                         "be removed"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (r->expander), row);
    }
  adw_preferences_group_add (self->rules_group, r->expander);
  g_ptr_array_add (self->rules, r);
  return r;
}

static void
load (RhPointRulesEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RhPointSettings) settings = rh_point_settings_load (self->db, &error);

  self->loading = TRUE;
  for (guint i = 0; i < self->rules->len; i++)
    adw_preferences_group_remove (self->rules_group, ((RuleRows *) self->rules->pdata[i])->expander);
  g_ptr_array_set_size (self->rules, 0);
  if (settings == NULL)
    {
      show_message (self, error->message);
      self->loading = FALSE;
      return;
    }
  gtk_spin_button_set_value (self->base_spin, settings->base);
  gtk_editable_set_text (self->levels_entry, settings->levels);
  for (guint i = 0; i < settings->rules->len; i++)
    add_rule_rows (self, settings->rules->pdata[i]);
  self->loading = FALSE;
  rule_changed_cb (self);
  set_dirty (self, FALSE);
  show_message (self, NULL);
}

static void
add_clicked_cb (RhPointRulesEditor *self)
{
  g_autoptr (RhPointRule) rule = rh_point_rule_new ();
  RuleRows *r;
  int n = 1;

  /* A free code after the others: P10, P11… */
  for (guint i = 0; i < self->rules->len; i++)
    {
      g_autofree char *code = rh_editable_dup_text (((RuleRows *) self->rules->pdata[i])->code);
      if (code != NULL && (code[0] == 'P' || code[0] == 'p'))
        n = MAX (n, atoi (code + 1) + 1);
    }
  rule->code = g_strdup_printf ("P%02d", n);
  rule->item = g_strdup (_("New rule"));
  rule->points = 1;
  self->loading = TRUE;
  r = add_rule_rows (self, rule);
  self->loading = FALSE;
  rule_changed_cb (self);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (r->expander), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (r->item));
}

static void
toast (RhPointRulesEditor *self, const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

/* Whether a message names a rule's code as a word (P1 is not named by P10). */
static gboolean
names_code (const char *message, const char *code)
{
  gsize n = code != NULL ? strlen (code) : 0;

  for (const char *at = n > 0 ? strstr (message, code) : NULL; at != NULL;
       at = strstr (at + 1, code))
    if ((at == message || !g_ascii_isalnum (at[-1])) && !g_ascii_isalnum (at[n]))
      return TRUE;
  return FALSE;
}

gboolean
rh_point_rules_editor_save (RhPointRulesEditor *self)
{
  g_autoptr (RhPointSettings) settings = g_new0 (RhPointSettings, 1);
  g_autoptr (GError) error = NULL;

  settings->base = gtk_spin_button_get_value (self->base_spin);
  settings->levels = g_strdup (gtk_editable_get_text (self->levels_entry));
  settings->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rh_point_rule_free);
  for (guint i = 0; i < self->rules->len; i++)
    {
      RuleRows *r = self->rules->pdata[i];
      RhPointRule *rule = rh_point_rule_new ();
      g_autofree char *cap = rh_editable_dup_text (r->cap);

      rule->id = r->id;
      rule->source = r->source;
      rule->code = g_strdup (gtk_editable_get_text (r->code));
      rule->item = g_strdup (gtk_editable_get_text (r->item));
      rule->category = rh_editable_dup_text (r->category);
      rule->points = gtk_spin_button_get_value (r->points);
      rule->veto = r->veto != NULL && gtk_switch_get_active (r->veto);
      g_ptr_array_add (settings->rules, rule);
      if (cap != NULL)
        {
          char *end = NULL;
          rule->cap = g_ascii_strtod (cap, &end);
          if (end == cap || *end != '\0')
            {
              g_autofree char *message =
                g_strdup_printf (_("Points rule %s: the cap per quarter “%s” is not a number"),
                                 rule->code, cap);
              show_message (self, message);
              adw_expander_row_set_expanded (ADW_EXPANDER_ROW (r->expander), TRUE);
              return FALSE;
            }
        }
    }
  if (!rh_point_settings_save (self->db, settings, &error))
    {
      show_message (self, error->message);
      /* The message names the rule by its code: open that rule to show its fields. */
      for (guint i = 0; i < self->rules->len; i++)
        {
          RuleRows *r = self->rules->pdata[i];
          g_autofree char *code = rh_editable_dup_text (r->code);

          if (names_code (error->message, code))
            adw_expander_row_set_expanded (ADW_EXPANDER_ROW (r->expander), TRUE);
        }
      return FALSE;
    }
  rh_database_emit_changed (self->db);
  load (self);
  toast (self, _("Points rules saved"));
  return TRUE;
}

static void
save_clicked_cb (RhPointRulesEditor *self)
{
  rh_point_rules_editor_save (self);
}

static void
revert_clicked_cb (RhPointRulesEditor *self)
{
  load (self);
}

static void
rh_point_rules_editor_dispose (GObject *object)
{
  RhPointRulesEditor *self = RH_POINT_RULES_EDITOR (object);

  g_clear_pointer (&self->rules, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_POINT_RULES_EDITOR);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rh_point_rules_editor_parent_class)->dispose (object);
}

static void
rh_point_rules_editor_class_init (RhPointRulesEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_point_rules_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-point-rules-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RhPointRulesEditor, message_group);
  gtk_widget_class_bind_template_child (widget_class, RhPointRulesEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, RhPointRulesEditor, base_spin);
  gtk_widget_class_bind_template_child (widget_class, RhPointRulesEditor, levels_entry);
  gtk_widget_class_bind_template_child (widget_class, RhPointRulesEditor, rules_group);
  gtk_widget_class_bind_template_child (widget_class, RhPointRulesEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RhPointRulesEditor, revert_button);
  gtk_widget_class_bind_template_callback (widget_class, rule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);
}

static void
rh_point_rules_editor_init (RhPointRulesEditor *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_rows_free);
}

RhPointRulesEditor *
rh_point_rules_editor_new (RhDatabase *db)
{
  RhPointRulesEditor *self = g_object_new (RH_TYPE_POINT_RULES_EDITOR, NULL);

  self->db = g_object_ref (db);
  load (self);
  return self;
}
