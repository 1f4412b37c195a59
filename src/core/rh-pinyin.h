/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pinyin keys for Chinese names, computed with ICU when a name is written. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Fills *full ("zhang wei", syllables apart so that it sorts like a dictionary)
 * and *initials ("zw") for a name, lower case ASCII.
 * Surnames with a name reading (曾 zeng, 单 shan, 尉迟 yuchi…) use the override
 * table. Non-Han characters are kept, folded to lower-case ASCII where possible. */
void rh_pinyin_keys (const char *name, char **full, char **initials);

/* Folds a search query the same way (lower case, no spaces). */
char *rh_pinyin_fold_query (const char *query);

/* The text a name is found by: its characters one by one, its pinyin joined
 * and by syllable, its initials, then `extra` (an id number), space-separated. */
char *rh_pinyin_search_text (const char *name, const char *extra);
/* The same from the keys rh_pinyin_keys gave for the name, without computing them again. */
char *rh_pinyin_search_text_from_keys (const char *name, const char *full, const char *initials,
                                       const char *extra);

/* A full-text (FTS5) query for what the user typed: Han characters are
 * separate tokens, other runs one token, the last one a prefix: "张 伟"*,
 * "zw"*. NULL when nothing searchable is left. */
char *rh_pinyin_match_query (const char *query);

G_END_DECLS
