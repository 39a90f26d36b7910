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
#include "cg-section-row.h"
#include "cg-sidebar.h"
#include "cg-window.h"

#include "cg-test-source.h"
#include "cg-test-widgets.h"

static CgApplication *app;

/* A window of @width × @height, or of its saved size for 0 × 0, presented and laid out */
static CgWindow *
create_window_sized (int width,
                     int height)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  CgWindow *window;

  window = cg_window_new (GTK_APPLICATION (app), library);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (window)));

  return window;
}

static CgWindow *
create_window (void)
{
  return create_window_sized (0, 0);
}

/* Depth first, the first descendant for which @match is TRUE */
static GtkWidget *
find_widget_where (GtkWidget *widget,
                   gboolean (*match) (GtkWidget *, gconstpointer),
                   gconstpointer data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_where (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static void
test_window_sections (void)
{
  CgWindow *window = create_window ();
  CgContentView *view = CG_CONTENT_VIEW (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_CONTENT_VIEW));
  g_autoptr(GPtrArray) rows = cg_test_find_widgets (GTK_WIDGET (window), CG_TYPE_SECTION_ROW);
  g_autoptr(GPtrArray) source = cg_test_load_source_sentences ();
  const CgTestSection *sections = cg_test_get_sections ();

  g_assert_nonnull (view);
  /* Seven rows, no more */
  g_assert_cmpuint (rows->len, ==, CG_TEST_N_SECTIONS);

  for (guint i = 0; i < CG_TEST_N_SECTIONS; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autofree char *text = NULL;
      g_autofree char *heading = g_strconcat ("\n", sections[i].title, "\n", NULL);

      /* The row names its section */
      g_assert_cmpstr (cg_test_last_label_text (row), ==, sections[i].title);

      /* As a click on the row does */
      g_assert_true (gtk_widget_activate_action (row, "listitem.select", "(bb)", FALSE, FALSE));
      CG_TEST_WAIT_UNTIL (g_str_equal (cg_section_get_title (cg_window_get_section (window)),
                                       sections[i].title));

      /* The whole topic is shown, scrolled to the section */
      text = cg_content_view_dup_text (view);
      g_assert_true (g_str_has_prefix (text, "Calcinosis\n"));
      g_assert_nonnull (strstr (text, heading));
      g_assert_nonnull (strstr (text, cg_test_source_first_sentence (source, sections[i].id)));
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
  /* GtkSearchEntry emits ::search-changed from the main loop after the change (the window sets
   * no delay); the window's handler, connected first, has run when ours does */
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

/* Whether the line where @needle starts is in the visible part of @text */
static gboolean
is_text_on_screen (GtkTextView *text,
                   const char  *needle)
{
  GtkTextIter start, match_start, match_end;
  GdkRectangle visible, location;

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (text), &start);
  g_assert_true (gtk_text_iter_forward_search (&start, needle, 0, &match_start, &match_end, NULL));
  gtk_text_view_get_visible_rect (text, &visible);
  gtk_text_view_get_iter_location (text, &match_start, &location);

  return location.y < visible.y + visible.height && location.y + location.height > visible.y;
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
  GtkTextView *text = GTK_TEXT_VIEW (cg_test_find_widget (GTK_WIDGET (view), GTK_TYPE_TEXT_VIEW));

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
  /* The best passage's match comes on screen: at this zoom its paragraph can be taller than
   * the view (it is under GTK 4.18), so the match is what must show */
  CG_TEST_WAIT_UNTIL (is_text_on_screen (text, "chronic kidney disease"));

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
  GtkWindow *shortcuts;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  CG_TEST_WAIT_UNTIL (cg_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL);

  shortcuts = cg_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);

  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
library_is_idle (gpointer data)
{
  return !cg_library_get_loading (cg_window_get_library (data));
}

static guint
count_section_rows (CgWindow *window)
{
  g_autoptr(GPtrArray) rows = cg_test_find_widgets (GTK_WIDGET (window), CG_TYPE_SECTION_ROW);

  return rows->len;
}

static gboolean
has_results (gpointer data)
{
  return cg_sidebar_get_n_results (data) > 0;
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
  g_autofree char *text = NULL;
  g_autofree char *details = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  gboolean handout_has_clinic = FALSE;
  GtkWindow *dialog;
  GtkWidget *info_box;
  CgBundleBanner *banner;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (cg_window_select_section (window, "symptoms"));

  /* A search before: the index of the built-in content exists, and must not be kept */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  type_query (entry, "kidney");
  g_assert_cmpuint (cg_sidebar_get_n_results (sidebar), ==, 3);
  g_signal_emit_by_name (entry, "stop-search");
  CG_TEST_WAIT_UNTIL (!cg_sidebar_get_showing_results (sidebar));

  /* Nothing waits for the file: the window shows the built-in sections and a progress note */
  cg_window_open_bundle (window, good);
  g_assert_true (cg_sidebar_get_loading (sidebar));
  rows = cg_test_find_widgets (GTK_WIDGET (window), CG_TYPE_SECTION_ROW);
  g_assert_cmpuint (rows->len, ==, 7);
  g_clear_pointer (&rows, g_ptr_array_unref);

  CG_TEST_WAIT_UNTIL (library_is_idle (window) && !cg_sidebar_get_loading (sidebar) &&
                      count_section_rows (window) == 9);
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
  CG_TEST_WAIT_UNTIL (has_results (sidebar));
  g_signal_emit_by_name (entry, "activate");
  CG_TEST_WAIT_UNTIL (g_strcmp0 (cg_section_get_id (cg_window_get_section (window)), "before-visit") == 0);
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "before-visit");
  g_signal_emit_by_name (entry, "stop-search");
  CG_TEST_WAIT_UNTIL (!cg_sidebar_get_showing_results (sidebar));

  /* The handout builder offers the clinic's sections */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-handout", NULL));
  CG_TEST_WAIT_UNTIL ((dialog = find_handout_dialog ()) != NULL);
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
  /* A section of another topic: the document is that topic's */
  text = cg_content_view_dup_text (CG_CONTENT_VIEW (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_CONTENT_VIEW)));
  g_assert_true (g_str_has_prefix (text, "Your visit\nBefore your visit\nBring a list of your medicines.\n• Your medicine list\n"));
  g_assert_null (strstr (text, "Overview"));
  /* Bundle text goes into the text view as text, tags for style: markup stays as written */
  g_assert_nonnull (strstr (text, "\nText with <span size=\"9999999\">markup</span> & symbols\n"
                                  "Shown literally: <b>not bold</b> and <span size=\"9999999\">big</span>."));

  /* A bundle that cannot be opened is counted in the one banner for bundle problems, naming
   * its file; the sections stay */
  info_box = gtk_widget_get_next_sibling (cg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR));
  banner = CG_BUNDLE_BANNER (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_BUNDLE_BANNER));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (banner)));
  cg_window_open_bundle (window, bad);
  CG_TEST_WAIT_UNTIL (cg_bundle_banner_get_n_problems (banner) > 0);
  CG_TEST_WAIT_UNTIL (library_is_idle (window));
  g_assert_null (gtk_widget_get_first_child (info_box));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_cmpuint (cg_bundle_banner_get_n_problems (banner), ==, 1);
  details = cg_bundle_banner_dup_details (banner);
  g_assert_true (g_str_has_prefix (details, bad_path));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = cg_test_find_widgets (GTK_WIDGET (window), CG_TYPE_SECTION_ROW);
  g_assert_cmpuint (rows->len, ==, 9);

  gtk_window_destroy (GTK_WINDOW (window));
}

#define N_BAD_BUNDLES 20

static char *data_home;

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
  g_assert_null (gtk_widget_get_first_child (info_box));

  /* Installed bundles are read in a worker after the first frame: the banner follows */
  banner = CG_BUNDLE_BANNER (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_BUNDLE_BANNER));
  CG_TEST_WAIT_UNTIL (cg_bundle_banner_get_n_problems (banner) == N_BAD_BUNDLES &&
                      !cg_library_get_loading (cg_window_get_library (CG_WINDOW (window))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (banner)));
  g_assert_cmpuint (cg_bundle_banner_get_n_problems (banner), ==, N_BAD_BUNDLES);
  summary = find_widget_where (GTK_WIDGET (banner), is_label_with_text, "20 bundles could not be opened");
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
  g_assert_nonnull (find_widget_where (GTK_WIDGET (banner), is_label_with_text, details));
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

/* The title of the section the sidebar has selected */
static const char *
selected_section (CgSidebar *sidebar)
{
  CgSection *section = cg_sidebar_get_section (sidebar);

  return section != NULL ? cg_section_get_title (section) : NULL;
}

/* Choosing a section scrolls the document to it; scrolling on marks the sidebar and renames
 * the window after the section in view */
static void
test_window_section_in_view (void)
{
  /* Short enough that Summary needs scrolling to */
  CgWindow *window = create_window_sized (800, 400);
  CgSidebar *list = CG_SIDEBAR (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_SIDEBAR));
  GtkWidget *sections_view = cg_test_find_widget (GTK_WIDGET (list), GTK_TYPE_LIST_VIEW);
  g_autoptr(GPtrArray) rows = cg_test_find_widgets (GTK_WIDGET (list), CG_TYPE_SECTION_ROW);
  CgContentView *view = CG_CONTENT_VIEW (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_CONTENT_VIEW));
  GtkTextView *text_view = cg_content_view_get_text_view (view);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view));
  g_autofree char *heading = NULL;
  GdkRectangle visible, caret;
  GtkTextIter end, line_end;
  gboolean handled;

  g_assert_true (cg_window_select_section (window, "overview"));
  CG_TEST_WAIT_UNTIL (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), "Overview – Calcinosis Guide") == 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Overview – Calcinosis Guide");
  cg_test_wait_for_text_view_to_settle (text_view);

  /* A click on "Treatment" in the sidebar */
  g_assert_cmpuint (rows->len, ==, CG_TEST_N_SECTIONS);
  g_assert_true (gtk_widget_activate_action (g_ptr_array_index (rows, 4), "listitem.select", "(bb)", FALSE, FALSE));
  CG_TEST_WAIT_UNTIL (gtk_adjustment_get_value (vadjustment) > 0);
  cg_test_wait_for_text_view_to_settle (text_view);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Treatment – Calcinosis Guide");
  g_assert_cmpstr (selected_section (list), ==, "Treatment");

  /* Reading on with the keyboard to the end: Summary is in view, the sidebar and title say so */
  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  g_signal_emit_by_name (text_view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE, &handled);
  CG_TEST_WAIT_UNTIL (g_strcmp0 (selected_section (list), "Summary") == 0);
  g_assert_cmpstr (selected_section (list), ==, "Summary");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Summary – Calcinosis Guide");
  /* Marking the row did not choose it: the view stays where the reader is, at the end */
  cg_test_wait_frames (GTK_WIDGET (window), 20);
  g_assert_cmpstr (selected_section (list), ==, "Summary");
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (text_view), &end);
  gtk_text_view_get_iter_location (text_view, &end, &caret);
  g_assert_cmpint (caret.y, >=, visible.y);
  g_assert_cmpint (caret.y + caret.height, <=, visible.y + visible.height);

  /* Choosing the marked row again (Enter, or a click) goes back to its heading: the caret
   * moves there from the end */
  g_signal_emit_by_name (sections_view, "activate", 6);
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "summary");
  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (text_view), &end,
                                    gtk_text_buffer_get_insert (gtk_text_view_get_buffer (text_view)));
  line_end = end;
  gtk_text_iter_forward_to_line_end (&line_end);
  heading = gtk_text_iter_get_text (&end, &line_end);
  g_assert_cmpstr (heading, ==, "Summary");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Back and forward: the header bar buttons appear when there is somewhere to go */
static void
test_window_history (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CgWindow *window;
  GtkWidget *back, *forward;
  GtkSearchEntry *entry;
  CgContentView *view;
  g_autofree char *match = NULL;
  g_autofree char *folded = NULL;
  guint index = 99;

  /* The window opens on Overview, with no history */
  g_settings_set_string (settings, "last-section", "overview");
  window = create_window ();
  back = find_widget_where (GTK_WIDGET (window), cg_test_is_button_for_action, "win.go-back");
  forward = find_widget_where (GTK_WIDGET (window), cg_test_is_button_for_action, "win.go-forward");
  entry = GTK_SEARCH_ENTRY (cg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  view = CG_CONTENT_VIEW (cg_test_find_widget (GTK_WIDGET (window), CG_TYPE_CONTENT_VIEW));
  g_assert_nonnull (back);
  g_assert_nonnull (forward);
  g_assert_false (gtk_widget_get_visible (back));
  g_assert_false (gtk_widget_get_visible (forward));

  /* Two navigations from the section the window opened with, then back twice and forward
   * once (Alt+Left, Alt+Right) */
  g_assert_true (cg_window_select_section (window, "overview"));
  g_assert_false (gtk_widget_get_visible (back));
  g_assert_true (cg_window_select_section (window, "causes"));
  g_assert_true (cg_window_select_section (window, "diagnosis"));
  g_assert_true (gtk_widget_get_visible (back));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Causes – Calcinosis Guide");
  g_assert_true (gtk_widget_get_visible (forward));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "overview");
  g_assert_false (gtk_widget_get_visible (back));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-forward", NULL);
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "causes");

  /* A search result opened, then Back */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  type_query (entry, "calcinosis");
  g_signal_emit_by_name (entry, "activate");
  CG_TEST_WAIT_UNTIL (cg_content_view_get_n_highlighted (view) >= 2);
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "treatment");
  g_assert_cmpuint (cg_content_view_get_n_highlighted (view), >=, 2);

  /* Ctrl+G / F3 and Shift+Ctrl+G / Shift+F3: the next and previous match */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  match = cg_content_view_dup_current_match (view, &index);
  g_assert_cmpuint (index, ==, 1);
  folded = g_utf8_strdown (match, -1);
  g_assert_cmpstr (folded, ==, "calcinosis");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-previous", NULL);
  g_free (cg_content_view_dup_current_match (view, &index));
  g_assert_cmpuint (index, ==, 0);
  g_signal_emit_by_name (entry, "next-match");
  g_free (cg_content_view_dup_current_match (view, &index));
  g_assert_cmpuint (index, ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_cmpstr (cg_section_get_id (cg_window_get_section (window)), ==, "causes");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Causes – Calcinosis Guide");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The About dialog names the medical text's source on a label that wraps, never cut off */
static void
test_window_about (void)
{
  CgWindow *window = create_window ();
  GtkWindow *about;
  GtkLabel *provenance;
  graphene_rect_t bounds;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  CG_TEST_WAIT_UNTIL ((about = cg_test_find_toplevel (GTK_TYPE_ABOUT_DIALOG)) != NULL &&
                      cg_test_is_laid_out (GTK_WIDGET (about)));
  provenance = GTK_LABEL (find_widget_where (GTK_WIDGET (about), is_label_containing, "content version 1.0.0"));
  g_assert_nonnull (provenance);
  g_assert_true (gtk_label_get_wrap (provenance));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (provenance)));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (provenance), GTK_WIDGET (about), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (about)));

  gtk_window_destroy (about);
  gtk_window_destroy (GTK_WINDOW (window));
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
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/section-in-view", test_window_section_in_view);
  g_test_add_func ("/window/history", test_window_history);
  g_test_add_func ("/window/bundle-problems", test_window_bundle_problems);

  ret = g_test_run ();
  g_clear_object (&app);
  remove_bad_bundles ();

  return ret;
}
