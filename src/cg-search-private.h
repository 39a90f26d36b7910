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
  guint       n_snippet_matches;  /* how many of the first matches are in snippet_text */
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
