/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Assessment templates (考核细则) and branch assessments (考核): the rules are
 * data, and the code that applies them is written once, here. */
#pragma once

#include "rh-database.h"
#include "rh-period.h"

G_BEGIN_DECLS

typedef enum {
  RH_INDICATOR_BASIC,
  RH_INDICATOR_BONUS,      /* 加分, capped by the template's bonus_cap */
  RH_INDICATOR_DEDUCTION,  /* 扣分 */
  RH_INDICATOR_VETO,       /* 一票否决: any score above 0 triggers it */
  RH_N_INDICATOR_KINDS
} RhIndicatorKind;

/* The five stars of seed 002. */
typedef enum {
  RH_STAR_POLITICAL,   /* 政治坚定星 */
  RH_STAR_STYLE,       /* 作风优良星 */
  RH_STAR_ACTION,      /* 实干担当星 */
  RH_STAR_BRAND,       /* 品牌示范星 */
  RH_STAR_STRONG,      /* 支部过硬星 */
  RH_N_STARS
} RhStar;

typedef enum {
  RH_SOURCE_NONE,
  RH_SOURCE_COMPLIANCE,   /* 三会一课 compliance rate of the period */
  RH_SOURCE_INTEGRATION,  /* integration index / 100 */
  RH_SOURCE_ATTENDANCE,   /* members' attendance at meetings */
  RH_SOURCE_CASES,        /* cases of the year at a status or beyond, against a target */
  RH_N_SOURCES
} RhSource;

typedef enum {
  RH_FORMULA_WEIGHTED,     /* party × w1 + review × w2 + business × w3 */
  RH_FORMULA_COEFFICIENT,  /* business × party / 100 (seed 004) */
} RhFormula;

typedef enum {
  RH_ASSESSMENT_DRAFT,
  RH_ASSESSMENT_SUBMITTED,
  RH_ASSESSMENT_FINALISED,
  RH_N_ASSESSMENT_STATUSES
} RhAssessmentStatus;

const char *rh_indicator_kind_to_string (RhIndicatorKind k);
int         rh_indicator_kind_from_string (const char *s);
const char *rh_indicator_kind_label (RhIndicatorKind k);
const char *rh_star_to_string (RhStar s);
int         rh_star_from_string (const char *s);
const char *rh_star_label (RhStar s);
const char *rh_source_to_string (RhSource s);
int         rh_source_from_string (const char *s);
const char *rh_source_label (RhSource s);
const char *rh_assessment_status_to_string (RhAssessmentStatus s);
int         rh_assessment_status_from_string (const char *s);
const char *rh_assessment_status_label (RhAssessmentStatus s);

typedef struct {
  gint64          id;
  char           *code;
  char           *name;
  char           *standard;       /* 考核内容 */
  char           *scoring_note;   /* 评分说明 */
  double          max_points;
  RhIndicatorKind kind;
  int             star;           /* RhStar, or -1 */
  gboolean        quantitative;
  RhSource        source;
  int             source_status;  /* RhCaseStatus for RH_SOURCE_CASES */
  int             source_target;
} RhIndicator;

typedef struct {
  gint64     id;
  char      *name;
  GPtrArray *indicators;          /* RhIndicator */
} RhCategory;

typedef struct {
  char  *label;
  double min;                     /* lowest total for this grade */
} RhGrade;

typedef struct {
  gint64     id;
  char      *name;
  int        year;
  RhFormula  formula;
  double     party_weight;
  double     review_weight;
  double     business_weight;
  double     bonus_cap;
  GArray    *grades;              /* RhGrade, best first; the last is also the veto grade */
  double     star_share;
  gboolean   star_by_total;       /* the level follows star_cutoffs, else the stars earned */
  double     star_cutoffs[4];     /* totals for five, four, three and two stars */
  double     five_star_quota;     /* share of branches, NAN for none */
  gboolean   frozen;
  GPtrArray *categories;          /* RhCategory */
} RhTemplate;

RhTemplate  *rh_template_new (const char *name, int year);
void         rh_template_free (RhTemplate *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhTemplate, rh_template_free)
RhCategory  *rh_template_add_category (RhTemplate *t, const char *name);
RhIndicator *rh_category_add_indicator (RhCategory *c, const char *code, const char *name,
                                        double max_points, RhIndicatorKind kind, int star);
/* The indicator with this id, or NULL. */
RhIndicator *rh_template_find (RhTemplate *t, gint64 indicator_id);

/* Checks the tree: names, codes unique, points ≥ 0, basic points adding up to 100,
 * weights, grades in descending order. The error names the category or indicator. */
gboolean     rh_template_validate (RhTemplate *t, GError **error);
/* Inserts (id 0) or replaces the whole tree in one transaction; ids are filled in.
 * A frozen template cannot be changed. */
gboolean     rh_template_save (RhDatabase *db, RhTemplate *t, GError **error);
RhTemplate  *rh_template_load (RhDatabase *db, gint64 id, GError **error);
/* Writes a whole template (an RhTemplate *) inside the caller's transaction, unvalidated. */
gboolean     rh_template_write (RhDatabase *db, gpointer template_, GError **error);
/* Templates not frozen, newest year first. */
GPtrArray   *rh_template_list (RhDatabase *db, GError **error);
/* The template to use for a new assessment in a year: that year's, or the latest. */
gint64       rh_template_default (RhDatabase *db, int year);

/* What a branch was given for one indicator. */
typedef struct {
  double self_score;       /* NAN when not given */
  double committee_score;  /* NAN when not given: the self score counts */
  double auto_score;       /* for automatic indicators, NAN otherwise */
  char  *comment;
  char  *evidence;
  char  *override_reason;  /* a committee score that differs from auto_score needs one */
  char  *attachments;      /* evidence files (佐证材料): their paths, one per line */
} RhScore;

/* The result of one branch's assessment. */
typedef struct {
  gint64   org_id;
  char    *org_name;
  char    *period;
  gint64   assessment_id;       /* 0: not assessed */
  gint64   template_id;
  RhAssessmentStatus status;
  double   basic;
  double   bonus;               /* after the cap */
  double   deductions;
  double   party;               /* basic + bonus − deductions, at least 0 */
  double   business;            /* NAN when not entered */
  double   review;              /* NAN when not entered */
  double   total;
  gboolean vetoed;
  char    *grade;
  guint    stars;               /* bit RhStar set when earned */
  int      star_level;          /* 1–5 */
  int      rank;                /* 1 is best; 0 when not assessed */
  double   change;              /* total minus the previous period's, NAN when none */
  gboolean needs_contact;       /* three stars or fewer: a committee contact (seed 002) */
} RhScoreResult;

void     rh_score_result_free (RhScoreResult *r);

/* The votes of a rating survey (党员群众评价测评). */
typedef enum {
  RH_VOTE_SATISFIED,     /* 满意, counts 100 */
  RH_VOTE_BASIC,         /* 基本满意, counts 60 */
  RH_VOTE_UNSATISFIED,   /* 不满意, counts 0 */
  RH_N_VOTES
} RhVote;

/* The rating a survey gives: the votes' average on a 100-point scale, to two
 * decimals; NAN when nobody voted. */
double   rh_review_tally_score (const int tally[RH_N_VOTES]);

/* One branch's assessment for a period: what was entered. */
typedef struct {
  gint64             id;
  gint64             org_id;
  char              *period;
  gint64             template_id;
  RhAssessmentStatus status;
  double             business_score;   /* NAN when not entered */
  double             review_score;     /* NAN when not entered */
  int                review_tally[RH_N_VOTES];   /* survey votes; all 0 when none */
  char              *comments;
  GHashTable        *scores;           /* indicator id (gint64 *) → RhScore * */
} RhAssessment;

void          rh_assessment_free (RhAssessment *a);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhAssessment, rh_assessment_free)
/* The score of an indicator, created empty when missing. */
RhScore      *rh_assessment_score (RhAssessment *a, gint64 indicator_id);
/* The assessment of a branch and period, or a new draft on the year's template. */
RhAssessment *rh_assessment_load_or_new (RhDatabase *db, gint64 org_id, const char *period,
                                         GError **error);
/* Checks every score against its indicator's range and writes the draft in one
 * transaction; a survey tally, when given, sets the review score. A finalised
 * assessment is refused. */
gboolean      rh_assessment_save (RhDatabase *db, RhAssessment *a, GError **error);
/* Fills the automatic indicators' auto_score from the records of the
 * assessment's period and returns what each was filled from, in words
 * ("92.3%", "2 of 3 cases"), by indicator id (gint64 *). A finalised
 * assessment keeps its day's figures in its self scores: nothing to fill. */
GHashTable   *rh_assessment_fill_auto (RhDatabase *db, RhAssessment *a, GError **error);
/* Finalising stores the result and a frozen copy of the template; reopening
 * needs a reason, which the audit log keeps. */
gboolean      rh_assessment_set_status (RhDatabase *db, RhAssessment *a,
                                        RhAssessmentStatus status, const char *reason,
                                        GError **error);
/* Finalises several assessments (RhAssessment *, saved) in one transaction,
 * exactly as rh_assessment_set_status would one by one, reading each period's
 * automatic figures once: what a committee does at the end of a period. */
gboolean      rh_assessment_finalise_all (RhDatabase *db, GPtrArray *assessments,
                                          GError **error);

/* Every active branch's result for a period, best first: automatic indicators
 * filled from the records, the five-star quota applied, ranks and the change
 * from the previous period. */
GPtrArray    *rh_assessment_score_all (RhDatabase *db, const char *period, GError **error);

/* One branch's assessment in detail, for handouts and charts: the template
 * (its frozen copy once finalised), what was entered, and the score that
 * counts for each indicator, in template order. */
typedef struct {
  RhTemplate   *template;
  RhAssessment *assessment;
  GArray       *effective;              /* double per indicator, category order */
  double        star_share[RH_N_STARS]; /* basic points over max per star, NAN when none */
} RhAssessmentDetail;

void                rh_assessment_detail_free (RhAssessmentDetail *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhAssessmentDetail, rh_assessment_detail_free)
/* NULL with no error when the branch has no assessment for the period. */
RhAssessmentDetail *rh_assessment_detail (RhDatabase *db, gint64 org_id, const char *period,
                                          GError **error);
/* The star shares of every assessed branch of a period: a table from gint64
 * org id to double[RH_N_STARS] (NAN when a star has no indicators). */
GHashTable         *rh_assessment_star_shares_all (RhDatabase *db, const char *period,
                                                   GError **error);

/* Applies a template to scores (indexed like the template's indicators in
 * category order) plus the business and review scores. Pure: no database. */
void     rh_score_compute (const RhTemplate *t, const RhScore *scores, guint n_scores,
                           double business, double review, RhScoreResult *out);

/* One assessment's working, as rh_assessment_score_all counts it: for
 * showing every indicator (exports). Finalised assessments keep their
 * automatic figures as they were on the day, so their figure is NAN. */
typedef struct {
  gint64         org_id;
  RhTemplate    *template_;     /* borrowed from RhScoreDetails.templates */
  RhAssessment  *assessment;
  guint          n_scores;
  RhScore       *scores;        /* template order; auto_score filled for automatic indicators */
  double        *effective;     /* the points that count, per indicator */
  double        *figures;       /* the automatic source's share (0–1), or cases counted; NAN */
  RhScoreResult  result;        /* basic, bonus (capped), deductions and party from these scores */
} RhScoreDetail;

typedef struct {
  GHashTable *templates;        /* template id (gint64 *) → RhTemplate * */
  GHashTable *branches;         /* org id (gint64 *) → RhScoreDetail * */
  GPtrArray  *compliance;       /* for every branch, as rh_compliance_compute_all gives it
                                 * (read for the figures); NULL for one branch's details */
} RhScoreDetails;

void            rh_score_details_free (RhScoreDetails *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhScoreDetails, rh_score_details_free)
/* The working of every assessment of a period (or of one branch, org_id ≠ 0). */
RhScoreDetails *rh_assessment_details (RhDatabase *db, const char *period, gint64 org_id,
                                       GError **error);
/* rh_assessment_score_all for a caller that has read the period's details
 * already: the open assessments that have one are scored from it, not read again. */
GPtrArray      *rh_assessment_score_all_from (RhDatabase *db, const char *period,
                                              const RhScoreDetails *details, GError **error);

G_END_DECLS
