/* test-handout-patient.c: one patient at a time: every handout starts fresh, the patient's
 * details go on the handout and nowhere else, and nothing of them outlives the window
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session runs in a home of its own (HOME and the XDG folders in a new folder), so that
 * after it the whole home can be searched for the patient's details, with /tmp.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cg-application.h"
#include "cg-chart-line.h"
#include "cg-handout-dialog.h"
#include "cg-handout-notice.h"
#include "cg-keep-banner.h"
#include "cg-library.h"
#include "cg-window.h"

#include "cg-test-files.h"
#include "cg-test-util.h"
#include "cg-test-widgets.h"

/* Patient details no file or setting may hold: unlikely anywhere by chance */
#define PATIENT_NAME "Zephyrinequa"
#define PATIENT_APPOINTMENT "Thursday 14:45 room Qx7"
#define PATIENT_NOTE "Soak the Kwvbtz dressing twice"

static CgApplication *app;
static char *home;
static gint64 session_start;

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

static gboolean
is_toplevel (gpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == window)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_placeholder (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_ENTRY (widget) &&
         g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), text) == 0;
}

static GtkEditable *
get_prepared_for (GtkWindow *dialog)
{
  return GTK_EDITABLE (cg_test_find_widget_if (GTK_WIDGET (dialog), has_placeholder, "First name (optional)"));
}

static GtkEditable *
get_appointment (GtkWindow *dialog)
{
  return GTK_EDITABLE (cg_test_find_widget_if (GTK_WIDGET (dialog), has_placeholder, "Day and time (optional)"));
}

/* The text views in template order: the clinic header, then the note */
static GtkTextBuffer *
get_note (GtkWindow *dialog)
{
  g_autoptr(GPtrArray) views = cg_test_find_widgets (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);

  g_assert_cmpuint (views->len, ==, 2);

  return gtk_text_view_get_buffer (g_ptr_array_index (views, 1));
}

static char *
dup_note (GtkWindow *dialog)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (get_note (dialog), &start, &end);

  return gtk_text_buffer_get_text (get_note (dialog), &start, &end, FALSE);
}

static void
type_patient (GtkWindow *dialog)
{
  gtk_editable_set_text (get_prepared_for (dialog), PATIENT_NAME);
  gtk_editable_set_text (get_appointment (dialog), PATIENT_APPOINTMENT);
  gtk_text_buffer_set_text (get_note (dialog), PATIENT_NOTE, -1);
}

static gboolean
is_patient_cleared (GtkWindow *dialog)
{
  g_autofree char *note = dup_note (dialog);

  return *note == '\0' && *gtk_editable_get_text (get_prepared_for (dialog)) == '\0' &&
         *gtk_editable_get_text (get_appointment (dialog)) == '\0';
}

/* The section ids ticked, in list order, joined with commas */
static char *
dup_ticked (GtkWindow *dialog)
{
  static const char *ids[] = { "overview", "causes", "symptoms", "diagnosis", "treatment",
                               "prevention", "summary" };
  g_autoptr(GPtrArray) checks = cg_test_find_widgets (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
  GString *ticked = g_string_new (NULL);

  g_assert_cmpuint (checks->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      g_string_append_printf (ticked, "%s%s", ticked->len > 0 ? "," : "", ids[i]);

  return g_string_free (ticked, FALSE);
}

#define ASSERT_TICKED(dialog, expected) \
  G_STMT_START { \
    g_autofree char *ticked_ = dup_ticked (dialog); \
    g_assert_cmpstr (ticked_, ==, expected); \
  } G_STMT_END

/* The drop-downs in template order: handout set, language, second language, paper */
static GtkDropDown *
get_dropdown (GtkWindow *dialog,
              guint      position)
{
  g_autoptr(GPtrArray) dropdowns = cg_test_find_widgets (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN);

  return g_ptr_array_index (dropdowns, position);
}

static const char *
get_language_name (GtkWindow *dialog)
{
  return gtk_string_object_get_string (gtk_drop_down_get_selected_item (get_dropdown (dialog, 1)));
}

static void
select_language (GtkWindow  *dialog,
                 const char *name)
{
  GListModel *model = gtk_drop_down_get_model (get_dropdown (dialog, 1));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name))
      gtk_drop_down_set_selected (get_dropdown (dialog, 1), i);

  g_assert_cmpstr (get_language_name (dialog), ==, name);
}

static GtkSwitch *
get_large_print (GtkWindow *dialog)
{
  return GTK_SWITCH (cg_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH));
}

static GtkRevealer *
get_discard_question (GtkWindow *dialog)
{
  GtkLabel *label = cg_test_find_label (GTK_WIDGET (dialog), "Discard the note and patient details?");

  g_assert_nonnull (label);

  return GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_REVEALER));
}

static GtkWidget *
find_button_labelled (GtkWindow  *dialog,
                      const char *label)
{
  g_autoptr(GPtrArray) buttons = cg_test_find_widgets (GTK_WIDGET (dialog), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

static CgWindow *
create_window (const char *section_id)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  CgWindow *window = cg_window_new (GTK_APPLICATION (app), library);

  gtk_window_present (GTK_WINDOW (window));
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (window)));
  g_assert_true (cg_window_select_section (window, section_id));

  return window;
}

static GtkWindow *
open_builder (CgWindow *window)
{
  GtkWindow *dialog = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-handout", NULL));
  CG_TEST_WAIT_UNTIL ((dialog = find_handout_dialog ()) != NULL && cg_test_is_laid_out (GTK_WIDGET (dialog)));

  return dialog;
}

static GFile *
save_handout (GtkWindow  *dialog,
              const char *name)
{
  g_autofree char *dir = g_build_filename (home, "Documents", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (cg_handout_dialog_save_pdf (CG_HANDOUT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

/* Treatment in Spanish, large print, for one patient; the next patient reads Causes: the
 * builder starts fresh, and the last handout is one button away, without its note */
static void
test_patient_fresh_start (void)
{
  CgWindow *window = create_window ("treatment");
  GtkWindow *dialog = open_builder (window);
  g_autoptr(GFile) file = NULL;

  ASSERT_TICKED (dialog, "treatment");
  select_language (dialog, "Español");
  gtk_switch_set_active (get_large_print (dialog), TRUE);
  type_patient (dialog);
  file = save_handout (dialog, "first.pdf");
  gtk_window_close (dialog);
  CG_TEST_WAIT_UNTIL (find_handout_dialog () == NULL);

  g_assert_true (cg_window_select_section (window, "causes"));
  dialog = open_builder (window);
  ASSERT_TICKED (dialog, "causes");
  g_assert_cmpstr (get_language_name (dialog), ==, "English");
  g_assert_false (gtk_switch_get_active (get_large_print (dialog)));
  g_assert_true (is_patient_cleared (dialog));
  /* "Shown now" marks Causes, the section in view */
  g_assert_nonnull (cg_test_find_label (GTK_WIDGET (dialog), "Shown now"));

  /* Offered, never applied: Same as Last Handout */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.same-as-last", NULL));
  ASSERT_TICKED (dialog, "treatment");
  g_assert_cmpstr (get_language_name (dialog), ==, "Español");
  g_assert_true (gtk_switch_get_active (get_large_print (dialog)));
  g_assert_true (is_patient_cleared (dialog));

  /* Ctrl+Shift+E follows the same rule: the section in view, fresh */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  ASSERT_TICKED (dialog, "causes");
  g_assert_cmpstr (get_language_name (dialog), ==, "English");
  g_assert_false (gtk_switch_get_active (get_large_print (dialog)));

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpint (g_unlink (g_file_peek_path (file)), ==, 0);
}

/* New Patient (Ctrl+N in the builder) clears the note, the fields and the choices */
static void
test_patient_new_patient (void)
{
  CgWindow *window = create_window ("diagnosis");
  GtkWindow *dialog = open_builder (window);

  type_patient (dialog);
  select_language (dialog, "Deutsch");
  gtk_switch_set_active (get_large_print (dialog), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.select-all", NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.new-patient", NULL));
  g_assert_true (is_patient_cleared (dialog));
  ASSERT_TICKED (dialog, "diagnosis");
  g_assert_cmpstr (get_language_name (dialog), ==, "English");
  g_assert_false (gtk_switch_get_active (get_large_print (dialog)));
  /* Ready for the next name */
  CG_TEST_WAIT_UNTIL (gtk_window_get_focus (dialog) != NULL &&
                      gtk_widget_is_ancestor (gtk_window_get_focus (dialog), GTK_WIDGET (get_prepared_for (dialog))));

  /* Nothing typed: closing asks nothing */
  gtk_window_close (dialog);
  CG_TEST_WAIT_UNTIL (find_handout_dialog () == NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* × on the main window with a note typed: the builder asks, focused on Keep Editing; the
 * main window waits. Keep Editing keeps both; Discard closes both. */
static void
test_patient_close_main_window (void)
{
  CgWindow *window = create_window ("treatment");
  GtkWindow *dialog = open_builder (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_editable_set_text (get_prepared_for (dialog), PATIENT_NAME);

  gtk_window_close (GTK_WINDOW (window));
  CG_TEST_WAIT_UNTIL (gtk_revealer_get_reveal_child (get_discard_question (dialog)));
  g_assert_true (is_toplevel (window));
  CG_TEST_WAIT_UNTIL (gtk_widget_has_focus (find_button_labelled (dialog, "_Keep Editing")));

  /* Keep Editing (Esc): both stay, the name too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.escape", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (get_discard_question (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (get_prepared_for (dialog)), ==, PATIENT_NAME);
  g_assert_true (is_toplevel (window));

  /* Again, and Discard: the builder and the main window close */
  gtk_window_close (GTK_WINDOW (window));
  CG_TEST_WAIT_UNTIL (gtk_revealer_get_reveal_child (get_discard_question (dialog)));
  g_signal_emit_by_name (find_button_labelled (dialog, "_Discard"), "clicked");
  CG_TEST_WAIT_UNTIL (window == NULL && dialog == NULL);
}

/* Ctrl+Q with a note: the same question; nothing closes until it is answered */
static void
test_patient_quit (void)
{
  CgWindow *window = create_window ("treatment");
  GtkWindow *dialog = open_builder (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_text_buffer_set_text (get_note (dialog), PATIENT_NOTE, -1);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  CG_TEST_WAIT_UNTIL (gtk_revealer_get_reveal_child (get_discard_question (dialog)));
  g_assert_true (is_toplevel (window));
  g_assert_true (is_toplevel (dialog));

  g_signal_emit_by_name (find_button_labelled (dialog, "_Discard"), "clicked");
  CG_TEST_WAIT_UNTIL (window == NULL && dialog == NULL);
}

/* After saving, closing the main window closes and clears the builder without asking */
static void
test_patient_close_after_saving (void)
{
  CgWindow *window = create_window ("treatment");
  GtkWindow *dialog = open_builder (window);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtkTextBuffer) note = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  type_patient (dialog);
  note = g_object_ref (get_note (dialog));
  file = save_handout (dialog, "saved.pdf");

  gtk_window_close (GTK_WINDOW (window));
  CG_TEST_WAIT_UNTIL (window == NULL && find_handout_dialog () == NULL);
  g_assert_cmpint (gtk_text_buffer_get_char_count (note), ==, 0);
  g_assert_cmpint (g_unlink (g_file_peek_path (file)), ==, 0);
}

/* Files under @path (a folder or file) modified since the session started that contain
 * @needle; @skip is a file asked for by the clinician */
static void
find_in_files (const char *path,
               const char *needle,
               const char *skip,
               GPtrArray  *found)
{
  GStatBuf buf;

  if (g_lstat (path, &buf) != 0 || S_ISLNK (buf.st_mode))
    return;

  if (S_ISDIR (buf.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          find_in_files (child, needle, skip, found);
        }
    }
  else if (S_ISREG (buf.st_mode) && buf.st_mtime >= session_start / G_USEC_PER_SEC &&
           buf.st_size < 8 * 1024 * 1024 && g_strcmp0 (path, skip) != 0)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (path, &contents, &length, NULL) &&
          g_strstr_len (contents, length, needle) != NULL)
        g_ptr_array_add (found, g_strdup (path));
    }
}

static void
assert_nowhere_on_disk (const char *needle,
                        const char *skip)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  find_in_files (home, needle, skip, found);
  find_in_files (g_get_tmp_dir (), needle, skip, found);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("“%s” found in %s", needle, (char *)g_ptr_array_index (found, i));
  g_assert_cmpuint (found->len, ==, 0);
}

static void
assert_nowhere_in_settings (const char *needle)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_test_message ("%s = %s", keys[i], text);
      g_assert_null (strstr (text, needle));
    }
}

/* The patient's name, appointment and note are printed on the handout, at the top; they are
 * in no other file of the session's home or /tmp, in no setting, not in the file name nor the
 * chart line */
static void
test_patient_fields_private (void)
{
  CgWindow *window = create_window ("treatment");
  GtkWindow *dialog = open_builder (window);
  CgHandoutNotice *notice = CG_HANDOUT_NOTICE (cg_test_find_widget (GTK_WIDGET (dialog), CG_TYPE_HANDOUT_NOTICE));
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *suggested = NULL;
  const char *needles[] = { PATIENT_NAME, "Qx7", "Kwvbtz" };

  type_patient (dialog);
  suggested = cg_handout_dialog_dup_save_path (CG_HANDOUT_DIALOG (dialog));
  file = save_handout (dialog, "handout.pdf");

  text = cg_test_pdf_to_text (g_file_peek_path (file));
  g_assert_nonnull (strstr (text, "Prepared for: " PATIENT_NAME));
  g_assert_nonnull (strstr (text, "Next appointment: " PATIENT_APPOINTMENT));
  g_assert_nonnull (strstr (text, PATIENT_NOTE));
  /* At the top: before the note and the section */
  g_assert_true (strstr (text, PATIENT_NAME) < strstr (text, PATIENT_NOTE));
  g_assert_true (strstr (text, PATIENT_APPOINTMENT) < g_strrstr (text, "Treatment"));

  g_assert_nonnull (cg_handout_notice_get_chart_line (notice));
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      g_assert_null (strstr (suggested, needles[i]));
      g_assert_null (strstr (cg_handout_notice_get_chart_line (notice), needles[i]));
    }

  gtk_window_close (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  CG_TEST_WAIT_UNTIL (find_handout_dialog () == NULL);

  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      assert_nowhere_on_disk (needles[i], g_file_peek_path (file));
      assert_nowhere_in_settings (needles[i]);
    }
  g_assert_cmpint (g_unlink (g_file_peek_path (file)), ==, 0);
}

/* Save as PDF starts in Documents with a name of topic, sections and language; then in the
 * folder used last. After saving: "Saved", and Copy Chart Line puts the line on the
 * clipboard */
static void
test_patient_save_and_chart_line (void)
{
  CgWindow *window = create_window ("treatment");
  GtkWindow *dialog = open_builder (window);
  CgHandoutNotice *notice = CG_HANDOUT_NOTICE (cg_test_find_widget (GTK_WIDGET (dialog), CG_TYPE_HANDOUT_NOTICE));
  g_autofree char *documents = g_build_filename (home, "Documents", NULL);
  g_autofree char *expected = g_build_filename (documents, "calcinosis-treatment-es.pdf", NULL);
  g_autofree char *other = g_build_filename (home, "Handouts", NULL);
  g_autofree char *other_path = g_build_filename (other, "x.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (dialog));
  GdkContentProvider *content;
  GValue value = G_VALUE_INIT;

  g_assert_cmpint (g_mkdir_with_parents (documents, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (other, 0700), ==, 0);
  select_language (dialog, "Español");
  path = cg_handout_dialog_dup_save_path (CG_HANDOUT_DIALOG (dialog));
  g_assert_cmpstr (path, ==, expected);
  g_clear_pointer (&path, g_free);

  g_assert_true (cg_handout_dialog_save_pdf (CG_HANDOUT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);
  path = cg_handout_dialog_dup_save_path (CG_HANDOUT_DIALOG (dialog));
  g_assert_true (g_str_has_prefix (path, other));
  g_assert_cmpstr (cg_handout_notice_get_message (notice), ==, "Saved “x.pdf”");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (notice), "notice.copy-chart-line", NULL));
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, cg_handout_notice_get_chart_line (notice));
  g_assert_true (g_str_has_prefix (g_value_get_string (&value),
                                   "Patient education: Calcinosis — Treatment (Spanish), "));
  g_assert_true (strstr (g_value_get_string (&value), ", saved as PDF ") != NULL);
  g_value_unset (&value);

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpint (g_unlink (other_path), ==, 0);
}

/* A printer that does not exist: its name and the error, in the builder; no notice */
static void
test_patient_print_error (void)
{
  CgWindow *window = create_window ("treatment");
  GtkWindow *dialog = open_builder (window);
  CgHandoutNotice *notice = CG_HANDOUT_NOTICE (cg_test_find_widget (GTK_WIDGET (dialog), CG_TYPE_HANDOUT_NOTICE));
  GtkLabel *error = NULL;

  cg_handout_dialog_print_to (CG_HANDOUT_DIALOG (dialog), "NoSuchPrinter");
  CG_TEST_WAIT_UNTIL ((error = cg_test_find_label (GTK_WIDGET (dialog), "Could not print on NoSuchPrinter: ")) != NULL &&
                      gtk_widget_get_child_visible (gtk_widget_get_parent (GTK_WIDGET (error))));
  g_test_message ("%s", gtk_label_get_text (error));
  g_assert_null (cg_handout_notice_get_message (notice));

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkAboutDialog *
find_about (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_ABOUT_DIALOG (toplevel))
        return GTK_ABOUT_DIALOG (toplevel);
    }

  return NULL;
}

/* About lists every source: the built-in content and an installed bundle, each with its
 * version and review date */
static void
test_patient_about_sources (void)
{
  g_autofree char *bundles = g_build_filename (g_get_user_data_dir (), "calcinosis-guide", "bundles", NULL);
  g_autofree char *installed = g_build_filename (bundles, "riverside.xml", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "clinic-disclaimer.xml", NULL);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autofree char *contents = NULL;
  GtkAboutDialog *about = NULL;
  CgWindow *window;
  const char *comments;

  g_assert_cmpint (g_mkdir_with_parents (bundles, 0700), ==, 0);
  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (installed, contents, -1, NULL));
  g_assert_cmpuint (cg_library_load_installed (library, errors), ==, 1);

  window = cg_window_new (GTK_APPLICATION (app), library);
  gtk_window_present (GTK_WINDOW (window));
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL));
  CG_TEST_WAIT_UNTIL ((about = find_about ()) != NULL);

  comments = gtk_about_dialog_get_comments (about);
  g_test_message ("%s", comments);
  g_assert_nonnull (strstr (comments, "Calcinosis Guide patient information, content version 1.0.0, reviewed 1 Dec 2026 (built-in)"));
  g_assert_nonnull (strstr (comments, "Riverside Clinic leaflets, content version 3.2, reviewed 15 Oct 2026 (installed)"));

  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpint (g_unlink (installed), ==, 0);
}

static gboolean
is_keep_banner (GtkWidget     *widget,
                gconstpointer  data)
{
  return CG_IS_KEEP_BANNER (widget);
}

/* After Open Bundle…: "Keep in Library" copies the bundle, checked, into the library; a bad
 * file is refused with its name and line */
static void
test_patient_keep_in_library (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "clinic-disclaimer.xml", NULL);
  g_autofree char *malformed = g_test_build_filename (G_TEST_DIST, "fixtures", "malformed.xml", NULL);
  g_autofree char *kept = g_build_filename (g_get_user_data_dir (), "calcinosis-guide", "bundles",
                                            "clinic-disclaimer.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture);
  g_autoptr(GFile) bad = g_file_new_for_path (malformed);
  CgWindow *window = create_window ("treatment");
  GtkWidget *banner = NULL;
  GtkWidget *refused;

  cg_window_open_bundle (window, file);
  CG_TEST_WAIT_UNTIL ((banner = cg_test_find_widget_if (GTK_WIDGET (window), is_keep_banner, NULL)) != NULL);
  g_assert_cmpstr (cg_keep_banner_get_message (CG_KEEP_BANNER (banner)), ==,
                   "“clinic-disclaimer.xml” is open for this session only");
  g_assert_true (cg_keep_banner_keep (CG_KEEP_BANNER (banner)));
  g_assert_cmpstr (cg_keep_banner_get_message (CG_KEEP_BANNER (banner)), ==,
                   "“clinic-disclaimer.xml” is kept in the library and opens at every start");
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));

  refused = g_object_ref_sink (cg_keep_banner_new (bad));
  g_assert_false (cg_keep_banner_keep (CG_KEEP_BANNER (refused)));
  g_assert_true (g_str_has_prefix (cg_keep_banner_get_message (CG_KEEP_BANNER (refused)),
                                   "Not kept in the library: "));
  g_assert_nonnull (strstr (cg_keep_banner_get_message (CG_KEEP_BANNER (refused)), "malformed.xml:10:"));
  g_object_unref (refused);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpint (g_unlink (kept), ==, 0);
}

/* The last handout named a section of a bundle opened then and not kept: Same as Last
 * Handout ticks the others and says what it left out */
static void
test_patient_remembered_section_gone (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *last[] = { "dressing", "causes", NULL };
  CgWindow *window = create_window ("treatment");
  GtkWindow *dialog = NULL;
  GtkLabel *notice;

  g_settings_set_strv (settings, "handout-sections", last);
  dialog = open_builder (window);
  ASSERT_TICKED (dialog, "treatment");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.same-as-last", NULL));
  ASSERT_TICKED (dialog, "causes");
  notice = cg_test_find_label (GTK_WIDGET (dialog), "Left out of the last handout’s choice, no longer in the library: dressing");
  g_assert_nonnull (notice);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (notice)));

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "handout-sections");
}

static void
use_own_home (void)
{
  const char *dirs[][2] = {
    { "XDG_CONFIG_HOME", ".config" }, { "XDG_DATA_HOME", ".local/share" },
    { "XDG_CACHE_HOME", ".cache" }, { "XDG_STATE_HOME", ".local/state" },
  };

  home = g_dir_make_tmp ("cg-patient-home-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i][1], NULL);

      g_setenv (dirs[i][0], dir, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  use_own_home ();
  session_start = g_get_real_time () - G_USEC_PER_SEC;
  (void)cg_test_use_private_session_bus ();
  gtk_test_init (&argc, &argv, NULL);

  app = cg_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* Closing its last window must not end the test's application */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/handout-patient/fresh-start", test_patient_fresh_start);
  g_test_add_func ("/handout-patient/new-patient", test_patient_new_patient);
  g_test_add_func ("/handout-patient/close-main-window", test_patient_close_main_window);
  g_test_add_func ("/handout-patient/quit", test_patient_quit);
  g_test_add_func ("/handout-patient/close-after-saving", test_patient_close_after_saving);
  g_test_add_func ("/handout-patient/fields-private", test_patient_fields_private);
  g_test_add_func ("/handout-patient/save-and-chart-line", test_patient_save_and_chart_line);
  g_test_add_func ("/handout-patient/print-error", test_patient_print_error);
  g_test_add_func ("/handout-patient/about-sources", test_patient_about_sources);
  g_test_add_func ("/handout-patient/keep-in-library", test_patient_keep_in_library);
  g_test_add_func ("/handout-patient/remembered-section-gone", test_patient_remembered_section_gone);

  ret = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  cg_test_remove_tree (home);

  return ret;
}
