/* cg-search-index.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Full-text search over the sections of one content language, without widgets.
 *
 * Matching: text and query are folded the same way (case folding, compatibility decomposition,
 * combining marks dropped, so "Résolución" = "resolucion", "Straße" = "strasse", "ﬁ" = "fi")
 * and split into words at anything that is not a letter or digit. Every word of the query must
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

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_SEARCH_MAX_QUERY_WORDS 32

typedef enum
{
  CG_SEARCH_TIER_TITLE,    /* at least one query word is in the section title */
  CG_SEARCH_TIER_KEYWORD,  /* not in the title, but at least one in a keyword */
  CG_SEARCH_TIER_BODY,     /* in the body text only */
} CgSearchTier;

/* A match in a title, snippet, paragraph or list item. */
typedef struct
{
  guint start;
  guint end;
} CgSearchRange;

/* A match in a section's body: the text is cg_section_get_block (section, block)->text for a
 * paragraph, or ->items[item] for a list. */
typedef struct
{
  guint block;
  guint item;   /* 0 for a paragraph */
  guint start;
  guint end;
} CgSearchMatch;

#define CG_TYPE_SEARCH_INDEX (cg_search_index_get_type())
#define CG_TYPE_SEARCH_HIT   (cg_search_hit_get_type())

G_DECLARE_FINAL_TYPE (CgSearchIndex, cg_search_index, CG, SEARCH_INDEX, GObject)
G_DECLARE_FINAL_TYPE (CgSearchHit, cg_search_hit, CG, SEARCH_HIT, GObject)

CgSearchIndex       *cg_search_index_new               (GPtrArray     *topics);
guint                cg_search_index_get_n_sections    (CgSearchIndex *self);
GPtrArray           *cg_search_index_query             (CgSearchIndex *self,
                                                        const char    *query,
                                                        guint          max_hits);

CgSection           *cg_search_hit_get_section         (CgSearchHit   *self);
CgSearchTier         cg_search_hit_get_tier            (CgSearchHit   *self);
const char          *cg_search_hit_get_matched_keyword (CgSearchHit   *self);
const char          *cg_search_hit_get_snippet         (CgSearchHit   *self);
const CgSearchRange *cg_search_hit_get_snippet_ranges  (CgSearchHit   *self,
                                                        guint         *n_ranges);
const CgSearchRange *cg_search_hit_get_title_ranges    (CgSearchHit   *self,
                                                        guint         *n_ranges);
const CgSearchMatch *cg_search_hit_get_matches         (CgSearchHit   *self,
                                                        guint         *n_matches);

char                *cg_search_fold                    (const char    *text,
                                                        gssize         length,
                                                        GArray       **offsets);

G_END_DECLS
