/* test-narrow-watch.c: a window told once when it becomes narrow or wide, on an idle
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-narrow-watch.h"

#include "cg-test-widgets.h"

static GPtrArray *calls;

static void
on_changed_cb (GtkWidget *widget,
               gboolean   narrow)
{
  g_ptr_array_add (calls, GINT_TO_POINTER (narrow ? 1 : 2));
}

/* Allocations report widths; the change is applied on the next idle, once, however many
 * allocations came meanwhile */
static void
test_narrow_watch_idle (void)
{
  GtkWidget *widget = g_object_ref_sink (gtk_label_new (NULL));
  CgNarrowWatch watch;

  calls = g_ptr_array_new ();
  cg_narrow_watch_init (&watch, widget, 900, on_changed_cb);
  g_assert_false (cg_narrow_watch_is_narrow (&watch));

  cg_narrow_watch_allocated (&watch, 1200);
  g_assert_cmpuint (watch.idle_id, ==, 0);

  cg_narrow_watch_allocated (&watch, 700);
  cg_narrow_watch_allocated (&watch, 600);
  /* Not while allocating */
  g_assert_cmpuint (calls->len, ==, 0);
  CG_TEST_WAIT_UNTIL (calls->len == 1);
  g_assert_cmpint (GPOINTER_TO_INT (g_ptr_array_index (calls, 0)), ==, 1);
  g_assert_true (cg_narrow_watch_is_narrow (&watch));

  /* Wide again, the last width counts: 800 then 1000 is wide */
  cg_narrow_watch_allocated (&watch, 1000);
  CG_TEST_WAIT_UNTIL (calls->len == 2);
  g_assert_cmpint (GPOINTER_TO_INT (g_ptr_array_index (calls, 1)), ==, 2);
  g_assert_false (cg_narrow_watch_is_narrow (&watch));

  /* Cleared before its idle: never called */
  cg_narrow_watch_allocated (&watch, 300);
  cg_narrow_watch_clear (&watch);
  g_assert_cmpuint (watch.idle_id, ==, 0);
  g_assert_false (cg_narrow_watch_is_narrow (&watch));

  g_ptr_array_unref (calls);
  g_object_unref (widget);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/narrow-watch/idle", test_narrow_watch_idle);

  return g_test_run ();
}
