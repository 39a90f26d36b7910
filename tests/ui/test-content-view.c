/* test-content-view.c: the topic as one document — scrolling, selection, copy, matches, history
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-content-view.h"
#include "cg-library.h"
#include "cg-search-index.h"
#include "cg-section.h"
#include "cg-topic.h"

#include "cg-test-source.h"
#include "cg-test-widgets.h"

/* The source text's sentences (tests/cg-test-source.h), loaded by the first test that asks */
static GPtrArray *source;

/* Returns: (transfer none): sentence @n of @section_id in the source text */
static const char *
source_sentence (const char *section_id,
                 guint       n)
{
  if (source == NULL)
    source = cg_test_load_source_sentences ();

  for (guint i = 0; i < source->len; i++)
    {
      const CgTestSentence *sentence = g_ptr_array_index (source, i);

      if (g_str_equal (sentence->section_id, section_id) && n-- == 0)
        return sentence->sentence;
    }

  g_assert_not_reached ();
}

/* Returns: (transfer none): the source text's last sentence, the end of the document */
static const char *
last_source_sentence (void)
{
  const CgTestSentence *last;

  source_sentence ("overview", 0);  /* loads the source */
  last = g_ptr_array_index (source, source->len - 1);

  return last->sentence;
}

static const char *section_titles[] = {
  "Overview", "Causes", "Symptoms", "Diagnosis", "Treatment", "Prevention", "Summary",
};

typedef struct
{
  GtkWindow     *window;
  CgContentView *view;
  GPtrArray     *topics;
  CgTopic       *topic;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GError) error = NULL;

  fixture->topics = cg_library_list_topics (library, "en", &error);
  g_assert_no_error (error);
  fixture->topic = g_ptr_array_index (fixture->topics, 0);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->view = CG_CONTENT_VIEW (cg_content_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  /* Short enough that each section needs scrolling to */
  gtk_window_set_default_size (fixture->window, 640, 360);
  gtk_window_present (fixture->window);
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (fixture->window)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_ptr_array_unref (fixture->topics);
}

static CgSection *
lookup (Fixture    *fixture,
        const char *id)
{
  CgSection *section = cg_topic_lookup_section (fixture->topic, id);

  g_assert_nonnull (section);
  return section;
}

static const char *
section_in_view (Fixture *fixture)
{
  CgSection *section = cg_content_view_get_section (fixture->view);

  return section != NULL ? cg_section_get_id (section) : NULL;
}

static GtkAdjustment *
vadjustment (Fixture *fixture)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (cg_content_view_get_text_view (fixture->view)));
}

/* The y range of the line holding the first occurrence of @text, in the text view's window */
static gboolean
line_is_on_screen (Fixture    *fixture,
                   const char *text)
{
  GtkTextView *text_view = cg_content_view_get_text_view (fixture->view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter start, match;
  GdkRectangle visible;
  int y, height;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_forward_search (&start, text, 0, &match, NULL, NULL))
    return FALSE;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_yrange (text_view, &match, &y, &height);

  return y >= visible.y && y + height <= visible.y + visible.height;
}

static void
on_clipboard_read_cb (GObject      *clipboard,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_assert_no_error (error);
}

static char *
read_clipboard (GdkClipboard *clipboard)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_read_cb, &text);
  CG_TEST_WAIT_UNTIL (text != NULL);
  g_assert_nonnull (text);

  return text;
}

/* The whole topic is one document: title, then every section's heading and text in order */
static void
test_whole_topic (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint heading = 0;

  cg_content_view_set_section (fixture->view, lookup (fixture, "overview"));
  text = cg_content_view_dup_text (fixture->view);
  lines = g_strsplit (text, "\n", -1);

  g_assert_cmpstr (lines[0], ==, "Calcinosis");
  for (guint i = 0; lines[i] != NULL; i++)
    if (heading < G_N_ELEMENTS (section_titles) && g_str_equal (lines[i], section_titles[heading]))
      heading++;
  g_assert_cmpuint (heading, ==, G_N_ELEMENTS (section_titles));

  /* Every block of every section is there, list items with their bullet */
  for (guint i = 0; i < cg_topic_get_n_sections (fixture->topic); i++)
    {
      CgSection *section = cg_topic_get_section (fixture->topic, i);

      for (guint j = 0; j < cg_section_get_n_blocks (section); j++)
        {
          const CgBlock *block = cg_section_get_block (section, j);

          if (block->kind == CG_BLOCK_PARAGRAPH)
            g_assert_true (g_strv_contains ((const char * const *)lines, block->text));
          else
            for (guint k = 0; block->items[k] != NULL; k++)
              {
                g_autofree char *item = g_strconcat ("• ", block->items[k], NULL);

                g_assert_true (g_strv_contains ((const char * const *)lines, item));
              }
        }
    }

  g_assert_cmpstr (section_in_view (fixture), ==, "overview");
}

/* Choosing a section scrolls its heading into view; the section in view follows */
static void
test_scroll_to_section (Fixture       *fixture,
                        gconstpointer  data)
{
  cg_content_view_set_section (fixture->view, lookup (fixture, "overview"));
  /* Lines below are measured in idle time, estimated until then: wait until the page settles */
  CG_TEST_WAIT_UNTIL (line_is_on_screen (fixture, "Overview") &&
                      !line_is_on_screen (fixture, source_sentence ("treatment", 0)));
  g_assert_true (line_is_on_screen (fixture, "Overview"));
  g_assert_false (line_is_on_screen (fixture, source_sentence ("treatment", 0)));

  cg_content_view_set_section (fixture->view, lookup (fixture, "treatment"));
  /* Lines above are measured in idle time: wait until the page settles */
  CG_TEST_WAIT_UNTIL (line_is_on_screen (fixture, source_sentence ("treatment", 0)) &&
              !line_is_on_screen (fixture, source_sentence ("overview", 0)));
  g_assert_true (line_is_on_screen (fixture, source_sentence ("treatment", 0)));
  g_assert_false (line_is_on_screen (fixture, source_sentence ("overview", 0)));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment (fixture)), >, 0);
  g_assert_cmpstr (section_in_view (fixture), ==, "treatment");
}

static void
on_section_notify_cb (GObject    *object,
                      GParamSpec *pspec,
                      guint      *n_notifies)
{
  (*n_notifies)++;
}

/* Scrolling (here: the caret keys, as a keyboard or screen-reader user does) changes the
 * section in view, and says so */
static void
test_section_follows_scrolling (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkTextView *text_view = cg_content_view_get_text_view (fixture->view);
  GtkAdjustment *adjustment = vadjustment (fixture);
  guint n_notifies = 0;
  gboolean handled;

  cg_content_view_set_section (fixture->view, lookup (fixture, "overview"));
  cg_test_wait_for_text_view_to_settle (cg_content_view_get_text_view (fixture->view));
  g_signal_connect (fixture->view, "notify::section", G_CALLBACK (on_section_notify_cb), &n_notifies);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (text_view)));

  /* Ctrl+End: the caret, and the view, go to the end of the topic */
  g_signal_emit_by_name (text_view, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE, &handled);
  CG_TEST_WAIT_UNTIL (g_strcmp0 (section_in_view (fixture), "summary") == 0);
  g_assert_cmpstr (section_in_view (fixture), ==, "summary");
  g_assert_cmpuint (n_notifies, >=, 1);

  /* Scrolled back to the top with the caret left behind: the page decides */
  n_notifies = 0;
  gtk_adjustment_set_value (adjustment, 0);
  CG_TEST_WAIT_UNTIL (g_strcmp0 (section_in_view (fixture), "overview") == 0);
  g_assert_cmpstr (section_in_view (fixture), ==, "overview");
  g_assert_cmpuint (n_notifies, ==, 1);
}

/* Copy Section: the heading and the text, verbatim, bullets and blank lines between blocks */
static void
test_copy_section (Fixture       *fixture,
                   gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->view));
  g_autofree char *treatment = NULL;
  g_autofree char *diagnosis = NULL;
  g_autofree char *copied = NULL;
  /* What Copy Section must give: the source text, sentence for sentence */
  g_autofree char *treatment_text = cg_test_source_dup_section_copy ("treatment", "Treatment");
  g_autofree char *diagnosis_text = cg_test_source_dup_section_copy ("diagnosis", "Diagnosis");

  treatment = cg_content_view_dup_section_text (fixture->view, lookup (fixture, "treatment"));
  g_assert_null (treatment);   /* nothing shown yet */

  cg_content_view_set_section (fixture->view, lookup (fixture, "treatment"));
  treatment = cg_content_view_dup_section_text (fixture->view, lookup (fixture, "treatment"));
  g_assert_cmpstr (treatment, ==, treatment_text);
  diagnosis = cg_content_view_dup_section_text (fixture->view, lookup (fixture, "diagnosis"));
  g_assert_cmpstr (diagnosis, ==, diagnosis_text);

  /* The action (context menu and Ctrl+Shift+C) copies the section in view */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "content.copy-section", NULL));
  copied = read_clipboard (clipboard);
  g_assert_cmpstr (copied, ==, treatment_text);
}

/* A selection spans paragraphs and sections; Copy gives it as plain text with blank lines */
static void
test_select_across_sections (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkTextView *text_view = cg_content_view_get_text_view (fixture->view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (text_view));
  g_autofree char *all = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *selected = NULL;
  g_autofree char *treatment_text = cg_test_source_dup_section_copy ("treatment", "Treatment");
  g_autofree char *diagnosis_text = cg_test_source_dup_section_copy ("diagnosis", "Diagnosis");
  GtkTextIter start, match;
  gboolean handled;

  cg_content_view_set_section (fixture->view, lookup (fixture, "diagnosis"));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));

  /* Ctrl+A selects the whole document; Copy copies all of it */
  g_signal_emit_by_name (text_view, "select-all", TRUE);
  g_signal_emit_by_name (text_view, "copy-clipboard");
  all = read_clipboard (clipboard);
  /* The topic's title and the first heading are the app's; the text after them the source's */
  g_assert_true (g_str_has_prefix (all, "Calcinosis\n\nOverview\n\n"));
  g_assert_true (g_str_has_prefix (all + strlen ("Calcinosis\n\nOverview\n\n"), source_sentence ("overview", 0)));
  g_assert_nonnull (strstr (all, diagnosis_text));
  g_assert_nonnull (strstr (all, treatment_text));
  g_assert_true (g_str_has_suffix (all, last_source_sentence ()));

  /* Shift+Down from the start of Diagnosis to the end of Treatment: two whole sections */
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "Diagnosis", 0, &match, NULL, NULL));
  gtk_text_buffer_place_cursor (buffer, &match);
  for (guint i = 0; i < 7; i++)
    g_signal_emit_by_name (text_view, "move-cursor", GTK_MOVEMENT_PARAGRAPHS, 1, TRUE, &handled);
  g_signal_emit_by_name (text_view, "move-cursor", GTK_MOVEMENT_PARAGRAPH_ENDS, 1, TRUE, &handled);

  selected = cg_content_view_dup_selected_text (fixture->view);
  expected = g_strconcat (diagnosis_text, "\n\n", treatment_text, NULL);
  g_assert_cmpstr (selected, ==, expected);

  g_signal_emit_by_name (text_view, "copy-clipboard");
  copied = read_clipboard (clipboard);
  g_assert_cmpstr (copied, ==, expected);
}

static CgSearchHit *
search_hit (Fixture    *fixture,
            const char *query,
            const char *section_id)
{
  g_autoptr(CgSearchIndex) index = cg_search_index_new (fixture->topics);
  g_autoptr(GPtrArray) hits = cg_search_index_query (index, query, 100);

  for (guint i = 0; i < hits->len; i++)
    if (g_str_equal (cg_section_get_id (cg_search_hit_get_section (g_ptr_array_index (hits, i))), section_id))
      return g_object_ref (g_ptr_array_index (hits, i));

  g_assert_not_reached ();
}

/* A search result opens at its match, every match highlighted; find next/previous walk them */
static void
test_find_next_previous (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CgSearchHit) hit = search_hit (fixture, "calcium", "treatment");
  g_autofree char *match = NULL;
  guint n_matches, n, index = 99;

  cg_search_hit_get_matches (hit, &n_matches);
  g_assert_cmpuint (n_matches, >=, 2);

  cg_content_view_set_section (fixture->view, lookup (fixture, "overview"));
  g_assert_false (cg_content_view_find_next (fixture->view));

  cg_content_view_set_highlights (fixture->view, hit);
  n = cg_content_view_get_n_highlighted (fixture->view);
  g_assert_cmpuint (n, ==, n_matches);
  g_assert_cmpstr (section_in_view (fixture), ==, "treatment");
  match = cg_content_view_dup_current_match (fixture->view, &index);
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpstr (match, ==, "Calcium");
  g_clear_pointer (&match, g_free);

  /* Ctrl+G / F3 and Shift+Ctrl+G / Shift+F3 (window actions) call these */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "content.find-next", NULL));
  match = cg_content_view_dup_current_match (fixture->view, &index);
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpstr (match, ==, "calcium");
  g_clear_pointer (&match, g_free);

  g_assert_true (cg_content_view_find_previous (fixture->view));
  g_assert_true (cg_content_view_find_previous (fixture->view));
  cg_content_view_dup_current_match (fixture->view, &index);
  g_assert_cmpuint (index, ==, n - 1);   /* before the first comes the last */
  g_assert_true (cg_content_view_find_next (fixture->view));
  g_free (cg_content_view_dup_current_match (fixture->view, &index));
  g_assert_cmpuint (index, ==, 0);

  /* The match moved to is on screen */
  CG_TEST_WAIT_UNTIL (line_is_on_screen (fixture, source_sentence ("treatment", 2)));
  g_assert_true (line_is_on_screen (fixture, source_sentence ("treatment", 2)));

  cg_content_view_set_highlights (fixture->view, NULL);
  g_assert_cmpuint (cg_content_view_get_n_highlighted (fixture->view), ==, 0);
  g_assert_null (cg_content_view_dup_current_match (fixture->view, NULL));
}

/* Back and forward through the sections and search results visited */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CgSearchHit) hit = search_hit (fixture, "kidney", "prevention");

  cg_content_view_set_section (fixture->view, lookup (fixture, "overview"));
  g_assert_false (cg_content_view_get_can_go_back (fixture->view));
  cg_content_view_set_section (fixture->view, lookup (fixture, "causes"));
  cg_content_view_set_section (fixture->view, lookup (fixture, "diagnosis"));
  g_assert_true (cg_content_view_get_can_go_back (fixture->view));
  g_assert_false (cg_content_view_get_can_go_forward (fixture->view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "content.go-back", NULL));
  g_assert_cmpstr (section_in_view (fixture), ==, "causes");
  g_assert_true (cg_content_view_go_back (fixture->view));
  g_assert_cmpstr (section_in_view (fixture), ==, "overview");
  g_assert_false (cg_content_view_get_can_go_back (fixture->view));
  g_assert_false (cg_content_view_go_back (fixture->view));
  CG_TEST_WAIT_UNTIL (line_is_on_screen (fixture, source_sentence ("overview", 0)));
  g_assert_true (line_is_on_screen (fixture, source_sentence ("overview", 0)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "content.go-forward", NULL));
  g_assert_cmpstr (section_in_view (fixture), ==, "causes");
  g_assert_true (cg_content_view_get_can_go_forward (fixture->view));

  /* A search result opened, then Back: where the reader was; Forward: the result again */
  cg_content_view_set_highlights (fixture->view, hit);
  g_assert_cmpstr (section_in_view (fixture), ==, "prevention");
  g_assert_false (cg_content_view_get_can_go_forward (fixture->view));
  g_assert_true (cg_content_view_go_back (fixture->view));
  g_assert_cmpstr (section_in_view (fixture), ==, "causes");
  CG_TEST_WAIT_UNTIL (line_is_on_screen (fixture, source_sentence ("causes", 0)));
  g_assert_true (line_is_on_screen (fixture, source_sentence ("causes", 0)));
  g_assert_true (cg_content_view_go_forward (fixture->view));
  g_assert_cmpstr (section_in_view (fixture), ==, "prevention");
}

/* Zoom keeps working: the text grows, the document is still one */
static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  GtkAdjustment *adjustment = vadjustment (fixture);
  double upper;

  cg_content_view_set_section (fixture->view, lookup (fixture, "overview"));
  CG_TEST_WAIT_UNTIL (gtk_adjustment_get_upper (adjustment) > 0);
  cg_test_wait_for_text_view_to_settle (cg_content_view_get_text_view (fixture->view));
  upper = gtk_adjustment_get_upper (adjustment);
  cg_content_view_set_zoom (fixture->view, 2.0);
  CG_TEST_WAIT_UNTIL (gtk_adjustment_get_upper (adjustment) > upper * 1.5);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, upper * 1.5);
  cg_content_view_set_zoom (fixture->view, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_test_init (&argc, &argv, NULL);

  /* The app's style sheet (the zoom steps are CSS classes), as CgApplication loads it */
  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/content-view/whole-topic", Fixture, NULL, fixture_set_up, test_whole_topic, fixture_tear_down);
  g_test_add ("/content-view/scroll-to-section", Fixture, NULL, fixture_set_up, test_scroll_to_section, fixture_tear_down);
  g_test_add ("/content-view/section-follows-scrolling", Fixture, NULL, fixture_set_up, test_section_follows_scrolling, fixture_tear_down);
  g_test_add ("/content-view/copy-section", Fixture, NULL, fixture_set_up, test_copy_section, fixture_tear_down);
  g_test_add ("/content-view/select-across-sections", Fixture, NULL, fixture_set_up, test_select_across_sections, fixture_tear_down);
  g_test_add ("/content-view/find-next-previous", Fixture, NULL, fixture_set_up, test_find_next_previous, fixture_tear_down);
  g_test_add ("/content-view/history", Fixture, NULL, fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/content-view/zoom", Fixture, NULL, fixture_set_up, test_zoom, fixture_tear_down);

  return g_test_run ();
}
