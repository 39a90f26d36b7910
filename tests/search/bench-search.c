/* bench-search.c: how long search takes, on the shipped bundle and on a large generated one
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run on demand (build/tests/bench-search, or with --cpu for this thread's CPU time, steadier
 * on a shared machine), never as a timed test: figures depend on the machine. The targets for
 * 1,000 topics × 7 sections: index build < 200 ms, median query < 5 ms, 99th percentile
 * < 16 ms. The floor is the same queries as a plain casefolded
 * strstr() scan over the same text: no accent folding, no ranking, no offsets, no snippets.
 *
 * Besides, the share of the patient questions of tests/data/patient-questions-LANG.tsv whose
 * answering section is in the top 2 of the shipped content, per language, and the times of
 * queries found only through stems, and of patient questions, on the generated library (its
 * sections have two questions and a kind each, drawn from the shipped ones).
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-library.h"
#include "cg-search-index.h"
#include "cg-section.h"
#include "cg-topic.h"

#define N_TOPICS 1000
#define N_SECTIONS 7
#define N_BUILDS 5
#define N_ROUNDS 30
#define UI_MAX_HITS 50

/* As typed, keystroke by keystroke, plus finished queries and misses. */
static const char *queries[] = {
  "c", "ca", "cal", "calc", "calci", "calcium", "k", "ki", "kid", "kidney", "kidney d",
  "kidney disease", "chronic kidney disease", "x-ray", "pain", "lumps", "hard spots",
  "resolucion", "deposits soft tissue", "treatment surg", "skin", "sclero", "inflammation",
  "prevent", "blood test", "zzzz", "calcium zzzz",
};

/* Misspelt, each word of 5+ characters at most two edits from the text: corrections scan the
 * index's words. */
static const char *misspelt_queries[] = {
  "calcinossis", "dermatomyosits", "kidny disease", "calicnosis", "inflamation", "sclerodermia",
  "phosphat metabolsm", "treatmnet options", "what is calcinossis", "resolucoin", "ulceratoin",
  "deposists soft", "chronic kidny diseas", "analgesis", "corticosteriod creams",
};

/* Words found only through their Snowball stems ("treated": "treating", "treatment") */
static const char *stemmed_queries[] = {
  "treated", "treating deposits", "diagnosed", "infections", "prevented", "causing lumps",
  "deposited", "inflamed joints", "complications", "surgical", "hardened skin", "ulcerations",
  "managed symptoms", "tested", "conditions caused",
};

/* Questions in the patient's words: stop words, question words, the questions' tier */
static const char *question_queries[] = {
  "why do I get lumps", "how is it treated", "what is calcinosis", "will surgery help",
  "what tests will I need", "does it hurt", "what should I eat", "can kidney disease cause this",
  "how can I prevent calcium deposits", "what medicine helps the pain", "is it serious",
  "can the lumps be removed", "what causes calcinosis", "do I need a blood test",
  "how do doctors know it is calcinosis",
};

static const char *patient_languages[] = { "en", "es", "fr", "de" };

static const char *syllables[] = {
  "ca", "lo", "mi", "ne", "ra", "to", "si", "pu", "de", "fa", "gri", "vel", "zon", "tri", "bo",
  "ku", "ment", "sta", "ció", "né", "ür", "ða", "pho", "scle", "der", "ma", "no", "tis",
};

/* Wall-clock time; with --cpu, this thread's CPU time, steadier on a busy machine */
static clockid_t clock_id = CLOCK_MONOTONIC;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (clock_id, &ts);

  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *)a;
  double db = *(const double *)b;

  return (da > db) - (da < db);
}

static double
percentile (GArray *samples,
            double  q)
{
  g_array_sort (samples, compare_doubles);

  return g_array_index (samples, double, (guint)((samples->len - 1) * q));
}

static void
collect_texts (CgSection *section,
               GPtrArray *texts)
{
  for (guint i = 0; i < cg_section_get_n_blocks (section); i++)
    {
      const CgBlock *block = cg_section_get_block (section, i);

      if (block->kind == CG_BLOCK_PARAGRAPH)
        g_ptr_array_add (texts, block->text);
      else
        for (guint j = 0; block->items[j] != NULL; j++)
          g_ptr_array_add (texts, block->items[j]);
    }
}

/* The generator's word list: the texts, keywords and questions of @topics (borrowed) */
static void
collect_words (GPtrArray *topics,
               GPtrArray *sentences,
               GPtrArray *keywords,
               GPtrArray *questions)
{
  for (guint i = 0; i < topics->len; i++)
    for (guint j = 0; j < cg_topic_get_n_sections (g_ptr_array_index (topics, i)); j++)
      {
        CgSection *section = cg_topic_get_section (g_ptr_array_index (topics, i), j);
        const char * const *section_keywords = cg_section_get_keywords (section);

        const char * const *section_questions = cg_section_get_questions (section);

        collect_texts (section, sentences);
        for (guint k = 0; section_keywords != NULL && section_keywords[k] != NULL; k++)
          g_ptr_array_add (keywords, (char *)section_keywords[k]);
        for (guint q = 0; section_questions[q] != NULL; q++)
          g_ptr_array_add (questions, (char *)section_questions[q]);
      }
}

static void
append_made_up_word (GString *str,
                     GRand   *rand)
{
  guint n = g_rand_int_range (rand, 2, 5);

  for (guint i = 0; i < n; i++)
    g_string_append (str, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
}

/* Sections like the shipped ones: a title, five keywords, a paragraph and a list of four, about
 * 1 KiB in all, so that the bundle stays under CG_BUNDLE_MAX_SIZE. */

/* A sentence of the shipped text with about a quarter of its words made up, so the generated
 * bundle reads like the real one but has a far larger vocabulary. */
static void
append_sentence (GString   *xml,
                 GPtrArray *sentences,
                 GRand     *rand)
{
  const char *sentence = g_ptr_array_index (sentences, g_rand_int_range (rand, 0, sentences->len));
  g_auto(GStrv) words = g_strsplit (sentence, " ", -1);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      if (g_rand_int_range (rand, 0, 4) == 0)
        append_made_up_word (text, rand);
      else
        g_string_append (text, words[i]);
    }

  escaped = g_markup_escape_text (text->str, -1);
  g_string_append (xml, escaped);
}

static GBytes *
generate_bundle (GPtrArray *sentences,
                 GPtrArray *keywords,
                 GPtrArray *questions)
{
  static const char *kinds[] = {
    "definition", "causes", "symptoms", "diagnosis", "treatment", "prevention", "outlook",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  GString *xml = g_string_sized_new (8 * 1024 * 1024);

  g_string_append (xml,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<bundle format=\"1\" lang=\"en\">\n"
                   "<provenance><source>bench</source><content-version>1</content-version></provenance>\n");

  for (guint t = 0; t < N_TOPICS; t++)
    {
      g_string_append_printf (xml, "<topic id=\"t%04u\"><title>Topic %u</title>\n", t, t);

      for (guint s = 0; s < N_SECTIONS; s++)
        {
          g_string_append_printf (xml, "<section id=\"t%04u-s%u\" kind=\"%s\"><title>", t, s,
                                  kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))]);
          append_made_up_word (xml, rand);
          g_string_append_c (xml, ' ');
          g_string_append (xml, g_ptr_array_index (keywords, g_rand_int_range (rand, 0, keywords->len)));
          g_string_append (xml, "</title><keywords>");
          for (guint k = 0; k < 5; k++)
            g_string_append_printf (xml, "<keyword>%s</keyword>",
                                    (char *)g_ptr_array_index (keywords, g_rand_int_range (rand, 0, keywords->len)));
          g_string_append (xml, "</keywords>\n<questions>");
          for (guint q = 0; q < 2; q++)
            {
              g_autofree char *question = g_markup_escape_text (g_ptr_array_index (questions, g_rand_int_range (rand, 0, questions->len)), -1);

              g_string_append_printf (xml, "<q>%s</q>", question);
            }
          g_string_append (xml, "</questions>\n<p>");
          append_sentence (xml, sentences, rand);
          g_string_append (xml, "</p>\n<list>");
          for (guint i = 0; i < 4; i++)
            {
              g_string_append (xml, "<item>");
              append_sentence (xml, sentences, rand);
              g_string_append (xml, "</item>");
            }
          g_string_append (xml, "</list></section>\n");
        }

      g_string_append (xml, "</topic>\n");
    }

  g_string_append (xml, "</bundle>\n");

  return g_string_free_to_bytes (xml);
}

/* The floor: each section's text casefolded once, then each query word looked for with
 * strstr(), every word required. */
static GPtrArray *
fold_for_floor (GPtrArray *topics)
{
  GPtrArray *folded = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        {
          CgSection *section = cg_topic_get_section (topic, j);
          const char * const *keywords = cg_section_get_keywords (section);
          g_autofree char *body = cg_section_dup_text (section);
          g_autoptr(GString) text = g_string_new (cg_section_get_title (section));

          for (guint k = 0; keywords != NULL && keywords[k] != NULL; k++)
            g_string_append_printf (text, "\n%s", keywords[k]);
          g_string_append_printf (text, "\n%s", body);
          g_ptr_array_add (folded, g_utf8_casefold (text->str, -1));
        }
    }

  return folded;
}

static guint
floor_query (GPtrArray  *folded,
             const char *query)
{
  g_autofree char *folded_query = g_utf8_casefold (query, -1);
  g_auto(GStrv) words = g_strsplit (folded_query, " ", -1);
  guint n_hits = 0;

  for (guint i = 0; i < folded->len; i++)
    {
      const char *text = g_ptr_array_index (folded, i);
      gboolean all = TRUE;

      for (guint w = 0; all && words[w] != NULL; w++)
        all = words[w][0] == '\0' || strstr (text, words[w]) != NULL;

      n_hits += all;
    }

  return n_hits;
}

typedef enum
{
  RANKED,       /* cg_search_index_query() alone: hits ranked, details not computed yet */
  FIRST_PAGE,   /* and the snippets and offsets of the first UI_MAX_HITS: the sidebar */
  ALL_DETAILS,  /* and the snippets and offsets of every hit: --search */
  FLOOR,
} Mode;

typedef struct
{
  double median;
  double p99;
  double worst;
  const char *worst_query;
} Times;

static void
run_query (CgSearchIndex *index,
           GPtrArray     *folded,
           const char    *query,
           Mode           mode)
{
  g_autoptr(GPtrArray) hits = NULL;

  if (mode == FLOOR)
    {
      floor_query (folded, query);
      return;
    }

  hits = cg_search_index_query (index, query, mode == FIRST_PAGE ? UI_MAX_HITS : 0);
  if (mode != RANKED)
    for (guint i = 0; i < hits->len; i++)
      {
        guint n_matches;

        cg_search_hit_get_snippet (g_ptr_array_index (hits, i));
        cg_search_hit_get_matches (g_ptr_array_index (hits, i), &n_matches);
      }
}

static Times
time_query_list (CgSearchIndex      *index,
                 GPtrArray          *folded,
                 Mode                mode,
                 const char * const *list,
                 guint               n_queries)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  Times times = { 0 };

  for (guint round = 0; round < N_ROUNDS; round++)
    for (guint i = 0; i < n_queries; i++)
      {
        double start = now_ms ();
        double elapsed;

        run_query (index, folded, list[i], mode);
        elapsed = now_ms () - start;
        g_array_append_val (samples, elapsed);
        if (elapsed > times.worst)
          {
            times.worst = elapsed;
            times.worst_query = list[i];
          }
      }

  times.median = percentile (samples, 0.5);
  times.p99 = percentile (samples, 0.99);

  return times;
}

static Times
time_queries (CgSearchIndex *index,
              GPtrArray     *folded,
              Mode           mode)
{
  return time_query_list (index, folded, mode, queries, G_N_ELEMENTS (queries));
}

static double
time_build (GPtrArray      *topics,
            CgSearchIndex **index)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < N_BUILDS; i++)
    {
      double start = now_ms ();
      double elapsed;

      g_clear_object (index);
      *index = cg_search_index_new (topics);
      elapsed = now_ms () - start;
      g_array_append_val (samples, elapsed);
    }

  return percentile (samples, 0.5);
}

static void
print_row (const char *name,
           GPtrArray  *topics,
           double      load_ms)
{
  g_autoptr(CgSearchIndex) index = NULL;
  g_autoptr(GPtrArray) folded = fold_for_floor (topics);
  double build_ms = time_build (topics, &index);
  Times ranked = time_queries (index, folded, RANKED);
  Times page = time_queries (index, folded, FIRST_PAGE);
  Times all = time_queries (index, folded, ALL_DETAILS);
  Times floor = time_queries (index, folded, FLOOR);
  Times corrected = time_query_list (index, folded, FIRST_PAGE, misspelt_queries,
                                     G_N_ELEMENTS (misspelt_queries));
  Times stemmed = time_query_list (index, folded, FIRST_PAGE, stemmed_queries,
                                   G_N_ELEMENTS (stemmed_queries));
  Times questions = time_query_list (index, folded, FIRST_PAGE, question_queries,
                                     G_N_ELEMENTS (question_queries));

  g_print ("%-18s %6u %8.1f %7.2f %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f\n",
           name, cg_search_index_get_n_sections (index), load_ms, build_ms,
           ranked.median, ranked.p99, page.median, page.p99, all.median, all.p99,
           floor.median, floor.p99);
  g_print ("%-18s worst: “%s” %.3f ranked, “%s” %.3f first %u, “%s” %.3f all\n", "",
           ranked.worst_query, ranked.worst, page.worst_query, page.worst, UI_MAX_HITS,
           all.worst_query, all.worst);
  g_print ("%-18s corrections: %7.3f median %7.3f p99, worst “%s” %.3f (%u misspelt queries, first %u)\n",
           name, corrected.median, corrected.p99, corrected.worst_query, corrected.worst,
           (guint)G_N_ELEMENTS (misspelt_queries), UI_MAX_HITS);
  g_print ("%-18s stems: %7.3f median %7.3f p99, worst “%s” %.3f (%u stemmed queries, first %u)\n",
           name, stemmed.median, stemmed.p99, stemmed.worst_query, stemmed.worst,
           (guint)G_N_ELEMENTS (stemmed_queries), UI_MAX_HITS);
  g_print ("%-18s questions: %7.3f median %7.3f p99, worst “%s” %.3f (%u patient questions, first %u)\n",
           name, questions.median, questions.p99, questions.worst_query, questions.worst,
           (guint)G_N_ELEMENTS (question_queries), UI_MAX_HITS);
}

/* How often the section that answers one of the patient questions of @language is in the top
 * 2 of the shipped content: "patient questions LANG: FOUND of N". */
static void
print_patient_score (CgLibrary  *library,
                     const char *language)
{
  g_autofree char *name = g_strdup_printf ("patient-questions-%s.tsv", language);
  g_autofree char *path = g_build_filename (CG_TEST_DATA_DIR, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(CgSearchIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;
  guint found = 0;

  if (!g_file_get_contents (path, &contents, NULL, &error) ||
      !(topics = cg_library_list_topics (library, language, &error)))
    g_error ("%s", error->message);
  index = cg_search_index_new (topics);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GPtrArray) hits = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], "\t", 2);
      hits = cg_search_index_query (index, fields[1], 2);
      n++;
      for (guint h = 0; h < hits->len; h++)
        found += g_str_equal (cg_section_get_id (cg_search_hit_get_section (g_ptr_array_index (hits, h))),
                              fields[0]);
    }

  g_print ("patient questions %s: %u of %u in the top 2, %.0f %%\n", language, found, n,
           n > 0 ? 100.0 * found / n : 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) generated_topics = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sentences = g_ptr_array_new ();
  g_autoptr(GPtrArray) keywords = g_ptr_array_new ();
  g_autoptr(GPtrArray) questions = g_ptr_array_new ();
  g_autoptr(CgBundle) generated = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GError) error = NULL;
  double start;
  double load_ms;
  double generated_load_ms;

  if (argc > 1 && g_str_equal (argv[1], "--cpu"))
    clock_id = CLOCK_THREAD_CPUTIME_ID;

  start = now_ms ();
  if (!(topics = cg_library_list_topics (library, "en", &error)))
    g_error ("%s", error->message);
  load_ms = now_ms () - start;

  collect_words (topics, sentences, keywords, questions);

  xml = generate_bundle (sentences, keywords, questions);
  start = now_ms ();
  if (!(generated = cg_bundle_load_bytes (xml, "generated.xml", &error)))
    g_error ("%s", error->message);
  generated_load_ms = now_ms () - start;
  for (guint i = 0; i < cg_bundle_get_n_topics (generated); i++)
    g_ptr_array_add (generated_topics, g_object_ref (cg_bundle_get_topic (generated, i)));

  g_print ("Search benchmark: %u queries × %u rounds; %s times in ms; build: median of %u\n",
           (guint)G_N_ELEMENTS (queries), N_ROUNDS,
           clock_id == CLOCK_MONOTONIC ? "wall-clock" : "CPU", N_BUILDS);
  g_print ("Targets for 1,000 topics × 7 sections: build < 200, median < 5, p99 < 16, with or "
           "without corrections\n\n");
  g_print ("%-18s %6s %8s %7s %15s %15s %15s %15s\n", "", "", "load+", "index",
           "ranked", "+ first 50", "+ all details", "strstr floor");
  g_print ("%-18s %6s %8s %7s %7s %7s %7s %7s %7s %7s %7s %7s\n", "bundle", "sects", "validate",
           "build", "median", "p99", "median", "p99", "median", "p99", "median", "p99");
  print_row ("shipped (en)", topics, load_ms);
  print_row ("generated 1000×7", generated_topics, generated_load_ms);
  g_print ("\ngenerated bundle: %.1f MiB of XML\n\n", g_bytes_get_size (xml) / 1048576.0);

  for (guint i = 0; i < G_N_ELEMENTS (patient_languages); i++)
    print_patient_score (library, patient_languages[i]);

  return 0;
}
