/* test-handout-blocks.c: a handout's text as the pagination engine receives it
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-bundle.h"
#include "cg-handout-layout.h"
#include "cg-library.h"
#include "cg-section.h"

static CgPaginate *
paginate (CgHandoutLayout *layout,
          gboolean         large_print)
{
  cg_handout_layout_set_large_print (layout, large_print);
  cg_handout_layout_paginate (layout, 595, 842);

  return cg_handout_layout_get_pagination (layout);
}

/* Letterhead, title and date kept together; the note a framed section of its own; each
 * section's heading with its "(continued)" block out of the flow, its text in its section */
static void
test_kinds_and_sections (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  CgBundle *bundle = cg_library_get_bundle (library, "en", NULL);
  g_autoptr(CgHandoutLayout) layout = cg_handout_layout_new (bundle);
  const char *ids[] = { "overview", "causes", "treatment" };
  const CgPaginateBlock *block;
  CgPaginate *pages;
  guint n_headings = 0;
  guint n_items = 0;
  guint n_after_sections = 0;
  int heading = -1;

  cg_handout_layout_set_clinic_header (layout, "Riverside Clinic");
  cg_handout_layout_set_note (layout, "Come back in six weeks.");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (cg_handout_layout_add_section (layout, cg_bundle_lookup_section (bundle, ids[i])));
  g_assert_null (cg_handout_layout_get_pagination (layout));
  pages = paginate (layout, FALSE);
  g_assert_nonnull (pages);

  for (guint b = 0; b < 3; b++)
    {
      block = cg_paginate_get_block (pages, b);
      g_assert_cmpint (block->kind, ==, CG_PAGINATE_FIXED);
      g_assert_cmpint (block->keep_with_next, ==, b < 2);
      g_assert_cmpint (block->section, ==, -1);
    }

  /* The note: heading and text framed, with a framed "(continued)" */
  block = cg_paginate_get_block (pages, 3);
  g_assert_cmpint (block->kind, ==, CG_PAGINATE_HEADING);
  g_assert_true (block->boxed);
  g_assert_cmpint (block->continued, >, 3);
  g_assert_true (cg_paginate_get_block (pages, block->continued)->out_of_flow);
  g_assert_true (cg_paginate_get_block (pages, block->continued)->boxed);
  g_assert_cmpint (cg_paginate_get_block (pages, 4)->section, ==, 3);
  g_assert_true (cg_paginate_get_block (pages, 4)->boxed);

  /* Then the sections */
  for (guint b = block->continued + 1; b < cg_paginate_get_n_blocks (pages); b++)
    {
      block = cg_paginate_get_block (pages, b);
      if (block->out_of_flow)
        {
          g_assert_cmpint (block->kind, ==, CG_PAGINATE_HEADING);
          continue;
        }
      if (block->kind == CG_PAGINATE_HEADING)
        {
          heading = b;
          n_headings++;
          g_assert_cmpint (block->continued, >, (int)b);
          g_assert_true (cg_paginate_get_block (pages, block->continued)->out_of_flow);
          g_assert_false (cg_paginate_get_block (pages, block->continued)->boxed);
          continue;
        }
      g_assert_false (block->boxed);
      /* After the last section, the disclaimers belong to no section */
      if (block->section < 0)
        {
          g_assert_cmpint (block->kind, ==, CG_PAGINATE_PARAGRAPH);
          n_after_sections++;
          continue;
        }
      g_assert_cmpuint (n_after_sections, ==, 0);
      g_assert_cmpint (block->section, ==, heading);
      /* Normal print: 14 pt at 1.5 line spacing */
      for (guint l = 0; l < block->n_lines; l++)
        g_assert_cmpfloat_with_epsilon (block->line_heights[l], 21, 0.5);
      n_items += block->kind == CG_PAGINATE_LIST_ITEM;
    }

  g_assert_cmpuint (n_headings, ==, 3);
  g_assert_cmpuint (n_after_sections, ==, 1);  /* the handout language's disclaimer */
  g_assert_cmpuint (n_items, >, 5);

  /* Large print: 18 pt lines, the same blocks */
  pages = paginate (layout, TRUE);
  block = cg_paginate_get_block (pages, cg_paginate_get_n_blocks (pages) - 1);  /* the disclaimer */
  g_assert_cmpfloat_with_epsilon (block->line_heights[0], 27, 0.5);
}

/* "Some common causes include:" keeps with its list; the first item goes along whole, and
 * the first and next-to-last items keep with the next */
static void
test_list_keeps (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  CgBundle *bundle = cg_library_get_bundle (library, "en", NULL);
  g_autoptr(CgHandoutLayout) layout = cg_handout_layout_new (bundle);
  CgPaginate *pages;
  guint lead_in = 0;

  g_assert_true (cg_handout_layout_add_section (layout, cg_bundle_lookup_section (bundle, "causes")));
  pages = paginate (layout, FALSE);

  /* Title, date, heading, the lead-in paragraph, then five items */
  for (guint b = 0; b < cg_paginate_get_n_blocks (pages); b++)
    if (cg_paginate_get_block (pages, b)->kind == CG_PAGINATE_PARAGRAPH &&
        cg_paginate_get_block (pages, b)->section >= 0)  /* not the closing disclaimer */
      lead_in = b;
  g_assert_true (cg_paginate_get_block (pages, lead_in)->keep_with_next);
  g_assert_cmpint (cg_paginate_get_block (pages, lead_in + 1)->kind, ==, CG_PAGINATE_LIST_ITEM);
  g_assert_true (cg_paginate_get_block (pages, lead_in + 1)->keep_whole);
  g_assert_true (cg_paginate_get_block (pages, lead_in + 1)->keep_with_next);
  g_assert_false (cg_paginate_get_block (pages, lead_in + 2)->keep_with_next);
  g_assert_true (cg_paginate_get_block (pages, lead_in + 4)->keep_with_next);
  g_assert_false (cg_paginate_get_block (pages, lead_in + 5)->keep_with_next);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handout-blocks/kinds-and-sections", test_kinds_and_sections);
  g_test_add_func ("/handout-blocks/list-keeps", test_list_keeps);

  return g_test_run ();
}
