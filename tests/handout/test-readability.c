/* test-readability.c: syllables, sentences and the reading-level formulas per language
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-bundle.h"
#include "cg-library.h"
#include "cg-readability.h"
#include "cg-section.h"

static void
test_syllables (void)
{
  static const struct {
    const char *language;
    const char *word;
    guint       syllables;
  } words[] = {
    { "en", "the", 1 }, { "en", "make", 1 }, { "en", "table", 2 }, { "en", "calcinosis", 4 },
    { "en", "causes", 2 }, { "en", "makes", 1 }, { "en", "inflammatory", 5 },
    { "en", "you", 1 }, { "en", "tissue", 2 }, { "en", "free", 1 }, { "en", "needed", 2 },
    { "es", "calcinosis", 4 }, { "es", "día", 2 }, { "es", "tiene", 2 }, { "es", "leer", 2 },
    { "es", "que", 1 }, { "es", "muy", 1 }, { "es", "piel", 1 }, { "es", "país", 2 },
    { "fr", "maladie", 3 }, { "fr", "calcinose", 3 }, { "fr", "peau", 1 }, { "fr", "une", 1 },
    { "de", "Kalzinose", 4 }, { "de", "Haut", 1 }, { "de", "Behandlung", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_test_message ("%s: %s", words[i].language, words[i].word);
      g_assert_cmpuint (cg_readability_count_syllables (words[i].word, words[i].language), ==,
                        words[i].syllables);
    }
}

static void
test_readability (void)
{
  CgReadability result;
  g_autofree char *summary = NULL;

  /* 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45 */
  g_assert_true (cg_readability_estimate ("The cat sat on the mat.", "en", &result));
  g_assert_cmpuint (result.n_words, ==, 6);
  g_assert_cmpuint (result.n_sentences, ==, 1);
  g_assert_cmpuint (result.n_syllables, ==, 6);
  g_assert_cmpfloat_with_epsilon (result.score, -1.45, 0.001);
  g_assert_cmpint (result.scale, ==, CG_READABILITY_GRADE);
  g_assert_cmpstr (result.formula, ==, "Flesch–Kincaid grade level");

  /* A list item without a full stop ends a sentence at the end of its line */
  g_assert_true (cg_readability_estimate ("Some causes include:\nKidney disease\n", "en", &result));
  g_assert_cmpuint (result.n_sentences, ==, 2);
  g_assert_cmpuint (result.n_words, ==, 5);

  /* The source text is hard: well above grade 8 */
  {
    g_autoptr(CgLibrary) library = cg_library_new ();
    CgBundle *bundle = cg_library_get_bundle (library, "en", NULL);
    CgSection *section = cg_bundle_lookup_section (bundle, "diagnosis");
    g_autofree char *text = cg_section_dup_text (section);

    g_assert_true (cg_readability_estimate (text, "en-GB", &result));
    g_assert_cmpfloat (result.score, >, 12);
    summary = cg_readability_dup_summary (&result);
    g_assert_true (g_str_has_prefix (summary, "Reading level: grade "));
  }

  /* Spanish, Fernández-Huerta: 2 words, 1 sentence, 3 syllables: 206.84 − 60 × 1.5 − 1.02 × 2 */
  g_assert_true (cg_readability_estimate ("Piel dura.", "es", &result));
  g_assert_cmpuint (result.n_syllables, ==, 3);
  g_assert_cmpfloat_with_epsilon (result.score, 206.84 - 60 * 1.5 - 1.02 * 2, 0.001);
  g_assert_cmpint (result.scale, ==, CG_READABILITY_EASE);
  g_assert_cmpstr (result.formula, ==, "Fernández-Huerta reading ease");

  /* French, Kandel–Moles: 207 − 1.015 × 3 − 73.6 × 3/3 */
  g_assert_true (cg_readability_estimate ("Une peau dure.", "fr", &result));
  g_assert_cmpuint (result.n_syllables, ==, 3);
  g_assert_cmpfloat_with_epsilon (result.score, 207 - 1.015 * 3 - 73.6, 0.001);
  g_assert_cmpstr (result.formula, ==, "Kandel–Moles reading ease");

  /* German, Amstad: 2 words, 1 sentence, 6 syllables: 180 − 2 − 58.5 × 6/2 */
  g_assert_true (cg_readability_estimate ("Harte Kalzinose!", "de", &result));
  g_assert_cmpuint (result.n_syllables, ==, 6);
  g_assert_cmpfloat_with_epsilon (result.score, 180 - 2 - 58.5 * 3, 0.001);
  g_assert_cmpstr (result.formula, ==, "Amstad reading ease");

  g_assert_false (cg_readability_estimate ("Some text.", "it", &result));
  g_assert_false (result.available);
  g_clear_pointer (&summary, g_free);
  summary = cg_readability_dup_summary (&result);
  g_assert_cmpstr (summary, ==, "Reading level not available");

  g_assert_false (cg_readability_estimate ("", "en", &result));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/readability/syllables", test_syllables);
  g_test_add_func ("/readability/estimate", test_readability);

  return g_test_run ();
}
