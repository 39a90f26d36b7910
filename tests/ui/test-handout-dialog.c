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
#include "cg-handout-set-chooser.h"
#include "cg-library.h"
#include "cg-print-operation.h"
#include "cg-section.h"
#include "cg-topic.h"

#include "cg-test-util.h"
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

  g_settings_reset (settings, "handout-sections");
  dialog = cg_handout_dialog_new (NULL, library, "causes");
  gtk_window_present (dialog);
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (dialog)));

  /* All sections, then one unticked; the one the window shows is marked */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.select-all", NULL));
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
  /* The preview follows the options a moment after the last change */
  CG_TEST_WAIT_UNTIL (find_label (GTK_WIDGET (dialog), "Flesch–Kincaid grade level: grade ") != NULL);

  /* The reading level is shown against its target, in words and colour, for the handout and
   * each section, saying the built-in text cannot be simplified; the formula in the tooltip */
  readability = find_label (GTK_WIDGET (dialog), "Flesch–Kincaid grade level: grade ");
  g_assert_nonnull (readability);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (readability)),
                            "Harder than recommended for patients (target: grade 8 or below)."));
  g_assert_true (gtk_widget_get_visible (find_label (GTK_WIDGET (dialog),
                                                     "The built-in text is printed word for word")));
  g_assert_true (gtk_widget_has_css_class (readability, "above-target"));
  /* Each ticked section's figure under its name; none for an unticked one */
  g_assert_true (gtk_widget_get_visible (g_object_get_data (G_OBJECT (find_section_check (GTK_WIDGET (dialog), "Symptoms")),
                                                            "level-label")));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (g_object_get_data (G_OBJECT (find_section_check (GTK_WIDGET (dialog), "Symptoms")),
                                                                          "level-label")), "grade "));
  g_assert_false (gtk_widget_get_visible (g_object_get_data (G_OBJECT (causes), "level-label")));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (readability), "Flesch–Kincaid"));

  g_assert_true (cg_handout_dialog_save_pdf (CG_HANDOUT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);

  text = cg_test_pdf_to_text (path);
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
  CG_TEST_WAIT_UNTIL (gtk_text_buffer_get_char_count (note) == 0);
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

/* Whether the button of @action is sensitive: GTK follows the action's enabled state there
 * (gtk_widget_activate_action() reports TRUE for a disabled action too) */
static gboolean
is_action_enabled (GtkWidget  *dialog,
                   const char *action)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  cg_test_collect_widgets (dialog, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), action) == 0)
      return gtk_widget_get_sensitive (g_ptr_array_index (buttons, i));

  g_assert_not_reached ();
}

/* The section ids ticked now, in list order, joined with commas */
static char *
dup_ticked (GtkWidget *dialog)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GString) ticked = g_string_new (NULL);
  CgTopic *topic = cg_bundle_get_topic (cg_library_get_bundle (library, "en", NULL), 0);

  for (guint i = 0; i < cg_topic_get_n_sections (topic); i++)
    {
      CgSection *section = cg_topic_get_section (topic, i);
      GtkCheckButton *check = find_section_check (dialog, cg_section_get_title (section));

      g_assert_nonnull (check);
      if (gtk_check_button_get_active (check))
        g_string_append_printf (ticked, "%s%s", ticked->len > 0 ? "," : "",
                                cg_section_get_id (section));
    }

  return g_string_free (g_steal_pointer (&ticked), FALSE);
}

#define ASSERT_TICKED(dialog, expected) \
  G_STMT_START { \
    g_autofree char *ticked_ = dup_ticked (GTK_WIDGET (dialog)); \
    g_assert_cmpstr (ticked_, ==, expected); \
  } G_STMT_END

/* The first time only the section being read; then the last handout's sections, never the
 * note; Only This Section, All and None. */
static void
test_dialog_starting_selection (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_dir_make_tmp ("cg-handout-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  g_settings_reset (settings, "handout-sections");
  dialog = cg_handout_dialog_new (NULL, library, "treatment");
  gtk_window_present (dialog);
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (dialog)));
  ASSERT_TICKED (dialog, "treatment");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.select-all", NULL));
  ASSERT_TICKED (dialog, "overview,causes,symptoms,diagnosis,treatment,prevention,summary");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.select-none", NULL));
  ASSERT_TICKED (dialog, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.select-current", NULL));
  ASSERT_TICKED (dialog, "treatment");

  gtk_check_button_set_active (find_section_check (GTK_WIDGET (dialog), "Causes"), TRUE);
  gtk_text_buffer_set_text (get_buffer (GTK_WIDGET (dialog), 1), "Patient note", -1);
  g_assert_true (cg_handout_dialog_save_pdf (CG_HANDOUT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);
  gtk_window_destroy (dialog);

  /* Reading another section: a fresh handout of it; the last one is offered, never applied,
   * and never with its note */
  dialog = cg_handout_dialog_new (NULL, library, "overview");
  gtk_window_present (dialog);
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (dialog)));
  ASSERT_TICKED (dialog, "overview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.same-as-last", NULL));
  ASSERT_TICKED (dialog, "causes,treatment");
  {
    GtkTextBuffer *note = get_buffer (GTK_WIDGET (dialog), 1);

    g_assert_cmpint (gtk_text_buffer_get_char_count (note), ==, 0);
  }
  gtk_window_destroy (dialog);

  g_settings_reset (settings, "handout-sections");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static gboolean
is_toplevel (GtkWindow *window)
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

static GtkRevealer *
get_discard_question (GtkWidget *dialog)
{
  GtkWidget *label = find_label (dialog, "Discard the note and patient details?");

  g_assert_nonnull (label);

  return GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER));
}

static GtkButton *
find_button (GtkWidget  *dialog,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  cg_test_collect_widgets (dialog, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

/* Closing with a note never printed or saved asks first: Esc keeps editing, Discard closes
 * and clears; after saving, closing asks nothing. */
static void
test_dialog_discard_note (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autofree char *dir = g_dir_make_tmp ("cg-handout-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GtkTextBuffer) note = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  dialog = cg_handout_dialog_new (NULL, library, "treatment");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_window_present (dialog);
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (dialog)));
  note = g_object_ref (get_buffer (GTK_WIDGET (dialog), 1));
  gtk_text_buffer_set_text (note, "Come back in six weeks.", -1);

  /* The window's close button (×) and Ctrl+W both ask */
  gtk_window_close (dialog);
  CG_TEST_WAIT_UNTIL (gtk_revealer_get_reveal_child (get_discard_question (GTK_WIDGET (dialog))) &&
                      gtk_widget_has_focus (GTK_WIDGET (find_button (GTK_WIDGET (dialog), "_Keep Editing"))));
  g_assert_true (is_toplevel (dialog));
  g_assert_true (gtk_revealer_get_reveal_child (get_discard_question (GTK_WIDGET (dialog))));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (find_button (GTK_WIDGET (dialog), "_Keep Editing"))));

  /* Esc answers "Keep editing": the note stays */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.escape", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (get_discard_question (GTK_WIDGET (dialog))));
  g_assert_cmpint (gtk_text_buffer_get_char_count (note), >, 0);

  /* Esc again closes, so it asks again; Discard closes and clears */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.escape", NULL));
  CG_TEST_WAIT_UNTIL (gtk_revealer_get_reveal_child (get_discard_question (GTK_WIDGET (dialog))));
  g_assert_true (gtk_revealer_get_reveal_child (get_discard_question (GTK_WIDGET (dialog))));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Discard"), "clicked");
  CG_TEST_WAIT_UNTIL (dialog == NULL);
  g_assert_null (dialog);
  g_assert_cmpint (gtk_text_buffer_get_char_count (note), ==, 0);

  /* Saved: closing clears the note without asking */
  dialog = cg_handout_dialog_new (NULL, library, "treatment");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_window_present (dialog);
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (dialog)));
  g_clear_object (&note);
  note = g_object_ref (get_buffer (GTK_WIDGET (dialog), 1));
  gtk_text_buffer_set_text (note, "Come back in six weeks.", -1);
  g_assert_true (cg_handout_dialog_save_pdf (CG_HANDOUT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);
  gtk_window_close (dialog);
  CG_TEST_WAIT_UNTIL (dialog == NULL);
  g_assert_null (dialog);
  g_assert_cmpint (gtk_text_buffer_get_char_count (note), ==, 0);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A window of its own, not modal; on a screen 1100 px wide or more (Xvfb's is 1280) it opens
 * with the options and the preview side by side; usable at 600×500. */
static void
test_dialog_small_screen (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  GtkWidget *preview_toggle;
  GtkWidget *preview;
  GtkWidget *note_label;
  GtkWindow *dialog;
  int min_width, min_height, width, height;

  dialog = cg_handout_dialog_new (NULL, library, "treatment");
  g_assert_false (gtk_window_get_modal (dialog));
  gtk_window_get_default_size (dialog, &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, <=, 680);
  gtk_window_present (dialog);
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (dialog)) &&
                      gtk_widget_is_drawable (cg_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_DRAWING_AREA)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_button (GTK_WIDGET (dialog), "Pre_view"))));
  g_assert_true (gtk_widget_is_drawable (find_label (GTK_WIDGET (dialog), "Note for the patient")));
  gtk_window_destroy (dialog);

  dialog = cg_handout_dialog_new (NULL, library, "treatment");
  gtk_window_set_default_size (dialog, 700, 500);
  gtk_window_present (dialog);
  /* Narrow from the first allocation on: the preview toggle shows */
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (dialog)) &&
                      gtk_widget_get_visible (GTK_WIDGET (find_button (GTK_WIDGET (dialog), "Pre_view"))));

  /* Narrow: the options show, the preview is one toggle away */
  preview_toggle = GTK_WIDGET (find_button (GTK_WIDGET (dialog), "Pre_view"));
  preview = cg_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_DRAWING_AREA);
  note_label = find_label (GTK_WIDGET (dialog), "Note for the patient");
  g_assert_true (gtk_widget_get_visible (preview_toggle));
  g_assert_true (gtk_widget_is_drawable (note_label));
  g_assert_false (gtk_widget_is_drawable (preview));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (preview_toggle), TRUE);
  CG_TEST_WAIT_UNTIL (gtk_widget_is_drawable (preview));
  g_assert_true (gtk_widget_is_drawable (preview));
  g_assert_false (gtk_widget_is_drawable (note_label));

  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_VERTICAL, min_width, &min_height, NULL, NULL, NULL);
  g_test_message ("minimum size %d×%d", min_width, min_height);
  g_assert_cmpint (min_width, <=, 600);
  g_assert_cmpint (min_height, <=, 500);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (preview_toggle), FALSE);
  CG_TEST_WAIT_UNTIL (gtk_widget_is_drawable (note_label));
  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_VERTICAL, min_width, &min_height, NULL, NULL, NULL);
  g_test_message ("minimum size %d×%d", min_width, min_height);
  g_assert_cmpint (min_width, <=, 600);
  g_assert_cmpint (min_height, <=, 500);

  gtk_window_destroy (dialog);
}

/* Every page can be looked at; Save as PDF says where it saved */
static void
test_dialog_preview_pages (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autofree char *dir = g_dir_make_tmp ("cg-handout-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "visit.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *saved;
  GtkWindow *dialog;
  guint n_pages = 0;

  dialog = cg_handout_dialog_new (NULL, library, "treatment");
  gtk_window_present (dialog);
  CG_TEST_WAIT_UNTIL (find_label (GTK_WIDGET (dialog), "Page 1 of 1") != NULL);
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Page 1 of 1"));
  g_assert_false (is_action_enabled (GTK_WIDGET (dialog), "handout.next-page"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.select-all", NULL));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Page 1 of "));
  sscanf (gtk_label_get_text (GTK_LABEL (find_label (GTK_WIDGET (dialog), "Page 1 of "))),
          "Page 1 of %u", &n_pages);
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_false (is_action_enabled (GTK_WIDGET (dialog), "handout.previous-page"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.next-page", NULL));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Page 2 of "));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.previous-page", NULL));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Page 1 of "));

  /* Nothing is offered to open before anything was saved */
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (find_button (GTK_WIDGET (dialog), "_Open"))));
  g_assert_true (cg_handout_dialog_save_pdf (CG_HANDOUT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);
  saved = find_label (GTK_WIDGET (dialog), "Saved “visit.pdf”");
  g_assert_nonnull (saved);
  g_assert_true (gtk_widget_is_visible (saved));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (find_button (GTK_WIDGET (dialog), "_Open"))));

  gtk_window_destroy (dialog);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The drop-downs in template order: handout set, language, paper */
static GtkDropDown *
get_dropdown (GtkWidget *dialog,
              guint      position)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

  cg_test_collect_widgets (dialog, GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (position, <, dropdowns->len);

  return g_ptr_array_index (dropdowns, position);
}

/* The item of the set called @name, followed by its description ("Name — 3 sections, …") */
static guint
find_set (GtkDropDown *dropdown,
          const char  *name)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  g_autofree char *prefix = g_strdup_printf ("%s — ", name);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), prefix))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Handout sets: apply a clinic's set (read-only), save the current choice, rename, delete; a
 * set naming a missing section says so and changes nothing; a bad file is named. */
static void
test_dialog_sets (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autofree char *user_dir = g_build_filename (g_get_user_config_dir (), "calcinosis-guide",
                                                "handout-sets", NULL);
  g_autofree char *clinic_dir = g_build_filename (g_get_system_data_dirs ()[0],
                                                  "calcinosis-guide", "handout-sets", NULL);
  g_autofree char *saved_path = g_build_filename (user_dir, "before-surgery.handout-set", NULL);
  g_autoptr(GKeyFile) saved = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkDropDown *sets;
  GtkWidget *chooser;
  GtkWidget *missing;
  GtkWindow *dialog;
  guint position;

  write_file (clinic_dir, "new-diagnosis.handout-set",
              "[Handout Set]\nName=New diagnosis\nSections=overview;causes;treatment\n"
              "Language=es\nLargePrint=false\nPaper=a4\n");
  write_file (clinic_dir, "wound-care.handout-set",
              "[Handout Set]\nName=Wound care\nSections=treatment;wound-care\n");
  write_file (user_dir, "broken.handout-set", "[Handout Set]\nName=Broken\nSections\n");

  dialog = cg_handout_dialog_new (NULL, library, "treatment");
  gtk_window_present (dialog);
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (dialog)));
  sets = get_dropdown (GTK_WIDGET (dialog), 0);
  chooser = cg_test_find_widget (GTK_WIDGET (dialog), CG_TYPE_HANDOUT_SET_CHOOSER);

  /* The bad file is named with its line; the good ones are listed, the clinic's marked (the
   * sets are read in a worker thread) */
  CG_TEST_WAIT_UNTIL (find_label (GTK_WIDGET (dialog), "1 handout set could not be read:") != NULL);
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "1 handout set could not be read:"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_label (GTK_WIDGET (dialog), "1 handout set"))),
                            "broken.handout-set:3: "));
  g_assert_cmpuint (gtk_drop_down_get_selected (sets), ==, 0);
  position = find_set (sets, "New diagnosis (clinic)");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  /* Each set says what it sets */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (sets)), position),
                   ==, "New diagnosis (clinic) — 3 sections, Español");

  /* Applying: the set's sections and language, and a notice naming the language it changed;
   * a clinic's set cannot be renamed or deleted */
  gtk_drop_down_set_selected (sets, position);
  ASSERT_TICKED (dialog, "overview,causes,treatment");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (get_dropdown (GTK_WIDGET (dialog), 1))),
                   ==, "Español");
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "New diagnosis: 3 sections; changed language Español"));
  g_assert_true (gtk_widget_is_visible (find_label (GTK_WIDGET (dialog), "New diagnosis: 3 sections")));
  g_assert_false (is_action_enabled (chooser, "handout-set.rename"));
  g_assert_false (is_action_enabled (chooser, "handout-set.delete"));

  /* A set naming a missing section: said, and nothing changes */
  gtk_drop_down_set_selected (sets, find_set (sets, "Wound care (clinic)"));
  missing = find_label (GTK_WIDGET (dialog), "“Wound care” cannot be used");
  g_assert_nonnull (missing);
  g_assert_true (gtk_widget_get_visible (missing));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (missing)), "wound-care"));
  ASSERT_TICKED (dialog, "overview,causes,treatment");

  /* A choice that differs from the set: the chooser no longer names it */
  gtk_drop_down_set_selected (sets, position);
  g_assert_cmpuint (gtk_drop_down_get_selected (sets), ==, position);
  gtk_check_button_set_active (find_section_check (GTK_WIDGET (dialog), "Overview"), FALSE);
  g_assert_cmpuint (gtk_drop_down_get_selected (sets), ==, 0);

  /* Save the current choice as a set of the user's, saying first what it stores */
  g_assert_true (gtk_widget_activate_action (chooser, "handout-set.save", NULL));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog),
                                "Stores 2 sections, Español, and the paper. Never the note or patient details."));
  {
    GtkEntry *entry = GTK_ENTRY (cg_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY));

    gtk_editable_set_text (GTK_EDITABLE (entry), "Before surgery");
    g_signal_emit_by_name (entry, "activate");
  }
  g_assert_true (g_key_file_load_from_file (saved, saved_path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  name = g_key_file_get_string (saved, "Handout Set", "Name", NULL);
  g_assert_cmpstr (name, ==, "Before surgery");
  g_clear_pointer (&name, g_free);
  name = g_key_file_get_string (saved, "Handout Set", "Sections", NULL);
  g_assert_cmpstr (name, ==, "causes;treatment;");
  g_clear_pointer (&name, g_free);
  g_assert_false (g_key_file_has_key (saved, "Handout Set", "Note", NULL));
  CG_TEST_WAIT_UNTIL (find_set (sets, "Before surgery") != GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (gtk_drop_down_get_selected (sets), ==, find_set (sets, "Before surgery"));

  /* Rename: the same file, another name */
  g_assert_true (gtk_widget_activate_action (chooser, "handout-set.rename", NULL));
  {
    GtkEntry *entry = GTK_ENTRY (cg_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY));

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Before surgery");
    gtk_editable_set_text (GTK_EDITABLE (entry), "Before an operation");
    g_signal_emit_by_name (entry, "activate");
  }
  g_assert_true (g_key_file_load_from_file (saved, saved_path, G_KEY_FILE_NONE, &error));
  name = g_key_file_get_string (saved, "Handout Set", "Name", NULL);
  g_assert_cmpstr (name, ==, "Before an operation");
  CG_TEST_WAIT_UNTIL (find_set (sets, "Before an operation") != GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (find_set (sets, "Before surgery"), ==, GTK_INVALID_LIST_POSITION);

  /* Delete */
  g_assert_true (gtk_widget_activate_action (chooser, "handout-set.delete", NULL));
  g_assert_false (g_file_test (saved_path, G_FILE_TEST_EXISTS));
  CG_TEST_WAIT_UNTIL (find_set (sets, "Before an operation") == GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (find_set (sets, "Before an operation"), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (gtk_drop_down_get_selected (sets), ==, 0);

  gtk_window_destroy (dialog);
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
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (dialog)));

  g_assert_false (find_label (GTK_WIDGET (dialog), "Shown now") != NULL);
  g_assert_false (is_action_enabled (GTK_WIDGET (dialog), "handout.select-current"));
  cg_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 7);
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), FALSE);
  CG_TEST_WAIT_UNTIL (!is_action_enabled (GTK_WIDGET (dialog), "handout.print") &&
                      !is_action_enabled (GTK_WIDGET (dialog), "handout.save-pdf"));

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
  CG_TEST_WAIT_UNTIL (is_action_enabled (GTK_WIDGET (dialog), "handout.print") &&
                      is_action_enabled (GTK_WIDGET (dialog), "handout.save-pdf"));
  g_assert_true (is_action_enabled (GTK_WIDGET (dialog), "handout.print"));
  g_assert_true (is_action_enabled (GTK_WIDGET (dialog), "handout.save-pdf"));

  gtk_window_destroy (dialog);
}

/* Every handout starts in the clinic's handout language (a setting an administrator sets),
 * else the interface's; picking another language for one patient stores nothing */
static void
test_dialog_clinic_language (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char * const *languages = cg_library_get_languages (library);
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  GtkDropDown *language;
  GtkWindow *dialog;
  guint spanish, french;

  g_settings_reset (settings, "handout-language");
  dialog = cg_handout_dialog_new (NULL, library, NULL);
  gtk_window_present (dialog);
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (dialog)));

  for (spanish = 0; languages[spanish] != NULL && !g_str_equal (languages[spanish], "es"); spanish++)
    ;
  for (french = 0; languages[french] != NULL && !g_str_equal (languages[french], "fr"); french++)
    ;
  g_assert_nonnull (languages[spanish]);
  g_assert_nonnull (languages[french]);

  /* The second drop-down of the template is the language, after the handout set */
  cg_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, dropdowns);
  language = g_ptr_array_index (dropdowns, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (language), ==, 0);
  gtk_drop_down_set_selected (language, spanish);
  g_assert_cmpstr (g_settings_get_string (settings, "handout-language"), ==, "");
  gtk_window_destroy (dialog);

  /* The clinic hands out French leaflets all day */
  g_settings_set_string (settings, "handout-language", "fr");
  dialog = cg_handout_dialog_new (NULL, library, NULL);
  gtk_window_present (dialog);
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (dialog)));
  g_ptr_array_set_size (dropdowns, 0);
  cg_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (dropdowns, 1)), ==, french);
  gtk_window_destroy (dialog);

  g_settings_reset (settings, "handout-language");
}

/* A clinic section in English on a Spanish handout: shown unavailable, with the reason, and
 * left out; with English as the second language, each section is printed again in English. */
static void
test_dialog_languages (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "clinic.xml", NULL);
  g_autoptr(GFile) clinic = g_file_new_for_path (fixture);
  g_autofree char *dir = g_dir_make_tmp ("cg-handout-dialog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  const char * const *languages = cg_library_get_languages (library);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkCheckButton *visit;
  GtkWindow *dialog;
  guint spanish, english;

  g_assert_true (cg_library_add_file (library, clinic, &error));
  g_assert_no_error (error);
  g_settings_reset (settings, "handout-language");
  g_settings_reset (settings, "handout-sections");
  for (spanish = 0; !g_str_equal (languages[spanish], "es"); spanish++)
    ;
  for (english = 0; !g_str_equal (languages[english], "en"); english++)
    ;

  dialog = cg_handout_dialog_new (NULL, library, NULL);
  gtk_window_present (dialog);
  cg_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, dropdowns);
  visit = find_section_check (GTK_WIDGET (dialog), "Before your visit");
  g_assert_nonnull (visit);

  /* In English, the clinic's section is available */
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 1), english);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (visit)));
  g_assert_null (find_label (GTK_WIDGET (dialog), "Only in English"));

  /* In Spanish it is not, and says why; the PDF leaves it out */
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 1), spanish);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (visit)));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Only in English: left out of this handout"));
  g_assert_true (gtk_widget_get_visible (find_label (GTK_WIDGET (dialog), "Only in English")));
  g_assert_true (cg_handout_dialog_save_pdf (CG_HANDOUT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);
  text = cg_test_pdf_to_text (path);
  g_assert_nonnull (strstr (text, "Información general"));
  g_assert_null (strstr (text, "Bring a list of your medicines."));
  g_assert_null (strstr (text, "Before your visit"));
  g_clear_pointer (&text, g_free);

  /* Second language: English after each Spanish section; the clinic section stays out */
  gtk_drop_down_set_selected (g_ptr_array_index (dropdowns, 2), english + 1);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (visit)));
  g_assert_true (cg_handout_dialog_save_pdf (CG_HANDOUT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);
  text = cg_test_pdf_to_text (path);
  g_assert_nonnull (strstr (text, "Información general"));
  g_assert_nonnull (strstr (text, "English: Overview"));
  g_assert_nonnull (strstr (text, "Español · English"));
  g_assert_null (strstr (text, "Bring a list of your medicines."));
  g_assert_cmpint (strstr (text, "Información general") - text, <, strstr (text, "English: Overview") - text);

  gtk_window_destroy (dialog);
  g_settings_reset (settings, "handout-language");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
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

  printed_text = cg_test_pdf_to_text (printed);
  exported_text = cg_test_pdf_to_text (exported);
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
  g_autofree char *home = g_dir_make_tmp ("cg-handout-dialog-home-XXXXXX", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *share = g_build_filename (home, "share", NULL);

  /* Handout sets are read from these: the test's own, never the machine's */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_DIRS", share, TRUE);
  {
    g_autofree char *dirs = g_strconcat (share, ":/usr/local/share:/usr/share", NULL);

    g_setenv ("XDG_DATA_DIRS", dirs, TRUE);
  }

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handout-dialog/export", test_dialog_export);
  g_test_add_func ("/handout-dialog/starting-selection", test_dialog_starting_selection);
  g_test_add_func ("/handout-dialog/discard-note", test_dialog_discard_note);
  g_test_add_func ("/handout-dialog/small-screen", test_dialog_small_screen);
  g_test_add_func ("/handout-dialog/preview-pages", test_dialog_preview_pages);
  g_test_add_func ("/handout-dialog/sets", test_dialog_sets);
  g_test_add_func ("/handout-dialog/nothing-ticked", test_dialog_nothing_ticked);
  g_test_add_func ("/handout-dialog/print-operation", test_print_operation);
  g_test_add_func ("/handout-dialog/clinic-language", test_dialog_clinic_language);
  g_test_add_func ("/handout-dialog/languages", test_dialog_languages);

  return g_test_run ();
}
