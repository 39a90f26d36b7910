/* test-bundle-input.c: --validate-bundle=- and --bundle=- read standard input; a path the
 * Flatpak sandbox cannot see is named as such, with both ways out
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Standard input is run through the built binary, fed from a file as a shell's "< FILE" does.
 * The sandbox's rules are tested against /.flatpak-info files as Flatpak writes them; the real
 * sandbox is exercised by build-aux/flatpak-smoke.
 */

/* posix_openpt() and friends, for a terminal as standard input */
#define _GNU_SOURCE

#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cg-bundle-input.h"
#include "cg-bundle-loader.h"
#include "cg-file-reader.h"
#include "cg-sandbox.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

/* Runs $CG_BINARY with @stdin_path as its standard input; returns the exit status */
static int
run_with_stdin (const char  *stdin_path,
                char       **out,
                char       **err,
                ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_null_terminated (8, NULL, TRUE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (argv, (char *)g_getenv ("CG_BINARY"));
  va_start (ap, err);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (ap);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

static void
test_validate_stdin (void)
{
  g_autofree char *good = fixture ("clinic.xml");
  g_autofree char *bad = fixture ("malformed.xml");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_with_stdin (good, &out, &err, "--validate-bundle=-", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "standard input: valid bundle\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Every problem named by its line, as for a file */
  g_assert_cmpint (run_with_stdin (bad, &out, &err, "--validate-bundle=-", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "standard input:10: "));
  g_assert_nonnull (strstr (err, "not well-formed"));
}

static void
test_bundle_stdin (void)
{
  g_autofree char *clinic = fixture ("clinic.xml");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_with_stdin (clinic, &out, &err, "--bundle=-", "--list-sections", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\nbefore-visit\tBefore your visit\n"));
  g_assert_nonnull (strstr (out, "treatment\tTreatment\n"));
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_with_stdin (clinic, &out, &err, "--bundle=-", "--search=appointment", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "before-visit\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The window reads files only: said at once, with what to do instead */
  g_assert_cmpint (run_with_stdin (clinic, &out, &err, "--bundle=-", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--bundle=- reads standard input with --list-sections"));
  g_assert_nonnull (strstr (err, "Open Bundle…"));
}

/* "-" on a terminal would wait for typing: refused, saying how to redirect a file */
static void
test_stdin_terminal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int master, terminal, saved_stdin;

  master = posix_openpt (O_RDWR | O_NOCTTY);
  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  terminal = g_open (ptsname (master), O_RDWR | O_NOCTTY, 0);
  g_assert_cmpint (terminal, >=, 0);

  saved_stdin = dup (STDIN_FILENO);
  dup2 (terminal, STDIN_FILENO);
  bytes = cg_bundle_input_read ("-", "validate-bundle", NULL, &name, &error);
  dup2 (saved_stdin, STDIN_FILENO);
  close (saved_stdin);
  close (terminal);
  close (master);

  g_assert_null (bytes);
  g_assert_error (error, CG_BUNDLE_INPUT_ERROR, CG_BUNDLE_INPUT_ERROR_TERMINAL);
  g_assert_nonnull (strstr (error->message, "--validate-bundle=- < FILE"));
}

static GKeyFile *
load_info (const char *filesystems)
{
  g_autofree char *data = g_strdup_printf ("[Application]\nname=io.github.calcinosisguide.Guide\n\n"
                                           "[Context]\nshared=ipc;\n%s%s\n",
                                           filesystems ? "filesystems=" : "",
                                           filesystems ? filesystems : "");
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_data (info, data, -1, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&info);
}

/* Inside Flatpak, a host file the app was not given: the message says the sandbox cannot see
 * it and names both ways out, with the folder to share */
static void
test_unseen_path (void)
{
  g_autoptr(GKeyFile) info = load_info (NULL);
  g_autofree char *folder = g_build_filename (g_get_home_dir (), "clinic-bundles", NULL);
  g_autofree char *path = g_build_filename (folder, "riverside.xml", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (cg_bundle_input_read (path, "validate-bundle", info, &name, &error));
  g_assert_error (error, CG_BUNDLE_INPUT_ERROR, CG_BUNDLE_INPUT_ERROR_NOT_IN_SANDBOX);
  expected = g_strdup_printf ("%s: the Flatpak sandbox cannot see this file; give it on standard "
                              "input with --validate-bundle=- < %s, or let the app see its folder "
                              "with flatpak run --filesystem=%s:ro", path, path, folder);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_clear_pointer (&name, g_free);

  /* A relative path: Flatpak started the app elsewhere (in $HOME) when the sandbox could not
   * see the folder it was typed in, so the folder is named as the user's shell knows it */
  g_assert_null (cg_bundle_input_read ("riverside.xml", "bundle", info, &name, &error));
  g_assert_error (error, CG_BUNDLE_INPUT_ERROR, CG_BUNDLE_INPUT_ERROR_NOT_IN_SANDBOX);
  g_assert_nonnull (strstr (error->message, "with --bundle=- < riverside.xml,"));
  g_assert_true (g_str_has_suffix (error->message, "flatpak run --filesystem=\"$PWD:ro\""));
  g_clear_error (&error);
  g_clear_pointer (&name, g_free);

  g_assert_null (cg_bundle_input_read ("clinic/riverside.xml", "bundle", info, &name, &error));
  g_assert_true (g_str_has_suffix (error->message, "flatpak run --filesystem=\"$PWD/clinic:ro\""));
  g_clear_error (&error);

  /* The window: Open Bundle… instead of standard input */
  g_assert_false (cg_bundle_input_check_for_window (path, info, &error));
  g_assert_error (error, CG_BUNDLE_INPUT_ERROR, CG_BUNDLE_INPUT_ERROR_NOT_IN_SANDBOX);
  g_assert_nonnull (strstr (error->message, "Open Bundle…"));
  g_assert_nonnull (strstr (error->message, "flatpak run --filesystem="));
}

/* A folder the sandbox shares, or no sandbox: a missing file is just missing */
static void
test_missing_file (void)
{
  g_autoptr(GKeyFile) shared = load_info ("home:ro;");
  g_autofree char *path = g_build_filename (g_get_home_dir (), "clinic-bundles", "riverside.xml", NULL);
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (cg_bundle_input_read (path, "validate-bundle", shared, &name, &error));
  g_assert_error (error, CG_FILE_READER_ERROR, CG_FILE_READER_ERROR_READ);
  g_assert_null (strstr (error->message, "sandbox"));
  g_clear_error (&error);
  g_clear_pointer (&name, g_free);

  g_assert_null (cg_bundle_input_read (path, "validate-bundle", NULL, &name, &error));
  g_assert_error (error, CG_FILE_READER_ERROR, CG_FILE_READER_ERROR_READ);
  g_clear_error (&error);

  g_assert_true (cg_bundle_input_check_for_window (path, NULL, &error));
  g_assert_no_error (error);
}

/* A file the sandbox does see is read, whatever its folder's permission says */
static void
test_visible_file (void)
{
  g_autoptr(GKeyFile) info = load_info (NULL);
  g_autofree char *path = fixture ("clinic.xml");
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = cg_bundle_input_read (path, "bundle", info, &name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpstr (name, ==, path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundle-input/validate-stdin", test_validate_stdin);
  g_test_add_func ("/bundle-input/bundle-stdin", test_bundle_stdin);
  g_test_add_func ("/bundle-input/stdin-terminal", test_stdin_terminal);
  g_test_add_func ("/bundle-input/unseen-path", test_unseen_path);
  g_test_add_func ("/bundle-input/missing-file", test_missing_file);
  g_test_add_func ("/bundle-input/visible-file", test_visible_file);

  return g_test_run ();
}
