/* test-bundle.c: the shipped content bundle holds the source text, verbatim and complete
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-bundle.h"
#include "cg-library.h"
#include "cg-section.h"
#include "cg-topic.h"

#include "cg-test-source.h"

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
  const CgTestSection *sections = cg_test_get_sections ();

  g_assert_cmpuint (cg_topic_get_n_sections (topic), ==, CG_TEST_N_SECTIONS);

  for (guint i = 0; i < CG_TEST_N_SECTIONS; i++)
    {
      CgSection *section = cg_topic_get_section (topic, i);

      g_assert_cmpstr (cg_section_get_id (section), ==, sections[i].id);
      g_assert_cmpstr (cg_section_get_title (section), ==, sections[i].title);
      g_assert_true (cg_section_get_topic (section) == topic);
      g_assert_true (cg_bundle_lookup_section (bundle, sections[i].id) == section);
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

/* Each sentence of the source text exactly once, in order and in its section, and nothing
 * else in the body text. */
static void
test_bundle_verbatim (void)
{
  g_autoptr(CgLibrary) library = NULL;
  CgBundle *bundle = load_english (&library);
  g_autoptr(GPtrArray) sentences = cg_test_load_source_sentences ();
  g_autofree char *text = dup_all_text (bundle);
  g_autoptr(GString) rest = g_string_new (text);
  const char *cursor = text;

  /* The source text has 31 sentences: the test header splits it right */
  g_assert_cmpuint (sentences->len, ==, 31);

  for (guint i = 0; i < sentences->len; i++)
    {
      const CgTestSentence *source = g_ptr_array_index (sentences, i);
      const char *sentence = source->sentence;
      const char *found = strstr (text, sentence);
      CgSection *section = cg_bundle_lookup_section (bundle, source->section_id);
      g_autofree char *section_text = NULL;

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, sentence));
      g_assert_true (found >= cursor);
      cursor = found + strlen (sentence);
      g_assert_cmpuint (g_string_replace (rest, sentence, "", 1), ==, 1);

      g_assert_nonnull (section);
      section_text = cg_section_dup_text (section);
      g_assert_nonnull (strstr (section_text, sentence));
    }

  g_strdelimit (rest->str, "\n", ' ');
  g_strstrip (rest->str);
  g_assert_cmpstr (rest->str, ==, "");
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
  g_test_add_func ("/bundle/lifetime", test_bundle_lifetime);

  return g_test_run ();
}
