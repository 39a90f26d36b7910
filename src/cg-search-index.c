/* cg-search-index.c: folded, tokenised text of every section → ranked hits with offsets
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every title, keyword, paragraph and list item (a "field") is folded and split into words.
 * Each distinct folded word (a "term") gets an id equal to its rank in sorted order, so all the
 * terms starting with a prefix are one contiguous range of ids, found by binary search, and
 * their postings (the tokens where they occur) are one contiguous slice of one array. A query
 * walks those slices once to find the sections holding every word and how to rank them, then
 * looks only at the tokens of the sections it returns to build offsets and snippets.
 *
 * Tokens keep the original byte span of their word; the fold of one word is redone only to
 * place the end of a prefix match ("calc" in "Cálcio") on the right character.
 */

#define G_LOG_DOMAIN "cg-search-index"

#include "config.h"

#include <string.h>

#include "cg-search-fold.h"
#include "cg-search-index.h"
#include "cg-search-private.h"
#include "cg-section.h"
#include "cg-topic.h"

#define N_TIERS 3

/* The index */

typedef struct
{
  const char *text;         /* borrowed from the section */
  guint       entry;
  guint       tier;         /* a CgSearchTier */
  guint       index;        /* keyword or block position */
  guint       item;         /* list item, 0 for a paragraph */
  guint       first_token;
  guint       end_token;
} Field;

typedef struct
{
  guint term;
  guint field;
  guint start;              /* byte span in the field's text */
  guint end;
} Token;

typedef struct
{
  CgSection *section;       /* borrowed: self->topics own it */
  guint      first_field;
  guint      end_field;
  guint      first_token[N_TIERS];
} Entry;

/* Where a term occurs: all a query needs to rank, without looking up tokens and fields */
typedef struct
{
  guint entry;
  guint tier_position;      /* tier << POSITION_BITS | position of the token within its tier */
} Posting;

#define POSITION_BITS 30

/* A query word is one bit of a guint mask */
G_STATIC_ASSERT (CG_SEARCH_MAX_QUERY_WORDS <= sizeof (guint) * 8);

struct _CgSearchIndex
{
  GObject       parent_instance;

  /* Owned */
  GPtrArray    *topics;
  GArray       *entries;         /* of Entry, in section order */
  GArray       *fields;          /* of Field, in entry order */
  GArray       *tokens;          /* of Token, in field order */
  GStringChunk *term_chunk;
  const char  **terms;           /* sorted; a term's id is its position */
  guint         n_terms;
  guint        *posting_starts;  /* n_terms + 1 */
  Posting      *postings;        /* by term, then in reading order */
};

G_DEFINE_FINAL_TYPE (CgSearchIndex, cg_search_index, G_TYPE_OBJECT)

static void
cg_search_index_finalize (GObject *object)
{
  CgSearchIndex *self = (CgSearchIndex *)object;

  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->tokens, g_array_unref);
  g_clear_pointer (&self->term_chunk, g_string_chunk_free);
  g_clear_pointer (&self->terms, g_free);
  g_clear_pointer (&self->posting_starts, g_free);
  g_clear_pointer (&self->postings, g_free);

  G_OBJECT_CLASS (cg_search_index_parent_class)->finalize (object);
}

static void
cg_search_index_class_init (CgSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_search_index_finalize;
}

static void
cg_search_index_init (CgSearchIndex *self)
{
  self->topics = g_ptr_array_new_with_free_func (g_object_unref);
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->fields = g_array_new (FALSE, FALSE, sizeof (Field));
  self->tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  self->term_chunk = g_string_chunk_new (64 * 1024);
}

/* State of one build */
typedef struct
{
  GHashTable *term_ids;     /* folded word → provisional id + 1 */
  GPtrArray  *term_names;   /* by provisional id, in term_chunk */
  GString    *folded;
  GArray     *words;
} Builder;

static void
add_field (CgSearchIndex *self,
           Builder       *builder,
           CgSearchTier   tier,
           guint          index,
           guint          item,
           const char    *text)
{
  Field field = { text, self->entries->len, tier, index, item, self->tokens->len, 0 };
  guint field_id = self->fields->len;

  g_string_truncate (builder->folded, 0);
  g_array_set_size (builder->words, 0);
  cg_search_fold_words (text, strlen (text), builder->folded, builder->words);

  for (guint i = 0; i < builder->words->len; i++)
    {
      const CgSearchFoldWord *word = &g_array_index (builder->words, CgSearchFoldWord, i);
      char *name = builder->folded->str + word->folded_start;
      gpointer value;
      Token token;

      /* Cut the word out in place: it ends at a space or at the end. */
      builder->folded->str[word->folded_end] = '\0';

      if (!(value = g_hash_table_lookup (builder->term_ids, name)))
        {
          name = g_string_chunk_insert_len (self->term_chunk, name,
                                            word->folded_end - word->folded_start);
          g_ptr_array_add (builder->term_names, name);
          value = GUINT_TO_POINTER (builder->term_names->len);
          g_hash_table_insert (builder->term_ids, name, value);
        }

      token.term = GPOINTER_TO_UINT (value) - 1;
      token.field = field_id;
      token.start = word->start;
      token.end = word->end;
      g_array_append_val (self->tokens, token);
    }

  field.end_token = self->tokens->len;
  g_array_append_val (self->fields, field);
}

static void
add_section (CgSearchIndex *self,
             Builder       *builder,
             CgSection     *section)
{
  const char * const *keywords = cg_section_get_keywords (section);
  Entry entry = { section, self->fields->len, 0, { 0 } };

  /* Fields go in tier order, so positions within a tier are counted from its first token. */
  entry.first_token[CG_SEARCH_TIER_TITLE] = self->tokens->len;
  add_field (self, builder, CG_SEARCH_TIER_TITLE, 0, 0, cg_section_get_title (section));

  /* NULL when empty: a NULL-terminated GPtrArray allocates nothing until its first element */
  entry.first_token[CG_SEARCH_TIER_KEYWORD] = self->tokens->len;
  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    add_field (self, builder, CG_SEARCH_TIER_KEYWORD, i, 0, keywords[i]);

  entry.first_token[CG_SEARCH_TIER_BODY] = self->tokens->len;
  for (guint i = 0; i < cg_section_get_n_blocks (section); i++)
    {
      const CgBlock *block = cg_section_get_block (section, i);

      if (block->kind == CG_BLOCK_PARAGRAPH)
        add_field (self, builder, CG_SEARCH_TIER_BODY, i, 0, block->text);
      else
        for (guint j = 0; block->items[j] != NULL; j++)
          add_field (self, builder, CG_SEARCH_TIER_BODY, i, j, block->items[j]);
    }

  entry.end_field = self->fields->len;
  g_array_append_val (self->entries, entry);
}

static int
compare_term_names (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const char * const *names = user_data;

  return strcmp (names[*(const guint *)a], names[*(const guint *)b]);
}

/* Renumbers the terms by sorted order and inverts the tokens into postings. */
static void
finish_terms (CgSearchIndex *self,
              Builder       *builder)
{
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), builder->term_names->len);
  g_autofree guint *rank = NULL;
  g_autofree guint *cursor = NULL;
  Token *tokens = (Token *)(gpointer)self->tokens->data;
  guint n_tokens = self->tokens->len;

  self->n_terms = builder->term_names->len;

  for (guint i = 0; i < self->n_terms; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_term_names, builder->term_names->pdata);

  self->terms = g_new (const char *, MAX (self->n_terms, 1));
  rank = g_new (guint, MAX (self->n_terms, 1));
  for (guint i = 0; i < self->n_terms; i++)
    {
      guint id = g_array_index (order, guint, i);

      self->terms[i] = g_ptr_array_index (builder->term_names, id);
      rank[id] = i;
    }

  self->posting_starts = g_new0 (guint, self->n_terms + 1);
  for (guint i = 0; i < n_tokens; i++)
    {
      tokens[i].term = rank[tokens[i].term];
      self->posting_starts[tokens[i].term + 1]++;
    }
  for (guint i = 0; i < self->n_terms; i++)
    self->posting_starts[i + 1] += self->posting_starts[i];

  self->postings = g_new (Posting, MAX (n_tokens, 1));
  cursor = g_memdup2 (self->posting_starts, sizeof (guint) * (self->n_terms + 1));
  for (guint i = 0; i < n_tokens; i++)
    {
      const Field *field = &g_array_index (self->fields, Field, tokens[i].field);
      const Entry *entry = &g_array_index (self->entries, Entry, field->entry);
      Posting *posting = &self->postings[cursor[tokens[i].term]++];

      posting->entry = field->entry;
      posting->tier_position = field->tier << POSITION_BITS |
                               (i - entry->first_token[field->tier]);
    }
}

/**
 * cg_search_index_new:
 * @topics: (element-type CgTopic): the topics to search, as from cg_library_list_topics()
 *
 * Folds and indexes every section of @topics. The index keeps the topics alive.
 *
 * Returns: (transfer full): the index
 */
CgSearchIndex *
cg_search_index_new (GPtrArray *topics)
{
  g_autoptr(CgSearchIndex) self = NULL;
  g_autoptr(GHashTable) term_ids = NULL;
  g_autoptr(GPtrArray) term_names = NULL;
  g_autoptr(GString) folded = NULL;
  g_autoptr(GArray) words = NULL;
  Builder builder;

  g_return_val_if_fail (topics != NULL, NULL);

  self = g_object_new (CG_TYPE_SEARCH_INDEX, NULL);
  term_ids = g_hash_table_new (g_str_hash, g_str_equal);
  term_names = g_ptr_array_new ();
  folded = g_string_sized_new (1024);
  words = g_array_new (FALSE, FALSE, sizeof (CgSearchFoldWord));
  builder = (Builder) { term_ids, term_names, folded, words };

  for (guint i = 0; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);

      g_return_val_if_fail (CG_IS_TOPIC (topic), NULL);

      g_ptr_array_add (self->topics, g_object_ref (topic));
      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        add_section (self, &builder, cg_topic_get_section (topic, j));
    }

  finish_terms (self, &builder);

  return g_steal_pointer (&self);
}

guint
cg_search_index_get_n_sections (CgSearchIndex *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), 0);

  return self->entries->len;
}

/* Queries */

/* A query word is the range of term ids [lo, hi) that it matches. */
typedef struct
{
  guint lo;
  guint hi;
  guint length;   /* folded bytes */
  gboolean prefix;
} QueryWord;

/* What the postings say about one section */
typedef struct
{
  guint mask[N_TIERS];    /* query words found in each tier */
  guint first[N_TIERS];   /* position of the first match in each tier, plus one; 0 if none */
} Tally;

typedef struct
{
  guint        entry;
  CgSearchTier tier;
  guint        n_words;
  guint        first;
  guint        mask[N_TIERS];
} Candidate;

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

/* Folds @query into words and looks each up; returns FALSE if a word matches nothing. */
static gboolean
parse_query (CgSearchIndex *self,
             const char    *query,
             GArray        *query_words)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (CgSearchFoldWord));
  g_autoptr(GString) folded = g_string_new (NULL);
  gsize length = strlen (query);
  guint n;

  cg_search_fold_words (query, length, folded, words);
  n = MIN (words->len, CG_SEARCH_MAX_QUERY_WORDS);

  for (guint i = 0; i < n; i++)
    {
      const CgSearchFoldWord *word = &g_array_index (words, CgSearchFoldWord, i);
      char *name = folded->str + word->folded_start;
      QueryWord qw;

      folded->str[word->folded_end] = '\0';
      qw.length = word->folded_end - word->folded_start;
      /* The word being typed is a prefix, unless a space or punctuation closed it. */
      qw.prefix = (i + 1 == words->len && word->end == length);
      qw.lo = search_terms (self, name, qw.length, FALSE);
      if (qw.prefix)
        qw.hi = search_terms (self, name, qw.length, TRUE);
      else
        qw.hi = (qw.lo < self->n_terms && strcmp (self->terms[qw.lo], name) == 0) ? qw.lo + 1 : qw.lo;

      if (qw.lo == qw.hi)
        return FALSE;

      g_array_append_val (query_words, qw);
    }

  return query_words->len > 0;
}

/* The mask with a bit for each of @n_words query words */
static guint
all_words_mask (guint n_words)
{
  return n_words == CG_SEARCH_MAX_QUERY_WORDS ? G_MAXUINT : (1u << n_words) - 1;
}

static guint
count_bits (guint mask)
{
  guint n = 0;

  for (; mask != 0; mask &= mask - 1)
    n++;

  return n;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->tier != cb->tier)
    return ca->tier < cb->tier ? -1 : 1;
  if (ca->n_words != cb->n_words)
    return ca->n_words > cb->n_words ? -1 : 1;
  if (ca->first != cb->first)
    return ca->first < cb->first ? -1 : 1;
  return ca->entry < cb->entry ? -1 : (ca->entry > cb->entry);
}

/* Walks the postings of every query word once: which sections hold which words, where. */
static GArray *
collect_candidates (CgSearchIndex   *self,
                    const QueryWord *words,
                    guint            n_words)
{
  g_autofree Tally *tallies = g_new0 (Tally, self->entries->len);
  guint all = all_words_mask (n_words);
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint w = 0; w < n_words; w++)
    {
      guint bit = 1u << w;
      guint from = self->posting_starts[words[w].lo];
      guint to = self->posting_starts[words[w].hi];

      for (guint p = from; p < to; p++)
        {
          const Posting *posting = &self->postings[p];
          Tally *tally = &tallies[posting->entry];
          guint tier = posting->tier_position >> POSITION_BITS;
          guint position = (posting->tier_position & ((1u << POSITION_BITS) - 1)) + 1;

          tally->mask[tier] |= bit;
          if (tally->first[tier] == 0 || position < tally->first[tier])
            tally->first[tier] = position;
        }
    }

  for (guint e = 0; e < self->entries->len; e++)
    {
      const Tally *tally = &tallies[e];
      Candidate candidate = { e };

      if ((tally->mask[0] | tally->mask[1] | tally->mask[2]) != all)
        continue;

      candidate.tier = tally->mask[CG_SEARCH_TIER_TITLE] ? CG_SEARCH_TIER_TITLE
                     : tally->mask[CG_SEARCH_TIER_KEYWORD] ? CG_SEARCH_TIER_KEYWORD
                     : CG_SEARCH_TIER_BODY;
      candidate.n_words = count_bits (tally->mask[candidate.tier]);
      candidate.first = tally->first[candidate.tier];
      memcpy (candidate.mask, tally->mask, sizeof candidate.mask);
      g_array_append_val (candidates, candidate);
    }

  g_array_sort (candidates, compare_candidates);

  return candidates;
}

/* The original span of @token matched by @words (which match it, per @mask): the whole word,
 * or the longest prefix matched. */
static CgSearchRange
match_token (CgSearchIndex   *self,
             const Field     *field,
             const Token     *token,
             const QueryWord *words,
             guint            n_words,
             guint            mask)
{
  CgSearchRange range = { token->start, token->end };
  guint term_length = strlen (self->terms[token->term]);
  guint longest = 0;

  for (guint w = 0; w < n_words; w++)
    if (mask & (1u << w))
      longest = MAX (longest, words[w].length);

  if (longest < term_length)
    range.end = cg_search_fold_map_prefix_end (field->text, token->start, token->end, longest);

  return range;
}

static guint
match_term (const QueryWord *words,
            guint            n_words,
            guint            term)
{
  guint mask = 0;

  for (guint w = 0; w < n_words; w++)
    if (term >= words[w].lo && term < words[w].hi)
      mask |= 1u << w;

  return mask;
}

static CgSearchHit *
hit_new (CgSearchIndex   *index,
         const Candidate *candidate,
         GArray          *words)
{
  guint title_or_body = candidate->mask[CG_SEARCH_TIER_TITLE] | candidate->mask[CG_SEARCH_TIER_BODY];

  return _cg_search_hit_new (g_array_index (index->entries, Entry, candidate->entry).section,
                             candidate->tier, index, words, candidate->entry,
                             title_or_body != all_words_mask (words->len));
}

/**
 * _cg_search_index_find_details:
 * @query_words: the words of the query that made the hit
 * @entry: the hit's section, by position in the index
 * @needs_keyword: whether title and body alone do not hold every query word
 * @details: (out caller-allocates): every match in the section and the text for its snippet
 *
 * What a hit computes on first use: a list of results shows few of its rows, and only one
 * hit is opened.
 */
void
_cg_search_index_find_details (CgSearchIndex      *self,
                               GArray             *query_words,
                               guint               entry_index,
                               gboolean            needs_keyword,
                               CgSearchHitDetails *details)
{
  const QueryWord *words = (const QueryWord *)(gconstpointer)query_words->data;
  guint n_words = query_words->len;
  const Entry *entry = &g_array_index (self->entries, Entry, entry_index);
  const Token *tokens = (const Token *)(gconstpointer)self->tokens->data;
  const Field *first_body = NULL;
  const Field *first_match = NULL;   /* the body field of the first match */
  const Field *keyword_field = NULL;
  guint keyword_words = 0;

  details->matched_keyword = NULL;
  details->title_ranges = g_array_new (FALSE, FALSE, sizeof (CgSearchRange));
  details->matches = g_array_new (FALSE, FALSE, sizeof (CgSearchMatch));
  details->snippet_text = NULL;
  details->n_snippet_matches = 0;

  for (guint i = entry->first_field; i < entry->end_field; i++)
    {
      const Field *field = &g_array_index (self->fields, Field, i);
      guint field_mask = 0;

      if (field->tier == CG_SEARCH_TIER_KEYWORD && !needs_keyword)
        continue;

      for (guint t = field->first_token; t < field->end_token; t++)
        {
          guint mask = match_term (words, n_words, tokens[t].term);
          CgSearchRange range;

          if (mask == 0)
            continue;

          field_mask |= mask;
          if (field->tier == CG_SEARCH_TIER_KEYWORD)
            continue;

          range = match_token (self, field, &tokens[t], words, n_words, mask);
          if (field->tier == CG_SEARCH_TIER_TITLE)
            g_array_append_val (details->title_ranges, range);
          else
            {
              CgSearchMatch match = { field->index, field->item, range.start, range.end };

              if (first_match == NULL)
                first_match = field;
              g_array_append_val (details->matches, match);
            }
        }

      if (field->tier == CG_SEARCH_TIER_KEYWORD && count_bits (field_mask) > keyword_words)
        {
          keyword_field = field;
          keyword_words = count_bits (field_mask);
        }
      else if (field->tier == CG_SEARCH_TIER_BODY && first_body == NULL)
        first_body = field;
    }

  if (keyword_field != NULL)
    details->matched_keyword = g_strdup (keyword_field->text);

  if (first_match != NULL)
    {
      const CgSearchMatch *matches = (const CgSearchMatch *)(gconstpointer)details->matches->data;
      guint n_in_text = 1;

      /* The snippet shows the text of the first match, and the matches that follow in it */
      while (n_in_text < details->matches->len &&
             matches[n_in_text].block == matches[0].block &&
             matches[n_in_text].item == matches[0].item)
        n_in_text++;

      details->snippet_text = first_match->text;
      details->n_snippet_matches = n_in_text;
    }
  else if (first_body != NULL)
    details->snippet_text = first_body->text;   /* a title or keyword hit: the start */
}

/**
 * cg_search_index_query:
 * @query: what was typed
 * @max_hits: how many hits to return at most, or 0 for all
 *
 * Finds the sections holding every word of @query, best first (see the top of
 * cg-search-index.h). A hit computes its offsets, snippet and matched keyword when first asked
 * for one of them; a small @max_hits also spares creating hits nobody will see.
 *
 * Returns: (transfer full) (element-type CgSearchHit): the hits, possibly none
 */
GPtrArray *
cg_search_index_query (CgSearchIndex *self,
                       const char    *query,
                       guint          max_hits)
{
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) candidates = NULL;
  GPtrArray *hits;
  guint n_hits;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  hits = g_ptr_array_new_with_free_func (g_object_unref);
  words = g_array_new (FALSE, FALSE, sizeof (QueryWord));

  if (!parse_query (self, query, words))
    return hits;

  candidates = collect_candidates (self, (const QueryWord *)(gpointer)words->data, words->len);

  n_hits = candidates->len;
  if (max_hits > 0)
    n_hits = MIN (n_hits, max_hits);

  for (guint i = 0; i < n_hits; i++)
    g_ptr_array_add (hits, hit_new (self, &g_array_index (candidates, Candidate, i), words));

  return hits;
}
