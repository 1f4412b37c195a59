/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Member points (党员积分) and the yearly democratic review (民主评议). */
#pragma once

#include "rh-database.h"
#include "rh-period.h"

G_BEGIN_DECLS

typedef enum {
  RH_REVIEW_EXCELLENT,    /* 优秀: at most a third of the members */
  RH_REVIEW_QUALIFIED,    /* 合格 */
  RH_REVIEW_BASIC,        /* 基本合格 */
  RH_REVIEW_UNQUALIFIED,  /* 不合格 */
  RH_N_REVIEW_GRADES
} RhReviewGrade;

const char *rh_review_grade_to_string (RhReviewGrade g);
int         rh_review_grade_from_string (const char *s);
const char *rh_review_grade_label (RhReviewGrade g);

/* How a rule's points are counted. */
typedef enum {
  RH_POINT_MANUAL,   /* entries made by hand, with a date and a note */
  RH_POINT_PRESENT,  /* per meeting attended, from the meeting records */
  RH_POINT_ABSENT,   /* per meeting missed without leave */
} RhPointSource;

typedef struct {
  gint64        id;        /* 0 for a rule not saved yet */
  char         *code;      /* unique, e.g. "P04" */
  char         *item;      /* what earns (or costs) the points */
  char         *category;  /* may be NULL */
  double        points;    /* per entry or meeting, + or − */
  double        cap;       /* the most a rule adds (or takes) in a quarter; NAN: no cap */
  RhPointSource source;
  gboolean      veto;      /* one entry in a year sets the member's year to 0 */
} RhPointRule;

RhPointRule *rh_point_rule_new (void);
RhPointRule *rh_point_rule_copy (const RhPointRule *rule);
void         rh_point_rule_free (RhPointRule *rule);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhPointRule, rh_point_rule_free)

/* The rules with the base score and the levels: what a committee configures. */
typedef struct {
  double     base;    /* the score every member starts a period with */
  char      *levels;  /* "优秀:90;良好:80;合格:60;不合格:0", highest first */
  GPtrArray *rules;   /* RhPointRule, by code */
} RhPointSettings;

void             rh_point_settings_free (RhPointSettings *settings);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhPointSettings, rh_point_settings_free)
RhPointSettings *rh_point_settings_load (RhDatabase *db, GError **error);
/* Checks a set of rules on its own: codes and items not empty, codes unique,
 * caps 0 or more, levels well formed. The message names the rule and field. */
gboolean         rh_point_settings_validate (const RhPointSettings *settings, GError **error);
/* Replaces the stored rules and settings with these, in one transaction.
 * Besides validation, refuses to change the source of a saved rule, to remove
 * an automatic rule or a rule that has entries, and to add an automatic rule. */
gboolean         rh_point_settings_save (RhDatabase *db, const RhPointSettings *settings,
                                         GError **error);

typedef struct {
  gint64   member_id;
  char    *name;
  gboolean probationary;  /* reviewed (and their 优秀 counted) apart from full members */
  double   base;
  double   quarters[4];  /* earned in each quarter of the period, after the caps */
  double   earned;     /* rules, each capped per quarter, automatic ones included */
  double   total;      /* base + earned, or 0 after a veto */
  gboolean vetoed;
  int      rank;       /* within the branch, 1 is best; equal totals share a rank */
  int      ranked;     /* how many members were ranked */
  char    *level;
  int      review;     /* RhReviewGrade of the period's year, or -1 */
} RhPoints;

void       rh_points_free (RhPoints *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhPoints, rh_points_free)
/* Every active member of a branch over a period, best first. */
GPtrArray *rh_points_for_branch (RhDatabase *db, gint64 branch_id, const RhPeriod *period,
                                 GError **error);
/* The same for every branch at once, with a few queries for the whole
 * committee: a table from each branch's id to its members' RhPoints (a
 * GPtrArray, best first). Branches without members are left out. */
GHashTable *rh_points_for_all_branches (RhDatabase *db, const RhPeriod *period, GError **error);
/* One member over a period, ranked within the branch; NULL without an error
 * when the member holds no points (not admitted, or transferred out). */
RhPoints  *rh_points_for_member (RhDatabase *db, gint64 member_id, const RhPeriod *period,
                                 GError **error);
/* What one rule gave a member over a period: how its points add up. */
typedef struct {
  char         *code;
  char         *item;
  RhPointSource source;
  gboolean      veto;
  int           count;    /* entries, or meetings attended or missed */
  double        raw;      /* count × the rule's points */
  double        counted;  /* after each quarter's cap: what the total holds */
} RhPointRuleSum;

void       rh_point_rule_sum_free (RhPointRuleSum *sum);
/* The rules that gave a member points over a period (those with a count), by code:
 * the same computation as the totals, automatic rules included. */
GPtrArray *rh_points_by_rule (RhDatabase *db, gint64 member_id, const RhPeriod *period,
                              GError **error);
/* A manual entry of a rule for a member on a date. Automatic rules are refused. */
gboolean   rh_points_add (RhDatabase *db, gint64 member_id, const char *rule_code,
                          const char *date, const char *note, GError **error);

typedef struct {
  gint64   id;
  char    *date;
  char    *code;
  char    *item;
  double   points;  /* the rule's points per entry (its quarterly cap may hold the sum back) */
  gboolean veto;
  char    *note;
} RhPointEntry;

void       rh_point_entry_free (RhPointEntry *entry);
/* A member's manual entries within a period, newest first. */
GPtrArray *rh_points_entries (RhDatabase *db, gint64 member_id, const RhPeriod *period,
                              GError **error);
/* Removes a manual entry (the audit log keeps it). */
gboolean   rh_points_remove (RhDatabase *db, gint64 entry_id, GError **error);

/* Sets a member's review grade for a year. 优秀 is refused, with a message that
 * says how many already have it, once a third of the branch's full members
 * (or of its probationary members, reviewed separately) have it. */
gboolean   rh_review_set (RhDatabase *db, gint64 member_id, int year, RhReviewGrade grade,
                          const char *note, GError **error);
/* Clears a member's review of a year. */
gboolean   rh_review_clear (RhDatabase *db, gint64 member_id, int year, GError **error);
/* The grade, or -1 when not reviewed. */
int        rh_review_get (RhDatabase *db, gint64 member_id, int year);

G_END_DECLS
