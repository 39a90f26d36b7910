/* test-search-index.c: folding, matching, ranking, snippets and offsets of the search index
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-library.h"
#include "cg-search-fold.h"
#include "cg-search-index.h"
#include "cg-search-results.h"
#include "cg-search-words.h"
#include "cg-section.h"
#include "cg-topic.h"

/* An index of one topic in @language whose sections are @sections_xml, loaded the way a real
 * bundle is. */
static CgSearchIndex *
index_new_for_language (const char *language,
                        const char *sections_xml)
{
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<bundle format=\"1\" lang=\"%s\">"
    "<provenance><source>test</source><content-version>1</content-version></provenance>"
    "<topic id=\"test\"><title>Test</title>%s</topic>"
    "</bundle>", language, sections_xml);
  gsize length = strlen (xml);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&xml), length);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = NULL;
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);

  bundle = cg_bundle_load_bytes (bytes, "test.xml", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < cg_bundle_get_n_topics (bundle); i++)
    g_ptr_array_add (topics, g_object_ref (cg_bundle_get_topic (bundle, i)));

  return cg_search_index_new (topics);
}

static CgSearchIndex *
index_new_for_sections (const char *sections_xml)
{
  return index_new_for_language ("es", sections_xml);
}

static CgSearchIndex *
index_new_for_shipped (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;

  topics = cg_library_list_topics (library, "en", &error);
  g_assert_no_error (error);

  return cg_search_index_new (topics);
}

/* The section ids of the hits, comma-separated, best first. */
static char *
query_ids (CgSearchIndex *index,
           const char    *query)
{
  g_autoptr(GPtrArray) hits = cg_search_index_query (index, query, 0);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      CgSearchHit *hit = g_ptr_array_index (hits, i);

      if (i > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, cg_section_get_id (cg_search_hit_get_section (hit)));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_query(index, query, expected_ids) G_STMT_START { \
  g_autofree char *ids_ = query_ids (index, query); \
  g_assert_cmpstr (ids_, ==, expected_ids); \
} G_STMT_END

/* The only hit of @query. */
static CgSearchHit *
query_one (CgSearchIndex *index,
           const char    *query)
{
  g_autoptr(GPtrArray) hits = cg_search_index_query (index, query, 0);

  g_assert_cmpuint (hits->len, ==, 1);

  return g_object_ref (g_ptr_array_index (hits, 0));
}

static char *
dup_range (const char          *text,
           const CgSearchRange *range)
{
  g_assert_cmpuint (range->start, <, range->end);
  g_assert_cmpuint (range->end, <=, strlen (text));

  return g_strndup (text + range->start, range->end - range->start);
}

/* The texts of the highlights of @hit in its snippet, joined by "|". */
static char *
dup_snippet_highlights (CgSearchHit *hit)
{
  const char *snippet = cg_search_hit_get_snippet (hit);
  g_autoptr(GString) str = g_string_new (NULL);
  const CgSearchRange *ranges;
  guint n_ranges;

  ranges = cg_search_hit_get_snippet_ranges (hit, &n_ranges);
  for (guint i = 0; i < n_ranges; i++)
    {
      g_autofree char *text = dup_range (snippet, &ranges[i]);

      g_string_append_printf (str, "%s%s", i > 0 ? "|" : "", text);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
assert_fold (const char *text,
             const char *expected)
{
  g_autofree char *folded = cg_search_fold (text, -1, NULL);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold_case_and_marks (void)
{
  assert_fold ("CaLcInOsIs", "calcinosis");
  assert_fold ("Resolución del depósito, riñón", "resolucion del deposito rinon");
  assert_fold ("NIÑO Ñandú", "nino nandu");
  assert_fold ("Élève, cœur, ÆTHER, Noël", "eleve coeur aether noel");
  assert_fold ("Über die Größe der Nieren", "uber die grosse der nieren");
  assert_fold ("STRASSE Straße ẞ", "strasse strasse ss");
  /* Decomposed input folds like precomposed */
  assert_fold ("re\xcc\x81sume\xcc\x81", "resume");
  /* Compatibility forms: ligatures, full width, superscripts */
  assert_fold ("ﬁbrosis ﬂare ﬀ", "fibrosis flare ff");
  assert_fold ("ＣＴ scan, m²", "ct scan m2");
  assert_fold ("ΣΟΦΊΑ", "σοφια");
}

static void
test_fold_separators (void)
{
  assert_fold ("X-ray; (SLE) — don't…", "x ray sle don t");
  assert_fold ("  calcium\tdeposits\n", "calcium deposits");
  assert_fold ("a½b", "a1 2b");
  assert_fold ("", "");
  assert_fold (" ¿¡!? … ", "");
  /* Invalid UTF-8 separates words instead of failing */
  assert_fold ("abc\xff" "def", "abc def");
}

static void
test_fold_offsets (void)
{
  const char *text = "¡Résolución ﬁn!";
  g_autoptr(GArray) offsets = NULL;
  g_autofree char *folded = cg_search_fold (text, -1, &offsets);
  const guint *map = (const guint *)(gpointer)offsets->data;

  g_assert_cmpstr (folded, ==, "resolucion fin");
  g_assert_cmpuint (offsets->len, ==, strlen (folded) + 1);

  g_assert_cmpuint (map[0], ==, 2);                          /* "R" after the 2-byte "¡" */
  g_assert_cmpuint (map[1], ==, 3);                          /* "é" */
  g_assert_cmpuint (map[2], ==, 5);                          /* "s", after the 2-byte "é" */
  g_assert_cmpuint (map[8], ==, strlen ("¡Résoluci"));       /* "ó" */
  g_assert_cmpuint (map[9], ==, strlen ("¡Résolució"));      /* "n" */
  g_assert_cmpuint (map[10], ==, strlen ("¡Résolución"));    /* the space: end of the word */
  g_assert_cmpuint (map[11], ==, strlen ("¡Résolución "));   /* "f" of "ﬁ" */
  g_assert_cmpuint (map[12], ==, strlen ("¡Résolución "));   /* "i" of "ﬁ" */
  g_assert_cmpuint (map[13], ==, strlen ("¡Résolución ﬁ"));  /* "n" */
  g_assert_cmpuint (map[14], ==, strlen ("¡Résolución ﬁn")); /* the end of the last word */
}

static const char *matching_sections =
  "<section id=\"deposits\"><title>Deposits</title>"
  "<p>Calcium deposits form in soft tissues.</p></section>"
  "<section id=\"disease\"><title>Disease</title>"
  "<p>Calcinosis occurs with chronic kidney disease.</p></section>"
  "<section id=\"skin\"><title>Skin</title>"
  "<p>The skin may harden. Kidneys are not involved.</p></section>";

static void
test_match_prefix (void)
{
  g_autoptr(CgSearchIndex) index = index_new_for_sections (matching_sections);

  g_assert_cmpuint (cg_search_index_get_n_sections (index), ==, 3);

  /* The last word is a prefix */
  assert_query (index, "calc", "deposits,disease");
  assert_query (index, "CALCIUM", "deposits");
  assert_query (index, "kidney", "disease,skin");
  assert_query (index, "kidneys", "skin");
  /* Earlier words are whole words, or words whose Snowball stem starts with theirs: "Kidneys"
   * in "skin", after the section with both words */
  assert_query (index, "kidney dis", "disease,skin");
  /* "kid" is no whole word here: "disease" alone is half the words, enough to be found */
  assert_query (index, "kid disease", "disease");
  assert_query (index, "kid zzz disease", "");
  /* A space or punctuation after the last word makes it whole too */
  assert_query (index, "calc ", "");
  assert_query (index, "kidney.", "disease,skin");
}

static void
test_match_and (void)
{
  g_autoptr(CgSearchIndex) index = index_new_for_sections (matching_sections);

  /* Both words first; then half of them */
  assert_query (index, "soft calc", "deposits,disease");
  assert_query (index, "chronic kidney disease", "disease");
  assert_query (index, "skin kidney", "skin,disease");
  /* One of two words is enough, after sections with both: here no section has both */
  assert_query (index, "skin calcium", "skin,deposits");
  /* Half the words is enough, fewer is not */
  assert_query (index, "skin harden zzz yyy", "skin");
  assert_query (index, "skin harden zzz yyy xxx", "");
  /* The words may be in different fields: title and body */
  assert_query (index, "disease calcinosis", "disease");
  /* Query tokenised like the text: case, punctuation and extra spaces do not matter */
  assert_query (index, "  Kidney,  DISEASE!!", "disease,skin");
}

static void
test_no_results (void)
{
  g_autoptr(CgSearchIndex) index = index_new_for_sections (matching_sections);
  /* Fewer than half the words anywhere */
  const char *queries[] = { "", "   ", "!?…", "zzz", "kidney zzz yyy", "calcium deposits zzz yyy xxx" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = cg_search_index_query (index, queries[i], 0);

      g_assert_nonnull (hits);
      g_assert_cmpuint (hits->len, ==, 0);
    }
}

static void
test_keyword (void)
{
  g_autoptr(CgSearchIndex) index = index_new_for_sections (
    "<section id=\"symptoms\"><title>Symptoms</title>"
    "<keywords><keyword>hard</keyword><keyword>hard spots</keyword><keyword>lumps</keyword></keywords>"
    "<p>Nodules may be felt under the skin.</p></section>"
    "<section id=\"signs\"><title>Signs</title>"
    "<keywords><keyword>lumps</keyword></keywords>"
    "<p>Lumps are common.</p></section>");
  g_autoptr(CgSearchHit) spots = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  CgSearchHit *hit;
  guint n_ranges;

  /* Found only through a keyword: the hit says which */
  spots = query_one (index, "hard spo");
  g_assert_cmpstr (cg_section_get_id (cg_search_hit_get_section (spots)), ==, "symptoms");
  g_assert_cmpint (cg_search_hit_get_tier (spots), ==, CG_SEARCH_TIER_KEYWORD);
  g_assert_cmpstr (cg_search_hit_get_matched_keyword (spots), ==, "hard spots");
  /* No body match: the snippet is the start of the body, without highlights */
  g_assert_cmpstr (cg_search_hit_get_snippet (spots), ==, "Nodules may be felt under the skin.");
  cg_search_hit_get_snippet_ranges (spots, &n_ranges);
  g_assert_cmpuint (n_ranges, ==, 0);

  /* Both sections have the keyword, "signs" as its first one; "signs" also has the word in its
   * body, so it needs no explanation */
  hits = cg_search_index_query (index, "lumps", 0);
  g_assert_cmpuint (hits->len, ==, 2);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (cg_section_get_id (cg_search_hit_get_section (hit)), ==, "signs");
  g_assert_cmpint (cg_search_hit_get_tier (hit), ==, CG_SEARCH_TIER_KEYWORD);
  g_assert_null (cg_search_hit_get_matched_keyword (hit));
  hit = g_ptr_array_index (hits, 1);
  g_assert_cmpstr (cg_section_get_id (cg_search_hit_get_section (hit)), ==, "symptoms");
  g_assert_cmpint (cg_search_hit_get_tier (hit), ==, CG_SEARCH_TIER_KEYWORD);
  g_assert_cmpstr (cg_search_hit_get_matched_keyword (hit), ==, "lumps");
}

static void
test_ranking (void)
{
  g_autoptr(CgSearchIndex) index = index_new_for_sections (
    "<section id=\"late\"><title>Alpha</title><p>Nothing else here but bone.</p></section>"
    "<section id=\"early\"><title>Beta</title><p>Bone first, then pain.</p></section>"
    "<section id=\"title\"><title>Bone care</title><p>About pain.</p></section>"
    "<section id=\"keyword\"><title>Gamma</title>"
    "<keywords><keyword>bone</keyword></keywords><p>Nothing.</p></section>"
    "<section id=\"tie\"><title>Delta</title><p>Bone again, no pain.</p></section>"
    "<section id=\"both\"><title>Bone pain</title><p>Nothing.</p></section>"
    "<section id=\"keyword-late\"><title>Epsilon</title>"
    "<keywords><keyword>skeleton</keyword><keyword>bone</keyword></keywords><p>Bones.</p></section>"
    "<section id=\"relief\"><title>Pain relief</title><p>Rest.</p></section>");

  /* Title, then keyword, then body; a word in more tiers weighs more ("keyword-late" also has
   * "Bones" in its body, the same stem); earlier first within a tier; ties in section order */
  assert_query (index, "bone", "title,both,keyword-late,keyword,early,tie,late");
  /* More words matched within the tier first: "both" has both words in its title; sections
   * with one of the two words follow, all of them after the sections with both */
  assert_query (index, "bone pain", "both,title,early,tie,relief,keyword,keyword-late,late");
  /* Earlier match first within the title tier ("Pain relief" before "Bone pain"), and within
   * the body ("About pain" before "Bone first, then pain") */
  assert_query (index, "pain", "relief,both,title,early,tie");
}

static const char *long_paragraph =
  "Calcinosis is the formation of calcium deposits in soft tissues, and it is seen in several "
  "connective tissue diseases such as systemic sclerosis, dermatomyositis and lupus, where the "
  "resolución of deposits is slow and often incomplete even with treatment.";

static void
assert_snippet_cut_at_words (const char *snippet,
                             const char *text)
{
  const char *body = snippet;
  g_autofree char *inner = NULL;
  const char *found;
  gsize len;

  if (g_str_has_prefix (body, "…"))
    body += strlen ("…");
  inner = g_strdup (body);
  len = strlen (inner);
  if (g_str_has_suffix (inner, "…"))
    inner[len - strlen ("…")] = '\0';

  g_assert_cmpuint (g_utf8_strlen (inner, -1), <=, 100);
  g_assert_nonnull ((found = strstr (text, inner)));

  /* The ellipses stand exactly where text was cut, and cuts fall between words */
  g_assert_cmpint (found > text, ==, g_str_has_prefix (snippet, "…"));
  g_assert_cmpint (found[strlen (inner)] != '\0', ==, g_str_has_suffix (snippet, "…"));
  if (found > text)
    g_assert_cmpint (found[-1], ==, ' ');
  if (found[strlen (inner)] != '\0')
    g_assert_cmpint (found[strlen (inner)], ==, ' ');
  g_assert_false (g_str_has_prefix (inner, " "));
  g_assert_false (g_str_has_suffix (inner, " "));
}

static void
test_snippet_boundaries (void)
{
  g_autofree char *xml = g_strdup_printf (
    "<section id=\"long\"><title>Long</title><p>%s</p>"
    "<list><item>Short item about pain.</item></list></section>", long_paragraph);
  g_autoptr(CgSearchIndex) index = index_new_for_sections (xml);
  struct {
    const char *query;
    const char *highlights;
    gboolean    cut_start;
    gboolean    cut_end;
  } cases[] = {
    { "calcinosis", "Calcinosis", FALSE, TRUE },    /* at the start */
    { "lupus", "lupus", TRUE, TRUE },               /* in the middle */
    { "incomplete", "incomplete", TRUE, FALSE },    /* near the end */
    { "tissue", "tissue", TRUE, TRUE },             /* prefix of "tissues", 56 characters in */
  };
  g_autoptr(CgSearchHit) short_hit = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CgSearchHit) hit = query_one (index, cases[i].query);
      const char *snippet = cg_search_hit_get_snippet (hit);
      g_autofree char *highlights = dup_snippet_highlights (hit);

      g_test_message ("%s → %s", cases[i].query, snippet);
      assert_snippet_cut_at_words (snippet, long_paragraph);
      g_assert_cmpint (g_str_has_prefix (snippet, "…"), ==, cases[i].cut_start);
      g_assert_cmpint (g_str_has_suffix (snippet, "…"), ==, cases[i].cut_end);
      g_assert_true (g_str_has_prefix (highlights, cases[i].highlights));
    }

  /* A short item is shown whole */
  short_hit = query_one (index, "pain");
  g_assert_cmpstr (cg_search_hit_get_snippet (short_hit), ==, "Short item about pain.");
}

static void
test_snippet_highlights (void)
{
  g_autofree char *xml = g_strdup_printf (
    "<section id=\"long\"><title>Long</title><p>%s</p></section>", long_paragraph);
  g_autoptr(CgSearchIndex) index = index_new_for_sections (xml);
  g_autoptr(CgSearchHit) hit = NULL;
  g_autoptr(CgSearchHit) prefix_hit = NULL;
  g_autofree char *highlights = NULL;
  g_autofree char *prefix_highlights = NULL;
  const CgSearchMatch *matches;
  const CgSearchRange *ranges;
  guint n_matches;
  guint n_ranges;

  /* Unaccented query against accented text: the highlight covers "resolución" exactly */
  hit = query_one (index, "resolucion");
  highlights = dup_snippet_highlights (hit);
  g_assert_cmpstr (highlights, ==, "resolución");
  g_clear_object (&hit);
  g_clear_pointer (&highlights, g_free);

  /* The snippet is around the best passage, where both words are closest ("resolución of
   * deposits", not the first "deposits"), and highlights only what it shows… */
  hit = query_one (index, "deposits resolucion");
  highlights = dup_snippet_highlights (hit);
  g_assert_cmpstr (highlights, ==, "resolución|deposits");
  g_assert_cmpuint (cg_search_hit_get_best_match (hit), ==, 1);
  assert_snippet_cut_at_words (cg_search_hit_get_snippet (hit), long_paragraph);

  /* …while the body matches are all there, in reading order, in offsets of the paragraph */
  matches = cg_search_hit_get_matches (hit, &n_matches);
  g_assert_cmpuint (n_matches, ==, 3);
  g_assert_cmpuint (matches[2].block, ==, 0);
  g_assert_cmpuint (matches[2].item, ==, 0);
  g_assert_cmpuint (matches[0].start, ==, strstr (long_paragraph, "deposits") - long_paragraph);
  g_assert_cmpuint (matches[1].start, ==, strstr (long_paragraph, "resolución") - long_paragraph);
  g_assert_cmpuint (matches[1].end - matches[1].start, ==, strlen ("resolución"));

  /* A prefix highlights what was typed, on the original characters */
  prefix_hit = query_one (index, "RESOLUC");
  prefix_highlights = dup_snippet_highlights (prefix_hit);
  g_assert_cmpstr (prefix_highlights, ==, "resoluc");
  ranges = cg_search_hit_get_snippet_ranges (prefix_hit, &n_ranges);
  g_assert_cmpuint (n_ranges, ==, 1);
  g_assert_cmpuint (ranges[0].end - ranges[0].start, ==, strlen ("resoluc"));
}

static void
test_highlight_offsets_folded (void)
{
  g_autoptr(CgSearchIndex) index = index_new_for_sections (
    "<section id=\"size\"><title>Größe der Ablagerungen</title>"
    "<p>Die Straße, das Café und die ﬁbröse Kapsel.</p></section>");
  struct {
    const char *query;
    const char *title;   /* the highlighted part of the title, or NULL */
    const char *body;    /* the highlighted part of the body */
  } cases[] = {
    { "grosse ablag", "Größe|Ablag", NULL },
    { "strasse", NULL, "Straße" },
    { "stras", NULL, "Straß" },          /* the cut falls inside ß → ss: round out */
    { "strass", NULL, "Straß" },
    { "cafe", NULL, "Café" },
    { "caf", NULL, "Caf" },
    { "fibrose", NULL, "ﬁbröse" },
    { "fib", NULL, "ﬁb" },
    { "fi", NULL, "ﬁ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CgSearchHit) hit = query_one (index, cases[i].query);
      CgSection *section = cg_search_hit_get_section (hit);
      g_autoptr(GString) title = g_string_new (NULL);
      const CgSearchRange *ranges;
      const CgSearchMatch *matches;
      guint n_ranges;
      guint n_matches;

      ranges = cg_search_hit_get_title_ranges (hit, &n_ranges);
      for (guint j = 0; j < n_ranges; j++)
        {
          g_autofree char *text = dup_range (cg_section_get_title (section), &ranges[j]);

          g_string_append_printf (title, "%s%s", j > 0 ? "|" : "", text);
        }
      g_assert_cmpstr (n_ranges > 0 ? title->str : NULL, ==, cases[i].title);

      matches = cg_search_hit_get_matches (hit, &n_matches);
      if (cases[i].body == NULL)
        g_assert_cmpuint (n_matches, ==, 0);
      else
        {
          const char *text = cg_section_get_block (section, matches[0].block)->text;
          CgSearchRange range = { matches[0].start, matches[0].end };
          g_autofree char *body = dup_range (text, &range);

          g_assert_cmpuint (n_matches, ==, 1);
          g_assert_cmpstr (body, ==, cases[i].body);
        }
    }
}

static void
test_list_items (void)
{
  g_autoptr(CgSearchIndex) index = index_new_for_sections (
    "<section id=\"list\"><title>List</title>"
    "<p>Intro about the kidney.</p>"
    "<list><item>Kidney disease.</item><item>Nothing.</item><item>Both kidneys, kidney.</item></list>"
    "</section>");
  g_autoptr(CgSearchHit) hit = query_one (index, "kidney");
  const CgSearchMatch *matches;
  guint n_matches;
  const struct { guint block, item, start, end; } expected[] = {
    { 0, 0, 16, 22 },
    { 1, 0, 0, 6 },
    { 1, 2, 5, 11 },   /* the typed prefix of "kidneys" */
    { 1, 2, 14, 20 },
  };

  matches = cg_search_hit_get_matches (hit, &n_matches);
  g_assert_cmpuint (n_matches, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n_matches; i++)
    {
      g_assert_cmpuint (matches[i].block, ==, expected[i].block);
      g_assert_cmpuint (matches[i].item, ==, expected[i].item);
      g_assert_cmpuint (matches[i].start, ==, expected[i].start);
      g_assert_cmpuint (matches[i].end, ==, expected[i].end);
    }
  g_assert_cmpstr (cg_search_hit_get_snippet (hit), ==, "Intro about the kidney.");
}

static void
test_max_hits (void)
{
  g_autoptr(CgSearchIndex) index = index_new_for_shipped ();
  g_autoptr(GPtrArray) all = cg_search_index_query (index, "calc", 0);
  g_autoptr(GPtrArray) some = cg_search_index_query (index, "calc", 2);

  g_assert_cmpuint (all->len, >, 2);
  g_assert_cmpuint (some->len, ==, 2);
  for (guint i = 0; i < some->len; i++)
    g_assert_true (cg_search_hit_get_section (g_ptr_array_index (all, i)) ==
                   cg_search_hit_get_section (g_ptr_array_index (some, i)));
}

static void
test_shipped (void)
{
  g_autoptr(CgSearchIndex) index = index_new_for_shipped ();
  g_autoptr(CgSearchHit) painkillers = NULL;
  g_autoptr(CgSearchHit) xray = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *xray_highlights = NULL;

  g_assert_cmpuint (cg_search_index_get_n_sections (index), ==, 7);

  /* "calc" finds calcium and calcinosis: every section */
  hits = cg_search_index_query (index, "calc", 0);
  g_assert_cmpuint (hits->len, ==, 7);

  /* The keyword "kidney" puts Causes first; the body finds the others */
  assert_query (index, "kidney", "causes,prevention,treatment");
  /* …and Diagnosis, with "diseases" but no kidney, after those with both words */
  assert_query (index, "kidney disease", "causes,prevention,treatment,diagnosis");
  /* Causes answers "Why do these lumps form?": after Symptoms, which has the word in a
   * question, a keyword and its body */
  assert_query (index, "lumps", "symptoms,causes,diagnosis");
  assert_query (index, "Diagnosis", "diagnosis,overview,summary");

  painkillers = query_one (index, "painkillers");
  g_assert_cmpstr (cg_section_get_id (cg_search_hit_get_section (painkillers)), ==, "treatment");
  g_assert_cmpstr (cg_search_hit_get_matched_keyword (painkillers), ==, "painkillers");

  xray = query_one (index, "x-ray");
  g_assert_cmpstr (cg_section_get_id (cg_search_hit_get_section (xray)), ==, "diagnosis");
  g_assert_null (cg_search_hit_get_matched_keyword (xray));
  xray_highlights = dup_snippet_highlights (xray);
  g_assert_cmpstr (xray_highlights, ==, "X|ray");
}

static void
test_lifetime (void)
{
  CgSearchIndex *index = index_new_for_sections (matching_sections);
  g_autoptr(GPtrArray) hits = cg_search_index_query (index, "kidney", 0);
  CgSearchHit *hit = g_object_ref (g_ptr_array_index (hits, 0));
  CgSearchHit *unused = g_object_ref (g_ptr_array_index (hits, 1));
  CgSection *section = cg_search_hit_get_section (hit);
  GObject *weak_index = G_OBJECT (index);
  const CgSearchMatch *matches;
  const char *snippet;
  guint n_matches;

  /* The caller may drop the index (and the bundle is long gone): a hit keeps what it needs to
   * compute its details later, and lets go of the index once it has */
  g_object_add_weak_pointer (weak_index, (gpointer *)&weak_index);
  g_object_unref (index);
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_nonnull (weak_index);

  g_assert_cmpstr (cg_section_get_id (section), ==, "disease");
  snippet = cg_search_hit_get_snippet (hit);
  g_assert_cmpstr (snippet, ==, "Calcinosis occurs with chronic kidney disease.");
  g_assert_nonnull (weak_index);   /* still held by the hit that has not computed its details */
  g_assert_finalize_object (unused);
  g_assert_null (weak_index);

  /* Details are computed once and stay: asking again gives the very same data, without the
   * index */
  matches = cg_search_hit_get_matches (hit, &n_matches);
  g_assert_true (cg_search_hit_get_snippet (hit) == snippet);
  g_assert_true (cg_search_hit_get_matches (hit, NULL) == matches);
  g_assert_cmpstr (snippet, ==, "Calcinosis occurs with chronic kidney disease.");
  g_assert_cmpuint (n_matches, ==, 1);
  g_assert_finalize_object (hit);
}

/* Forgiving search: misspellings, filler words, partial matches, best passages, languages */

/* The ids of @query's hits, and in @corrected its corrected query ("" when none) */
static char *
search_ids (CgSearchIndex  *index,
            const char     *query,
            CgSearchFlags   flags,
            char          **corrected)
{
  g_autoptr(CgSearchResults) results = cg_search_index_search (index, query, 0, flags);
  GPtrArray *hits = cg_search_results_get_hits (results);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_cmpstr (cg_search_results_get_query (results), ==, query);
  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? "," : "",
                            cg_section_get_id (cg_search_hit_get_section (g_ptr_array_index (hits, i))));
  *corrected = g_strdup (cg_search_results_get_corrected_query (results) ?: "");

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_search(index, query, flags, expected_ids, expected_correction) G_STMT_START { \
  g_autofree char *corrected_ = NULL; \
  g_autofree char *ids_ = search_ids (index, query, flags, &corrected_); \
  g_assert_cmpstr (ids_, ==, expected_ids); \
  g_assert_cmpstr (corrected_, ==, expected_correction); \
} G_STMT_END

static void
test_edit_distance (void)
{
  struct {
    const char *a;
    const char *b;
    guint max;
    guint distance;
  } cases[] = {
    { "kitten", "sitting", 3, 3 },
    { "kitten", "sitting", 2, 3 },     /* above max: max + 1 */
    { "calcinosis", "calcinosis", 2, 0 },
    { "calcinosis", "calicnosis", 2, 1 }, /* a swap of neighbours is one edit */
    { "calcinosis", "calcinossis", 2, 1 },
    { "calcinosis", "calcinos", 2, 2 },
    { "calcinosis", "calc", 2, 3 },    /* lengths alone rule it out */
    { "röntgen", "rontgen", 1, 1 },    /* characters, not bytes */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gunichar *a = g_utf8_to_ucs4 (cases[i].a, -1, NULL, NULL, NULL);
      g_autofree gunichar *b = g_utf8_to_ucs4 (cases[i].b, -1, NULL, NULL, NULL);

      g_assert_cmpuint (cg_search_edit_distance (a, g_utf8_strlen (cases[i].a, -1),
                                                 b, g_utf8_strlen (cases[i].b, -1),
                                                 cases[i].max), ==, cases[i].distance);
    }

  g_assert_cmpuint (cg_search_get_max_edits (4), ==, 0);
  g_assert_cmpuint (cg_search_get_max_edits (5), ==, 1);
  g_assert_cmpuint (cg_search_get_max_edits (7), ==, 1);
  g_assert_cmpuint (cg_search_get_max_edits (8), ==, 2);
}

static void
test_typos (void)
{
  g_autoptr(CgSearchIndex) shipped = index_new_for_shipped ();
  g_autoptr(CgSearchIndex) index = index_new_for_language ("en",
    "<section id=\"near\"><title>Near</title><p>Osteoporasis in the body.</p></section>"
    "<section id=\"far\"><title>Ostoporasis</title><p>Nothing.</p></section>"
    "<section id=\"both\"><title>Both</title><p>Chronic calcinosis.</p></section>"
    "<section id=\"exact\"><title>Exact</title><p>Chronic disease.</p></section>"
    "<section id=\"corrected\"><title>Calcinosis</title><p>Deposits.</p></section>"
    "<section id=\"lumps\"><title>Lumps</title><p>Lumps under the skin.</p></section>");
  g_autofree char *exact_ids = query_ids (shipped, "calcinosis");
  g_autofree char *exact_dermatomyositis = query_ids (shipped, "dermatomyositis");

  /* Misspelt medical words find what the right spelling finds, and say so */
  assert_search (shipped, "calcinossis", CG_SEARCH_DEFAULT, exact_ids, "calcinosis");
  assert_search (shipped, "dermatomyosits", CG_SEARCH_DEFAULT, exact_dermatomyositis, "dermatomyositis");
  /* A swap of neighbours is one edit; two edits from 8 characters */
  assert_search (shipped, "calicnosis", CG_SEARCH_DEFAULT, exact_ids, "calcinosis");
  assert_search (shipped, "calcinnossis", CG_SEARCH_DEFAULT, exact_ids, "calcinosis");
  /* Only the misspelt words change in the corrected query */
  assert_search (shipped, "Kidny DISEASE", CG_SEARCH_DEFAULT,
                 "causes,prevention,treatment,diagnosis", "kidney DISEASE");
  /* No correction for a word found as typed, or with corrections turned off */
  assert_search (shipped, "calcinosis", CG_SEARCH_DEFAULT, exact_ids, "");
  assert_search (shipped, "calcinossis", CG_SEARCH_NO_CORRECTIONS, "", "");

  /* One edit from 5 to 7 characters, none below 5 */
  assert_search (index, "lumpps", CG_SEARCH_DEFAULT, "lumps", "lumps");
  assert_search (index, "lumppss", CG_SEARCH_DEFAULT, "", "");
  assert_search (index, "lumsp", CG_SEARCH_DEFAULT, "lumps", "lumps");
  assert_search (index, "lupms ", CG_SEARCH_DEFAULT, "lumps", "lumps ");
  assert_search (index, "lmps ", CG_SEARCH_DEFAULT, "", "");

  /* Closer corrections first, before the tier: "far" has the word in its title, two edits away
   * (not "osteoporosys": Snowball gives it the stem of "osteoporosis", so it is no correction) */
  assert_search (index, "osteoporosis", CG_SEARCH_DEFAULT, "near,far", "osteoporasis");

  /* Exact matches above corrected ones: both words, then "chronic" as typed, then the
   * correction, although it is in a title */
  assert_search (index, "chronic calcinossis", CG_SEARCH_DEFAULT, "both,exact,corrected",
                 "chronic calcinosis");
}

static void
test_correction_spelling (void)
{
  g_autoptr(CgSearchIndex) index = index_new_for_language ("es",
    "<section id=\"long\"><title>Largo</title><p>La resolución de los depósitos es lenta.</p></section>");

  /* The correction is spelt as in the text, accents included, in lower case */
  assert_search (index, "resolucoin", CG_SEARCH_DEFAULT, "long", "resolución");
  assert_search (index, "Depositso lentos", CG_SEARCH_DEFAULT, "long", "depósitos lentos");
}

static void
test_stop_words (void)
{
  g_autoptr(CgSearchIndex) shipped = index_new_for_shipped ();
  g_autoptr(CgSearchIndex) es = index_new_for_language ("es",
    "<section id=\"que\"><title>Qué es</title><p>La calcinosis es un depósito de calcio.</p></section>"
    "<section id=\"otra\"><title>Otra</title><p>La piel.</p></section>");
  g_autoptr(CgSearchIndex) fr = index_new_for_language ("fr",
    "<section id=\"def\"><title>Définition</title><p>La calcinose est un dépôt de calcium.</p></section>"
    "<section id=\"autre\"><title>Autre</title><p>La peau.</p></section>");
  g_autoptr(CgSearchIndex) de = index_new_for_language ("de",
    "<section id=\"was\"><title>Was ist das</title><p>Die Kalzinose ist eine Ablagerung.</p></section>"
    "<section id=\"andere\"><title>Andere</title><p>Die Haut.</p></section>");
  g_autofree char *calcinosis = query_ids (shipped, "calcinosis");
  g_autofree char *calcinosis_kidney = query_ids (shipped, "calcinosis kidney");

  /* Filler words are left out of a question… */
  assert_query (shipped, "what is calcinosis", calcinosis);
  assert_query (shipped, "What's the calcinosis", calcinosis);
  assert_query (shipped, "how is my calcinosis and the kidney", calcinosis_kidney);
  assert_query (es, "¿qué es la calcinosis?", "que");
  assert_query (fr, "qu'est-ce que la calcinose", "def");
  assert_query (de, "was ist eine Kalzinose", "was");

  /* …but they are searched for when they are the whole query: in every section with a
   * question that starts with "what", the one that defines calcinosis first */
  assert_query (shipped, "what is", "summary,overview,causes,prevention,symptoms,treatment,diagnosis");
  assert_query (es, "qué es", "que");
  assert_query (es, "la", "que,otra");
  assert_query (de, "was ist das", "was");
  assert_query (de, "die", "was,andere");
}

static void
test_partial (void)
{
  g_autoptr(CgSearchIndex) index = index_new_for_language ("en",
    "<section id=\"one\"><title>One</title><p>Chronic pain.</p></section>"
    "<section id=\"all\"><title>All</title><p>Chronic kidney disease.</p></section>"
    "<section id=\"title\"><title>Kidney</title><p>Nothing.</p></section>"
    "<section id=\"two\"><title>Two</title><p>Chronic kidney.</p></section>");
  g_autoptr(CgSearchIndex) shipped = index_new_for_shipped ();
  g_autofree char *treatment_options = NULL;

  /* All the words first, then half of them (a title match ranks within its group only) */
  assert_query (index, "chronic kidney", "all,two,title,one");
  /* Two of three words are enough, one is not */
  assert_query (index, "chronic kidney disease", "all,two");
  /* A word that matches nothing only lowers the rank */
  assert_query (index, "chronic kidney options", "all,two");
  /* Fewer than half the words: not found */
  assert_query (index, "chronic zzz yyy", "");
  /* "treatment options": Treatment, though nothing says "options" */
  treatment_options = query_ids (shipped, "treatment options");
  g_assert_true (g_str_has_prefix (treatment_options, "treatment,"));
}

static void
test_best_passage (void)
{
  g_autoptr(CgSearchIndex) shipped = index_new_for_shipped ();
  g_autoptr(GPtrArray) hits = cg_search_index_query (shipped, "kidney disease", 0);
  CgSearchHit *causes = g_ptr_array_index (hits, 0);
  CgSection *section = cg_search_hit_get_section (causes);
  const CgSearchMatch *matches;
  const CgBlock *block;
  guint n_matches;
  guint best;
  g_autofree char *highlights = NULL;
  g_autofree char *best_word = NULL;

  g_assert_cmpstr (cg_section_get_id (section), ==, "causes");

  /* Not "…condition or disease…" of the first paragraph: the item where both words are */
  g_assert_null (strstr (cg_search_hit_get_snippet (causes), "condition or disease"));
  g_assert_nonnull (strstr (cg_search_hit_get_snippet (causes), "chronic kidney disease"));
  highlights = dup_snippet_highlights (causes);
  g_assert_cmpstr (highlights, ==, "kidney|disease");

  /* Every match is still there to highlight; the best one is where to scroll */
  matches = cg_search_hit_get_matches (causes, &n_matches);
  best = cg_search_hit_get_best_match (causes);
  g_assert_cmpuint (n_matches, >=, 4);
  g_assert_cmpuint (best, >, 0);
  g_assert_cmpuint (best, <, n_matches);
  block = cg_section_get_block (section, matches[0].block);
  g_assert_cmpint (block->kind, ==, CG_BLOCK_PARAGRAPH);   /* "…condition or disease" */
  block = cg_section_get_block (section, matches[best].block);
  g_assert_cmpint (block->kind, ==, CG_BLOCK_LIST);
  best_word = g_strndup (block->items[matches[best].item] + matches[best].start,
                         matches[best].end - matches[best].start);
  g_assert_cmpstr (best_word, ==, "kidney");
  g_assert_nonnull (strstr (block->items[matches[best].item], "chronic kidney disease"));
}

static CgSearchIndex *
index_new_for_shipped_language (const char *language)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;

  topics = cg_library_list_topics (library, language, &error);
  g_assert_no_error (error);

  return cg_search_index_new (topics);
}

/* The first hit's section id and the keyword it matched ("" for none) */
static char *
dup_first_hit (CgSearchIndex *index,
               const char    *query)
{
  g_autoptr(GPtrArray) hits = cg_search_index_query (index, query, 0);
  CgSearchHit *hit;

  g_assert_cmpuint (hits->len, >, 0);
  hit = g_ptr_array_index (hits, 0);

  return g_strdup_printf ("%s %s", cg_section_get_id (cg_search_hit_get_section (hit)),
                          cg_search_hit_get_matched_keyword (hit) ?: "");
}

static void
test_lay_keywords (void)
{
  struct {
    const char *language;
    const char *query;
    const char *first;   /* section id, then the keyword matched */
  } cases[] = {
    { "es", "rayos x", "diagnosis rayos x" },
    { "es", "radiografia", "diagnosis " },    /* also in the text: "radiografías" */
    { "es", "placa", "diagnosis placa" },
    { "es", "bultos", "symptoms " },
    { "es", "calmantes", "treatment calmantes" },
    { "fr", "bosses", "symptoms bosses" },
    { "fr", "radio", "diagnosis " },
    { "fr", "rayons x", "diagnosis rayons x" },
    { "fr", "piqure", "treatment piqûre" },
    { "de", "Knoten", "symptoms " },
    { "de", "Knubbel", "symptoms Knubbel" },
    { "de", "Röntgen", "diagnosis " },
    { "de", "Roentgenbild", "diagnosis Röntgenbild" },
    { "de", "roentgen", "diagnosis " },
    { "de", "Spritze", "treatment Spritze" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CgSearchIndex) index = index_new_for_shipped_language (cases[i].language);
      g_autofree char *first = dup_first_hit (index, cases[i].query);

      g_test_message ("%s: %s", cases[i].language, cases[i].query);
      g_assert_cmpstr (first, ==, cases[i].first);
    }
}

static void
test_german_spelling (void)
{
  g_autoptr(CgSearchIndex) de = index_new_for_language ("de",
    "<section id=\"groesse\"><title>Größe</title><p>Übelkeit und Röntgen.</p></section>"
    "<section id=\"feuer\"><title>Feuer</title><p>Die Straße.</p></section>");
  g_autoptr(CgSearchIndex) es = index_new_for_language ("es",
    "<section id=\"groesse\"><title>Größe</title><p>Übelkeit und Röntgen.</p></section>");
  g_autoptr(CgSearchHit) hit = NULL;
  const CgSearchRange *ranges;
  guint n_ranges;
  g_autofree char *title = NULL;

  /* ae, oe, ue for ä, ö, ü, ss for ß; with or without */
  assert_search (de, "groesse", CG_SEARCH_DEFAULT, "groesse", "");
  assert_search (de, "Groeße", CG_SEARCH_DEFAULT, "groesse", "");
  assert_search (de, "grosse", CG_SEARCH_DEFAULT, "groesse", "");
  assert_search (de, "uebelkeit roentgen", CG_SEARCH_DEFAULT, "groesse", "");
  assert_search (de, "roent", CG_SEARCH_DEFAULT, "groesse", "");
  assert_search (de, "strasse", CG_SEARCH_DEFAULT, "feuer", "");
  /* A real "ue" still matches itself */
  assert_search (de, "feuer", CG_SEARCH_DEFAULT, "feuer", "");
  /* German only: elsewhere "oe" is two letters (and too short a word to correct) */
  assert_search (es, "groesse ", CG_SEARCH_NO_CORRECTIONS, "", "");

  /* The highlight covers the umlaut */
  hit = query_one (de, "groesse");
  ranges = cg_search_hit_get_title_ranges (hit, &n_ranges);
  g_assert_cmpuint (n_ranges, ==, 1);
  title = dup_range (cg_section_get_title (cg_search_hit_get_section (hit)), &ranges[0]);
  g_assert_cmpstr (title, ==, "Größe");
}

/* The title or body text a hit highlighted first, for checking what matched */
static char *
dup_first_highlight (CgSearchHit *hit)
{
  CgSection *section = cg_search_hit_get_section (hit);
  const CgSearchRange *ranges;
  const CgSearchMatch *matches;
  const CgBlock *block;
  guint n;

  ranges = cg_search_hit_get_title_ranges (hit, &n);
  if (n > 0)
    return dup_range (cg_section_get_title (section), &ranges[0]);

  matches = cg_search_hit_get_matches (hit, &n);
  g_assert_cmpuint (n, >, 0);
  block = cg_section_get_block (section, matches[0].block);
  return g_strndup ((block->kind == CG_BLOCK_PARAGRAPH ? block->text : block->items[matches[0].item]) +
                    matches[0].start, matches[0].end - matches[0].start);
}

static void
test_stems (void)
{
  g_autoptr(CgSearchIndex) index = index_new_for_language ("en",
    "<section id=\"as-typed\"><title>One</title><p>Deposits are treated.</p></section>"
    "<section id=\"same-stem\"><title>Two</title><p>Treating the deposits.</p></section>"
    "<section id=\"longer-stem\"><title>Treatment</title><p>Nothing.</p></section>"
    "<section id=\"other\"><title>Three</title><p>A treaty.</p></section>"
    "<section id=\"corrected\"><title>Four</title><p>Calcinosis.</p></section>");
  g_autoptr(GPtrArray) hits = cg_search_index_query (index, "treated ", 0);
  const char *expected[] = { "as-typed", "longer-stem", "same-stem", "other" };
  const char *highlights[] = { "treated", "Treat", "Treating", "treat" };

  /* The word as typed first; then its stem, "treat": "treatment" starts with it (and its title
   * weighs more than a body), "treating" has it; "treaty", stem "treati", also starts with it:
   * the price of finding "treatment" without a list of English suffixes */
  g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < hits->len; i++)
    {
      CgSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *highlight = dup_first_highlight (hit);

      g_assert_cmpstr (cg_section_get_id (cg_search_hit_get_section (hit)), ==, expected[i]);
      /* The whole word, or the stem a longer word starts with */
      g_assert_cmpstr (highlight, ==, highlights[i]);
    }

  /* A stem ranks above a correction; a word found by its stem is not corrected; stems are no
   * corrections, so CG_SEARCH_NO_CORRECTIONS keeps them */
  assert_search (index, "treating calcinossis", CG_SEARCH_DEFAULT,
                 "same-stem,longer-stem,other,as-typed,corrected", "treating calcinosis");
  assert_search (index, "treatings ", CG_SEARCH_DEFAULT, "longer-stem,same-stem,other,as-typed", "");
  assert_search (index, "treatings ", CG_SEARCH_NO_CORRECTIONS, "longer-stem,same-stem,other,as-typed", "");
}

static void
test_german_compounds (void)
{
  g_autoptr(CgSearchIndex) de = index_new_for_language ("de",
    "<section id=\"kalk\"><title>Kalk</title><p>Kalkablagerungen im Gewebe.</p></section>"
    "<section id=\"blut\"><title>Labor</title><p>Blutuntersuchungen und ein Bluttest.</p></section>"
    "<section id=\"op\"><title>OP</title><keywords><keyword>operieren</keyword></keywords>"
    "<p>Nichts.</p></section>");
  g_autoptr(CgSearchIndex) es = index_new_for_language ("es",
    "<section id=\"kalk\"><title>Kalk</title><p>Kalkablagerungen im Gewebe.</p></section>");

  /* The end of a compound, from six letters; its beginning, from four */
  assert_search (de, "Ablagerungen ", CG_SEARCH_DEFAULT, "kalk", "");
  assert_search (de, "Blut abnehmen", CG_SEARCH_DEFAULT, "blut", "");
  assert_search (de, "Untersuchungen ", CG_SEARCH_DEFAULT, "blut", "");
  assert_search (de, "gerungen ", CG_SEARCH_NO_CORRECTIONS, "kalk", "");
  assert_search (de, "ungen ", CG_SEARCH_NO_CORRECTIONS, "", "");
  /* A participle Snowball leaves whole finds the verb whose stem it starts with */
  assert_search (de, "operiert ", CG_SEARCH_NO_CORRECTIONS, "op", "");
  /* German only */
  assert_search (es, "Ablagerungen ", CG_SEARCH_NO_CORRECTIONS, "", "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-index/fold/case-and-marks", test_fold_case_and_marks);
  g_test_add_func ("/search-index/fold/separators", test_fold_separators);
  g_test_add_func ("/search-index/fold/offsets", test_fold_offsets);
  g_test_add_func ("/search-index/match/prefix", test_match_prefix);
  g_test_add_func ("/search-index/match/and", test_match_and);
  g_test_add_func ("/search-index/match/none", test_no_results);
  g_test_add_func ("/search-index/keyword", test_keyword);
  g_test_add_func ("/search-index/ranking", test_ranking);
  g_test_add_func ("/search-index/snippet/boundaries", test_snippet_boundaries);
  g_test_add_func ("/search-index/snippet/highlights", test_snippet_highlights);
  g_test_add_func ("/search-index/highlight/folded", test_highlight_offsets_folded);
  g_test_add_func ("/search-index/highlight/list-items", test_list_items);
  g_test_add_func ("/search-index/max-hits", test_max_hits);
  g_test_add_func ("/search-index/shipped", test_shipped);
  g_test_add_func ("/search-index/lifetime", test_lifetime);
  g_test_add_func ("/search-index/forgiving/edit-distance", test_edit_distance);
  g_test_add_func ("/search-index/forgiving/typos", test_typos);
  g_test_add_func ("/search-index/forgiving/correction-spelling", test_correction_spelling);
  g_test_add_func ("/search-index/forgiving/stop-words", test_stop_words);
  g_test_add_func ("/search-index/forgiving/partial", test_partial);
  g_test_add_func ("/search-index/forgiving/best-passage", test_best_passage);
  g_test_add_func ("/search-index/forgiving/lay-keywords", test_lay_keywords);
  g_test_add_func ("/search-index/forgiving/german-spelling", test_german_spelling);
  g_test_add_func ("/search-index/forgiving/stems", test_stems);
  g_test_add_func ("/search-index/forgiving/german-compounds", test_german_compounds);

  return g_test_run ();
}
