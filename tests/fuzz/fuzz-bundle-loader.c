/* fuzz-bundle-loader.c: libFuzzer target for the content bundle loader
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with -Dfuzzing=true (clang, -fsanitize=fuzzer,address,undefined). Each input goes
 * through both entry points that see untrusted bytes, and a bundle that loads is walked in
 * full, so a model built from odd input is read as the window and handouts would read it.
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=true
 *   ninja -C build-fuzz tests/fuzz/fuzz-bundle-loader
 *   build-fuzz/tests/fuzz/fuzz-bundle-loader -dict=tests/fuzz/bundle.dict \
 *     -max_len=65536 -max_total_time=600 /tmp/corpus tests/fuzz/corpus
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-section.h"
#include "cg-topic.h"

int LLVMFuzzerInitialize    (int            *argc,
                             char         ***argv);
int LLVMFuzzerTestOneInput  (const uint8_t  *data,
                             size_t          size);

static void
walk_text (const char *text)
{
  /* Everything the model holds came through the UTF-8 check */
  if (text != NULL)
    g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
walk_bundle (CgBundle *bundle)
{
  walk_text (cg_bundle_get_language (bundle));
  walk_text (cg_bundle_get_source (bundle));
  walk_text (cg_bundle_get_content_version (bundle));
  g_assert_nonnull (cg_language_get_name (cg_bundle_get_language (bundle)));

  for (guint i = 0; i < cg_bundle_get_n_topics (bundle); i++)
    {
      CgTopic *topic = cg_bundle_get_topic (bundle, i);

      walk_text (cg_topic_get_id (topic));
      walk_text (cg_topic_get_title (topic));
      g_assert_true (cg_topic_get_bundle (topic) == bundle);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        {
          CgSection *section = cg_topic_get_section (topic, j);

          walk_text (cg_section_get_id (section));
          walk_text (cg_section_get_title (section));
          for (const char * const *keyword = cg_section_get_keywords (section);
               keyword != NULL && *keyword != NULL; keyword++)
            walk_text (*keyword);
          g_assert_true (cg_bundle_lookup_section (bundle, cg_section_get_id (section)) == section);

          for (guint k = 0; k < cg_section_get_n_blocks (section); k++)
            {
              const CgBlock *block = cg_section_get_block (section, k);

              walk_text (block->text);
              for (guint l = 0; block->items != NULL && block->items[l] != NULL; l++)
                walk_text (block->items[l]);
            }
        }
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical from a g_return_if_fail() is a bug the fuzzer should report as a crash */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(CgBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;

  bundle = cg_bundle_load_bytes (bytes, "fuzz.xml", &error);
  g_assert_true ((bundle == NULL) == (error != NULL));
  if (error != NULL)
    {
      g_assert_true (error->domain == CG_BUNDLE_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.xml"));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  /* Both entry points agree on whether the input is a valid bundle */
  diagnostics = cg_bundle_check_bytes (bytes, "fuzz.xml");
  g_assert_true ((bundle == NULL) == (diagnostics->len > 0));

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const CgBundleDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      g_assert_true (g_utf8_validate (diagnostic->message, -1, NULL));
      g_assert_null (strchr (diagnostic->message, '\n'));
    }

  if (error != NULL)
    {
      const CgBundleDiagnostic *first = g_ptr_array_index (diagnostics, 0);
      g_assert_cmpint (first->code, ==, error->code);
    }

  if (bundle != NULL)
    walk_bundle (bundle);

  return 0;
}
