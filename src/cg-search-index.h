/* cg-search-index.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Full-text search over the sections of one content language, without widgets.
 *
 * Matching: text and query are folded the same way (cg-search-fold.h) and split into words at
 * anything that is not a letter or digit. Every word of the query must
 * occur in the section (its title, keywords or body); the last word matches as a prefix of a
 * word ("calc" finds "calcium"), the others as whole words. A query that ends in a space or
 * punctuation has no prefix word: "calc " finds only "calc". Only the first
 * CG_SEARCH_MAX_QUERY_WORDS words of a query count.
 *
 * Ranking: hits whose title matches come first, then those matched through a keyword, then
 * body-only ones (CgSearchTier). Within a tier, more distinct query words found in that tier
 * first, then the earlier first match in that tier, then section order.
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
 * order: highlight them all and scroll to the first.
 */

#pragma once

#include <glib-object.h>

#include "cg-search-hit.h"
#include "cg-types.h"

G_BEGIN_DECLS

/* Words of a query past this many are ignored */
#define CG_SEARCH_MAX_QUERY_WORDS 32

#define CG_TYPE_SEARCH_INDEX (cg_search_index_get_type())

G_DECLARE_FINAL_TYPE (CgSearchIndex, cg_search_index, CG, SEARCH_INDEX, GObject)

CgSearchIndex *cg_search_index_new            (GPtrArray     *topics);
guint          cg_search_index_get_n_sections (CgSearchIndex *self);
GPtrArray     *cg_search_index_query          (CgSearchIndex *self,
                                               const char    *query,
                                               guint          max_hits);

G_END_DECLS
