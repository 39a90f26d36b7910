/* test-sandbox.c: which paths inside a Flatpak sandbox the host sees, and the ways out
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are tested against /.flatpak-info files as Flatpak writes them; the real sandbox
 * is exercised by build-aux/flatpak-smoke. The command line's way out (--export-handout=-,
 * standard output) is run here through the built binary.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cg-sandbox.h"
#include "cg-test-util.h"

static GKeyFile *
load_info (const char *filesystems)
{
  g_autofree char *data = g_strdup_printf ("[Application]\nname=io.github.calcinosisguide.Guide\n"
                                           "runtime=runtime/org.gnome.Platform/x86_64/51\n\n"
                                           "[Context]\nshared=ipc;\nsockets=wayland;fallback-x11;\n"
                                           "%s%s\n",
                                           filesystems ? "filesystems=" : "",
                                           filesystems ? filesystems : "");
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "cg-test-flatpak-info-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  GKeyFile *info;
  int fd;

  fd = g_mkstemp (path);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);

  info = cg_sandbox_load_info (path);
  g_unlink (path);
  g_assert_nonnull (info);

  return info;
}

static void
test_not_in_sandbox (void)
{
  g_assert_null (cg_sandbox_load_info ("/nonexistent/.flatpak-info"));
}

static void
test_no_filesystem_permission (void)
{
  g_autoptr(GKeyFile) info = load_info (NULL);
  g_autofree char *in_home = g_build_filename (g_get_home_dir (), "Documents", NULL);
  g_autofree char *app_data = g_build_filename (g_get_home_dir (), ".var", "app",
                                                "io.github.calcinosisguide.Guide", "data", NULL);
  g_autofree char *other_app = g_build_filename (g_get_home_dir (), ".var", "app",
                                                 "io.github.calcinosisguide.GuideX", NULL);

  /* The sandbox's own /tmp and $HOME: on the host, somewhere else or nowhere */
  g_assert_false (cg_sandbox_path_is_on_host (info, "/tmp"));
  g_assert_false (cg_sandbox_path_is_on_host (info, "/var/tmp"));
  g_assert_false (cg_sandbox_path_is_on_host (info, in_home));
  g_assert_false (cg_sandbox_path_is_on_host (info, g_get_home_dir ()));
  g_assert_false (cg_sandbox_path_is_on_host (info, other_app));
  /* The app's own data folder is the same on both sides */
  g_assert_true (cg_sandbox_path_is_on_host (info, app_data));
}

static void
test_filesystem_permissions (void)
{
  g_autoptr(GKeyFile) home = load_info ("home;");
  g_autoptr(GKeyFile) folder = load_info ("/srv/handouts:create;~/Clinic/Out:ro;");
  g_autoptr(GKeyFile) host = load_info ("host;");
  g_autoptr(GKeyFile) negated = load_info ("home;!~/Private;");
  g_autofree char *in_home = g_build_filename (g_get_home_dir (), "Documents", "x", NULL);
  g_autofree char *clinic_out = g_build_filename (g_get_home_dir (), "Clinic", "Out", NULL);
  g_autofree char *clinic = g_build_filename (g_get_home_dir (), "Clinic", NULL);
  g_autofree char *private = g_build_filename (g_get_home_dir (), "Private", "x", NULL);

  g_assert_true (cg_sandbox_path_is_on_host (home, in_home));
  g_assert_false (cg_sandbox_path_is_on_host (home, "/tmp"));
  g_assert_false (cg_sandbox_path_is_on_host (home, "/srv"));

  g_assert_true (cg_sandbox_path_is_on_host (folder, "/srv/handouts"));
  g_assert_true (cg_sandbox_path_is_on_host (folder, "/srv/handouts/today"));
  g_assert_false (cg_sandbox_path_is_on_host (folder, "/srv/handouts-old"));
  g_assert_false (cg_sandbox_path_is_on_host (folder, "/srv"));
  g_assert_true (cg_sandbox_path_is_on_host (folder, clinic_out));
  g_assert_false (cg_sandbox_path_is_on_host (folder, clinic));

  /* host: everything but what Flatpak keeps for itself, such as /tmp and /usr */
  g_assert_true (cg_sandbox_path_is_on_host (host, "/srv/anything"));
  g_assert_true (cg_sandbox_path_is_on_host (host, in_home));
  g_assert_false (cg_sandbox_path_is_on_host (host, "/tmp"));
  g_assert_false (cg_sandbox_path_is_on_host (host, "/usr/share"));

  g_assert_true (cg_sandbox_path_is_on_host (negated, in_home));
  g_assert_false (cg_sandbox_path_is_on_host (negated, private));
}

static void
test_export_to_stdout (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *pdf = g_build_filename (g_get_tmp_dir (), "cg-test-stdout-XXXXXX", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  const char *pdftotext[] = { "pdftotext", NULL, "-", NULL };
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  int fd;

  fd = g_mkstemp (pdf);
  g_assert_cmpint (fd, >=, 0);
  close (fd);

  /* Standard output redirected to a file, as a shell's "> handout.pdf" does; no display */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_set_stdout_file_path (launcher, pdf);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("CG_BINARY"),
                                         "--export-handout=-", "--sections=overview", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_cmpstr (err, ==, "");

  g_file_get_contents (pdf, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  pdftotext[1] = pdf;
  g_spawn_sync (NULL, (char **)pdftotext, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL,
                NULL, &error);
  g_assert_no_error (error);
  g_unlink (pdf);
  g_assert_nonnull (strstr (text, "For effective management of calcium deposits in soft tissues"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/not-in-sandbox", test_not_in_sandbox);
  g_test_add_func ("/sandbox/no-filesystem-permission", test_no_filesystem_permission);
  g_test_add_func ("/sandbox/filesystem-permissions", test_filesystem_permissions);
  g_test_add_func ("/sandbox/export-to-stdout", test_export_to_stdout);

  return g_test_run ();
}
