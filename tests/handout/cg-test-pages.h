/* cg-test-pages.h: the leaflet's page rules, checked on a pagination's own output
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written apart from the engine, from the rules as a reader states them: a test fails when
 * the pages break one, whatever the engine believes.
 */

#pragma once

#include <glib.h>

#include "cg-handout-paginate.h"

#define CG_TEST_MIN_FILL 0.7

typedef struct
{
  guint n_pages;
  guint n_continued;    /* pages opening with a "(continued)" heading */
  guint n_split_paragraphs;
  guint n_underfull;    /* pages under 70 % full because the next block could not fit */
  guint n_above_bound;  /* handouts a page longer than the content height over the page's */
} CgTestPageStats;

static inline double
cg_test_block_height (const CgPaginateBlock *block,
                      guint                  first,
                      guint                  end)
{
  double height = 0;

  for (guint i = first; i < end; i++)
    height += block->line_heights[i];

  return height;
}

static inline guint
cg_test_next_in_flow (CgPaginate *pages,
                      guint       block)
{
  while (block < cg_paginate_get_n_blocks (pages) && cg_paginate_get_block (pages, block)->out_of_flow)
    block++;

  return block;
}

/* The least that could have moved from the top of a page to the foot of the previous one:
 * a whole list item (unless taller than a third of a page), two lines of a paragraph (all of
 * them when fewer than four remain), a heading with two lines of what follows, a title with
 * its date, a lead-in with its first item. @n_lines: (out): how many lines of text it holds. */
static inline double
cg_test_min_piece (CgPaginate *pages,
                   guint       block_index,
                   guint       line,
                   guint      *n_lines)
{
  const CgPaginateBlock *block = cg_paginate_get_block (pages, block_index);
  double third = cg_paginate_get_page_height (pages) / 3;
  guint remaining = block->n_lines - line;
  guint take = remaining;
  guint next = cg_test_next_in_flow (pages, block_index + 1);
  double height = line == 0 ? block->space_before : 0;

  if (block->kind == CG_PAGINATE_PARAGRAPH && !block->keep_whole && remaining >= 4)
    take = 2;
  if (block->kind == CG_PAGINATE_LIST_ITEM && cg_test_block_height (block, 0, block->n_lines) > third &&
      remaining >= 4)
    take = 2;
  height += cg_test_block_height (block, line, line + take);
  *n_lines = block->kind == CG_PAGINATE_HEADING ? 0 : take;

  if (take < remaining || next >= cg_paginate_get_n_blocks (pages))
    return height;

  if (block->kind == CG_PAGINATE_HEADING)
    {
      /* Two lines of its section, over as many blocks as it takes */
      while (*n_lines < 2 && next < cg_paginate_get_n_blocks (pages) &&
             (*n_lines == 0 || cg_paginate_get_block (pages, next)->kind != CG_PAGINATE_HEADING))
        {
          guint more;

          height += cg_test_min_piece (pages, next, 0, &more);
          *n_lines += more;
          next = cg_test_next_in_flow (pages, next + 1);
        }
    }
  else if (block->keep_with_next)
    {
      guint more;

      height += cg_test_min_piece (pages, next, 0, &more);
      *n_lines += more;
    }

  return height;
}

static inline gboolean
cg_test_is_section_start (CgPaginate                *pages,
                          const CgPaginatePlacement *p)
{
  const CgPaginateBlock *block = cg_paginate_get_block (pages, p->block);

  return block->kind == CG_PAGINATE_HEADING && p->line == 0;
}

/* The first line of a page that is not a repeated "(continued)" heading */
static inline guint
cg_test_first_in_flow (CgPaginate                *pages,
                       const CgPaginatePlacement *lines,
                       guint                      n)
{
  guint first = 0;

  while (first < n && cg_paginate_get_block (pages, lines[first].block)->out_of_flow)
    first++;
  g_assert_cmpuint (first, <, n);

  return first;
}

/* A page starting inside a section opens with the section's "(continued)" heading */
static inline void
cg_test_check_page_start (CgPaginate                *pages,
                          guint                      page,
                          const CgPaginatePlacement *lines,
                          guint                      first_flow,
                          CgTestPageStats           *stats)
{
  const CgPaginateBlock *block = cg_paginate_get_block (pages, lines[first_flow].block);
  int continued = block->section >= 0 ? cg_paginate_get_block (pages, block->section)->continued : -1;

  if (page == 0 || cg_test_is_section_start (pages, &lines[first_flow]) || continued < 0)
    {
      g_assert_cmpuint (first_flow, ==, 0);
      return;
    }

  g_assert_cmpuint (first_flow, >, 0);
  g_assert_cmpuint (lines[0].block, ==, continued);
  stats->n_continued++;
}

/* A heading (line @i of @page) keeps with two lines of what follows on its page, unless its
 * section has fewer */
static inline void
cg_test_check_heading_keep (CgPaginate                *pages,
                            guint                      page,
                            const CgPaginatePlacement *lines,
                            guint                      n,
                            guint                      i,
                            const char                *label)
{
  guint body = 0;
  guint k;
  guint n_next;
  const CgPaginatePlacement *next;

  for (k = i + 1; k < n && body < 2; k++)
    {
      const CgPaginateBlock *after = cg_paginate_get_block (pages, lines[k].block);

      if (after->kind == CG_PAGINATE_HEADING && lines[k].line == 0 && body > 0)
        break;
      if (after->kind != CG_PAGINATE_HEADING)
        body++;
    }
  if (k < n || body >= 2 || page + 1 == cg_paginate_get_n_pages (pages))
    return;

  next = cg_paginate_get_page (pages, page + 1, &n_next);
  next = &next[cg_test_first_in_flow (pages, next, n_next)];
  if (!cg_test_is_section_start (pages, next))
    g_test_message ("%s: page %u ends %u line(s) below a heading", label, page + 1, body);
  g_assert_true (cg_test_is_section_start (pages, next));
}

/* At least 70 % full, unless the next unbreakable block could not fit; and a section starts
 * below the previous one whenever its heading and two lines fit */
static inline void
cg_test_check_page_end (CgPaginate      *pages,
                        guint            page,
                        const char      *label,
                        CgTestPageStats *stats)
{
  double height = cg_paginate_get_page_height (pages);
  double bottom = cg_paginate_get_page_bottom (pages, page);
  guint n_next, n_lines;
  const CgPaginatePlacement *next = cg_paginate_get_page (pages, page + 1, &n_next);
  double piece;

  next = &next[cg_test_first_in_flow (pages, next, n_next)];
  piece = cg_test_min_piece (pages, next->block, next->line, &n_lines);

  if (bottom < CG_TEST_MIN_FILL * height || cg_test_is_section_start (pages, next))
    {
      if (bottom + piece <= height)
        g_test_message ("%s: page %u is %.0f%% full, and the next %.1f pt would fit",
                        label, page + 1, 100 * bottom / height, piece);
      g_assert_cmpfloat (bottom + piece, >, height);
    }
  if (bottom < CG_TEST_MIN_FILL * height)
    stats->n_underfull++;
}

/* Checks every rule on @pages (after cg_paginate_run()); @label names the case on failure. */
static inline void
cg_test_check_pages (CgPaginate      *pages,
                     const char      *label,
                     CgTestPageStats *stats)
{
  double height = cg_paginate_get_page_height (pages);
  guint n_pages = cg_paginate_get_n_pages (pages);
  guint expect_block = 0;
  guint expect_line = 0;
  int last_page_of_block_line0 = -1;

  while (expect_block < cg_paginate_get_n_blocks (pages) &&
         cg_paginate_get_block (pages, expect_block)->out_of_flow)
    expect_block++;

  g_test_message ("%s: %u pages, lower bound %u", label, n_pages,
                  cg_paginate_get_lower_bound (pages));
  stats->n_pages += n_pages;
  stats->n_above_bound += n_pages > cg_paginate_get_lower_bound (pages);

  g_assert_cmpuint (cg_paginate_get_n_broken_rules (pages), ==, 0);

  for (guint page = 0; page < n_pages; page++)
    {
      guint n;
      const CgPaginatePlacement *lines = cg_paginate_get_page (pages, page, &n);
      guint first_flow;

      g_assert_cmpuint (n, >, 0);
      g_assert_cmpfloat (cg_paginate_get_page_bottom (pages, page), <=, height + 0.01);

      first_flow = cg_test_first_in_flow (pages, lines, n);
      cg_test_check_page_start (pages, page, lines, first_flow, stats);

      for (guint i = first_flow; i < n; i++)
        {
          const CgPaginatePlacement *p = &lines[i];
          const CgPaginateBlock *block = cg_paginate_get_block (pages, p->block);

          /* Every line once, in order */
          g_assert_false (block->out_of_flow);
          g_assert_cmpuint (p->block, ==, expect_block);
          g_assert_cmpuint (p->line, ==, expect_line);
          expect_line++;
          if (expect_line == block->n_lines)
            {
              expect_block++;
              expect_line = 0;
              while (expect_block < cg_paginate_get_n_blocks (pages) &&
                     cg_paginate_get_block (pages, expect_block)->out_of_flow)
                expect_block++;
            }

          if (p->line == 0)
            last_page_of_block_line0 = page;
          /* A block over a page break: only paragraphs, and list items taller than a third */
          if (p->line > 0 && last_page_of_block_line0 != (int)page && i == first_flow)
            {
              g_test_message ("%s: page %u goes on with line %u of %u", label, page, p->line,
                              block->n_lines);
              g_assert_true (block->kind == CG_PAGINATE_PARAGRAPH ||
                             (block->kind == CG_PAGINATE_LIST_ITEM &&
                              cg_test_block_height (block, 0, block->n_lines) > height / 3));
              /* Two lines or more on each page */
              g_assert_cmpuint (p->line, >=, 2);
              g_assert_cmpuint (block->n_lines - p->line, >=, 2);
              stats->n_split_paragraphs++;
            }

          if (block->kind == CG_PAGINATE_HEADING && p->line + 1 == block->n_lines)
            cg_test_check_heading_keep (pages, page, lines, n, i, label);
        }

      if (page + 1 < n_pages)
        cg_test_check_page_end (pages, page, label, stats);
    }

  /* Every line was placed */
  g_assert_cmpuint (expect_block, ==, cg_paginate_get_n_blocks (pages));
}
