/* bench-builder.c: from ticking a section in the handout builder to the new preview drawn
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run on demand by build-aux/bench under Xvfb, never as a test. Ticks and unticks sections of
 * the shipped content the way a clinician does, and times each from the toggle to the end of
 * the frame that paints the new preview. Prints one line:
 *   ticks N <TAB> median MS <TAB> p99 MS <TAB> frame MS <TAB> layout MS
 * where frame is the median time of a redraw with nothing to lay out (the floor), and layout
 * the median time the tick itself took, before the frame.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "cg-handout-dialog.h"
#include "cg-library.h"

#define N_TICKS 60

static gboolean painted;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  painted = TRUE;
}

static void
wait_for_paint (GdkFrameClock *clock)
{
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static void
collect_checks (GtkWidget *widget,
                GPtrArray *checks)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (checks, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_checks (child, checks);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgLibrary) library = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  double ticks[N_TICKS];
  double frames[N_TICKS];
  double layouts[N_TICKS];
  GdkFrameClock *clock;
  GtkWindow *dialog;

  gtk_init ();
  library = cg_library_new ();
  dialog = cg_handout_dialog_new (NULL, library, "treatment");
  gtk_window_set_default_size (dialog, 960, 680);
  gtk_window_present (dialog);
  while (!gtk_widget_get_mapped (GTK_WIDGET (dialog)))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (dialog));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  wait_for_paint (clock);

  collect_checks (GTK_WIDGET (dialog), checks);
  g_assert (checks->len >= 7);

  for (guint i = 0; i < N_TICKS; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i % 7);
      gint64 start;

      /* The floor: a frame asked for with nothing to lay out */
      start = g_get_monotonic_time ();
      gtk_widget_queue_draw (GTK_WIDGET (dialog));
      wait_for_paint (clock);
      frames[i] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
      layouts[i] = (g_get_monotonic_time () - start) / 1000.0;
      wait_for_paint (clock);
      ticks[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (ticks, N_TICKS, sizeof (double), compare_doubles);
  qsort (frames, N_TICKS, sizeof (double), compare_doubles);
  qsort (layouts, N_TICKS, sizeof (double), compare_doubles);
  g_print ("ticks %d\tmedian %.2f\tp99 %.2f\tframe %.2f\tlayout %.2f\n", N_TICKS,
           ticks[N_TICKS / 2], ticks[(N_TICKS * 99) / 100], frames[N_TICKS / 2],
           layouts[N_TICKS / 2]);

  gtk_window_destroy (dialog);

  return 0;
}
