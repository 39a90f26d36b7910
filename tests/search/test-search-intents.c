/* test-search-intents.c: the kinds of section a question asks for, in four languages and from
 * a bundle's own cues
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-search-fold.h"
#include "cg-search-intents.h"

/* The kinds @query asks for, by name, in bit order, separated by commas */
static char *
match_kinds (CgSearchIntents *intents,
             CgSearchStemmer *stemmer,
             const char      *query)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (CgSearchFoldWord));
  g_autoptr(GString) folded = g_string_new (NULL);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) names = g_string_new (NULL);
  guint64 kinds;

  cg_search_fold_words (query, strlen (query), folded, spans);
  for (guint i = 0; i < spans->len; i++)
    {
      const CgSearchFoldWord *span = &g_array_index (spans, CgSearchFoldWord, i);

      g_ptr_array_add (words, g_strndup (folded->str + span->folded_start,
                                         span->folded_end - span->folded_start));
      g_ptr_array_add (stems, stemmer != NULL ? cg_search_stemmer_stem (stemmer, query + span->start,
                                                                        span->end - span->start)
                                              : NULL);
    }

  kinds = cg_search_intents_match (intents, (const char * const *)words->pdata,
                                   stemmer != NULL ? (const char * const *)stems->pdata : NULL,
                                   words->len);
  for (guint bit = 0; bit < 64; bit++)
    if (kinds & (G_GUINT64_CONSTANT (1) << bit))
      g_string_append_printf (names, "%s%s", names->len > 0 ? "," : "",
                              cg_search_intents_get_kind (intents, bit));

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_languages (void)
{
  struct {
    const char *language;
    const char *query;
    const char *kinds;
  } cases[] = {
    { "en", "why do I get lumps", "causes" },
    { "en", "What causes it?", "causes" },
    { "en", "how is it treated", "treatment" },
    { "en", "what is calcinosis", "definition" },
    { "en", "what are the signs", "definition,symptoms" },
    { "en", "calcium deposits", "" },
    { "es", "¿por qué me salen bultos?", "causes" },
    { "es", "¿cómo se trata?", "treatment" },
    { "es", "¿qué es la calcinosis?", "definition" },
    { "fr", "pourquoi ces boules", "causes" },
    { "fr", "comment la soigner", "treatment" },
    { "fr", "qu'est-ce que la calcinose", "definition" },
    /* "qui", not "que": no definition asked for */
    { "fr", "qu'est-ce qui provoque la calcinose", "causes" },
    { "de", "warum bekomme ich Knoten", "causes" },
    { "de", "wie behandelt man das", "treatment" },
    { "de", "was ist eine Kalzinose", "definition" },
    /* Stems: "operiere" and the cue "operieren" are both "operi" */
    { "de", "operiere", "treatment" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CgSearchStemmer) stemmer = cg_search_stemmer_new (cases[i].language);
      g_autoptr(CgSearchIntents) intents = cg_search_intents_new (cases[i].language, stemmer);
      g_autofree char *kinds = match_kinds (intents, stemmer, cases[i].query);

      g_test_message ("%s: %s → %s", cases[i].language, cases[i].query, kinds);
      g_assert_cmpstr (kinds, ==, cases[i].kinds);
    }
}

/* Words compare by stem only when there is a stemmer */
static void
test_stems (void)
{
  g_autoptr(CgSearchStemmer) stemmer = cg_search_stemmer_new ("en");
  g_autoptr(CgSearchIntents) stemmed = cg_search_intents_new ("en", stemmer);
  g_autoptr(CgSearchIntents) plain = cg_search_intents_new ("en", NULL);
  g_autofree char *treating = match_kinds (stemmed, stemmer, "treating lumps");
  g_autofree char *treating_plain = match_kinds (plain, NULL, "treating lumps");
  g_autofree char *treated_plain = match_kinds (plain, NULL, "treated lumps");

  g_assert_cmpstr (treating, ==, "treatment");
  g_assert_cmpstr (treating_plain, ==, "");
  g_assert_cmpstr (treated_plain, ==, "treatment");
}

/* The words of a cue in order, a few words apart at most */
static void
test_gaps (void)
{
  g_autoptr(CgSearchIntents) intents = cg_search_intents_new (NULL, NULL);
  g_autofree char *close = NULL;
  g_autofree char *gap = NULL;
  g_autofree char *far = NULL;
  g_autofree char *reversed = NULL;
  g_autofree char *second_start = NULL;

  cg_search_intents_add_cue (intents, "visit", "when come");
  close = match_kinds (intents, NULL, "when do I come");
  gap = match_kinds (intents, NULL, "when should we all come");
  far = match_kinds (intents, NULL, "when should we all of us come");
  reversed = match_kinds (intents, NULL, "come when");
  /* The first "when" is too far; the second is close enough */
  second_start = match_kinds (intents, NULL, "when is it that a b c d when I come");

  g_assert_cmpstr (close, ==, "visit");
  g_assert_cmpstr (gap, ==, "visit");
  g_assert_cmpstr (far, ==, "");
  g_assert_cmpstr (reversed, ==, "");
  g_assert_cmpstr (second_start, ==, "visit");
}

/* A clinic's own kinds and cues, beside the app's */
static void
test_bundle_cues (void)
{
  g_autoptr(CgSearchStemmer) stemmer = cg_search_stemmer_new ("en");
  g_autoptr(CgSearchIntents) intents = cg_search_intents_new ("en", stemmer);
  g_autofree char *fees = NULL;
  g_autofree char *why_fees = NULL;
  guint costs;

  g_assert_cmpuint (cg_search_intents_lookup_kind (intents, "costs"), ==, CG_SEARCH_INTENT_NO_KIND);
  cg_search_intents_add_cue (intents, "costs", "How much");
  cg_search_intents_add_cue (intents, "costs", "  ");   /* no words: ignored */
  costs = cg_search_intents_lookup_kind (intents, "costs");
  g_assert_cmpuint (costs, !=, CG_SEARCH_INTENT_NO_KIND);
  g_assert_cmpstr (cg_search_intents_get_kind (intents, costs), ==, "costs");
  g_assert_cmpuint (cg_search_intents_lookup_kind (intents, "causes"), <, costs);
  g_assert_null (cg_search_intents_get_kind (intents, costs + 1));

  fees = match_kinds (intents, stemmer, "how much is a visit");
  why_fees = match_kinds (intents, stemmer, "why does it cost so much, how much");
  g_assert_cmpstr (fees, ==, "costs");
  g_assert_cmpstr (why_fees, ==, "causes,costs");

  /* A bundle may also add cues to the app's kinds */
  cg_search_intents_add_cue (intents, "treatment", "bandage");
  g_assert_cmpuint (cg_search_intents_lookup_kind (intents, "treatment"), <, costs);
}

static void
test_max_kinds (void)
{
  g_autoptr(CgSearchIntents) intents = cg_search_intents_new (NULL, NULL);

  for (guint i = 0; i < CG_SEARCH_INTENT_MAX_KINDS + 2; i++)
    {
      g_autofree char *kind = g_strdup_printf ("kind-%u", i);
      g_autofree char *cue = g_strdup_printf ("cue%u", i);

      cg_search_intents_add_cue (intents, kind, cue);
    }

  g_assert_cmpuint (cg_search_intents_lookup_kind (intents, "kind-63"), ==, 63);
  g_assert_cmpuint (cg_search_intents_lookup_kind (intents, "kind-64"), ==, CG_SEARCH_INTENT_NO_KIND);
  g_assert_cmpuint (cg_search_intents_match (intents, (const char *[]) { "cue64" }, NULL, 1), ==, 0);
  g_assert_cmpuint (cg_search_intents_match (intents, (const char *[]) { "cue63" }, NULL, 1), ==,
                    G_GUINT64_CONSTANT (1) << 63);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-intents/languages", test_languages);
  g_test_add_func ("/search-intents/stems", test_stems);
  g_test_add_func ("/search-intents/gaps", test_gaps);
  g_test_add_func ("/search-intents/bundle-cues", test_bundle_cues);
  g_test_add_func ("/search-intents/max-kinds", test_max_kinds);

  return g_test_run ();
}
