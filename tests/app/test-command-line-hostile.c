/* test-command-line-hostile.c: options and outputs as a careless script or an attacker gives
 * them
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unknown options, missing and unexpected arguments are one "calcinosis-guide: …" line and
 * exit 2 under every locale; output is UTF-8 under LC_ALL=C; a write error on stdout is exit
 * 2; a query of a megabyte and a clinic header of 100,000 characters are cut before layout.
 * The whole program runs under alarm(), so a hang fails instead of stalling the suite.
 */

#include "config.h"

#include <signal.h>
#include <unistd.h>

#include <gio/gio.h>

#include "cg-handout-set.h"
#include "cg-test-files.h"
#include "cg-test-util.h"

static void
assert_one_error_line (const char *err,
                       const char *fragment)
{
  g_assert_true (g_str_has_prefix (err, "calcinosis-guide: "));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
  g_assert_true (g_utf8_validate (err, -1, NULL));
  g_assert_nonnull (strstr (err, fragment));
}

/* Every mistake in the options, under C, UTF-8 and German locales */
static void
test_bad_options (void)
{
  const char *c_locale[] = { "LC_ALL=C", NULL };
  const char *utf8_locale[] = { "LC_ALL=C.UTF-8", NULL };
  const char *german[] = { "LC_ALL=C.UTF-8", "LANGUAGE=de", NULL };
  const char * const *locales[] = { c_locale, utf8_locale, german };
  static const struct {
    const char *args[3];
    const char *named;
  } cases[] = {
    { { "--bogus", NULL }, "--bogus" },
    { { "-x", NULL }, "-x" },
    { { "--search", NULL }, "--search" },
    { { "--export-handout", NULL }, "--export-handout" },
    { { "--version=2", NULL }, "--version" },
    { { "--list-sections", "stray.txt", NULL }, "stray.txt" },
    { { "--list-handout-sets", "--bögus", NULL }, "--bögus" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    for (guint j = 0; j < G_N_ELEMENTS (cases); j++)
      {
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        int status;

        status = cg_test_run_binary_env_argv (locales[i], &out, &err, cases[j].args);
        g_test_message ("%s %s: %d %s", locales[i][0], cases[j].args[0], status, err);
        g_assert_cmpint (status, ==, 2);
        g_assert_cmpstr (out, ==, "");
        assert_one_error_line (err, cases[j].named);
      }
}

/* A set folder of our own, through $XDG_CONFIG_HOME */
static char *
make_config_home (void)
{
  g_autofree char *root = g_dir_make_tmp ("cg-cli-hostile-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (root, CG_HANDOUT_SETS_SUBDIR, NULL);
  g_autofree char *path = g_build_filename (dir, "uber" CG_HANDOUT_SET_SUFFIX, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "[Handout Set]\nName=Über Set\nSections=overview\n",
                                      -1, NULL));

  return g_steal_pointer (&root);
}

/* Scripts run under LC_ALL=C read UTF-8, never “?ber Set” */
static void
test_utf8_output (void)
{
  g_autofree char *root = make_config_home ();
  g_autofree char *config = g_strconcat ("XDG_CONFIG_HOME=", root, NULL);
  const char *env[] = { "LC_ALL=C", config, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cg_test_run_binary_with_env (env, &out, &err, "--list-handout-sets", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "uber\tÜber Set\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* GOption's own help text, printed by GLib */
  g_assert_cmpint (cg_test_run_binary_with_env (env, &out, &err, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "[OPTION…]"));
  cg_test_remove_tree (root);
}

/* Runs the binary with standard output going to @stdout_path (or to a pipe nobody reads, for
 * NULL) and returns its wait status */
static int
run_with_stdout (const char          *stdout_path,
                 const char * const  *env,
                 char               **err,
                 const char * const  *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  g_autoptr(GError) error = NULL;
  int fds[2] = { -1, -1 };

  g_ptr_array_add (argv, (char *)g_getenv ("CG_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  if (stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);
  else
    {
      /* The reading end is closed before the program writes a byte */
      g_assert_cmpint (pipe (fds), ==, 0);
      g_subprocess_launcher_take_stdout_fd (launcher, fds[1]);
      close (fds[0]);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);

  return g_subprocess_get_status (process);
}

/* A full disk or a reader that went away is never exit 0 */
static void
test_write_errors (void)
{
  g_autofree char *root = make_config_home ();
  g_autofree char *config = g_strconcat ("XDG_CONFIG_HOME=", root, NULL);
  const char *env[] = { "LC_ALL=C", config, NULL };
  static const char *commands[][2] = {
    { "--list-sections", NULL },
    { "--search=calcinosis", NULL },
    { "--list-handout-sets", NULL },
    { "--version", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *err = NULL;
      int status;

      status = run_with_stdout ("/dev/full", env, &err, commands[i]);
      g_test_message ("%s > /dev/full: %s", commands[i][0], err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 2);
      assert_one_error_line (err, "Cannot write to standard output");
      g_clear_pointer (&err, g_free);

      /* A closed pipe: SIGPIPE, as for any program, or exit 2 where SIGPIPE is ignored */
      status = run_with_stdout (NULL, env, &err, commands[i]);
      g_assert_true ((WIFSIGNALED (status) && WTERMSIG (status) == SIGPIPE) ||
                     (WIFEXITED (status) && WEXITSTATUS (status) == 2));
    }

  cg_test_remove_tree (root);
}

/* A query of 100 kB (one argument can hold no more than 128 KiB) is searched as its first 256
 * characters, at once */
static void
test_huge_query (void)
{
  g_autoptr(GString) query = g_string_new ("--search=calcinosis ");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  while (query->len < 100000)
    g_string_append (query, "x");

  g_assert_cmpint (cg_test_run_binary (&out, &err, query->str, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "treatment\t"));
}

static guint
count_pages (const char *pdf)
{
  g_autofree char *text = cg_test_run_tool ("qpdf", "--show-npages", pdf, NULL);

  return atoi (text);
}

/* --clinic is capped like the note: 100,000 characters print as 2,000 would */
static void
test_huge_clinic_header (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-clinic-XXXXXX", NULL);
  g_autofree char *capped = g_build_filename (dir, "capped.pdf", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.pdf", NULL);
  g_autofree char *capped_arg = g_strconcat ("--export-handout=", capped, NULL);
  g_autofree char *huge_arg = g_strconcat ("--export-handout=", huge, NULL);
  g_autoptr(GString) text = g_string_new ("--clinic=");
  g_autofree char *at_cap = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  while (text->len < 9 + 100000)
    g_string_append (text, "Clinic ");
  g_string_truncate (text, 9 + 100000);
  at_cap = g_strndup (text->str, 9 + 2000);

  g_assert_cmpint (cg_test_run_binary (&out, &err, capped_arg, "--sections=overview", at_cap,
                                       NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cg_test_run_binary (&out, &err, huge_arg, "--sections=overview", text->str,
                                       NULL), ==, 0);
  g_assert_cmpuint (count_pages (huge), ==, count_pages (capped));
  g_assert_cmpuint (count_pages (huge), <, 5);
  cg_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Each run takes well under a second; one that hangs is killed, and fails */
  alarm (120);

  g_test_add_func ("/cli-hostile/bad-options", test_bad_options);
  g_test_add_func ("/cli-hostile/utf8-output", test_utf8_output);
  g_test_add_func ("/cli-hostile/write-errors", test_write_errors);
  g_test_add_func ("/cli-hostile/huge-query", test_huge_query);
  g_test_add_func ("/cli-hostile/huge-clinic-header", test_huge_clinic_header);

  return g_test_run ();
}
