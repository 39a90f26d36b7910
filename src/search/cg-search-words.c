/* cg-search-words.c: stop words, German respellings, edit distance
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-search-words"

#include "config.h"

#include <string.h>

#include "cg-search-words.h"

/* Words that carry no subject in a question ("what is calcinosis", "qu'est-ce que la
 * calcinose"), folded as queries are: lower case, no accents, split at apostrophes and
 * hyphens; sorted. Pronouns, articles, prepositions and the verbs questions are built with
 * ("will I need", "va-t-il", "muss ich"). Question words that are keywords of their own
 * ("why", "warum") are not here; they and the others also say what kind of section a question
 * asks for (cg-search-intents.c) before they are left out. */
static const char * const stop_words_en[] = {
  "a", "about", "am", "an", "and", "any", "are", "as", "at", "be", "been", "by", "can", "could",
  "did", "do", "does", "for", "from", "get", "got", "had", "has", "have", "how", "i", "if", "in",
  "is", "it", "its", "me", "might", "must", "my", "of", "on", "or", "our", "s", "shall", "she",
  "should", "so", "some", "that", "the", "their", "them", "there", "these", "they", "this",
  "those", "to", "us", "was", "we", "were", "what", "whats", "which", "who", "will", "with",
  "would", "you", "your", NULL
};

static const char * const stop_words_es[] = {
  "a", "al", "algo", "algun", "alguna", "alguno", "como", "con", "cual", "cuales", "de", "debo",
  "del", "el", "ella", "en", "es", "esa", "ese", "eso", "esta", "estan", "estas", "este",
  "esto", "estos", "ha", "han", "hay", "he", "la", "las", "le", "les", "lo", "los", "me",
  "mi", "mis", "nos", "o", "para", "por", "puede", "pueden", "puedo", "que", "se", "ser",
  "si", "son", "su", "sus", "te", "tengo", "tiene", "tienen", "tu", "un", "una", "unas",
  "unos", "va", "van", "voy", "y", "ya", NULL
};

static const char * const stop_words_fr[] = {
  "a", "ai", "au", "aux", "avec", "c", "ca", "ce", "cela", "ces", "cet", "cette", "comment",
  "d", "dans", "de", "des", "dois", "doit", "du", "elle", "elles", "en", "est", "et", "etre",
  "faut", "il", "ils", "j", "je", "l", "la", "le", "les", "leur", "m", "ma", "mes", "mon", "n", "ne",
  "nous", "on", "ou", "par", "pas", "peut", "peuvent", "pour", "puis", "qu", "que", "quel",
  "quelle", "quelles", "quels", "qui", "quoi", "s", "sa", "se", "ses", "si", "son", "sont",
  "sur", "t", "ta", "te", "tes", "ton", "tu", "un", "une", "va", "vais", "vont", "vous", "y",
  NULL
};

static const char * const stop_words_de[] = {
  "am", "an", "auch", "auf", "bei", "bin", "bist", "das", "dass", "dem", "den", "der", "des",
  "die", "du", "ein", "eine", "einem", "einen", "einer", "er", "es", "fur", "habe", "haben",
  "hat", "ich", "ihr", "im", "in", "ist", "kann", "konnen", "man", "mein", "meine", "meinem",
  "meinen", "meiner", "mich", "mir", "mit", "muss", "mussen", "oder", "sich", "sie", "sind",
  "soll", "sollte", "und", "uns", "von", "vom", "was", "welche", "welcher", "welches", "werde",
  "werden", "wie", "wir", "wird", "wo", "zu", "zum", "zur", NULL
};

static const char * const *
lookup_stop_words (const char *language)
{
  static const struct {
    const char *language;
    const char * const *words;
  } lists[] = {
    { "en", stop_words_en },
    { "es", stop_words_es },
    { "fr", stop_words_fr },
    { "de", stop_words_de },
  };

  if (language == NULL)
    return NULL;

  /* "pt-BR" and "pt_BR" use the list of "pt" */
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      gsize n = strlen (lists[i].language);

      if (strncmp (language, lists[i].language, n) == 0 &&
          (language[n] == '\0' || language[n] == '-' || language[n] == '_'))
        return lists[i].words;
    }

  return NULL;
}

/**
 * cg_search_is_stop_word:
 * @language: (nullable): the content language, such as "es"
 * @word: a folded word
 *
 * Returns: whether @word is a filler word of @language, to leave out of a query that has
 *   other words; languages without a list have none
 */
gboolean
cg_search_is_stop_word (const char *language,
                        const char *word)
{
  const char * const *words = lookup_stop_words (language);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (g_str_equal (words[i], word))
      return TRUE;

  return FALSE;
}

/* Returns: how many edits a misspelling of a word of @n_chars may hold: none below five
 *   characters (too many short words are one edit apart), one up to seven, then two */
guint
cg_search_get_max_edits (guint n_chars)
{
  if (n_chars < CG_SEARCH_MIN_CORRECTED_CHARS)
    return 0;

  return n_chars < CG_SEARCH_TWO_EDITS_CHARS ? 1 : 2;
}

/**
 * cg_search_edit_distance:
 * @max: the largest distance of interest
 *
 * The optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring characters ("calicnosis") each count one. Stops early once every alignment
 * costs more than @max.
 *
 * Returns: the distance, or @max + 1 if it is larger than @max
 */
guint
cg_search_edit_distance (const gunichar *a,
                         guint           a_length,
                         const gunichar *b,
                         guint           b_length,
                         guint           max)
{
  /* Three rows of the usual dynamic programme: the one before last is for swaps */
  guint rows[3][64];
  guint *before = rows[0];
  guint *previous = rows[1];
  guint *current = rows[2];

  if ((a_length > b_length ? a_length - b_length : b_length - a_length) > max)
    return max + 1;
  if (b_length >= G_N_ELEMENTS (rows[0]))
    return max + 1;

  for (guint j = 0; j <= b_length; j++)
    previous[j] = j;

  for (guint i = 1; i <= a_length; i++)
    {
      guint row_min;
      guint *spare;

      current[0] = i;
      row_min = i;

      for (guint j = 1; j <= b_length; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint d = MIN (MIN (previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            d = MIN (d, before[j - 2] + 1);

          current[j] = d;
          row_min = MIN (row_min, d);
        }

      if (row_min > max)
        return max + 1;

      spare = before;
      before = previous;
      previous = current;
      current = spare;
    }

  return MIN (previous[b_length], max + 1);
}

/* A bit for each of a–z, digits and other characters sharing the rest: an edit changes at most
 * two bits, so a word whose mask differs from a query word's in more than 2 × the edits
 * allowed is no correction of it, without comparing the two. */
guint32
cg_search_letter_mask (const char *word)
{
  guint32 mask = 0;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch >= 'a' && ch <= 'z')
        mask |= 1u << (ch - 'a');
      else
        mask |= 1u << (26 + ch % 6);
    }

  return mask;
}

/**
 * cg_search_respell_german:
 * @word: a folded word
 * @respellings: (out caller-allocates) (array fixed-size=8): where to store the respellings
 *
 * German written without umlauts spells ä, ö, ü as ae, oe, ue ("Roentgen"); the index folds
 * "Röntgen" to "rontgen". Gives @word with some or all of its ae, oe, ue pairs made single
 * letters (the first three pairs), for looking up beside @word itself. ß needs nothing: it
 * is folded to ss everywhere.
 *
 * Returns: how many respellings were stored (free each), at most CG_SEARCH_MAX_RESPELLINGS - 1
 */
guint
cg_search_respell_german (const char  *word,
                          char       **respellings)
{
  guint pairs[3];
  guint n_pairs = 0;
  guint n = 0;

  for (guint i = 0; word[i] != '\0' && word[i + 1] != '\0' && n_pairs < G_N_ELEMENTS (pairs); i++)
    if (word[i + 1] == 'e' && (word[i] == 'a' || word[i] == 'o' || word[i] == 'u'))
      pairs[n_pairs++] = i++;

  /* Every non-empty subset of the pairs, by bit mask */
  for (guint subset = 1; subset < (1u << n_pairs); subset++)
    {
      GString *respelt = g_string_new (NULL);
      guint from = 0;

      for (guint p = 0; p < n_pairs; p++)
        if (subset & (1u << p))
          {
            g_string_append_len (respelt, word + from, pairs[p] + 1 - from);
            from = pairs[p] + 2;
          }
      g_string_append (respelt, word + from);
      respellings[n++] = g_string_free (respelt, FALSE);
    }

  return n;
}
