/* test-handout-notice.c: what became of a handout: saved (Open, Show in Files), printed
 * (printer and pages), a message; Copy Chart Line only when there is a line
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-handout-notice.h"
#include "cg-resources.h"

#include "cg-test-widgets.h"

static GtkWidget *
find_button (GtkWidget  *notice,
             const char *action)
{
  return cg_test_find_widget_if (notice, cg_test_is_button_for_action, action);
}

static void
test_notice_kinds (void)
{
  GtkWidget *notice = g_object_ref_sink (g_object_new (CG_TYPE_HANDOUT_NOTICE, NULL));
  CgHandoutNotice *self = CG_HANDOUT_NOTICE (notice);
  g_autoptr(GFile) file = g_file_new_for_path ("/home/clinic/calcinosis-treatment-es.pdf");

  g_assert_false (gtk_widget_get_visible (notice));
  g_assert_null (cg_handout_notice_get_message (self));

  cg_handout_notice_show_saved (self, file, "Patient education: line");
  g_assert_cmpstr (cg_handout_notice_get_message (self), ==, "Saved “calcinosis-treatment-es.pdf”");
  g_assert_true (gtk_widget_get_visible (find_button (notice, "notice.open")));
  g_assert_true (gtk_widget_get_visible (find_button (notice, "notice.show-in-files")));
  g_assert_true (gtk_widget_get_visible (find_button (notice, "notice.copy-chart-line")));
  g_assert_cmpstr (cg_handout_notice_get_chart_line (self), ==, "Patient education: line");

  cg_handout_notice_show_printed (self, "FrontDesk", 2, "Patient education: printed");
  g_assert_cmpstr (cg_handout_notice_get_message (self), ==, "Sent to FrontDesk (2 pages)");
  g_assert_false (gtk_widget_get_visible (find_button (notice, "notice.open")));
  g_assert_true (gtk_widget_get_visible (find_button (notice, "notice.copy-chart-line")));
  cg_handout_notice_show_printed (self, "FrontDesk", 1, "Patient education: printed");
  g_assert_cmpstr (cg_handout_notice_get_message (self), ==, "Sent to FrontDesk (1 page)");

  cg_handout_notice_show_message (self, "New diagnosis: 3 sections");
  g_assert_false (gtk_widget_get_visible (find_button (notice, "notice.copy-chart-line")));
  g_assert_null (cg_handout_notice_get_chart_line (self));

  cg_handout_notice_dismiss (self);
  g_assert_false (gtk_widget_get_visible (notice));
  g_assert_null (cg_handout_notice_get_message (self));

  g_object_unref (notice);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* Links the resources (the notice's template) into the test */
  (void)cg_get_resource ();

  g_test_add_func ("/handout-notice/kinds", test_notice_kinds);

  return g_test_run ();
}
