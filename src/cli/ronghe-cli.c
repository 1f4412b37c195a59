/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ronghe-cli: Ronghe's jobs without a display.
 * Exit codes: 0 success, 1 problems found or the job failed, 2 usage errors. */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include "rh-chart-data.h"
#include "rh-backup.h"
#include "rh-check.h"
#include "rh-import.h"
#include "rh-date.h"
#include "rh-compliance.h"
#include "rh-assessment.h"
#include "rh-task.h"
#include "rh-template-io.h"
#include "rh-database.h"
#include "rh-demo.h"
#include "rh-export.h"
#include "rh-handout.h"
#include "rh-i18n.h"
#include "rh-org.h"
#include "rh-points.h"
#include "rh-rules.h"

enum { EXIT_OK = 0, EXIT_PROBLEMS = 1, EXIT_USAGE = 2 };

static char *opt_database = NULL;

static void
print_error (const char *context, const GError *error)
{
  g_printerr ("ronghe-cli: %s%s%s\n", context ? context : "", context ? ": " : "",
              error->message);
}

/* The commands that only read (chart, handout) open read-only: nothing can be
 * written, so the open skips the quick_check that protects writes. */
static RhDatabase *
open_database_as (gboolean read_only)
{
  g_autofree char *path = opt_database ? g_strdup (opt_database) : rh_database_default_path ();
  g_autoptr (GError) error = NULL;
  RhDatabase *db = read_only ? rh_database_open_read_only (path, &error)
                             : rh_database_open (path, &error);

  if (db == NULL)
    print_error (NULL, error);
  return db;
}

static RhDatabase *
open_database (void)
{
  return open_database_as (FALSE);
}

/* Parses the options of one command; returns FALSE (and has printed why) on bad usage. */
static gboolean
parse_command (const char *name, const char *params, const char *summary, GOptionEntry *entries,
               int *argc, char ***argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (params);
  g_autoptr (GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("ronghe-cli %s: %s\n", name, error->message);
      return FALSE;
    }
  return TRUE;
}

static int
cmd_demo (int argc, char **argv)
{
  RhDemoOptions options = { RH_DEMO_DEFAULT_BRANCHES, RH_DEMO_DEFAULT_MEMBERS, 1 };
  int seed = 1;
  GOptionEntry entries[] = {
    { "branches", 0, 0, G_OPTION_ARG_INT, &options.branches, N_("Number of branches"), "N" },
    { "members", 0, 0, G_OPTION_ARG_INT, &options.members, N_("Number of members"), "M" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed: the same seed gives the same data"),
      "S" },
    { NULL },
  };
  g_autoptr (RhDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;

  if (!parse_command ("demo", "", _("Fill an empty database with a sample organisation."),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1 || options.branches < 1 || options.members < 0)
    {
      g_printerr (_("ronghe-cli demo: --branches must be at least 1 and --members at least 0\n"));
      return EXIT_USAGE;
    }
  options.seed = (guint32) seed;
  db = open_database ();
  if (db == NULL)
    return EXIT_PROBLEMS;
  start = g_get_monotonic_time ();
  if (!rh_demo_generate (db, &options, &error))
    {
      print_error ("demo", error);
      return EXIT_PROBLEMS;
    }
  g_printerr (_("Created %d branches and %d members in %.2f s: %s\n"), options.branches,
              options.members, (g_get_monotonic_time () - start) / 1e6, rh_database_get_path (db));
  return EXIT_OK;
}

static int
cmd_check (int argc, char **argv)
{
  g_autoptr (RhDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  if (!parse_command ("check", "",
                      _("Check the database: SQLite integrity, foreign keys and every validation rule."),
                      NULL, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    {
      g_printerr (_("ronghe-cli check: takes no arguments\n"));
      return EXIT_USAGE;
    }
  db = open_database ();
  if (db == NULL)
    return EXIT_PROBLEMS;
  if (!rh_check_database (db, problems, &error))
    {
      print_error ("check", error);
      return EXIT_PROBLEMS;
    }
  for (guint i = 0; i < problems->len; i++)
    printf ("%s\n", (char *) problems->pdata[i]);
  if (problems->len > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u problem found\n", "%u problems found\n",
                               problems->len),
                  problems->len);
      return EXIT_PROBLEMS;
    }
  g_printerr (_("No problems found\n"));
  return EXIT_OK;
}

static int
cmd_backup (int argc, char **argv)
{
  g_autoptr (RhDatabase) db = NULL;
  g_autoptr (GError) error = NULL;

  if (!parse_command ("backup", _("PATH"), _("Write an online backup of the database to PATH."),
                      NULL, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2)
    {
      g_printerr (_("ronghe-cli backup: give exactly one PATH\n"));
      return EXIT_USAGE;
    }
  db = open_database ();
  if (db == NULL)
    return EXIT_PROBLEMS;
  if (!rh_database_backup (db, argv[1], &error))
    {
      print_error ("backup", error);
      return EXIT_PROBLEMS;
    }
  g_printerr (_("Backup written to %s\n"), argv[1]);
  return EXIT_OK;
}

/* A rate as a percentage, or a dash when nothing was due. */
static char *
format_rate (double rate)
{
  return rate < 0 ? g_strdup ("—") : g_strdup_printf ("%.1f%%", 100 * rate);
}

static gboolean
parse_format (const char *format, gboolean *tsv)
{
  *tsv = g_strcmp0 (format, "tsv") == 0;
  if (format != NULL && !*tsv && g_strcmp0 (format, "text") != 0)
    {
      g_printerr (_("ronghe-cli: --format is text or tsv\n"));
      return FALSE;
    }
  return TRUE;
}

/* The months (or quarters) of a kind that were missed, e.g. "2025-05 2025-06". */
static char *
missed_units (const RhComplianceKind *k)
{
  GString *s = g_string_new (NULL);

  for (guint u = 0; k->units != NULL && u < k->units->len; u++)
    {
      const RhComplianceUnit *unit = &g_array_index (k->units, RhComplianceUnit, u);
      if (unit->state == RH_UNIT_MISSED)
        {
          g_autofree char *label = rh_period_format (&unit->period);
          g_string_append_printf (s, "%s%s", s->len ? " " : "", label);
        }
    }
  return g_string_free (s, FALSE);
}

static void
print_compliance_detail (RhCompliance *c, gboolean tsv)
{
  g_autofree char *period = rh_period_format (&c->period);
  g_autofree char *total = format_rate (c->rate);

  if (tsv)
    printf ("kind\trequired\tmet\theld\tbelow_quorum\tmissed\n");
  else
    printf (_("Compliance of %s in %s\n"), c->org_name, period);
  for (int k = 0; k < RH_N_MEETING_KINDS; k++)
    {
      RhComplianceKind *kind = &c->kinds[k];
      g_autofree char *missed = missed_units (kind);

      if (tsv)
        printf ("%s\t%d\t%d\t%d\t%d\t%s\n", rh_meeting_kind_to_string (k), kind->required,
                kind->met, kind->held, kind->invalid, missed);
      else if (kind->applicable)
        printf ("  %-24s %s %d/%d%s%s\n", rh_meeting_kind_label (k), _("met"), kind->met,
                kind->required, *missed ? "  " : "", *missed ? missed : "");
      else
        printf ("  %-24s %s\n", rh_meeting_kind_label (k), _("not counted in this period"));
    }
  if (!tsv)
    printf (_("  Compliance rate: %s (%d of %d)\n"), total, c->met, c->required);
}

static int
cmd_compliance (int argc, char **argv)
{
  char *period_text = NULL, *format = NULL;
  gint64 branch = 0;
  GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("2025, 2025Q3 or 2025-07"), "P" },
    { "branch", 0, 0, G_OPTION_ARG_INT64, &branch, N_("One branch, in detail"), "ID" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text or tsv"), "FORMAT" },
    { NULL },
  };
  g_autoptr (RhDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  gboolean tsv;
  RhPeriod period;

  if (!parse_command ("compliance", "", _("Required against held meetings (三会一课) per branch."),
                      entries, &argc, &argv) || !parse_format (format, &tsv))
    return EXIT_USAGE;
  if (argc > 1 || !rh_period_parse (period_text, &period, &error))
    {
      g_printerr ("ronghe-cli compliance: %s\n",
                  error != NULL ? error->message : _("takes no arguments"));
      return EXIT_USAGE;
    }
  db = open_database ();
  if (db == NULL)
    return EXIT_PROBLEMS;
  if (branch != 0)
    {
      g_autoptr (RhCompliance) c = rh_compliance_compute (db, branch, &period, NULL, &error);
      if (c == NULL)
        {
          print_error ("compliance", error);
          return EXIT_PROBLEMS;
        }
      print_compliance_detail (c, tsv);
      return EXIT_OK;
    }
  {
    g_autoptr (GPtrArray) all = rh_compliance_compute_all (db, &period, NULL, &error);
    if (all == NULL)
      {
        print_error ("compliance", error);
        return EXIT_PROBLEMS;
      }
    if (tsv)
      printf ("branch_id\tbranch\trequired\tmet\trate\n");
    for (guint i = 0; i < all->len; i++)
      {
        RhCompliance *c = all->pdata[i];
        g_autofree char *rate = format_rate (c->rate);
        if (tsv)
          printf ("%lld\t%s\t%d\t%d\t%.4f\n", (long long) c->org_id, c->org_name, c->required,
                  c->met, c->rate);
        else
          printf ("%6lld  %4d/%-4d %7s  %s\n", (long long) c->org_id, c->met, c->required, rate,
                  c->org_name);
      }
  }
  return EXIT_OK;
}

static int
cmd_integration (int argc, char **argv)
{
  char *period_text = NULL, *format = NULL;
  GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("2025, 2025Q3 or 2025-07"), "P" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text or tsv"), "FORMAT" },
    { NULL },
  };
  g_autoptr (RhDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  gboolean tsv;
  RhPeriod period;

  if (!parse_command ("integration", "",
                      _("The integration index (四同步, linked meetings, targets met) per branch."),
                      entries, &argc, &argv) || !parse_format (format, &tsv))
    return EXIT_USAGE;
  if (argc > 1 || !rh_period_parse (period_text, &period, &error))
    {
      g_printerr ("ronghe-cli integration: %s\n",
                  error != NULL ? error->message : _("takes no arguments"));
      return EXIT_USAGE;
    }
  db = open_database ();
  if (db == NULL)
    return EXIT_PROBLEMS;
  all = rh_integration_compute_all (db, &period, &error);
  if (all == NULL)
    {
      print_error ("integration", error);
      return EXIT_PROBLEMS;
    }
  if (tsv)
    printf ("branch_id\tbranch\ttasks\tsynced\tmeasured\tmet\tmeetings\tlinked\tindex\n");
  else
    printf ("%6s  %-9s %-9s %-9s %6s  %s\n", _("ID"), _("Synced"), _("Linked"), _("Targets"),
            _("Index"), _("Branch"));
  for (guint i = 0; i < all->len; i++)
    {
      RhIntegration *r = all->pdata[i];
      g_autofree char *index = r->index < 0 ? g_strdup ("—") : g_strdup_printf ("%.1f", r->index);

      if (tsv)
        printf ("%lld\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%.2f\n", (long long) r->org_id, r->org_name,
                r->tasks, r->tasks_synced, r->tasks_measured, r->tasks_met, r->meetings,
                r->meetings_linked, r->index);
      else
        printf ("%6lld  %4d/%-4d %4d/%-4d %4d/%-4d %6s  %s\n", (long long) r->org_id,
                r->tasks_synced, r->tasks, r->meetings_linked, r->meetings, r->tasks_met,
                r->tasks_measured, index, r->org_name);
    }
  return EXIT_OK;
}

/* "★★★☆☆" for a star level. */
static char *
star_text (int level)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < 5; i++)
    g_string_append (s, i < level ? "★" : "☆");
  return g_string_free (s, FALSE);
}

/* A score, or a dash when it was not entered. */
static char *
format_score (double score)
{
  return isnan (score) ? g_strdup ("—") : g_strdup_printf ("%.2f", score);
}

/* A column of the text table: right-aligned numbers, left-aligned words,
 * both counted in terminal columns so that Chinese lines up. */
static void
print_cell (const char *text, guint columns, gboolean right)
{
  guint width = rh_utf8_width (text);

  for (guint i = width; right && i < columns; i++)
    putchar (' ');
  fputs (text, stdout);
  for (guint i = width; !right && i < columns; i++)
    putchar (' ');
  putchar (' ');
}

static void
print_score_header (void)
{
  print_cell (_("Rank"), 5, TRUE);
  print_cell (_("Party"), 8, TRUE);
  print_cell (_("Business"), 8, TRUE);
  print_cell (_("Review"), 8, TRUE);
  print_cell (_("Total"), 8, TRUE);
  print_cell (_("Change"), 8, TRUE);
  print_cell (_("Grade"), 6, FALSE);
  print_cell (_("Stars"), 10, FALSE);
  printf ("%s\n", _("Branch"));
}

static void
print_score_text (const RhScoreResult *r)
{
  g_autofree char *rank = NULL, *party = NULL, *business = NULL, *review = NULL, *total = NULL;
  g_autofree char *change = NULL, *stars = NULL;

  if (r->assessment_id == 0)
    {
      print_cell ("—", 5, TRUE);
      for (int i = 0; i < 5; i++)
        print_cell ("", 8, TRUE);
      print_cell (_("not assessed"), 17, FALSE);
      printf ("%s\n", r->org_name);
      return;
    }
  rank = g_strdup_printf ("%d", r->rank);
  party = format_score (r->party);
  business = format_score (r->business);
  review = format_score (r->review);
  total = format_score (r->total);
  change = isnan (r->change) ? g_strdup ("—") : g_strdup_printf ("%+.2f", r->change);
  stars = star_text (r->star_level);
  print_cell (rank, 5, TRUE);
  print_cell (party, 8, TRUE);
  print_cell (business, 8, TRUE);
  print_cell (review, 8, TRUE);
  print_cell (total, 8, TRUE);
  print_cell (change, 8, TRUE);
  print_cell (r->grade, 6, FALSE);
  print_cell (stars, 10, FALSE);
  printf ("%s%s%s\n", r->org_name, r->vetoed ? _(" (veto)") : "",
          r->status == RH_ASSESSMENT_FINALISED ? "" : _(" (not final)"));
}

/* NaN (not entered) is an empty field. */
static void
print_score_tsv (const RhScoreResult *r)
{
  g_autoptr (GString) earned = g_string_new (NULL);
  const double numbers[] = { r->party, r->business, r->review, r->total };

  if (r->assessment_id == 0)
    return;
  for (int st = 0; st < RH_N_STARS; st++)
    if (r->stars & (1u << st))
      g_string_append_printf (earned, "%s%s", earned->len ? ";" : "", rh_star_to_string (st));
  printf ("%d\t%lld\t%s\t%s", r->rank, (long long) r->org_id, r->org_name,
          rh_assessment_status_to_string (r->status));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    if (isnan (numbers[i]))
      printf ("\t");
    else
      printf ("\t%.2f", numbers[i]);
  printf ("\t%s\t%s\t%d\t%d\t", r->grade, earned->str, r->star_level, r->vetoed);
  if (!isnan (r->change))
    printf ("%.2f", r->change);
  printf ("\n");
}

static int
cmd_score (int argc, char **argv)
{
  char *period = NULL, *format = NULL;
  GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("2025 or 2025Q3"), "P" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text or tsv"), "FORMAT" },
    { NULL },
  };
  g_autoptr (RhDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = NULL;
  gboolean tsv;
  RhPeriod p;
  gint64 start;

  if (!parse_command ("score", "", _("Every branch's scores, grade, stars and rank for a period."),
                      entries, &argc, &argv) || !parse_format (format, &tsv))
    return EXIT_USAGE;
  if (argc > 1 || !rh_period_parse (period, &p, &error))
    {
      g_printerr ("ronghe-cli score: %s\n", error != NULL ? error->message : _("takes no arguments"));
      return EXIT_USAGE;
    }
  db = open_database ();
  if (db == NULL)
    return EXIT_PROBLEMS;
  start = g_get_monotonic_time ();
  results = rh_assessment_score_all (db, period, &error);
  /* RONGHE_TRACE prints timings for the benchmarks. */
  if (g_getenv ("RONGHE_TRACE") != NULL)
    g_printerr ("ronghe-trace: score-all period=%s rows=%u ms=%.2f\n", period,
                results != NULL ? results->len : 0, (g_get_monotonic_time () - start) / 1000.0);
  if (results == NULL)
    {
      print_error ("score", error);
      return EXIT_PROBLEMS;
    }
  if (tsv)
    printf ("rank\tbranch_id\tbranch\tstatus\tparty\tbusiness\treview\ttotal\tgrade\tstars"
            "\tstar_level\tvetoed\tchange\n");
  else
    print_score_header ();
  for (guint i = 0; i < results->len; i++)
    {
      RhScoreResult *r = results->pdata[i];

      if (tsv)
        print_score_tsv (r);
      else
        print_score_text (r);
    }
  return EXIT_OK;
}

/* Member points (党员积分) and the democratic review of one branch. */
static int
cmd_points (int argc, char **argv)
{
  char *period_text = NULL, *format = NULL;
  gint64 branch = 0;
  GOptionEntry entries[] = {
    { "branch", 0, 0, G_OPTION_ARG_INT64, &branch, N_("The branch"), "ID" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("2025, 2025Q3 or 2025-07"), "P" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text or tsv"), "FORMAT" },
    { NULL },
  };
  g_autoptr (RhDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  gboolean tsv;
  RhPeriod p;

  if (!parse_command ("points", "", _("A branch's members with their points by quarter, total, "
                                      "level, rank and review grade."),
                      entries, &argc, &argv) || !parse_format (format, &tsv))
    return EXIT_USAGE;
  if (argc > 1 || branch <= 0 || !rh_period_parse (period_text, &p, &error))
    {
      g_printerr ("ronghe-cli points: %s\n",
                  error != NULL ? error->message
                  : argc > 1    ? _("takes no arguments")
                                : _("--branch ID is required"));
      return EXIT_USAGE;
    }
  db = open_database ();
  if (db == NULL)
    return EXIT_PROBLEMS;
  all = rh_points_for_branch (db, branch, &p, &error);
  if (all == NULL)
    {
      print_error ("points", error);
      return EXIT_PROBLEMS;
    }
  if (tsv)
    printf ("rank\tmember_id\tname\tprobationary\tq1\tq2\tq3\tq4\ttotal\tvetoed\tlevel\treview\n");
  else
    {
      print_cell (_("Rank"), 5, TRUE);
      for (int q = 0; q < 4; q++)
        {
          static const char *const names[] = { NC_ ("quarter", "Q1"), NC_ ("quarter", "Q2"),
                                               NC_ ("quarter", "Q3"), NC_ ("quarter", "Q4") };
          print_cell (g_dpgettext2 (GETTEXT_PACKAGE, "quarter", names[q]), 7, TRUE);
        }
      print_cell (C_("points", "Total"), 7, TRUE);
      print_cell (_("Level"), 8, FALSE);
      print_cell (C_("points", "Review"), 10, FALSE);
      printf ("%s\n", _("Name"));
    }
  for (guint i = 0; i < all->len; i++)
    {
      RhPoints *m = all->pdata[i];
      char q[4][G_ASCII_DTOSTR_BUF_SIZE], total[G_ASCII_DTOSTR_BUF_SIZE];

      for (int k = 0; k < 4; k++)
        g_ascii_formatd (q[k], sizeof q[k], "%g", m->quarters[k]);
      g_ascii_formatd (total, sizeof total, "%g", m->total);
      if (tsv)
        printf ("%d\t%" G_GINT64_FORMAT "\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", m->rank,
                m->member_id, m->name, m->probationary, q[0], q[1], q[2], q[3], total, m->vetoed,
                m->level, m->review >= 0 ? rh_review_grade_to_string (m->review) : "");
      else
        {
          g_autofree char *rank = g_strdup_printf ("%d", m->rank);
          print_cell (rank, 5, TRUE);
          for (int k = 0; k < 4; k++)
            print_cell (q[k], 7, TRUE);
          print_cell (total, 7, TRUE);
          print_cell (m->level, 8, FALSE);
          print_cell (m->review >= 0 ? rh_review_grade_label (m->review) : "—", 10, FALSE);
          printf ("%s%s%s\n", m->name, m->probationary ? _(" (probationary)") : "",
                  m->vetoed ? _(" (veto)") : "");
        }
    }
  return EXIT_OK;
}

static int
cmd_template (int argc, char **argv)
{
  g_autoptr (RhDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = 0;
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_INT64, &id, N_("The template to export (default: this year's)"),
      "ID" },
    { NULL },
  };

  if (!parse_command ("template", _("export|import FILE"),
                      _("Hand an assessment template to other branches as a JSON file."),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 3 || (g_strcmp0 (argv[1], "export") != 0 && g_strcmp0 (argv[1], "import") != 0))
    {
      g_printerr (_("ronghe-cli template: use “export FILE” or “import FILE”\n"));
      return EXIT_USAGE;
    }
  db = open_database ();
  if (db == NULL)
    return EXIT_PROBLEMS;
  if (g_strcmp0 (argv[1], "export") == 0)
    {
      GDate today;
      g_autoptr (RhTemplate) t = NULL;
      g_autofree char *json = NULL;

      rh_date_today (&today);
      t = rh_template_load (db, id != 0 ? id : rh_template_default (db, g_date_get_year (&today)),
                            &error);
      if (t == NULL)
        {
          print_error ("template", error);
          return EXIT_PROBLEMS;
        }
      json = rh_template_to_json (t);
      /* Written beside the target, then renamed into place. */
      if (!g_file_set_contents_full (argv[2], json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                     &error))
        {
          print_error ("template", error);
          return EXIT_PROBLEMS;
        }
      g_printerr (_("Template “%s” written to %s\n"), t->name, argv[2]);
    }
  else
    {
      g_autofree char *text = NULL;
      gsize len;
      g_autoptr (RhTemplate) t = NULL;

      if (!g_file_get_contents (argv[2], &text, &len, &error)
          || (t = rh_template_from_json (text, len, &error)) == NULL
          || !rh_template_save (db, t, &error))
        {
          print_error ("template", error);
          return EXIT_PROBLEMS;
        }
      g_printerr (_("Template “%s” imported as number %lld\n"), t->name, (long long) t->id);
    }
  return EXIT_OK;
}

static int
cmd_chart (int argc, char **argv)
{
  g_autofree char *period = NULL, *output = NULL;
  gint64 branch = 0;
  double width = 0, height = 0, dpi = 150, party_cut = NAN, business_cut = NAN;
  GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("2025, 2025Q3 or 2025-07"), "P" },
    { "branch", 0, 0, G_OPTION_ARG_INT64, &branch,
      N_("The branch (needed by radar, trend and points; highlighted on the others)"), "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("FILE.pdf, FILE.png or FILE.svg"),
      N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &width, N_("Width in points (1/72 inch)"), "PT" },
    { "height", 0, 0, G_OPTION_ARG_DOUBLE, &height, N_("Height in points"), "PT" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("Resolution of a PNG (default 150)"), "DPI" },
    { "party-cut", 0, 0, G_OPTION_ARG_DOUBLE, &party_cut,
      N_("Quadrant: the party score's cut-off (default: the median)"), "SCORE" },
    { "business-cut", 0, 0, G_OPTION_ARG_DOUBLE, &business_cut,
      N_("Quadrant: the business score's cut-off (default: the median)"), "SCORE" },
    { NULL },
  };
  g_autoptr (RhDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RhChartModel) model = NULL;
  g_autofree char *kinds = NULL;
  GString *list = g_string_new (NULL);
  double dw, dh;
  int kind, format;
  gint64 start, loaded;
  RhPeriod p;

  for (int k = 0; k < RH_N_CHART_KINDS; k++)
    g_string_append_printf (list, "%s%s", k ? ", " : "", rh_chart_kind_to_string (k));
  kinds = g_string_free (list, FALSE);
  if (!parse_command ("chart", _("KIND"), _("Draws an assessment chart to a PDF, PNG or SVG file."),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2 || (kind = rh_chart_kind_from_string (argv[1])) < 0)
    {
      g_printerr (_("ronghe-cli chart: KIND is one of %s\n"), kinds);
      return EXIT_USAGE;
    }
  if (!rh_period_parse (period, &p, &error))
    {
      g_printerr ("ronghe-cli chart: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (output == NULL)
    {
      g_printerr (_("ronghe-cli chart: --output FILE is needed\n"));
      return EXIT_USAGE;
    }
  if ((format = rh_chart_format_for_path (output, &error)) < 0)
    {
      g_printerr ("ronghe-cli chart: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (party_cut < 0 || party_cut > 100 || business_cut < 0 || business_cut > 100)
    {
      g_printerr (_("ronghe-cli chart: the cut-offs are scores from 0 to 100\n"));
      return EXIT_USAGE;
    }
  rh_chart_kind_size (kind, &dw, &dh);
  db = open_database_as (TRUE);
  if (db == NULL)
    return EXIT_PROBLEMS;
  start = g_get_monotonic_time ();
  model = rh_chart_model_load (db, kind, period, branch, &error);
  loaded = g_get_monotonic_time ();
  if (model != NULL)
    rh_chart_model_set_cuts (model, party_cut, business_cut);
  if (model == NULL
      || !rh_chart_model_save (model, output, format, width > 0 ? width : dw, height > 0 ? height : dh,
                               dpi, &error))
    {
      print_error ("chart", error);
      return EXIT_PROBLEMS;
    }
  /* RONGHE_TRACE prints timings for the benchmarks. */
  if (g_getenv ("RONGHE_TRACE") != NULL)
    g_printerr ("ronghe-trace: chart kind=%s load-ms=%.2f render-and-write-ms=%.2f\n",
                rh_chart_kind_to_string (kind), (loaded - start) / 1000.0,
                (g_get_monotonic_time () - loaded) / 1000.0);
  return EXIT_OK;
}

static int
cmd_handout (int argc, char **argv)
{
  g_autofree char *period = NULL, *output = NULL;
  gint64 branch = 0;
  GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("2025, 2025Q3 or 2025-07"), "P" },
    { "branch", 0, 0, G_OPTION_ARG_INT64, &branch,
      N_("The branch's handout (default: the committee's)"), "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("FILE.pdf"), N_("FILE") },
    { NULL },
  };
  g_autoptr (RhDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RhHandout) handout = NULL;
  gint64 start, built;
  RhPeriod p;

  if (!parse_command ("handout", "", _("Writes the A4 handout of an evaluation meeting (PDF)."),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1 || !rh_period_parse (period, &p, &error))
    {
      g_printerr ("ronghe-cli handout: %s\n", error != NULL ? error->message : _("takes no arguments"));
      return EXIT_USAGE;
    }
  if (output == NULL || rh_chart_format_for_path (output, NULL) != RH_CHART_FORMAT_PDF)
    {
      g_printerr (_("ronghe-cli handout: --output FILE.pdf is needed\n"));
      return EXIT_USAGE;
    }
  db = open_database_as (TRUE);
  if (db == NULL)
    return EXIT_PROBLEMS;
  start = g_get_monotonic_time ();
  handout = rh_handout_new (db, period, branch, &error);
  built = g_get_monotonic_time ();
  if (handout == NULL || !rh_handout_write_pdf (handout, output, &error))
    {
      print_error ("handout", error);
      return EXIT_PROBLEMS;
    }
  if (g_getenv ("RONGHE_TRACE") != NULL)
    g_printerr ("ronghe-trace: handout pages=%u read-ms=%.2f layout-and-write-ms=%.2f\n",
                rh_handout_get_n_pages (handout), (built - start) / 1000.0,
                (g_get_monotonic_time () - built) / 1000.0);
  return EXIT_OK;
}

static int
cmd_import (int argc, char **argv)
{
  g_autoptr (RhDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (RhSheet) sheet = NULL;
  g_autoptr (RhImportPlan) plan = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *sheet_name = NULL;
  RhImportMapping mapping;
  gint64 branch = 0;
  gboolean dry_run = FALSE, create = FALSE;
  GPtrArray *problems, *missing;
  gint64 start, read_done, checked;
  GOptionEntry entries[] = {
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet_name, N_("The sheet of a workbook (default: the first)"),
      N_("NAME") },
    { "branch", 0, 0, G_OPTION_ARG_INT64, &branch, N_("The branch of rows that name none"), "ID" },
    { "create-branches", 0, 0, G_OPTION_ARG_NONE, &create,
      N_("Create the branches and party groups the file names that do not exist"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check and show the summary; write nothing"),
      NULL },
    { NULL },
  };

  if (!parse_command ("import", _("members FILE"),
                      _("Import members from a roster (.xlsx or .csv). Every row is checked first; "
                        "the valid rows are written in one transaction after a backup. Exits with "
                        "1 if any row is invalid."),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 3 || g_strcmp0 (argv[1], "members") != 0)
    {
      g_printerr (_("ronghe-cli import: use “import members FILE”\n"));
      return EXIT_USAGE;
    }
  db = open_database ();
  if (db == NULL)
    return EXIT_PROBLEMS;
  start = g_get_monotonic_time ();
  sheet = rh_import_read_file (argv[2], sheet_name, &error);
  if (sheet == NULL)
    {
      print_error ("import", error);
      return EXIT_PROBLEMS;
    }
  read_done = g_get_monotonic_time ();
  rh_import_mapping_detect (sheet, &mapping);
  saved = rh_import_mapping_load (db);
  rh_import_mapping_apply (sheet, &mapping, saved);
  for (int f = 0; f < RH_IMPORT_N_FIELDS; f++)
    if (mapping.columns[f] >= 0)
      g_printerr (_("Column “%s” → %s\n"),
                  rh_sheet_cell (sheet, (guint) mapping.header_row, (guint) mapping.columns[f]),
                  rh_import_field_label (f));
  plan = rh_import_prepare (db, sheet, &mapping, branch, &error);
  if (plan == NULL)
    {
      print_error ("import", error);
      return EXIT_PROBLEMS;
    }
  checked = g_get_monotonic_time ();
  rh_import_plan_set_create_branches (plan, create);
  problems = rh_import_plan_problems (plan);
  for (guint i = 0; i < problems->len; i++)
    {
      RhImportProblem *p = problems->pdata[i];

      /* TRANSLATORS: row number, column header, message */
      printf (_("Row %u, %s: %s\n"), p->row, p->column_name, p->message);
    }
  missing = rh_import_plan_missing (plan);
  if (missing->len > 0)
    {
      g_printerr (create ? _("Organisations to create:\n")
                         : _("Organisations named in the file that do not exist (created with "
                             "--create-branches):\n"));
      for (guint i = 0; i < missing->len; i++)
        g_printerr ("  %s\n", (char *) missing->pdata[i]);
    }
  g_printerr (_("%u rows: %u new, %u updated (same ID number), %u invalid\n"),
              rh_import_plan_n_rows (plan), rh_import_plan_n_new (plan),
              rh_import_plan_n_updated (plan), rh_import_plan_n_invalid (plan));
  if (!dry_run)
    {
      if (!rh_import_commit (db, plan, NULL, NULL, NULL, &error))
        {
          print_error ("import", error);
          return EXIT_PROBLEMS;
        }
      gint64 end = g_get_monotonic_time ();

      g_printerr (_("Imported %u members in %.2f s (reading %.2f s, checking %.2f s, writing "
                    "%.2f s)\n"),
                  rh_import_plan_n_new (plan) + rh_import_plan_n_updated (plan),
                  (end - start) / 1e6, (read_done - start) / 1e6, (checked - read_done) / 1e6,
                  (end - checked) / 1e6);
    }
  else
    g_printerr (_("Dry run: nothing was written\n"));
  return rh_import_plan_n_invalid (plan) > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

static gboolean
confirm (const char *question)
{
  char answer[16] = "";

  g_printerr ("%s ", question);
  if (fgets (answer, sizeof answer, stdin) == NULL)
    return FALSE;
  g_strstrip (answer);
  /* TRANSLATORS: the answers that mean yes to a confirmation, separated by | */
  {
    g_auto (GStrv) yes = g_strsplit (_("y|yes"), "|", -1);

    for (guint i = 0; yes[i] != NULL; i++)
      if (g_ascii_strcasecmp (answer, yes[i]) == 0)
        return TRUE;
  }
  return g_ascii_strcasecmp (answer, "y") == 0 || g_ascii_strcasecmp (answer, "yes") == 0;
}

static int
cmd_restore (int argc, char **argv)
{
  g_autoptr (RhDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *question = NULL;
  gboolean yes = FALSE;
  int version = 0;
  GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("Do not ask for confirmation"), NULL },
    { NULL },
  };

  if (!parse_command ("restore", _("PATH"),
                      _("Replace the database with a backup. The backup is verified first, and "
                        "the current database is backed up before it is replaced."),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2)
    {
      g_printerr (_("ronghe-cli restore: give exactly one PATH\n"));
      return EXIT_USAGE;
    }
  if (!rh_database_verify_file (argv[1], &version, &error))
    {
      print_error ("restore", error);
      return EXIT_PROBLEMS;
    }
  path = opt_database ? g_strdup (opt_database) : rh_database_default_path ();
  question = g_strdup_printf (_("Replace %s with the backup %s? [y/N]"), path, argv[1]);
  if (!yes && !confirm (question))
    {
      g_printerr (_("Nothing was changed\n"));
      return EXIT_PROBLEMS;
    }
  db = rh_database_open (path, &error);
  if (db == NULL && g_error_matches (error, RH_DATABASE_ERROR, RH_DATABASE_ERROR_CORRUPT))
    {
      /* A damaged database is set aside untouched and the backup takes its place. */
      g_clear_error (&error);
      if (!rh_backup_recover (path, argv[1], &damaged, &error)
          || (db = rh_database_open (path, &error)) == NULL)
        {
          print_error ("restore", error);
          return EXIT_PROBLEMS;
        }
      g_printerr (_("The damaged database was moved, unchanged, to %s\n"), damaged);
    }
  else if (db == NULL)
    {
      print_error ("restore", error);
      return EXIT_PROBLEMS;
    }
  else if (!rh_backup_restore (db, argv[1], &safety, &error))
    {
      print_error ("restore", error);
      return EXIT_PROBLEMS;
    }
  else
    g_printerr (_("The database as it was is kept in %s\n"), safety);
  g_printerr (_("Restored %s from %s\n"), path, argv[1]);
  return EXIT_OK;
}

static int
cmd_backups (int argc, char **argv)
{
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) list = NULL;

  if (!parse_command ("backups", "list",
                      _("List the automatic backups beside the database, newest first."), NULL,
                      &argc, &argv))
    return EXIT_USAGE;
  if (argc != 2 || g_strcmp0 (argv[1], "list") != 0)
    {
      g_printerr (_("ronghe-cli backups: use “backups list”\n"));
      return EXIT_USAGE;
    }
  path = opt_database ? g_strdup (opt_database) : rh_database_default_path ();
  list = rh_backup_list (path);
  for (guint i = 0; i < list->len; i++)
    {
      RhBackupInfo *info = list->pdata[i];
      g_autofree char *when = g_date_time_format (info->time, "%Y-%m-%d %H:%M:%S");
      g_autofree char *size = g_format_size ((guint64) info->size);

      printf ("%s\t%s\tv%d\t%s\t%s\n", when, info->reason, info->version, size, info->path);
    }
  if (list->len == 0)
    {
      g_autofree char *dir = rh_backup_dir (path);

      g_printerr (_("No backups in %s\n"), dir);
    }
  return EXIT_OK;
}

static int
cmd_export (int argc, char **argv)
{
  char *period = NULL, *output = NULL;
  gint64 branch = 0;
  gboolean no_mask = FALSE;
  GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("2025 or 2025Q3"), "P" },
    { "branch", 0, 0, G_OPTION_ARG_INT64, &branch,
      N_("One branch (default: the whole committee)"), "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write (.xlsx)"),
      N_("FILE") },
    { "no-mask", 0, 0, G_OPTION_ARG_NONE, &no_mask,
      N_("Write ID and phone numbers in full (they are masked by default)"), NULL },
    { NULL },
  };
  g_autoptr (RhDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  RhExportOptions options = { 0 };
  const char *what;
  gint64 start;
  gboolean ok;
  RhPeriod p;

  if (!parse_command ("export", _("assessment|roster|meetings"),
                      _("Write an Excel workbook for the higher committee."), entries, &argc,
                      &argv))
    return EXIT_USAGE;
  what = argc == 2 ? argv[1] : NULL;
  if (what == NULL || (g_strcmp0 (what, "assessment") != 0 && g_strcmp0 (what, "roster") != 0
                       && g_strcmp0 (what, "meetings") != 0))
    {
      g_printerr (_("ronghe-cli export: use “assessment”, “roster” or “meetings”\n"));
      return EXIT_USAGE;
    }
  if (output == NULL || *output == '\0')
    {
      g_printerr (_("ronghe-cli export: --output FILE is needed\n"));
      return EXIT_USAGE;
    }
  if (g_strcmp0 (what, "roster") != 0 && !rh_period_parse (period, &p, &error))
    {
      g_printerr ("ronghe-cli export: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (g_strcmp0 (what, "meetings") == 0 && branch <= 0)
    {
      g_printerr (_("ronghe-cli export: the meeting ledger needs --branch ID\n"));
      return EXIT_USAGE;
    }
  db = open_database ();
  if (db == NULL)
    return EXIT_PROBLEMS;
  options.period = period;
  options.branch_id = branch;
  options.unmasked = no_mask;
  start = g_get_monotonic_time ();
  if (g_strcmp0 (what, "assessment") == 0)
    ok = rh_export_assessment (db, output, &options, &error);
  else if (g_strcmp0 (what, "roster") == 0)
    ok = rh_export_roster (db, output, &options, &error);
  else
    ok = rh_export_meetings (db, output, &options, &error);
  if (!ok)
    {
      print_error ("export", error);
      return EXIT_PROBLEMS;
    }
  g_printerr (_("Workbook written to %s in %.2f s\n"), output,
              (g_get_monotonic_time () - start) / 1e6);
  return EXIT_OK;
}

static const struct {
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "demo", cmd_demo, N_("Fill an empty database with a sample organisation") },
  { "check", cmd_check, N_("Check integrity, foreign keys and validation rules") },
  { "backup", cmd_backup, N_("Write an online backup to PATH") },
  { "backups", cmd_backups, N_("List the automatic backups (backups list)") },
  { "restore", cmd_restore, N_("Replace the database with a verified backup") },
  { "import", cmd_import, N_("Import members from .xlsx or .csv (import members FILE)") },
  { "compliance", cmd_compliance, N_("Meetings required and held, per branch (--period P)") },
  { "integration", cmd_integration, N_("The integration index per branch (--period P)") },
  { "score", cmd_score, N_("Assessment scores, grades, stars and ranks (--period P)") },
  { "points", cmd_points, N_("Member points and review grades of a branch (--branch ID --period P)") },
  { "template", cmd_template, N_("Export or import an assessment template (JSON)") },
  { "chart", cmd_chart, N_("Draw an assessment chart to PDF, PNG or SVG (KIND --period P)") },
  { "handout", cmd_handout, N_("Write the A4 handout of an evaluation meeting (--period P)") },
  { "export", cmd_export, N_("Write an Excel workbook: assessment, roster or meetings") },
};

static char *
commands_help (void)
{
  GString *s = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (s, "\n  %-12s %s", commands[i].name, _(commands[i].summary));
  return g_string_free (s, FALSE);
}

int
main (int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
      N_("The database file (default: $RONGHE_DATABASE or the user data folder)"), N_("PATH") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *help = NULL;

  rh_i18n_init ();
  context = g_option_context_new (_("COMMAND [OPTION…]"));
  help = commands_help ();
  g_option_context_set_description (context, help);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("ronghe-cli: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (argc < 2)
    {
      g_printerr (_("ronghe-cli: a command is needed\n%s\n"), help);
      return EXIT_USAGE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);
  g_printerr (_("ronghe-cli: unknown command “%s”\n%s\n"), argv[1], help);
  return EXIT_USAGE;
}
