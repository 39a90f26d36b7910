/* cg-test-widgets.h: finding and waiting for widgets in UI tests
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Depth-first search for the first descendant of @type. */
static inline GtkWidget *
cg_test_find_widget (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cg_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
cg_test_timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @msec, so layout, idle handlers and debounced signals happen. */
static inline void
cg_test_spin (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, cg_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Moves the test to a private session bus that can start no service. A GtkApplication of
 * GTK 4.8 starting up on a bus that can activate xdg-desktop-portal starts it (to inhibit
 * through it), and the app would then read the desktop's settings from it: the tests stay off
 * portals only where none can start. Accessibility goes through GTK's test context, as there
 * is no accessibility bus either. Call before gtk_test_init(); the bus ends with the process. */
static inline GTestDBus *
cg_test_use_private_session_bus (void)
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  GTestDBus *bus = g_test_dbus_new (G_TEST_DBUS_NONE);

  g_test_dbus_up (bus);
  /* GTestDBus unsets DISPLAY, so that D-Bus cannot autolaunch on X11; GTK needs it back */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);

  return bus;
}

G_END_DECLS
