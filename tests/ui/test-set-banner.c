/* test-set-banner.c: a handout-set file the builder cannot read goes into the window's banner
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A named pipe and a misspelt set in the user's folder: opening the builder never blocks (the
 * sets are read in a worker thread, the pipe is refused without being opened for reading), and
 * both files are named, with their line, in the one banner of the guide's window. Opening the
 * builder again does not list them twice. The whole program runs under alarm().
 */

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "cg-application.h"
#include "cg-bundle-banner.h"
#include "cg-handout-dialog.h"
#include "cg-handout-set.h"
#include "cg-library.h"
#include "cg-window.h"

#include "cg-test-files.h"
#include "cg-test-widgets.h"

static CgApplication *app;
static char *config_home;

static GtkWindow *
find_handout_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (CG_IS_HANDOUT_DIALOG (toplevel))
        return toplevel;
    }

  return NULL;
}

static void
test_set_problems_in_banner (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autofree char *dir = g_build_filename (config_home, CG_HANDOUT_SETS_SUBDIR, NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.handout-set", NULL);
  g_autofree char *misspelt = g_build_filename (dir, "misspelt.handout-set", NULL);
  g_autofree char *details = NULL;
  g_autofree char *misspelt_line = NULL;
  CgBundleBanner *banner;
  GtkWindow *dialog = NULL;
  CgWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (misspelt, "[Handout Set]\nName=M\nSections=overview\n"
                                      "LargePrnt=true\n", -1, NULL));

  window = cg_window_new (GTK_APPLICATION (app), library);
  gtk_window_present (GTK_WINDOW (window));
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (window)));
  banner = CG_BUNDLE_BANNER (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_BUNDLE_BANNER));
  g_assert_cmpuint (cg_bundle_banner_get_n_problems (banner), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-handout", NULL));
  CG_TEST_WAIT_UNTIL ((dialog = find_handout_dialog ()) != NULL);
  CG_TEST_WAIT_UNTIL (cg_bundle_banner_get_n_problems (banner) == 2);

  details = cg_bundle_banner_dup_details (banner);
  g_test_message ("%s", details);
  misspelt_line = g_strdup_printf ("%s:4: Unknown key LargePrnt; did you mean LargePrint?", misspelt);
  g_assert_nonnull (strstr (details, misspelt_line));
  g_assert_nonnull (strstr (details, fifo));
  g_assert_nonnull (strstr (details, "named pipe"));
  g_assert_nonnull (cg_test_find_label (GTK_WIDGET (banner), "2 files could not be read"));

  /* The builder again: the same two problems, listed once */
  gtk_window_destroy (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-handout", NULL));
  CG_TEST_WAIT_UNTIL ((dialog = find_handout_dialog ()) != NULL);
  cg_test_wait_frames (GTK_WIDGET (dialog), 3);
  g_assert_cmpuint (cg_bundle_banner_get_n_problems (banner), ==, 2);

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  CG_TEST_WAIT_UNTIL (g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything reads $XDG_CONFIG_HOME */
  config_home = g_dir_make_tmp ("cg-set-banner-XXXXXX", NULL);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  (void)cg_test_use_private_session_bus ();
  gtk_test_init (&argc, &argv, NULL);
  alarm (60);

  app = cg_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/set-banner/problems-in-banner", test_set_problems_in_banner);

  status = g_test_run ();

  g_clear_object (&app);
  cg_test_remove_tree (config_home);
  g_free (config_home);

  return status;
}
