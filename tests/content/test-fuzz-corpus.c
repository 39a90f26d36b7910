/* test-fuzz-corpus.c: the fuzzer's seed corpus and every past crash, replayed in every build
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same checks as tests/fuzz/fuzz-bundle-loader.c (cg_fuzz_check_bytes()), without
 * libFuzzer: each file goes through cg_bundle_load_bytes() and cg_bundle_check_bytes(), which
 * must agree and must not crash, leak or warn (G_DEBUG=fatal-warnings). Under ASan or valgrind this is the regression suite for
 * whatever the fuzzer found.
 */

#include "config.h"

#include <string.h>

#include "fuzz/cg-fuzz-check.h"

static void
test_replay_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  cg_fuzz_check_bytes (bytes, "replay.xml");
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
