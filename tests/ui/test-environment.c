/* test-environment.c: the test suite's environment does what tests/meson.build says
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests must not reach a desktop portal: GTK 4.8 uses portals inside Flatpak (/.flatpak-info)
 * or with GDK_DEBUG=portals, GLib with GTK_USE_PORTAL=1, and a GtkApplication starting up
 * starts xdg-desktop-portal on a session bus that can activate it. This checks each of those
 * (the tests that start the app run on a private bus that can start nothing), and that GTK
 * accepts every GDK_DEBUG value the suite sets (an unknown one, such as "no-portals", is
 * ignored with a complaint and disables nothing).
 */

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "cg-application.h"

#include "cg-test-widgets.h"

/* GTK reads GDK_DEBUG once, when it opens the display: do that in a child and read what it
 * says on stderr */
static void
test_gdk_debug_values (void)
{
  if (g_test_subprocess ())
    {
      g_assert_true (gtk_init_check ());
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*Unrecognized value*");
}

static void
test_no_portals (void)
{
  g_autoptr(CgApplication) app = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) activatable = NULL;
  g_autoptr(GError) error = NULL;
  const char *portals[] = {
    "org.freedesktop.portal.Desktop",
    "org.freedesktop.portal.Documents",
  };
  const char *gdk_debug = g_getenv ("GDK_DEBUG");
  const char **names = NULL;

  g_assert_false (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS));
  g_assert_true (gdk_debug == NULL || strstr (gdk_debug, "portals") == NULL);
  g_assert_cmpstr (g_getenv ("GTK_USE_PORTAL"), !=, "1");

  /* The app starts up as in the window tests; afterwards no portal runs, and none could */
  gtk_init ();
  app = cg_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* Let what start-up queued run, e.g. a portal call */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (portals); i++)
    {
      g_autoptr(GVariant) reply = NULL;
      gboolean has_owner = TRUE;

      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", portals[i]), G_VARIANT_TYPE ("(b)"),
                                           G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("%s", portals[i]);
      g_variant_get (reply, "(b)", &has_owner);
      g_assert_false (has_owner);
    }

  activatable = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                             G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                             NULL, &error);
  g_assert_no_error (error);
  g_variant_get (activatable, "(^a&s)", &names);
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (names[i], "org.freedesktop.portal."));
  g_free (names);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* What every test that starts the app does (tests/cg-test-widgets.h) */
  (void)cg_test_use_private_session_bus ();

  g_test_add_func ("/environment/gdk-debug-values", test_gdk_debug_values);
  g_test_add_func ("/environment/no-portals", test_no_portals);

  return g_test_run ();
}
