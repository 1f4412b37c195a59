/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the tests: valid id numbers and quick rows. */
#pragma once

#include "rh-member.h"
#include "rh-org.h"

/* A valid 身份证号 born on birth ("YYYYMMDD"), unique for each seq (0–499). */
char    *rh_test_id_number (int seq, const char *birth, RhGender gender);
/* Inserts an organisation, asserting success; returns its id. */
gint64   rh_test_add_org (RhDatabase *db, RhOrgKind kind, const char *name, gint64 parent);
/* A full member born 1980-01-01 who joined in 2005, ready to insert. */
RhMember *rh_test_member (gint64 org_id, const char *name, int seq, RhGender gender);
/* Inserts, asserting success. */
void     rh_test_insert (RhDatabase *db, RhMember *m);
/* Removes a folder and everything below it. */
void     rh_test_remove_tree (const char *dir);
/* The text of a PDF (pdftotext): one page, or every page when page is 0. */
char    *rh_test_pdf_text (const char *path, int page);
/* How often needle occurs in haystack. */
guint    rh_test_count (const char *haystack, const char *needle);
/* Whether a file's bytes (a PDF, with its binary streams) contain needle. */
gboolean     rh_test_file_contains (const char *path, const char *needle);
