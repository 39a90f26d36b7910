/* test-handout-layout.c: a handout's content laid out on pages: keeps, sizes, labels, dates
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-handout-layout.h"
#include "cg-library.h"
#include "cg-section.h"
#include "cg-topic.h"

#include "handout/cg-test-handout.h"
#include "cg-test-util.h"

static gboolean
is_section_title (const char *line)
{
  CgTopic *topic = cg_bundle_get_topic (cg_test_get_english_bundle (), 0);

  for (guint i = 0; i < cg_topic_get_n_sections (topic); i++)
    if (g_str_equal (cg_section_get_title (cg_topic_get_section (topic, i)), line))
      return TRUE;

  return FALSE;
}

static gboolean
is_list_item (const char *text)
{
  CgTopic *topic = cg_bundle_get_topic (cg_test_get_english_bundle (), 0);

  for (guint i = 0; i < cg_topic_get_n_sections (topic); i++)
    {
      CgSection *section = cg_topic_get_section (topic, i);

      for (guint j = 0; j < cg_section_get_n_blocks (section); j++)
        {
          const CgBlock *block = cg_section_get_block (section, j);

          if (block->kind == CG_BLOCK_LIST && g_strv_contains ((const char * const *)block->items,
                                                               text))
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_page_count (void)
{
  g_autoptr(CgHandoutLayout) layout = cg_test_create_full_layout (FALSE);
  double width, height;
  guint n_pages;

  cg_paper_get_size (CG_PAPER_A4, &width, &height);
  n_pages = cg_handout_layout_paginate (layout, width, height);

  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (n_pages, <=, 6);
  g_assert_cmpuint (cg_handout_layout_get_n_pages (layout), ==, n_pages);
  /* Unchanged content and size: the same answer */
  g_assert_cmpuint (cg_handout_layout_paginate (layout, width, height), ==, n_pages);

  g_assert_finalize_object (g_steal_pointer (&layout));
}

/* On pages of many heights, no page ends with a heading or a bullet's first line alone, and
 * every line of the handout is printed exactly once, in order, with a page starting inside a
 * section headed "(continued)". */
static void
check_keeps (gboolean large_print)
{
  g_autoptr(CgHandoutLayout) layout = cg_test_create_full_layout (large_print);
  g_autoptr(CgHandoutLayout) tall = cg_test_create_full_layout (large_print);
  g_autofree char *reference = NULL;
  double width, a4_height;

  cg_paper_get_size (CG_PAPER_A4, &width, &a4_height);
  g_assert_cmpuint (cg_handout_layout_paginate (tall, width, 100000), ==, 1);
  reference = cg_handout_layout_dup_page_text (tall, 0);

  for (double height = 320; height <= a4_height; height += 13)
    {
      guint n_pages = cg_handout_layout_paginate (layout, width, height);
      g_autoptr(GString) all = g_string_new (NULL);

      for (guint page = 0; page < n_pages; page++)
        {
          g_autofree char *text = cg_handout_layout_dup_page_text (layout, page);
          g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
          guint n_lines = g_strv_length (lines) - 1;   /* after the last newline */
          const char *last;

          g_assert_cmpuint (n_lines, >, 0);
          /* Every line but the "(continued)" headings repeated at the top of a page */
          for (guint i = 0; i < n_lines; i++)
            if (i > 0 || page == 0 || !g_str_has_suffix (lines[i], " (continued)"))
              g_string_append_printf (all, "%s\n", lines[i]);
          if (page + 1 == n_pages)
            break;

          last = g_strstrip (lines[n_lines - 1]);
          g_assert_false (is_section_title (last));
          if (g_str_has_prefix (last, "• "))
            g_assert_true (is_list_item (last + strlen ("• ")));
        }

      /* The same lines as on one endless page */
      g_assert_cmpstr (all->str, ==, reference);
    }
}

static void
test_no_orphaned_heading (void)
{
  check_keeps (FALSE);
}

static void
test_no_orphaned_heading_large (void)
{
  check_keeps (TRUE);
}

static void
test_large_print_more_pages (void)
{
  g_autoptr(CgHandoutLayout) normal = cg_test_create_full_layout (FALSE);
  g_autoptr(CgHandoutLayout) large = cg_test_create_full_layout (TRUE);
  double width, height;

  cg_paper_get_size (CG_PAPER_A4, &width, &height);
  g_assert_cmpuint (cg_handout_layout_paginate (large, width, height), >,
                    cg_handout_layout_paginate (normal, width, height));
}

static void
test_paper_sizes (void)
{
  double width, height;
  CgPaper paper;

  cg_paper_get_size (CG_PAPER_A4, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.890, 0.01);
  cg_paper_get_size (CG_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612.0, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 792.0, 0.01);

  g_assert_true (cg_paper_from_string ("A4", &paper));
  g_assert_cmpint (paper, ==, CG_PAPER_A4);
  g_assert_true (cg_paper_from_string ("letter", &paper));
  g_assert_cmpint (paper, ==, CG_PAPER_LETTER);
  g_assert_false (cg_paper_from_string ("b5", &paper));
  g_assert_cmpstr (cg_paper_to_string (CG_PAPER_LETTER), ==, "letter");
}

/* A bundle without labels still gets a footer and a notes heading, in English. */
static void
test_missing_labels (void)
{
  g_autoptr(CgBundle) bundle = cg_bundle_new ("test", "xx");
  g_autoptr(CgTopic) topic = cg_topic_new ("topic", "Topic");
  g_autoptr(CgSection) section = cg_section_new ("one", "One", 1);
  g_autoptr(CgHandoutLayout) layout = NULL;
  g_autofree char *text = NULL;
  CgBlock block = { CG_BLOCK_PARAGRAPH, 1, (char *)"Some text.", NULL };

  cg_section_add_block (section, &block);
  cg_topic_add_section (topic, section);
  cg_bundle_add_topic (bundle, topic);

  layout = cg_handout_layout_new (bundle);
  cg_handout_layout_add_section (layout, section);
  cg_handout_layout_set_note (layout, "A note.");
  g_assert_cmpuint (cg_handout_layout_paginate (layout, 612, 792), ==, 1);

  text = cg_handout_layout_dup_page_text (layout, 0);
  g_assert_nonnull (strstr (text, "Notes from your care team\n"));
  g_assert_nonnull (strstr (text, "Date: "));
  g_assert_nonnull (strstr (text, "Some text.\n"));
}

/* White space only is no note: no empty box. */
static void
test_blank_note (void)
{
  g_autoptr(CgHandoutLayout) layout = cg_test_create_full_layout (FALSE);
  g_autofree char *text = NULL;

  cg_handout_layout_set_note (layout, " \n\t ");
  cg_handout_layout_paginate (layout, 612, 792);
  text = cg_handout_layout_dup_page_text (layout, 0);
  g_assert_null (strstr (text, "Notes from your care team"));
  g_assert_nonnull (strstr (text, "Date: March 9, 2026\n"));
  g_assert_true (g_str_has_prefix (text, "Riverside Clinic\nTelephone 0123 456789\nCalcinosis\n"));
}

/* --- Page breaks a typesetter would accept, on handouts built to hit each rule ------------- */

#define LEAD_IN "These are the things to bring:"

/* A bundle of one section: @n_filler one-line paragraphs, then @tail (XML of the section's end) */
static CgBundle *
build_bundle (const char *language,
              guint       n_filler,
              const char *tail)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CgBundle *bundle;

  g_string_append_printf (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<bundle format=\"1\" lang=\"%s\"><provenance><source>Test</source>"
                               "<content-version>1</content-version></provenance>"
                               "<topic id=\"t\"><title>Test topic</title>"
                               "<section id=\"s\"><title>Test section</title>", language);
  for (guint i = 0; i < n_filler; i++)
    g_string_append_printf (xml, "<p>Filler paragraph %u.</p>", i + 1);
  g_string_append (xml, tail);
  g_string_append (xml, "</section></topic></bundle>");

  bytes = g_bytes_new (xml->str, xml->len);
  bundle = cg_bundle_load_bytes (bytes, "test.xml", &error);
  g_assert_no_error (error);

  return bundle;
}

static CgHandoutLayout *
create_layout_of (CgBundle *bundle)
{
  CgHandoutLayout *layout = cg_handout_layout_new (bundle);

  g_assert_true (cg_handout_layout_add_section (layout, cg_bundle_lookup_section (bundle, "s")));

  return layout;
}

/* The printed lines of each page, white space trimmed */
static GPtrArray *
dup_pages (CgHandoutLayout *layout)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  for (guint page = 0; page < cg_handout_layout_get_n_pages (layout); page++)
    {
      g_autofree char *text = cg_handout_layout_dup_page_text (layout, page);
      char **lines = g_strsplit (text, "\n", -1);

      /* Drop the empty string after the last newline */
      g_free (lines[g_strv_length (lines) - 1]);
      lines[g_strv_length (lines) - 1] = NULL;
      for (guint i = 0; lines[i] != NULL; i++)
        g_strstrip (lines[i]);
      g_ptr_array_add (pages, lines);
    }

  return pages;
}

static gboolean
page_has_line (GStrv       page,
               const char *line)
{
  return g_strv_contains ((const char * const *)page, line);
}

#define FIRST_HEIGHT 380.0
#define HEIGHT_STEP  3.0
#define LAST_HEIGHT  900.0

/* A section of filler paragraphs then @tail, laid out on pages of many heights from
 * FIRST_HEIGHT: the printed lines of every page (dup_pages()), one array per height. */
static GPtrArray *
dup_pages_at_heights (const char *tail)
{
  g_autoptr(CgBundle) bundle = build_bundle ("en", 14, tail);
  g_autoptr(CgHandoutLayout) layout = create_layout_of (bundle);
  GPtrArray *page_sets = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);

  for (double height = FIRST_HEIGHT; height <= LAST_HEIGHT; height += HEIGHT_STEP)
    {
      cg_handout_layout_paginate (layout, 595, height);
      g_ptr_array_add (page_sets, dup_pages (layout));
    }

  return page_sets;
}

/* A lead-in ending with a colon stays on the page of its first two items, on pages of every
 * height; at some heights the rule moves it to the next page. */
static void
test_lead_in_keeps_two_items (void)
{
  g_autoptr(GPtrArray) page_sets = dup_pages_at_heights ("<p>" LEAD_IN "</p><list>"
                                                          "<item>Item one</item><item>Item two</item>"
                                                          "<item>Item three</item><item>Item four</item>"
                                                          "</list><p>After the list.</p>");
  guint moved = 0;

  for (guint h = 0; h < page_sets->len; h++)
    {
      GPtrArray *pages = g_ptr_array_index (page_sets, h);

      for (guint p = 0; p < pages->len; p++)
        {
          GStrv page = g_ptr_array_index (pages, p);

          if (!page_has_line (page, LEAD_IN))
            continue;
          g_test_message ("height %g, page %u", FIRST_HEIGHT + h * HEIGHT_STEP, p);
          g_assert_true (page_has_line (page, "• Item one"));
          g_assert_true (page_has_line (page, "• Item two"));
          /* Below the section's "(continued)" heading */
          moved += p > 0 && g_str_equal (page[0], "Test section (continued)") &&
                   g_str_equal (page[1], LEAD_IN);
        }
    }

  g_assert_cmpuint (moved, >, 0);
}

/* Neither the first item of a list alone at the foot of a page, nor the last alone at the
 * head of the next, when one more line avoids it. */
static void
test_no_lone_list_item (void)
{
  g_autoptr(GPtrArray) page_sets = dup_pages_at_heights ("<p>Several things help.</p><list>"
                                                          "<item>Item one</item><item>Item two</item>"
                                                          "<item>Item three</item><item>Item four</item>"
                                                          "<item>Item five</item></list>"
                                                          "<p>After the list.</p>");
  guint split = 0;
  guint lone_at_end = 0;

  for (guint h = 0; h < page_sets->len; h++)
    {
      GPtrArray *pages = g_ptr_array_index (page_sets, h);

      for (guint p = 0; p + 1 < pages->len; p++)
        {
          GStrv page = g_ptr_array_index (pages, p);
          GStrv next = g_ptr_array_index (pages, p + 1);
          const char *last = page[g_strv_length (page) - 1];
          const char *first;

          /* The next page repeats the section's heading, then goes on; or it starts after the
           * section, with the disclaimer that ends every handout */
          if (g_str_has_prefix (next[0], "This handout gives general information."))
            continue;
          g_assert_cmpstr (next[0], ==, "Test section (continued)");
          first = next[1];
          if (!g_str_has_prefix (last, "• ") || !g_str_has_prefix (first, "• "))
            continue;

          g_test_message ("height %g: page %u ends “%s”, next starts “%s”",
                          FIRST_HEIGHT + h * HEIGHT_STEP, p, last, first);
          split++;
          /* A list's first item alone at a page's foot, or its last alone on top, are soft
           * keeps: dropped only to save a page, which can only be the one the rest of the
           * handout (the list's end and the disclaimer) would spill onto */
          if (p + 2 < pages->len)
            {
              g_assert_cmpstr (last, !=, "• Item one");
              g_assert_cmpstr (first, !=, "• Item five");
            }
          else
            lone_at_end += g_str_equal (last, "• Item one") || g_str_equal (first, "• Item five");
        }
    }

  /* The heights did split the list, so the rule was put to work; most splits keep it */
  g_assert_cmpuint (split, >, 0);
  g_assert_cmpuint (lone_at_end * 2, <, split);
}

/* Dates in the handout language's convention, from its labels, not the interface locale. */
static void
test_date_formats (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 1, 9, 0, 0);
  static const struct {
    const char *language;
    const char *date;
    const char *line;
  } cases[] = {
    { "en", "December 1, 2026", "Date: December 1, 2026\n" },
    { "es", "1 de diciembre de 2026", "Fecha: 1 de diciembre de 2026\n" },
    { "fr", "1 décembre 2026", "1 décembre 2026\n" },
    { "de", "1. Dezember 2026", "Datum: 1. Dezember 2026\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CgBundle *bundle = cg_library_get_bundle (library, cases[i].language, NULL);
      g_autoptr(CgHandoutLayout) layout = cg_handout_layout_new (bundle);
      g_autofree char *formatted = cg_handout_format_date (bundle, date);
      g_autofree char *text = NULL;

      g_assert_cmpstr (formatted, ==, cases[i].date);
      cg_handout_layout_set_date (layout, date);
      cg_handout_layout_add_section (layout, cg_bundle_lookup_section (bundle, "overview"));
      cg_handout_layout_paginate (layout, 595, 842);
      text = cg_handout_layout_dup_page_text (layout, 0);
      g_assert_nonnull (strstr (text, cases[i].line));
    }
}

/* One language per handout: the layout itself refuses a section of another language. */
static void
test_other_language_refused (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  CgBundle *spanish = cg_library_get_bundle (library, "es", NULL);
  CgBundle *english = cg_library_get_bundle (library, "en", NULL);
  g_autoptr(CgHandoutLayout) layout = cg_handout_layout_new (spanish);
  g_autofree char *text = NULL;

  g_assert_false (cg_handout_layout_add_section (layout, cg_bundle_lookup_section (english, "overview")));
  g_assert_true (cg_handout_layout_add_section (layout, cg_bundle_lookup_section (spanish, "causes")));
  cg_handout_layout_set_second_language (layout, english);
  /* The second language's part must be in the second language */
  g_assert_false (cg_handout_layout_add_bilingual_section (layout,
                                                           cg_bundle_lookup_section (spanish, "summary"),
                                                           cg_bundle_lookup_section (spanish, "summary")));
  cg_handout_layout_paginate (layout, 595, 842);
  text = cg_handout_layout_dup_page_text (layout, 0);
  g_assert_null (strstr (text, "For effective management"));
  g_assert_null (strstr (text, "Resumen"));
  g_assert_nonnull (strstr (text, "Causas\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handout-layout/page-count", test_page_count);
  g_test_add_func ("/handout-layout/no-orphaned-heading", test_no_orphaned_heading);
  g_test_add_func ("/handout-layout/no-orphaned-heading-large", test_no_orphaned_heading_large);
  g_test_add_func ("/handout-layout/large-print-more-pages", test_large_print_more_pages);
  g_test_add_func ("/handout-layout/paper-sizes", test_paper_sizes);
  g_test_add_func ("/handout-layout/missing-labels", test_missing_labels);
  g_test_add_func ("/handout-layout/blank-note", test_blank_note);
  g_test_add_func ("/handout-layout/lead-in-keeps-two-items", test_lead_in_keeps_two_items);
  g_test_add_func ("/handout-layout/no-lone-list-item", test_no_lone_list_item);
  g_test_add_func ("/handout-layout/date-formats", test_date_formats);
  g_test_add_func ("/handout-layout/other-language-refused", test_other_language_refused);

  return g_test_run ();
}
