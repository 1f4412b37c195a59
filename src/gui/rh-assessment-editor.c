/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include "rh-assessment-editor.h"
#include "rh-evidence-popover.h"
#include "rh-assessment.h"
#include "rh-gui-util.h"
#include "rh-org.h"
#include "rh-window.h"

/* One indicator's row: what the user types, and where messages go. */
typedef struct {
  RhIndicator  *indicator;
  AdwActionRow *row;
  GtkEditable  *self_entry;
  GtkEditable  *committee_entry;
  GtkEditable  *reason_entry;   /* automatic indicators only */
  GtkMenuButton     *notes_button;
  RhEvidencePopover *evidence;
} Line;

struct _RhAssessmentEditor
{
  AdwWindow     parent_instance;
  RhDatabase   *db;
  RhTemplate   *template_;
  RhAssessment *assessment;
  GArray       *lines;            /* Line, in template order */
  GPtrArray    *category_groups;  /* AdwPreferencesGroup per category */
  GtkEditable  *business_entry;
  GtkEditable  *review_entry;
  GtkSpinButton *votes[RH_N_VOTES];  /* a rating survey's tally */

  GtkLabel            *error_label;
  GtkLabel            *total_label;
  AdwPreferencesPage  *page;
  GtkWidget           *save_button, *submit_button, *finalise_button, *reopen_button;
};

G_DEFINE_FINAL_TYPE (RhAssessmentEditor, rh_assessment_editor, ADW_TYPE_WINDOW)

/* A typed score: NAN when empty; clamped to 0…max with a message beside the row. */
static double
read_score (GtkEditable *entry, double max, AdwActionRow *row)
{
  g_autofree char *text = rh_editable_dup_text (entry);
  char *end = NULL;
  double v;

  if (text == NULL)
    return NAN;
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a number"), text);
      if (row != NULL)
        rh_form_row_set_error (row, message);
      return NAN;
    }
  if (v < 0 || v > max)
    {
      g_autofree char *message = g_strdup_printf (_("A score is between 0 and %g; %g was kept as %g"),
                                                  max, v, CLAMP (v, 0, max));
      if (row != NULL)
        rh_form_row_set_error (row, message);
      return CLAMP (v, 0, max);
    }
  return v;
}

/* Reads the form into the assessment and shows the live totals. */
static void
update (RhAssessmentEditor *self)
{
  g_autofree RhScore *scores = g_new0 (RhScore, self->lines->len);
  RhScoreResult r = { 0 };
  g_autofree char *total = NULL;
  guint k = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *l = &g_array_index (self->lines, Line, i);
      RhScore *s = rh_assessment_score (self->assessment, l->indicator->id);

      rh_form_row_set_error (l->row, NULL);
      s->self_score = l->indicator->source == RH_SOURCE_NONE
                        ? read_score (l->self_entry, l->indicator->max_points, l->row) : NAN;
      s->committee_score = read_score (l->committee_entry, l->indicator->max_points, l->row);
      g_free (s->override_reason);
      s->override_reason = l->reason_entry ? rh_editable_dup_text (l->reason_entry) : NULL;
      scores[i] = (RhScore) { s->self_score, s->committee_score, s->auto_score, NULL, NULL, NULL };
    }
  self->assessment->business_score = read_score (self->business_entry, 100, NULL);
  /* A survey's votes, when any, give the rating. */
  for (int v = 0; v < RH_N_VOTES; v++)
    self->assessment->review_tally[v] = gtk_spin_button_get_value_as_int (self->votes[v]);
  if (rh_review_tally_score (self->assessment->review_tally) >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%g",
                                               rh_review_tally_score (self->assessment->review_tally));
      if (g_strcmp0 (gtk_editable_get_text (self->review_entry), text) != 0)
        gtk_editable_set_text (self->review_entry, text);
    }
  gtk_editable_set_editable (self->review_entry,
                             !(rh_review_tally_score (self->assessment->review_tally) >= 0));
  self->assessment->review_score = read_score (self->review_entry, 100, NULL);
  rh_score_compute (self->template_, scores, self->lines->len, self->assessment->business_score,
                    self->assessment->review_score, &r);

  /* Category subtotals, live. */
  for (guint c = 0; c < self->template_->categories->len; c++)
    {
      RhCategory *cat = self->template_->categories->pdata[c];
      double sum = 0, max = 0;
      g_autofree char *text = NULL;

      for (guint i = 0; i < cat->indicators->len; i++, k++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];
          double v = !isnan (scores[k].committee_score) ? scores[k].committee_score
                                                        : scores[k].self_score;
          sum += isnan (v) ? 0 : v;
          max += ind->max_points;
        }
      text = g_strdup_printf (_("Subtotal %g of %g"), sum, max);
      adw_preferences_group_set_description (self->category_groups->pdata[c], text);
    }
  total = g_strdup_printf (_("Party score %.2f · combined %.2f · %s · %d stars%s"), r.party,
                           r.total, r.grade, r.star_level, r.vetoed ? _(" · veto") : "");
  gtk_label_set_label (self->total_label, total);
  g_free (r.grade);
}

/* The notes button shows whether there is anything behind it. */
static void
show_notes_state (GtkMenuButton *button)
{
  RhScore *s = g_object_get_data (G_OBJECT (button), "score");
  gboolean files = s->attachments != NULL;

  gtk_menu_button_set_icon_name (button, files ? "mail-attachment-symbolic"
                                               : "document-edit-symbolic");
  if (files || s->comment != NULL || s->evidence != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (button), "accent");
}

static GtkWidget *
score_entry (const char *placeholder, double value)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *text = isnan (value) ? NULL : g_strdup_printf ("%g", value);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  /* The same width on every row, so the columns line up. */
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 6);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  rh_editable_set_text (GTK_EDITABLE (entry), text);
  return entry;
}

static void
build (RhAssessmentEditor *self)
{
  gboolean readonly = self->assessment->status == RH_ASSESSMENT_FINALISED;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) auto_text = rh_assessment_fill_auto (self->db, self->assessment, &error);
  AdwPreferencesGroup *scores = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *row;

  adw_preferences_group_set_title (scores, _("Business and Review"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Business score (0–100)"));
  self->business_entry = GTK_EDITABLE (score_entry ("—", self->assessment->business_score));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->business_entry));
  adw_preferences_group_add (scores, row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Members' and masses' rating (0–100)"));
  self->review_entry = GTK_EDITABLE (score_entry ("—", self->assessment->review_score));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->review_entry));
  adw_preferences_group_add (scores, row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Survey votes"));
  gtk_widget_set_tooltip_text (row, _("Counted 100, 60 and 0; they make the rating"));
  for (int v = 0; v < RH_N_VOTES; v++)
    {
      static const char *const names[RH_N_VOTES] = { NC_("survey vote", "Satisfied"),
                                                      NC_("survey vote", "Basic"),
                                                      NC_("survey vote", "Unsatisfied") };
      GtkWidget *label = gtk_label_new (g_dpgettext2 (GETTEXT_PACKAGE, "survey vote", names[v]));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_start (label, v > 0 ? 6 : 0);
      self->votes[v] = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100000, 1));
      gtk_spin_button_set_value (self->votes[v], self->assessment->review_tally[v]);
      gtk_editable_set_width_chars (GTK_EDITABLE (self->votes[v]), 3);
      gtk_widget_set_valign (GTK_WIDGET (self->votes[v]), GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->votes[v]));
      g_signal_connect_swapped (self->votes[v], "value-changed", G_CALLBACK (update), self);
    }
  adw_preferences_group_add (scores, row);
  adw_preferences_page_add (self->page, scores);
  g_signal_connect_swapped (self->business_entry, "changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->review_entry, "changed", G_CALLBACK (update), self);

  for (guint c = 0; c < self->template_->categories->len; c++)
    {
      RhCategory *cat = self->template_->categories->pdata[c];
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_title (group, cat->name);
      g_ptr_array_add (self->category_groups, group);
      for (guint i = 0; i < cat->indicators->len; i++)
        {
          RhIndicator *ind = cat->indicators->pdata[i];
          RhScore *s = rh_assessment_score (self->assessment, ind->id);
          g_autofree char *title = g_strdup_printf ("%s %s（%g）", ind->code, ind->name,
                                                    ind->max_points);
          Line l = { ind, ADW_ACTION_ROW (adw_action_row_new ()), NULL, NULL, NULL };

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (l.row), title);
          if (ind->source != RH_SOURCE_NONE)
            {
              const char *figure = auto_text ? g_hash_table_lookup (auto_text, &ind->id) : NULL;
              g_autofree char *subtitle = NULL;

              if (figure != NULL && !isnan (s->auto_score))
                subtitle = g_strdup_printf (_("%s: %s, %g points"), rh_source_label (ind->source),
                                            figure, s->auto_score);
              else if (figure != NULL)
                subtitle = g_strdup_printf (_("%s: %s"), rh_source_label (ind->source), figure);
              else
                subtitle = g_strdup (rh_source_label (ind->source));
              adw_action_row_set_subtitle (l.row, subtitle);
            }
          else
            adw_action_row_set_subtitle (l.row, ind->standard ? ind->standard : "");
          adw_action_row_set_subtitle_lines (l.row, 2);
          l.self_entry = GTK_EDITABLE (score_entry (C_("score placeholder", "Self"),
                                                    s->self_score));
          l.committee_entry = GTK_EDITABLE (score_entry (C_("score placeholder", "Committee"),
                                                         s->committee_score));
          if (ind->source != RH_SOURCE_NONE)
            {
              /* Filled from the records: overriding needs a reason. */
              gtk_editable_set_editable (l.self_entry, FALSE);
              gtk_entry_set_placeholder_text (GTK_ENTRY (l.self_entry), _("Auto"));
              if (!isnan (s->auto_score))
                {
                  g_autofree char *value = g_strdup_printf ("%g", s->auto_score);
                  rh_editable_set_text (l.self_entry, value);
                }
              l.reason_entry = GTK_EDITABLE (score_entry (_("Reason to override"), NAN));
              gtk_editable_set_width_chars (l.reason_entry, 12);
              gtk_editable_set_max_width_chars (l.reason_entry, 12);
              rh_editable_set_text (l.reason_entry, s->override_reason);
              adw_action_row_add_suffix (l.row, GTK_WIDGET (l.reason_entry));
              g_signal_connect_swapped (l.reason_entry, "changed", G_CALLBACK (update), self);
            }
          adw_action_row_add_suffix (l.row, GTK_WIDGET (l.self_entry));
          adw_action_row_add_suffix (l.row, GTK_WIDGET (l.committee_entry));
          l.notes_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
          l.evidence = rh_evidence_popover_new (s);
          gtk_menu_button_set_popover (l.notes_button, GTK_WIDGET (l.evidence));
          gtk_widget_set_valign (GTK_WIDGET (l.notes_button), GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (GTK_WIDGET (l.notes_button), _("Comment and evidence"));
          g_signal_connect_swapped (l.evidence, "changed", G_CALLBACK (show_notes_state),
                                    l.notes_button);
          g_object_set_data (G_OBJECT (l.notes_button), "score", s);
          show_notes_state (l.notes_button);
          adw_action_row_add_suffix (l.row, GTK_WIDGET (l.notes_button));
          g_signal_connect_swapped (l.self_entry, "changed", G_CALLBACK (update), self);
          g_signal_connect_swapped (l.committee_entry, "changed", G_CALLBACK (update), self);
          adw_preferences_group_add (group, GTK_WIDGET (l.row));
          g_array_append_val (self->lines, l);
        }
      adw_preferences_page_add (self->page, group);
    }
  if (auto_text == NULL)
    rh_form_show_error (self->error_label, NULL, error->message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), !readonly);
  gtk_widget_set_visible (self->save_button, !readonly);
  gtk_widget_set_visible (self->finalise_button, !readonly);
  gtk_widget_set_visible (self->submit_button,
                          self->assessment->status == RH_ASSESSMENT_DRAFT);
  gtk_widget_set_visible (self->reopen_button, readonly);
  update (self);
}

static gboolean
save (RhAssessmentEditor *self)
{
  g_autoptr (GError) error = NULL;

  update (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (!rh_assessment_save (self->db, self->assessment, &error))
    {
      rh_form_show_error (self->error_label, NULL, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
done (RhAssessmentEditor *self, const char *message)
{
  RhWindow *window = rh_window_for (GTK_WIDGET (self));

  rh_database_emit_changed (self->db);
  if (window != NULL)
    rh_window_toast (window, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhAssessmentEditor *self = RH_ASSESSMENT_EDITOR (widget);

  if (save (self))
    done (self, _("Assessment saved"));
}

/* Saves, then moves the assessment on: submitted by the branch, or finalised
 * by the committee. */
static void
move_on (RhAssessmentEditor *self, RhAssessmentStatus status, const char *message)
{
  g_autoptr (GError) error = NULL;

  if (!save (self))
    return;
  if (!rh_assessment_set_status (self->db, self->assessment, status, NULL, &error))
    {
      rh_form_show_error (self->error_label, NULL, error->message);
      return;
    }
  done (self, message);
}

static void
submit_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  move_on (RH_ASSESSMENT_EDITOR (widget), RH_ASSESSMENT_SUBMITTED,
           _("Assessment submitted to the committee"));
}

static void
finalise_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  move_on (RH_ASSESSMENT_EDITOR (widget), RH_ASSESSMENT_FINALISED, _("Assessment finalised"));
}

static void
reopen_response_cb (AdwMessageDialog *dialog, const char *response, RhAssessmentEditor *self)
{
  g_autofree char *reason = rh_editable_dup_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "reopen") != 0)
    return;
  if (!rh_assessment_set_status (self->db, self->assessment, RH_ASSESSMENT_DRAFT, reason, &error))
    {
      rh_form_show_error (self->error_label, NULL, error->message);
      return;
    }
  done (self, _("Assessment reopened"));
}

static void
reopen_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhAssessmentEditor *self = RH_ASSESSMENT_EDITOR (widget);
  GtkWidget *reason = gtk_entry_new ();
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (self), _("Reopen the Finalised Assessment?"),
                            _("The result is worked out again when it is finalised anew. "
                              "The reason is kept in the log.")));

  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason"));
  adw_message_dialog_set_extra_child (dialog, reason);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "reopen", _("_Reopen"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reopen", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reopen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
rh_assessment_editor_enter (RhAssessmentEditor *self, const char *code, gboolean committee,
                            const char *text)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *l = &g_array_index (self->lines, Line, i);
      if (g_strcmp0 (l->indicator->code, code) == 0)
        {
          gtk_editable_set_text (committee ? l->committee_entry : l->self_entry, text);
          return TRUE;
        }
    }
  return FALSE;
}

RhEvidencePopover *
rh_assessment_editor_evidence (RhAssessmentEditor *self, const char *code)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *l = &g_array_index (self->lines, Line, i);
      if (g_strcmp0 (l->indicator->code, code) == 0)
        return l->evidence;
    }
  return NULL;
}

static void
rh_assessment_editor_dispose (GObject *object)
{
  RhAssessmentEditor *self = RH_ASSESSMENT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_ASSESSMENT_EDITOR);
  g_clear_pointer (&self->assessment, rh_assessment_free);
  g_clear_pointer (&self->template_, rh_template_free);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->category_groups, g_ptr_array_unref);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (rh_assessment_editor_parent_class)->dispose (object);
}

static void
rh_assessment_editor_class_init (RhAssessmentEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_assessment_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-assessment-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RhAssessmentEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RhAssessmentEditor, total_label);
  gtk_widget_class_bind_template_child (widget_class, RhAssessmentEditor, page);
  gtk_widget_class_bind_template_child (widget_class, RhAssessmentEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RhAssessmentEditor, submit_button);
  gtk_widget_class_bind_template_child (widget_class, RhAssessmentEditor, finalise_button);
  gtk_widget_class_bind_template_child (widget_class, RhAssessmentEditor, reopen_button);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.submit", NULL, submit_activated);
  gtk_widget_class_install_action (widget_class, "editor.finalise", NULL, finalise_activated);
  gtk_widget_class_install_action (widget_class, "editor.reopen", NULL, reopen_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rh_assessment_editor_init (RhAssessmentEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  self->category_groups = g_ptr_array_new ();
}

RhAssessmentEditor *
rh_assessment_editor_new (GtkWindow *parent, RhDatabase *db, gint64 org_id, const char *period)
{
  g_autoptr (RhAssessment) a = rh_assessment_load_or_new (db, org_id, period, NULL);
  g_autoptr (RhOrg) org = rh_org_load (db, org_id, NULL);
  RhTemplate *t = a != NULL && a->template_id ? rh_template_load (db, a->template_id, NULL) : NULL;
  RhAssessmentEditor *self;
  g_autofree char *title = NULL;

  if (t == NULL || org == NULL)
    return NULL;
  self = g_object_new (RH_TYPE_ASSESSMENT_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->template_ = t;
  self->assessment = g_steal_pointer (&a);
  title = g_strdup_printf (_("%s · %s · %s"), org->name, period, t->name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  build (self);
  return self;
}
