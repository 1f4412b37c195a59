/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Central tasks (中心工作) with the four "同" (四同步), and the integration index. */
#pragma once

#include "rh-database.h"
#include "rh-period.h"

G_BEGIN_DECLS

/* The four things done together with the business work. */
typedef enum {
  RH_SYNC_PLANNED,     /* 同安排布置 */
  RH_SYNC_CHECKED,     /* 同检查督促 */
  RH_SYNC_ASSESSED,    /* 同考核奖惩 */
  RH_SYNC_SUMMARISED,  /* 同总结提升 */
  RH_N_SYNCS
} RhSync;

const char *rh_sync_label (RhSync sync);

#define RH_TYPE_TASK (rh_task_get_type ())
G_DECLARE_FINAL_TYPE (RhTask, rh_task, RH, TASK, GObject)

struct _RhTask
{
  GObject  parent_instance;

  gint64   id;
  gint64   org_id;
  char    *title;
  char    *period;            /* 2025, 2025Q3 or 2025-07 */
  gint64   owner_id;
  char    *goal;
  char    *measures;          /* party measures, one per line (党员突击队, 先锋岗…) */
  char    *sync_date[RH_N_SYNCS];
  char    *sync_note[RH_N_SYNCS];
  char    *metric_name;
  char    *metric_unit;
  double   metric_target;     /* NAN when not set */
  double   metric_actual;
  gboolean higher_is_better;

  char    *org_name;          /* filled by loads */
  char    *owner_name;
};

RhTask    *rh_task_new (void);
gboolean   rh_task_all_synced (RhTask *task);
/* TRUE when both the target and the actual are set and the actual meets it. */
gboolean   rh_task_met_target (RhTask *task);

gboolean   rh_task_save (RhDatabase *db, RhTask *task, GError **error);
gboolean   rh_task_delete (RhDatabase *db, gint64 id, GError **error);
RhTask    *rh_task_load (RhDatabase *db, gint64 id, GError **error);
/* Tasks of an organisation's subtree (0: all) whose period overlaps `period`. */
GPtrArray *rh_task_list (RhDatabase *db, gint64 org_id, const RhPeriod *period, GError **error);

/* The integration index of a branch over a period: three shares, each
 * -1 when there is nothing to measure, and their mean as a score of 0–100. */
typedef struct {
  gint64  org_id;
  char   *org_name;
  int     tasks;
  int     tasks_synced;        /* all four flags set */
  int     tasks_measured;      /* with a target and an actual */
  int     tasks_met;
  int     meetings;            /* 党员大会 and 支委会 held */
  int     meetings_linked;     /* …with a linked business topic or task */
  double  synced_share;
  double  linked_share;
  double  met_share;
  double  index;               /* 0–100, or -1 */
} RhIntegration;

void       rh_integration_free (RhIntegration *integration);
/* Every active branch, by pinyin. */
GPtrArray *rh_integration_compute_all (RhDatabase *db, const RhPeriod *period, GError **error);
/* The same for the active branches whose ids are keys of branch_ids (gint64
 * pointers, as with g_int64_hash). */
GPtrArray *rh_integration_compute_some (RhDatabase *db, const RhPeriod *period,
                                        GHashTable *branch_ids, GError **error);

G_END_DECLS
