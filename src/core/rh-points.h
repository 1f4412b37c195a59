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

typedef struct {
  gint64   member_id;
  char    *name;
  double   base;
  double   earned;     /* rules, each capped per quarter, automatic ones included */
  double   total;      /* base + earned, or 0 after a veto */
  gboolean vetoed;
  int      rank;       /* within the branch, 1 is best */
  char    *level;
} RhPoints;

void       rh_points_free (RhPoints *p);
/* Every active member of a branch over a period, best first. */
GPtrArray *rh_points_for_branch (RhDatabase *db, gint64 branch_id, const RhPeriod *period,
                                 GError **error);
/* A manual entry of a rule for a member on a date. Automatic rules are refused. */
gboolean   rh_points_add (RhDatabase *db, gint64 member_id, const char *rule_code,
                          const char *date, const char *note, GError **error);

/* Sets a member's review grade for a year. 优秀 is refused, with a message that
 * says how many already have it, once a third of the branch's full members
 * (or of its probationary members, reviewed separately) have it. */
gboolean   rh_review_set (RhDatabase *db, gint64 member_id, int year, RhReviewGrade grade,
                          const char *note, GError **error);
/* The grade, or -1 when not reviewed. */
int        rh_review_get (RhDatabase *db, gint64 member_id, int year);

G_END_DECLS
