/* cg-search-results.c: the hits of one search and the correction that found them
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-search-results"

#include "config.h"

#include "cg-search-results.h"

struct _CgSearchResults
{
  GObject    parent_instance;

  /* Owned */
  char      *query;
  GPtrArray *hits;             /* of CgSearchHit */
  char      *corrected_query;  /* nullable */
};

G_DEFINE_FINAL_TYPE (CgSearchResults, cg_search_results, G_TYPE_OBJECT)

static void
cg_search_results_finalize (GObject *object)
{
  CgSearchResults *self = (CgSearchResults *)object;

  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->corrected_query, g_free);

  G_OBJECT_CLASS (cg_search_results_parent_class)->finalize (object);
}

static void
cg_search_results_class_init (CgSearchResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_search_results_finalize;
}

static void
cg_search_results_init (CgSearchResults *self)
{
}

/**
 * cg_search_results_new:
 * @query: what was typed
 * @hits: (element-type CgSearchHit): the hits, best first (a reference is taken)
 * @corrected_query: (nullable): @query with its misspelt words corrected, if the hits needed
 *   corrections
 *
 * Returns: (transfer full): the results
 */
CgSearchResults *
cg_search_results_new (const char *query,
                       GPtrArray  *hits,
                       const char *corrected_query)
{
  CgSearchResults *self;

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (hits != NULL, NULL);

  self = g_object_new (CG_TYPE_SEARCH_RESULTS, NULL);
  self->query = g_strdup (query);
  self->hits = g_ptr_array_ref (hits);
  self->corrected_query = g_strdup (corrected_query);

  return self;
}

const char *
cg_search_results_get_query (CgSearchResults *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULTS (self), NULL);

  return self->query;
}

/* Returns: (transfer none) (element-type CgSearchHit): the hits, best first, possibly none */
GPtrArray *
cg_search_results_get_hits (CgSearchResults *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULTS (self), NULL);

  return self->hits;
}

/**
 * cg_search_results_get_corrected_query:
 *
 * Returns: (nullable): the query as corrected ("calcinosis" for "calcinossis") when hits were
 *   found through corrections of misspelt words, for "Showing results for …"; %NULL when
 *   every word was found as typed
 */
const char *
cg_search_results_get_corrected_query (CgSearchResults *self)
{
  g_return_val_if_fail (CG_IS_SEARCH_RESULTS (self), NULL);

  return self->corrected_query;
}
