/* test-search-stemmer.c: Snowball stems per language, folded the way search compares words
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-search-stemmer.h"

static void
assert_stem (CgSearchStemmer *stemmer,
             const char      *word,
             const char      *expected)
{
  g_autofree char *stem = cg_search_stemmer_stem (stemmer, word, -1);

  g_test_message ("%s: %s → %s", cg_search_stemmer_get_language (stemmer), word, stem);
  g_assert_cmpstr (stem, ==, expected);
}

/* Forms of one word meet at one stem: what lets "treated" find "treating" */
static void
test_languages (void)
{
  struct {
    const char *language;
    const char *words[4];
    const char *stem;
  } cases[] = {
    { "en", { "treated", "treating", "treats", "Treat" }, "treat" },
    { "en", { "causes", "caused", "causing", "cause" }, "caus" },
    { "en", { "prevention", "preventing", "prevented", "prevent" }, "prevent" },
    { "es", { "operar", "operación", "operan", "operaciones" }, "oper" },
    { "es", { "medicamentos", "medicamento", NULL }, "medicament" },
    { "fr", { "opération", "opérer", "opérations", "Opéré" }, "oper" },
    { "fr", { "traitement", "traiter", "traitements", "traite" }, "trait" },
    { "de", { "Untersuchungen", "Untersuchung", NULL }, "untersuch" },
    { "de", { "operieren", "operiere", NULL }, "operi" },
    { "de", { "Behandlung", "Behandlungen", NULL }, "behandl" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CgSearchStemmer) stemmer = cg_search_stemmer_new (cases[i].language);

      g_assert_nonnull (stemmer);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].words) && cases[i].words[j] != NULL; j++)
        assert_stem (stemmer, cases[i].words[j], cases[i].stem);
    }
}

/* Stems are folded like the index's words: no accents, ß as ss, lower case */
static void
test_folded (void)
{
  g_autoptr(CgSearchStemmer) es = cg_search_stemmer_new ("es");
  g_autoptr(CgSearchStemmer) de = cg_search_stemmer_new ("de");
  g_autoptr(CgSearchStemmer) en = cg_search_stemmer_new ("en");

  assert_stem (es, "cirugía", "cirug");
  assert_stem (de, "Röntgenaufnahmen", "rontgenaufnahm");
  assert_stem (de, "Größe", "gross");
  assert_stem (en, "CALCINOSIS", "calcinosi");
  /* Stems of three characters or fewer join unrelated words: none is given */
  assert_stem (es, "cómo", NULL);
  assert_stem (es, "comer", NULL);
  assert_stem (en, "eat", NULL);
  /* The length given, not the rest of the string */
  {
    g_autofree char *stem = cg_search_stemmer_stem (en, "lumps under", 5);
    g_assert_cmpstr (stem, ==, "lump");
  }
}

static void
test_unknown (void)
{
  g_autoptr(CgSearchStemmer) pt_br = cg_search_stemmer_new ("pt-BR");

  /* A region uses its language's stemmer */
  g_assert_nonnull (pt_br);
  g_assert_cmpstr (cg_search_stemmer_get_language (pt_br), ==, "pt");
  /* Too short a stem to compare words by */
  assert_stem (pt_br, "como", NULL);
  assert_stem (pt_br, "tratamentos", "tratament");

  /* No stemmer: the caller matches words as written */
  g_assert_null (cg_search_stemmer_new ("qq"));
  g_assert_null (cg_search_stemmer_new ("porter"));
  g_assert_null (cg_search_stemmer_new (""));
}

#define N_THREADS 4
#define N_ROUNDS 2000

static gpointer
stem_many (gpointer data)
{
  CgSearchStemmer *stemmer = data;
  static const char *words[][2] = {
    { "treatments", "treatment" },
    { "swellings", "swell" },
    { "calcifications", "calcif" },
    { "x", NULL },
  };

  for (guint i = 0; i < N_ROUNDS; i++)
    {
      guint w = (i + GPOINTER_TO_UINT (g_thread_self ())) % G_N_ELEMENTS (words);
      g_autofree char *stem = cg_search_stemmer_stem (stemmer, words[w][0], -1);

      if (g_strcmp0 (stem, words[w][1]) != 0)
        return g_strdup_printf ("%s → %s, not %s", words[w][0], stem, words[w][1]);
    }

  return NULL;
}

/* One stemmer, several threads at once, as when the Shell and the window search together */
static void
test_threads (void)
{
  g_autoptr(CgSearchStemmer) stemmer = cg_search_stemmer_new ("en");
  GThread *threads[N_THREADS];

  for (guint i = 0; i < N_THREADS; i++)
    threads[i] = g_thread_new ("stem", stem_many, stemmer);
  for (guint i = 0; i < N_THREADS; i++)
    {
      g_autofree char *failure = g_thread_join (threads[i]);

      g_assert_null (failure);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-stemmer/languages", test_languages);
  g_test_add_func ("/search-stemmer/folded", test_folded);
  g_test_add_func ("/search-stemmer/unknown", test_unknown);
  g_test_add_func ("/search-stemmer/threads", test_threads);

  return g_test_run ();
}
