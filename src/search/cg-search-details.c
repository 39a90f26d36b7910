/* cg-search-details.c: where a hit's query words are in its section, computed on first use
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of results shows few of its rows, and only one hit is opened: the offsets of the
 * matches, the best passage for the snippet and the keyword matched are looked up in the
 * tokens of one section when a hit first needs them (cg-search-hit.c).
 */

#define G_LOG_DOMAIN "cg-search-details"

#include "config.h"

#include <string.h>

#include "cg-search-fold.h"
#include "cg-search-index-private.h"
#include "cg-search-private.h"

static guint
count_bits (guint mask)
{
  guint n = 0;

  for (; mask != 0; mask &= mask - 1)
    n++;

  return n;
}

/* Which query words match @term (a mask), and in @length, how many folded bytes of it the
 * longest prefix match covers (CG_SEARCH_WHOLE_WORD for a whole word). */
static guint
match_term (const CgSearchQueryTerm *terms,
            guint            n_terms,
            guint            term,
            guint           *length)
{
  guint mask = 0;

  *length = 0;
  for (guint i = 0; i < n_terms; i++)
    if (term >= terms[i].lo && term < terms[i].hi)
      {
        mask |= 1u << terms[i].word;
        *length = MAX (*length, terms[i].length);
      }

  return mask;
}

/* The original span of @token matched: the whole word, or the prefix matched. */
static CgSearchRange
match_token (CgSearchIndex *self,
             const CgSearchField   *field,
             const CgSearchToken   *token,
             guint          length)
{
  CgSearchRange range = { token->start, token->end };

  if (length != CG_SEARCH_WHOLE_WORD && length < strlen (self->terms[token->term]))
    range.end = cg_search_fold_map_prefix_end (field->text, token->start, token->end, length);

  return range;
}

/* A passage: matches of one text close together */
typedef struct
{
  guint n_words;     /* distinct query words in it */
  guint span;        /* tokens from its first match to its last */
  guint first_match; /* index in the hit's matches */
} Passage;

/* The passages worth showing are this many words long at most */
#define MAX_PASSAGE_TOKENS 24

/* Finds in the matches of one text (@masks and @positions of its @n matches, the first being
 * @first_match) the passage with the most query words, the shortest of those; returns whether
 * it beats @best, and if so puts it there. */
static gboolean
find_best_passage (const guint *masks,
                   const guint *positions,
                   guint        n,
                   guint        first_match,
                   Passage     *best)
{
  gboolean better = FALSE;

  for (guint i = 0; i < n; i++)
    {
      guint mask = 0;

      for (guint j = i; j < n && positions[j] - positions[i] <= MAX_PASSAGE_TOKENS; j++)
        {
          guint n_words;
          guint span = positions[j] - positions[i];

          mask |= masks[j];
          n_words = count_bits (mask);
          if (n_words > best->n_words || (n_words == best->n_words && span < best->span))
            {
              *best = (Passage) { n_words, span, first_match + i };
              better = TRUE;
            }
        }
    }

  return better;
}

/* The query words in one field (a mask); its matches into @details (a title's ranges, or a body
 * text's matches with, in @masks and @positions, their words and token positions). A keyword
 * field's words are counted, never highlighted. */
static guint
match_field (CgSearchIndex           *self,
             const CgSearchField     *field,
             const CgSearchQueryTerm *terms,
             guint                    n_terms,
             CgSearchHitDetails      *details,
             GArray                  *masks,
             GArray                  *positions)
{
  const CgSearchToken *tokens = self->tokens;
  guint field_mask = 0;

  g_array_set_size (masks, 0);
  g_array_set_size (positions, 0);

  for (guint t = field->first_token; t < field->end_token; t++)
    {
      guint length;
      guint mask = match_term (terms, n_terms, tokens[t].term, &length);
      CgSearchRange range;

      if (mask == 0)
        continue;

      field_mask |= mask;
      if (field->tier == CG_SEARCH_TIER_KEYWORD)
        continue;

      range = match_token (self, field, &tokens[t], length);
      if (field->tier == CG_SEARCH_TIER_TITLE)
        g_array_append_val (details->title_ranges, range);
      else
        {
          CgSearchMatch match = { field->index, field->item, range.start, range.end };
          guint position = t - field->first_token;

          g_array_append_val (details->matches, match);
          g_array_append_val (masks, mask);
          g_array_append_val (positions, position);
        }
    }

  return field_mask;
}

/**
 * _cg_search_index_find_details: (a #CgSearchHitDetailsFunc)
 * @finder: the index that made the hit
 * @query_words: the terms of the query that made the hit
 * @entry: the hit's section, by position in the index
 * @needs_keyword: whether title and body alone do not hold every query word the hit matched
 * @details: (out caller-allocates): every match in the section and the text for its snippet
 *
 * What a hit computes on first use: a list of results shows few of its rows, and only one
 * hit is opened.
 */
void
_cg_search_index_find_details (GObject            *finder,
                               GArray             *query_words,
                               guint               entry_index,
                               gboolean            needs_keyword,
                               CgSearchHitDetails *details)
{
  CgSearchIndex *self = CG_SEARCH_INDEX (finder);
  const CgSearchQueryTerm *terms = (const CgSearchQueryTerm *)(gconstpointer)query_words->data;
  guint n_terms = query_words->len;
  const CgSearchEntry *entry = &g_array_index (self->entries, CgSearchEntry, entry_index);
  const CgSearchField *first_body = NULL;
  const CgSearchField *best_field = NULL;    /* the body field of the best passage */
  const CgSearchField *keyword_field = NULL;
  guint keyword_words = 0;
  g_autoptr(GArray) masks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  Passage best = { 0, G_MAXUINT, 0 };

  details->matched_keyword = NULL;
  details->title_ranges = g_array_new (FALSE, FALSE, sizeof (CgSearchRange));
  details->matches = g_array_new (FALSE, FALSE, sizeof (CgSearchMatch));
  details->snippet_text = NULL;
  details->first_snippet_match = 0;
  details->n_snippet_matches = 0;
  details->best_match = 0;

  for (guint i = entry->first_field; i < entry->end_field; i++)
    {
      const CgSearchField *field = &g_array_index (self->fields, CgSearchField, i);
      guint field_mask = 0;
      guint first_match = details->matches->len;

      /* Questions are never shown, so never highlighted */
      if (field->tier == CG_SEARCH_TIER_QUESTION ||
          (field->tier == CG_SEARCH_TIER_KEYWORD && !needs_keyword))
        continue;

      field_mask = match_field (self, field, terms, n_terms, details, masks, positions);

      if (field->tier == CG_SEARCH_TIER_KEYWORD && count_bits (field_mask) > keyword_words)
        {
          keyword_field = field;
          keyword_words = count_bits (field_mask);
        }
      else if (field->tier == CG_SEARCH_TIER_BODY)
        {
          if (first_body == NULL)
            first_body = field;

          if (find_best_passage ((const guint *)(gconstpointer)masks->data,
                                 (const guint *)(gconstpointer)positions->data,
                                 masks->len, first_match, &best))
            {
              best_field = field;
              details->first_snippet_match = first_match;
              details->n_snippet_matches = masks->len;
            }
        }
    }

  if (keyword_field != NULL)
    details->matched_keyword = g_strdup (keyword_field->text);

  if (best_field != NULL)
    {
      /* The snippet shows the best passage and the other matches of its text */
      details->snippet_text = best_field->text;
      details->best_match = best.first_match;
    }
  else if (first_body != NULL)
    details->snippet_text = first_body->text;   /* a title or keyword hit: the start */
}
