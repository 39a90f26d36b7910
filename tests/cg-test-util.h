/* cg-test-util.h: running the built binary from tests
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

G_BEGIN_DECLS

/* Runs $CG_BINARY with the arguments (NULL-terminated) and no display, so a test fails if a
 * command-line action tried to open a window. Returns the exit status. */
static inline int
cg_test_run_binary (char       **out,
                    char       **err,
                    const char  *first_arg,
                    ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("CG_BINARY");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *)binary);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

/* Removes a temporary directory and all it holds; symbolic links are removed, not followed. */
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

G_END_DECLS
