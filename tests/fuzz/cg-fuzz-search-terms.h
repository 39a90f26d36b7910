/* cg-fuzz-search-terms.h: what the search provider's D-Bus arguments must satisfy, for the
 * fuzzer and its replay
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/fuzz/fuzz-search-terms.c runs this check on what libFuzzer makes up;
 * tests/search/test-fuzz-search-terms.c runs it on the seed corpus and past crashes in every
 * build. The provider itself (app layer) only calls cg_text_join_terms() and the index.
 */

#pragma once

#include <gio/gio.h>

#include "cg-library.h"
#include "cg-search-index.h"
#include "cg-text-limits.h"

G_BEGIN_DECLS

/* The built-in content's index, which the provider searches */
static inline CgSearchIndex *
cg_fuzz_get_search_index (void)
{
  static CgSearchIndex *index = NULL;

  if (index == NULL)
    {
      g_autoptr(CgLibrary) library = cg_library_new ();
      g_autoptr(GPtrArray) topics = cg_library_list_topics (library, "en", NULL);

      g_assert_nonnull (topics);
      index = cg_search_index_new (topics);
    }

  return index;
}

/* A D-Bus message as a peer on the session bus may send it: GDBus parses it as it would, and
 * every string array in its body goes through the provider's bounding and the search, every
 * string through the query cap */
static inline void
cg_fuzz_check_search_message (GBytes *bytes)
{
  g_autoptr(GDBusMessage) message = NULL;
  GVariant *body;
  GVariantIter iter;
  GVariant *child;

  message = g_dbus_message_new_from_blob ((guchar *)g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), G_DBUS_CAPABILITY_FLAGS_NONE,
                                          NULL);
  if (message == NULL || (body = g_dbus_message_get_body (message)) == NULL ||
      !g_variant_is_container (body))
    return;

  g_variant_iter_init (&iter, body);
  while ((child = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autofree char *query = NULL;

      if (g_variant_is_of_type (child, G_VARIANT_TYPE_STRING_ARRAY))
        {
          g_autoptr(GPtrArray) hits = NULL;

          query = cg_text_join_terms (child);
          hits = cg_search_index_query (cg_fuzz_get_search_index (), query, 5);
          g_assert_cmpuint (hits->len, <=, 5);
        }
      else if (g_variant_is_of_type (child, G_VARIANT_TYPE_STRING))
        query = cg_text_bound_query (g_variant_get_string (child, NULL));

      if (query != NULL)
        {
          g_assert_true (g_utf8_validate (query, -1, NULL));
          g_assert_cmpuint (g_utf8_strlen (query, -1), <=, CG_QUERY_MAX_CHARS);
        }
      g_variant_unref (child);
    }
}

G_END_DECLS
