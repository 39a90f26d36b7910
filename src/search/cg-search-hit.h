/* cg-search-hit.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One section a query found (cg_search_index_query()): where the query words are in its title
 * and body, and a snippet of the body around its best passage. See cg-search-index.h.
 */

#pragma once

#include <glib-object.h>

#include "cg-types.h"

G_BEGIN_DECLS

typedef enum
{
  CG_SEARCH_TIER_TITLE,    /* at least one query word is in the section title */
  CG_SEARCH_TIER_QUESTION, /* not in the title, but in a question the section answers */
  CG_SEARCH_TIER_KEYWORD,  /* in neither, but at least one in a keyword */
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

#define CG_TYPE_SEARCH_HIT (cg_search_hit_get_type())

G_DECLARE_FINAL_TYPE (CgSearchHit, cg_search_hit, CG, SEARCH_HIT, GObject)

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
guint                cg_search_hit_get_best_match      (CgSearchHit   *self);

G_END_DECLS
