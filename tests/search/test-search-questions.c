/* test-search-questions.c: search in the patient's words, on the built-in content in four
 * languages and on a clinic's bundle
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The patient questions of tests/data/patient-questions-LANG.tsv were written apart from the
 * bundle's <questions>: the score says how search does on questions it was not built from.
 */

#include "config.h"

#include <string.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-library.h"
#include "cg-search-index.h"
#include "cg-search-results.h"
#include "cg-section.h"
#include "cg-topic.h"

#include "cg-test-util.h"

/* The share of the questions of a language whose answer must be in the top 2 */
#define REQUIRED_SCORE 0.9

static const char *languages[] = { "en", "es", "fr", "de" };

static CgSearchIndex *
index_new_for_library (CgLibrary  *library,
                       const char *language)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;

  topics = cg_library_list_topics (library, language, &error);
  g_assert_no_error (error);

  return cg_search_index_new (topics);
}

static CgSearchIndex *
index_new_for_language (const char *language)
{
  g_autoptr(CgLibrary) library = cg_library_new ();

  return index_new_for_library (library, language);
}

/* The ids of the first @max_hits hits (all for 0), comma-separated */
static char *
query_ids (CgSearchIndex *index,
           const char    *query,
           guint          max_hits)
{
  g_autoptr(GPtrArray) hits = cg_search_index_query (index, query, max_hits);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? "," : "",
                            cg_section_get_id (cg_search_hit_get_section (g_ptr_array_index (hits, i))));

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
first_id (CgSearchIndex *index,
          const char    *query)
{
  return query_ids (index, query, 1);
}

/* The (answer, question) pairs of one language's set */
static GPtrArray *
read_questions (const char *language)
{
  g_autofree char *name = g_strdup_printf ("patient-questions-%s.tsv", language);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *pairs = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char **fields;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) != 2)
        g_error ("%s:%u: expected “SECTION-ID<TAB>question”", path, i + 1);
      g_ptr_array_add (pairs, fields);
    }

  return pairs;
}

/* For each language, the answering section is in the top 2 for enough of the questions */
static void
test_patient_score (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(CgSearchIndex) index = index_new_for_language (languages[l]);
      g_autoptr(GPtrArray) pairs = read_questions (languages[l]);
      guint found = 0;
      double score;

      g_assert_cmpuint (pairs->len, >=, 40);

      for (guint i = 0; i < pairs->len; i++)
        {
          char **pair = g_ptr_array_index (pairs, i);
          g_autofree char *top = query_ids (index, pair[1], 2);
          g_auto(GStrv) ids = g_strsplit (top, ",", -1);

          if (g_strv_contains ((const char * const *)ids, pair[0]))
            found++;
          else
            g_test_message ("%s: “%s” → %s (answer: %s)", languages[l], pair[1],
                            top[0] != '\0' ? top : "nothing", pair[0]);
        }

      score = (double)found / pairs->len;
      g_test_message ("%s: the answer in the top 2 for %u of %u questions, %.0f %%",
                      languages[l], found, pairs->len, score * 100);
      g_assert_cmpfloat (score, >=, REQUIRED_SCORE);
    }
}

/* Forms of a word find its section through their Snowball stem: "treated" finds Treatment
 * (its title), "operar" the keyword "operación", "operiert" the keyword "operieren" */
static void
test_stemming (void)
{
  struct {
    const char *language;
    const char *query;
    const char *section;
  } cases[] = {
    { "en", "treated", "treatment" },
    { "en", "treating the deposits", "treatment" },
    { "en", "diagnosed", "diagnosis" },
    { "es", "operar", "treatment" },
    { "es", "operaciones", "treatment" },
    { "es", "diagnosticado", "diagnosis" },
    { "fr", "opération", "treatment" },
    { "fr", "opérer", "treatment" },
    { "fr", "traiter", "treatment" },
    { "de", "operiert", "treatment" },
    { "de", "operieren", "treatment" },
    { "de", "Untersuchungen", "diagnosis" },
    { "de", "Ablagerungen entfernen", "treatment" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CgSearchIndex) index = index_new_for_language (cases[i].language);
      g_autofree char *first = first_id (index, cases[i].query);

      g_test_message ("%s: %s → %s", cases[i].language, cases[i].query, first);
      g_assert_cmpstr (first, ==, cases[i].section);
    }
}

/* Question words ask for a kind of section: "what is" for the definition, "why" for causes */
static void
test_intents (void)
{
  struct {
    const char *language;
    const char *query;
    const char *section;
  } cases[] = {
    { "en", "what is calcinosis", "summary" },
    { "en", "why do I get lumps", "causes" },
    { "en", "how is it treated", "treatment" },
    { "es", "¿qué es la calcinosis?", "summary" },
    { "es", "¿por qué me salen bultos?", "causes" },
    { "es", "¿cómo se trata la calcinosis?", "treatment" },
    { "fr", "qu'est-ce que la calcinose ?", "summary" },
    { "fr", "pourquoi ces boules", "causes" },
    { "fr", "comment la soigner", "treatment" },
    { "de", "was ist eine Kalzinose?", "summary" },
    { "de", "warum bekomme ich Knoten", "causes" },
    { "de", "wie behandelt man eine Kalzinose", "treatment" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CgSearchIndex) index = index_new_for_language (cases[i].language);
      g_autofree char *first = first_id (index, cases[i].query);

      g_test_message ("%s: %s → %s", cases[i].language, cases[i].query, first);
      g_assert_cmpstr (first, ==, cases[i].section);
    }
}

/* Every built-in section has questions, 3 to 6, and the translations have their own */
static void
test_bundle_questions (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GError) error = NULL;
  CgBundle *english = cg_library_get_bundle (library, "en", &error);

  g_assert_no_error (error);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      CgBundle *bundle = cg_library_get_bundle (library, languages[l], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (cg_bundle_get_n_sections (bundle), ==, cg_bundle_get_n_sections (english));

      for (guint t = 0; t < cg_bundle_get_n_topics (bundle); t++)
        for (guint s = 0; s < cg_topic_get_n_sections (cg_bundle_get_topic (bundle, t)); s++)
          {
            CgSection *section = cg_topic_get_section (cg_bundle_get_topic (bundle, t), s);
            CgSection *source = cg_bundle_lookup_section (english, cg_section_get_id (section));
            const char * const *questions = cg_section_get_questions (section);
            guint n = g_strv_length ((char **)questions);

            g_assert_cmpuint (n, >=, 3);
            g_assert_cmpuint (n, <=, 6);
            g_assert_cmpuint (n, ==, g_strv_length ((char **)cg_section_get_questions (source)));
            g_assert_cmpuint (g_strv_length ((char **)cg_section_get_kinds (section)), >=, 1);
            if (l > 0)
              for (guint q = 0; q < n; q++)
                g_assert_cmpstr (questions[q], !=, cg_section_get_questions (source)[q]);
          }
    }
}

/* The queries that found nothing before sections had questions */
static void
test_no_longer_empty (void)
{
  g_autoptr(CgSearchIndex) index = index_new_for_language ("en");
  struct {
    const char *query;
    const char *section;
  } cases[] = {
    { "why do I get lumps", "causes" },
    { "how is it treated", "treatment" },
    { "will surgery help", "treatment" },
    { "what tests will I need", "diagnosis" },
    { "does it hurt", "symptoms" },
    { "what should I eat", "prevention" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *first = first_id (index, cases[i].query);

      g_test_message ("%s → %s", cases[i].query, first);
      g_assert_cmpstr (first, ==, cases[i].section);
    }
}

static CgSearchIndex *
index_new_for_xml (const char *sections_xml)
{
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<bundle format=\"1\" lang=\"en\">"
    "<provenance><source>test</source><content-version>1</content-version></provenance>"
    "<topic id=\"test\"><title>Test</title>%s</topic>"
    "</bundle>", sections_xml);
  gsize length = strlen (xml);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&xml), length);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = cg_bundle_load_bytes (bytes, "test.xml", &error);
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  g_ptr_array_add (topics, g_object_ref (cg_bundle_get_topic (bundle, 0)));

  return cg_search_index_new (topics);
}

/* A query that matches a section's question ranks well above a stray word of a body, and the
 * question is never shown: no highlight, no snippet from it */
static void
test_question_ranking (void)
{
  g_autoptr(CgSearchIndex) index = index_new_for_xml (
    "<section id=\"stray\"><title>Daily life</title>"
    "<p>Some people need surgery for other reasons, and will see a surgeon about it.</p></section>"
    "<section id=\"answer\"><title>Options</title>"
    "<questions><q>Will I need surgery?</q></questions>"
    "<p>Deposits may be removed.</p></section>");
  g_autoptr(GPtrArray) hits = cg_search_index_query (index, "will I need surgery", 0);
  CgSearchHit *hit;
  guint n_ranges;
  guint n_matches;
  g_autofree char *surgery = NULL;

  g_assert_cmpuint (hits->len, ==, 2);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (cg_section_get_id (cg_search_hit_get_section (hit)), ==, "answer");
  g_assert_cmpint (cg_search_hit_get_tier (hit), ==, CG_SEARCH_TIER_QUESTION);
  g_assert_cmpstr (cg_search_hit_get_snippet (hit), ==, "Deposits may be removed.");
  cg_search_hit_get_snippet_ranges (hit, &n_ranges);
  g_assert_cmpuint (n_ranges, ==, 0);
  cg_search_hit_get_matches (hit, &n_matches);
  g_assert_cmpuint (n_matches, ==, 0);
  g_assert_null (cg_search_hit_get_matched_keyword (hit));

  /* A single word too: a question weighs as a keyword, a body word far less */
  surgery = query_ids (index, "surgery", 0);
  g_assert_cmpstr (surgery, ==, "answer,stray");
}

/* A clinic's bundle: its own questions, its own kinds with its own question words, beside
 * the built-in content */
static void
test_clinic_bundle (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "clinic-questions.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(CgSearchIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  struct {
    const char *query;
    const char *section;
  } cases[] = {
    /* Its questions */
    { "which door do I use", "clinic-visit" },
    { "can my son drive me home", "clinic-visit" },
    { "how often should I change the bandage", "clinic-dressings" },
    /* Its question words: "how much" asks for kind="costs", "when do I come" for "visit" */
    { "how much is the clinic", "clinic-fees" },
    { "when do I come to the clinic", "clinic-visit" },
    /* The built-in content is still found */
    { "why do I get lumps", "causes" },
  };

  g_assert_true (cg_library_add_file (library, file, &error));
  g_assert_no_error (error);
  index = index_new_for_library (library, "en");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *first = first_id (index, cases[i].query);

      g_test_message ("%s → %s", cases[i].query, first);
      g_assert_cmpstr (first, ==, cases[i].section);
    }

  /* Without its question words, the clinic's own page comes first: its title says "clinic" */
  {
    g_autofree char *first = first_id (index, "the clinic");

    g_assert_cmpstr (first, ==, "clinic-visit");
  }
}

/* The command line ranks as the index does: it, the window and the GNOME Shell provider
 * (tests/test-search-provider.c) share cg_search_index_search() */
static void
test_command_line (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(CgSearchIndex) index = index_new_for_language (languages[l]);
      g_autoptr(GPtrArray) pairs = read_questions (languages[l]);
      g_autofree char *language = g_strdup_printf ("--language=%s", languages[l]);

      /* A few of each language's questions: every process loads the library */
      for (guint i = 0; i < pairs->len; i += 6)
        {
          char **pair = g_ptr_array_index (pairs, i);
          g_autofree char *search = g_strdup_printf ("--search=%s", pair[1]);
          g_autofree char *expected = query_ids (index, pair[1], 0);
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          g_auto(GStrv) lines = NULL;
          g_autoptr(GString) ids = g_string_new (NULL);
          int status = cg_test_run_binary (&out, &err, language, search, NULL);

          g_assert_cmpint (status, ==, expected[0] != '\0' ? 0 : 1);
          lines = g_strsplit (out, "\n", -1);
          for (guint j = 0; lines[j] != NULL && lines[j][0] != '\0'; j++)
            g_string_append_printf (ids, "%s%.*s", j > 0 ? "," : "",
                                    (int)strcspn (lines[j], "\t"), lines[j]);
          g_assert_cmpstr (ids->str, ==, expected);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-questions/patient-score", test_patient_score);
  g_test_add_func ("/search-questions/stemming", test_stemming);
  g_test_add_func ("/search-questions/intents", test_intents);
  g_test_add_func ("/search-questions/bundle-questions", test_bundle_questions);
  g_test_add_func ("/search-questions/no-longer-empty", test_no_longer_empty);
  g_test_add_func ("/search-questions/question-ranking", test_question_ranking);
  g_test_add_func ("/search-questions/clinic-bundle", test_clinic_bundle);
  g_test_add_func ("/search-questions/command-line", test_command_line);

  return g_test_run ();
}
