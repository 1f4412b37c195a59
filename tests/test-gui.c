/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The GUI in-process under Xvfb: the welcome page, the sample, the member editor. */
#include "rh-config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include "rh-meeting-editor.h"
#include "rh-meetings-page.h"
#include "rh-member-editor.h"
#include "rh-assessment-editor.h"
#include "rh-assessment-page.h"
#include "rh-assessment.h"
#include "rh-case-editor.h"
#include "rh-case-view.h"
#include "rh-export-dialog.h"
#include "rh-charts-page.h"
#include "rh-task-editor.h"
#include "rh-preferences.h"
#include "rh-template-editor.h"
#include "rh-list-stage.h"
#include "rh-members-page.h"
#include "rh-org-page.h"
#include "rh-member-view.h"
#include "rh-point-entry-dialog.h"
#include "rh-point-rules-editor.h"
#include "rh-points-window.h"
#include "rh-points.h"
#include "rh-gui-util.h"
#include "rh-import-dialog.h"
#include "rh-import.h"
#include "rh-i18n.h"
#include "rh-window.h"
#include "test-util.h"

typedef struct {
  char       *dir;
  RhDatabase *db;
  RhWindow   *window;
} Fixture;

static void
iterate (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("ronghe-gui-XXXXXX", NULL);
  path = g_build_filename (f->dir, "ronghe.db", NULL);
  f->db = rh_database_open (path, &error);
  g_assert_no_error (error);
  f->window = g_object_ref_sink (rh_window_new (NULL, f->db, NULL));
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "ronghe.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  iterate ();
  g_object_unref (f->db);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static gpointer
child (gpointer widget, GType type, const char *name)
{
  /* The window fills a page when it is first shown; a test that reaches into one
   * fills it first. */
  static const char *const views[][2] = {
    { "overview_page", "overview" }, { "org_page", "organisations" },
    { "members_page", "members" }, { "meetings_page", "meetings" }, { "tasks_page", "tasks" },
    { "cases_page", "cases" }, { "assessment_page", "assessment" }, { "charts_page", "charts" },
  };

  if (type == RH_TYPE_WINDOW)
    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      if (g_strcmp0 (name, views[i][0]) == 0)
        {
          /* Pages are made when first used, not by the window's template. */
          rh_window_load_view (widget, views[i][1]);
          return rh_window_get_page (widget, views[i][1]);
        }
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
  g_assert_nonnull (object);
  return object;
}

static const char *
visible_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (child (f->window, RH_TYPE_WINDOW, "main_stack"));
}

static RhMembersPage *
members_page (Fixture *f)
{
  return child (f->window, RH_TYPE_WINDOW, "members_page");
}

static guint
n_members_listed (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (rh_members_page_get_list (members_page (f))));
}

/* With RONGHE_SCREENSHOT_DIR set, saves a widget as NAME.png there, so that a
 * person can look at what the tests drove (in English or zh_CN). */
static void
screenshot (gpointer widget, const char *name)
{
  const char *dir = g_getenv ("RONGHE_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  /* A window shown just now has not drawn its first frame yet. */
  for (gint64 end = g_get_monotonic_time () + 300 * 1000; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("no picture of %s (%d×%d)", name, width, height);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

static void
load_sample (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-sample", NULL));
  iterate ();
}

static void
test_opens_on_status_page (Fixture *f, gconstpointer data)
{
  g_assert_cmpstr (visible_page (f), ==, "empty");
  g_assert_true (gtk_widget_get_visible (child (f->window, RH_TYPE_WINDOW, "empty_page")));
  /* The pages of views not yet shown are not built. */
  g_assert_null (gtk_widget_get_first_child (child (f->window, RH_TYPE_WINDOW, "charts_slot")));
  g_assert_null (gtk_widget_get_first_child (child (f->window, RH_TYPE_WINDOW, "members_slot")));
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (rh_window_get_page (f->window, "members"),
                                             RH_TYPE_MEMBERS_PAGE));
  g_assert_nonnull (gtk_widget_get_first_child (child (f->window, RH_TYPE_WINDOW, "members_slot")));
}

static void
test_sample_shows_tree_and_list (Fixture *f, gconstpointer data)
{
  RhOrgPage *orgs = child (f->window, RH_TYPE_WINDOW, "org_page");
  GListModel *tree;
  gint64 members = 0;

  load_sample (f);
  g_assert_cmpstr (visible_page (f), ==, "content");
  /* The committee is open: it and its children are rows. */
  tree = rh_org_page_get_model (orgs);
  g_assert_cmpuint (g_list_model_get_n_items (tree), >, 5);
  members = rh_database_query_int (f->db, "SELECT count(*) FROM member WHERE archived_date IS NULL");
  g_assert_cmpint (members, >, 250);
  g_assert_cmpuint (n_members_listed (f), ==, (guint) members);
  /* A reminder row opens its item: at least one is shown for the sample, once the
   * page has computed them after it was first drawn. */
  {
    GtkWidget *reminders = child (child (f->window, RH_TYPE_WINDOW, "overview_page"),
                                  g_type_from_name ("RhOverviewPage"), "reminders_list");
    gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (gtk_widget_get_first_child (reminders) == NULL && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_assert_nonnull (gtk_widget_get_first_child (reminders));
  }
}

/* The number on the Overview's first card (branches). */
static const char *
first_count (RhWindow *window)
{
  GtkWidget *box = child (child (window, RH_TYPE_WINDOW, "overview_page"),
                          g_type_from_name ("RhOverviewPage"), "counts_box");
  GtkWidget *flow_child = gtk_widget_get_first_child (box);
  GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (flow_child));

  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (card)));
}

static RhWindow *
open_second_window (Fixture *f, const RhCounts *counts, const char *view)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  RhWindow *window;

  g_settings_set_string (settings, "last-view", view);
  window = g_object_ref_sink (rh_window_new (NULL, f->db, counts));
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

/* The counts computed at start-up (rh-application.c) fill the Overview when it is the view
 * shown first, and only then: shown later, or after a change, the page counts again. */
static void
test_start_up_counts (Fixture *f, gconstpointer data)
{
  RhCounts start_up;
  g_autofree char *branches = NULL;
  RhWindow *window;

  load_sample (f);
  g_assert_true (rh_counts_compute (f->db, &start_up, NULL));
  branches = g_strdup_printf ("%d", start_up.branches);
  start_up.branches = 99999;   /* marks the counts given at start-up */

  window = open_second_window (f, &start_up, "overview");
  g_assert_cmpstr (first_count (window), ==, "99999");
  rh_database_emit_changed (f->db);
  iterate ();
  g_assert_cmpstr (first_count (window), ==, branches);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);

  window = open_second_window (f, &start_up, "members");
  rh_window_show_view (window, "overview");
  iterate ();
  g_assert_cmpstr (first_count (window), ==, branches);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  iterate ();
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);

    /* The next tests open on the view a first start shows. */
    g_settings_reset (settings, "last-view");
  }
}

static RhMemberEditor *
new_editor (Fixture *f, gint64 branch)
{
  RhMemberEditor *editor = rh_member_editor_new (GTK_WINDOW (f->window), f->db, NULL, branch);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  return editor;
}

static void
type (RhMemberEditor *editor, const char *entry, const char *text)
{
  gtk_editable_set_text (child (editor, RH_TYPE_MEMBER_EDITOR, entry), text);
}

static gint64
first_branch (Fixture *f)
{
  return rh_database_query_int (f->db, "SELECT min(id) FROM organisation WHERE kind = 'branch'");
}

static void
fill_valid_member (RhMemberEditor *editor)
{
  g_autofree char *id = rh_test_id_number (7, "19880315", RH_GENDER_FEMALE);

  type (editor, "name_entry", "测试党员");
  type (editor, "id_number_entry", id);
  type (editor, "admitted_date_entry", "2015-07-01");
  type (editor, "full_date_entry", "2016-07-01");
  gtk_drop_down_set_selected (child (editor, RH_TYPE_MEMBER_EDITOR, "status_dropdown"),
                              RH_STATUS_FULL);
}

static void
test_create_member_through_editor (Fixture *f, gconstpointer data)
{
  RhMemberEditor *editor;
  GtkWidget *weak;
  guint before;

  load_sample (f);
  before = n_members_listed (f);
  editor = new_editor (f, first_branch (f));
  fill_valid_member (editor);
  /* The id number filled in the gender and birth date. */
  g_assert_cmpuint (gtk_drop_down_get_selected (child (editor, RH_TYPE_MEMBER_EDITOR,
                                                       "gender_dropdown")),
                    ==, RH_GENDER_FEMALE);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, RH_TYPE_MEMBER_EDITOR, "birth_date_entry")),
                   ==, "1988-03-15");
  weak = GTK_WIDGET (editor);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
  /* Saved, closed, and listed. */
  g_assert_null (weak);
  g_assert_cmpuint (n_members_listed (f), ==, before + 1);
  gtk_editable_set_text (child (members_page (f), RH_TYPE_MEMBERS_PAGE, "search_entry"), "csdy");
  iterate ();
  g_assert_cmpuint (n_members_listed (f), ==, 1);
  {
    g_autoptr (RhMember) m = g_list_model_get_item (G_LIST_MODEL (rh_members_page_get_list (members_page (f))), 0);
    g_assert_cmpstr (m->name, ==, "测试党员");
  }
}

static void
test_bad_id_shows_inline_message (Fixture *f, gconstpointer data)
{
  RhMemberEditor *editor;
  AdwActionRow *row;
  gint64 before;

  load_sample (f);
  before = rh_database_query_int (f->db, "SELECT count(*) FROM member");
  editor = new_editor (f, first_branch (f));
  fill_valid_member (editor);
  type (editor, "id_number_entry", "110105194912310021");   /* wrong check character */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
  /* The editor stays open with the message beside the field; nothing was saved. */
  g_assert_cmpint (rh_member_editor_get_saved_id (editor), ==, 0);
  row = child (editor, RH_TYPE_MEMBER_EDITOR, "id_number_row");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "X"));
  g_assert_true (gtk_widget_get_visible (child (editor, RH_TYPE_MEMBER_EDITOR, "error_label")));
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM member"), ==, before);

  /* A missing branch is named beside the branch field. */
  gtk_window_destroy (GTK_WINDOW (editor));
  editor = new_editor (f, 0);
  fill_valid_member (editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
  row = child (editor, RH_TYPE_MEMBER_EDITOR, "branch_row");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM member"), ==, before);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Cells of the compliance grid marked as met. */
static int
count_met_cells (Fixture *f)
{
  GtkWidget *grid = child (child (f->window, RH_TYPE_WINDOW, "meetings_page"),
                           RH_TYPE_MEETINGS_PAGE, "compliance_grid");
  int n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += gtk_widget_has_css_class (c, "met");
  return n;
}

static void
test_record_meeting_changes_grid (Fixture *f, gconstpointer data)
{
  RhMeetingsPage *page;
  RhMeetingEditor *editor;
  gint64 branch, member;
  sqlite3_stmt *stmt;
  int before;

  load_sample (f);
  branch = first_branch (f);
  member = rh_database_query_int (f->db, "SELECT min(id) FROM member WHERE archived_date IS NULL"
                                         " AND admitted_date < '2025-01-01' AND org_id ="
                                         " (SELECT min(id) FROM organisation WHERE kind = 'branch')");
  /* January's theme day is missing, whatever the sample holds. */
  stmt = rh_database_prepare (f->db, "DELETE FROM meeting WHERE org_id = ?1 AND kind = 'theme_day'"
                                     " AND date BETWEEN '2026-01-01' AND '2026-01-31'", NULL);
  sqlite3_bind_int64 (stmt, 1, branch);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  rh_database_emit_changed (f->db);
  page = child (f->window, RH_TYPE_WINDOW, "meetings_page");
  rh_meetings_page_show (page, branch, 2026);
  iterate ();
  before = count_met_cells (f);

  editor = rh_meeting_editor_new (GTK_WINDOW (f->window), f->db, NULL, branch);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  gtk_drop_down_set_selected (child (editor, RH_TYPE_MEETING_EDITOR, "kind_dropdown"),
                              RH_MEETING_THEME_DAY);
  gtk_editable_set_text (child (editor, RH_TYPE_MEETING_EDITOR, "date_entry"), "2026-01-20");
  gtk_editable_set_text (child (editor, RH_TYPE_MEETING_EDITOR, "topic_entry"), "重温入党誓词");
  gtk_editable_set_text (child (editor, RH_TYPE_MEETING_EDITOR, "business_entry"), "春节保供");
  iterate ();
  /* Everyone is present by default; one exception is marked. */
  g_assert_true (rh_meeting_editor_mark (editor, member, RH_ATTENDANCE_LEAVE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();

  g_assert_cmpint (count_met_cells (f), ==, before + 1);
  stmt = rh_database_prepare (f->db, "SELECT count(*) FROM attendance a JOIN meeting m"
                                     " ON m.id = a.meeting_id WHERE m.org_id = ?1"
                                     " AND m.kind = 'theme_day' AND m.date = '2026-01-20'"
                                     " AND a.state = 'leave' AND a.member_id = ?2", NULL);
  sqlite3_bind_int64 (stmt, 1, branch);
  sqlite3_bind_int64 (stmt, 2, member);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_reset (stmt);
}

static void
test_task_through_editor (Fixture *f, gconstpointer data)
{
  RhTaskEditor *editor;
  gint64 branch;

  load_sample (f);
  branch = first_branch (f);
  editor = rh_task_editor_new (GTK_WINDOW (f->window), f->db, NULL, branch, "2026");
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  gtk_editable_set_text (child (editor, RH_TYPE_TASK_EDITOR, "title_entry"), "质量攻关");
  gtk_editable_set_text (child (editor, RH_TYPE_TASK_EDITOR, "planned_date_entry"), "2026-02-01");
  gtk_editable_set_text (child (editor, RH_TYPE_TASK_EDITOR, "metric_entry"), "合格率");
  /* A target that is not a number is refused beside the field. */
  gtk_editable_set_text (child (editor, RH_TYPE_TASK_EDITOR, "target_entry"), "九十九");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
  g_assert_true (gtk_widget_has_css_class (child (editor, RH_TYPE_TASK_EDITOR, "target_row"),
                                           "error"));
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM central_task"
                                                 " WHERE title = '质量攻关'"), ==, 0);
  gtk_editable_set_text (child (editor, RH_TYPE_TASK_EDITOR, "target_entry"), "99.5");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM central_task"
                                                 " WHERE title = '质量攻关' AND period = '2026'"
                                                 " AND metric_target = 99.5"), ==, 1);
}

static void
test_case_through_editor_and_print (Fixture *f, gconstpointer data)
{
  RhCaseEditor *editor;
  RhCaseView *view;
  gint64 id;
  g_autofree char *pdf = g_build_filename (f->dir, "case.pdf", NULL);
  g_autofree char *bytes = NULL;
  gsize len = 0;

  load_sample (f);
  editor = rh_case_editor_new (GTK_WINDOW (f->window), f->db, NULL, 0);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  gtk_editable_set_text (child (editor, RH_TYPE_CASE_EDITOR, "title_entry"), "“1+1+1+1”党员示范岗");
  gtk_editable_set_text (child (editor, RH_TYPE_CASE_EDITOR, "unit_entry"), "航空工业郑飞");
  gtk_drop_down_set_selected (child (editor, RH_TYPE_CASE_EDITOR, "mode_dropdown"), RH_MODE_MODEL);
  gtk_editable_set_text (child (editor, RH_TYPE_CASE_EDITOR, "metric0_name"), "关键件合格率");
  gtk_editable_set_text (child (editor, RH_TYPE_CASE_EDITOR, "metric0_unit"), "%");
  gtk_editable_set_text (child (editor, RH_TYPE_CASE_EDITOR, "metric0_before"), "97.5");
  gtk_editable_set_text (child (editor, RH_TYPE_CASE_EDITOR, "metric0_after"), "百");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
  /* "百" is not a number: refused beside the metric, nothing saved. */
  g_assert_true (gtk_widget_has_css_class (child (editor, RH_TYPE_CASE_EDITOR, "metric0_row"),
                                           "error"));
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM integration_case"
                                                 " WHERE unit_name = '航空工业郑飞'"), ==, 0);
  gtk_editable_set_text (child (editor, RH_TYPE_CASE_EDITOR, "metric0_after"), "100");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
  id = rh_database_query_int (f->db, "SELECT id FROM integration_case"
                                     " WHERE unit_name = '航空工业郑飞' AND mode = 'model'");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM case_metric"
                                                 " WHERE before = 97.5 AND after = 100"), ==, 1);

  /* The case page prints on its own: here to a PDF file. */
  view = rh_case_view_new (GTK_WINDOW (f->window), f->db, id);
  gtk_window_present (GTK_WINDOW (view));
  iterate ();
  g_setenv ("RONGHE_PRINT_PDF", pdf, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "case.print", NULL));
  g_unsetenv ("RONGHE_PRINT_PDF");
  iterate ();
  g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF"));
  g_assert_cmpuint (len, >, 2000);
  g_unlink (pdf);
  gtk_window_destroy (GTK_WINDOW (view));
}

static void
test_score_branch_updates_ranks (Fixture *f, gconstpointer data)
{
  RhAssessmentPage *page;
  RhAssessmentEditor *editor;
  const RhScoreResult *r;
  g_autofree char *sql = NULL;
  gint64 branch;

  load_sample (f);
  branch = first_branch (f);
  page = child (f->window, RH_TYPE_WINDOW, "assessment_page");
  gtk_spin_button_set_value (child (page, RH_TYPE_ASSESSMENT_PAGE, "year_spin"), 2026);
  iterate ();
  r = rh_assessment_page_find (page, branch);
  g_assert_nonnull (r);
  g_assert_cmpint (r->rank, ==, 0);   /* not assessed yet */

  editor = rh_assessment_editor_new (GTK_WINDOW (f->window), f->db, branch, "2026");
  g_assert_nonnull (editor);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  /* A score above the indicator's range is clamped, with a message. */
  g_assert_true (rh_assessment_editor_enter (editor, "A1", FALSE, "999"));
  g_assert_true (rh_assessment_editor_enter (editor, "A1", FALSE, "4"));
  /* A comment and an evidence file for A1, kept by the save. */
  {
    RhEvidencePopover *evidence = rh_assessment_editor_evidence (editor, "A1");
    g_autoptr (GFile) file = g_file_new_for_path ("/srv/党建/2026/学习计划.pdf");
    GtkTextView *comment = child (evidence, RH_TYPE_EVIDENCE_POPOVER, "comment_view");

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (comment), "年度学习计划已印发", -1);
    rh_evidence_popover_attach (evidence, file);
    rh_evidence_popover_attach (evidence, file);   /* once only */
    if (g_getenv ("RONGHE_SCREENSHOT_DIR") != NULL)
      {
        gtk_popover_popup (GTK_POPOVER (evidence));
        screenshot (evidence, "assessment-evidence");
        gtk_popover_popdown (GTK_POPOVER (evidence));
      }
  }
  screenshot (editor, "assessment-editor");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();

  r = rh_assessment_page_find (page, branch);
  g_assert_nonnull (r);
  g_assert_cmpint (r->assessment_id, >, 0);
  g_assert_cmpint (r->rank, >=, 1);
  /* The sample has assessments of its own: count this branch's of 2026 only. */
  sql = g_strdup_printf ("SELECT count(*) FROM assessment_score s"
                         " JOIN template_indicator i ON i.id = s.indicator_id"
                         " JOIN assessment a ON a.id = s.assessment_id"
                         " WHERE a.org_id = %" G_GINT64_FORMAT " AND a.period = '2026'"
                         " AND i.code = 'A1' AND s.self_score = 4"
                         " AND s.comment = '年度学习计划已印发'"
                         " AND s.attachments = '/srv/党建/2026/学习计划.pdf'", branch);
  g_assert_cmpint (rh_database_query_int (f->db, sql), ==, 1);

  /* Opened again, the editor's live total (automatic indicators filled from
   * the records) is the one the rank table shows. */
  {
    g_autofree char *total = g_strdup_printf ("%.2f", r->total);
    const char *label;

    editor = rh_assessment_editor_new (GTK_WINDOW (f->window), f->db, branch, "2026");
    gtk_window_present (GTK_WINDOW (editor));
    iterate ();
    label = gtk_label_get_label (child (editor, RH_TYPE_ASSESSMENT_EDITOR, "total_label"));
    g_test_message ("editor: %s; table: %s", label, total);
    g_assert_nonnull (strstr (label, total));
    /* The branch submits it to the committee. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.submit", NULL));
    iterate ();
    g_free (sql);
    sql = g_strdup_printf ("SELECT count(*) FROM assessment WHERE org_id = %" G_GINT64_FORMAT
                           " AND period = '2026' AND status = 'submitted'", branch);
    g_assert_cmpint (rh_database_query_int (f->db, sql), ==, 1);
  }
  gtk_spin_button_set_value (child (page, RH_TYPE_ASSESSMENT_PAGE, "year_spin"), 2025);
  rh_window_show_view (f->window, "assessment");
  screenshot (f->window, "assessment-page");
}

static gint64
indicator_points (Fixture *f, gint64 template_id, const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT i.max_points * 10 FROM template_indicator i"
                                          " JOIN template_category c ON c.id = i.category_id"
                                          " WHERE c.template_id = %" G_GINT64_FORMAT
                                          " AND i.code = '%s'", template_id, code);
  return rh_database_query_int (f->db, sql);
}

/* Copy a default template, break it (basic points 101), see Save refused with
 * the sum named and nothing written, mend it and save; then export it and
 * import it back, and refuse a malformed file by its name. */
static void
test_template_editor (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  RhPreferences *prefs;
  RhTemplateEditor *editor;
  GtkLabel *error_label;
  g_autofree char *json_path = g_build_filename (f->dir, "细则.json", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "broken.json", NULL);
  g_autoptr (GFile) json = g_file_new_for_path (json_path);
  g_autoptr (GFile) bad = g_file_new_for_path (bad_path);
  gint64 copy, imported, templates;

  load_sample (f);
  prefs = rh_preferences_new (GTK_WINDOW (f->window), f->db);
  gtk_window_present (GTK_WINDOW (prefs));
  iterate ();
  templates = rh_database_query_int (f->db, "SELECT count(*) FROM assessment_template"
                                            " WHERE frozen = 0");
  copy = rh_preferences_copy_template (prefs, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy, >, 1);
  g_assert_cmpint (indicator_points (f, copy, "A1"), ==, 50);

  editor = rh_template_editor_new (GTK_WINDOW (prefs), f->db, copy, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  screenshot (editor, "template-editor-settings");
  rh_template_editor_choose (editor, 0, 0);
  gtk_spin_button_set_value (child (editor, RH_TYPE_TEMPLATE_EDITOR, "points_spin"), 6);
  iterate ();
  g_assert_nonnull (strstr (gtk_label_get_text (child (editor, RH_TYPE_TEMPLATE_EDITOR,
                                                       "points_label")), "101"));
  screenshot (editor, "template-editor-indicator");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
  error_label = child (editor, RH_TYPE_TEMPLATE_EDITOR, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "101"));
  g_assert_cmpint (indicator_points (f, copy, "A1"), ==, 50);

  gtk_spin_button_set_value (child (editor, RH_TYPE_TEMPLATE_EDITOR, "points_spin"), 5);
  gtk_editable_set_text (child (editor, RH_TYPE_TEMPLATE_EDITOR, "indicator_name_entry"),
                         "政治理论学习（修订）");
  g_assert_true (rh_template_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM template_indicator"
                                                 " WHERE name = '政治理论学习（修订）'"), ==, 1);

  g_assert_true (rh_preferences_export_template (prefs, copy, json, &error));
  g_assert_no_error (error);
  imported = rh_preferences_import_template (prefs, json, &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, copy);
  g_assert_cmpint (indicator_points (f, imported, "A1"), ==, 50);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "assessment");
  screenshot (prefs, "preferences-templates");

  g_assert_true (g_file_set_contents (bad_path, "{\"format\": \"ronghe-template\"", -1, NULL));
  g_assert_cmpint (rh_preferences_import_template (prefs, bad, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "broken.json: "));
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM assessment_template"
                                                 " WHERE frozen = 0"), ==, templates + 2);
  g_unlink (json_path);
  g_unlink (bad_path);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static gboolean
is_pdf (const char *path, gsize min_len)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;

  return g_file_get_contents (path, &bytes, &len, NULL) && g_str_has_prefix (bytes, "%PDF")
         && len >= min_len;
}

static void
test_charts_view_exports_pdf (Fixture *f, gconstpointer data)
{
  RhChartsPage *page = child (f->window, RH_TYPE_WINDOW, "charts_page");
  g_autofree char *pdf = g_build_filename (f->dir, "ranking.pdf", NULL);
  g_autofree char *png = g_build_filename (f->dir, "quadrant.png", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *handout = g_build_filename (f->dir, "handout.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  gint64 branch;
  int status;

  load_sample (f);
  rh_window_show_view (f->window, "charts");
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->window, RH_TYPE_WINDOW, "view_stack")),
                   ==, "charts");
  branch = rh_database_query_int (f->db, "SELECT min(org_id) FROM assessment WHERE period = '2025'");
  rh_charts_page_show (page, RH_CHART_RANKING, "2025", 0);
  iterate ();
  g_assert_null (rh_charts_page_get_message (page));
  g_assert_true (rh_charts_page_export_to (page, pdf, 150, &error));
  g_assert_no_error (error);
  g_assert_true (is_pdf (pdf, 2000));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text,
                               NULL, &status, NULL));
  g_assert_nonnull (strstr (text, "Ranking of branches"));

  /* A chart about one branch asks for one, and then draws. */
  rh_charts_page_show (page, RH_CHART_RADAR, "2025", 0);
  g_assert_nonnull (rh_charts_page_get_message (page));
  g_assert_false (rh_charts_page_export_to (page, pdf, 150, NULL));
  rh_charts_page_show (page, RH_CHART_QUADRANT, "2025", branch);
  g_assert_null (rh_charts_page_get_message (page));
  g_assert_true (rh_charts_page_export_to (page, png, 72, &error));
  g_assert_no_error (error);
  /* A file name of the wrong kind is refused with a message. */
  g_assert_false (rh_charts_page_export_to (page, "/tmp/chart.gif", 72, &error));
  g_assert_nonnull (strstr (error->message, "chart.gif"));
  g_clear_error (&error);

  /* Print (Ctrl+P) and the branch's handout, here to PDF files. */
  g_setenv ("RONGHE_PRINT_PDF", printed, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "charts.print", NULL));
  g_unsetenv ("RONGHE_PRINT_PDF");
  iterate ();
  g_assert_true (is_pdf (printed, 2000));
  g_assert_true (rh_charts_page_export_handout_to (page, handout, &error));
  g_assert_no_error (error);
  g_assert_true (is_pdf (handout, 10000));
  g_unlink (printed);
  /* Ctrl+P in the Assessment view prints the selected branch's handout. */
  rh_window_show_view (f->window, "assessment");
  iterate ();
  g_setenv ("RONGHE_PRINT_PDF", printed, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  g_unsetenv ("RONGHE_PRINT_PDF");
  iterate ();
  g_assert_true (is_pdf (printed, 10000));
  g_unlink (pdf);
  g_unlink (png);
  g_unlink (printed);
  g_unlink (handout);
}

/* A branch of the sample with 9 to 11 full members and no probationary ones:
 * three of them may be rated excellent. */
static gint64
small_branch (Fixture *f)
{
  gint64 branch = rh_database_query_int (f->db,
    "SELECT org_id FROM member WHERE archived_date IS NULL AND status IN ('full', 'probationary')"
    " GROUP BY org_id HAVING sum(status = 'full') BETWEEN 9 AND 11"
    " AND sum(status = 'probationary') = 0 ORDER BY org_id LIMIT 1");
  g_assert_cmpint (branch, >, 0);
  return branch;
}

/* The first toplevel window of a type (dialogs opened by actions). */
static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static gint64
count_entries (Fixture *f, gint64 member)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM point_entry WHERE member_id = %"
                                          G_GINT64_FORMAT " AND date >= '2026-01-01'", member);
  return rh_database_query_int (f->db, sql);
}

static RhPointEntryDialog *
open_add_points (RhMemberView *view)
{
  RhPointEntryDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "member.add-points", NULL));
  iterate ();
  dialog = find_toplevel (RH_TYPE_POINT_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_points_update_branch_table (Fixture *f, gconstpointer data)
{
  RhPointsWindow *table;
  RhMemberView *view;
  RhPointEntryDialog *dialog;
  const RhPoints *p;
  gint64 branch, member = 0;
  double before;
  gint64 deleted;
  int above = 0;
  guint entries;

  load_sample (f);
  /* The main window's views reload on every change; hidden, they are not drawn again. */
  gtk_widget_set_visible (GTK_WIDGET (f->window), FALSE);
  branch = small_branch (f);
  table = rh_points_window_new (GTK_WINDOW (f->window), f->db, branch, 2026);
  gtk_window_present (GTK_WINDOW (table));
  iterate ();
  /* The last of the branch: the lowest total. */
  {
    g_autoptr (GPtrArray) all = NULL;
    RhPeriod year;
    rh_period_init (&year, RH_PERIOD_YEAR, 2026, 0);
    all = rh_points_for_branch (f->db, branch, &year, NULL);
    member = ((RhPoints *) all->pdata[all->len - 1])->member_id;
  }
  /* Its own entries of 2026 go, whatever the sample holds, so that the caps below are exact. */
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM point_entry WHERE member_id = %"
                                            G_GINT64_FORMAT " AND date >= '2026-01-01'", member);
    g_assert_true (rh_database_exec (f->db, sql, NULL));
    rh_database_emit_changed (f->db);
    iterate ();
  }
  p = rh_points_window_find (table, member);
  g_assert_nonnull (p);
  before = p->total;
  g_assert_cmpint (p->rank, >, 1);
  g_assert_false (p->vetoed);

  view = rh_member_view_new (GTK_WINDOW (f->window), f->db, member);
  gtk_window_present (GTK_WINDOW (view));
  iterate ();
  gtk_spin_button_set_value (child (view, RH_TYPE_MEMBER_VIEW, "year_spin"), 2026);
  iterate ();
  entries = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (child (view, RH_TYPE_MEMBER_VIEW, "entries_list"));
       c != NULL; c = gtk_widget_get_next_sibling (c))
    entries++;
  g_assert_cmpuint (entries, ==, 1);   /* "No points entered this year" */

  /* A date that does not exist is refused beside the date, nothing saved. */
  dialog = open_add_points (view);
  g_assert_true (rh_point_entry_dialog_select_rule (dialog, "P07"));
  g_assert_false (rh_point_entry_dialog_select_rule (dialog, "P01"));   /* automatic: not listed */
  gtk_editable_set_text (child (dialog, RH_TYPE_POINT_ENTRY_DIALOG, "date_entry"), "2026-02-30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.save", NULL));
  iterate ();
  g_assert_true (gtk_widget_has_css_class (child (dialog, RH_TYPE_POINT_ENTRY_DIALOG, "date_row"),
                                           "error"));
  g_assert_cmpint (count_entries (f, member), ==, 0);
  /* 获得上级表彰 is +10 (at most 20 a quarter): twice in Q2 is +20. */
  gtk_editable_set_text (child (dialog, RH_TYPE_POINT_ENTRY_DIALOG, "date_entry"), "2026-04-20");
  gtk_editable_set_text (child (dialog, RH_TYPE_POINT_ENTRY_DIALOG, "note_entry"), "市级优秀共产党员");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.save", NULL));
  iterate ();
  g_assert_null (find_toplevel (RH_TYPE_POINT_ENTRY_DIALOG));
  dialog = open_add_points (view);
  g_assert_true (rh_point_entry_dialog_select_rule (dialog, "P07"));
  gtk_editable_set_text (child (dialog, RH_TYPE_POINT_ENTRY_DIALOG, "date_entry"), "2026-05-20");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.save", NULL));
  iterate ();
  g_assert_cmpint (count_entries (f, member), ==, 2);

  /* The branch table follows: the total and the rank. */
  p = rh_points_window_find (table, member);
  g_assert_cmpfloat (p->total, ==, before + 20);
  g_assert_cmpfloat (p->quarters[1] >= 20, ==, TRUE);
  {
    g_autoptr (GPtrArray) all = NULL;
    RhPeriod year;
    rh_period_init (&year, RH_PERIOD_YEAR, 2026, 0);
    all = rh_points_for_branch (f->db, branch, &year, NULL);
    for (guint i = 0; i < all->len; i++)
      above += ((RhPoints *) all->pdata[i])->total > before + 20;
  }
  g_assert_cmpint (p->rank, ==, above + 1);
  {
    g_autofree char *total = g_strdup_printf ("%g", before + 20);
    g_assert_cmpstr (gtk_label_get_label (child (view, RH_TYPE_MEMBER_VIEW, "total_label")), ==,
                     total);
  }

  /* Removing an entry asks first; then the total falls back by 10. */
  {
    GtkWidget *row = gtk_widget_get_first_child (child (view, RH_TYPE_MEMBER_VIEW, "entries_list"));
    GtkWidget *remove = g_object_get_data (G_OBJECT (row), "rh-remove-button");
    AdwMessageDialog *confirm;

    g_assert_nonnull (remove);
    g_signal_emit_by_name (remove, "clicked");
    iterate ();
    confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (confirm);
    g_assert_cmpint (count_entries (f, member), ==, 2);
    deleted = rh_database_query_int (f->db, "SELECT count(*) FROM audit_log WHERE"
                                            " table_name = 'point_entry' AND action = 'delete'");
    adw_message_dialog_response (confirm, "remove");
    iterate ();
  }
  g_assert_cmpint (count_entries (f, member), ==, 1);
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM audit_log WHERE"
                                                 " table_name = 'point_entry'"
                                                 " AND action = 'delete'"), ==, deleted + 1);
  g_assert_cmpfloat (rh_points_window_find (table, member)->total, ==, before + 10);
  gtk_window_destroy (GTK_WINDOW (view));
  gtk_window_destroy (GTK_WINDOW (table));
}

static GtkDropDown *
review_dropdown (GtkWidget *widget, gint64 member)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkDropDown *found;
      gint64 *id = g_object_get_data (G_OBJECT (c), "rh-member-id");

      if (GTK_IS_DROP_DOWN (c) && id != NULL && *id == member)
        return GTK_DROP_DOWN (c);
      if ((found = review_dropdown (c, member)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_review_quota_refused (Fixture *f, gconstpointer data)
{
  RhPointsWindow *table;
  GtkLabel *message;
  gint64 branch, members[4];
  sqlite3_stmt *stmt;
  g_autofree char *sql = NULL;
  int n = 0;

  load_sample (f);
  /* The main window's views reload on every change; hidden, they are not drawn again. */
  gtk_widget_set_visible (GTK_WIDGET (f->window), FALSE);
  branch = small_branch (f);
  stmt = rh_database_prepare (f->db, "SELECT id FROM member WHERE org_id = ?1 AND status = 'full'"
                                     " AND archived_date IS NULL ORDER BY id LIMIT 4", NULL);
  sqlite3_bind_int64 (stmt, 1, branch);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    members[n++] = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (n, ==, 4);

  /* The branch's reviews of 2025 go, whatever the sample holds. */
  sql = g_strdup_printf ("DELETE FROM member_review WHERE year = 2025 AND member_id IN"
                         " (SELECT id FROM member WHERE org_id = %" G_GINT64_FORMAT ")", branch);
  g_assert_true (rh_database_exec (f->db, sql, NULL));
  g_clear_pointer (&sql, g_free);
  table = rh_points_window_new (GTK_WINDOW (f->window), f->db, branch, 2025);
  gtk_window_present (GTK_WINDOW (table));
  iterate ();
  message = child (table, RH_TYPE_POINTS_WINDOW, "message_label");
  /* Three of 9–11 full members may be 优秀 (drop-down position 1): two set elsewhere, the
   * third here; the fourth is 合格 (2). */
  g_assert_true (rh_review_set (f->db, members[0], 2025, RH_REVIEW_EXCELLENT, NULL, NULL));
  g_assert_true (rh_review_set (f->db, members[1], 2025, RH_REVIEW_EXCELLENT, NULL, NULL));
  g_assert_true (rh_review_set (f->db, members[3], 2025, RH_REVIEW_QUALIFIED, NULL, NULL));
  rh_database_emit_changed (f->db);
  iterate ();
  g_assert_nonnull (review_dropdown (GTK_WIDGET (table), members[2]));
  gtk_drop_down_set_selected (review_dropdown (GTK_WIDGET (table), members[2]), 1);
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpint (rh_review_get (f->db, members[2], 2025), ==, RH_REVIEW_EXCELLENT);
  g_assert_cmpuint (gtk_drop_down_get_selected (review_dropdown (GTK_WIDGET (table), members[3])),
                    ==, 2);
  g_assert_cmpint (rh_review_get (f->db, members[3], 2025), ==, RH_REVIEW_QUALIFIED);
  g_assert_nonnull (strstr (gtk_label_get_label (child (table, RH_TYPE_POINTS_WINDOW,
                                                        "summary_label")), "3 of at most 3"));

  /* The fourth 优秀 is refused: the message says why, the grade stays 合格. */
  gtk_drop_down_set_selected (review_dropdown (GTK_WIDGET (table), members[3]), 1);
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_nonnull (strstr (gtk_label_get_label (message), "already are"));
  g_assert_nonnull (strstr (gtk_label_get_label (message), "3 of"));
  g_assert_cmpuint (gtk_drop_down_get_selected (review_dropdown (GTK_WIDGET (table), members[3])),
                    ==, 2);
  g_assert_cmpint (rh_review_get (f->db, members[3], 2025), ==, RH_REVIEW_QUALIFIED);
  g_assert_cmpint (rh_points_window_find (table, members[3])->review, ==, RH_REVIEW_QUALIFIED);
  sql = g_strdup_printf ("SELECT count(*) FROM member_review r JOIN member m ON m.id = r.member_id"
                         " WHERE m.org_id = %" G_GINT64_FORMAT " AND r.year = 2025"
                         " AND r.grade = 'excellent'", branch);
  g_assert_cmpint (rh_database_query_int (f->db, sql), ==, 3);
  /* Freeing a place lets it through. */
  gtk_drop_down_set_selected (review_dropdown (GTK_WIDGET (table), members[0]), 2);
  iterate ();
  gtk_drop_down_set_selected (review_dropdown (GTK_WIDGET (table), members[3]), 1);
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpint (rh_review_get (f->db, members[3], 2025), ==, RH_REVIEW_EXCELLENT);

  /* The table prints for the review meeting: here to a PDF file. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "points.pdf", NULL);
    g_autofree char *bytes = NULL;
    gsize len = 0;

    g_setenv ("RONGHE_PRINT_PDF", pdf, TRUE);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "points.print", NULL));
    g_unsetenv ("RONGHE_PRINT_PDF");
    iterate ();
    g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
    g_assert_true (g_str_has_prefix (bytes, "%PDF"));
    g_assert_cmpuint (len, >, 2000);
    g_unlink (pdf);
  }
  gtk_window_destroy (GTK_WINDOW (table));
}

/* Every descendant of a type, in order. */
static void
collect (GtkWidget *widget, GType type, GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        g_ptr_array_add (out, c);
      collect (c, type, out);
    }
}

static void
test_point_rules_editor (Fixture *f, gconstpointer data)
{
  RhPointRulesEditor *editor;
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *levels;

  /* The shipped rules are enough: no sample needed. */
  editor = rh_point_rules_editor_new (f->db);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (editor));
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  /* Malformed levels are refused with the message on the page; nothing stored. */
  levels = child (editor, RH_TYPE_POINT_RULES_EDITOR, "levels_entry");
  gtk_editable_set_text (GTK_EDITABLE (levels), "优秀90");
  g_assert_false (rh_point_rules_editor_save (editor));
  g_assert_true (gtk_widget_get_visible (child (editor, RH_TYPE_POINT_RULES_EDITOR,
                                                "message_group")));
  g_assert_nonnull (strstr (gtk_label_get_label (child (editor, RH_TYPE_POINT_RULES_EDITOR,
                                                        "message_label")), "优秀90"));
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM setting"
                                                 " WHERE value = '优秀90'"), ==, 0);
  /* A rule at fault is opened to show its fields. */
  gtk_editable_set_text (GTK_EDITABLE (levels), "优秀:95;合格:60;不合格:0");
  {
    g_autoptr (GPtrArray) rows = g_ptr_array_new ();
    AdwExpanderRow *p05 = NULL;
    GtkEditable *item = NULL;

    collect (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "党员先锋岗、示范岗示范带头") == 0)
        p05 = rows->pdata[i];
    g_assert_nonnull (p05);
    g_assert_false (adw_expander_row_get_expanded (p05));
    g_ptr_array_set_size (rows, 0);
    collect (GTK_WIDGET (p05), GTK_TYPE_EDITABLE, rows);
    for (guint i = 0; i < rows->len && item == NULL; i++)
      if (g_strcmp0 (gtk_editable_get_text (rows->pdata[i]), "党员先锋岗、示范岗示范带头") == 0)
        item = rows->pdata[i];
    g_assert_nonnull (item);
    gtk_editable_set_text (item, " ");
    g_assert_false (rh_point_rules_editor_save (editor));
    g_assert_true (adw_expander_row_get_expanded (p05));
    g_assert_nonnull (strstr (gtk_label_get_label (child (editor, RH_TYPE_POINT_RULES_EDITOR,
                                                          "message_label")), "P05"));
    gtk_editable_set_text (item, "党员先锋岗示范带头");
  }
  gtk_spin_button_set_value (child (editor, RH_TYPE_POINT_RULES_EDITOR, "base_spin"), 70);
  g_assert_true (rh_point_rules_editor_save (editor));
  g_assert_false (gtk_widget_get_visible (child (editor, RH_TYPE_POINT_RULES_EDITOR,
                                                 "message_group")));
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM setting WHERE"
                                                 " (key = 'points_levels' AND value ="
                                                 " '优秀:95;合格:60;不合格:0')"
                                                 " OR (key = 'points_base' AND value = '70')"), ==, 2);
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM point_rule"
                                                 " WHERE code = 'P05' AND item = '党员先锋岗示范带头'"),
                   ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Waits (iterating the main loop) until cond is true, for at most 20 s. */
#define WAIT_FOR(cond)                                                          \
  G_STMT_START {                                                                \
    gint64 end_ = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;                \
    while (!(cond) && g_get_monotonic_time () < end_)                           \
      g_main_context_iteration (NULL, TRUE);                                    \
    g_assert_true (cond);                                                       \
  } G_STMT_END

/* RONGHE_TEST_SHOTS=DIR: saves what a window shows as DIR/name.png, to look at. */
static void
shoot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("RONGHE_TEST_SHOTS");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  int w, h;

  if (dir == NULL)
    return;
  iterate ();
  paintable = gtk_widget_paintable_new (widget);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

static void
test_import_roster (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "roster-gb18030.csv",
                                                 NULL);
  gint64 committee = rh_test_add_org (f->db, RH_ORG_COMMITTEE, "机关党委", 0);
  RhImportDialog *dialog;
  GtkWidget *weak;
  GtkLabel *label;

  rh_test_add_org (f->db, RH_ORG_BRANCH, "第一党支部", committee);
  rh_database_emit_changed (f->db);
  /* The main menu's Import Members…, told the file instead of asking for it. */
  g_setenv ("RONGHE_IMPORT_FILE", path, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import", NULL));
  g_unsetenv ("RONGHE_IMPORT_FILE");
  dialog = NULL;
  {
    g_autoptr (GList) windows = gtk_window_list_toplevels ();

    for (GList *l = windows; l != NULL; l = l->next)
      if (RH_IS_IMPORT_DIALOG (l->data))
        dialog = l->data;
  }
  g_assert_nonnull (dialog);
  weak = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);

  /* The GB18030 file is read off the main thread; its headers are recognised. */
  WAIT_FOR (g_strcmp0 (rh_import_dialog_get_page (dialog), "mapping") == 0);
  g_assert_cmpint (rh_import_dialog_get_column (dialog, RH_IMPORT_NAME), ==, 0);
  g_assert_cmpint (rh_import_dialog_get_column (dialog, RH_IMPORT_ID_NUMBER), ==, 4);
  g_assert_cmpint (rh_import_dialog_get_column (dialog, RH_IMPORT_FULL_DATE), ==, 10);
  shoot (GTK_WIDGET (dialog), "import-mapping");

  /* Preview: 李娜 joins 第一党支部; the other rows name a branch or group that is missing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  WAIT_FOR (g_strcmp0 (rh_import_dialog_get_page (dialog), "preview") == 0);
  label = child (dialog, RH_TYPE_IMPORT_DIALOG, "new_label");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "1");
  label = child (dialog, RH_TYPE_IMPORT_DIALOG, "invalid_label");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "3");
  g_assert_true (gtk_widget_get_visible (child (dialog, RH_TYPE_IMPORT_DIALOG,
                                                "missing_group")));
  shoot (GTK_WIDGET (dialog), "import-preview");

  /* Agreeing to create them makes every row valid. */
  gtk_switch_set_active (child (dialog, RH_TYPE_IMPORT_DIALOG, "create_switch"), TRUE);
  label = child (dialog, RH_TYPE_IMPORT_DIALOG, "new_label");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "4");
  g_assert_cmpstr (gtk_button_get_label (child (dialog, RH_TYPE_IMPORT_DIALOG, "next_button")),
                   ==, "_Import 4 Rows");
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM member"), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  WAIT_FOR (weak == NULL);
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM member"), ==, 4);
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM organisation"
                                                 " WHERE kind = 'branch'"), ==, 2);
  /* The members list shows them (the window heard "changed"). */
  iterate ();
  g_assert_cmpuint (n_members_listed (f), ==, 4);
}

static void
test_import_nothing_and_restore (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "roster.xlsx", NULL);
  g_autofree char *backup = g_build_filename (f->dir, "copy.db", NULL);
  gint64 branch = rh_test_add_org (f->db, RH_ORG_BRANCH, "第一党支部", 0);
  RhImportDialog *dialog;
  GtkWidget *weak;

  /* Back up… with one member, then add one, then Restore… the backup. */
  {
    g_autoptr (RhMember) m = rh_test_member (branch, "原有", 1, RH_GENDER_MALE);
    rh_test_insert (f->db, m);
  }
  g_assert_true (rh_window_backup_to (f->window, backup));
  {
    g_autoptr (RhMember) m = rh_test_member (branch, "新增", 2, RH_GENDER_MALE);
    rh_test_insert (f->db, m);
  }
  rh_database_emit_changed (f->db);
  iterate ();
  g_assert_cmpuint (n_members_listed (f), ==, 2);
  g_assert_true (rh_window_restore_from (f->window, backup));
  iterate ();
  g_assert_cmpuint (n_members_listed (f), ==, 1);

  /* A workbook of two sheets: the roster is the second; choosing "nothing" writes nothing. */
  dialog = rh_import_dialog_new (GTK_WINDOW (f->window), f->db, path);
  weak = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_FOR (g_strcmp0 (rh_import_dialog_get_page (dialog), "mapping") == 0);
  g_assert_cmpint (rh_import_dialog_get_column (dialog, RH_IMPORT_NAME), ==, -1);
  adw_combo_row_set_selected (child (dialog, RH_TYPE_IMPORT_DIALOG, "sheet_row"), 1);
  WAIT_FOR (g_strcmp0 (rh_import_dialog_get_page (dialog), "mapping") == 0
            && rh_import_dialog_get_column (dialog, RH_IMPORT_NAME) == 1);
  /* The headers are in row 2, under a title: found by themselves; row 1 maps nothing. */
  {
    GtkSpinButton *spin = child (dialog, RH_TYPE_IMPORT_DIALOG, "header_spin");

    g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 2);
    gtk_spin_button_set_value (spin, 1);
    g_assert_cmpint (rh_import_dialog_get_column (dialog, RH_IMPORT_NAME), ==, -1);
    gtk_spin_button_set_value (spin, 2);
    g_assert_cmpint (rh_import_dialog_get_column (dialog, RH_IMPORT_NAME), ==, 1);
    g_assert_cmpint (rh_import_dialog_get_column (dialog, RH_IMPORT_BIRTH_DATE), ==, 4);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  WAIT_FOR (g_strcmp0 (rh_import_dialog_get_page (dialog), "preview") == 0);
  g_assert_cmpstr (gtk_label_get_text (child (dialog, RH_TYPE_IMPORT_DIALOG, "new_label")), ==,
                   "2");
  /* Back to the columns: leaving out the ID number makes every row invalid. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.back", NULL));
  g_assert_cmpstr (rh_import_dialog_get_page (dialog), ==, "mapping");
  rh_import_dialog_set_column (dialog, RH_IMPORT_ID_NUMBER, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.next", NULL));
  WAIT_FOR (g_strcmp0 (rh_import_dialog_get_page (dialog), "preview") == 0);
  g_assert_cmpstr (gtk_label_get_text (child (dialog, RH_TYPE_IMPORT_DIALOG, "new_label")), ==,
                   "0");
  g_assert_cmpstr (gtk_label_get_text (child (dialog, RH_TYPE_IMPORT_DIALOG, "invalid_label")),
                   ==, "3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  WAIT_FOR (weak == NULL);
  g_assert_cmpint (rh_database_query_int (f->db, "SELECT count(*) FROM member"), ==, 1);
}

static RhExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (RH_IS_EXPORT_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return RH_EXPORT_DIALOG (w);
    }
  return NULL;
}

static void
test_export_to_excel (Fixture *f, gconstpointer data)
{
  g_autofree char *target = g_build_filename (f->dir, "考核 2025.xlsx", NULL);
  g_autofree char *roster = g_build_filename (f->dir, "roster.xlsx", NULL);
  g_autofree char *bytes = NULL;
  RhExportDialog *dialog;
  gint64 deadline;
  gsize len = 0;
  gboolean saw_progress = FALSE;

  load_sample (f);
  rh_window_show_view (f->window, "assessment");
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  iterate ();
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);

  /* A period that is not one is refused beside its row, and nothing is written. */
  gtk_editable_set_text (child (dialog, RH_TYPE_EXPORT_DIALOG, "period_entry"), "2025Q5");
  g_setenv ("RONGHE_EXPORT_FILE", target, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.choose", NULL));
  iterate ();
  g_assert_true (gtk_widget_get_visible (child (dialog, RH_TYPE_EXPORT_DIALOG, "error_label")));
  screenshot (dialog, "export-dialog-bad-period");
  g_assert_false (rh_export_dialog_is_running (dialog));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  /* The export runs in a thread: the main loop keeps turning, with progress shown. */
  gtk_editable_set_text (child (dialog, RH_TYPE_EXPORT_DIALOG, "period_entry"), "2025");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.choose", NULL));
  g_assert_true (rh_export_dialog_is_running (dialog));
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (find_export_dialog () != NULL && g_get_monotonic_time () < deadline)
    {
      saw_progress |= gtk_widget_get_visible (child (dialog, RH_TYPE_EXPORT_DIALOG,
                                                     "progress_bar"));
      g_main_context_iteration (NULL, TRUE);
    }
  g_unsetenv ("RONGHE_EXPORT_FILE");
  g_assert_true (saw_progress);
  g_assert_null (find_export_dialog ());
  g_assert_true (g_file_get_contents (target, &bytes, &len, NULL));
  g_assert_true (g_str_has_prefix (bytes, "PK"));   /* a zip: the xlsx container */
  g_assert_cmpuint (len, >, 10000);
  g_unlink (target);

  /* From the Members view, Ctrl+E's action gives the roster, masked by default. */
  rh_window_show_view (f->window, "members");
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  iterate ();
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_switch_get_active (child (dialog, RH_TYPE_EXPORT_DIALOG, "mask_switch")));
  g_assert_false (gtk_widget_get_visible (child (dialog, RH_TYPE_EXPORT_DIALOG, "period_row")));
  screenshot (dialog, "export-dialog-roster");
  rh_export_dialog_export_to (dialog, roster);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (find_export_dialog () != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (roster, G_FILE_TEST_IS_REGULAR));
  g_unlink (roster);

  /* From the Meetings view: that branch's ledger. Cancelled at once, the
   * dialog closes and no temporary file stays (whether the worker stopped
   * in time is a race: test-export covers cancelling itself). */
  rh_window_show_meetings (f->window, first_branch (f));
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  iterate ();
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (rh_org_dropdown_get_id (child (dialog, RH_TYPE_EXPORT_DIALOG,
                                                  "scope_dropdown")), ==, first_branch (f));
  rh_export_dialog_export_to (dialog, target);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (find_export_dialog () != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (find_export_dialog ());
  {
    g_autoptr (GDir) d = g_dir_open (f->dir, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_null (strstr (name, ".xlsx."));
  }
  g_unlink (target);
}

/* Held, a stage follows its source's length only as far as the visible rows need;
 * released, it shows the whole source. */
static void
test_list_stage (void)
{
  g_autoptr (GListStore) source = g_list_store_new (G_TYPE_MENU);
  g_autoptr (RhListStage) stage = rh_list_stage_new (G_LIST_MODEL (source));
  GListModel *shown = G_LIST_MODEL (stage);
  g_autoptr (GObject) past_end = NULL;

  for (int i = 0; i < 100; i++)
    {
      g_autoptr (GMenu) item = g_menu_new ();
      g_list_store_append (source, item);
    }
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 100);

  /* Shrinking to 50 while 10 rows show keeps the length; the rest are empty items. */
  rh_list_stage_hold (stage, 10);
  g_list_store_splice (source, 50, 50, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 100);
  past_end = g_list_model_get_item (shown, 60);
  g_assert_true (G_IS_MENU (past_end));
  g_object_unref (past_end);
  rh_list_stage_release (stage);
  g_assert_false (rh_list_stage_is_held (stage));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 50);

  /* Shrinking below the visible rows waits for the release too. */
  rh_list_stage_hold (stage, 10);
  g_list_store_splice (source, 5, 45, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 50);
  rh_list_stage_release (stage);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);
  rh_list_stage_hold (stage, 10);

  /* Growing shows the visible rows at once, the rest on release. */
  for (int i = 0; i < 95; i++)
    {
      g_autoptr (GMenu) item = g_menu_new ();
      g_list_store_append (source, item);
    }
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 10);
  {
    g_autoptr (GObject) a = g_list_model_get_item (shown, 9);
    g_autoptr (GObject) b = g_list_model_get_item (G_LIST_MODEL (source), 9);
    g_assert_true (a == b);
  }
  rh_list_stage_release (stage);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 100);
  g_assert_null (g_list_model_get_item (shown, 100));
  past_end = NULL;
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("RONGHE_TODAY", "2026-06-01", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Screenshots are taken in the user's language; the assertions use English. */
  if (g_getenv ("RONGHE_SCREENSHOT_DIR") != NULL)
    rh_i18n_init ();
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/gui/list-stage", test_list_stage);
  ADD ("/gui/opens-on-status-page", test_opens_on_status_page);
  ADD ("/gui/sample-shows-tree-and-list", test_sample_shows_tree_and_list);
  ADD ("/gui/start-up-counts", test_start_up_counts);
  ADD ("/gui/create-member-through-editor", test_create_member_through_editor);
  ADD ("/gui/bad-id-shows-inline-message", test_bad_id_shows_inline_message);
  ADD ("/gui/record-meeting-changes-grid", test_record_meeting_changes_grid);
  ADD ("/gui/task-through-editor", test_task_through_editor);
  ADD ("/gui/case-through-editor-and-print", test_case_through_editor_and_print);
  ADD ("/gui/score-branch-updates-ranks", test_score_branch_updates_ranks);
  ADD ("/gui/charts-view-exports-pdf", test_charts_view_exports_pdf);
  ADD ("/gui/template-editor", test_template_editor);
  ADD ("/gui/points-update-branch-table", test_points_update_branch_table);
  ADD ("/gui/review-quota-refused", test_review_quota_refused);
  ADD ("/gui/point-rules-editor", test_point_rules_editor);
  ADD ("/gui/import-roster", test_import_roster);
  ADD ("/gui/import-nothing-and-restore", test_import_nothing_and_restore);
  ADD ("/gui/export-to-excel", test_export_to_excel);
  return g_test_run ();
}
