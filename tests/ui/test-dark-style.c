/* test-dark-style.c: the app follows the desktop's dark style through the settings portal
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A private session bus (GTestDBus) holds a stand-in portal that says "dark", then switches
 * to "light" when the test has seen dark, as a desktop does when the user changes styles.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "cg-application.h"

#include "cg-test-widgets.h"

static gboolean
get_prefer_dark (void)
{
  gboolean prefer_dark = FALSE;

  g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", &prefer_dark, NULL);

  return prefer_dark;
}

/* Waits until the setting has @expected. */
static void
wait_for_prefer_dark (gboolean expected)
{
  CG_TEST_WAIT_UNTIL (get_prefer_dark () == expected);
  g_assert_cmpint (get_prefer_dark (), ==, expected);
}

static GSubprocess *portal;

static void
test_dark_style_follows_portal (void)
{
  g_autoptr(CgApplication) app = cg_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;

  g_assert_false (get_prefer_dark ());

  /* Registering runs the app's start-up, which asks the portal */
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  wait_for_prefer_dark (TRUE);

  /* The desktop switches to light */
  g_output_stream_write_all (g_subprocess_get_stdin_pipe (portal), "flip\n", 5, NULL, NULL, &error);
  g_assert_no_error (error);
  wait_for_prefer_dark (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDataInputStream) portal_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mock = NULL;
  g_autofree char *line = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* GTestDBus: its watcher ends the private bus when this process exits (not
   * g_test_dbus_down(), which waits for GTK's session connection to go, which it never does) */
  (void)cg_test_use_private_session_bus ();

  /* The stand-in says "dark", and "light" when the test writes "flip" */
  mock = g_test_build_filename (G_TEST_DIST, "tools", "mock-settings-portal.py", NULL);
  portal = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_PIPE, &error,
                             "/usr/bin/python3", mock, "1", NULL);
  g_assert_no_error (error);
  portal_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (portal));
  line = g_data_input_stream_read_line_utf8 (portal_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");

  gtk_init ();

  g_test_add_func ("/dark-style/follows-portal", test_dark_style_follows_portal);

  ret = g_test_run ();

  g_subprocess_force_exit (portal);
  g_clear_object (&portal);

  return ret;
}
