/* bench-paginate.c: how long the handout builder's preview takes to lay out the longest
 * handout after a tick, for build-aux/bench
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The longest handout: every section, a 2,000-character note, in each language and on each
 * paper. A tick in the builder makes a new layout, adds the sections, measures the text and
 * paginates (cg_handout_layout_paginate()): that whole step is timed, and the pagination
 * engine alone (cg_paginate_run() on blocks already measured) beside it. Prints one line per
 * print size:
 *
 *   paginate <normal|large>\tmedian MS\tp99 MS\tengine MS\tpages N\tbound N\tcpu MS
 *
 * (wall-clock, and the process's CPU time median for a busy machine)
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "cg-bundle.h"
#include "cg-handout-layout.h"
#include "cg-handout-note.h"
#include "cg-library.h"
#include "cg-section.h"
#include "cg-topic.h"

static const char * const languages[] = { "en", "es", "fr", "de" };

static char *
make_note (void)
{
  GString *note = g_string_new (NULL);

  while (note->len < CG_HANDOUT_NOTE_MAX_CHARS)
    g_string_append (note, "Keep the dressing dry and call the clinic if the lump turns red. ");
  g_string_truncate (note, CG_HANDOUT_NOTE_MAX_CHARS);

  return g_string_free (note, FALSE);
}

/* What a tick in the builder does: a new layout of the ticked sections, paginated */
static CgHandoutLayout *
build_and_paginate (CgBundle   *bundle,
                    gboolean    large_print,
                    CgPaper     paper,
                    const char *note)
{
  CgHandoutLayout *layout = cg_handout_layout_new (bundle);
  double width, height;

  cg_handout_layout_set_large_print (layout, large_print);
  cg_handout_layout_set_paper (layout, paper);
  cg_handout_layout_set_note (layout, note);
  for (guint t = 0; t < cg_bundle_get_n_topics (bundle); t++)
    for (guint s = 0; s < cg_topic_get_n_sections (cg_bundle_get_topic (bundle, t)); s++)
      cg_handout_layout_add_section (layout, cg_topic_get_section (cg_bundle_get_topic (bundle, t), s));
  cg_paper_get_size (paper, &width, &height);
  cg_handout_layout_paginate (layout, width, height);

  return layout;
}

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);

  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
bench (CgLibrary  *library,
       gboolean    large_print,
       const char *note,
       guint       runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) engine = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  guint max_pages = 0, bound = 0;

  for (guint r = 0; r < runs; r++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      for (CgPaper paper = CG_PAPER_A4; paper <= CG_PAPER_LETTER; paper++)
        {
          CgBundle *bundle = cg_library_get_bundle (library, languages[l], NULL);
          double cpu_start = cpu_ms ();
          gint64 start = g_get_monotonic_time ();
          g_autoptr(CgHandoutLayout) layout = build_and_paginate (bundle, large_print, paper, note);
          double ms = (g_get_monotonic_time () - start) / 1000.0;
          double cpu_used = cpu_ms () - cpu_start;
          CgPaginate *pages = cg_handout_layout_get_pagination (layout);

          g_array_append_val (times, ms);
          g_array_append_val (cpu, cpu_used);
          start = g_get_monotonic_time ();
          cg_paginate_run (pages);
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (engine, ms);
          if (cg_paginate_get_n_pages (pages) > max_pages)
            {
              max_pages = cg_paginate_get_n_pages (pages);
              bound = cg_paginate_get_lower_bound (pages);
            }
        }

  g_array_sort (times, compare_doubles);
  g_array_sort (engine, compare_doubles);
  g_array_sort (cpu, compare_doubles);
  g_print ("paginate %s\tmedian %.2f\tp99 %.2f\tengine %.3f\tpages %u\tbound %u\tcpu %.2f\n",
           large_print ? "large" : "normal",
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, MIN (times->len - 1, times->len * 99 / 100)),
           g_array_index (engine, double, engine->len / 2), max_pages, bound,
           g_array_index (cpu, double, cpu->len / 2));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autofree char *note = make_note ();
  guint runs = argc > 1 ? (guint)atoi (argv[1]) : 11;

  /* A first run outside the figures: fonts and the bundles load once per process */
  g_object_unref (build_and_paginate (cg_library_get_bundle (library, "en", NULL), FALSE,
                                      CG_PAPER_A4, note));
  bench (library, FALSE, note, MAX (runs, 1));
  bench (library, TRUE, note, MAX (runs, 1));

  return 0;
}
