/* cg-search-private.h: how the index makes its hits, not for other callers
 *
 * A hit asks whoever found it for its details through a function, so the hit knows nothing of
 * the index (no include circle between the two).
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-search-hit.h"

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

/* Fills @details for the section at @entry of @finder's query @query_words */
typedef void (*CgSearchHitDetailsFunc) (GObject            *finder,
                                        GArray             *query_words,
                                        guint               entry,
                                        gboolean            needs_keyword,
                                        CgSearchHitDetails *details);

CgSearchHit *_cg_search_hit_new (CgSection              *section,
                                 CgSearchTier            tier,
                                 CgSearchHitDetailsFunc  find_details,
                                 GObject                *finder,
                                 GArray                 *query_words,
                                 guint                   entry,
                                 gboolean                needs_keyword);

G_END_DECLS
