/* cg-test-files.h: temporary folders and file-naming error messages in model tests
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

/* A fresh temporary folder per test, removed with everything in it */
typedef struct
{
  char *dir;
} CgTestTempDir;

static inline void
cg_test_temp_dir_setup (CgTestTempDir *fixture,
                        gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("cg-test-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static inline void
cg_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        cg_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static inline void
cg_test_temp_dir_teardown (CgTestTempDir *fixture,
                           gconstpointer  data)
{
  cg_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* "PATH:LINE: " (or "PATH: " without a line) then a message holding @fragment, one line of
 * plain text. */
static inline void
cg_test_assert_error_message (const GError *error,
                              const char   *path,
                              guint         line,
                              const char   *fragment)
{
  g_autofree char *prefix = line > 0 ? g_strdup_printf ("%s:%u: ", path, line)
                                     : g_strdup_printf ("%s: ", path);

  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, fragment));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

G_END_DECLS
