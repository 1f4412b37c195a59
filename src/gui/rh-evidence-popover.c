/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An indicator's comment and evidence (佐证材料): text, and the paths of
 * files kept elsewhere (scans, photos, minutes), which Ronghe only refers to. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-evidence-popover.h"
#include "rh-gui-util.h"

struct _RhEvidencePopover
{
  GtkPopover   parent_instance;
  RhScore     *score;

  GtkTextView *comment_view, *evidence_view;
  GtkListBox  *files_box;
};

G_DEFINE_FINAL_TYPE (RhEvidencePopover, rh_evidence_popover, GTK_TYPE_POPOVER)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
text_changed_cb (RhEvidencePopover *self)
{
  g_free (self->score->comment);
  self->score->comment = text_of (self->comment_view);
  g_free (self->score->evidence);
  self->score->evidence = text_of (self->evidence_view);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void fill_files (RhEvidencePopover *self);

/* The files without the one at index. */
static void
remove_clicked_cb (GtkButton *button, RhEvidencePopover *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  g_auto (GStrv) paths = g_strsplit (self->score->attachments, "\n", -1);
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  g_auto (GStrv) rest = NULL;

  for (guint i = 0; paths[i] != NULL; i++)
    if (i != index)
      g_strv_builder_add (kept, paths[i]);
  rest = g_strv_builder_end (kept);
  g_free (self->score->attachments);
  self->score->attachments = rest[0] != NULL ? g_strjoinv ("\n", rest) : NULL;
  fill_files (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
fill_files (RhEvidencePopover *self)
{
  g_auto (GStrv) paths = NULL;

  rh_list_box_remove_all (self->files_box);
  gtk_widget_set_visible (GTK_WIDGET (self->files_box), self->score->attachments != NULL);
  if (self->score->attachments == NULL)
    return;
  paths = g_strsplit (self->score->attachments, "\n", -1);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *name = g_path_get_basename (paths[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), paths[i]);
      gtk_widget_set_tooltip_text (remove, _("Remove from the evidence"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->files_box, row);
    }
}

void
rh_evidence_popover_attach (RhEvidencePopover *self, GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_auto (GStrv) paths = NULL;

  if (path == NULL)
    return;
  paths = self->score->attachments ? g_strsplit (self->score->attachments, "\n", -1) : NULL;
  if (paths != NULL && g_strv_contains ((const char *const *) paths, path))
    return;
  if (self->score->attachments == NULL)
    self->score->attachments = g_steal_pointer (&path);
  else
    {
      char *joined = g_strconcat (self->score->attachments, "\n", path, NULL);
      g_free (self->score->attachments);
      self->score->attachments = joined;
    }
  fill_files (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
attach_response_cb (GtkNativeDialog *chooser, int response, RhEvidencePopover *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i);
          rh_evidence_popover_attach (self, file);
        }
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
attach_activated (GtkWidget *widget, const char *action, GVariant *param)
{
  RhEvidencePopover *self = RH_EVIDENCE_POPOVER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Attach Evidence Files"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (attach_response_cb), g_object_ref (self));
  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
rh_evidence_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RH_TYPE_EVIDENCE_POPOVER);
  G_OBJECT_CLASS (rh_evidence_popover_parent_class)->dispose (object);
}

static void
rh_evidence_popover_class_init (RhEvidencePopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rh_evidence_popover_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ronghe/Ronghe/rh-evidence-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, RhEvidencePopover, comment_view);
  gtk_widget_class_bind_template_child (widget_class, RhEvidencePopover, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, RhEvidencePopover, files_box);
  gtk_widget_class_install_action (widget_class, "evidence.attach", NULL, attach_activated);
}

static void
rh_evidence_popover_init (RhEvidencePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RhEvidencePopover *
rh_evidence_popover_new (RhScore *score)
{
  RhEvidencePopover *self = g_object_new (RH_TYPE_EVIDENCE_POPOVER, NULL);

  self->score = score;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view),
                            score->comment ? score->comment : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->evidence_view),
                            score->evidence ? score->evidence : "", -1);
  fill_files (self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->comment_view), "changed",
                            G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->evidence_view), "changed",
                            G_CALLBACK (text_changed_cb), self);
  return self;
}
