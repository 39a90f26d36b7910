/* test-file-chooser.c: the one file chooser of the window and the handout builder
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 runs GtkFileChooserNative; without a portal (GDK_DEBUG=no-portals) that is a
 * GtkFileChooserDialog in this process, which the test answers as a person would.
 */

#include "config.h"

#include <string.h>

#include "cg-file-chooser.h"

#include "cg-test-widgets.h"

typedef struct
{
  gboolean  done;
  GFile    *file;
  GError   *error;
} Result;

static void
on_chooser_done_cb (GObject      *object,
                    GAsyncResult *async_result,
                    gpointer      user_data)
{
  Result *result = user_data;

  result->file = cg_file_chooser_run_finish (async_result, &result->error);
  result->done = TRUE;
}

static gboolean
chooser_has_file (GtkWindow *chooser,
                  GFile     *file)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return chosen != NULL && g_file_equal (chosen, file);
}

static GtkFileFilter *
create_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, "PDF documents");
  gtk_file_filter_add_mime_type (filter, "application/pdf");

  return filter;
}

/* Save: the suggested name is offered */
static void
test_file_chooser_save (void)
{
  g_autoptr(GtkFileFilter) filter = create_filter ();
  g_autofree char *name = NULL;
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  GtkWindow *chooser;
  Result result = { 0 };

  gtk_window_present (parent);
  cg_file_chooser_run (parent, CG_FILE_CHOOSER_SAVE, "Save Handout as PDF", "suggested.pdf",
                       filter, NULL, on_chooser_done_cb, &result);
  CG_TEST_WAIT_UNTIL ((chooser = cg_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);

  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Save Handout as PDF");
  g_assert_true (gtk_window_get_modal (chooser));
  g_assert_true (gtk_window_get_transient_for (chooser) == parent);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "suggested.pdf");
  g_assert_true (gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser)) == filter);

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  CG_TEST_WAIT_UNTIL (result.done);
  g_assert_null (result.file);
  g_clear_error (&result.error);
  gtk_window_destroy (parent);
}

/* Open: the file chosen comes back */
static void
test_file_chooser_open (void)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "clinic.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *chooser;
  Result result = { 0 };

  gtk_file_filter_add_suffix (filter, "xml");
  cg_file_chooser_run (NULL, CG_FILE_CHOOSER_OPEN, "Open Bundle", NULL, filter, NULL,
                       on_chooser_done_cb, &result);
  CG_TEST_WAIT_UNTIL ((chooser = cg_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);

  /* Selecting waits for the folder to be read */
  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  CG_TEST_WAIT_UNTIL (chooser_has_file (chooser, file));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  CG_TEST_WAIT_UNTIL (result.done);

  g_assert_no_error (result.error);
  g_assert_nonnull (result.file);
  g_assert_true (g_file_equal (result.file, file));
  g_assert_null (cg_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_clear_object (&result.file);
}

/* Open, then closed without a choice: no file, an error not worth showing */
static void
test_file_chooser_dismissed (void)
{
  g_autoptr(GtkFileFilter) filter = create_filter ();
  GtkWindow *chooser;
  Result result = { 0 };

  cg_file_chooser_run (NULL, CG_FILE_CHOOSER_OPEN, "Open Bundle", NULL, filter, NULL,
                       on_chooser_done_cb, &result);
  CG_TEST_WAIT_UNTIL ((chooser = cg_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_OPEN);

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  CG_TEST_WAIT_UNTIL (result.done);

  g_assert_null (result.file);
  g_assert_nonnull (result.error);
  g_clear_error (&result.error);
}

/* The caller goes away first (the handout builder closes): the chooser closes with it */
static void
test_file_chooser_cancelled (void)
{
  g_autoptr(GtkFileFilter) filter = create_filter ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Result result = { 0 };

  cg_file_chooser_run (NULL, CG_FILE_CHOOSER_SAVE, "Save Handout as PDF", "a.pdf", filter,
                       cancellable, on_chooser_done_cb, &result);
  CG_TEST_WAIT_UNTIL (cg_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);

  g_cancellable_cancel (cancellable);
  CG_TEST_WAIT_UNTIL (result.done);

  g_assert_null (result.file);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&result.error);
  CG_TEST_WAIT_UNTIL (cg_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
}

#if GTK_CHECK_VERSION (4, 10, 0)
/* GTK 4.18's file chooser widget still finishes reading a folder after the chooser is gone
 * (after /file-chooser/open asserted that no chooser is left) and then warns
 * "gtk_box_remove: assertion 'GTK_IS_BOX (box)' failed" from GTK's own callback. That one
 * message is GTK's to fix, not a failure of the app: it is noted, not fatal. Any other GTK
 * critical still fails the test. */
#define GTK_CHOOSER_CRITICAL "gtk_box_remove: assertion 'GTK_IS_BOX (box)' failed"

static void
on_gtk_critical_cb (const char     *log_domain,
                    GLogLevelFlags  log_level,
                    const char     *message,
                    gpointer        user_data)
{
  if (strstr (message, GTK_CHOOSER_CRITICAL) != NULL)
    g_test_message ("GTK's file chooser after it closed: %s", message);
  else
    g_log_default_handler (log_domain, log_level, message, user_data);
}

static gboolean
on_log_fatal_cb (const char     *log_domain,
                 GLogLevelFlags  log_level,
                 const char     *message,
                 gpointer        user_data)
{
  return g_strcmp0 (log_domain, "Gtk") != 0 || strstr (message, GTK_CHOOSER_CRITICAL) == NULL;
}
#endif

/* GLib forgets the fatal-log handler between test cases: set it for each */
static void
run_test (gconstpointer test)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_test_log_set_fatal_handler (on_log_fatal_cb, NULL);
#endif
  ((GTestFunc)test) ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
#if GTK_CHECK_VERSION (4, 10, 0)
  g_log_set_handler ("Gtk", G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL, on_gtk_critical_cb, NULL);
#endif

  g_test_add_data_func ("/file-chooser/save", test_file_chooser_save, run_test);
  g_test_add_data_func ("/file-chooser/open", test_file_chooser_open, run_test);
  g_test_add_data_func ("/file-chooser/dismissed", test_file_chooser_dismissed, run_test);
  g_test_add_data_func ("/file-chooser/cancelled", test_file_chooser_cancelled, run_test);

  return g_test_run ();
}
