/* cg-search-index.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Full-text search over the sections of one content language, without widgets.
 *
 * Matching: text and query are folded the same way (cg-search-fold.h) and split into words at
 * anything that is not a letter or digit. The last word of a query matches as a prefix of a
 * word ("calc" finds "calcium"), the others as whole words; a query that ends in a space or
 * punctuation has no prefix word: "calc " finds only "calc". Only the first
 * CG_SEARCH_MAX_QUERY_WORDS words of a query count. Besides itself, a query word matches:
 *  - in German content, its spellings without umlauts: "roentgen" finds "Röntgen" (ß is
 *    folded to ss everywhere, so "strasse" finds "Straße");
 *  - the words sharing its Snowball stem in the content's language (cg-search-stemmer.h):
 *    "treated" finds "treating", "operar" finds "operación";
 *  - if it matches nothing those ways and has 5 or more characters, the words within one edit
 *    of it (two from 8 characters), an edit being an insertion, deletion, substitution or
 *    swap of neighbours: "calcinossis" finds "calcinosis" (unless CG_SEARCH_NO_CORRECTIONS).
 *    The results then give the query as corrected.
 * Stop words of the content's language ("what", "is", "the"; "qué", "es"; …, see
 * cg-search-words.c) are left out of a query that has other words. A section must hold at
 * least half of the remaining words (in its title, questions, keywords or body), so one
 * unknown word in a question lowers the rank of the sections instead of emptying the list.
 *
 * Questions: the questions a section answers (<questions> in the bundle) are searched like
 * its keywords, and never highlighted or shown. The words of the whole query, stop words
 * included, may ask for a kind of section (cg-search-intents.h): "why…" for causes. A
 * section of that kind that holds a word of the query counts as holding one word more.
 *
 * Ranking: sections holding more of the query words (and the kind asked for) first; then
 * those whose words were found more as typed: a word found as typed costs nothing, through
 * its stem 1, through a correction 1 + its edits; then by a score where each word found
 * weighs by its best tier (title 4, question 3, keyword 3, body 1) times its rarity
 * (log (1 + sections / sections holding it)), and the kind asked for like a question; then
 * the earlier first match in the best tier (CgSearchTier), then section order.
 *
 * Keywords: one keyword may list alternatives separated by semicolons ("rayos x;
 * radiografía"); each is searched, and named when it matched, on its own.
 *
 * Offsets are byte offsets into the original (unfolded) strings of the CgSection, end
 * exclusive, always on character boundaries.
 *
 * Hits: cg_search_index_query() ranks the sections; a hit computes its snippet, offsets and
 * matched keyword the first time one of them is asked for (keeping the index alive until then),
 * so listing a few of many hits stays cheap. Pass max_hits to create only the hits shown.
 *
 * Threads: an index is immutable once built and may be queried from any thread; use each hit
 * from one thread at a time.
 *
 * The content view: cg_search_hit_get_title_ranges() gives the matches in the section title,
 * cg_search_hit_get_matches() every match in the body by block and list item, in reading
 * order: highlight them all, and scroll to cg_search_hit_get_best_match(), the start of the
 * passage where the most query words are closest together (the one the snippet shows).
 */

#pragma once

#include <glib-object.h>

#include "cg-search-hit.h"
#include "cg-search-results.h"
#include "cg-types.h"

G_BEGIN_DECLS

/* Words of a query past this many are ignored */
#define CG_SEARCH_MAX_QUERY_WORDS 32

typedef enum
{
  CG_SEARCH_DEFAULT        = 0,
  CG_SEARCH_NO_CORRECTIONS = 1 << 0,  /* misspelt words as typed: "Search for … instead" */
} CgSearchFlags;

#define CG_TYPE_SEARCH_INDEX (cg_search_index_get_type())

G_DECLARE_FINAL_TYPE (CgSearchIndex, cg_search_index, CG, SEARCH_INDEX, GObject)

CgSearchIndex *cg_search_index_new            (GPtrArray     *topics);
guint          cg_search_index_get_n_sections (CgSearchIndex *self);
CgSearchResults *cg_search_index_search       (CgSearchIndex *self,
                                               const char    *query,
                                               guint          max_hits,
                                               CgSearchFlags  flags);
GPtrArray     *cg_search_index_query          (CgSearchIndex *self,
                                               const char    *query,
                                               guint          max_hits);

G_END_DECLS
