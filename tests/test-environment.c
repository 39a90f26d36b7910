/* test-environment.c: the test suite's environment does what tests/meson.build says
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests must not reach a desktop portal: GTK 4.8 uses portals only inside Flatpak
 * (/.flatpak-info) or with GDK_DEBUG=portals, GLib only with GTK_USE_PORTAL=1, and neither
 * starts one on the bus. This checks each of those, and that GTK accepts every GDK_DEBUG
 * value the suite sets (an unknown one, such as "no-portals", is ignored with a complaint and
 * disables nothing).
 */

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

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
  g_autoptr(GDBusConnection) bus = NULL;
  const char *portals[] = {
    "org.freedesktop.portal.Desktop",
    "org.freedesktop.portal.Documents",
  };
  const char *gdk_debug = g_getenv ("GDK_DEBUG");

  g_assert_false (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS));
  g_assert_true (gdk_debug == NULL || strstr (gdk_debug, "portals") == NULL);
  g_assert_cmpstr (g_getenv ("GTK_USE_PORTAL"), !=, "1");

  /* The suite's private session bus runs no portal, and the tests start none */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  for (guint i = 0; bus != NULL && i < G_N_ELEMENTS (portals); i++)
    {
      g_autoptr(GVariant) reply = NULL;
      g_autoptr(GError) error = NULL;
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
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/environment/gdk-debug-values", test_gdk_debug_values);
  g_test_add_func ("/environment/no-portals", test_no_portals);

  return g_test_run ();
}
