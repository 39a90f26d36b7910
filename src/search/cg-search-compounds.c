/* cg-search-compounds.c: the terms of an index sorted from their last letter, for compounds
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-search-compounds"

#include "config.h"

#include <string.h>

#include "cg-search-compounds.h"

/* Returns: whether words of @language are compounds that search should take apart */
gboolean
cg_search_has_compounds (const char *language)
{
  return language != NULL && strncmp (language, "de", 2) == 0 &&
         (language[2] == '\0' || language[2] == '-' || language[2] == '_');
}

/* Compares @a and @b from their ends, byte by byte; with @ending_only, 0 as soon as @b is
 * used up: @a ends with @b. */
static int
compare_reversed (const char *a,
                  const char *b,
                  gboolean    ending_only)
{
  gsize i = strlen (a);
  gsize j = strlen (b);

  while (i > 0 && j > 0)
    {
      guchar ca = a[--i];
      guchar cb = b[--j];

      if (ca != cb)
        return ca < cb ? -1 : 1;
    }

  if (j == 0 && (ending_only || i == 0))
    return 0;

  return i == 0 ? -1 : 1;
}

static int
compare_terms_reversed (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  const char * const *terms = user_data;

  return compare_reversed (terms[*(const guint *)a], terms[*(const guint *)b], FALSE);
}

/**
 * cg_search_compounds_sort:
 * @terms: (array length=n_terms): folded terms
 *
 * Returns: (transfer full): the positions of @terms sorted by their reversed spelling
 */
guint *
cg_search_compounds_sort (const char * const *terms,
                          guint               n_terms)
{
  guint *order = g_new (guint, MAX (n_terms, 1));

  for (guint i = 0; i < n_terms; i++)
    order[i] = i;

  g_qsort_with_data (order, n_terms, sizeof (guint), compare_terms_reversed, (gpointer)terms);

  return order;
}

/**
 * cg_search_compounds_find_ending:
 * @order: (array length=n_terms): from cg_search_compounds_sort()
 * @ending: a folded word
 * @end: (out): past the last position in @order of a term ending with @ending
 *
 * Returns: the first position in @order of a term that ends with @ending; equal to @end if
 *   there is none
 */
guint
cg_search_compounds_find_ending (const char * const *terms,
                                 const guint        *order,
                                 guint               n_terms,
                                 const char         *ending,
                                 guint              *end)
{
  guint lo = 0;
  guint hi = n_terms;
  guint first;

  /* The first term not below @ending… */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_reversed (terms[order[mid]], ending, TRUE) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  first = lo;

  /* …and the first after those ending with it */
  hi = n_terms;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_reversed (terms[order[mid]], ending, TRUE) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *end = lo;

  return first;
}
