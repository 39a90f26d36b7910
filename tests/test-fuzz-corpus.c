/* test-fuzz-corpus.c: the fuzzer's seed corpus and every past crash, replayed in every build
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same checks as tests/fuzz/fuzz-bundle-loader.c, without libFuzzer: each file goes through
 * cg_bundle_load_bytes() and cg_bundle_check_bytes(), which must agree and must not crash, leak
 * or warn (G_DEBUG=fatal-warnings). Under ASan or valgrind this is the regression suite for
 * whatever the fuzzer found.
 */

#include "config.h"

#include <string.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-section.h"
#include "cg-topic.h"

static void
walk_bundle (CgBundle *bundle)
{
  g_assert_nonnull (cg_language_get_name (cg_bundle_get_language (bundle)));

  for (guint i = 0; i < cg_bundle_get_n_topics (bundle); i++)
    {
      CgTopic *topic = cg_bundle_get_topic (bundle, i);

      g_assert_true (g_utf8_validate (cg_topic_get_title (topic), -1, NULL));
      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        {
          CgSection *section = cg_topic_get_section (topic, j);

          g_assert_true (cg_bundle_lookup_section (bundle, cg_section_get_id (section)) == section);
          for (guint k = 0; k < cg_section_get_n_blocks (section); k++)
            {
              const CgBlock *block = cg_section_get_block (section, k);

              g_assert_true (block->text != NULL || block->items != NULL);
            }
        }
    }
}

static void
test_replay_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(CgBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);

  bundle = cg_bundle_load_bytes (bytes, "replay.xml", &error);
  diagnostics = cg_bundle_check_bytes (bytes, "replay.xml");

  /* Both entry points agree, and an error names the file */
  g_assert_true ((bundle == NULL) == (error != NULL));
  g_assert_true ((bundle == NULL) == (diagnostics->len > 0));

  if (error != NULL)
    {
      const CgBundleDiagnostic *first = g_ptr_array_index (diagnostics, 0);

      g_test_message ("%s", error->message);
      g_assert_true (error->domain == CG_BUNDLE_ERROR);
      g_assert_cmpint (first->code, ==, error->code);
      g_assert_true (g_str_has_prefix (error->message, "replay.xml"));
    }

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const CgBundleDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      g_assert_true (g_utf8_validate (diagnostic->message, -1, NULL));
      g_assert_null (strchr (diagnostic->message, '\n'));
    }

  if (bundle != NULL)
    {
      walk_bundle (bundle);
      g_assert_finalize_object (g_steal_pointer (&bundle));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* One test case per file, so a failure names the input. */
static guint
add_directory (const char *subdir)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", subdir, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && !g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/fuzz-corpus/%s/%s", subdir, file_name);

      g_test_add_data_func_full (test_path, g_build_filename (dir_path, file_name, NULL),
                                 test_replay_file, g_free);
    }

  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The seed corpus must be there; the regressions may be none yet */
  g_assert_cmpuint (add_directory ("corpus"), >, 0);
  add_directory ("regressions");

  return g_test_run ();
}
