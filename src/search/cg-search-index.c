/* cg-search-index.c: folded, tokenised text of every section → ranked hits with offsets
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every title, question, keyword, paragraph and list item (a "field") is folded and split into
 * words.
 * Each distinct folded word (a "term") gets an id equal to its rank in sorted order, so all the
 * terms starting with a prefix are one contiguous range of ids, found by binary search, and
 * their postings (the tokens where they occur) are one contiguous slice of one array. A query
 * walks those slices once to find the sections holding every word and how to rank them, then
 * looks only at the tokens of the sections it returns to build offsets and snippets.
 *
 * Tokens keep the original byte span of their word; the fold of one word is redone only to
 * place the end of a prefix match ("calc" in "Cálcio") on the right character.
 *
 * Each term also has its Snowball stem, from the first spelling of it met, in the language of
 * its section; the terms sorted by stem give every term with one stem as one slice. Queries
 * are turned into terms by cg-search-query.c.
 */

#define G_LOG_DOMAIN "cg-search-index"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cg-bundle.h"
#include "cg-search-compounds.h"
#include "cg-search-fold.h"
#include "cg-search-index-private.h"
#include "cg-search-private.h"
#include "cg-search-results.h"
#include "cg-search-words.h"
#include "cg-section.h"
#include "cg-topic.h"

G_DEFINE_FINAL_TYPE (CgSearchIndex, cg_search_index, G_TYPE_OBJECT)

static void
cg_search_index_finalize (GObject *object)
{
  CgSearchIndex *self = (CgSearchIndex *)object;

  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->tokens, g_free);
  g_clear_pointer (&self->term_chunk, g_string_chunk_free);
  g_clear_pointer (&self->terms, g_free);
  g_clear_pointer (&self->term_chars, g_free);
  g_clear_pointer (&self->term_letters, g_free);
  g_clear_pointer (&self->term_stems, g_free);
  g_clear_pointer (&self->stem_order, g_free);
  g_clear_pointer (&self->reversed_order, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_object (&self->stemmer);
  g_clear_object (&self->intents);
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
  self->entries = g_array_new (FALSE, FALSE, sizeof (CgSearchEntry));
  self->fields = g_array_new (FALSE, FALSE, sizeof (CgSearchField));
  self->term_chunk = g_string_chunk_new (64 * 1024);
}

/* State of one build */
typedef struct
{
  GHashTable      *term_ids;     /* folded word → provisional id + 1 */
  GPtrArray       *term_names;   /* by provisional id, in term_chunk */
  GPtrArray       *term_stems;   /* by provisional id, in term_chunk; NULL for none */
  GHashTable      *stemmers;     /* language → CgSearchStemmer, or NULL for none */
  CgSearchStemmer *stemmer;      /* of the section being added: borrowed, nullable */
  GString         *stem;         /* of the word being added */
  GString         *folded;
  GArray          *words;
  GArray          *tokens;       /* of CgSearchToken, until the index takes them */
} Builder;

static void
add_field (CgSearchIndex *self,
           Builder       *builder,
           CgSearchTier   tier,
           guint          index,
           guint          item,
           const char    *text)
{
  CgSearchField field = { text, self->entries->len, tier, index, item, builder->tokens->len, 0 };

  g_string_truncate (builder->folded, 0);
  g_array_set_size (builder->words, 0);
  cg_search_fold_words (text, strlen (text), builder->folded, builder->words);

  for (guint i = 0; i < builder->words->len; i++)
    {
      const CgSearchFoldWord *word = &g_array_index (builder->words, CgSearchFoldWord, i);
      char *name = builder->folded->str + word->folded_start;
      gpointer value;
      CgSearchToken token;

      /* Cut the word out in place: it ends at a space or at the end. */
      builder->folded->str[word->folded_end] = '\0';

      if (!(value = g_hash_table_lookup (builder->term_ids, name)))
        {
          name = g_string_chunk_insert_len (self->term_chunk, name,
                                            word->folded_end - word->folded_start);
          g_ptr_array_add (builder->term_names, name);
          /* Stemmed as written, accents and all; most words are their own stem, which is not
           * stored: a library has tens of thousands of words */
          if (builder->stemmer != NULL &&
              word->folded_end - word->folded_start >= CG_SEARCH_MIN_STEM_CHARS &&
              cg_search_stemmer_stem_to (builder->stemmer, text + word->start, word->end - word->start,
                                         builder->stem) &&
              !g_str_equal (builder->stem->str, name))
            g_ptr_array_add (builder->term_stems, g_string_chunk_insert_const (self->term_chunk, builder->stem->str));
          else
            g_ptr_array_add (builder->term_stems, NULL);
          value = GUINT_TO_POINTER (builder->term_names->len);
          g_hash_table_insert (builder->term_ids, name, value);
        }

      token.term = GPOINTER_TO_UINT (value) - 1;
      token.start = word->start;
      token.end = word->end;
      g_array_append_val (builder->tokens, token);
    }

  field.end_token = builder->tokens->len;
  g_array_append_val (self->fields, field);
}

/* A keyword may list alternatives, "rayos x; radiografía; radio" (translators write several
 * lay words for one English keyword this way): each is a keyword of its own, so "matched: …"
 * names the one that matched. */
static void
add_keyword (CgSearchIndex *self,
             Builder       *builder,
             guint          index,
             const char    *keyword)
{
  const char *p = keyword;

  if (strchr (keyword, ';') == NULL)
    {
      add_field (self, builder, CG_SEARCH_TIER_KEYWORD, index, 0, keyword);
      return;
    }

  while (*p != '\0')
    {
      const char *end = strchr (p, ';');
      const char *next;

      if (end == NULL)
        end = p + strlen (p);
      next = *end != '\0' ? end + 1 : end;

      while (p < end && g_ascii_isspace (*p))
        p++;
      while (end > p && g_ascii_isspace (end[-1]))
        end--;
      if (end > p)
        add_field (self, builder, CG_SEARCH_TIER_KEYWORD, index, 0,
                   g_string_chunk_insert_len (self->term_chunk, p, end - p));

      p = next;
    }
}

/* The bits of the section's kinds that some cue asks for */
static guint64
lookup_kinds (CgSearchIndex *self,
              CgSection     *section)
{
  const char * const *kinds = cg_section_get_kinds (section);
  guint64 bits = 0;

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      guint bit = cg_search_intents_lookup_kind (self->intents, kinds[i]);

      if (bit != CG_SEARCH_INTENT_NO_KIND)
        bits |= G_GUINT64_CONSTANT (1) << bit;
    }

  return bits;
}

static void
add_section (CgSearchIndex *self,
             Builder       *builder,
             CgSection     *section)
{
  const char * const *keywords = cg_section_get_keywords (section);
  const char * const *questions = cg_section_get_questions (section);
  CgSearchEntry entry = { section, self->fields->len, 0, { 0 }, lookup_kinds (self, section) };

  /* Fields go in tier order, so positions within a tier are counted from its first token. */
  entry.first_token[CG_SEARCH_TIER_TITLE] = builder->tokens->len;
  add_field (self, builder, CG_SEARCH_TIER_TITLE, 0, 0, cg_section_get_title (section));

  entry.first_token[CG_SEARCH_TIER_QUESTION] = builder->tokens->len;
  for (guint i = 0; questions[i] != NULL; i++)
    add_field (self, builder, CG_SEARCH_TIER_QUESTION, i, 0, questions[i]);

  /* NULL when empty: a NULL-terminated GPtrArray allocates nothing until its first element */
  entry.first_token[CG_SEARCH_TIER_KEYWORD] = builder->tokens->len;
  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    add_keyword (self, builder, i, keywords[i]);

  entry.first_token[CG_SEARCH_TIER_BODY] = builder->tokens->len;
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

static int
compare_stems (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const char * const *stems = user_data;
  guint term_a = *(const guint *)a;
  guint term_b = *(const guint *)b;
  int cmp = strcmp (stems[term_a], stems[term_b]);

  return cmp != 0 ? cmp : (term_a > term_b) - (term_a < term_b);
}

/* Each term's stem by its final id (@order: the provisional ids in sorted order), and the
 * terms that have one of their own sorted by stem. */
static void
finish_stems (CgSearchIndex *self,
              Builder       *builder,
              const guint   *order)
{
  g_autoptr(GArray) stemmed = g_array_new (FALSE, FALSE, sizeof (guint));

  self->term_stems = g_new (const char *, MAX (self->n_terms, 1));
  for (guint i = 0; i < self->n_terms; i++)
    {
      self->term_stems[i] = g_ptr_array_index (builder->term_stems, order[i]);
      if (self->term_stems[i] != NULL)
        g_array_append_val (stemmed, i);
    }

  g_array_sort_with_data (stemmed, compare_stems, self->term_stems);
  self->n_stemmed = stemmed->len;
  self->stem_order = g_realloc (g_array_steal (stemmed, NULL), MAX (self->n_stemmed, 1) * sizeof (guint));
}

/* Renumbers the terms by sorted order and inverts the tokens into postings. */
static void
finish_terms (CgSearchIndex *self,
              Builder       *builder)
{
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), builder->term_names->len);
  g_autofree guint *rank = NULL;
  g_autofree guint *cursor = NULL;
  CgSearchToken *tokens = (CgSearchToken *)(gpointer)builder->tokens->data;
  guint n_tokens = builder->tokens->len;

  self->n_terms = builder->term_names->len;

  for (guint i = 0; i < self->n_terms; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_term_names, builder->term_names->pdata);

  self->terms = g_new (const char *, MAX (self->n_terms, 1));
  self->term_chars = g_new (guint8, MAX (self->n_terms, 1));
  self->term_letters = g_new (guint32, MAX (self->n_terms, 1));
  rank = g_new (guint, MAX (self->n_terms, 1));
  for (guint i = 0; i < self->n_terms; i++)
    {
      guint id = g_array_index (order, guint, i);

      self->terms[i] = g_ptr_array_index (builder->term_names, id);
      /* For corrections, which compare lengths first */
      self->term_chars[i] = MIN (g_utf8_strlen (self->terms[i], -1), G_MAXUINT8);
      self->term_letters[i] = cg_search_letter_mask (self->terms[i]);
      rank[id] = i;
    }

  finish_stems (self, builder, (const guint *)(gconstpointer)order->data);
  if (cg_search_has_compounds (self->language))
    self->reversed_order = cg_search_compounds_sort (self->terms, self->n_terms);

  self->posting_starts = g_new0 (guint, self->n_terms + 1);
  for (guint i = 0; i < n_tokens; i++)
    {
      tokens[i].term = rank[tokens[i].term];
      self->posting_starts[tokens[i].term + 1]++;
    }
  for (guint i = 0; i < self->n_terms; i++)
    self->posting_starts[i + 1] += self->posting_starts[i];

  self->postings = g_new (CgSearchPosting, MAX (n_tokens, 1));
  cursor = g_memdup2 (self->posting_starts, sizeof (guint) * (self->n_terms + 1));
  for (guint f = 0; f < self->fields->len; f++)
    {
      const CgSearchField *field = &g_array_index (self->fields, CgSearchField, f);
      const CgSearchEntry *entry = &g_array_index (self->entries, CgSearchEntry, field->entry);

      for (guint i = field->first_token; i < field->end_token; i++)
        {
          CgSearchPosting *posting = &self->postings[cursor[tokens[i].term]++];

          posting->entry = field->entry;
          posting->tier_position = field->tier << CG_SEARCH_POSITION_BITS |
                                   (i - entry->first_token[field->tier]);
        }
    }

  /* The array grew by doubling: the index keeps only what it holds */
  self->n_tokens = n_tokens;
  self->tokens = g_realloc (g_array_steal (builder->tokens, NULL), MAX (n_tokens, 1) * sizeof (CgSearchToken));
}

static void
unref_stemmer (gpointer stemmer)
{
  if (stemmer != NULL)
    g_object_unref (stemmer);
}

/* The stemmer of @language, made once per build; NULL for a language libstemmer lacks */
static CgSearchStemmer *
get_stemmer (Builder    *builder,
             const char *language)
{
  CgSearchStemmer *stemmer;

  if (language == NULL)
    return NULL;

  if (!g_hash_table_lookup_extended (builder->stemmers, language, NULL, (gpointer *)&stemmer))
    {
      stemmer = cg_search_stemmer_new (language);
      g_hash_table_insert (builder->stemmers, g_strdup (language), stemmer);
    }

  return stemmer;
}

/* The question words of the content language, and the cues of every bundle of @topics, so
 * that the kinds of the sections can be looked up as they are added. */
static void
set_up_intents (CgSearchIndex *self,
                Builder       *builder,
                GPtrArray     *topics)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < topics->len && self->language == NULL; i++)
    if (cg_topic_get_bundle (g_ptr_array_index (topics, i)) != NULL)
      self->language = g_strdup (cg_bundle_get_language (cg_topic_get_bundle (g_ptr_array_index (topics, i))));

  if ((self->stemmer = get_stemmer (builder, self->language)) != NULL)
    g_object_ref (self->stemmer);
  self->intents = cg_search_intents_new (self->language, self->stemmer);

  for (guint i = 0; i < topics->len; i++)
    {
      CgBundle *bundle = cg_topic_get_bundle (g_ptr_array_index (topics, i));
      const CgIntentCue *cues;
      guint n_cues;

      if (bundle == NULL || !g_hash_table_add (seen, bundle))
        continue;

      cues = cg_bundle_get_intent_cues (bundle, &n_cues);
      for (guint c = 0; c < n_cues; c++)
        cg_search_intents_add_cue (self->intents, cues[c].kind, cues[c].cue);
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
  g_autoptr(GPtrArray) term_stems = NULL;
  g_autoptr(GHashTable) stemmers = NULL;
  g_autoptr(GString) stem = g_string_sized_new (64);
  g_autoptr(GString) folded = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) tokens = NULL;
  Builder builder;

  g_return_val_if_fail (topics != NULL, NULL);

  for (guint i = 0; i < topics->len; i++)
    g_return_val_if_fail (CG_IS_TOPIC (g_ptr_array_index (topics, i)), NULL);

  self = g_object_new (CG_TYPE_SEARCH_INDEX, NULL);
  term_ids = g_hash_table_new (g_str_hash, g_str_equal);
  term_names = g_ptr_array_new ();
  term_stems = g_ptr_array_new ();
  stemmers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_stemmer);
  folded = g_string_sized_new (1024);
  words = g_array_new (FALSE, FALSE, sizeof (CgSearchFoldWord));
  tokens = g_array_new (FALSE, FALSE, sizeof (CgSearchToken));
  builder = (Builder) { term_ids, term_names, term_stems, stemmers, NULL, stem, folded, words, tokens };

  set_up_intents (self, &builder, topics);

  for (guint i = 0; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);
      CgBundle *bundle = cg_topic_get_bundle (topic);

      g_ptr_array_add (self->topics, g_object_ref (topic));
      /* A clinic bundle in another language is stemmed in its own */
      builder.stemmer = get_stemmer (&builder, bundle != NULL ? cg_bundle_get_language (bundle) : self->language);
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

/* What the postings say about one section */
typedef struct
{
  guint mask[CG_SEARCH_N_TIERS];    /* query words found in each tier */
  guint first[CG_SEARCH_N_TIERS];   /* position of the first match in each tier, plus one; 0 if none */
  guint cost;                       /* what its matches cost, the closest for each word */
} Tally;

typedef struct
{
  guint        entry;
  guint        n_matched;  /* distinct query words found anywhere, plus one for a kind asked for */
  guint        cost;
  double       score;      /* where the words are, rare words weighing more */
  CgSearchTier tier;       /* the best tier holding a word */
  guint        first;      /* the first match in that tier */
  guint        mask[CG_SEARCH_N_TIERS];
} Candidate;

/* How much a word found in each tier weighs: a question the section answers says as much as
 * a keyword, a stray word of the body far less */
static const double tier_weights[CG_SEARCH_N_TIERS] = {
  [CG_SEARCH_TIER_TITLE] = 4,
  [CG_SEARCH_TIER_QUESTION] = 3,
  [CG_SEARCH_TIER_KEYWORD] = 3,
  [CG_SEARCH_TIER_BODY] = 1,
};

/* A section of the kind the question asks for counts as holding this many words more, and
 * weighs like a question it answers */
#define KIND_WORDS 2
#define KIND_WEIGHT tier_weights[CG_SEARCH_TIER_QUESTION]

static guint
count_bits (guint mask)
{
  guint n = 0;

  for (; mask != 0; mask &= mask - 1)
    n++;

  return n;
}

static guint
any_tier (const guint *mask)
{
  guint any = 0;

  for (guint t = 0; t < CG_SEARCH_N_TIERS; t++)
    any |= mask[t];

  return any;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->n_matched != cb->n_matched)
    return ca->n_matched > cb->n_matched ? -1 : 1;
  if (ca->cost != cb->cost)
    return ca->cost < cb->cost ? -1 : 1;
  if (ca->score != cb->score)
    return ca->score > cb->score ? -1 : 1;
  if (ca->first != cb->first)
    return ca->first < cb->first ? -1 : 1;
  return ca->entry < cb->entry ? -1 : (ca->entry > cb->entry);
}

/* Moves the worst of @heap's @n candidates down from @i, so the worst is on top */
static void
sift_down (Candidate *heap,
           guint      n,
           guint      i)
{
  for (;;)
    {
      guint worst = i;
      guint left = 2 * i + 1;
      Candidate swap;

      if (left < n && compare_candidates (&heap[left], &heap[worst]) > 0)
        worst = left;
      if (left + 1 < n && compare_candidates (&heap[left + 1], &heap[worst]) > 0)
        worst = left + 1;
      if (worst == i)
        return;

      swap = heap[i];
      heap[i] = heap[worst];
      heap[worst] = swap;
      i = worst;
    }
}

/* Sorts @candidates, best first, and keeps the first @max_hits (all for 0). A prefix being
 * typed finds most of a large library, of which the window shows a page: the best @max_hits
 * are kept in a heap whose top is the worst of them, rather than sorting them all. */
static void
keep_best (GArray *candidates,
           guint   max_hits)
{
  Candidate *all = (Candidate *)(gpointer)candidates->data;

  if (max_hits > 0 && candidates->len > max_hits)
    {
      for (guint i = max_hits / 2; i-- > 0; )
        sift_down (all, max_hits, i);

      for (guint i = max_hits; i < candidates->len; i++)
        if (compare_candidates (&all[i], &all[0]) < 0)
          {
            all[0] = all[i];
            sift_down (all, max_hits, 0);
          }

      g_array_set_size (candidates, max_hits);
    }

  g_array_sort (candidates, compare_candidates);
}

/* Walks the postings of every query term once: which sections hold which words, where, and
 * through which matches. */
static Tally *
tally_postings (CgSearchIndex       *self,
                const CgSearchQuery *query)
{
  Tally *tallies = g_new0 (Tally, MAX (self->entries->len, 1));
  const CgSearchQueryTerm *terms = (const CgSearchQueryTerm *)(gconstpointer)query->terms->data;

  for (guint i = 0; i < query->terms->len; i++)
    {
      guint bit = 1u << terms[i].word;
      guint from = self->posting_starts[terms[i].lo];
      guint to = self->posting_starts[terms[i].hi];

      for (guint p = from; p < to; p++)
        {
          const CgSearchPosting *posting = &self->postings[p];
          Tally *tally = &tallies[posting->entry];
          guint tier = posting->tier_position >> CG_SEARCH_POSITION_BITS;
          guint position = (posting->tier_position & ((1u << CG_SEARCH_POSITION_BITS) - 1)) + 1;

          /* A word's terms come closest first: the first to reach a section says its cost */
          if (!(any_tier (tally->mask) & bit))
            tally->cost += terms[i].cost;

          tally->mask[tier] |= bit;
          if (tally->first[tier] == 0 || position < tally->first[tier])
            tally->first[tier] = position;
        }
    }

  return tallies;
}

/* Rarer words weigh more: log (1 + sections / sections holding it) */
static double
rarity (guint n_sections,
        guint n_holding)
{
  return n_holding > 0 ? log1p ((double)n_sections / n_holding) : 0;
}

/* The sections holding at least half the query's words, best first (see the top of
 * cg-search-index.h) */
static GArray *
collect_candidates (CgSearchIndex       *self,
                    const CgSearchQuery *query,
                    guint                max_hits)
{
  g_autofree Tally *tallies = NULL;
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  guint holding[CG_SEARCH_MAX_QUERY_WORDS] = { 0 };
  double weights[CG_SEARCH_MAX_QUERY_WORDS];
  guint n_kind = 0;

  if (query->terms->len == 0)
    return candidates;

  tallies = tally_postings (self, query);

  for (guint e = 0; e < self->entries->len; e++)
    {
      const Tally *tally = &tallies[e];
      guint any = any_tier (tally->mask);
      guint n_words = count_bits (any);
      Candidate candidate = { e };

      if (n_words == 0)
        continue;

      for (guint w = 0; w < query->n_words; w++)
        holding[w] += (any >> w) & 1;

      /* The kind asked for counts in a section that holds a word of the question, so "what is
       * the best cream" does not bring up the definition */
      candidate.n_matched = n_words;
      if (query->kinds & g_array_index (self->entries, CgSearchEntry, e).kinds)
        candidate.n_matched += KIND_WORDS;

      /* Words that match nothing lower the rank, until fewer than half of them match: a third
       * for a question written out, whose words say how it is asked as well as what about
       * ("should I wear protective gear at work") */
      if (candidate.n_matched * (query->phrased ? 3 : 2) < query->n_words)
        continue;

      n_kind += candidate.n_matched > n_words;

      candidate.cost = tally->cost;
      for (candidate.tier = 0; !tally->mask[candidate.tier]; candidate.tier++)
        ;
      candidate.first = tally->first[candidate.tier];
      memcpy (candidate.mask, tally->mask, sizeof candidate.mask);
      g_array_append_val (candidates, candidate);
    }

  for (guint w = 0; w < query->n_words; w++)
    weights[w] = rarity (self->entries->len, holding[w]);

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      guint n_words = count_bits (any_tier (candidate->mask));

      /* Each word weighs by the tiers it is found in: "lumps" in the questions, keywords and
       * body of Symptoms outweighs "lumps" in one question of Causes */
      for (guint w = 0; w < query->n_words; w++)
        for (guint t = 0; t < CG_SEARCH_N_TIERS; t++)
          if (candidate->mask[t] & (1u << w))
            candidate->score += tier_weights[t] * weights[w];

      if (candidate->n_matched > n_words)
        candidate->score += KIND_WEIGHT * rarity (self->entries->len, n_kind);
    }

  keep_best (candidates, max_hits);

  return candidates;
}

static CgSearchHit *
hit_new (CgSearchIndex   *index,
         const Candidate *candidate,
         GArray          *terms)
{
  guint title_or_body = candidate->mask[CG_SEARCH_TIER_TITLE] | candidate->mask[CG_SEARCH_TIER_BODY];
  guint any = title_or_body | candidate->mask[CG_SEARCH_TIER_KEYWORD];

  return _cg_search_hit_new (g_array_index (index->entries, CgSearchEntry, candidate->entry).section,
                             candidate->tier, _cg_search_index_find_details, G_OBJECT (index),
                             terms, candidate->entry, title_or_body != any);
}

/**
 * cg_search_index_search:
 * @query: what was typed
 * @max_hits: how many hits to return at most, or 0 for all
 * @flags: CG_SEARCH_NO_CORRECTIONS to search for misspelt words as typed
 *
 * Finds the sections holding the words of @query, best first (see the top of
 * cg-search-index.h). A hit computes its offsets, snippet and matched keyword when first asked
 * for one of them; a small @max_hits also spares creating hits nobody will see.
 *
 * Returns: (transfer full): the hits, and the query as corrected if corrections found them
 */
CgSearchResults *
cg_search_index_search (CgSearchIndex *self,
                        const char    *query,
                        guint          max_hits,
                        CgSearchFlags  flags)
{
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *corrected_query = NULL;
  guint corrected_hits = 0;
  CgSearchQuery parsed;
  guint n_hits;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  hits = g_ptr_array_new_with_free_func (g_object_unref);

  _cg_search_query_parse (self, query, flags, &parsed);
  candidates = collect_candidates (self, &parsed, max_hits);

  n_hits = candidates->len;
  if (max_hits > 0)
    n_hits = MIN (n_hits, max_hits);

  for (guint i = 0; i < n_hits; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);

      g_ptr_array_add (hits, hit_new (self, candidate, parsed.terms));
      corrected_hits |= any_tier (candidate->mask) & parsed.corrected;
    }

  /* Only the corrections that found something are shown */
  parsed.corrected = corrected_hits;
  if (parsed.corrected != 0)
    corrected_query = _cg_search_query_dup_corrected (self, query, &parsed);

  g_array_unref (parsed.terms);

  return cg_search_results_new (query, hits, corrected_query);
}

/**
 * cg_search_index_query:
 * @query: what was typed
 * @max_hits: how many hits to return at most, or 0 for all
 *
 * cg_search_index_search() with misspellings corrected, for callers that need only the hits.
 *
 * Returns: (transfer full) (element-type CgSearchHit): the hits, possibly none
 */
GPtrArray *
cg_search_index_query (CgSearchIndex *self,
                       const char    *query,
                       guint          max_hits)
{
  g_autoptr(CgSearchResults) results = NULL;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  results = cg_search_index_search (self, query, max_hits, CG_SEARCH_DEFAULT);

  return g_ptr_array_ref (cg_search_results_get_hits (results));
}
