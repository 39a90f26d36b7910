/* cg-test-util.h: running the built binary and other programs from tests
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sys/wait.h>

G_BEGIN_DECLS

/* Runs $CG_BINARY with @args (NULL-terminated) and no display, so a test fails if a
 * command-line action tried to open a window. Returns the exit status. */
static inline int
cg_test_run_binary_argv (char               **out,
                         char               **err,
                         const char * const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("CG_BINARY");
  int wait_status = 0;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *)binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

/* cg_test_run_binary_argv() with the arguments listed, NULL-terminated */
static inline int
cg_test_run_binary (char       **out,
                    char       **err,
                    const char  *first_arg,
                    ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_null_terminated (8, NULL, TRUE);
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);

  return cg_test_run_binary_argv (out, err, (const char * const *)args->pdata);
}

/* Runs a program from PATH with the arguments listed (NULL-terminated), fails the test unless
 * it exits 0, and returns what it printed. */
static inline char *
cg_test_run_tool (const char *tool,
                  ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_null_terminated (8, NULL, TRUE);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (argv, (char *)tool);
  va_start (ap, tool);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (ap);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  return out;
}

/* The text of a PDF, through poppler's pdftotext */
static inline char *
cg_test_pdf_to_text (const char *path)
{
  return cg_test_run_tool ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
}

G_END_DECLS
