/* test-sidebar.c: a sidebar of thousands of sections makes rows only for what is on screen
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-resources.h"
#include "cg-result-row.h"
#include "cg-search-index.h"
#include "cg-section.h"
#include "cg-section-list.h"
#include "cg-section-row.h"
#include "cg-sidebar.h"
#include "cg-topic.h"

#include "cg-test-widgets.h"

#define N_TOPICS 1000
#define N_SECTIONS 7

/* GTK 4.8's list view keeps up to 200 rows around the ones on screen, whatever the length of
 * the list, plus a few for the focus and the selection */
#define MAX_ROWS 250

static GPtrArray *
create_topics (guint       n_topics,
               const char *prefix)
{
  GPtrArray *topics = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint t = 0; t < n_topics; t++)
    {
      g_autofree char *topic_id = g_strdup_printf ("%s%u", prefix, t);
      g_autofree char *topic_title = g_strdup_printf ("Topic %s%u", prefix, t);
      CgTopic *topic = cg_topic_new (topic_id, topic_title);

      for (guint s = 0; s < N_SECTIONS; s++)
        {
          g_autofree char *id = g_strdup_printf ("%s%u-s%u", prefix, t, s);
          g_autofree char *title = g_strdup_printf ("Section %s%u.%u", prefix, t, s);
          g_autoptr(CgSection) section = cg_section_new (id, title, 1);
          CgBlock block = { CG_BLOCK_PARAGRAPH, 1, (char *)"Bring a list of your medicines.", NULL };

          cg_section_add_block (section, &block);
          cg_topic_add_section (topic, section);
        }
      g_ptr_array_add (topics, topic);
    }

  return topics;
}

typedef struct
{
  GtkWidget *window;
  CgSidebar *sidebar;
  GPtrArray *activated;  /* of char*: section ids, in order */
} Fixture;

static void
on_section_activated_cb (CgSidebar *sidebar,
                         CgSection *section,
                         Fixture   *fixture)
{
  g_ptr_array_add (fixture->activated, g_strdup (cg_section_get_id (section)));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->window = gtk_window_new ();
  fixture->sidebar = CG_SIDEBAR (cg_sidebar_new ());
  fixture->activated = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->sidebar, "section-activated", G_CALLBACK (on_section_activated_cb), fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 300, 600);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->sidebar));
  gtk_window_present (GTK_WINDOW (fixture->window));
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (fixture->window)));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_ptr_array_unref (fixture->activated);
}

static guint
count_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = cg_test_find_widgets (GTK_WIDGET (fixture->sidebar), CG_TYPE_SECTION_ROW);

  return rows->len;
}

/* 7,000 sections, a bounded number of rows; the first of each topic carries its heading */
static void
test_sidebar_lazy_rows (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) topics = create_topics (N_TOPICS, "t");
  g_autoptr(GPtrArray) rows = NULL;
  guint n_rows;

  cg_sidebar_set_topics (fixture->sidebar, topics);
  CG_TEST_WAIT_UNTIL (count_rows (fixture) > 0);
  cg_test_wait_until_quiet (GTK_WIDGET (fixture->sidebar));

  n_rows = count_rows (fixture);
  g_test_message ("%u rows for %u sections", n_rows, N_TOPICS * N_SECTIONS);
  g_assert_cmpuint (n_rows, >, 0);
  g_assert_cmpuint (n_rows, <, MAX_ROWS);

  rows = cg_test_find_widgets (GTK_WIDGET (fixture->sidebar), CG_TYPE_SECTION_ROW);
  g_assert_cmpstr (cg_test_last_label_text (g_ptr_array_index (rows, 0)), ==, "Section t0.0");
  g_assert_true (cg_section_row_get_show_topic (g_ptr_array_index (rows, 0)));
  g_assert_false (cg_section_row_get_show_topic (g_ptr_array_index (rows, 1)));
  g_assert_true (cg_section_row_get_show_topic (g_ptr_array_index (rows, N_SECTIONS)));

  /* Far down the list: selected and scrolled to, still without a row for every section */
  g_assert_true (cg_sidebar_select_section (fixture->sidebar, "t990-s3"));
  cg_test_wait_until_quiet (GTK_WIDGET (fixture->sidebar));
  g_assert_cmpstr (cg_section_get_id (cg_sidebar_get_section (fixture->sidebar)), ==, "t990-s3");
  g_assert_cmpuint (count_rows (fixture), <, MAX_ROWS);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = cg_test_find_widgets (GTK_WIDGET (fixture->sidebar), CG_TYPE_SECTION_ROW);
  {
    gboolean shown = FALSE;

    for (guint i = 0; i < rows->len; i++)
      shown |= g_strcmp0 (cg_test_last_label_text (g_ptr_array_index (rows, i)), "Section t990.3") == 0;
    g_assert_true (shown);
  }

  g_assert_false (cg_sidebar_select_section (fixture->sidebar, "no-such-section"));
}

/* Selecting activates; marking (the reading position moved) does not; topics added after
 * keep the selection and activate nothing */
static void
test_sidebar_mark_and_add (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) topics = create_topics (1, "a");
  g_autoptr(GPtrArray) more = NULL;

  cg_sidebar_set_topics (fixture->sidebar, topics);
  cg_test_wait_until_quiet (GTK_WIDGET (fixture->sidebar));
  g_assert_cmpuint (fixture->activated->len, ==, 0);
  /* One topic: no heading */
  {
    g_autoptr(GPtrArray) rows = cg_test_find_widgets (GTK_WIDGET (fixture->sidebar), CG_TYPE_SECTION_ROW);

    g_assert_cmpuint (rows->len, ==, N_SECTIONS);
    g_assert_false (cg_section_row_get_show_topic (g_ptr_array_index (rows, 0)));
  }

  g_assert_true (cg_sidebar_select_section (fixture->sidebar, "a0-s2"));
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "a0-s2");

  g_assert_true (cg_sidebar_mark_section (fixture->sidebar, "a0-s4"));
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (cg_section_get_id (cg_sidebar_get_section (fixture->sidebar)), ==, "a0-s4");

  /* A clinic bundle joins: the first topic gains its heading, the selection stays */
  more = create_topics (3, "b");
  g_ptr_array_insert (more, 0, g_object_ref (g_ptr_array_index (topics, 0)));
  cg_sidebar_set_topics (fixture->sidebar, more);
  cg_test_wait_until_quiet (GTK_WIDGET (fixture->sidebar));
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (cg_section_get_id (cg_sidebar_get_section (fixture->sidebar)), ==, "a0-s4");
  {
    g_autoptr(GPtrArray) rows = cg_test_find_widgets (GTK_WIDGET (fixture->sidebar), CG_TYPE_SECTION_ROW);

    g_assert_cmpuint (rows->len, ==, 4 * N_SECTIONS);
    g_assert_true (cg_section_row_get_show_topic (g_ptr_array_index (rows, 0)));
    g_assert_true (cg_section_row_get_show_topic (g_ptr_array_index (rows, N_SECTIONS)));
  }

  /* The loading note */
  g_assert_false (cg_sidebar_get_loading (fixture->sidebar));
  cg_sidebar_set_loading (fixture->sidebar, TRUE);
  g_assert_true (cg_sidebar_get_loading (fixture->sidebar));
  cg_sidebar_set_loading (fixture->sidebar, FALSE);
}

static GtkListView *
find_mapped_list_view (CgSidebar *sidebar)
{
  g_autoptr(GPtrArray) views = cg_test_find_widgets (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW);

  for (guint i = 0; i < views->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (views, i)))
      return g_ptr_array_index (views, i);

  return NULL;
}

static CgSectionRow *
find_row (CgSidebar  *sidebar,
          const char *section_id)
{
  g_autoptr(GPtrArray) rows = cg_test_find_widgets (GTK_WIDGET (sidebar), CG_TYPE_SECTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      CgSection *section = cg_section_row_get_section (g_ptr_array_index (rows, i));

      if (section != NULL && g_str_equal (cg_section_get_id (section), section_id))
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

/* The reader reads on in the text: the list marks the section in view without selecting it
 * (a screen reader announces a new selection as a move to the list); back in the list, the
 * section in view is selected and has the focus. */
static void
test_sidebar_mark_quietly (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) topics = create_topics (1, "a");
  GtkSingleSelection *selection;
  GtkWidget *focus;

  cg_sidebar_set_topics (fixture->sidebar, topics);
  cg_test_wait_until_quiet (GTK_WIDGET (fixture->sidebar));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (find_mapped_list_view (fixture->sidebar)));

  g_assert_true (cg_sidebar_select_section (fixture->sidebar, "a0-s1"));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);

  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  g_assert_true (cg_sidebar_mark_section (fixture->sidebar, "a0-s4"));
  g_assert_cmpstr (cg_section_get_id (cg_sidebar_get_section (fixture->sidebar)), ==, "a0-s4");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_row (fixture->sidebar, "a0-s4")), "in-view"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (find_row (fixture->sidebar, "a0-s1")), "in-view"));

  /* Tab into the list: GTK focuses the row focused last, then the section in view */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  CG_TEST_WAIT_UNTIL (gtk_single_selection_get_selected (selection) == 4 &&
                      (focus = gtk_root_get_focus (GTK_ROOT (fixture->window))) != NULL &&
                      gtk_widget_get_first_child (focus) == GTK_WIDGET (find_row (fixture->sidebar, "a0-s4")));

  /* Esc from the search, or F9: the same through cg_sidebar_focus_list() */
  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  g_assert_true (cg_sidebar_mark_section (fixture->sidebar, "a0-s2"));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  cg_sidebar_focus_list (fixture->sidebar);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_first_child (focus) == GTK_WIDGET (find_row (fixture->sidebar, "a0-s2")));
  g_assert_cmpuint (fixture->activated->len, ==, 1);
}

static void
on_result_activated_cb (CgSidebar   *sidebar,
                        CgSearchHit *hit,
                        CgSearchHit **activated)
{
  g_set_object (activated, hit);
}

/* What the results list holds now (cg_sidebar_get_n_results() counts those still to come) */
static guint
count_listed_results (CgSidebar *sidebar)
{
  g_autoptr(GPtrArray) views = cg_test_find_widgets (GTK_WIDGET (sidebar), GTK_TYPE_LIST_VIEW);

  for (guint i = 0; i < views->len; i++)
    {
      GtkListView *view = g_ptr_array_index (views, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (view)))
        return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view)));
    }

  return 0;
}

/* Search results: rows for the hits, a count, Enter opens the first */
static void
test_sidebar_results (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) topics = create_topics (N_TOPICS, "t");
  g_autoptr(CgSearchIndex) index = cg_search_index_new (topics);
  g_autoptr(GPtrArray) hits = cg_search_index_query (index, "medicines", 100);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CgSearchHit) activated = NULL;

  cg_sidebar_set_topics (fixture->sidebar, topics);
  g_signal_connect (fixture->sidebar, "result-activated", G_CALLBACK (on_result_activated_cb), &activated);

  g_assert_cmpuint (hits->len, ==, 100);
  cg_sidebar_show_results (fixture->sidebar, "medicines", hits);
  /* A page at once, then a page a frame: a key typed meanwhile waits for one page at most */
  g_assert_cmpuint (cg_sidebar_get_n_results (fixture->sidebar), ==, 100);
  g_assert_cmpuint (count_listed_results (fixture->sidebar), >, 0);
  g_assert_cmpuint (count_listed_results (fixture->sidebar), <, 100);
  cg_test_wait_frames (GTK_WIDGET (fixture->sidebar), 1);
  g_assert_cmpuint (count_listed_results (fixture->sidebar), <, 100);
  CG_TEST_WAIT_UNTIL (count_listed_results (fixture->sidebar) == 100);
  cg_test_wait_until_quiet (GTK_WIDGET (fixture->sidebar));
  g_assert_true (cg_sidebar_get_showing_results (fixture->sidebar));
  g_assert_cmpuint (cg_sidebar_get_n_results (fixture->sidebar), ==, 100);
  rows = cg_test_find_widgets (GTK_WIDGET (fixture->sidebar), CG_TYPE_RESULT_ROW);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <=, 100);
  g_assert_true (cg_result_row_get_hit (g_ptr_array_index (rows, 0)) == g_ptr_array_index (hits, 0));

  g_assert_true (cg_sidebar_activate_result (fixture->sidebar));
  g_assert_true (activated == g_ptr_array_index (hits, 0));

  cg_sidebar_show_results (fixture->sidebar, "zzz", none);
  g_assert_true (cg_sidebar_get_showing_results (fixture->sidebar));
  g_assert_cmpuint (cg_sidebar_get_n_results (fixture->sidebar), ==, 0);
  g_assert_false (cg_sidebar_activate_result (fixture->sidebar));

  cg_sidebar_show_sections (fixture->sidebar);
  g_assert_false (cg_sidebar_get_showing_results (fixture->sidebar));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* No library here to pull the interface files in from the static library */
  (void)cg_get_resource ();

  g_test_add ("/sidebar/lazy-rows", Fixture, NULL, fixture_setup, test_sidebar_lazy_rows, fixture_teardown);
  g_test_add ("/sidebar/mark-and-add", Fixture, NULL, fixture_setup, test_sidebar_mark_and_add, fixture_teardown);
  g_test_add ("/sidebar/mark-quietly", Fixture, NULL, fixture_setup, test_sidebar_mark_quietly, fixture_teardown);
  g_test_add ("/sidebar/results", Fixture, NULL, fixture_setup, test_sidebar_results, fixture_teardown);

  return g_test_run ();
}
