/* cg-readability.c: how hard a handout is to read, by the formulas published for its language
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each language gets the formulas published for it, fed by counts of sentences, words and
 * syllables (W/S: words per sentence; Sy/W: syllables per word):
 *   en  Flesch–Kincaid grade (Kincaid, Fishburne, Rogers & Chissom 1975)
 *         0.39 W/S + 11.8 Sy/W − 15.59                        target: grade 8 or below
 *       Flesch reading ease (Flesch 1948)
 *         206.835 − 1.015 W/S − 84.6 Sy/W
 *   es  Szigriszt-Pazos perspicuity (Szigriszt Pazos 1993), read on the INFLESZ scale
 *       (Barrio-Cantalejo et al. 2008, validated on patient information)
 *         206.835 − 62.3 Sy/W − W/S                            target: 55 or more ("normal")
 *       Fernández-Huerta reading ease (Fernández Huerta 1959; the sentence term as Law 2011
 *       showed it must be, words per sentence)
 *         206.84 − 0.60 × syllables per 100 words − 1.02 W/S
 *   fr  Kandel–Moles reading ease (Kandel & Moles 1958)
 *         207 − 1.015 W/S − 73.6 Sy/W                          target: 60 or more
 *   de  Amstad reading ease (Amstad 1978)
 *         180 − W/S − 58.5 Sy/W                                target: 60 or more
 *       Wiener Sachtextformel 1 (Bamberger & Vanecek 1984)
 *         0.1935 MS + 0.1672 W/S + 0.1297 IW − 0.0327 ES − 0.875
 *         MS: % words of 3+ syllables, IW: % words of 7+ letters, ES: % words of 1 syllable
 * docs/readability.md gives the sources and the worked examples the tests check. Syllables
 * are counted from groups of vowels with a few rules per language; like every readability
 * formula this is an estimate, good for comparing texts, not a verdict, and it is shown with
 * no more precision than the formulas have.
 */

#define G_LOG_DOMAIN "cg-readability"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
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

static void
add_word (CgTextCounts *counts,
          const char   *word,
          const char   *language)
{
  guint syllables = cg_readability_count_syllables (word, language);

  counts->n_words++;
  counts->n_syllables += syllables;
  counts->n_monosyllables += syllables == 1;
  counts->n_polysyllables += syllables >= 3;
  counts->n_long_words += g_utf8_strlen (word, -1) > 6;
}

/**
 * cg_readability_count:
 * @text: plain text, one paragraph or list item a line
 * @language: the language code of @text
 * @counts: (out caller-allocates): what the formulas are fed
 *
 * A sentence ends at . ! ? … or at the end of a line, since list items often have no full
 * stop. Apostrophes and hyphens inside a word keep it whole (don't, anti-inflammatory).
 */
void
cg_readability_count (const char   *text,
                      const char   *language,
                      CgTextCounts *counts)
{
  g_autoptr(GString) word = g_string_new (NULL);
  guint words_in_sentence = 0;

  g_return_if_fail (text != NULL && counts != NULL);

  memset (counts, 0, sizeof *counts);
  if (!g_utf8_validate (text, -1, NULL))
    return;

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
          add_word (counts, word->str, language);
          words_in_sentence++;
          g_string_truncate (word, 0);
        }

      if ((c == '.' || c == '!' || c == '?' || c == 0x2026 || c == '\n' || c == 0) &&
          words_in_sentence > 0)
        {
          counts->n_sentences++;
          words_in_sentence = 0;
        }

      if (c == 0)
        break;
    }
}

/**
 * cg_readability_score:
 * @counts: at least one word and one sentence
 *
 * Returns: the formula's figure, unrounded
 */
double
cg_readability_score (CgReadabilityFormula  formula,
                      const CgTextCounts   *counts)
{
  double words, per_sentence, per_word;

  g_return_val_if_fail (counts != NULL && counts->n_words > 0, 0);

  words = counts->n_words;
  per_sentence = words / MAX (counts->n_sentences, 1);
  per_word = counts->n_syllables / words;

  switch (formula)
    {
    case CG_READABILITY_FLESCH_KINCAID_GRADE:
      return 0.39 * per_sentence + 11.8 * per_word - 15.59;
    case CG_READABILITY_FLESCH_READING_EASE:
      return 206.835 - 1.015 * per_sentence - 84.6 * per_word;
    case CG_READABILITY_FERNANDEZ_HUERTA:
      return 206.84 - 0.60 * (100 * per_word) - 1.02 * per_sentence;
    case CG_READABILITY_SZIGRISZT_PAZOS:
      return 206.835 - 62.3 * per_word - per_sentence;
    case CG_READABILITY_KANDEL_MOLES:
      return 207.0 - 1.015 * per_sentence - 73.6 * per_word;
    case CG_READABILITY_AMSTAD:
      return 180.0 - per_sentence - 58.5 * per_word;
    case CG_READABILITY_WIENER_SACHTEXT_1:
      return 0.1935 * (100 * counts->n_polysyllables / words) + 0.1672 * per_sentence +
             0.1297 * (100 * counts->n_long_words / words) -
             0.0327 * (100 * counts->n_monosyllables / words) - 0.875;
    case CG_READABILITY_N_FORMULAS:
    default:
      g_return_val_if_reached (0);
    }
}

const char *
cg_readability_formula_name (CgReadabilityFormula formula)
{
  switch (formula)
    {
    case CG_READABILITY_FLESCH_KINCAID_GRADE:
      return _("Flesch–Kincaid grade level");
    case CG_READABILITY_FLESCH_READING_EASE:
      return _("Flesch reading ease");
    case CG_READABILITY_FERNANDEZ_HUERTA:
      return _("Fernández-Huerta reading ease");
    case CG_READABILITY_SZIGRISZT_PAZOS:
      return _("Szigriszt-Pazos perspicuity (INFLESZ)");
    case CG_READABILITY_KANDEL_MOLES:
      return _("Kandel–Moles reading ease");
    case CG_READABILITY_AMSTAD:
      return _("Amstad reading ease");
    case CG_READABILITY_WIENER_SACHTEXT_1:
      return _("Wiener Sachtextformel (1)");
    case CG_READABILITY_N_FORMULAS:
    default:
      g_return_val_if_reached ("");
    }
}

/* Returns: the band of the INFLESZ scale (Barrio-Cantalejo et al. 2008) a perspicuity is in */
const char *
cg_readability_inflesz_band (double perspicuity)
{
  if (perspicuity < 40)
    return C_("INFLESZ band", "very difficult");
  if (perspicuity < 55)
    return C_("INFLESZ band", "somewhat difficult");
  if (perspicuity < 65)
    return C_("INFLESZ band", "normal");
  if (perspicuity < 80)
    return C_("INFLESZ band", "quite easy");

  return C_("INFLESZ band", "very easy");
}

/* The formula a language's target is set on, and another published one beside it */
static const struct {
  Language              language;
  CgReadabilityFormula  formula;
  CgReadabilityScale    scale;
  double                target;
  int                   second;   /* a CgReadabilityFormula, or -1 */
} targets[] = {
  { LANGUAGE_EN, CG_READABILITY_FLESCH_KINCAID_GRADE, CG_READABILITY_GRADE, 8, CG_READABILITY_FLESCH_READING_EASE },
  { LANGUAGE_ES, CG_READABILITY_SZIGRISZT_PAZOS, CG_READABILITY_EASE, 55, CG_READABILITY_FERNANDEZ_HUERTA },
  { LANGUAGE_FR, CG_READABILITY_KANDEL_MOLES, CG_READABILITY_EASE, 60, -1 },
  { LANGUAGE_DE, CG_READABILITY_AMSTAD, CG_READABILITY_EASE, 60, CG_READABILITY_WIENER_SACHTEXT_1 },
};

/* No more precision than the formulas have: a grade to one decimal, a 0–100 ease whole */
static double
round_score (double             score,
             CgReadabilityScale scale)
{
  return scale == CG_READABILITY_GRADE ? round (score * 10) / 10 : round (score);
}

/**
 * cg_readability_estimate:
 * @text: plain text, one paragraph or list item a line
 * @language: the language code of @text
 * @result: (out caller-allocates): the estimate against the language's target
 *
 * Returns: whether a formula exists for @language and @text has words
 */
gboolean
cg_readability_estimate (const char    *text,
                         const char    *language,
                         CgReadability *result)
{
  Language lang = parse_language (language);
  CgTextCounts counts;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  /* Translators: shown when no readability formula is known for the handout language */
  result->formula = _("Not available for this language");
  result->reading = "";

  cg_readability_count (text, language, &counts);
  if (lang == LANGUAGE_OTHER || counts.n_words == 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      double score;

      if (targets[i].language != lang)
        continue;

      score = cg_readability_score (targets[i].formula, &counts);
      result->available = TRUE;
      result->formula_id = targets[i].formula;
      result->scale = targets[i].scale;
      result->score = round_score (score, result->scale);
      result->target = targets[i].target;
      result->meets_target = result->scale == CG_READABILITY_GRADE ? result->score <= result->target
                                                                   : result->score >= result->target;
      result->formula = cg_readability_formula_name (targets[i].formula);
      result->has_second = targets[i].second >= 0;
      if (result->has_second)
        {
          result->second_id = targets[i].second;
          result->second_score = cg_readability_score (result->second_id, &counts);
          result->second_score = round_score (result->second_score,
                                              result->second_id == CG_READABILITY_WIENER_SACHTEXT_1
                                              ? CG_READABILITY_GRADE : CG_READABILITY_EASE);
        }
    }

  if (lang == LANGUAGE_ES)
    result->band = cg_readability_inflesz_band (result->score);
  result->reading = result->scale == CG_READABILITY_GRADE
                  ? _("The US school grade needed to understand the text; "
                      "patient information should be at grade 6 to 8 or below.")
                  : _("From 0 (very hard) to 100 (very easy); "
                      "patient information should score 60 or more.");
  result->n_sentences = counts.n_sentences;
  result->n_words = counts.n_words;
  result->n_syllables = counts.n_syllables;

  return TRUE;
}

/* Returns: the figure as shown: "grade 9.5", "54 of 100", "54 of 100 (somewhat difficult)" */
char *
cg_readability_format_score (const CgReadability *result)
{
  g_autofree char *score = NULL;

  g_return_val_if_fail (result != NULL && result->available, NULL);

  if (result->scale == CG_READABILITY_GRADE)
    /* Translators: a US school grade, such as "grade 9.5" */
    return g_strdup_printf (_("grade %.1f"), result->score);

  /* Translators: a reading-ease score, such as "54 of 100" */
  score = g_strdup_printf (_("%.0f of 100"), CLAMP (result->score, 0, 100));
  if (result->band == NULL)
    return g_steal_pointer (&score);

  /* Translators: a score and its band on a scale, such as "54 of 100 (somewhat difficult)" */
  return g_strdup_printf (_("%s (%s)"), score, result->band);
}

/* Returns: a line for the interface, such as "Flesch–Kincaid grade level: grade 9.5. Harder
 *   than recommended for patients (target: grade 8 or below)." */
char *
cg_readability_dup_summary (const CgReadability *result)
{
  g_autofree char *score = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  if (!result->available)
    return g_strdup (_("Reading level not available"));

  score = cg_readability_format_score (result);
  if (result->scale == CG_READABILITY_GRADE)
    /* Translators: the target of a grade-level formula, such as "grade 8 or below" */
    target = g_strdup_printf (_("grade %.0f or below"), result->target);
  else
    /* Translators: the target of a reading-ease formula, such as "60 or more" */
    target = g_strdup_printf (_("%.0f or more"), result->target);

  /* Translators: formula, score, verdict, target: "Amstad reading ease: 42 of 100. Harder
   * than recommended for patients (target: 60 or more)." */
  return g_strdup_printf (_("%s: %s. %s (target: %s)."), result->formula, score,
                          result->meets_target ? _("Within the target for patients")
                                               : _("Harder than recommended for patients"),
                          target);
}

/* Returns: (nullable): the language's other published formula and its figure, such as
 *   "Flesch reading ease: 23 of 100", or %NULL if it has none */
char *
cg_readability_dup_second (const CgReadability *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  if (!result->available || !result->has_second)
    return NULL;

  if (result->second_id == CG_READABILITY_WIENER_SACHTEXT_1)
    /* Translators: a formula and a school grade, such as "Wiener Sachtextformel (1): grade 9.5" */
    return g_strdup_printf (_("%s: grade %.1f"), cg_readability_formula_name (result->second_id),
                            result->second_score);

  /* Translators: a formula and a score, such as "Flesch reading ease: 54 of 100" */
  return g_strdup_printf (_("%s: %.0f of 100"), cg_readability_formula_name (result->second_id),
                          CLAMP (result->second_score, 0, 100));
}

/* Returns: what the builder says when the built-in text is above its target */
const char *
cg_readability_verbatim_notice (void)
{
  return _("The built-in text is printed word for word from its source, so the app cannot "
           "simplify it; a clinic can add plain-language sections in its own bundle.");
}
