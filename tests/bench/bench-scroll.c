/* bench-scroll.c: how long a frame takes while the document scrolls, for build-aux/bench
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the app's main window (960×680, the default size) on the shipped content, waits until
 * the topic is laid out, then scrolls it the way a mouse wheel does (GtkScrolledWindow's wheel
 * step, page^(2/3) pixels) from the top to the bottom and back, N times. For every step it times
 * the frame that shows it: from the frame clock's first phase (update, layout or paint) to the end of "after-paint"
 * (layout, snapshot and rendering; not the wait for the next vertical blank). Prints one line:
 *
 *   scroll-frames STEPS  median p95 max over-16-ms (wall-clock)  median p95 max over-16-ms (CPU)
 *
 * in ms. The CPU time is the whole process's (GL rendering threads included), so a busy machine
 * inflates the wall-clock figures but hardly the CPU ones.
 *
 *   bench-scroll [--bare] [ROUNDS]   (needs a display: build-aux/bench runs it under Xvfb)
 *
 * --bare scrolls the floor instead: the same text, untagged, in a plain GtkTextView filling a
 * window of the same size with a header bar (the app's font size, about its spacing and line
 * length).
 */

#include "config.h"

#include <math.h>
#include <time.h>
#include <stdlib.h>

#include "cg-application.h"
#include "cg-content-view.h"
#include "cg-library.h"
#include "cg-window.h"

#include "../cg-test-widgets.h"

typedef struct
{
  GArray  *frame_us;      /* wall-clock */
  GArray  *frame_cpu_us;  /* CPU time of the whole process (GL rendering threads included) */
  gint64   frame_start;
  gint64   frame_cpu_start;
  gboolean painted;
} Bench;

static gint64
process_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* The first phase a frame runs (update, layout or paint: each only when asked for) starts it */
static void
on_frame_phase_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  if (bench->frame_start != 0)
    return;

  bench->frame_start = g_get_monotonic_time ();
  bench->frame_cpu_start = process_cpu_us ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  if (bench->frame_start == 0)
    return;

  bench->painted = TRUE;
  if (bench->frame_us != NULL)
    {
      double us = g_get_monotonic_time () - bench->frame_start;
      double cpu_us = process_cpu_us () - bench->frame_cpu_start;

      g_array_append_val (bench->frame_us, us);
      g_array_append_val (bench->frame_cpu_us, cpu_us);
    }
  bench->frame_start = 0;
}

static int compare_doubles (gconstpointer a,
                            gconstpointer b);

/* "median p95 max over-16-ms" of @values in ms; sorts them */
static void
print_figures (GArray *values)
{
  guint n = values->len, over = 0;

  g_array_sort (values, compare_doubles);
  for (guint i = 0; i < n; i++)
    if (g_array_index (values, double, i) > 16000)
      over++;

  g_print (" %.2f %.2f %.2f %u",
           g_array_index (values, double, n / 2) / 1000,
           g_array_index (values, double, MIN (n - 1, n * 95 / 100)) / 1000,
           g_array_index (values, double, n - 1) / 1000,
           over);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
spin_until_painted (Bench *bench)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  bench->painted = FALSE;
  while (!bench->painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static void
spin (guint msec)
{
  gint64 deadline = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgApplication) app = NULL;
  g_autoptr(CgLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  GdkFrameClock *clock;
  CgContentView *view;
  GtkWidget *window;
  Bench bench = { 0 };
  gboolean bare = argc > 1 && g_str_equal (argv[1], "--bare");
  guint rounds = argc > 1 + bare ? (guint)atoi (argv[1 + bare]) : 5;
  double step;
  guint n;

  gtk_init ();

  app = cg_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  /* Registering runs the app's start-up: the style sheet is loaded as when it runs */

  library = cg_library_new ();
  window = GTK_WIDGET (cg_window_new (GTK_APPLICATION (app), library));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  gtk_window_present (GTK_WINDOW (window));
  cg_window_select_section (CG_WINDOW (window), "overview");
  view = CG_CONTENT_VIEW (cg_test_find_widget (window, CG_TYPE_CONTENT_VIEW));

  if (bare)
    {
      /* The floor: the same text, untagged, in a plain text view filling a plain window */
      g_autofree char *text = cg_content_view_dup_text (view);
      GtkWidget *text_view = gtk_text_view_new ();

      gtk_window_destroy (GTK_WINDOW (window));
      window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (text_view), FALSE);
      /* The app's font size and about its spacing and line length, so the text is as tall */
      gtk_widget_add_css_class (text_view, "content-column");
      gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (text_view), 9);
      gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (text_view), 14);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 200);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 200);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), text, -1);
      scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
      gtk_scrolled_window_set_child (scroller, text_view);
      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (scroller));
      /* The same chrome: client-side decorations cost most of a frame under software GL */
      gtk_window_set_titlebar (GTK_WINDOW (window), gtk_header_bar_new ());
      gtk_window_present (GTK_WINDOW (window));
    }
  else
    scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (cg_content_view_get_text_view (view))));

  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "update", G_CALLBACK (on_frame_phase_cb), &bench);
  g_signal_connect (clock, "layout", G_CALLBACK (on_frame_phase_cb), &bench);
  g_signal_connect (clock, "paint", G_CALLBACK (on_frame_phase_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &bench);

  /* Laid out: every line measured (the height stops changing) */
  spin (1000);

  /* GtkScrolledWindow's wheel step */
  step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  bench.frame_us = g_array_new (FALSE, FALSE, sizeof (double));
  bench.frame_cpu_us = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < rounds; round++)
    for (int direction = 1; direction >= -1; direction -= 2)
      for (;;)
        {
          double value = gtk_adjustment_get_value (adjustment);
          double target = CLAMP (value + direction * step, gtk_adjustment_get_lower (adjustment),
                                 gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));

          if (fabs (target - value) < 0.5)
            break;
          gtk_adjustment_set_value (adjustment, target);
          spin_until_painted (&bench);
        }

  n = bench.frame_us->len;
  if (n == 0)
    g_error ("no frames painted");

  g_print ("scroll-frames %u", n);
  print_figures (bench.frame_us);
  print_figures (bench.frame_cpu_us);
  g_print ("\n");

  g_array_unref (bench.frame_us);
  g_array_unref (bench.frame_cpu_us);
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
