/* test-handout-sweep.c: the leaflet's page rules on real handouts, in every language, print
 * size and paper, with and without a note; and on the PDF as poppler reads it back
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cg-bundle.h"
#include "cg-handout-layout.h"
#include "cg-library.h"
#include "cg-section.h"
#include "cg-topic.h"
#include "handout/cg-test-pages.h"

#define MARGIN (20.0 * 72.0 / 25.4)

static const char * const languages[] = { "en", "es", "fr", "de" };

/* Section choices: one short, one long, a run of three, the last three, every section (NULL) */
static const char * const * const choices[] = {
  (const char * const[]) { "overview", NULL },
  (const char * const[]) { "treatment", NULL },
  (const char * const[]) { "overview", "causes", "treatment", NULL },
  (const char * const[]) { "diagnosis", "prevention", "summary", NULL },
  NULL,
};

/* About 600 characters, as a clinician might type */
#define NOTE "Come back to the clinic in six weeks for a check of the lumps on your fingers. " \
             "Keep the skin over them clean and dry, and cover any sore with a clean dressing. " \
             "Call us the same day if a lump becomes red, hot, more painful or starts to leak, " \
             "or if you have a fever. Bring a list of all the medicines you take, including " \
             "creams and anything you buy without a prescription. Your next blood test is due " \
             "before the visit; the form is with this leaflet. If you cannot come, telephone " \
             "the clinic so we can give the time to someone else."

static CgLibrary *
get_library (void)
{
  static CgLibrary *library;

  if (library == NULL)
    library = cg_library_new ();

  return library;
}

static CgHandoutLayout *
create_handout (const char         *language,
                const char * const *sections,
                gboolean            large_print,
                CgPaper             paper,
                const char         *note)
{
  g_autoptr(GError) error = NULL;
  CgBundle *bundle = cg_library_get_bundle (get_library (), language, &error);
  CgHandoutLayout *layout;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 6, 9, 0, 0);

  g_assert_no_error (error);
  layout = cg_handout_layout_new (bundle);
  cg_handout_layout_set_date (layout, date);
  cg_handout_layout_set_large_print (layout, large_print);
  cg_handout_layout_set_paper (layout, paper);
  cg_handout_layout_set_note (layout, note);

  for (guint t = 0; t < cg_bundle_get_n_topics (bundle); t++)
    {
      CgTopic *topic = cg_bundle_get_topic (bundle, t);

      for (guint s = 0; s < cg_topic_get_n_sections (topic); s++)
        {
          CgSection *section = cg_topic_get_section (topic, s);

          if (sections == NULL || g_strv_contains (sections, cg_section_get_id (section)))
            g_assert_true (cg_handout_layout_add_section (layout, section));
        }
    }

  return layout;
}

static guint
paginate (CgHandoutLayout *layout)
{
  double width, height;

  cg_paper_get_size (cg_handout_layout_get_paper (layout), &width, &height);

  return cg_handout_layout_paginate (layout, width, height);
}

/* Every language × print size × paper × section choice × note or none */
static void
test_sweep (void)
{
  CgTestPageStats stats = { 0 };
  guint n_handouts = 0;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint large = 0; large < 2; large++)
      for (CgPaper paper = CG_PAPER_A4; paper <= CG_PAPER_LETTER; paper++)
        for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
          for (guint with_note = 0; with_note < 2; with_note++)
            {
              g_autoptr(CgHandoutLayout) layout =
                create_handout (languages[l], choices[c], large, paper, with_note ? NOTE : NULL);
              g_autofree char *label =
                g_strdup_printf ("%s %s %s, sections %s%s", languages[l],
                                 large ? "large" : "normal", cg_paper_to_string (paper),
                                 choices[c] != NULL ? choices[c][0] : "all",
                                 with_note ? ", note" : "");
              CgPaginate *pages;
              guint n_pages = paginate (layout);

              pages = cg_handout_layout_get_pagination (layout);
              g_assert_nonnull (pages);
              g_assert_cmpuint (cg_paginate_get_n_pages (pages), ==, n_pages);
              cg_test_check_pages (pages, label, &stats);
              /* Fewest pages: at most one above the content height over the page height */
              g_assert_cmpuint (n_pages, <=, cg_paginate_get_lower_bound (pages) + 1);
              /* A single section in normal print fits one page */
              if (!large && !with_note && choices[c] != NULL && choices[c][1] == NULL)
                g_assert_cmpuint (n_pages, ==, 1);
              n_handouts++;
            }

  g_test_message ("%u handouts, %u pages: %u continued, %u paragraphs split, %u pages under "
                  "70 %% full (the next block did not fit), %u handouts a page above the "
                  "lower bound", n_handouts, stats.n_pages, stats.n_continued,
                  stats.n_split_paragraphs, stats.n_underfull, stats.n_above_bound);
  g_assert_cmpuint (n_handouts, ==, 4 * 2 * 2 * G_N_ELEMENTS (choices) * 2);
  g_assert_cmpuint (stats.n_continued, >, 0);
}

/* Every single section, in normal print, on a page of its own */
static void
test_one_section_one_page (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (CgPaper paper = CG_PAPER_A4; paper <= CG_PAPER_LETTER; paper++)
      {
        CgBundle *bundle = cg_library_get_bundle (get_library (), languages[l], NULL);
        CgTopic *topic = cg_bundle_get_topic (bundle, 0);

        for (guint s = 0; s < cg_topic_get_n_sections (topic); s++)
          {
            const char *id = cg_section_get_id (cg_topic_get_section (topic, s));
            const char * const sections[] = { id, NULL };
            g_autoptr(CgHandoutLayout) layout = create_handout (languages[l], sections, FALSE,
                                                                paper, NULL);

            g_test_message ("%s %s %s", languages[l], cg_paper_to_string (paper), id);
            g_assert_cmpuint (paginate (layout), ==, 1);
          }
      }
}

/* A page going on with a section says so in the handout's language, through the bundle's
 * translated label: Treatment alone in large print on a short page runs over. */
static void
test_continued_heading (void)
{
  static const char * const expected[] = {
    "Treatment (continued)", "Tratamiento (continuación)", "Traitement (suite)",
    "Behandlung (Fortsetzung)",
  };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char * const sections[] = { "treatment", NULL };
      g_autoptr(CgHandoutLayout) layout = create_handout (languages[l], sections, TRUE,
                                                          CG_PAPER_A4, NULL);
      g_autofree char *page2 = NULL;

      g_assert_cmpuint (cg_handout_layout_paginate (layout, 595, 500), >=, 2);
      page2 = cg_handout_layout_dup_page_text (layout, 1);
      g_test_message ("%s: %s", languages[l], page2);
      g_assert_true (g_str_has_prefix (page2, expected[l]));
      g_assert_cmpint (page2[strlen (expected[l])], ==, '\n');
    }
}

typedef struct
{
  double  y_min;
  double  y_max;
  char   *text;
} PdfLine;

static void
clear_pdf_line (gpointer data)
{
  g_free (((PdfLine *)data)->text);
}

/* The lines of each page as poppler reads them: pdftotext -bbox-layout */
static GPtrArray *
read_pdf_lines (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *xhtml = NULL;
  g_autoptr(GRegex) line_regex =
    g_regex_new ("<line xMin=\"[0-9.]+\" yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">(.*?)</line>",
                 G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) word_regex = g_regex_new ("<word [^>]*>([^<]*)</word>", 0, 0, NULL);
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_auto(GStrv) page_chunks = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &xhtml, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  page_chunks = g_strsplit (xhtml, "<page ", -1);
  for (guint p = 1; page_chunks[p] != NULL; p++)
    {
      GArray *lines = g_array_new (FALSE, TRUE, sizeof (PdfLine));
      g_autoptr(GMatchInfo) match = NULL;

      g_array_set_clear_func (lines, clear_pdf_line);
      g_regex_match (line_regex, page_chunks[p], 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *y_min = g_match_info_fetch (match, 1);
          g_autofree char *y_max = g_match_info_fetch (match, 2);
          g_autofree char *words = g_match_info_fetch (match, 3);
          g_autoptr(GMatchInfo) word = NULL;
          GString *text = g_string_new (NULL);
          PdfLine line = { g_ascii_strtod (y_min, NULL), g_ascii_strtod (y_max, NULL), NULL };

          g_regex_match (word_regex, words, 0, &word);
          for (; g_match_info_matches (word); g_match_info_next (word, NULL))
            {
              g_autofree char *w = g_match_info_fetch (word, 1);

              g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", w);
            }
          /* The XHTML's entities back to text */
          g_string_replace (text, "&lt;", "<", 0);
          g_string_replace (text, "&gt;", ">", 0);
          g_string_replace (text, "&quot;", "\"", 0);
          g_string_replace (text, "&apos;", "'", 0);
          g_string_replace (text, "&#39;", "'", 0);
          g_string_replace (text, "&amp;", "&", 0);
          line.text = g_string_free (text, FALSE);
          g_array_append_val (lines, line);
        }
      g_ptr_array_add (pages, lines);
    }

  return pages;
}

/* The first words of a page's text, as the engine laid it out */
static char *
dup_first_line (CgHandoutLayout *layout,
                guint            page)
{
  g_autofree char *text = cg_handout_layout_dup_page_text (layout, page);
  g_auto(GStrv) lines = g_strsplit (text, "\n", 2);

  return g_strstrip (g_strdup (lines[0]));
}

/* The PDF has the engine's pages: same count, each opening with the engine's first line, the
 * text above the footer reaching down as far as the engine says, and never into it. */
static void
check_layout_pdf (CgHandoutLayout *layout,
                  const char      *language,
                  gboolean         large_print)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-sweep-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pdf_pages = NULL;
  CgPaginate *pages;
  double pitch = (large_print ? 18.0 : 14.0) * 1.5;
  double text_bottom;

  g_assert_true (cg_handout_layout_export_pdf (layout, path, &error));
  g_assert_no_error (error);
  pages = cg_handout_layout_get_pagination (layout);
  text_bottom = MARGIN + cg_paginate_get_page_height (pages);
  pdf_pages = read_pdf_lines (path);
  g_assert_cmpuint (pdf_pages->len, ==, cg_paginate_get_n_pages (pages));

  for (guint p = 0; p < pdf_pages->len; p++)
    {
      GArray *lines = g_ptr_array_index (pdf_pages, p);
      g_autofree char *first = dup_first_line (layout, p);
      g_autofree char *first_pdf = NULL;
      double lowest = 0;

      g_assert_cmpuint (lines->len, >, 0);
      first_pdf = g_strdup (g_array_index (lines, PdfLine, 0).text);
      g_test_message ("%s page %u: “%s”", language, p + 1, first_pdf);
      /* The heading may wrap; pdftotext reads its first line */
      g_assert_true (g_str_has_prefix (first, first_pdf));

      for (guint i = 0; i < lines->len; i++)
        {
          const PdfLine *line = &g_array_index (lines, PdfLine, i);

          /* Body text stays above the footer's area */
          if (line->y_min < text_bottom)
            {
              g_assert_cmpfloat (line->y_max, <=, text_bottom + 1);
              lowest = MAX (lowest, line->y_max);
            }
        }
      /* The page's text ends where the engine put its last line (within a line's leading,
       * and the note's frame below its last line) */
      g_assert_cmpfloat (fabs (lowest - (MARGIN + cg_paginate_get_page_bottom (pages, p))), <,
                         pitch * 0.6 + pitch / 1.5 * 0.8);
      if (p + 1 < pdf_pages->len && cg_paginate_get_page_bottom (pages, p) >= 0.7 * cg_paginate_get_page_height (pages))
        g_assert_cmpfloat (lowest - MARGIN, >=, 0.7 * cg_paginate_get_page_height (pages) - pitch * 0.6);
    }

  g_unlink (path);
  g_rmdir (dir);
}

static void
check_pdf (const char         *language,
           const char * const *sections,
           gboolean            large_print,
           CgPaper             paper,
           const char         *note)
{
  g_autoptr(CgHandoutLayout) layout = create_handout (language, sections, large_print, paper, note);

  check_layout_pdf (layout, language, large_print);
}

static void
test_pdf_sample (void)
{
  const char * const treatment[] = { "treatment", NULL };
  const char * const three[] = { "overview", "causes", "treatment", NULL };

  check_pdf ("de", treatment, TRUE, CG_PAPER_A4, NULL);
  check_pdf ("es", three, TRUE, CG_PAPER_A4, NULL);
  check_pdf ("de", NULL, TRUE, CG_PAPER_LETTER, NULL);
  check_pdf ("fr", NULL, FALSE, CG_PAPER_A4, NOTE);
  check_pdf ("en", three, TRUE, CG_PAPER_LETTER, NOTE);
}

/* A handout across topics (the built-in content and a clinic's bundle), and a bilingual one:
 * the same rules, and a PDF whose structure closes where it opens */
static void
test_mixed_and_bilingual (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autofree char *clinic = g_test_build_filename (G_TEST_DIST, "fixtures", "clinic.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (clinic);
  g_autoptr(GError) error = NULL;
  CgBundle *english = cg_library_get_bundle (library, "en", NULL);
  CgBundle *spanish = cg_library_get_bundle (library, "es", NULL);
  CgTestPageStats stats = { 0 };

  g_assert_true (cg_library_add_file (library, file, &error));
  g_assert_no_error (error);

  for (guint large = 0; large < 2; large++)
    for (guint with_note = 0; with_note < 2; with_note++)
      {
        g_autoptr(GPtrArray) topics = cg_library_list_topics (library, "en", NULL);
        g_autoptr(CgHandoutLayout) mixed = cg_handout_layout_new (english);
        g_autoptr(CgHandoutLayout) bilingual = cg_handout_layout_new (english);
        const char *ids[] = { "overview", "treatment" };
        guint n_topics = 0;

        for (guint t = 0; t < topics->len; t++)
          {
            CgTopic *topic = g_ptr_array_index (topics, t);

            for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
              {
                CgSection *section = cg_topic_get_section (topic, j);

                if (t > 0 || g_str_equal (cg_section_get_id (section), "treatment"))
                  g_assert_true (cg_handout_layout_add_section (mixed, section));
              }
            n_topics++;
          }
        g_assert_cmpuint (n_topics, >=, 2);
        cg_handout_layout_set_large_print (mixed, large);
        cg_handout_layout_set_note (mixed, with_note ? NOTE : NULL);
        paginate (mixed);
        cg_test_check_pages (cg_handout_layout_get_pagination (mixed), "mixed", &stats);
        check_layout_pdf (mixed, "en", large);

        cg_handout_layout_set_second_language (bilingual, spanish);
        for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
          g_assert_true (cg_handout_layout_add_bilingual_section (bilingual,
                                                                  cg_bundle_lookup_section (english, ids[i]),
                                                                  cg_bundle_lookup_section (spanish, ids[i])));
        cg_handout_layout_set_large_print (bilingual, large);
        cg_handout_layout_set_note (bilingual, with_note ? NOTE : NULL);
        paginate (bilingual);
        cg_test_check_pages (cg_handout_layout_get_pagination (bilingual), "bilingual", &stats);
        check_layout_pdf (bilingual, "en", large);
      }

  g_assert_cmpuint (stats.n_continued, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handout-sweep/rules", test_sweep);
  g_test_add_func ("/handout-sweep/one-section-one-page", test_one_section_one_page);
  g_test_add_func ("/handout-sweep/continued-heading", test_continued_heading);
  g_test_add_func ("/handout-sweep/pdf-sample", test_pdf_sample);
  g_test_add_func ("/handout-sweep/mixed-and-bilingual", test_mixed_and_bilingual);

  return g_test_run ();
}
