/* cg-search-fold.c: text folded the way people type it, with a map back to the original
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-search-fold"

#include "config.h"

#include <string.h>

#include "cg-search-fold.h"

typedef struct
{
  GString  *out;       /* words separated by one space */
  GArray   *offsets;   /* nullable: of guint, one per byte of out */
  GArray   *words;     /* nullable: of CgSearchFoldWord */
  gboolean  in_word;
  guint     word_start;
  guint     start;
  guint     end;       /* original end of the current or last word */
} Folder;

static void
folder_end_word (Folder *f)
{
  if (f->in_word && f->words != NULL)
    {
      CgSearchFoldWord word = { f->word_start, f->out->len, f->start, f->end };

      g_array_append_val (f->words, word);
    }

  f->in_word = FALSE;
}

/* Appends one folded word character that came from the original bytes [start, end). */
static inline void
folder_put (Folder   *f,
            gunichar  ch,
            guint     start,
            guint     end)
{
  guint len = f->out->len;

  if (!f->in_word)
    {
      if (len > 0)
        {
          g_string_append_c (f->out, ' ');
          if (f->offsets != NULL)
            g_array_append_val (f->offsets, f->end);
          len++;
        }
      f->in_word = TRUE;
      f->word_start = len;
      f->start = start;
    }

  if (ch < 0x80)
    g_string_append_c (f->out, (char)ch);
  else
    g_string_append_unichar (f->out, ch);

  if (f->offsets != NULL)
    for (guint i = len; i < f->out->len; i++)
      g_array_append_val (f->offsets, start);

  f->end = end;
}

static gboolean
is_mark (GUnicodeType type)
{
  return type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

/* Letters that neither compatibility decomposition nor case folding take apart, but that
 * people type as plain Latin letters ("coeur" for "cœur"). ß is here to skip a casefold. */
static const char *
lookup_latin_letter (gunichar ch)
{
  switch (ch)
    {
    case 0x00DF: return "ss";  /* ß */
    case 0x00E6: return "ae";  /* æ */
    case 0x00F8: return "o";   /* ø */
    case 0x0111: return "d";   /* đ */
    case 0x0142: return "l";   /* ł */
    case 0x0153: return "oe";  /* œ */
    default:     return NULL;
    }
}

static void
fold_char (Folder   *f,
           gunichar  ch,
           guint     start,
           guint     end,
           gboolean  casefolded)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n = g_unichar_fully_decompose (ch, TRUE, decomposed, G_N_ELEMENTS (decomposed));

  for (gsize i = 0; i < n; i++)
    {
      gunichar d = decomposed[i];
      GUnicodeType type;
      const char *latin;

      if (d < 0x80)
        {
          if (g_ascii_isalnum (d))
            folder_put (f, g_ascii_tolower (d), start, end);
          else
            folder_end_word (f);
          continue;
        }

      type = g_unichar_type (d);

      /* A mark belongs to the word before it, so a highlight includes it */
      if (is_mark (type))
        {
          if (f->in_word)
            f->end = end;
          continue;
        }

      if ((latin = lookup_latin_letter (d)))
        {
          for (; *latin; latin++)
            folder_put (f, *latin, start, end);
        }
      else if (!casefolded &&
               (type == G_UNICODE_UPPERCASE_LETTER || type == G_UNICODE_TITLECASE_LETTER ||
                d == 0x03C2 /* final sigma */))
        {
          char utf8[6];
          g_autofree char *folded = g_utf8_casefold (utf8, g_unichar_to_utf8 (d, utf8));

          for (const char *p = folded; *p; p = g_utf8_next_char (p))
            fold_char (f, g_utf8_get_char (p), start, end, TRUE);
        }
      else if (type == G_UNICODE_DECIMAL_NUMBER)
        folder_put (f, '0' + g_unichar_digit_value (d), start, end);
      else if (g_unichar_isalnum (d))
        folder_put (f, d, start, end);
      else
        folder_end_word (f);
    }
}

static void
fold_run (Folder     *f,
          const char *text,
          gsize       length)
{
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      guint start = p - text;
      guchar c = *p;

      /* Nearly all of the text is ASCII: fold it without decoding. */
      if (c < 0x80)
        {
          if (g_ascii_isalnum (c))
            folder_put (f, (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c, start, start + 1);
          else
            folder_end_word (f);
          p++;
        }
      else
        {
          gunichar ch = g_utf8_get_char_validated (p, end - p);

          if (ch == (gunichar)-1 || ch == (gunichar)-2)
            {
              /* Invalid UTF-8 (only from a command line) separates words. */
              folder_end_word (f);
              p++;
              continue;
            }

          p = g_utf8_next_char (p);
          fold_char (f, ch, start, p - text, FALSE);
        }
    }

  folder_end_word (f);
}

/**
 * cg_search_fold:
 * @text: UTF-8 text
 * @length: length of @text in bytes, or -1 if it is NUL-terminated
 * @offsets: (out) (optional) (element-type guint): where to store the map back to @text
 *
 * Folds @text the way the index and queries are folded: case folding, compatibility
 * decomposition (ligatures, full-width forms), combining marks dropped, and a few Latin letters
 * spelled as people type them (ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ → d). Anything that is
 * not a letter or digit separates words.
 *
 * @offsets receives one element per byte of the result, plus one: the byte offset in @text of
 * the character that gave that byte (for a space between words, where the previous word ends),
 * and last, where the last word ends. So the folded word at [a, b) came from [offsets[a],
 * offsets[b]) when b ends a word.
 *
 * Returns: (transfer full): the folded words of @text separated by single spaces
 */
char *
cg_search_fold (const char  *text,
                gssize       length,
                GArray     **offsets)
{
  Folder f = { 0 };

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);

  f.out = g_string_sized_new (length);
  if (offsets != NULL)
    f.offsets = g_array_sized_new (FALSE, FALSE, sizeof (guint), length + 1);

  fold_run (&f, text, length);

  if (offsets != NULL)
    {
      g_array_append_val (f.offsets, f.end);
      *offsets = f.offsets;
    }

  return g_string_free (f.out, FALSE);
}

/**
 * cg_search_fold_words:
 * @text: UTF-8 text; invalid bytes separate words
 * @length: length of @text in bytes
 * @folded: where the folded words go, separated by single spaces (appended to)
 * @words: (element-type CgSearchFoldWord): where each word's spans go (appended to)
 *
 * cg_search_fold() for the index and queries: instead of a map per byte, the folded and the
 * original span of every word.
 */
void
cg_search_fold_words (const char *text,
                      gsize       length,
                      GString    *folded,
                      GArray     *words)
{
  Folder f = { folded, NULL, words };

  g_return_if_fail (text != NULL || length == 0);

  fold_run (&f, text, length);
}

/* The original end of the first @folded_length bytes of the word at [start, end) of @text,
 * rounded out to a whole character when the cut falls inside one ("stra" of "straße" can end
 * inside the "ss" of ß). */
guint
cg_search_fold_map_prefix_end (const char *text,
                               guint       start,
                               guint       end,
                               guint       folded_length)
{
  g_autoptr(GArray) offsets = NULL;
  g_autofree char *folded = NULL;
  const guint *map;
  guint len;
  guint j;

  /* An ASCII word folds byte for byte */
  for (j = start; j < end && (guchar)text[j] < 0x80; j++)
    ;
  if (j == end)
    return MIN (start + folded_length, end);

  folded = cg_search_fold (text + start, end - start, &offsets);
  map = (const guint *)(gpointer)offsets->data;
  len = strlen (folded);

  if (folded_length == 0 || folded_length >= len)
    return end;

  for (j = folded_length; j < len && map[j] == map[folded_length - 1]; j++)
    ;

  return start + map[j];
}
