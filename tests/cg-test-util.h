/* cg-test-util.h: running the built binary from tests
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

G_BEGIN_DECLS

/* Runs $CG_BINARY with the arguments (NULL-terminated) and no display, so a test fails if a
 * command-line action tried to open a window; @env_changes (nullable) are "NAME=VALUE" to set
 * and "NAME" to unset. Returns the exit status. */
static inline int
cg_test_run_binary_va (const char * const  *env_changes,
                       char               **out,
                       char               **err,
                       const char          *first_arg,
                       va_list              args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("CG_BINARY");
  int wait_status = 0;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *)binary);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  for (guint i = 0; env_changes != NULL && env_changes[i] != NULL; i++)
    {
      const char *equals = strchr (env_changes[i], '=');

      if (equals == NULL)
        envp = g_environ_unsetenv (envp, env_changes[i]);
      else
        {
          g_autofree char *name = g_strndup (env_changes[i], equals - env_changes[i]);

          envp = g_environ_setenv (envp, name, equals + 1, TRUE);
        }
    }

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

static inline int
cg_test_run_binary (char       **out,
                    char       **err,
                    const char  *first_arg,
                    ...)
{
  va_list args;
  int status;

  va_start (args, first_arg);
  status = cg_test_run_binary_va (NULL, out, err, first_arg, args);
  va_end (args);

  return status;
}

static inline int
cg_test_run_binary_with_env (const char * const  *env_changes,
                             char               **out,
                             char               **err,
                             const char          *first_arg,
                             ...)
{
  va_list args;
  int status;

  va_start (args, first_arg);
  status = cg_test_run_binary_va (env_changes, out, err, first_arg, args);
  va_end (args);

  return status;
}

/* Removes @path and everything below it; symbolic links are removed, not followed. */
static inline void
cg_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        cg_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The mode of @path itself (a symbolic link is not followed) */
static inline mode_t
cg_test_get_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);

  return st.st_mode;
}

G_END_DECLS
