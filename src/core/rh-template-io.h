/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Assessment templates as JSON files, so a committee can hand its rules
 * (考核细则) to every branch.
 *
 * The format is a top-level object:
 *
 *   { "format": "ronghe-template", "version": 1,
 *     "name": "…", "year": 2025, "formula": "weighted" | "coefficient",
 *     "party_weight": 0.7, "review_weight": 0.3, "business_weight": 0,
 *     "bonus_cap": 5, "grades": [ { "label": "好", "min": 90 }, … ],
 *     "star_share": 0.8, "star_cutoffs": [90, 80, 70, 60] | null,
 *     "five_star_quota": 0.3 | null,
 *     "categories": [ { "name": "…", "indicators": [
 *       { "code": "A1", "name": "…", "standard": "…" | null, "scoring_note": "…" | null,
 *         "max_points": 5, "kind": "basic" | "bonus" | "deduction" | "veto",
 *         "star": "political" | "style" | "action" | "brand" | "strong" | null,
 *         "method": "quantitative" | "qualitative",
 *         "source": "compliance" | "integration" | "attendance" | "cases" | null,
 *         "source_status": "submitted" | "recommended" | "awarded" | null,
 *         "source_target": 1 | null } ] } ] }
 *
 * A key whose value may be null may also be left out. Ids and the frozen flag
 * are not part of the file: an imported template is a new, editable one. */
#pragma once

#include "rh-assessment.h"

G_BEGIN_DECLS

#define RH_TEMPLATE_FORMAT "ronghe-template"
#define RH_TEMPLATE_FORMAT_VERSION 1

/* The template as UTF-8 JSON text, indented, ending with a newline. */
char       *rh_template_to_json (const RhTemplate *t);

/* Reads a template written by rh_template_to_json (or by hand). Anything
 * malformed is refused with a translated error naming the JSON path at fault
 * ("categories[2].indicators[4].max_points: …"): G_IO_ERROR_INVALID_DATA for
 * text that is not such a file or has a key missing or of the wrong type,
 * RH_VALIDATION_ERROR for a value that is not allowed. The result has passed
 * rh_template_validate; its ids are 0, ready for rh_template_save. */
RhTemplate *rh_template_from_json (const char *text, gsize len, GError **error);

G_END_DECLS
