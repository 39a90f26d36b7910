/* cg-text-limits.c: untrusted text, bounded before it is laid out or searched
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any program on the session bus can hand the search provider a word of a megabyte, and a
 * script can pass one to --search; Pango laying out such a word takes minutes. Text from
 * outside is cut here, always at a character boundary, so what is shown stays valid UTF-8.
 */

#define G_LOG_DOMAIN "cg-text-limits"

#include "config.h"

#include <string.h>

#include "cg-text-limits.h"

/**
 * cg_text_truncate:
 * @text: text of any origin; invalid UTF-8 is repaired
 * @length: its length in bytes, or -1 if nul-terminated
 * @max_chars: the most characters to keep
 *
 * Returns: (transfer full): @text as valid UTF-8, cut after @max_chars characters
 */
char *
cg_text_truncate (const char *text,
                  gssize      length,
                  gsize       max_chars)
{
  g_autofree char *valid = NULL;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  /* Only as much as can hold @max_chars characters (6 bytes at most each, before repair) is
   * looked at, so a megabyte costs no more than a line */
  if (length < 0)
    length = strnlen (text, max_chars * 6 + 1);
  else
    length = MIN ((gsize)length, max_chars * 6 + 1);

  valid = g_utf8_make_valid (text, length);
  end = valid;
  for (gsize n = 0; n < max_chars && *end != '\0'; n++)
    end = g_utf8_next_char (end);

  return g_strndup (valid, end - valid);
}

/**
 * cg_text_truncate_bytes:
 * @text: valid UTF-8
 * @max_bytes: the most bytes to keep
 *
 * Returns: (transfer full): @text cut to at most @max_bytes bytes, never inside a character
 */
char *
cg_text_truncate_bytes (const char *text,
                        gsize       max_bytes)
{
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  length = strnlen (text, max_bytes + 1);
  if (length <= max_bytes)
    return g_strdup (text);

  /* Back to the start of the character that straddles the limit */
  length = max_bytes;
  while (length > 0 && ((guchar)text[length] & 0xc0) == 0x80)
    length--;

  return g_strndup (text, length);
}

/**
 * cg_text_bound_query:
 * @text: a search query from the search entry, the command line or D-Bus
 *
 * Returns: (transfer full): at most %CG_QUERY_MAX_CHARS characters of @text, valid UTF-8
 */
char *
cg_text_bound_query (const char *text)
{
  return cg_text_truncate (text, -1, CG_QUERY_MAX_CHARS);
}

/**
 * cg_text_join_terms:
 * @terms: an array of strings ("as"), e.g. search terms from D-Bus
 *
 * The Shell sends a few short words; any program on the bus may send 10,000 or one of a
 * megabyte. Only the first %CG_SEARCH_TERMS_MAX terms are used, each cut to
 * %CG_SEARCH_TERM_MAX_BYTES at a character boundary, and the query to %CG_QUERY_MAX_CHARS.
 *
 * Returns: (transfer full): the terms joined by spaces, bounded, valid UTF-8
 */
char *
cg_text_join_terms (GVariant *terms)
{
  g_autoptr(GString) query = g_string_new (NULL);
  gsize n_terms;

  g_return_val_if_fail (terms != NULL, NULL);
  g_return_val_if_fail (g_variant_is_of_type (terms, G_VARIANT_TYPE_STRING_ARRAY), NULL);

  n_terms = MIN (g_variant_n_children (terms), CG_SEARCH_TERMS_MAX);
  for (gsize i = 0; i < n_terms; i++)
    {
      const char *term = NULL;
      g_autofree char *bounded = NULL;

      g_variant_get_child (terms, i, "&s", &term);
      bounded = cg_text_truncate_bytes (term, CG_SEARCH_TERM_MAX_BYTES);
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append (query, bounded);
    }

  return cg_text_bound_query (query->str);
}
