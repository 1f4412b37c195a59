/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A GListModel of members that loads rows from SQLite page by page.
 * Filter and sort run in SQL; only the matching ids are held, rows are
 * fetched when asked for and a bounded number of pages is kept. */
#pragma once

#include <gio/gio.h>
#include "rh-database.h"
#include "rh-member.h"

G_BEGIN_DECLS

typedef enum {
  RH_MEMBER_SORT_NAME,
  RH_MEMBER_SORT_GENDER,
  RH_MEMBER_SORT_STATUS,
  RH_MEMBER_SORT_BRANCH,
  RH_MEMBER_SORT_GROUP,
  RH_MEMBER_SORT_ADMITTED,
  RH_MEMBER_SORT_POST,
  RH_N_MEMBER_SORTS
} RhMemberSort;

#define RH_TYPE_MEMBER_LIST (rh_member_list_get_type ())
G_DECLARE_FINAL_TYPE (RhMemberList, rh_member_list, RH, MEMBER_LIST, GObject)

RhMemberList *rh_member_list_new (RhDatabase *db);

/* Each setter changes the query; call rh_member_list_refresh to apply. */
void rh_member_list_set_search (RhMemberList *self, const char *query);
/* Members of this organisation's subtree only; 0 for all. */
void rh_member_list_set_org (RhMemberList *self, gint64 org_id);
/* -1 for any status. */
void rh_member_list_set_status (RhMemberList *self, int status);
void rh_member_list_set_archived (RhMemberList *self, gboolean archived);
void rh_member_list_set_sort (RhMemberList *self, RhMemberSort sort, gboolean descending);

/* Runs the query. items-changed tells only how the length changed: the items at the
 * positions before min(old, new length) are new rows too, and a view re-reads them
 * (get_item) after a refresh. This keeps GTK 4.8's list views from rebuilding every row
 * widget on each keystroke of a search. */
gboolean rh_member_list_refresh (RhMemberList *self, GError **error);
/* From now on, reads the one-letter searches a–z while the main loop is idle (one per
 * idle call), and again after the data changed, so that a search's first keystroke,
 * which matches the most members, finds its matches already read. */
void     rh_member_list_read_ahead (RhMemberList *self);
/* Position of a member id in the current result, or -1. */
int      rh_member_list_find (RhMemberList *self, gint64 member_id);
/* How many pages are cached (for tests). */
guint    rh_member_list_cached_pages (RhMemberList *self);

#define RH_MEMBER_LIST_PAGE_SIZE 64

G_END_DECLS
