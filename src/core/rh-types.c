/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <glib/gi18n-lib.h>
#include "rh-types.h"

/* Each enum has a table of stored names and one of untranslated labels;
 * lookups go through these two helpers so that every enum behaves alike. */
static int
lookup (const char *const *names, int n, const char *s)
{
  for (int i = 0; s != NULL && i < n; i++)
    if (g_strcmp0 (names[i], s) == 0)
      return i;
  return -1;
}

static const char *
name_at (const char *const *names, int n, int i)
{
  return i >= 0 && i < n ? names[i] : NULL;
}

static const char *
label_at (const char *const *labels, int n, int i)
{
  return i >= 0 && i < n ? g_dgettext (GETTEXT_PACKAGE, labels[i]) : "";
}

#define RH_ENUM_FUNCS(prefix, Type, N, names, labels)                              \
  const char *prefix##_to_string (Type v) { return name_at (names, N, (int) v); }  \
  int prefix##_from_string (const char *s) { return lookup (names, N, s); }        \
  const char *prefix##_label (Type v) { return label_at (labels, N, (int) v); }

static const char *const org_kind_names[] = { "committee", "general_branch", "branch", "group" };
static const char *const org_kind_labels[] = {
  N_("Party committee"), N_("General branch"), N_("Branch"), N_("Party group"),
};
RH_ENUM_FUNCS (rh_org_kind, RhOrgKind, RH_N_ORG_KINDS, org_kind_names, org_kind_labels)

gboolean
rh_org_kind_can_contain (RhOrgKind parent, RhOrgKind child)
{
  switch (parent)
    {
    case RH_ORG_COMMITTEE:
      return child != RH_ORG_GROUP;
    case RH_ORG_GENERAL_BRANCH:
      return child == RH_ORG_BRANCH;
    case RH_ORG_BRANCH:
      return child == RH_ORG_GROUP;
    default:
      return FALSE;
    }
}

static const char *const host_names[] = {
  "government", "enterprise", "university", "hospital", "two_new", "rural", "community",
};
static const char *const host_labels[] = {
  N_("Government office"), N_("Enterprise"), N_("University"), N_("Hospital"),
  N_("Non-public or social organisation"), N_("Rural"), N_("Community"),
};
RH_ENUM_FUNCS (rh_host_type, RhHostType, RH_N_HOST_TYPES, host_names, host_labels)

static const char *const gender_names[] = { "male", "female" };
static const char *const gender_labels[] = { N_("Male"), N_("Female") };
RH_ENUM_FUNCS (rh_gender, RhGender, RH_N_GENDERS, gender_names, gender_labels)

static const char *const status_names[] = {
  "applicant", "activist", "candidate", "probationary", "full",
};
static const char *const status_labels[] = {
  N_("Applicant"), N_("Activist"), N_("Candidate"), N_("Probationary member"), N_("Full member"),
};
RH_ENUM_FUNCS (rh_status, RhMemberStatus, RH_N_STATUSES, status_names, status_labels)

static const char *const role_names[] = {
  "secretary", "deputy_secretary", "organisation", "publicity", "discipline", "member",
};
static const char *const role_labels[] = {
  N_("Secretary"), N_("Deputy secretary"), N_("Organisation commissioner"),
  N_("Publicity commissioner"), N_("Discipline commissioner"), N_("Committee member"),
};
RH_ENUM_FUNCS (rh_role, RhCommitteeRole, RH_N_ROLES, role_names, role_labels)

static const char *const flow_names[] = { "none", "out", "in" };
static const char *const flow_labels[] = {
  N_("Not flowing"), N_("Flowing out"), N_("Flowing in"),
};
RH_ENUM_FUNCS (rh_flow, RhFlowState, RH_N_FLOWS, flow_names, flow_labels)

static const char *const meeting_kind_names[] = {
  "general_assembly", "committee", "group", "lecture", "theme_day", "life_meeting", "review",
  "talk",
};
static const char *const meeting_kind_labels[] = {
  N_("General assembly"), N_("Committee meeting"), N_("Party group meeting"), N_("Party lecture"),
  N_("Theme party day"), N_("Organisational life meeting"), N_("Democratic review of members"),
  N_("Heart-to-heart talk"),
};
RH_ENUM_FUNCS (rh_meeting_kind, RhMeetingKind, RH_N_MEETING_KINDS, meeting_kind_names,
               meeting_kind_labels)

static const char *const attendance_names[] = { "present", "leave", "absent" };
static const char *const attendance_labels[] = { N_("Present"), N_("On leave"), N_("Absent") };
RH_ENUM_FUNCS (rh_attendance, RhAttendanceState, RH_N_ATTENDANCE, attendance_names,
               attendance_labels)

static const char *const mode_names[] = {
  "coordinated", "brand", "model", "empowering", "accompanying", "joint", "scene",
};
static const char *const mode_labels[] = {
  N_("Coordinated integration"), N_("Brand integration"), N_("Model integration"),
  N_("Empowering integration"), N_("Accompanying integration"), N_("Joint-building integration"),
  N_("Scene integration"),
};
RH_ENUM_FUNCS (rh_case_mode, RhCaseMode, RH_N_MODES, mode_names, mode_labels)

static const char *const case_status_names[] = { "draft", "submitted", "recommended", "awarded" };
static const char *const case_status_labels[] = {
  N_("Draft"), N_("Submitted"), N_("Recommended"), N_("Awarded"),
};
RH_ENUM_FUNCS (rh_case_status, RhCaseStatus, RH_N_CASE_STATUSES, case_status_names,
               case_status_labels)
