/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "rh-assessment.h"

G_BEGIN_DECLS

#define RH_TYPE_EVIDENCE_POPOVER (rh_evidence_popover_get_type ())
G_DECLARE_FINAL_TYPE (RhEvidencePopover, rh_evidence_popover, RH, EVIDENCE_POPOVER, GtkPopover)

/* Edits the comment, evidence and evidence files of score, which must outlive
 * the popover; emits "changed" after each edit. */
RhEvidencePopover *rh_evidence_popover_new (RhScore *score);
/* Adds a file to the evidence, as the Attach Files… button does. */
void               rh_evidence_popover_attach (RhEvidencePopover *self, GFile *file);

G_END_DECLS
