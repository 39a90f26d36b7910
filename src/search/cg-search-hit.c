/* cg-search-hit.c: one section found by a query, with its matches and snippet
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-search-hit"

#include "config.h"

#include <string.h>

#include "cg-search-hit.h"
#include "cg-search-private.h"
#include "cg-section.h"

#define SNIPPET_CHARS 100  /* at most, between the ellipses */
#define SNIPPET_LEAD 30    /* characters of context kept before the first match */
#define ELLIPSIS "…"

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
  guint         best_match;      /* index in matches of the best passage's first match */

  /* Owned until the details above are computed, on first use */
  CgSearchHitDetailsFunc find_details;
  GObject       *finder;
  GArray        *words;          /* the index's query words, shared by the hits of a query */

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
  g_clear_object (&self->finder);
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

/* Cuts the snippet out of @text around @matches[@anchor] (@matches are those in this text,
 * in order). */
static void
make_snippet (CgSearchHit         *hit,
              const char          *text,
              const CgSearchMatch *matches,
              guint                n_matches,
              guint                anchor)
{
  gsize length = strlen (text);
  const char *text_end = text + length;
  const char *start = text;
  const char *end = text_end;
  GString *snippet;
  guint shift;

  if (has_more_chars_than (text, text_end, SNIPPET_CHARS))
    {
      const char *match = anchor < n_matches ? text + matches[anchor].start : text;
      const char *match_end = anchor < n_matches ? text + matches[anchor].end : text;

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

/**
 * _cg_search_hit_new:
 * @section: the section found
 * @find_details: asked for the details on first use
 * @finder: what found the hit (the index), given to @find_details
 * @query_words: the index's words of the query, shared by the hits of the query
 *
 * Returns: (transfer full): a hit whose details are computed when first asked for
 */
CgSearchHit *
_cg_search_hit_new (CgSection              *section,
                    CgSearchTier            tier,
                    CgSearchHitDetailsFunc  find_details,
                    GObject                *finder,
                    GArray                 *query_words,
                    guint                   entry,
                    gboolean                needs_keyword)
{
  CgSearchHit *self = g_object_new (CG_TYPE_SEARCH_HIT, NULL);

  self->section = g_object_ref (section);
  self->tier = tier;
  self->find_details = find_details;
  self->finder = g_object_ref (finder);
  self->words = g_array_ref (query_words);
  self->entry = entry;
  self->needs_keyword = needs_keyword;

  return self;
}

/* Finds every match in the section, its snippet and the keyword it needed. Done on first use:
 * a list of results shows few of its rows, and only one hit is opened. */
static void
hit_ensure_details (CgSearchHit *self)
{
  CgSearchHitDetails details;

  if (self->finder == NULL)
    return;

  self->find_details (self->finder, self->words, self->entry, self->needs_keyword, &details);
  self->matched_keyword = details.matched_keyword;
  self->title_ranges = details.title_ranges;
  self->matches = details.matches;
  self->best_match = details.best_match;
  self->snippet_ranges = g_array_new (FALSE, FALSE, sizeof (CgSearchRange));

  if (details.snippet_text != NULL)
    make_snippet (self, details.snippet_text,
                  &g_array_index (self->matches, CgSearchMatch, details.first_snippet_match),
                  details.n_snippet_matches,
                  details.best_match - details.first_snippet_match);
  else
    self->snippet = g_strdup ("");

  g_clear_object (&self->finder);
  g_clear_pointer (&self->words, g_array_unref);
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
 * Returns: plain text of at most about 100 characters around the best passage of the body
 *   (where the most query words are closest together), cut at word boundaries, with "…"
 *   where cut; the start of the body if no body text matched
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

/* Returns: (array length=n_matches): every match in the body, in reading order, to highlight;
 *   cg_search_hit_get_best_match() says where to scroll */
const CgSearchMatch *
cg_search_hit_get_matches (CgSearchHit *self,
                           guint       *n_matches)
{
  g_return_val_if_fail (CG_IS_SEARCH_HIT (self), NULL);

  hit_ensure_details (self);

  return get_elements (self->matches, n_matches);
}

/**
 * cg_search_hit_get_best_match:
 *
 * Returns: the index in cg_search_hit_get_matches() of the first match of the best passage,
 *   the one the snippet shows: where to scroll (0 when there are no matches in the body)
 */
guint
cg_search_hit_get_best_match (CgSearchHit *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_HIT (self), 0);

  hit_ensure_details (self);

  return self->best_match;
}
