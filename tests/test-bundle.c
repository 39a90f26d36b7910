/* test-bundle.c: the shipped content bundle holds the source text, verbatim and complete
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-library.h"
#include "cg-section.h"
#include "cg-topic.h"

static const struct {
  const char *id;
  const char *title;
} expected_sections[] = {
  { "overview", "Overview" },
  { "causes", "Causes" },
  { "symptoms", "Symptoms" },
  { "diagnosis", "Diagnosis" },
  { "treatment", "Treatment" },
  { "prevention", "Prevention" },
  { "summary", "Summary" },
};

/* Every sentence of ../shared/seed/calcinosis-source.txt, in its order, kept here on purpose:
 * the test must not read the bundle to learn what the bundle should say. */
static const char *source_sentences[] = {
  "For effective management of calcium deposits in soft tissues, understanding its causes, symptoms, diagnosis, treatment, and prevention is crucial.",
  "The exact cause of calcinosis can vary depending on the underlying condition or disease.",
  "Some common causes include:",
  "Calcinosis is a common complication of systemic sclerosis (scleroderma), a connective tissue disorder that causes the skin to thicken and harden.",
  "Calcinosis may occur in individuals with dermatomyositis, an inflammatory muscle disease affecting the skin and muscles.",
  "A complication of systemic lupus erythematosus (SLE), an autoimmune disease that affects various organs and tissues, is calcinosis.",
  "Calcinosis is a condition caused by abnormal calcium and phosphate metabolism in individuals with chronic kidney disease.",
  "Calcium salts can be deposited in soft tissues as a result of trauma or injury to the affected area.",
  "Symptoms of calcinosis may vary depending on the location and extent of the calcium deposits.",
  "Common symptoms include:",
  "Nodules or lumps under the skin that are hard and palpable",
  "Tenderness, swelling, or pain in the affected area",
  "Joints affected by calcinosis have limited range of motion",
  "Calcium deposits overlying skin ulceration or breakdown",
  "In severe cases, infections or nerve compression may occur",
  "Clinical evaluations, imaging studies, and laboratory tests are typically used to diagnose calcinosis.",
  "A physical examination may reveal palpable lumps or nodules that indicate calcium deposits.",
  "To visualize the extent and location of these deposits, X-rays, ultrasounds, or CT scans may be used.",
  "In addition to assessing calcium and phosphate levels, blood tests can also be performed to identify underlying systemic diseases or metabolic abnormalities that can contribute to calcinosis.",
  "Calcinosis treatment includes managing symptoms, preventing complications, and addressing the underlying cause, if possible.",
  "Calcinosis pain and inflammation may be managed with nonsteroidal anti-inflammatory drugs (NSAIDs) or analgesics.",
  "Calcium deposits may be surgically removed if they cause significant pain, impairment of function, or infection risk.",
  "Corticosteroid creams or intralesional injections of corticosteroids may reduce inflammation and promote calcium deposit resolution.",
  "In order to effectively manage calcinosis, underlying diseases or conditions, such as systemic sclerosis or chronic kidney disease, must be addressed.",
  "Calcinosis can be prevented by managing underlying conditions and minimizing risk factors that contribute to the development of calcium deposits in soft tissues.",
  "Managing systemic diseases such as systemic sclerosis, dermatomyositis, and chronic kidney disease on a regular basis",
  "Individuals with metabolic disorders affecting mineral metabolism may require dietary modifications or medications to maintain calcium and phosphate balance",
  "In high-risk environments, prevent skin and soft tissue trauma through proper safety measures and protective equipment",
  "In conclusion, calcinosis is a medical condition characterized by an abnormal deposition of calcium salts in soft tissues, resulting in calcium deposits.",
  "For individuals affected by this condition and its complications to be effectively addressed, it is essential to understand its causes, symptoms, diagnosis, treatment, and prevention.",
  "Identifying and treating calcinosis and its underlying causes early can improve outcomes and quality of life.",
};

static CgBundle *
load_english (CgLibrary **library)
{
  g_autoptr(GError) error = NULL;
  CgBundle *bundle;

  *library = cg_library_new ();
  bundle = cg_library_get_bundle (*library, "en", &error);
  g_assert_no_error (error);
  g_assert_nonnull (bundle);

  return bundle;
}

/* All body text of the bundle, in order, one block or item a line. */
static char *
dup_all_text (CgBundle *bundle)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < cg_bundle_get_n_topics (bundle); i++)
    {
      CgTopic *topic = cg_bundle_get_topic (bundle, i);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        {
          g_autofree char *text = cg_section_dup_text (cg_topic_get_section (topic, j));
          g_string_append (str, text);
        }
    }

  return g_string_free (str, FALSE);
}

static void
test_bundle_loads (void)
{
  g_autoptr(CgLibrary) library = NULL;
  CgBundle *bundle = load_english (&library);

  g_assert_cmpstr (cg_bundle_get_language (bundle), ==, "en");
  g_assert_cmpstr (cg_bundle_get_content_version (bundle), ==, "1.0.0");
  g_assert_nonnull (cg_bundle_get_source (bundle));
  g_assert_cmpint (cg_bundle_get_translation_status (bundle), ==, CG_TRANSLATION_SOURCE);
  g_assert_cmpuint (cg_bundle_get_n_topics (bundle), ==, 1);
  g_assert_cmpstr (cg_topic_get_id (cg_bundle_get_topic (bundle, 0)), ==, "calcinosis");
  g_assert_cmpstr (cg_bundle_get_label (bundle, "notes-heading"), ==, "Notes from your care team");
}

static void
test_bundle_sections (void)
{
  g_autoptr(CgLibrary) library = NULL;
  CgBundle *bundle = load_english (&library);
  CgTopic *topic = cg_bundle_get_topic (bundle, 0);

  g_assert_cmpuint (cg_topic_get_n_sections (topic), ==, G_N_ELEMENTS (expected_sections));

  for (guint i = 0; i < G_N_ELEMENTS (expected_sections); i++)
    {
      CgSection *section = cg_topic_get_section (topic, i);

      g_assert_cmpstr (cg_section_get_id (section), ==, expected_sections[i].id);
      g_assert_cmpstr (cg_section_get_title (section), ==, expected_sections[i].title);
      g_assert_true (cg_section_get_topic (section) == topic);
      g_assert_true (cg_bundle_lookup_section (bundle, expected_sections[i].id) == section);
      g_assert_cmpuint (g_strv_length ((char **)cg_section_get_keywords (section)), >, 0);
    }
}

static void
test_bundle_structure (void)
{
  g_autoptr(CgLibrary) library = NULL;
  CgBundle *bundle = load_english (&library);
  /* Causes to Prevention: a lead-in paragraph then a list; Diagnosis has no list in the source */
  static const struct { const char *id; guint n_items; } lists[] = {
    { "causes", 5 }, { "symptoms", 5 }, { "treatment", 4 }, { "prevention", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      CgSection *section = cg_bundle_lookup_section (bundle, lists[i].id);
      const CgBlock *lead, *list;

      g_assert_cmpuint (cg_section_get_n_blocks (section), ==, 2);
      lead = cg_section_get_block (section, 0);
      list = cg_section_get_block (section, 1);
      g_assert_cmpint (lead->kind, ==, CG_BLOCK_PARAGRAPH);
      g_assert_cmpint (list->kind, ==, CG_BLOCK_LIST);
      g_assert_cmpuint (g_strv_length (list->items), ==, lists[i].n_items);
    }

  g_assert_cmpuint (cg_section_get_n_blocks (cg_bundle_lookup_section (bundle, "diagnosis")), ==, 1);
  g_assert_cmpuint (cg_section_get_n_blocks (cg_bundle_lookup_section (bundle, "overview")), ==, 1);
  g_assert_cmpuint (cg_section_get_n_blocks (cg_bundle_lookup_section (bundle, "summary")), ==, 1);
}

/* Each source sentence exactly once and in order, and nothing else in the body text. */
static void
test_bundle_verbatim (void)
{
  g_autoptr(CgLibrary) library = NULL;
  CgBundle *bundle = load_english (&library);
  g_autofree char *text = dup_all_text (bundle);
  g_autoptr(GString) rest = g_string_new (text);
  const char *cursor = text;

  for (guint i = 0; i < G_N_ELEMENTS (source_sentences); i++)
    {
      const char *sentence = source_sentences[i];
      const char *found = strstr (text, sentence);

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, sentence));
      g_assert_true (found >= cursor);
      cursor = found + strlen (sentence);
      g_assert_cmpuint (g_string_replace (rest, sentence, "", 1), ==, 1);
    }

  g_strdelimit (rest->str, "\n", ' ');
  g_strstrip (rest->str);
  g_assert_cmpstr (rest->str, ==, "");
}

static void
test_bundle_languages (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  const char * const *languages = cg_library_get_languages (library);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (languages);
  g_assert_cmpstr (languages[0], ==, "en");
  g_assert_true (cg_library_has_language (library, "en"));
  g_assert_false (cg_library_has_language (library, "xx"));
  g_assert_null (cg_library_get_bundle (library, "xx", &error));
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_NO_CONTENT);
  g_assert_nonnull (strstr (error->message, "“xx”"));
  g_assert_cmpstr (cg_language_get_name ("es"), ==, "Español");
  g_assert_cmpstr (cg_language_get_name ("pt-BR"), ==, "Português");
  g_assert_null (cg_language_get_name ("qq"));
}

static void
test_bundle_lifetime (void)
{
  CgLibrary *library = NULL;
  CgBundle *bundle = load_english (&library);
  CgSection *section = g_object_ref (cg_bundle_lookup_section (bundle, "causes"));

  g_assert_finalize_object (library);
  /* A section kept past its bundle keeps its own data; only the back pointer is cleared */
  g_assert_null (cg_section_get_topic (section));
  g_assert_cmpstr (cg_section_get_title (section), ==, "Causes");
  g_assert_finalize_object (section);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundle/loads", test_bundle_loads);
  g_test_add_func ("/bundle/sections", test_bundle_sections);
  g_test_add_func ("/bundle/structure", test_bundle_structure);
  g_test_add_func ("/bundle/verbatim", test_bundle_verbatim);
  g_test_add_func ("/bundle/languages", test_bundle_languages);
  g_test_add_func ("/bundle/lifetime", test_bundle_lifetime);

  return g_test_run ();
}
