/* bare-window.c: the start-up floor for build-aux/bench
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An empty GtkApplicationWindow of the app's default size, started the way the app starts
 * (GtkApplication on the session bus, G_APPLICATION_HANDLES_OPEN) with the same first-frame
 * hook as src/cg-application.c: when the window's frame clock emits its first after-paint, print
 * "first-frame <monotonic µs> us" and quit. Built by build-aux/bench, never installed.
 *
 *   bare-window              the floor: under Xvfb (no window manager, no compositor) GTK draws
 *                            no decorations, so this is an empty surface with no text at all
 *   bare-window --headerbar  a reference, not the floor: the same window with a GtkHeaderBar
 *                            (client-side decorations, a title), the chrome every GNOME app has
 */

#include <gtk/gtk.h>

static void
on_first_frame_painted_cb (GdkFrameClock *frame_clock,
                           GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_painted_cb, app);
  g_print ("first-frame %" G_GINT64_FORMAT " us\n", g_get_monotonic_time ());
  g_application_quit (app);
}

static void
on_window_map_cb (GtkWidget    *window,
                  GApplication *app)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_frame_painted_cb), app, 0);
}

static gboolean with_headerbar;

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = gtk_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  if (with_headerbar)
    gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  if (g_getenv ("CG_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (window, "map", G_CALLBACK (on_window_map_cb), app, 0);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  if (argc > 1 && g_str_equal (argv[1], "--headerbar"))
    {
      with_headerbar = TRUE;
      argv[1] = argv[0];
      argc--;
      argv++;
    }

  app = gtk_application_new ("io.github.calcinosisguide.BareWindow", G_APPLICATION_HANDLES_OPEN);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
