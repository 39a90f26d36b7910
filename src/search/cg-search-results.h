/* cg-search-results.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What one search found (cg_search_index_search()): the hits, best first, and when misspelt
 * words were corrected to find them, the query as corrected, for "Showing results for …".
 */

#pragma once

#include <glib-object.h>

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_SEARCH_RESULTS (cg_search_results_get_type())

G_DECLARE_FINAL_TYPE (CgSearchResults, cg_search_results, CG, SEARCH_RESULTS, GObject)

CgSearchResults *cg_search_results_new                 (const char      *query,
                                                        GPtrArray       *hits,
                                                        const char      *corrected_query);
const char      *cg_search_results_get_query           (CgSearchResults *self);
GPtrArray       *cg_search_results_get_hits            (CgSearchResults *self);
const char      *cg_search_results_get_corrected_query (CgSearchResults *self);

G_END_DECLS
