/* cg-readability.c: an estimate of how hard a handout is to read
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each language gets a formula published for it, fed by sentence, word and syllable counts:
 *   en  Flesch–Kincaid grade level (Kincaid et al. 1975)
 *       0.39 × words/sentence + 11.8 × syllables/word − 15.59
 *   es  Fernández-Huerta reading ease (1959, as corrected by Law 2011)
 *       206.84 − 60 × syllables/word − 1.02 × words/sentence
 *   fr  Kandel–Moles reading ease (1958)
 *       207 − 1.015 × words/sentence − 73.6 × syllables/word
 *   de  Amstad reading ease (1978)
 *       180 − words/sentence − 58.5 × syllables/word
 * Syllables are counted from groups of vowels with a few rules per language; like every
 * readability formula this is an estimate, good for comparing texts, not a verdict.
 */

#define G_LOG_DOMAIN "cg-readability"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-readability.h"

typedef enum
{
  LANGUAGE_OTHER,
  LANGUAGE_EN,
  LANGUAGE_ES,
  LANGUAGE_FR,
  LANGUAGE_DE,
} Language;

static Language
parse_language (const char *language)
{
  static const char * const codes[] = { "en", "es", "fr", "de" };
  gsize len;

  if (language == NULL)
    return LANGUAGE_OTHER;

  len = strcspn (language, "-_.@");
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (len == 2 && g_ascii_strncasecmp (language, codes[i], 2) == 0)
      return LANGUAGE_EN + i;

  return LANGUAGE_OTHER;
}

static gboolean
is_vowel (gunichar    c,
          const char *vowels)
{
  return c != 0 && g_utf8_strchr (vowels, -1, c) != NULL;
}

/* Vowel groups; in Spanish two strong vowels side by side are two syllables (hiatus), as is
 * an accented í or ú beside another vowel (día, país), while a weak vowel glides (tiene). */
static guint
count_vowel_groups (const gunichar *chars,
                    gsize           len,
                    const char     *vowels,
                    const char     *strong)
{
  gboolean prev_vowel = FALSE;
  gboolean prev_strong = FALSE;
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    {
      gboolean vowel = is_vowel (chars[i], vowels);
      gboolean is_strong = strong != NULL && is_vowel (chars[i], strong);

      if (vowel && (!prev_vowel || (is_strong && prev_strong)))
        n++;
      prev_vowel = vowel;
      prev_strong = is_strong;
    }

  return n;
}

static gboolean
ends_with (const gunichar *chars,
           gsize           len,
           const char     *suffix)
{
  gsize suffix_len = strlen (suffix);

  if (suffix_len > len)
    return FALSE;

  for (gsize i = 0; i < suffix_len; i++)
    if (chars[len - suffix_len + i] != (gunichar)suffix[i])
      return FALSE;

  return TRUE;
}

static guint
count_english (const gunichar *chars,
               gsize           len)
{
  guint n;

  /* A leading y is a consonant (you, yellow). */
  if (len > 0 && chars[0] == 'y')
    n = count_vowel_groups (chars + 1, len - 1, "aeiouy", NULL);
  else
    n = count_vowel_groups (chars, len, "aeiouy", NULL);

  if (n <= 1 || len < 3)
    return n;

  /* Silent final e (make), but not in consonant + le (table) or a vowel + e (free). */
  if (chars[len - 1] == 'e' && !is_vowel (chars[len - 2], "aeiouy") &&
      !(chars[len - 2] == 'l' && !is_vowel (chars[len - 3], "aeiouy")))
    return n - 1;

  /* Silent e of -es and -ed (makes, used), but not after a sibilant (causes) or t/d (needed). */
  if (ends_with (chars, len, "es") && !is_vowel (chars[len - 3], "aeiouy") &&
      !is_vowel (chars[len - 3], "sxzhcg"))
    return n - 1;
  if (ends_with (chars, len, "ed") && !is_vowel (chars[len - 3], "aeiouytd"))
    return n - 1;

  return n;
}

static guint
count_french (const gunichar *chars,
              gsize           len)
{
  const char *vowels = "aeiouyàâäéèêëîïôöùûüÿœæ";

  /* A final mute e or es is not spoken (maladie, calcinose, rides). */
  if (len > 2 && ends_with (chars, len, "es"))
    len -= 2;
  else if (len > 2 && chars[len - 1] == 'e')
    len -= 1;

  return count_vowel_groups (chars, len, vowels, NULL);
}

static guint
count_spanish (const gunichar *chars,
               gsize           len)
{
  /* y is a vowel only at the end of a word (muy, hoy, y). */
  guint n = count_vowel_groups (chars, len, "aeiouáéíóúü", "aeoáéíóú");

  if (len > 0 && chars[len - 1] == 'y' && (len == 1 || !is_vowel (chars[len - 2], "aeiouáéíóúü")))
    n++;

  return n;
}

/**
 * cg_readability_count_syllables:
 * @word: one word
 * @language: the language code of @word
 *
 * Returns: an estimate of the syllables of @word, at least 1 for a word with letters
 */
guint
cg_readability_count_syllables (const char *word,
                                const char *language)
{
  g_autofree char *lower = NULL;
  g_autofree gunichar *chars = NULL;
  glong len = 0;
  guint n;

  g_return_val_if_fail (word != NULL, 0);

  lower = g_utf8_strdown (word, -1);
  if (!(chars = g_utf8_to_ucs4 (lower, -1, NULL, &len, NULL)) || len == 0)
    return 0;

  switch (parse_language (language))
    {
    case LANGUAGE_ES:
      n = count_spanish (chars, len);
      break;
    case LANGUAGE_FR:
      n = count_french (chars, len);
      break;
    case LANGUAGE_DE:
      n = count_vowel_groups (chars, len, "aeiouyäöü", NULL);
      break;
    case LANGUAGE_EN:
    case LANGUAGE_OTHER:
    default:
      n = count_english (chars, len);
      break;
    }

  return MAX (n, 1);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Counts sentences, words and syllables. A sentence ends at . ! ? … or at the end of a line,
 * since list items often have no full stop. Apostrophes and hyphens inside a word keep it
 * whole (don't, anti-inflammatory). */
static void
count_text (const char    *text,
            const char    *language,
            CgReadability *result)
{
  g_autoptr(GString) word = g_string_new (NULL);
  guint words_in_sentence = 0;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c) ||
          (word->len > 0 && (c == '\'' || c == 0x2019 || c == '-') &&
           is_word_char (g_utf8_get_char (g_utf8_next_char (p)))))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          result->n_words++;
          words_in_sentence++;
          result->n_syllables += cg_readability_count_syllables (word->str, language);
          g_string_truncate (word, 0);
        }

      if ((c == '.' || c == '!' || c == '?' || c == 0x2026 || c == '\n' || c == 0) &&
          words_in_sentence > 0)
        {
          result->n_sentences++;
          words_in_sentence = 0;
        }

      if (c == 0)
        break;
    }
}

/**
 * cg_readability_estimate:
 * @text: plain text, one paragraph or list item a line
 * @language: the language code of @text
 * @result: (out caller-allocates): the estimate
 *
 * Returns: whether a formula exists for @language and @text has words
 */
gboolean
cg_readability_estimate (const char    *text,
                         const char    *language,
                         CgReadability *result)
{
  Language lang = parse_language (language);
  double words_per_sentence;
  double syllables_per_word;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  /* Translators: shown when no readability formula is known for the handout language */
  result->formula = _("Not available for this language");
  result->reading = "";

  if (lang == LANGUAGE_OTHER || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  count_text (text, language, result);
  if (result->n_words == 0)
    return FALSE;

  words_per_sentence = (double)result->n_words / MAX (result->n_sentences, 1);
  syllables_per_word = (double)result->n_syllables / result->n_words;
  result->available = TRUE;
  result->scale = CG_READABILITY_EASE;
  result->reading = _("From 0 (very hard) to 100 (very easy); "
                      "patient information should score 60 or more.");

  switch (lang)
    {
    case LANGUAGE_EN:
      result->score = 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59;
      result->scale = CG_READABILITY_GRADE;
      result->formula = _("Flesch–Kincaid grade level");
      result->reading = _("The US school grade needed to understand the text; "
                          "patient information should be at grade 6 to 8 or below.");
      break;
    case LANGUAGE_ES:
      result->score = 206.84 - 60.0 * syllables_per_word - 1.02 * words_per_sentence;
      result->formula = _("Fernández-Huerta reading ease");
      break;
    case LANGUAGE_FR:
      result->score = 207.0 - 1.015 * words_per_sentence - 73.6 * syllables_per_word;
      result->formula = _("Kandel–Moles reading ease");
      break;
    case LANGUAGE_DE:
      result->score = 180.0 - words_per_sentence - 58.5 * syllables_per_word;
      result->formula = _("Amstad reading ease");
      break;
    case LANGUAGE_OTHER:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* Returns: a short line for the interface, such as "Grade 9.5" or "Reading ease 54 of 100" */
char *
cg_readability_dup_summary (const CgReadability *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  if (!result->available)
    return g_strdup (_("Reading level not available"));

  if (result->scale == CG_READABILITY_GRADE)
    /* Translators: a US school grade, such as "Reading level: grade 9.5" */
    return g_strdup_printf (_("Reading level: grade %.1f"), result->score);

  /* Translators: a reading-ease score, such as "Reading ease: 54 of 100" */
  return g_strdup_printf (_("Reading ease: %.0f of 100"), CLAMP (result->score, 0, 100));
}
