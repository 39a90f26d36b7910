/* cg-search-private.h: between the index and its hits, not for other callers
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-search-hit.h"
#include "cg-search-index.h"

G_BEGIN_DECLS

typedef struct
{
  char       *matched_keyword;    /* owned, nullable */
  GArray     *title_ranges;       /* owned, of CgSearchRange */
  GArray     *matches;            /* owned, of CgSearchMatch in reading order */
  const char *snippet_text;       /* borrowed from the section; NULL when the body is empty */
  guint       first_snippet_match;  /* matches[first_snippet_match] is the first in snippet_text */
  guint       n_snippet_matches;  /* how many matches from there are in snippet_text */
  guint       best_match;         /* where the best passage starts, in matches */
} CgSearchHitDetails;

CgSearchHit *_cg_search_hit_new            (CgSection          *section,
                                            CgSearchTier        tier,
                                            CgSearchIndex      *index,
                                            GArray             *query_words,
                                            guint               entry,
                                            gboolean            needs_keyword);
void         _cg_search_index_find_details (CgSearchIndex      *self,
                                            GArray             *query_words,
                                            guint               entry,
                                            gboolean            needs_keyword,
                                            CgSearchHitDetails *details);

G_END_DECLS
