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

#include "cg-bundle.h"
#include "cg-search-fold.h"
#include "cg-search-index.h"
#include "cg-search-private.h"
#include "cg-search-results.h"
#include "cg-search-words.h"
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

/* A token's field is the one whose [first_token, end_token) holds it: tokens are in field
 * order, so it need not be stored (a quarter of the index's largest array) */
typedef struct
{
  guint term;
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
  Token        *tokens;          /* in field order, n_tokens */
  guint         n_tokens;
  GStringChunk *term_chunk;
  const char  **terms;           /* sorted; a term's id is its position */
  guint8       *term_chars;      /* characters in each term, at most 255 */
  guint32      *term_letters;    /* which characters each term has, see letter_mask() */
  guint         n_terms;
  char         *language;        /* of the content, for its stop words; nullable */
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
  g_clear_pointer (&self->tokens, g_free);
  g_clear_pointer (&self->term_chunk, g_string_chunk_free);
  g_clear_pointer (&self->terms, g_free);
  g_clear_pointer (&self->term_chars, g_free);
  g_clear_pointer (&self->term_letters, g_free);
  g_clear_pointer (&self->language, g_free);
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
  self->term_chunk = g_string_chunk_new (64 * 1024);
}

/* State of one build */
typedef struct
{
  GHashTable *term_ids;     /* folded word → provisional id + 1 */
  GPtrArray  *term_names;   /* by provisional id, in term_chunk */
  GString    *folded;
  GArray     *words;
  GArray     *tokens;       /* of Token, until the index takes them */
} Builder;

static void
add_field (CgSearchIndex *self,
           Builder       *builder,
           CgSearchTier   tier,
           guint          index,
           guint          item,
           const char    *text)
{
  Field field = { text, self->entries->len, tier, index, item, builder->tokens->len, 0 };

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

static void
add_section (CgSearchIndex *self,
             Builder       *builder,
             CgSection     *section)
{
  const char * const *keywords = cg_section_get_keywords (section);
  Entry entry = { section, self->fields->len, 0, { 0 } };

  /* Fields go in tier order, so positions within a tier are counted from its first token. */
  entry.first_token[CG_SEARCH_TIER_TITLE] = builder->tokens->len;
  add_field (self, builder, CG_SEARCH_TIER_TITLE, 0, 0, cg_section_get_title (section));

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

/* A bit for each of a–z, digits and other characters sharing the rest: an edit changes at most
 * two bits, so a word whose mask differs from a query word's in more than 2 × the edits
 * allowed is no correction of it, without comparing the two. */
static guint32
letter_mask (const char *word)
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
  Token *tokens = (Token *)(gpointer)builder->tokens->data;
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
      self->term_letters[i] = letter_mask (self->terms[i]);
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
  for (guint f = 0; f < self->fields->len; f++)
    {
      const Field *field = &g_array_index (self->fields, Field, f);
      const Entry *entry = &g_array_index (self->entries, Entry, field->entry);

      for (guint i = field->first_token; i < field->end_token; i++)
        {
          Posting *posting = &self->postings[cursor[tokens[i].term]++];

          posting->entry = field->entry;
          posting->tier_position = field->tier << POSITION_BITS |
                                   (i - entry->first_token[field->tier]);
        }
    }

  /* The array grew by doubling: the index keeps only what it holds */
  self->n_tokens = n_tokens;
  self->tokens = g_realloc (g_array_steal (builder->tokens, NULL), MAX (n_tokens, 1) * sizeof (Token));
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
  g_autoptr(GArray) tokens = NULL;
  Builder builder;

  g_return_val_if_fail (topics != NULL, NULL);

  self = g_object_new (CG_TYPE_SEARCH_INDEX, NULL);
  term_ids = g_hash_table_new (g_str_hash, g_str_equal);
  term_names = g_ptr_array_new ();
  folded = g_string_sized_new (1024);
  words = g_array_new (FALSE, FALSE, sizeof (CgSearchFoldWord));
  tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  builder = (Builder) { term_ids, term_names, folded, words, tokens };

  for (guint i = 0; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);

      g_return_val_if_fail (CG_IS_TOPIC (topic), NULL);

      g_ptr_array_add (self->topics, g_object_ref (topic));
      if (self->language == NULL && cg_topic_get_bundle (topic) != NULL)
        self->language = g_strdup (cg_bundle_get_language (cg_topic_get_bundle (topic)));
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

#define WHOLE_WORD G_MAXUINT

/* The term ids [lo, hi) that one query word matches in one way. A word has one for the word as
 * typed (a whole word, or the prefix being typed), one per German respelling, and one per
 * correction of a misspelling, in that order, so its closest match comes first. The GArray of
 * them is what the hits of a query share. */
typedef struct
{
  guint lo;
  guint hi;
  guint word;       /* the query word's bit */
  guint distance;   /* edits from the word as typed: 0 unless a correction */
  guint length;     /* folded bytes matched in a prefix match, or WHOLE_WORD */
} QueryTerm;

typedef struct
{
  GArray *terms;                               /* of QueryTerm */
  guint   n_words;                             /* the words that count: not stop words */
  guint   corrected;                           /* mask: words found only through corrections */
  guint   correction[CG_SEARCH_MAX_QUERY_WORDS];  /* the closest correction's term id */
  guint   start[CG_SEARCH_MAX_QUERY_WORDS];    /* each word's byte span in the query */
  guint   end[CG_SEARCH_MAX_QUERY_WORDS];
} Query;

/* What the postings say about one section */
typedef struct
{
  guint mask[N_TIERS];    /* query words found in each tier */
  guint first[N_TIERS];   /* position of the first match in each tier, plus one; 0 if none */
  guint cost;             /* edits of the corrections it took, the closest for each word */
} Tally;

typedef struct
{
  guint        entry;
  guint        n_matched;  /* distinct query words found anywhere */
  guint        cost;
  CgSearchTier tier;
  guint        n_words;    /* distinct query words found in that tier */
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

/* Adds the terms that @name matches as a whole word, or with @prefix, as a prefix. */
static void
add_lookup (CgSearchIndex *self,
            GArray        *terms,
            guint          word,
            const char    *name,
            gboolean       prefix)
{
  guint length = strlen (name);
  QueryTerm term = { 0, 0, word, 0, prefix ? length : WHOLE_WORD };

  term.lo = search_terms (self, name, length, FALSE);
  if (prefix)
    term.hi = search_terms (self, name, length, TRUE);
  else
    term.hi = (term.lo < self->n_terms && strcmp (self->terms[term.lo], name) == 0) ? term.lo + 1 : term.lo;

  if (term.lo < term.hi)
    g_array_append_val (terms, term);
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
  guint32 letters = letter_mask (name);
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
      QueryTerm term = { correction->term, correction->term + 1, word, correction->distance, WHOLE_WORD };
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

/* Folds @query into words and finds the terms each one matches (see the top of
 * cg-search-index.h). */
static void
parse_query (CgSearchIndex *self,
             const char    *text,
             CgSearchFlags  flags,
             Query         *query)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (CgSearchFoldWord));
  g_autoptr(GString) folded = g_string_new (NULL);
  gsize length = strlen (text);
  gboolean stop[CG_SEARCH_MAX_QUERY_WORDS];
  gboolean only_stop_words = TRUE;
  guint n;

  query->terms = g_array_new (FALSE, FALSE, sizeof (QueryTerm));
  query->n_words = 0;
  query->corrected = 0;

  cg_search_fold_words (text, length, folded, words);
  n = MIN (words->len, CG_SEARCH_MAX_QUERY_WORDS);

  for (guint i = 0; i < n; i++)
    {
      const CgSearchFoldWord *word = &g_array_index (words, CgSearchFoldWord, i);

      /* Cut the words out in place: each ends at a space or at the end */
      folded->str[word->folded_end] = '\0';
      stop[i] = cg_search_is_stop_word (self->language, folded->str + word->folded_start);
      only_stop_words &= stop[i];
    }

  for (guint i = 0; i < n; i++)
    {
      const CgSearchFoldWord *word = &g_array_index (words, CgSearchFoldWord, i);
      const char *name = folded->str + word->folded_start;
      guint bit = query->n_words;
      guint n_terms = query->terms->len;
      /* The word being typed is a prefix, unless a space or punctuation closed it. */
      gboolean prefix = (i + 1 == words->len && word->end == length);

      /* "what is calcinosis" is "calcinosis"; "what is" alone is still searched for */
      if (stop[i] && !only_stop_words)
        continue;

      query->start[bit] = word->start;
      query->end[bit] = word->end;
      query->n_words++;

      add_lookup (self, query->terms, bit, name, prefix);

      if (self->language != NULL && g_str_has_prefix (self->language, "de"))
        {
          char *respellings[CG_SEARCH_MAX_RESPELLINGS];
          guint n_respellings = cg_search_respell_german (name, respellings);

          for (guint r = 0; r < n_respellings; r++)
            {
              add_lookup (self, query->terms, bit, respellings[r], prefix);
              g_free (respellings[r]);
            }
        }

      if (query->terms->len == n_terms && !(flags & CG_SEARCH_NO_CORRECTIONS))
        {
          query->correction[bit] = add_corrections (self, query->terms, bit, name);
          if (query->correction[bit] != G_MAXUINT)
            query->corrected |= 1u << bit;
        }
    }
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

  if (ca->n_matched != cb->n_matched)
    return ca->n_matched > cb->n_matched ? -1 : 1;
  if (ca->cost != cb->cost)
    return ca->cost < cb->cost ? -1 : 1;
  if (ca->tier != cb->tier)
    return ca->tier < cb->tier ? -1 : 1;
  if (ca->n_words != cb->n_words)
    return ca->n_words > cb->n_words ? -1 : 1;
  if (ca->first != cb->first)
    return ca->first < cb->first ? -1 : 1;
  return ca->entry < cb->entry ? -1 : (ca->entry > cb->entry);
}

/* Walks the postings of every query term once: which sections hold which words, where, and
 * through which corrections. */
static GArray *
collect_candidates (CgSearchIndex *self,
                    const Query   *query)
{
  g_autofree Tally *tallies = g_new0 (Tally, self->entries->len);
  const QueryTerm *terms = (const QueryTerm *)(gconstpointer)query->terms->data;
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  if (query->terms->len == 0)
    return candidates;

  for (guint i = 0; i < query->terms->len; i++)
    {
      guint bit = 1u << terms[i].word;
      guint from = self->posting_starts[terms[i].lo];
      guint to = self->posting_starts[terms[i].hi];

      for (guint p = from; p < to; p++)
        {
          const Posting *posting = &self->postings[p];
          Tally *tally = &tallies[posting->entry];
          guint tier = posting->tier_position >> POSITION_BITS;
          guint position = (posting->tier_position & ((1u << POSITION_BITS) - 1)) + 1;

          /* A word's terms come closest first: the first to reach a section says its cost */
          if (!((tally->mask[0] | tally->mask[1] | tally->mask[2]) & bit))
            tally->cost += terms[i].distance;

          tally->mask[tier] |= bit;
          if (tally->first[tier] == 0 || position < tally->first[tier])
            tally->first[tier] = position;
        }
    }

  for (guint e = 0; e < self->entries->len; e++)
    {
      const Tally *tally = &tallies[e];
      Candidate candidate = { e };
      guint any = tally->mask[0] | tally->mask[1] | tally->mask[2];

      /* Words that match nothing lower the rank, until fewer than half of them match */
      candidate.n_matched = count_bits (any);
      if (candidate.n_matched == 0 || candidate.n_matched * 2 < query->n_words)
        continue;

      candidate.cost = tally->cost;
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

/* Which query words match @term (a mask), and in @length, how many folded bytes of it the
 * longest prefix match covers (WHOLE_WORD for a whole word). */
static guint
match_term (const QueryTerm *terms,
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
             const Field   *field,
             const Token   *token,
             guint          length)
{
  CgSearchRange range = { token->start, token->end };

  if (length != WHOLE_WORD && length < strlen (self->terms[token->term]))
    range.end = cg_search_fold_map_prefix_end (field->text, token->start, token->end, length);

  return range;
}

static void find_hit_details (GObject            *finder,
                              GArray             *query_words,
                              guint               entry_index,
                              gboolean            needs_keyword,
                              CgSearchHitDetails *details);

static CgSearchHit *
hit_new (CgSearchIndex   *index,
         const Candidate *candidate,
         GArray          *terms)
{
  guint title_or_body = candidate->mask[CG_SEARCH_TIER_TITLE] | candidate->mask[CG_SEARCH_TIER_BODY];
  guint any = title_or_body | candidate->mask[CG_SEARCH_TIER_KEYWORD];

  return _cg_search_hit_new (g_array_index (index->entries, Entry, candidate->entry).section,
                             candidate->tier, find_hit_details, G_OBJECT (index), terms,
                             candidate->entry,
                             title_or_body != any);
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

/**
 * find_hit_details: (a #CgSearchHitDetailsFunc)
 * @query_words: the terms of the query that made the hit
 * @entry: the hit's section, by position in the index
 * @needs_keyword: whether title and body alone do not hold every query word the hit matched
 * @details: (out caller-allocates): every match in the section and the text for its snippet
 *
 * What a hit computes on first use: a list of results shows few of its rows, and only one
 * hit is opened.
 */
static void
find_hit_details (GObject            *finder,
                  GArray             *query_words,
                  guint               entry_index,
                  gboolean            needs_keyword,
                  CgSearchHitDetails *details)
{
  CgSearchIndex *self = CG_SEARCH_INDEX (finder);
  const QueryTerm *terms = (const QueryTerm *)(gconstpointer)query_words->data;
  guint n_terms = query_words->len;
  const Entry *entry = &g_array_index (self->entries, Entry, entry_index);
  const Token *tokens = self->tokens;
  const Field *first_body = NULL;
  const Field *best_field = NULL;    /* the body field of the best passage */
  const Field *keyword_field = NULL;
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
      const Field *field = &g_array_index (self->fields, Field, i);
      guint field_mask = 0;
      guint first_match = details->matches->len;

      if (field->tier == CG_SEARCH_TIER_KEYWORD && !needs_keyword)
        continue;

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

/* The word as the text spells it, in lower case: "resolución" rather than the folded
 * "resolucion", for "Showing results for …" */
static char *
dup_term_spelling (CgSearchIndex *self,
                   guint          term)
{
  const Posting *posting = &self->postings[self->posting_starts[term]];
  const Entry *entry = &g_array_index (self->entries, Entry, posting->entry);
  guint tier = posting->tier_position >> POSITION_BITS;
  guint position = posting->tier_position & ((1u << POSITION_BITS) - 1);
  guint token_index = entry->first_token[tier] + position;
  const Token *token = &self->tokens[token_index];
  const Field *field = NULL;

  for (guint f = entry->first_field; f < entry->end_field; f++)
    {
      field = &g_array_index (self->fields, Field, f);
      if (token_index >= field->first_token && token_index < field->end_token)
        break;
    }

  return g_utf8_strdown (field->text + token->start, token->end - token->start);
}

/* @text with each corrected word replaced by its closest correction */
static char *
dup_corrected_query (CgSearchIndex *self,
                     const char    *text,
                     const Query   *query)
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
  Query parsed;
  guint n_hits;

  g_return_val_if_fail (CG_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  hits = g_ptr_array_new_with_free_func (g_object_unref);

  parse_query (self, query, flags, &parsed);
  candidates = collect_candidates (self, &parsed);

  n_hits = candidates->len;
  if (max_hits > 0)
    n_hits = MIN (n_hits, max_hits);

  for (guint i = 0; i < n_hits; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);

      g_ptr_array_add (hits, hit_new (self, candidate, parsed.terms));
      corrected_hits |= (candidate->mask[0] | candidate->mask[1] | candidate->mask[2]) & parsed.corrected;
    }

  /* Only the corrections that found something are shown */
  parsed.corrected = corrected_hits;
  if (parsed.corrected != 0)
    corrected_query = dup_corrected_query (self, query, &parsed);

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
