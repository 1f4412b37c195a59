/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rh-config.h"

#include <string.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#include "rh-pinyin.h"

/* Syllables are separated by one space so that the key sorts the way a
 * dictionary does: 陈 "chen hua" before 程 "cheng jia". */
static void
append_syllable (GString *full, const char *syllable)
{
  if (full->len > 0 && full->str[full->len - 1] != ' ')
    g_string_append_c (full, ' ');
  g_string_append (full, syllable);
}

/* Surnames whose name reading differs from the common reading of the
 * character. ICU's generic Han-Latin gives e.g. 单 dan, 朴 pu, 缪 mou. */
static const struct {
  const char *surname;
  const char *syllables[2];
} surname_overrides[] = {
  { "尉迟", { "yu", "chi" } },
  { "万俟", { "mo", "qi" } },
  { "长孙", { "zhang", "sun" } },
  { "曾", { "zeng" } },
  { "单", { "shan" } },
  { "仇", { "qiu" } },
  { "解", { "xie" } },
  { "区", { "ou" } },
  { "查", { "zha" } },
  { "朴", { "piao" } },
  { "乐", { "yue" } },
  { "缪", { "miao" } },
  { "盖", { "ge" } },
  { "覃", { "qin" } },
  { "翟", { "zhai" } },
  { "种", { "chong" } },
  { "繁", { "po" } },
  { "折", { "she" } },
  { "员", { "yun" } },
  { "召", { "shao" } },
};

/* ICU transliterators are not thread-safe and are costly to open, so one
 * is shared under a lock, with a cache of syllables by code point. */
G_LOCK_DEFINE_STATIC (pinyin);
static UTransliterator *transliterator;
static GHashTable *syllable_cache;

static char *
transliterate (gunichar c)
{
  UChar buf[32];
  int32_t len = 0, limit;
  UErrorCode status = U_ZERO_ERROR;
  char out[64];
  char utf8[8];
  int n = g_unichar_to_utf8 (c, utf8);

  if (transliterator == NULL)
    {
      UChar id[64];
      u_uastrcpy (id, "Han-Latin; Latin-ASCII; Lower");
      transliterator = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
      if (U_FAILURE (status))
        {
          transliterator = NULL;
          return g_strdup ("");
        }
    }
  u_strFromUTF8 (buf, G_N_ELEMENTS (buf), &len, utf8, n, &status);
  limit = len;
  utrans_transUChars (transliterator, buf, &len, G_N_ELEMENTS (buf), 0, &limit, &status);
  u_strToUTF8 (out, sizeof out - 1, &len, buf, len, &status);
  if (U_FAILURE (status))
    return g_strdup ("");
  out[len] = '\0';
  /* Keep letters and digits only ("lü" has become "lu" already). */
  GString *clean = g_string_new (NULL);
  for (char *p = out; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (clean, g_ascii_tolower (*p));
  return g_string_free (clean, FALSE);
}

static const char *
syllable_for (gunichar c)
{
  const char *s;

  if (syllable_cache == NULL)
    syllable_cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  s = g_hash_table_lookup (syllable_cache, GUINT_TO_POINTER (c));
  if (s == NULL)
    {
      char *t = transliterate (c);
      g_hash_table_insert (syllable_cache, GUINT_TO_POINTER (c), t);
      s = t;
    }
  return s;
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

void
rh_pinyin_keys (const char *name, char **full, char **initials)
{
  GString *f = g_string_new (NULL);
  GString *i = g_string_new (NULL);
  const char *p = name != NULL ? name : "";
  gboolean word_start = TRUE;

  while (g_unichar_isspace (g_utf8_get_char (p)) && *p)
    p = g_utf8_next_char (p);

  for (guint k = 0; k < G_N_ELEMENTS (surname_overrides); k++)
    if (g_str_has_prefix (p, surname_overrides[k].surname))
      {
        for (int s = 0; s < 2 && surname_overrides[k].syllables[s]; s++)
          {
            append_syllable (f, surname_overrides[k].syllables[s]);
            g_string_append_c (i, surname_overrides[k].syllables[s][0]);
          }
        p += strlen (surname_overrides[k].surname);
        break;
      }

  G_LOCK (pinyin);
  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_han (c))
        {
          const char *s = syllable_for (c);
          append_syllable (f, s);
          if (*s)
            g_string_append_c (i, s[0]);
          word_start = TRUE;
        }
      else if (g_unichar_isalnum (c))
        {
          const char *s = c < 0x80 ? NULL : syllable_for (c);
          if (s == NULL)
            {
              char lower = g_ascii_tolower ((char) c);
              if (word_start && f->len > 0)
                g_string_append_c (f, ' ');
              g_string_append_c (f, lower);
              if (word_start)
                g_string_append_c (i, lower);
            }
          else
            {
              if (word_start)
                append_syllable (f, s);
              else
                g_string_append (f, s);
              if (word_start && *s)
                g_string_append_c (i, s[0]);
            }
          word_start = FALSE;
        }
      else
        word_start = TRUE;
    }
  G_UNLOCK (pinyin);

  *full = g_string_free (f, FALSE);
  *initials = g_string_free (i, FALSE);
}

char *
rh_pinyin_fold_query (const char *query)
{
  GString *out = g_string_new (NULL);

  for (const char *p = query != NULL ? query : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c))
        continue;
      g_string_append_unichar (out, c < 0x80 ? (gunichar) g_ascii_tolower ((char) c) : c);
    }
  return g_string_free (out, FALSE);
}

char *
rh_pinyin_search_text_from_keys (const char *name, const char *full, const char *initials,
                                 const char *extra)
{
  g_autofree char *joined = NULL;
  GString *text = g_string_new (NULL);

  for (const char *p = name != NULL ? name : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_han (c))
        {
          g_string_append_unichar (text, c);
          g_string_append_c (text, ' ');
        }
    }
  joined = rh_pinyin_fold_query (full);
  g_string_append_printf (text, "%s %s %s %s", joined, full != NULL ? full : "",
                          initials != NULL ? initials : "", extra != NULL ? extra : "");
  return g_strstrip (g_string_free (text, FALSE));
}

char *
rh_pinyin_search_text (const char *name, const char *extra)
{
  g_autofree char *full = NULL, *initials = NULL;

  rh_pinyin_keys (name, &full, &initials);
  return rh_pinyin_search_text_from_keys (name, full, initials, extra);
}

char *
rh_pinyin_match_query (const char *query)
{
  GString *match = g_string_new ("\"");
  gboolean in_word = FALSE, any = FALSE;

  for (const char *p = query != NULL ? query : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_han (c))
        {
          g_string_append_printf (match, "%s", any ? " " : "");
          g_string_append_unichar (match, c);
          in_word = FALSE;
          any = TRUE;
        }
      else if (g_unichar_isalnum (c))
        {
          if (!in_word && any)
            g_string_append_c (match, ' ');
          g_string_append_unichar (match, g_unichar_tolower (c));
          in_word = any = TRUE;
        }
      else
        in_word = FALSE;
    }
  if (!any)
    {
      g_string_free (match, TRUE);
      return NULL;
    }
  g_string_append (match, "\"*");
  return g_string_free (match, FALSE);
}
