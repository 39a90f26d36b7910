/* cg-test-util.h: running the built binary and other programs from tests
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

/* Runs $CG_BINARY with @args (NULL-terminated) and no display, so a test fails if a
 * command-line action tried to open a window; @env_changes (nullable) are "NAME=VALUE" to set
 * and "NAME" to unset. Returns the exit status. */
static inline int
cg_test_run_binary_env_argv (const char * const  *env_changes,
                             char               **out,
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
cg_test_run_binary_argv (char               **out,
                         char               **err,
                         const char * const  *args)
{
  return cg_test_run_binary_env_argv (NULL, out, err, args);
}

static inline int
cg_test_run_binary_va (const char * const  *env_changes,
                       char               **out,
                       char               **err,
                       const char          *first_arg,
                       va_list              ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_null_terminated (8, NULL, TRUE);

  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);

  return cg_test_run_binary_env_argv (env_changes, out, err, (const char * const *)args->pdata);
}

/* cg_test_run_binary_argv() with the arguments listed, NULL-terminated */
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

/* The mode of @path itself (a symbolic link is not followed) */
static inline mode_t
cg_test_get_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);

  return st.st_mode;
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

/* The PDF's catalog as qpdf shows it (the object the trailer's /Root names) */
static inline char *
cg_test_dup_pdf_catalog (const char *path)
{
  g_autofree char *trailer = cg_test_run_tool ("qpdf", "--show-object=trailer", path, NULL);
  g_autofree char *option = NULL;
  const char *root = strstr (trailer, "/Root ");

  g_assert_nonnull (root);
  option = g_strdup_printf ("--show-object=%.*s", (int)strcspn (root + 6, " "), root + 6);

  return cg_test_run_tool ("qpdf", option, path, NULL);
}

/* Line breaks and hyphenation differ between a paragraph and its printed lines: compare text
 * without any white space. */
static inline char *
cg_test_squeeze (const char *text)
{
  GString *str = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (str, *p);

  return g_string_free (str, FALSE);
}

/* @squeezed_text: text passed through cg_test_squeeze() */
static inline gboolean
cg_test_text_contains (const char *squeezed_text,
                       const char *sentence)
{
  g_autofree char *needle = cg_test_squeeze (sentence);

  return strstr (squeezed_text, needle) != NULL;
}

G_END_DECLS
