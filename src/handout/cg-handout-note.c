/* cg-handout-note.c: what a clinician types, made fit to print
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A note or clinic header may come from a paste or a script: control characters (BEL, ESC,
 * form feed, vertical tab, DEL, the C1 range) would be drawn as hex boxes, so they go; line
 * breaks and tabs stay.
 */

#define G_LOG_DOMAIN "cg-handout-note"

#include "config.h"

#include <string.h>

#include "cg-handout-note.h"

static gboolean
is_printable (gunichar c)
{
  if (c == '\n' || c == '\t')
    return TRUE;

  /* C0, DEL and C1 */
  return !(c < 0x20 || (c >= 0x7f && c <= 0x9f));
}

/**
 * cg_handout_text_clean:
 * @text: (nullable): text as typed, any bytes
 * @max_chars: the most characters to keep, or 0 for no limit
 *
 * Returns: (transfer full) (nullable): @text as valid UTF-8 without control characters
 *   (carriage returns of CR LF line ends included), cut after @max_chars characters
 */
char *
cg_handout_text_clean (const char *text,
                       gsize       max_chars)
{
  g_autofree char *valid = NULL;
  GString *clean;
  gsize n_chars = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0' && (max_chars == 0 || n_chars < max_chars);
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_printable (c))
        continue;

      g_string_append_unichar (clean, c);
      n_chars++;
    }

  return g_string_free (clean, FALSE);
}
