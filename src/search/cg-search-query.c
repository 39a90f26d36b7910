/* cg-search-query.c: a query's words → the terms of the index each one matches
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each word that counts (not a stop word) matches, in this order, closest first: the terms
 * that are the word as typed, or start with it when it is being typed; its German
 * respellings; the terms sharing its Snowball stem, or whose stem starts with it from five
 * letters (and in German, those whose stem it starts with, and the compounds it begins or
 * ends); and when none of those exists, the terms a few edits away. The words of the whole
 * query, stop words included, also say what kind of section it asks for (cg-search-intents.h).
 */

#define G_LOG_DOMAIN "cg-search-query"

#include "config.h"

#include <string.h>

#include "cg-search-compounds.h"
#include "cg-search-fold.h"
#include "cg-search-index-private.h"
#include "cg-search-words.h"

/* At most this many stems of one word are looked up: as typed, and of the terms it is */
#define MAX_STEMS 4

/* The first term id whose name is not below @word; with @past_prefix, the first after all the
 * names that start with the @length bytes of @word. */
static guint
search_terms (CgSearchIndex *self,
              const char    *word,
              guint          length,
              gboolean       past_prefix)
{
  guint lo = 0;
  guint hi = self->n_terms;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = past_prefix ? strncmp (self->terms[mid], word, length)
                            : strcmp (self->terms[mid], word);

      if (cmp < 0 || (past_prefix && cmp == 0))
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Adds the terms that @name matches as a whole word, or with @prefix, as a prefix; returns the
 * term that is @name itself, or G_MAXUINT if there is none. */
static guint
add_lookup (CgSearchIndex *self,
            GArray        *terms,
            guint          word,
            const char    *name,
            gboolean       prefix)
{
  guint length = strlen (name);
  CgSearchQueryTerm term = { 0, 0, word, 0, prefix ? length : CG_SEARCH_WHOLE_WORD };

  term.lo = search_terms (self, name, length, FALSE);
  if (prefix)
    term.hi = search_terms (self, name, length, TRUE);
  else
    term.hi = (term.lo < self->n_terms && strcmp (self->terms[term.lo], name) == 0) ? term.lo + 1 : term.lo;

  if (term.lo < term.hi)
    g_array_append_val (terms, term);

  return (term.lo < self->n_terms && strcmp (self->terms[term.lo], name) == 0) ? term.lo : G_MAXUINT;
}

/* Decodes folded UTF-8 into @chars (room for 64); returns how many, or G_MAXUINT if longer. */
static guint
decode_word (const char *text,
             gunichar   *chars)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; n++)
    {
      if (n == 64)
        return G_MAXUINT;

      if ((guchar)*p < 0x80)
        chars[n] = (guchar)*p++;
      else
        {
          chars[n] = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
    }

  return n;
}

typedef struct
{
  guint term;
  guint distance;
} Correction;

static int
compare_corrections (gconstpointer a,
                     gconstpointer b)
{
  const Correction *ca = a;
  const Correction *cb = b;

  if (ca->distance != cb->distance)
    return ca->distance < cb->distance ? -1 : 1;
  return ca->term < cb->term ? -1 : (ca->term > cb->term);
}

/* Adds the terms within a few edits of @name, closest first; returns the closest (the most
 * frequent of the closest, which is the likeliest meant), or G_MAXUINT if none. */
static guint
add_corrections (CgSearchIndex *self,
                 GArray        *terms,
                 guint          word,
                 const char    *name)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Correction));
  gunichar chars[64];
  gunichar term_chars[64];
  guint n_chars = decode_word (name, chars);
  guint32 letters = cg_search_letter_mask (name);
  guint max_edits;
  guint best = G_MAXUINT;
  guint best_postings = 0;

  if (n_chars == G_MAXUINT || (max_edits = cg_search_get_max_edits (n_chars)) == 0)
    return G_MAXUINT;

  for (guint t = 0; t < self->n_terms; t++)
    {
      guint term_length = self->term_chars[t];
      Correction correction = { t, 0 };

      /* Most terms are ruled out by their length or letters alone */
      if (term_length + max_edits < n_chars || term_length > n_chars + max_edits ||
          (guint)__builtin_popcount (self->term_letters[t] ^ letters) > 2 * max_edits)
        continue;

      term_length = decode_word (self->terms[t], term_chars);
      correction.distance = cg_search_edit_distance (chars, n_chars, term_chars, term_length, max_edits);
      if (correction.distance <= max_edits)
        g_array_append_val (found, correction);
    }

  g_array_sort (found, compare_corrections);

  for (guint i = 0; i < found->len; i++)
    {
      const Correction *correction = &g_array_index (found, Correction, i);
      CgSearchQueryTerm term = { correction->term, correction->term + 1, word,
                                 CG_SEARCH_COST_CORRECTION + correction->distance, CG_SEARCH_WHOLE_WORD };
      guint n_postings = self->posting_starts[correction->term + 1] - self->posting_starts[correction->term];

      if (correction->distance == g_array_index (found, Correction, 0).distance && n_postings > best_postings)
        {
          best = correction->term;
          best_postings = n_postings;
        }

      g_array_append_val (terms, term);
    }

  return best;
}

/* The first position in stem_order whose term's stem is not below @stem */
static guint
search_stems (CgSearchIndex *self,
              const char    *stem)
{
  guint lo = 0;
  guint hi = self->n_stemmed;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (self->term_stems[self->stem_order[mid]], stem) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Whether @term is among the terms of one word, from @first on */
static gboolean
has_term (GArray *terms,
          guint   first,
          guint   term)
{
  for (guint i = first; i < terms->len; i++)
    {
      const CgSearchQueryTerm *query_term = &g_array_index (terms, CgSearchQueryTerm, i);

      if (term >= query_term->lo && term < query_term->hi)
        return TRUE;
    }

  return FALSE;
}

/* Appends @term for word @bit, as one more term of the last range when it follows it */
static void
append_term (GArray *terms,
             guint   term,
             guint   word,
             guint   cost,
             guint   length)
{
  CgSearchQueryTerm query_term = { term, term + 1, word, cost, length };

  if (terms->len > 0)
    {
      CgSearchQueryTerm *last = &g_array_index (terms, CgSearchQueryTerm, terms->len - 1);

      if (last->hi == term && last->word == word && last->cost == cost && last->length == length)
        {
          last->hi++;
          return;
        }
    }

  g_array_append_val (terms, query_term);
}

/* Adds the terms whose stem is @stem, or with @as_prefix starts with it, that the word's
 * lookups so far (from @first) did not find. Most words are their own stem: the term @stem
 * itself, or the terms starting with it whose stem does too; then the terms with a stem of
 * their own. */
static void
add_stem_lookup (CgSearchIndex *self,
                 GArray        *terms,
                 guint          first,
                 guint          word,
                 const char    *stem,
                 gboolean       as_prefix)
{
  gsize length = strlen (stem);
  guint lo = search_terms (self, stem, length, FALSE);
  guint hi = as_prefix ? search_terms (self, stem, length, TRUE) : lo + 1;

  for (guint t = lo; t < MIN (hi, self->n_terms); t++)
    {
      const char *own_stem = self->term_stems[t];

      if (!as_prefix && strcmp (self->terms[t], stem) != 0)
        break;

      /* "dermatomyositis" starts with "dermatomyosit", but its stem is "dermatomyos" */
      if (as_prefix && own_stem != NULL && strncmp (own_stem, stem, length) != 0)
        continue;

      /* Highlighted like the prefix of the word being typed */
      if (!has_term (terms, first, t))
        append_term (terms, t, word, CG_SEARCH_COST_STEM, as_prefix ? length : CG_SEARCH_WHOLE_WORD);
    }

  for (guint i = search_stems (self, stem); i < self->n_stemmed; i++)
    {
      guint t = self->stem_order[i];
      const char *term_stem = self->term_stems[t];

      if (as_prefix ? strncmp (term_stem, stem, length) != 0 : strcmp (term_stem, stem) != 0)
        break;

      if (!has_term (terms, first, t))
        append_term (terms, t, word, CG_SEARCH_COST_STEM, CG_SEARCH_WHOLE_WORD);
    }
}

/* Snowball leaves some forms whole: English "treated" is "treat" but "treatment" stays
 * "treatment". So from CG_SEARCH_MIN_STEM_PREFIX_CHARS characters, a word also matches the
 * words whose stem starts with one of its stems. German participles and verb forms keep their
 * ending too ("operiert", "behandelt", while "operieren" is "operi"): in German content a word
 * also matches the words whose stem it starts with. Elsewhere that would take misspellings
 * ("resolucoin" starts with "resolu") from corrections, which say what they corrected. */
static void
add_stem_prefix_lookups (CgSearchIndex      *self,
                         GArray             *terms,
                         guint               first,
                         guint               word,
                         const char         *name,
                         const char * const *stems,
                         guint               n_stems)
{
  g_autofree char *prefix = NULL;
  guint n_chars = 0;

  for (guint s = 0; s < n_stems; s++)
    if (g_utf8_strlen (stems[s], -1) >= CG_SEARCH_MIN_STEM_PREFIX_CHARS)
      add_stem_lookup (self, terms, first, word, stems[s], TRUE);

  if (self->language == NULL || !g_str_has_prefix (self->language, "de"))
    return;

  /* Each beginning of the word from that length on, shorter than the word, as a stem */
  prefix = g_strdup (name);
  for (char *end = prefix; *end != '\0'; )
    {
      char saved;

      end = g_utf8_next_char (end);
      if (++n_chars < CG_SEARCH_MIN_STEM_PREFIX_CHARS || *end == '\0')
        continue;

      saved = *end;
      *end = '\0';
      add_stem_lookup (self, terms, first, word, prefix, FALSE);
      *end = saved;
    }
}

/* German compounds (cg-search-compounds.h): the words that start with @name, and those that
 * end with it, as a stem would find them */
static void
add_compound_lookups (CgSearchIndex *self,
                      GArray        *terms,
                      guint          first,
                      guint          word,
                      const char    *name)
{
  guint n_chars = g_utf8_strlen (name, -1);
  guint lo;
  guint hi;

  if (n_chars >= CG_SEARCH_MIN_COMPOUND_PART_CHARS)
    {
      CgSearchQueryTerm term = { 0, 0, word, CG_SEARCH_COST_STEM, strlen (name) };

      term.lo = search_terms (self, name, strlen (name), FALSE);
      term.hi = search_terms (self, name, strlen (name), TRUE);
      if (term.lo < term.hi)
        g_array_append_val (terms, term);
    }

  if (n_chars < CG_SEARCH_MIN_COMPOUND_HEAD_CHARS)
    return;

  lo = cg_search_compounds_find_ending (self->terms, self->reversed_order, self->n_terms, name, &hi);
  for (guint i = lo; i < hi; i++)
    {
      guint t = self->reversed_order[i];
      CgSearchQueryTerm term = { t, t + 1, word, CG_SEARCH_COST_STEM, CG_SEARCH_WHOLE_WORD };

      if (!has_term (terms, first, t))
        g_array_append_val (terms, term);
    }
}

/* The stem of @term: its own, or the term itself when it is long enough to be one */
static const char *
term_stem (CgSearchIndex *self,
           guint          term)
{
  if (self->term_stems[term] != NULL)
    return self->term_stems[term];

  return self->stemmer != NULL && g_utf8_strlen (self->terms[term], -1) >= CG_SEARCH_MIN_STEM_CHARS
         ? self->terms[term] : NULL;
}

/* Adds @stem to the @n_stems of @stems unless it is there, or NULL, or there is no room */
static void
add_stem (const char **stems,
          guint       *n_stems,
          const char  *stem)
{
  if (stem == NULL || *n_stems == MAX_STEMS)
    return;

  for (guint i = 0; i < *n_stems; i++)
    if (g_str_equal (stems[i], stem))
      return;

  stems[(*n_stems)++] = stem;
}

/* Finds the terms that word @bit matches (see the top of this file): @name is the word folded,
 * @typed_stem the stem of the word as typed (nullable). Returns whether it matched any. */
static gboolean
look_up_word (CgSearchIndex *self,
              CgSearchQuery *query,
              guint          bit,
              const char    *name,
              const char    *typed_stem,
              gboolean       prefix)
{
  const char *stems[MAX_STEMS];
  guint n_stems = 0;
  guint first = query->terms->len;
  guint exact;

  add_stem (stems, &n_stems, typed_stem);

  /* Typed without accents, "operacion" is no Spanish word to Snowball: the stem of the term it
   * folds to, "operación", is */
  if ((exact = add_lookup (self, query->terms, bit, name, prefix)) != G_MAXUINT)
    add_stem (stems, &n_stems, term_stem (self, exact));

  if (self->language != NULL && g_str_has_prefix (self->language, "de"))
    {
      char *respellings[CG_SEARCH_MAX_RESPELLINGS];
      guint n_respellings = cg_search_respell_german (name, respellings);

      for (guint r = 0; r < n_respellings; r++)
        {
          if ((exact = add_lookup (self, query->terms, bit, respellings[r], prefix)) != G_MAXUINT)
            add_stem (stems, &n_stems, term_stem (self, exact));
          g_free (respellings[r]);
        }
    }

  for (guint s = 0; s < n_stems; s++)
    add_stem_lookup (self, query->terms, first, bit, stems[s], FALSE);
  add_stem_prefix_lookups (self, query->terms, first, bit, name, stems, n_stems);
  if (self->reversed_order != NULL)
    add_compound_lookups (self, query->terms, first, bit, name);

  return query->terms->len > first;
}

/**
 * _cg_search_query_parse:
 * @query: (out caller-allocates): the terms found; g_array_unref() its terms when done
 *
 * Folds @text into words and finds the terms each one matches, and the kinds of section it
 * asks for (see the top of cg-search-index.h).
 */
void
_cg_search_query_parse (CgSearchIndex *self,
                        const char    *text,
                        CgSearchFlags  flags,
                        CgSearchQuery *query)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (CgSearchFoldWord));
  g_autoptr(GString) folded = g_string_new (NULL);
  gsize length = strlen (text);
  const char *names[CG_SEARCH_MAX_QUERY_WORDS];
  char *stems[CG_SEARCH_MAX_QUERY_WORDS] = { NULL };
  gboolean stop[CG_SEARCH_MAX_QUERY_WORDS];
  gboolean only_stop_words = TRUE;
  guint n;

  query->terms = g_array_new (FALSE, FALSE, sizeof (CgSearchQueryTerm));
  query->n_words = 0;
  query->corrected = 0;

  cg_search_fold_words (text, length, folded, words);
  n = MIN (words->len, CG_SEARCH_MAX_QUERY_WORDS);

  for (guint i = 0; i < n; i++)
    {
      const CgSearchFoldWord *word = &g_array_index (words, CgSearchFoldWord, i);

      /* Cut the words out in place: each ends at a space or at the end */
      folded->str[word->folded_end] = '\0';
      names[i] = folded->str + word->folded_start;
      /* From the word as typed: Snowball's rules expect its accents */
      if (self->stemmer != NULL)
        stems[i] = cg_search_stemmer_stem (self->stemmer, text + word->start, word->end - word->start);
      stop[i] = cg_search_is_stop_word (self->language, names[i]);
      only_stop_words &= stop[i];
    }

  query->kinds = cg_search_intents_match (self->intents, names, (const char * const *)stems, n);
  query->phrased = query->kinds != 0;
  for (guint i = 0; i < n; i++)
    query->phrased |= stop[i] && !only_stop_words;

  for (guint i = 0; i < n; i++)
    {
      const CgSearchFoldWord *word = &g_array_index (words, CgSearchFoldWord, i);
      guint bit = query->n_words;
      /* The word being typed is a prefix, unless a space or punctuation closed it. */
      gboolean prefix = (i + 1 == words->len && word->end == length);

      /* "what is calcinosis" is "calcinosis"; "what is" alone is still searched for */
      if (stop[i] && !only_stop_words)
        continue;

      query->start[bit] = word->start;
      query->end[bit] = word->end;
      query->n_words++;

      if (!look_up_word (self, query, bit, names[i], stems[i], prefix) &&
          !(flags & CG_SEARCH_NO_CORRECTIONS))
        {
          query->correction[bit] = add_corrections (self, query->terms, bit, names[i]);
          if (query->correction[bit] != G_MAXUINT)
            query->corrected |= 1u << bit;
        }
    }

  for (guint i = 0; i < n; i++)
    g_free (stems[i]);
}

/* The word as the text spells it, in lower case: "resolución" rather than the folded
 * "resolucion", for "Showing results for …" */
static char *
dup_term_spelling (CgSearchIndex *self,
                   guint          term)
{
  const CgSearchPosting *posting = &self->postings[self->posting_starts[term]];
  const CgSearchEntry *entry = &g_array_index (self->entries, CgSearchEntry, posting->entry);
  guint tier = posting->tier_position >> CG_SEARCH_POSITION_BITS;
  guint position = posting->tier_position & ((1u << CG_SEARCH_POSITION_BITS) - 1);
  guint token_index = entry->first_token[tier] + position;
  const CgSearchToken *token = &self->tokens[token_index];
  const CgSearchField *field = NULL;

  for (guint f = entry->first_field; f < entry->end_field; f++)
    {
      field = &g_array_index (self->fields, CgSearchField, f);
      if (token_index >= field->first_token && token_index < field->end_token)
        break;
    }

  return g_utf8_strdown (field->text + token->start, token->end - token->start);
}

/* @text with each corrected word replaced by its closest correction, for "Showing results
 * for …" */
char *
_cg_search_query_dup_corrected (CgSearchIndex       *self,
                                const char          *text,
                                const CgSearchQuery *query)
{
  GString *corrected = g_string_new (text);

  /* From the end, so that the spans before stay where they are */
  for (guint w = query->n_words; w-- > 0; )
    if (query->corrected & (1u << w))
      {
        g_autofree char *spelling = dup_term_spelling (self, query->correction[w]);

        g_string_erase (corrected, query->start[w], query->end[w] - query->start[w]);
        g_string_insert (corrected, query->start[w], spelling);
      }

  return g_string_free (corrected, FALSE);
}
