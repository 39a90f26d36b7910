/* test-window.c: the window lists the seven sections and shows each one's text
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cg-application.h"
#include "cg-bundle-banner.h"
#include "cg-content-view.h"
#include "cg-handout-dialog.h"
#include "cg-library.h"
#include "cg-section.h"
#include "cg-sidebar.h"
#include "cg-window.h"

#include "cg-test-source.h"
#include "cg-test-widgets.h"

static CgApplication *app;

static CgWindow *
create_window (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  CgWindow *window;

  window = cg_window_new (GTK_APPLICATION (app), library);
  gtk_window_present (GTK_WINDOW (window));
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (window)));

  return window;
}

static void
test_window_sections (void)
{
  CgWindow *window = create_window ();
  CgContentView *view = CG_CONTENT_VIEW (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_CONTENT_VIEW));
  GtkListBox *list = GTK_LIST_BOX (cg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX));
  g_autoptr(GPtrArray) source = cg_test_load_source_sentences ();
  const CgTestSection *sections = cg_test_get_sections ();

  g_assert_nonnull (view);
  g_assert_nonnull (list);

  for (guint i = 0; i < CG_TEST_N_SECTIONS; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      g_autofree char *text = NULL;
      g_autofree char *expected_start = g_strconcat (sections[i].title, "\n", NULL);

      g_assert_nonnull (row);
      /* The row names its section, for sighted and screen-reader users alike */
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (row))), ==,
                       sections[i].title);

      gtk_list_box_select_row (list, row);
      CG_TEST_WAIT_UNTIL (g_str_equal (cg_section_get_title (cg_window_get_section (window)),
                                       sections[i].title));

      text = cg_content_view_dup_text (view);
      g_assert_true (g_str_has_prefix (text, expected_start));
      g_assert_nonnull (strstr (text, cg_test_source_first_sentence (source, sections[i].id)));
      g_assert_cmpstr (cg_section_get_title (cg_window_get_section (window)), ==, sections[i].title);
    }

  g_assert_null (gtk_list_box_get_row_at_index (list, CG_TEST_N_SECTIONS));
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
  CG_TEST_WAIT_UNTIL (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL);
  g_assert_cmpstr (g_settings_get_string (settings, "last-section"), ==, "diagnosis");

  window = create_window ();
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "diagnosis");

  /* Ctrl+Q saves too: it closes the windows rather than dropping them */
  g_assert_true (cg_window_select_section (window, "prevention"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  CG_TEST_WAIT_UNTIL (gtk_application_get_windows (GTK_APPLICATION (app)) == NULL);
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

typedef struct
{
  const char *query;
  gboolean    searched;
} QueryWait;

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      QueryWait      *wait)
{
  /* Replacing the text empties the entry first, which is reported at once: not that */
  if (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), wait->query))
    wait->searched = TRUE;
}

static void
type_query (GtkSearchEntry *entry,
            const char     *query)
{
  QueryWait wait = { query, FALSE };
  gulong handler = g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed_cb), &wait);

  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  /* GtkSearchEntry emits ::search-changed 150 ms after the last change; the window's handler,
   * connected first, has run when ours does */
  CG_TEST_WAIT_UNTIL (wait.searched);
  g_signal_handler_disconnect (entry, handler);
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
  CG_TEST_WAIT_UNTIL (cg_content_view_get_n_highlighted (view) > 0);
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "causes");
  g_assert_cmpuint (cg_content_view_get_n_highlighted (view), >=, 1);

  /* Nothing found */
  type_query (entry, "zzzzqqq");
  g_assert_true (cg_sidebar_get_showing_results (sidebar));
  g_assert_cmpuint (cg_sidebar_get_n_results (sidebar), ==, 0);

  /* Esc: the sections are back and the highlights gone */
  g_signal_emit_by_name (entry, "stop-search");
  CG_TEST_WAIT_UNTIL (!gtk_search_bar_get_search_mode (bar));
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
  GtkViewport *viewport = GTK_VIEWPORT (cg_test_find_widget (GTK_WIDGET (view), GTK_TYPE_VIEWPORT));
  GtkWidget *item;
  graphene_rect_t bounds;

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 360);
  cg_content_view_set_zoom (view, 2.0);
  g_assert_true (cg_window_select_section (window, "overview"));
  /* The text is laid out in the view */
  CG_TEST_WAIT_UNTIL (gtk_adjustment_get_page_size (vadjustment) > 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  /* The last item of Treatment */
  type_query (entry, "must be addressed");
  g_signal_emit_by_name (entry, "activate");

  /* The view scrolls once the new text is laid out: a frame or two, slower on a busy machine */
  CG_TEST_WAIT_UNTIL (gtk_adjustment_get_value (vadjustment) > 0);

  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "treatment");
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);

  /* To the best passage, not the first match: in Causes, "disease" is in the first line, and
   * "kidney disease" in the fourth item, below the fold */
  g_assert_true (cg_window_select_section (window, "overview"));
  CG_TEST_WAIT_UNTIL (gtk_adjustment_get_value (vadjustment) == 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
  type_query (entry, "kidney disease");
  g_signal_emit_by_name (entry, "activate");
  CG_TEST_WAIT_UNTIL (gtk_adjustment_get_value (vadjustment) > 0);
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "causes");
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  item = GTK_WIDGET (cg_test_find_label (GTK_WIDGET (view), "Calcinosis is a condition caused"));
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_compute_bounds (item, gtk_viewport_get_child (viewport), &bounds));
  g_assert_cmpfloat (bounds.origin.y, <, gtk_adjustment_get_value (vadjustment) +
                                         gtk_adjustment_get_page_size (vadjustment));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, >, gtk_adjustment_get_value (vadjustment));

  cg_content_view_set_zoom (view, 1.0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A misspelt query: the results say what they are for, and one click searches as typed */
static void
test_window_search_correction (void)
{
  CgWindow *window = create_window ();
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (cg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  CgSidebar *sidebar = CG_SIDEBAR (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_SIDEBAR));
  GtkLabel *notice;
  GtkLabel *undo_label;
  GtkWidget *undo;
  guint n_corrected;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  type_query (entry, "calcinossis");
  n_corrected = cg_sidebar_get_n_results (sidebar);
  g_assert_cmpuint (n_corrected, >, 0);
  notice = cg_test_find_label (GTK_WIDGET (window), "Showing results for");
  g_assert_nonnull (notice);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (notice)));
  g_assert_cmpstr (gtk_label_get_text (notice), ==, "Showing results for “calcinosis”");
  undo_label = cg_test_find_label (GTK_WIDGET (window), "Search for “calcinossis” instead");
  g_assert_nonnull (undo_label);
  undo = gtk_widget_get_ancestor (GTK_WIDGET (undo_label), GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_is_visible (undo));

  /* Undo: the query as typed finds nothing, the notice goes, the entry keeps the focus */
  g_signal_emit_by_name (undo, "clicked");
  CG_TEST_WAIT_UNTIL (!gtk_widget_is_visible (GTK_WIDGET (notice)));
  g_assert_cmpuint (cg_sidebar_get_n_results (sidebar), ==, 0);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (notice)));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (entry)));

  /* …until the query changes: corrections are back */
  type_query (entry, "dermatomyosits");
  g_assert_cmpuint (cg_sidebar_get_n_results (sidebar), ==, 2);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (notice)));
  g_assert_cmpstr (gtk_label_get_text (notice), ==, "Showing results for “dermatomyositis”");

  /* A query found as typed has no notice, nor has a closed search */
  type_query (entry, "kidney");
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (notice)));
  type_query (entry, "calcinossis");
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (notice)));
  g_signal_emit_by_name (entry, "stop-search");
  CG_TEST_WAIT_UNTIL (!gtk_widget_is_visible (GTK_WIDGET (notice)));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (notice)));

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
  CG_TEST_WAIT_UNTIL ((dialog = find_handout_dialog ()) != NULL);
  g_assert_nonnull (dialog);

  /* A window of its own: the guide stays usable while the note is written */
  g_assert_false (gtk_window_get_modal (dialog));
  g_assert_null (gtk_window_get_transient_for (dialog));
  g_assert_true (cg_window_select_section (window, "causes"));

  /* Ctrl+P again raises the same builder */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-handout", NULL));
  CG_TEST_WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (find_handout_dialog () == dialog);
  g_assert_cmpuint (count_handout_dialogs (), ==, 1);

  /* Ctrl+Shift+E: a handout of the section being read */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  CG_TEST_WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (dialog)));
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

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
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
  CG_TEST_WAIT_UNTIL (!gtk_widget_get_visible (sidebar));
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
  CG_TEST_WAIT_UNTIL (gtk_widget_get_visible (sidebar));
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
  CG_TEST_WAIT_UNTIL (cg_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL);

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

/* A clinic bundle joins the built-in topic; a broken one leaves a message and nothing else */
static void
test_window_open_bundle (void)
{
  CgWindow *window = create_window ();
  GtkListBox *list = GTK_LIST_BOX (cg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX));
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "fixtures", "clinic.xml", NULL);
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "fixtures", "duplicate-ids.xml", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  GtkWidget *info_box;
  CgBundleBanner *banner;
  g_autofree char *details = NULL;
  GtkListBoxRow *row;

  g_assert_true (cg_window_select_section (window, "symptoms"));
  g_assert_true (cg_window_open_bundle (window, good));
  CG_TEST_WAIT_UNTIL ((row = gtk_list_box_get_row_at_index (list, 7)) != NULL &&
                      gtk_list_box_row_get_header (row) != NULL);

  /* Seven built-in sections, then the clinic's two, under a header naming their topic */
  row = gtk_list_box_get_row_at_index (list, 7);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (row))), ==, "Before your visit");
  g_assert_nonnull (gtk_list_box_row_get_header (row));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_header (row))), ==, "Your visit");
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 8));
  g_assert_null (gtk_list_box_get_row_at_index (list, 9));
  /* The section shown stays */
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "symptoms");

  /* Markup in a bundle is shown as written */
  g_assert_true (cg_window_select_section (window, "markup-literal"));
  g_assert_cmpstr (cg_section_get_title (cg_window_get_section (window)), ==,
                   "Text with <span size=\"9999999\">markup</span> & symbols");

  /* A bundle that cannot be opened is counted in the one banner for bundle problems */
  info_box = gtk_widget_get_next_sibling (cg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR));
  banner = CG_BUNDLE_BANNER (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_BUNDLE_BANNER));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_false (cg_window_open_bundle (window, bad));
  g_assert_cmpuint (count_children (info_box), ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_cmpuint (cg_bundle_banner_get_n_problems (banner), ==, 1);
  details = cg_bundle_banner_dup_details (banner);
  g_assert_true (g_str_has_prefix (details, bad_path));
  g_assert_null (gtk_list_box_get_row_at_index (list, 9));

  gtk_window_destroy (GTK_WINDOW (window));
}

#define N_BAD_BUNDLES 20

static char *data_home;

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Twenty broken installed bundles are one banner: "20 bundles could not be opened", with
 * Details listing each as FILE:LINE: message */
static void
test_window_bundle_problems (void)
{
  GtkWindow *window;
  GtkWidget *info_box;
  GtkWidget *summary;
  CgBundleBanner *banner;
  GtkRevealer *revealer;
  GtkWidget *dismiss;
  g_autofree char *details = NULL;
  g_auto(GStrv) lines = NULL;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CG_IS_WINDOW (window));
  CG_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));

  info_box = gtk_widget_get_next_sibling (cg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR));
  g_assert_cmpuint (count_children (info_box), ==, 0);

  banner = CG_BUNDLE_BANNER (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_BUNDLE_BANNER));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_cmpuint (cg_bundle_banner_get_n_problems (banner), ==, N_BAD_BUNDLES);
  summary = find_label (GTK_WIDGET (banner), "20 bundles could not be opened");
  g_assert_nonnull (summary);
  g_assert_true (gtk_widget_get_mapped (summary));

  details = cg_bundle_banner_dup_details (banner);
  lines = g_strsplit (details, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, N_BAD_BUNDLES);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("%s/calcinosis-guide/bundles/bad-%02u.xml:3: ", data_home, i);

      g_assert_true (g_str_has_prefix (lines[i], prefix));
      g_assert_nonnull (strstr (lines[i], "not well-formed XML"));
    }

  /* Details shows the list; dismissing hides the banner */
  revealer = GTK_REVEALER (cg_test_find_widget (GTK_WIDGET (banner), GTK_TYPE_REVEALER));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (cg_test_find_widget (GTK_WIDGET (banner), GTK_TYPE_TOGGLE_BUTTON)), TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (find_label (GTK_WIDGET (banner), details));
  dismiss = gtk_widget_get_last_child (gtk_widget_get_first_child (GTK_WIDGET (banner)));
  g_assert_true (GTK_IS_BUTTON (dismiss));
  g_signal_emit_by_name (dismiss, "clicked");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_cmpuint (cg_bundle_banner_get_n_problems (banner), ==, 0);

  gtk_window_destroy (window);
}

/* Broken bundles installed for the user, before GLib reads $XDG_DATA_HOME */
static void
install_bad_bundles (void)
{
  g_autofree char *bundles = NULL;

  data_home = g_dir_make_tmp ("cg-window-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  bundles = g_build_filename (data_home, "calcinosis-guide", "bundles", NULL);
  g_assert_cmpint (g_mkdir_with_parents (bundles, 0755), ==, 0);

  for (guint i = 0; i < N_BAD_BUNDLES; i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%02u.xml", i);
      g_autofree char *path = g_build_filename (bundles, name, NULL);

      g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?>\n<bundle>\n", -1, NULL));
    }

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
}

static void
remove_bad_bundles (void)
{
  g_autofree char *bundles = g_build_filename (data_home, "calcinosis-guide", "bundles", NULL);
  g_autofree char *parent = g_path_get_dirname (bundles);

  for (guint i = 0; i < N_BAD_BUNDLES; i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%02u.xml", i);
      g_autofree char *path = g_build_filename (bundles, name, NULL);

      g_unlink (path);
    }
  g_rmdir (bundles);
  g_rmdir (parent);
  g_rmdir (data_home);
  g_free (data_home);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  install_bad_bundles ();
  (void)cg_test_use_private_session_bus ();
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
  g_test_add_func ("/window/search-correction", test_window_search_correction);
  g_test_add_func ("/window/print-handout", test_window_print_handout);
  g_test_add_func ("/window/open-bundle", test_window_open_bundle);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/bundle-problems", test_window_bundle_problems);

  ret = g_test_run ();
  g_clear_object (&app);
  remove_bad_bundles ();

  return ret;
}
