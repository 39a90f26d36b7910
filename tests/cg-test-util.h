/* cg-test-util.h: running the built binary and PDF tools from tests
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>
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

/* Runs a program found in PATH (pdftotext, pdfinfo, qpdf…) with the arguments
 * (NULL-terminated); it must succeed. Returns its standard output. */
static inline char *
cg_test_run_tool (const char *first_arg,
                  ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;
  va_list args;

  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  return out;
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
