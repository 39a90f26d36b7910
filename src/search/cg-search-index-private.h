/* cg-search-index-private.h: the index's data, shared by the files that build and query it
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not for other callers: cg-search-index.c builds the index and ranks sections,
 * cg-search-query.c turns a query into the terms it matches.
 */

#pragma once

#include "cg-search-hit.h"
#include "cg-search-index.h"
#include "cg-search-intents.h"
#include "cg-search-private.h"
#include "cg-search-stemmer.h"

G_BEGIN_DECLS

#define CG_SEARCH_N_TIERS 4

typedef struct
{
  const char *text;         /* borrowed from the section */
  guint       entry;
  guint       tier;         /* a CgSearchTier */
  guint       index;        /* question, keyword or block position */
  guint       item;         /* list item, 0 for a paragraph */
  guint       first_token;
  guint       end_token;
} CgSearchField;

/* A token's field is the one whose [first_token, end_token) holds it: tokens are in field
 * order, so it need not be stored (a quarter of the index's largest array) */
typedef struct
{
  guint term;
  guint start;              /* byte span in the field's text */
  guint end;
} CgSearchToken;

typedef struct
{
  CgSection *section;       /* borrowed: self->topics own it */
  guint      first_field;
  guint      end_field;
  guint      first_token[CG_SEARCH_N_TIERS];
  guint64    kinds;         /* the bits of its kinds in self->intents */
} CgSearchEntry;

/* Where a term occurs: all a query needs to rank, without looking up tokens and fields */
typedef struct
{
  guint entry;
  guint tier_position;      /* tier << CG_SEARCH_POSITION_BITS | token position in its tier */
} CgSearchPosting;

#define CG_SEARCH_POSITION_BITS 30
G_STATIC_ASSERT (CG_SEARCH_N_TIERS <= 1 << (32 - CG_SEARCH_POSITION_BITS));

/* A query word is one bit of a guint mask */
G_STATIC_ASSERT (CG_SEARCH_MAX_QUERY_WORDS <= sizeof (guint) * 8);

struct _CgSearchIndex
{
  GObject          parent_instance;

  /* Owned */
  GPtrArray       *topics;
  GArray          *entries;         /* of CgSearchEntry, in section order */
  GArray          *fields;          /* of CgSearchField, in entry order */
  CgSearchToken   *tokens;          /* in field order, n_tokens */
  guint            n_tokens;
  GStringChunk    *term_chunk;
  const char     **terms;           /* sorted; a term's id is its position */
  guint8          *term_chars;      /* characters in each term, at most 255 */
  guint32         *term_letters;    /* which characters each term has: cg_search_letter_mask() */
  guint            n_terms;
  const char     **term_stems;      /* each term's folded stem, in term_chunk, when it is not
                                     * the term itself; NULL for the term itself or none */
  guint           *stem_order;      /* the ids of the terms with a stem of their own, sorted by
                                     * stem */
  guint            n_stemmed;
  guint           *reversed_order;  /* German: the term ids sorted from their last letter */
  char            *language;        /* of the content, for its stop words; nullable */
  CgSearchStemmer *stemmer;         /* of language, for queries; nullable */
  CgSearchIntents *intents;         /* question words, for queries */
  guint           *posting_starts;  /* n_terms + 1 */
  CgSearchPosting *postings;        /* by term, then in reading order */
};

/* Queries */

#define CG_SEARCH_WHOLE_WORD G_MAXUINT

/* What a match costs in ranking, below the words found: as typed, then by stem, then
 * corrected (plus one per edit) */
#define CG_SEARCH_COST_STEM 1
#define CG_SEARCH_COST_CORRECTION 1

/* Stems this long or longer also match as prefixes (see cg-search-query.c) */
#define CG_SEARCH_MIN_STEM_PREFIX_CHARS 5

/* The term ids [lo, hi) that one query word matches in one way. A word has one for the word as
 * typed (a whole word, or the prefix being typed), one per German respelling, one per term
 * sharing its stem, and one per correction of a misspelling, in that order, so its closest
 * match comes first. The GArray of them is what the hits of a query share. */
typedef struct
{
  guint lo;
  guint hi;
  guint word;       /* the query word's bit */
  guint cost;       /* 0 as typed, CG_SEARCH_COST_STEM, or CG_SEARCH_COST_CORRECTION + edits */
  guint length;     /* folded bytes matched in a prefix match, or CG_SEARCH_WHOLE_WORD */
} CgSearchQueryTerm;

typedef struct
{
  GArray  *terms;                                 /* of CgSearchQueryTerm */
  guint    n_words;                               /* the words that count: not stop words */
  guint64  kinds;                                 /* of section the question asks for */
  gboolean phrased;                               /* a question or sentence: it has stop words
                                                   * or asks for a kind of section */
  guint    corrected;                             /* mask: words found only through corrections */
  guint    correction[CG_SEARCH_MAX_QUERY_WORDS]; /* the closest correction's term id */
  guint    start[CG_SEARCH_MAX_QUERY_WORDS];      /* each word's byte span in the query */
  guint    end[CG_SEARCH_MAX_QUERY_WORDS];
} CgSearchQuery;

void  _cg_search_query_parse         (CgSearchIndex       *index,
                                      const char          *text,
                                      CgSearchFlags        flags,
                                      CgSearchQuery       *query);
char *_cg_search_query_dup_corrected (CgSearchIndex       *index,
                                      const char          *text,
                                      const CgSearchQuery *query);

void _cg_search_index_find_details (GObject            *finder,
                                    GArray             *query_words,
                                    guint               entry_index,
                                    gboolean            needs_keyword,
                                    CgSearchHitDetails *details);

G_END_DECLS
