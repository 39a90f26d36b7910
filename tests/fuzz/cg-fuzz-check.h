/* cg-fuzz-check.h: what every untrusted input must satisfy, for the fuzzer and its replay
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/fuzz/fuzz-bundle-loader.c runs these checks on what libFuzzer makes up;
 * tests/test-fuzz-corpus.c runs them on the seed corpus and past crashes in every build.
 */

#pragma once

#include <string.h>

#include <glib.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-section.h"
#include "cg-topic.h"

G_BEGIN_DECLS

static inline void
cg_fuzz_walk_text (const char *text)
{
  /* Everything the model holds came through the UTF-8 check */
  if (text != NULL)
    g_assert_true (g_utf8_validate (text, -1, NULL));
}

/* Reads a bundle in full, as the window and handouts would */
static inline void
cg_fuzz_walk_bundle (CgBundle *bundle)
{
  cg_fuzz_walk_text (cg_bundle_get_language (bundle));
  cg_fuzz_walk_text (cg_bundle_get_source (bundle));
  cg_fuzz_walk_text (cg_bundle_get_content_version (bundle));
  g_assert_nonnull (cg_language_get_name (cg_bundle_get_language (bundle)));

  for (guint i = 0; i < cg_bundle_get_n_topics (bundle); i++)
    {
      CgTopic *topic = cg_bundle_get_topic (bundle, i);

      cg_fuzz_walk_text (cg_topic_get_id (topic));
      cg_fuzz_walk_text (cg_topic_get_title (topic));
      g_assert_true (cg_topic_get_bundle (topic) == bundle);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        {
          CgSection *section = cg_topic_get_section (topic, j);

          cg_fuzz_walk_text (cg_section_get_id (section));
          cg_fuzz_walk_text (cg_section_get_title (section));
          for (const char * const *keyword = cg_section_get_keywords (section);
               keyword != NULL && *keyword != NULL; keyword++)
            cg_fuzz_walk_text (*keyword);
          g_assert_true (cg_bundle_lookup_section (bundle, cg_section_get_id (section)) == section);

          for (guint k = 0; k < cg_section_get_n_blocks (section); k++)
            {
              const CgBlock *block = cg_section_get_block (section, k);

              g_assert_true (block->text != NULL || block->items != NULL);
              cg_fuzz_walk_text (block->text);
              for (guint l = 0; block->items != NULL && block->items[l] != NULL; l++)
                cg_fuzz_walk_text (block->items[l]);
            }
        }
    }
}

/* Both entry points that see untrusted bytes, cg_bundle_load_bytes() and
 * cg_bundle_check_bytes(), agree on whether @bytes are a valid bundle, their messages name
 * the file and are one line of UTF-8, and a bundle that loads is walked in full. */
static inline void
cg_fuzz_check_bytes (GBytes     *bytes,
                     const char *name)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(CgBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;

  bundle = cg_bundle_load_bytes (bytes, name, &error);
  diagnostics = cg_bundle_check_bytes (bytes, name);

  g_assert_true ((bundle == NULL) == (error != NULL));
  g_assert_true ((bundle == NULL) == (diagnostics->len > 0));

  if (error != NULL)
    {
      const CgBundleDiagnostic *first = g_ptr_array_index (diagnostics, 0);

      g_debug ("%s", error->message);
      g_assert_true (error->domain == CG_BUNDLE_ERROR);
      g_assert_cmpint (first->code, ==, error->code);
      g_assert_true (g_str_has_prefix (error->message, name));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const CgBundleDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      g_assert_true (g_utf8_validate (diagnostic->message, -1, NULL));
      g_assert_null (strchr (diagnostic->message, '\n'));
    }

  if (bundle != NULL)
    {
      cg_fuzz_walk_bundle (bundle);
      /* Nothing else holds the model: it goes away with the bundle */
      g_assert_finalize_object (g_steal_pointer (&bundle));
    }
}

G_END_DECLS
