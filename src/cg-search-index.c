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

#include "cg-search-index.h"
#include "cg-section.h"
#include "cg-topic.h"

#define N_TIERS 3
#define SNIPPET_CHARS 100  /* at most, between the ellipses */
#define SNIPPET_LEAD 30    /* characters of context kept before the first match */
#define ELLIPSIS "…"

/* Folding */

typedef struct
{
  guint folded_start;
  guint folded_end;
  guint start;         /* byte span in the original text */
  guint end;
} Word;

typedef struct
{
  GString  *out;       /* words separated by one space */
  GArray   *offsets;   /* nullable: of guint, one per byte of out */
  GArray   *words;     /* nullable: of Word */
  guint     base;      /* added to original offsets */
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
      Word word = { f->word_start, f->out->len, f->start, f->end };

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
      guint start = f->base + (p - text);
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
          fold_char (f, ch, start, f->base + (p - text), FALSE);
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

/* The original end of the first @folded_length bytes of the word at [start, end) of @text,
 * rounded out to a whole character when the cut falls inside one ("stra" of "straße" can end
 * inside the "ss" of ß). */
static guint
map_prefix_end (const char *text,
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
  Folder f = { builder->folded, NULL, builder->words };
  Field field = { text, self->entries->len, tier, index, item, self->tokens->len, 0 };
  guint field_id = self->fields->len;

  g_string_truncate (builder->folded, 0);
  g_array_set_size (builder->words, 0);
  fold_run (&f, text, strlen (text));

  for (guint i = 0; i < builder->words->len; i++)
    {
      const Word *word = &g_array_index (builder->words, Word, i);
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
  words = g_array_new (FALSE, FALSE, sizeof (Word));
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
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (Word));
  g_autoptr(GString) folded = g_string_new (NULL);
  Folder f = { folded, NULL, words };
  gsize length = strlen (query);
  guint n;

  fold_run (&f, query, length);
  n = MIN (words->len, CG_SEARCH_MAX_QUERY_WORDS);

  for (guint i = 0; i < n; i++)
    {
      const Word *word = &g_array_index (words, Word, i);
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
  guint all = (n_words == 32) ? G_MAXUINT : (1u << n_words) - 1;
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

/* Hits */

struct _CgSearchHit
{
  GObject       parent_instance;

  /* Owned */
  CgSection    *section;
  char         *matched_keyword;
  char         *snippet;
  GArray       *snippet_ranges;  /* of CgSearchRange */
  GArray       *title_ranges;    /* of CgSearchRange */
  GArray       *matches;         /* of CgSearchMatch, in reading order */

  /* Owned until the details above are computed, on first use */
  CgSearchIndex *index;
  GArray        *words;          /* of QueryWord, shared by the hits of a query */

  guint         entry;
  CgSearchTier  tier;
  gboolean      needs_keyword;   /* title and body alone do not hold every word */
};

G_DEFINE_FINAL_TYPE (CgSearchHit, cg_search_hit, G_TYPE_OBJECT)

static void
cg_search_hit_finalize (GObject *object)
{
  CgSearchHit *self = (CgSearchHit *)object;

  g_clear_object (&self->section);
  g_clear_pointer (&self->matched_keyword, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->snippet_ranges, g_array_unref);
  g_clear_pointer (&self->title_ranges, g_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_object (&self->index);
  g_clear_pointer (&self->words, g_array_unref);

  G_OBJECT_CLASS (cg_search_hit_parent_class)->finalize (object);
}

static void
cg_search_hit_class_init (CgSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_search_hit_finalize;
}

static void
cg_search_hit_init (CgSearchHit *self)
{
}

/* Whether [text, text_end) holds more than @n characters, without counting them all */
static gboolean
has_more_chars_than (const char *text,
                     const char *text_end,
                     guint       n)
{
  const char *p = text;

  if ((gsize)(text_end - text) <= n)
    return FALSE;

  for (guint i = 0; i < n && p < text_end; i++)
    p = g_utf8_next_char (p);

  return p < text_end;
}

/* Where the snippet of @text starts, at a word boundary about SNIPPET_LEAD characters before
 * @match_start, and early enough to fill SNIPPET_CHARS when the match is near the end. */
static const char *
find_snippet_start (const char *text,
                    const char *text_end,
                    const char *match)
{
  const char *p = match;
  const char *space;
  const char *q;
  guint room = 0;

  for (guint i = 0; i < SNIPPET_LEAD && p > text; i++)
    p = g_utf8_prev_char (p);

  /* Near the end, start earlier so that the snippet still shows SNIPPET_CHARS */
  for (q = p; room < SNIPPET_CHARS && q < text_end; room++)
    q = g_utf8_next_char (q);
  for (; room < SNIPPET_CHARS && p > text; room++)
    p = g_utf8_prev_char (p);

  if (p == text || p[-1] == ' ')
    return p;

  /* Skip the partial word, unless it is the match itself */
  if ((space = memchr (p, ' ', match - p)))
    return space + 1;

  while (p > text && p[-1] != ' ')
    p--;

  return p;
}

/* Where the snippet starting at @start ends: at most SNIPPET_CHARS characters, at a word
 * boundary, and never before the end of the first match. */
static const char *
find_snippet_end (const char *start,
                  const char *text_end,
                  const char *match_end)
{
  const char *p = start;

  for (guint i = 0; i < SNIPPET_CHARS && p < text_end; i++)
    p = g_utf8_next_char (p);

  if (p < text_end && *p != ' ')
    {
      const char *word_start = p;

      while (word_start > start && word_start[-1] != ' ')
        word_start--;

      if (word_start > match_end)
        p = word_start;
      else
        {
          /* A word longer than the window: keep it whole */
          while (p < text_end && *p != ' ')
            p++;
        }
    }

  while (p > start && p[-1] == ' ')
    p--;

  return MAX (p, match_end);
}

/* Cuts the snippet out of @text around @matches (those in this text, in order). */
static void
make_snippet (CgSearchHit         *hit,
              const char          *text,
              const CgSearchMatch *matches,
              guint                n_matches)
{
  gsize length = strlen (text);
  const char *text_end = text + length;
  const char *start = text;
  const char *end = text_end;
  GString *snippet;
  guint shift;

  if (has_more_chars_than (text, text_end, SNIPPET_CHARS))
    {
      const char *match = n_matches > 0 ? text + matches[0].start : text;
      const char *match_end = n_matches > 0 ? text + matches[0].end : text;

      start = find_snippet_start (text, text_end, match);
      end = find_snippet_end (start, text_end, match_end);
    }

  snippet = g_string_sized_new (end - start + 2 * strlen (ELLIPSIS));
  if (start > text)
    g_string_append (snippet, ELLIPSIS);
  shift = snippet->len;
  g_string_append_len (snippet, start, end - start);
  if (end < text_end)
    g_string_append (snippet, ELLIPSIS);

  for (guint i = 0; i < n_matches; i++)
    {
      CgSearchRange range = { matches[i].start, matches[i].end };

      if (text + range.start < start || text + range.end > end)
        continue;

      range.start = range.start - (start - text) + shift;
      range.end = range.end - (start - text) + shift;
      g_array_append_val (hit->snippet_ranges, range);
    }

  hit->snippet = g_string_free (snippet, FALSE);
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
    range.end = map_prefix_end (field->text, token->start, token->end, longest);

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
  guint all = (words->len == 32) ? G_MAXUINT : (1u << words->len) - 1;
  CgSearchHit *hit = g_object_new (CG_TYPE_SEARCH_HIT, NULL);

  hit->section = g_object_ref (g_array_index (index->entries, Entry, candidate->entry).section);
  hit->index = g_object_ref (index);
  hit->words = g_array_ref (words);
  hit->entry = candidate->entry;
  hit->tier = candidate->tier;
  hit->needs_keyword = (candidate->mask[CG_SEARCH_TIER_TITLE] |
                        candidate->mask[CG_SEARCH_TIER_BODY]) != all;

  return hit;
}

/* Finds every match in the section of @hit, its snippet and the keyword it needed. Done on
 * first use: a list of results shows few of its rows, and only one hit is opened. */
static void
hit_ensure_details (CgSearchHit *hit)
{
  CgSearchIndex *self = hit->index;
  const QueryWord *words;
  guint n_words;
  const Entry *entry;
  const Token *tokens;
  const Field *first_body = NULL;
  const Field *first_match = NULL;   /* the body field of the first match */
  const Field *keyword_field = NULL;
  guint keyword_words = 0;

  if (self == NULL)
    return;

  words = (const QueryWord *)(gconstpointer)hit->words->data;
  n_words = hit->words->len;
  entry = &g_array_index (self->entries, Entry, hit->entry);
  tokens = (const Token *)(gconstpointer)self->tokens->data;
  hit->snippet_ranges = g_array_new (FALSE, FALSE, sizeof (CgSearchRange));
  hit->title_ranges = g_array_new (FALSE, FALSE, sizeof (CgSearchRange));
  hit->matches = g_array_new (FALSE, FALSE, sizeof (CgSearchMatch));

  for (guint i = entry->first_field; i < entry->end_field; i++)
    {
      const Field *field = &g_array_index (self->fields, Field, i);
      guint field_mask = 0;

      if (field->tier == CG_SEARCH_TIER_KEYWORD && !hit->needs_keyword)
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
            g_array_append_val (hit->title_ranges, range);
          else
            {
              CgSearchMatch match = { field->index, field->item, range.start, range.end };

              if (first_match == NULL)
                first_match = field;
              g_array_append_val (hit->matches, match);
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
    hit->matched_keyword = g_strdup (keyword_field->text);

  if (first_match != NULL)
    {
      const CgSearchMatch *matches = (const CgSearchMatch *)(gconstpointer)hit->matches->data;
      guint n_in_text = 1;

      /* The snippet shows the text of the first match, and the matches that follow in it */
      while (n_in_text < hit->matches->len &&
             matches[n_in_text].block == matches[0].block &&
             matches[n_in_text].item == matches[0].item)
        n_in_text++;

      make_snippet (hit, first_match->text, matches, n_in_text);
    }
  else if (first_body != NULL)
    make_snippet (hit, first_body->text, NULL, 0);   /* a title or keyword hit: the start */
  else
    hit->snippet = g_strdup ("");

  g_clear_object (&hit->index);
  g_clear_pointer (&hit->words, g_array_unref);
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

/* Returns: (transfer none): the section found */
CgSection *
cg_search_hit_get_section (CgSearchHit *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_HIT (self), NULL);

  return self->section;
}

CgSearchTier
cg_search_hit_get_tier (CgSearchHit *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_HIT (self), CG_SEARCH_TIER_BODY);

  return self->tier;
}

/**
 * cg_search_hit_get_matched_keyword:
 *
 * Returns: (nullable): the keyword that matched, if the title and body alone do not hold every
 *   word of the query; for the UI's "matched: …"
 */
const char *
cg_search_hit_get_matched_keyword (CgSearchHit *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_HIT (self), NULL);

  hit_ensure_details (self);

  return self->matched_keyword;
}

/**
 * cg_search_hit_get_snippet:
 *
 * Returns: plain text of at most about 100 characters around the first match in the body, cut
 *   at word boundaries, with "…" where cut; the start of the body if no body text matched
 */
const char *
cg_search_hit_get_snippet (CgSearchHit *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_HIT (self), NULL);

  hit_ensure_details (self);

  return self->snippet;
}

static gconstpointer
get_elements (GArray *array,
              guint  *n_elements)
{
  if (n_elements != NULL)
    *n_elements = array->len;

  return array->data;
}

/* Returns: (array length=n_ranges): byte ranges of the matches within the snippet */
const CgSearchRange *
cg_search_hit_get_snippet_ranges (CgSearchHit *self,
                                  guint       *n_ranges)
{
  g_return_val_if_fail (CG_IS_SEARCH_HIT (self), NULL);

  hit_ensure_details (self);

  return get_elements (self->snippet_ranges, n_ranges);
}

/* Returns: (array length=n_ranges): byte ranges of the matches within the section title */
const CgSearchRange *
cg_search_hit_get_title_ranges (CgSearchHit *self,
                                guint       *n_ranges)
{
  g_return_val_if_fail (CG_IS_SEARCH_HIT (self), NULL);

  hit_ensure_details (self);

  return get_elements (self->title_ranges, n_ranges);
}

/* Returns: (array length=n_matches): every match in the body, in reading order; the first is
 *   where to scroll */
const CgSearchMatch *
cg_search_hit_get_matches (CgSearchHit *self,
                           guint       *n_matches)
{
  g_return_val_if_fail (CG_IS_SEARCH_HIT (self), NULL);

  hit_ensure_details (self);

  return get_elements (self->matches, n_matches);
}
