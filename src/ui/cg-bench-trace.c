/* cg-bench-trace.c: the timings build-aux/bench reads from standard output
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built only with -Dbench_trace=true (see cg-bench-trace.h), so release builds have none of it.
 */

#define G_LOG_DOMAIN "cg-bench-trace"

#include "config.h"

#include "cg-bench-trace.h"

/* The time the last key arrived, on the window; 0 once its results were drawn */
#define KEY_TIME_KEY "cg-bench-key-time"

static gint64 *
peek_key_time (GtkWidget *window)
{
  return g_object_get_data (G_OBJECT (window), KEY_TIME_KEY);
}

static void
on_first_frame_painted_cb (GdkFrameClock *frame_clock,
                           GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_painted_cb, app);
  g_print ("first-frame %" G_GINT64_FORMAT " us\n", g_get_monotonic_time ());
  if (g_getenv ("CG_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_application_quit (app);
}

static void
on_window_map_cb (GtkWidget    *window,
                  GApplication *app)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_first_frame_painted_cb), app, 0);
}

static gboolean
on_key_pressed_cb (GtkWidget             *window,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  *peek_key_time (window) = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

/**
 * cg_bench_trace_watch_window:
 *
 * Times @window's first frame and, with CG_BENCH_TRACE, the keys typed in it. Does nothing
 * unless CG_QUIT_AFTER_FIRST_FRAME or CG_BENCH_TRACE is set.
 */
void
cg_bench_trace_watch_window (GtkWindow    *window,
                             GApplication *app)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (G_IS_APPLICATION (app));

  if (g_getenv ("CG_QUIT_AFTER_FIRST_FRAME") != NULL || g_getenv ("CG_BENCH_TRACE") != NULL)
    g_signal_connect_object (window, "map", G_CALLBACK (on_window_map_cb), app, 0);

  if (g_getenv ("CG_BENCH_TRACE") == NULL)
    return;

  g_object_set_data_full (G_OBJECT (window), KEY_TIME_KEY, g_new0 (gint64, 1), g_free);

  /* Capture phase on the window: the time a key arrives, before type-to-search takes it */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (on_key_pressed_cb), window, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

static void
on_results_painted_cb (GdkFrameClock *frame_clock,
                       GtkWidget     *window)
{
  gint64 *key_time = peek_key_time (window);

  g_signal_handlers_disconnect_by_func (frame_clock, on_results_painted_cb, window);
  if (*key_time != 0)
    g_print ("keystroke %" G_GINT64_FORMAT " us\n", g_get_monotonic_time () - *key_time);
  *key_time = 0;
}

/* The results of the last key are in the window: the next frame drawn shows them */
void
cg_bench_trace_results_shown (GtkWidget *window)
{
  gint64 *key_time = peek_key_time (window);
  GdkFrameClock *frame_clock;

  if (key_time == NULL || *key_time == 0 || !(frame_clock = gtk_widget_get_frame_clock (window)))
    return;

  g_signal_handlers_disconnect_by_func (frame_clock, on_results_painted_cb, window);
  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (on_results_painted_cb), window, 0);
}

/* Every bundle of the library is loaded and indexed */
void
cg_bench_trace_searchable (void)
{
  if (g_getenv ("CG_BENCH_TRACE") != NULL)
    g_print ("searchable %" G_GINT64_FORMAT " us\n", g_get_monotonic_time ());
}
