/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The case library (典型案例) of integration, with before/after metrics. */
#pragma once

#include "rh-database.h"
#include "rh-types.h"

G_BEGIN_DECLS

typedef struct {
  char  *name;
  char  *unit;
  double before;   /* NAN when unknown */
  double after;
} RhCaseMetric;

void rh_case_metric_free (RhCaseMetric *metric);

#define RH_TYPE_CASE (rh_case_get_type ())
G_DECLARE_FINAL_TYPE (RhCase, rh_case, RH, CASE, GObject)

struct _RhCase
{
  GObject      parent_instance;

  gint64       id;
  gint64       org_id;          /* one of ours, or 0 */
  char        *unit_name;       /* the credited unit when org_id is 0 */
  char        *title;
  int          year;
  RhCaseMode   mode;
  char        *measures;        /* 主要抓手 */
  char        *story;
  char        *honours;
  char        *partners;        /* for joint-building cases */
  RhCaseStatus status;
  char        *status_date[RH_N_CASE_STATUSES];  /* [0] unused: drafts have no date */
  GPtrArray   *metrics;         /* RhCaseMetric */

  char        *org_name;        /* filled by loads */
};

RhCase    *rh_case_new (void);
void       rh_case_add_metric (RhCase *c, const char *name, const char *unit, double before,
                               double after);
/* The unit it is credited to: the organisation's name, or unit_name. */
const char *rh_case_credit (RhCase *c);

gboolean   rh_case_save (RhDatabase *db, RhCase *c, GError **error);
RhCase    *rh_case_load (RhDatabase *db, gint64 id, GError **error);
/* Filters: mode and status -1 for any, year 0 for any, org 0 for any; search in
 * title, measures and story. Newest first; metrics are not loaded. */
GPtrArray *rh_case_list (RhDatabase *db, int mode, int status, int year, gint64 org_id,
                         const char *search, GError **error);

G_END_DECLS
