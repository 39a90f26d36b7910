/* bench-load.c: loading, validating and indexing bundles, for build-aux/bench
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/bench-search prints search times, but times the load of each bundle only once. This
 * program times the same two bundles (the shipped English one, and bench-search's generated
 * 1,000 topics × 7 sections, made by its own generate_bundle()) RUNS times and prints medians:
 *
 *   bench-load [--cpu] [RUNS]
 *   bench-load --write-bundle FILE
 *
 * With --cpu, this thread's CPU time instead of wall-clock time (steadier on a busy machine).
 * One line per bundle, tab-separated: name, sections, load+validate ms, index build ms,
 * load+validate+index ms (the median of the sums), and the floor: libxml2 parsing the same
 * bytes into a tree and freeing it, with no checks, no schema and no model (medians of RUNS).
 *
 * A last line, "memory", gives what the generated bundle holds in the heap once loaded: its text
 * (the bytes of every section's title, keywords, paragraphs and list items), the bytes of its XML
 * file, the model's heap bytes and the search index's heap bytes (glibc's mallinfo2(), which
 * counts what malloc handed out and was not freed).
 *
 * With --write-bundle, it writes the generated bundle to FILE instead (build-aux/bench opens it
 * in the app as a clinic library) and prints nothing.
 */

/* Reuse bench-search's bundle generator and helpers rather than copy them. */
int bench_search_main (int argc, char *argv[]);
#define main bench_search_main
#include "../search/bench-search.c"
#undef main

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

typedef CgBundle *(*LoadFunc) (gpointer data, GError **error);

static CgBundle *
load_shipped (gpointer   data,
              GError   **error)
{
  return cg_bundle_load_resource (data, error);
}

static CgBundle *
load_generated (gpointer   data,
                GError   **error)
{
  return cg_bundle_load_bytes (data, "generated.xml", error);
}

static double
time_floor (GBytes *bytes,
            guint   runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  for (guint run = 0; run < runs; run++)
    {
      double start = now_ms ();
      double elapsed;
      xmlDocPtr doc = xmlReadMemory (data, (int)len, "floor.xml", "UTF-8",
                                     XML_PARSE_NONET | XML_PARSE_NOCDATA |
                                     XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

      if (doc == NULL)
        g_error ("floor: not well-formed");
      xmlFreeDoc (doc);
      elapsed = now_ms () - start;
      g_array_append_val (samples, elapsed);
    }

  return percentile (samples, 0.5);
}

static void
time_bundle (const char *name,
             LoadFunc    load_func,
             gpointer    data,
             GBytes     *bytes,
             guint       runs)
{
  g_autoptr(GArray) load_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) index_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_sections = 0;

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(CgBundle) bundle = NULL;
      g_autoptr(CgSearchIndex) index = NULL;
      g_autoptr(GPtrArray) topics = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      double start = now_ms ();
      double loaded, indexed, elapsed;

      if (!(bundle = load_func (data, &error)))
        g_error ("%s: %s", name, error->message);
      loaded = now_ms ();
      for (guint i = 0; i < cg_bundle_get_n_topics (bundle); i++)
        g_ptr_array_add (topics, cg_bundle_get_topic (bundle, i));
      index = cg_search_index_new (topics);
      indexed = now_ms ();
      n_sections = cg_search_index_get_n_sections (index);

      elapsed = loaded - start;
      g_array_append_val (load_ms, elapsed);
      elapsed = indexed - loaded;
      g_array_append_val (index_ms, elapsed);
      elapsed = indexed - start;
      g_array_append_val (total_ms, elapsed);
    }

  g_print ("%s\t%u\t%.3f\t%.3f\t%.3f\t%.3f\n", name, n_sections, percentile (load_ms, 0.5),
           percentile (index_ms, 0.5), percentile (total_ms, 0.5), time_floor (bytes, runs));
}

static gsize
heap_bytes (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

static gsize
section_text_bytes (CgSection *section)
{
  const char * const *keywords = cg_section_get_keywords (section);
  gsize bytes = strlen (cg_section_get_title (section));

  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    bytes += strlen (keywords[i]);

  for (guint i = 0; i < cg_section_get_n_blocks (section); i++)
    {
      const CgBlock *block = cg_section_get_block (section, i);

      if (block->text != NULL)
        bytes += strlen (block->text);
      for (guint j = 0; block->items != NULL && block->items[j] != NULL; j++)
        bytes += strlen (block->items[j]);
    }

  return bytes;
}

/* Run after the timings, so GType and libxml2's one-time set-up are not counted */
static void
measure_memory (GBytes *xml)
{
  g_autoptr(CgBundle) bundle = NULL;
  g_autoptr(CgSearchIndex) index = NULL;
  g_autoptr(GPtrArray) topics = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gsize before, loaded, indexed, text = 0;

  before = heap_bytes ();
  if (!(bundle = load_generated (xml, &error)))
    g_error ("generated: %s", error->message);
  loaded = heap_bytes ();
  for (guint i = 0; i < cg_bundle_get_n_topics (bundle); i++)
    g_ptr_array_add (topics, cg_bundle_get_topic (bundle, i));
  index = cg_search_index_new (topics);
  indexed = heap_bytes ();

  for (guint i = 0; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);

      text += strlen (cg_topic_get_title (topic));
      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        text += section_text_bytes (cg_topic_get_section (topic, j));
    }

  g_print ("memory\t%" G_GSIZE_FORMAT "\t%" G_GSIZE_FORMAT "\t%" G_GSIZE_FORMAT "\t%" G_GSIZE_FORMAT "\n",
           text, g_bytes_get_size (xml), loaded - before, indexed - loaded);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) sentences = g_ptr_array_new ();
  g_autoptr(GPtrArray) keywords = g_ptr_array_new ();
  g_autoptr(GPtrArray) questions = g_ptr_array_new ();
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GBytes) shipped = NULL;
  g_autoptr(GError) error = NULL;
  const char *shipped_path = RESOURCE_PREFIX "/content/en/calcinosis.xml";
  const char *write_path = NULL;
  guint runs = 11;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--cpu"))
      clock_id = CLOCK_THREAD_CPUTIME_ID;
    else if (g_str_equal (argv[i], "--write-bundle") && i + 1 < argc)
      write_path = argv[++i];
    else
      runs = (guint)MAX (1, atoi (argv[i]));

  /* The generator's word list: the shipped text and keywords, as in bench-search */
  if (!(topics = cg_library_list_topics (library, "en", &error)))
    g_error ("%s", error->message);
  collect_words (topics, sentences, keywords, questions);
  xml = generate_bundle (sentences, keywords, questions);

  if (write_path != NULL)
    {
      if (!g_file_set_contents (write_path, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), &error))
        g_error ("%s", error->message);
      return 0;
    }

  if (!(shipped = g_resources_lookup_data (shipped_path, 0, &error)))
    g_error ("%s", error->message);

  time_bundle ("shipped-en", load_shipped, (gpointer)shipped_path, shipped, runs);
  time_bundle ("generated-1000x7", load_generated, xml, xml, runs);
  measure_memory (xml);

  return 0;
}
