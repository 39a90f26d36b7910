/* cg-fuzz-replay.h: a fuzzer's corpus replayed as GLib test cases, one a file
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

typedef void (*CgFuzzCheckFunc) (GBytes *bytes);

typedef struct
{
  char      *path;
  CgFuzzCheckFunc  check;
} CgFuzzInput;

static inline void
cg_fuzz_input_free (gpointer data)
{
  CgFuzzInput *input = data;

  g_free (input->path);
  g_free (input);
}

static inline void
cg_fuzz_replay_file (gconstpointer data)
{
  const CgFuzzInput *input = data;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (input->path, &contents, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  input->check (bytes);
}

static inline int
cg_fuzz_compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* One test case per file, so a failure names the input */
static inline guint
cg_fuzz_replay_add_directory (const char *subdir,
               CgFuzzCheckFunc   check)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", subdir, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && !g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, cg_fuzz_compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/fuzz-replay/%s/%s", subdir, file_name);
      CgFuzzInput *input = g_new0 (CgFuzzInput, 1);

      input->path = g_build_filename (dir_path, file_name, NULL);
      input->check = check;
      g_test_add_data_func_full (test_path, input, cg_fuzz_replay_file, cg_fuzz_input_free);
    }

  return names->len;
}

G_END_DECLS
