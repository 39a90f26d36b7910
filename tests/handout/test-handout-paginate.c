/* test-handout-paginate.c: the leaflet's page breaks, on made-up measured blocks
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-handout-paginate.h"
#include "handout/cg-test-pages.h"

#define LINE 20.0

typedef struct
{
  CgPaginate *pages;
  int         section;
} Doc;

static guint
add (Doc            *doc,
     CgPaginateKind  kind,
     guint           n_lines,
     double          space_before)
{
  g_autofree double *heights = g_new (double, n_lines);
  CgPaginateBlock block = { 0 };

  for (guint i = 0; i < n_lines; i++)
    heights[i] = LINE;
  block.kind = kind;
  block.n_lines = n_lines;
  block.line_heights = heights;
  block.space_before = space_before;
  block.section = doc->section;
  block.continued = -1;

  return cg_paginate_add_block (doc->pages, &block);
}

/* A section heading with its "(continued)" block just after, out of the flow */
static void
add_heading (Doc *doc)
{
  CgPaginateBlock continued = { 0 };
  double height = LINE * 1.3;
  guint heading;

  doc->section = -1;
  heading = add (doc, CG_PAGINATE_HEADING, 1, LINE);
  continued.kind = CG_PAGINATE_HEADING;
  continued.n_lines = 1;
  continued.line_heights = &height;
  continued.section = -1;
  continued.continued = -1;
  continued.out_of_flow = TRUE;
  ((CgPaginateBlock *)cg_paginate_get_block (doc->pages, heading))->continued =
    cg_paginate_add_block (doc->pages, &continued);
  doc->section = heading;
}

static const CgPaginatePlacement *
get_first (CgPaginate *pages,
           guint       page)
{
  guint n;

  return cg_paginate_get_page (pages, page, &n);
}

/* A list item of three lines moves whole; one taller than a third of the page splits, two
 * lines or more on each side. */
static void
test_list_items (void)
{
  for (double height = 200; height <= 400; height += 7)
    {
      g_autoptr(CgPaginate) pages = cg_paginate_new (height, 0);
      Doc doc = { pages, -1 };
      CgTestPageStats stats = { 0 };
      g_autofree char *label = g_strdup_printf ("page height %g", height);

      add_heading (&doc);
      for (guint i = 0; i < 12; i++)
        add (&doc, CG_PAGINATE_LIST_ITEM, i == 7 ? 8 : 3, 5);
      cg_paginate_run (pages);
      cg_test_check_pages (pages, label, &stats);
      g_assert_cmpuint (stats.n_continued, ==, cg_paginate_get_n_pages (pages) - 1);
    }
}

/* A paragraph splits only between lines, leaving two or more on each page, so a page ends
 * short rather than leave one line behind. */
static void
test_widows_and_orphans (void)
{
  guint split = 0;

  for (double height = 150; height <= 500; height += 3)
    {
      g_autoptr(CgPaginate) pages = cg_paginate_new (height, 0);
      Doc doc = { pages, -1 };
      CgTestPageStats stats = { 0 };
      g_autofree char *label = g_strdup_printf ("page height %g", height);

      add_heading (&doc);
      for (guint i = 0; i < 6; i++)
        add (&doc, CG_PAGINATE_PARAGRAPH, 3 + i % 4, 10);
      cg_paginate_run (pages);
      cg_test_check_pages (pages, label, &stats);
      split += stats.n_split_paragraphs;
    }

  g_assert_cmpuint (split, >, 0);
}

/* Sections flow: a heading goes below the previous section when it fits with two lines, and
 * a one-section handout that fits one page takes one. */
static void
test_sections_flow (void)
{
  g_autoptr(CgPaginate) pages = cg_paginate_new (600, 0);
  Doc doc = { pages, -1 };
  CgTestPageStats stats = { 0 };
  guint n;
  const CgPaginatePlacement *first;

  for (guint s = 0; s < 4; s++)
    {
      add_heading (&doc);
      add (&doc, CG_PAGINATE_PARAGRAPH, 5, 6);
      add (&doc, CG_PAGINATE_LIST_ITEM, 2, 6);
    }
  /* Each section 20 + 20 + 6 + 100 + 6 + 40 = 192 pt: three on page 1 (556 pt), and the
   * fourth's heading with two lines (86 pt) below them would not fit */
  g_assert_cmpuint (cg_paginate_run (pages), ==, 2);
  g_assert_cmpuint (cg_paginate_get_lower_bound (pages), ==, 2);
  cg_test_check_pages (pages, "four sections", &stats);
  first = cg_paginate_get_page (pages, 1, &n);
  g_assert_cmpuint (first[0].block, ==, 12);
  g_assert_cmpfloat_with_epsilon (cg_paginate_get_page_bottom (pages, 0), 556, 0.001);
  g_assert_cmpuint (stats.n_continued, ==, 0);
}

/* Fewest pages: a handout that moving whole sections would spread over three pages fits
 * two when a section runs over the break. */
static void
test_fewest_pages (void)
{
  g_autoptr(CgPaginate) pages = cg_paginate_new (420, 0);
  Doc doc = { pages, -1 };
  CgTestPageStats stats = { 0 };

  for (guint s = 0; s < 3; s++)
    {
      add_heading (&doc);
      for (guint i = 0; i < 5; i++)
        add (&doc, CG_PAGINATE_LIST_ITEM, 2, 4);
    }
  /* Sections of 20 + 20 + 5 × (4 + 40) = 260 pt, the first 240 at the top: no two whole
   * sections share a page, yet all fit two, the second going on below its "(continued)" */
  g_assert_cmpuint (cg_paginate_run (pages), ==, 2);
  cg_test_check_pages (pages, "three sections", &stats);
  g_assert_cmpuint (stats.n_continued, ==, 1);
}

/* A heading is never the last thing on a page, nor followed there by one line only. */
static void
test_heading_keeps (void)
{
  for (double height = 120; height <= 300; height += 2)
    {
      g_autoptr(CgPaginate) pages = cg_paginate_new (height, 0);
      Doc doc = { pages, -1 };
      CgTestPageStats stats = { 0 };
      g_autofree char *label = g_strdup_printf ("page height %g", height);

      add (&doc, CG_PAGINATE_PARAGRAPH, 3, 0);
      add_heading (&doc);
      add (&doc, CG_PAGINATE_PARAGRAPH, 1, 5);
      add (&doc, CG_PAGINATE_LIST_ITEM, 1, 5);
      add (&doc, CG_PAGINATE_LIST_ITEM, 1, 5);
      add_heading (&doc);
      add (&doc, CG_PAGINATE_PARAGRAPH, 6, 5);
      cg_paginate_run (pages);
      cg_test_check_pages (pages, label, &stats);
    }
}

/* Made-up handouts of every shape, on pages of many heights, the note's frame included */
static void
test_random_documents (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  guint n_continued = 0;
  guint n_pages = 0;

  for (guint d = 0; d < 300; d++)
    {
      g_autoptr(CgPaginate) pages = cg_paginate_new (g_rand_double_range (rand, 250, 800), 9);
      Doc doc = { pages, -1 };
      CgTestPageStats stats = { 0 };
      g_autofree char *label = g_strdup_printf ("document %u", d);
      guint n_sections = g_rand_int_range (rand, 1, 8);

      add (&doc, CG_PAGINATE_FIXED, 2, 0);
      ((CgPaginateBlock *)cg_paginate_get_block (pages, 0))->keep_with_next = TRUE;
      add (&doc, CG_PAGINATE_FIXED, 1, 4);
      for (guint s = 0; s < n_sections; s++)
        {
          guint n_blocks = g_rand_int_range (rand, 1, 9);

          add_heading (&doc);
          for (guint b = 0; b < n_blocks; b++)
            {
              gboolean list = g_rand_boolean (rand);
              guint index = add (&doc, list ? CG_PAGINATE_LIST_ITEM : CG_PAGINATE_PARAGRAPH,
                                 g_rand_int_range (rand, 1, list ? 5 : 10), 6);
              CgPaginateBlock *block = (CgPaginateBlock *)cg_paginate_get_block (pages, index);

              block->boxed = s == 0;
              block->keep_with_next = list && b == 0 && n_blocks > 1;
            }
        }
      cg_paginate_run (pages);
      cg_test_check_pages (pages, label, &stats);
      n_continued += stats.n_continued;
      n_pages += stats.n_pages;
    }

  g_test_message ("%u pages, %u of them continued", n_pages, n_continued);
  g_assert_cmpuint (n_continued, >, 0);
}

/* A block taller than a page is broken where it must, and says so. */
static void
test_too_tall (void)
{
  g_autoptr(CgPaginate) pages = cg_paginate_new (100, 0);
  Doc doc = { pages, -1 };

  add (&doc, CG_PAGINATE_FIXED, 12, 0);
  g_assert_cmpuint (cg_paginate_run (pages), ==, 3);
  g_assert_cmpuint (cg_paginate_get_n_broken_rules (pages), ==, 2);
  g_assert_cmpuint (get_first (pages, 1)->line, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handout-paginate/list-items", test_list_items);
  g_test_add_func ("/handout-paginate/widows-and-orphans", test_widows_and_orphans);
  g_test_add_func ("/handout-paginate/sections-flow", test_sections_flow);
  g_test_add_func ("/handout-paginate/fewest-pages", test_fewest_pages);
  g_test_add_func ("/handout-paginate/heading-keeps", test_heading_keeps);
  g_test_add_func ("/handout-paginate/random-documents", test_random_documents);
  g_test_add_func ("/handout-paginate/too-tall", test_too_tall);

  return g_test_run ();
}
