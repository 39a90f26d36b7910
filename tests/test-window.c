/* test-window.c: the window lists the seven sections and shows each one's text
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-application.h"
#include "cg-content-view.h"
#include "cg-handout-dialog.h"
#include "cg-library.h"
#include "cg-section.h"
#include "cg-section-row.h"
#include "cg-sidebar.h"
#include "cg-window.h"

#include "cg-test-widgets.h"

static const struct {
  const char *title;
  const char *first_sentence;
} sections[] = {
  { "Overview", "For effective management of calcium deposits in soft tissues" },
  { "Causes", "The exact cause of calcinosis can vary depending on the underlying condition or disease." },
  { "Symptoms", "Symptoms of calcinosis may vary depending on the location and extent of the calcium deposits." },
  { "Diagnosis", "Clinical evaluations, imaging studies, and laboratory tests are typically used to diagnose calcinosis." },
  { "Treatment", "Calcinosis treatment includes managing symptoms, preventing complications" },
  { "Prevention", "Calcinosis can be prevented by managing underlying conditions" },
  { "Summary", "In conclusion, calcinosis is a medical condition" },
};

static CgApplication *app;

static CgWindow *
create_window (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  CgWindow *window;

  window = cg_window_new (GTK_APPLICATION (app), library);
  gtk_window_present (GTK_WINDOW (window));
  cg_test_spin (100);

  return window;
}

static void
test_window_sections (void)
{
  CgWindow *window = create_window ();
  CgContentView *view = CG_CONTENT_VIEW (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_CONTENT_VIEW));
  g_autoptr(GPtrArray) rows = cg_test_find_widgets (GTK_WIDGET (window), CG_TYPE_SECTION_ROW);

  g_assert_nonnull (view);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (sections));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autofree char *text = NULL;
      g_autofree char *expected_start = g_strconcat (sections[i].title, "\n", NULL);

      /* The row names its section */
      g_assert_cmpstr (cg_test_last_label_text (row), ==, sections[i].title);

      /* As a click on the row does */
      g_assert_true (gtk_widget_activate_action (row, "listitem.select", "(bb)", FALSE, FALSE));
      cg_test_spin (20);

      text = cg_content_view_dup_text (view);
      g_assert_true (g_str_has_prefix (text, expected_start));
      g_assert_nonnull (strstr (text, sections[i].first_sentence));
      g_assert_cmpstr (cg_section_get_title (cg_window_get_section (window)), ==, sections[i].title);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_sidebar_toggle (void)
{
  CgWindow *window = create_window ();
  GtkWidget *sidebar = cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_SIDEBAR);

  g_assert_true (gtk_widget_get_visible (sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
  g_assert_false (gtk_widget_get_visible (sidebar));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_assert_true (gtk_widget_get_visible (sidebar));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_remembers_section (void)
{
  CgWindow *window = create_window ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_true (cg_window_select_section (window, "diagnosis"));
  gtk_window_close (GTK_WINDOW (window));
  cg_test_spin (20);
  g_assert_cmpstr (g_settings_get_string (settings, "last-section"), ==, "diagnosis");

  window = create_window ();
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "diagnosis");

  /* Ctrl+Q saves too: it closes the windows rather than dropping them */
  g_assert_true (cg_window_select_section (window, "prevention"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  cg_test_spin (20);
  g_assert_cmpstr (g_settings_get_string (settings, "last-section"), ==, "prevention");
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static void
test_window_zoom (void)
{
  CgWindow *window = create_window ();
  CgContentView *view = CG_CONTENT_VIEW (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_CONTENT_VIEW));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (cg_content_view_get_zoom (view), 1.2, 0.001);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.2, 0.001);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (cg_content_view_get_zoom (view), 1.0, 0.001);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
type_query (GtkSearchEntry *entry,
            const char     *query)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  /* GtkSearchEntry emits ::search-changed 150 ms after the last change */
  cg_test_spin (300);
}

static void
test_window_search (void)
{
  CgWindow *window = create_window ();
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (cg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  GtkSearchBar *bar = GTK_SEARCH_BAR (cg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR));
  CgSidebar *sidebar = CG_SIDEBAR (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_SIDEBAR));
  CgContentView *view = CG_CONTENT_VIEW (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_CONTENT_VIEW));

  g_assert_true (cg_window_select_section (window, "overview"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  /* Accent- and case-insensitive, through a lay keyword and the body text alike */
  type_query (entry, "KIDNÉY");
  g_assert_true (cg_sidebar_get_showing_results (sidebar));
  /* Causes, Treatment and Prevention mention kidney disease */
  g_assert_cmpuint (cg_sidebar_get_n_results (sidebar), ==, 3);
  g_assert_cmpuint (cg_content_view_get_n_highlighted (view), ==, 0);

  /* Enter opens the best result, shows its section and highlights the matches */
  g_signal_emit_by_name (entry, "activate");
  cg_test_spin (50);
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "causes");
  g_assert_cmpuint (cg_content_view_get_n_highlighted (view), >=, 1);

  /* Nothing found */
  type_query (entry, "zzzzqqq");
  g_assert_true (cg_sidebar_get_showing_results (sidebar));
  g_assert_cmpuint (cg_sidebar_get_n_results (sidebar), ==, 0);

  /* Esc: the sections are back and the highlights gone */
  g_signal_emit_by_name (entry, "stop-search");
  cg_test_spin (50);
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_false (cg_sidebar_get_showing_results (sidebar));
  g_assert_cmpuint (cg_content_view_get_n_highlighted (view), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (cg_section_get_id (cg_sidebar_get_section (sidebar)), ==, "causes");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A match below the fold is scrolled into view */
static void
test_window_search_scrolls (void)
{
  CgWindow *window = create_window ();
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (cg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  CgContentView *view = CG_CONTENT_VIEW (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_CONTENT_VIEW));
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (cg_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (scroller);

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 360);
  cg_content_view_set_zoom (view, 2.0);
  g_assert_true (cg_window_select_section (window, "overview"));
  cg_test_spin (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  /* The last item of Treatment */
  type_query (entry, "must be addressed");
  g_signal_emit_by_name (entry, "activate");

  /* The view scrolls once the new text is laid out: a frame or two, slower on a busy machine */
  for (guint i = 0; i < 100 && gtk_adjustment_get_value (vadjustment) == 0; i++)
    cg_test_spin (20);

  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "treatment");
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);

  cg_content_view_set_zoom (view, 1.0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_handout_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      n += CG_IS_HANDOUT_DIALOG (toplevel);
    }

  return n;
}

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
collect_check_buttons (GtkWidget *widget,
                       GPtrArray *found)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_check_buttons (child, found);
}

static void
test_window_print_handout (void)
{
  CgWindow *window = create_window ();
  GtkWindow *dialog = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  g_assert_true (cg_window_select_section (window, "treatment"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-handout", NULL));
  cg_test_spin (50);
  dialog = find_handout_dialog ();
  g_assert_nonnull (dialog);

  /* A window of its own: the guide stays usable while the note is written */
  g_assert_false (gtk_window_get_modal (dialog));
  g_assert_null (gtk_window_get_transient_for (dialog));
  g_assert_true (cg_window_select_section (window, "causes"));

  /* Ctrl+P again raises the same builder */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-handout", NULL));
  cg_test_spin (50);
  g_assert_true (find_handout_dialog () == dialog);
  g_assert_cmpuint (count_handout_dialogs (), ==, 1);

  /* Ctrl+Shift+E: a handout of the section being read */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  cg_test_spin (50);
  g_assert_true (find_handout_dialog () == dialog);
  collect_check_buttons (GTK_WIDGET (dialog), checks);
  g_assert_cmpuint (checks->len, ==, 7);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      g_assert_cmpint (gtk_check_button_get_active (check), ==,
                       g_str_equal (gtk_check_button_get_label (check), "Causes"));
    }

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Below 600 px the sections and the text take turns */
static void
test_window_narrow (void)
{
  CgWindow *window = create_window ();
  GtkWidget *sidebar = cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_SIDEBAR);
  GtkWidget *view = cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_CONTENT_VIEW);
  gboolean show_sidebar = TRUE;

  g_assert_true (gtk_widget_get_visible (sidebar) && gtk_widget_get_visible (view));

  gtk_window_set_default_size (GTK_WINDOW (window), 420, 600);
  for (guint i = 0; i < 50 && gtk_widget_get_visible (sidebar); i++)
    cg_test_spin (20);
  g_assert_false (gtk_widget_get_visible (sidebar));
  g_assert_true (gtk_widget_get_visible (view));

  /* F9 shows the sections instead of the text; choosing one goes back to the text */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_assert_true (gtk_widget_get_visible (sidebar));
  g_assert_false (gtk_widget_get_visible (view));
  g_assert_true (cg_window_select_section (window, "summary"));
  g_assert_false (gtk_widget_get_visible (sidebar));
  g_assert_true (gtk_widget_get_visible (view));

  /* Wide again: the sections come back beside the text */
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 680);
  for (guint i = 0; i < 50 && !gtk_widget_get_visible (sidebar); i++)
    cg_test_spin (20);
  g_object_get (window, "show-sidebar", &show_sidebar, NULL);
  g_assert_true (show_sidebar);
  g_assert_true (gtk_widget_get_visible (sidebar) && gtk_widget_get_visible (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+? builds the shortcuts window on first use, for this window */
static void
test_window_shortcuts (void)
{
  CgWindow *window = create_window ();
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *shortcuts = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  cg_test_spin (50);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        shortcuts = toplevel;
    }

  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef gboolean (*Condition) (gpointer data);

/* Spins the main loop until @condition holds, for at most 10 s (a worker on a busy machine) */
static gboolean
wait_until (Condition condition,
            gpointer  data)
{
  for (guint i = 0; i < 500 && !condition (data); i++)
    cg_test_spin (20);

  return condition (data);
}

static gboolean
library_is_idle (gpointer data)
{
  return !cg_library_get_loading (cg_window_get_library (data));
}

static gboolean
has_results (gpointer data)
{
  return cg_sidebar_get_n_results (data) > 0;
}

/* Whether a label in the bundle problem area names @text (the banner's design may change) */
static gboolean
problem_reported (GtkWidget  *window,
                  const char *text)
{
  GtkWidget *info_box = gtk_widget_get_next_sibling (cg_test_find_widget (window, GTK_TYPE_SEARCH_BAR));
  g_autoptr(GPtrArray) labels = cg_test_find_widgets (info_box, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
bad_bundle_reported (gpointer data)
{
  return problem_reported (data, "duplicate-ids.xml");
}

/* A clinic bundle is read in the background after the window is shown: the sidebar, the
 * search and the handout builder get its sections when it is ready; a broken one leaves a
 * message naming it, and nothing else. */
static void
test_window_open_bundle (void)
{
  CgWindow *window = create_window ();
  CgSidebar *sidebar = CG_SIDEBAR (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_SIDEBAR));
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (cg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "fixtures", "clinic.xml", NULL);
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "fixtures", "duplicate-ids.xml", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  gboolean handout_has_clinic = FALSE;
  GtkWindow *dialog;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (cg_window_select_section (window, "symptoms"));

  /* A search before: the index of the built-in content exists, and must not be kept */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  type_query (entry, "kidney");
  g_assert_cmpuint (cg_sidebar_get_n_results (sidebar), ==, 3);
  g_signal_emit_by_name (entry, "stop-search");
  cg_test_spin (50);

  /* Nothing waits for the file: the window shows the built-in sections and a progress note */
  cg_window_open_bundle (window, good);
  g_assert_true (cg_sidebar_get_loading (sidebar));
  rows = cg_test_find_widgets (GTK_WIDGET (window), CG_TYPE_SECTION_ROW);
  g_assert_cmpuint (rows->len, ==, 7);
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (wait_until (library_is_idle, window));
  cg_test_spin (50);
  g_assert_false (cg_sidebar_get_loading (sidebar));

  /* Seven built-in sections, then the clinic's two, under a heading naming their topic */
  rows = cg_test_find_widgets (GTK_WIDGET (window), CG_TYPE_SECTION_ROW);
  g_assert_cmpuint (rows->len, ==, 9);
  g_assert_cmpstr (cg_test_last_label_text (g_ptr_array_index (rows, 7)), ==, "Before your visit");
  g_assert_true (cg_section_row_get_show_topic (g_ptr_array_index (rows, 7)));
  g_assert_false (cg_section_row_get_show_topic (g_ptr_array_index (rows, 8)));
  g_assert_true (cg_section_row_get_show_topic (g_ptr_array_index (rows, 0)));
  /* The section shown stays, and stays selected */
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "symptoms");
  g_assert_cmpstr (cg_section_get_id (cg_sidebar_get_section (sidebar)), ==, "symptoms");

  /* The search finds the clinic's text once its index is built in the worker */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  type_query (entry, "insurance");
  g_assert_true (wait_until (has_results, sidebar));
  g_signal_emit_by_name (entry, "activate");
  cg_test_spin (50);
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "before-visit");
  g_signal_emit_by_name (entry, "stop-search");
  cg_test_spin (50);

  /* The handout builder offers the clinic's sections */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-handout", NULL));
  cg_test_spin (50);
  dialog = find_handout_dialog ();
  g_assert_nonnull (dialog);
  checks = cg_test_find_widgets (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
  for (guint i = 0; i < checks->len; i++)
    handout_has_clinic |= g_strcmp0 (gtk_check_button_get_label (g_ptr_array_index (checks, i)),
                                     "Before your visit") == 0;
  g_assert_true (handout_has_clinic);
  gtk_window_destroy (dialog);

  /* Markup in a bundle is shown as written */
  g_assert_true (cg_window_select_section (window, "markup-literal"));
  g_assert_cmpstr (cg_section_get_title (cg_window_get_section (window)), ==,
                   "Text with <span size=\"9999999\">markup</span> & symbols");

  /* A bad bundle reaches the bundle problem banner, naming its file; the sections stay */
  g_assert_false (bad_bundle_reported (window));
  cg_window_open_bundle (window, bad);
  g_assert_true (wait_until (bad_bundle_reported, window));
  g_assert_true (wait_until (library_is_idle, window));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = cg_test_find_widgets (GTK_WIDGET (window), CG_TYPE_SECTION_ROW);
  g_assert_cmpuint (rows->len, ==, 9);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  /* One registered application for every window of the test, as in the app */
  app = cg_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/sections", test_window_sections);
  g_test_add_func ("/window/sidebar-toggle", test_window_sidebar_toggle);
  g_test_add_func ("/window/remembers-section", test_window_remembers_section);
  g_test_add_func ("/window/zoom", test_window_zoom);
  g_test_add_func ("/window/search", test_window_search);
  g_test_add_func ("/window/search-scrolls", test_window_search_scrolls);
  g_test_add_func ("/window/print-handout", test_window_print_handout);
  g_test_add_func ("/window/open-bundle", test_window_open_bundle);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/narrow", test_window_narrow);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
