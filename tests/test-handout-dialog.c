/* test-handout-dialog.c: the handout builder, driven through its widgets
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cg-bundle.h"
#include "cg-handout-dialog.h"
#include "cg-handout-layout.h"
#include "cg-library.h"
#include "cg-print-operation.h"
#include "cg-section.h"
#include "cg-topic.h"

#include "cg-test-widgets.h"

static GtkCheckButton *
find_section_check (GtkWidget  *dialog,
                    const char *title)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  cg_test_collect_widgets (dialog, GTK_TYPE_CHECK_BUTTON, checks);
  for (guint i = 0; i < checks->len; i++)
    if (g_strcmp0 (gtk_check_button_get_label (g_ptr_array_index (checks, i)), title) == 0)
      return g_ptr_array_index (checks, i);

  return NULL;
}

/* The text views in template order: the clinic header, then the note. */
static GtkTextBuffer *
get_buffer (GtkWidget *dialog,
            guint      position)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  cg_test_collect_widgets (dialog, GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 2);

  return gtk_text_view_get_buffer (g_ptr_array_index (views, position));
}

/* The first label whose text starts with @prefix */
static GtkWidget *
find_label (GtkWidget  *dialog,
                        const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  cg_test_collect_widgets (dialog, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), prefix))
      return g_ptr_array_index (labels, i);

  return NULL;
}

static char *
pdf_to_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  return out;
}

static void
test_dialog_export (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_dir_make_tmp ("cg-handout-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtkTextBuffer) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *clinic = NULL;
  GtkWidget *readability;
  GtkWindow *dialog;
  GtkCheckButton *causes;

  dialog = cg_handout_dialog_new (NULL, library, "causes");
  gtk_window_present (dialog);
  cg_test_spin (100);

  /* Every section is ticked; the one the window shows is marked */
  causes = find_section_check (GTK_WIDGET (dialog), "Causes");
  g_assert_nonnull (causes);
  g_assert_true (gtk_check_button_get_active (causes));
  g_assert_true (gtk_check_button_get_active (find_section_check (GTK_WIDGET (dialog),
                                                                  "Summary")));
  g_assert_true (find_label (GTK_WIDGET (dialog), "Shown now") != NULL);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (dialog)));

  gtk_check_button_set_active (causes, FALSE);
  gtk_text_buffer_set_text (get_buffer (GTK_WIDGET (dialog), 0), "Riverside Clinic", -1);
  note = g_object_ref (get_buffer (GTK_WIDGET (dialog), 1));
  gtk_text_buffer_set_text (note, "Come back in six weeks.", -1);
  cg_test_spin (300);

  /* The reading level is shown, with its formula named in the tooltip */
  readability = find_label (GTK_WIDGET (dialog), "Reading level: grade ");
  g_assert_nonnull (readability);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (readability), "Flesch–Kincaid"));

  g_assert_true (cg_handout_dialog_save_pdf (CG_HANDOUT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);

  text = pdf_to_text (path);
  g_assert_null (strstr (text, "Some common causes include:"));
  g_assert_nonnull (strstr (text, "Common symptoms include:"));
  g_assert_nonnull (strstr (text, "Riverside Clinic"));
  g_assert_nonnull (strstr (text, "Come back in six weeks."));
  g_assert_nonnull (strstr (text, "Notes from your care team"));
  g_assert_nonnull (strstr (text, "Page 1 of "));

  /* The clinic header is remembered; the note is not, and is gone once the window closes */
  clinic = g_settings_get_string (settings, "clinic-header");
  g_assert_cmpstr (clinic, ==, "Riverside Clinic");

  gtk_window_close (dialog);
  cg_test_spin (50);
  {
    GtkTextIter start, end;
    g_autofree char *left = NULL;

    gtk_text_buffer_get_bounds (note, &start, &end);
    left = gtk_text_buffer_get_text (note, &start, &end, FALSE);
    g_assert_cmpstr (left, ==, "");
  }

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Nothing ticked: nothing to print. */
static void
test_dialog_nothing_ticked (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint n_buttons = 0;
  GtkWindow *dialog;

  dialog = cg_handout_dialog_new (NULL, library, NULL);
  gtk_window_present (dialog);
  cg_test_spin (50);

  g_assert_false (find_label (GTK_WIDGET (dialog), "Shown now") != NULL);
  cg_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 7);
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), FALSE);
  cg_test_spin (300);

  /* The buttons follow their actions' state */
  cg_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (button));

      if (g_strcmp0 (action, "handout.print") == 0 || g_strcmp0 (action, "handout.save-pdf") == 0)
        {
          g_assert_false (gtk_widget_is_sensitive (button));
          n_buttons++;
        }
    }
  g_assert_cmpuint (n_buttons, ==, 2);

  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
  cg_test_spin (300);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_actionable_get_action_name (GTK_ACTIONABLE (g_ptr_array_index (buttons, i))))
      g_assert_true (gtk_widget_is_sensitive (g_ptr_array_index (buttons, i)));

  gtk_window_destroy (dialog);
}

/* The handout language is remembered once the clinician picks one, and only then */
static void
test_dialog_remembers_language (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char * const *languages = cg_library_get_languages (library);
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  GtkDropDown *language;
  GtkWindow *dialog;
  guint spanish;

  g_settings_reset (settings, "handout-language");
  dialog = cg_handout_dialog_new (NULL, library, NULL);
  gtk_window_present (dialog);
  cg_test_spin (50);

  /* Opening the builder stores nothing: the default still follows the interface */
  g_assert_cmpstr (g_settings_get_string (settings, "handout-language"), ==, "");

  for (spanish = 0; languages[spanish] != NULL && !g_str_equal (languages[spanish], "es"); spanish++)
    ;
  g_assert_nonnull (languages[spanish]);

  /* The first drop-down of the template is the language */
  cg_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, dropdowns);
  language = g_ptr_array_index (dropdowns, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (language), ==, 0);
  gtk_drop_down_set_selected (language, spanish);
  g_assert_cmpstr (g_settings_get_string (settings, "handout-language"), ==, "es");
  gtk_window_destroy (dialog);

  dialog = cg_handout_dialog_new (NULL, library, NULL);
  gtk_window_present (dialog);
  cg_test_spin (50);
  g_ptr_array_set_size (dropdowns, 0);
  cg_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (dropdowns, 0)), ==, spanish);
  gtk_window_destroy (dialog);

  g_settings_reset (settings, "handout-language");
}

/* The print path (GtkPrintOperation exporting, as a printer would be driven) and the PDF
 * export give the same pages, line for line. */
static void
test_print_operation (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  CgBundle *bundle = cg_library_get_bundle (library, "en", NULL);
  g_autoptr(CgHandoutLayout) layout = cg_handout_layout_new (bundle);
  g_autoptr(CgPrintOperation) operation = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cg-handout-print-XXXXXX", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;
  g_autoptr(GError) error = NULL;
  CgTopic *topic = cg_bundle_get_topic (bundle, 0);

  for (guint i = 0; i < cg_topic_get_n_sections (topic); i++)
    cg_handout_layout_add_section (layout, cg_topic_get_section (topic, i));
  cg_handout_layout_set_note (layout, "Come back in six weeks.");
  cg_handout_layout_set_paper (layout, CG_PAPER_LETTER);

  operation = cg_print_operation_new (layout);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), printed);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_assert_true (cg_handout_layout_export_pdf (layout, exported, &error));
  g_assert_no_error (error);

  printed_text = pdf_to_text (printed);
  exported_text = pdf_to_text (exported);
  g_assert_nonnull (strstr (printed_text, "Page 1 of "));
  g_assert_cmpstr (printed_text, ==, exported_text);

  g_assert_cmpint (g_unlink (printed), ==, 0);
  g_assert_cmpint (g_unlink (exported), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handout-dialog/export", test_dialog_export);
  g_test_add_func ("/handout-dialog/nothing-ticked", test_dialog_nothing_ticked);
  g_test_add_func ("/handout-dialog/print-operation", test_print_operation);
  g_test_add_func ("/handout-dialog/remembers-language", test_dialog_remembers_language);

  return g_test_run ();
}
