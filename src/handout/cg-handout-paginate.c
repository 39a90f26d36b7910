/* cg-handout-paginate.c: page breaks of a patient leaflet, from measured blocks
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Knows nothing of Pango or Cairo: it gets blocks as line heights and gives back pages of
 * placed lines, so the rules can be tested on made-up blocks as well as on real handouts.
 *
 * The rules of a good leaflet, each a place where a page may or may not end:
 *  - a list item stays on one page unless it alone is taller than a third of the page;
 *  - a paragraph (or a tall list item) splits only between lines, two or more on each page;
 *  - a heading keeps with at least two lines of what follows;
 *  - a lead-in keeps with the first two items of its list;
 *  - neither the first nor the last item of a list is left alone (the "soft" keeps of the
 *    content's own structure, dropped when keeping them would cost a page);
 *  - a page that starts inside a section starts with its "(continued)" heading;
 *  - every page but the last is at least 70 % full, unless what comes next could not fit.
 * Among the ways of breaking that keep every rule (or, when a block taller than a page forces
 * it, break the fewest and mildest), the fewest pages win, and among those the one whose
 * earlier pages are fullest — so a section starts below the previous one whenever it fits.
 * This is a shortest path over the places a page may end, as TeX breaks paragraphs into lines.
 */

#define G_LOG_DOMAIN "cg-handout-paginate"

#include "config.h"

#include <math.h>

#include "cg-handout-paginate.h"

#define MIN_FILL          0.7
#define MIN_LINES_SPLIT   2

/* What ending a page after a line costs: rules are broken only when nothing else fits. */
typedef enum
{
  BREAK_FREE = 0,
  BREAK_SOFT = 1,       /* a list's keeps */
  BREAK_LEAD_IN = 50,   /* a lead-in parted from its first two items: before any extra page,
                         * but milder than a broken rule */
  BREAK_RULE = 100,     /* a widow, an orphan, a split list item, a heading left alone */
  BREAK_NEVER = 10000,  /* inside a heading or a title */
} BreakCost;

typedef struct
{
  guint block;
  guint line;
} FlowLine;

typedef struct
{
  double                y;
  const CgPaginateBlock *prev;
} PageState;

/* The best pagination from a line on: the fewest broken rules, then the fewest pages, then
 * the fewest soft keeps dropped */
typedef struct
{
  guint64 hard;   /* broken rules, weighted */
  guint   pages;
  guint   soft;
  guint   next;   /* where the following page starts */
} Path;

struct _CgPaginate
{
  double   page_height;
  double   box_padding;
  GArray  *blocks;      /* of CgPaginateBlock, line_heights owned */
  GArray  *lines;       /* of FlowLine: the lines in the flow, in order */
  guint   *break_cost;  /* of each line: the cost of a page ending after it */
  GArray  *placements;  /* of CgPaginatePlacement */
  GArray  *pages;       /* of guint: first placement of each page */
  GArray  *bottoms;     /* of double: the bottom of each page's last line */
  double   content_height;
  guint    n_broken;
};

CgPaginate *
cg_paginate_new (double page_height,
                 double box_padding)
{
  CgPaginate *self = g_new0 (CgPaginate, 1);

  g_return_val_if_fail (page_height > 0, NULL);

  self->page_height = page_height;
  self->box_padding = box_padding;
  self->blocks = g_array_new (FALSE, TRUE, sizeof (CgPaginateBlock));
  self->lines = g_array_new (FALSE, FALSE, sizeof (FlowLine));
  self->placements = g_array_new (FALSE, FALSE, sizeof (CgPaginatePlacement));
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  self->bottoms = g_array_new (FALSE, FALSE, sizeof (double));

  return self;
}

void
cg_paginate_free (CgPaginate *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->blocks->len; i++)
    g_free ((double *)g_array_index (self->blocks, CgPaginateBlock, i).line_heights);
  g_array_unref (self->blocks);
  g_array_unref (self->lines);
  g_array_unref (self->placements);
  g_array_unref (self->pages);
  g_array_unref (self->bottoms);
  g_free (self->break_cost);
  g_free (self);
}

/* Returns: the index of the block */
guint
cg_paginate_add_block (CgPaginate            *self,
                       const CgPaginateBlock *block)
{
  CgPaginateBlock copy;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (block != NULL && block->n_lines > 0, 0);

  copy = *block;
  copy.line_heights = g_memdup2 (block->line_heights, sizeof (double) * block->n_lines);
  g_array_append_val (self->blocks, copy);

  return self->blocks->len - 1;
}

guint
cg_paginate_get_n_blocks (CgPaginate *self)
{
  return self->blocks->len;
}

const CgPaginateBlock *
cg_paginate_get_block (CgPaginate *self,
                       guint       block)
{
  g_return_val_if_fail (block < self->blocks->len, NULL);

  return &g_array_index (self->blocks, CgPaginateBlock, block);
}

static const CgPaginateBlock *
get_block (CgPaginate *self,
           guint       block)
{
  return &g_array_index (self->blocks, CgPaginateBlock, block);
}

static const FlowLine *
get_line (CgPaginate *self,
          guint       index)
{
  return &g_array_index (self->lines, FlowLine, index);
}

static double
get_block_height (const CgPaginateBlock *block)
{
  double height = 0;

  for (guint i = 0; i < block->n_lines; i++)
    height += block->line_heights[i];

  return height;
}

/* Places a line below the state's last one; returns its top and moves the state to its end. */
static double
place_line (CgPaginate            *self,
            PageState             *state,
            const CgPaginateBlock *block,
            guint                  line)
{
  double top = state->y;

  if (state->prev == NULL)
    top += block->boxed ? self->box_padding : 0;
  else
    {
      if (state->prev->boxed && !block->boxed)
        top += self->box_padding;
      if (line == 0)
        top += block->space_before;
      if (!state->prev->boxed && block->boxed)
        top += self->box_padding;
    }

  state->y = top + block->line_heights[line];
  state->prev = block;

  return top;
}

/* The bottom of what is on the page, the frame of a note included */
static double
get_bottom (CgPaginate      *self,
            const PageState *state)
{
  return state->y + (state->prev != NULL && state->prev->boxed ? self->box_padding : 0);
}

static gboolean
fits (CgPaginate      *self,
      const PageState *state)
{
  return get_bottom (self, state) <= self->page_height + 1e-6;
}

/* Within a block: two lines or more on each side, and list items only when too tall to move */
static guint
get_inner_break_cost (CgPaginate            *self,
                      const CgPaginateBlock *block,
                      guint                  line)
{
  gboolean widow_or_orphan = line + 1 < MIN_LINES_SPLIT ||
                             block->n_lines - (line + 1) < MIN_LINES_SPLIT;

  switch (block->kind)
    {
    case CG_PAGINATE_FIXED:
    case CG_PAGINATE_HEADING:
      return BREAK_NEVER;
    case CG_PAGINATE_LIST_ITEM:
      if (get_block_height (block) <= self->page_height / 3)
        return BREAK_RULE;
      return widow_or_orphan ? BREAK_RULE : BREAK_FREE;
    case CG_PAGINATE_PARAGRAPH:
    default:
      if (widow_or_orphan)
        return BREAK_RULE;
      return block->keep_whole ? BREAK_SOFT : BREAK_FREE;
    }
}

/* The cost of ending a page after each line of the flow. */
static void
compute_break_costs (CgPaginate *self)
{
  guint lines_since_heading = G_MAXUINT;
  int heading_section = -1;

  g_free (self->break_cost);
  self->break_cost = g_new0 (guint, self->lines->len);

  for (guint k = 0; k < self->lines->len; k++)
    {
      const FlowLine *line = get_line (self, k);
      const CgPaginateBlock *block = get_block (self, line->block);
      const CgPaginateBlock *next;
      guint cost;

      if (block->kind == CG_PAGINATE_HEADING)
        {
          lines_since_heading = 0;
          heading_section = (int)line->block;
        }
      else if (lines_since_heading != G_MAXUINT)
        lines_since_heading++;

      if (k + 1 == self->lines->len)
        break;

      if (line->line + 1 < block->n_lines)
        {
          self->break_cost[k] = get_inner_break_cost (self, block, line->line);
          continue;
        }

      next = get_block (self, get_line (self, k + 1)->block);
      if (block->kind == CG_PAGINATE_HEADING)
        cost = BREAK_RULE;
      else if (block->keep_with_next)
        /* A lead-in ending with a colon keeps its first two items (the first goes along whole):
         * a rule; a list's first or last item left alone is only a soft keep */
        cost = block->kind == CG_PAGINATE_FIXED ? BREAK_RULE
               : next->keep_whole || block->keep_whole ? BREAK_LEAD_IN
               : BREAK_SOFT;
      else
        cost = BREAK_FREE;

      /* A heading with fewer than two lines of its section below it (a sub-heading's text
       * belongs to the section the sub-heading is in) */
      if (lines_since_heading < MIN_LINES_SPLIT && next->kind != CG_PAGINATE_HEADING &&
          (next->section == heading_section ||
           (next->section >= 0 && next->section == get_block (self, heading_section)->section)))
        cost = MAX (cost, BREAK_RULE);

      self->break_cost[k] = cost;
    }
}

/* The "(continued)" block a page starting at this line of the flow opens with, or -1 */
static int
get_continuation (CgPaginate *self,
                  guint       start)
{
  const FlowLine *line = get_line (self, start);
  const CgPaginateBlock *block = get_block (self, line->block);

  if (start == 0 || (block->kind == CG_PAGINATE_HEADING && line->line == 0) || block->section < 0)
    return -1;

  return get_block (self, block->section)->continued;
}

static void
start_page (CgPaginate *self,
            PageState  *state,
            int         continuation,
            GArray     *placements)
{
  state->y = 0;
  state->prev = NULL;

  if (continuation < 0)
    return;

  for (guint l = 0; l < get_block (self, continuation)->n_lines; l++)
    {
      CgPaginatePlacement p = { continuation, l, 0 };

      p.top = place_line (self, state, get_block (self, continuation), l);
      if (placements != NULL)
        g_array_append_val (placements, p);
    }
}

/* Whether the lines from @start to the next free break still fit below @state */
static gboolean
next_unit_fits (CgPaginate *self,
                PageState   state,
                guint       start)
{
  for (guint k = start; k < self->lines->len; k++)
    {
      const FlowLine *line = get_line (self, k);

      place_line (self, &state, get_block (self, line->block), line->line);
      if (!fits (self, &state))
        return FALSE;
      if (self->break_cost[k] == BREAK_FREE)
        return TRUE;
    }

  return TRUE;
}

static gboolean
is_better (const Path *path,
           const Path *best)
{
  if (path->hard != best->hard)
    return path->hard < best->hard;
  if (path->pages != best->pages)
    return path->pages < best->pages;

  /* On a tie the later break wins: earlier pages as full as they can be */
  return path->soft <= best->soft;
}

/* The best way to paginate from line @start, given the best from every later line */
static void
find_best_page (CgPaginate *self,
                Path       *paths,
                guint       start)
{
  int continuation = get_continuation (self, start);
  Path *best = &paths[start];
  PageState state;

  best->hard = G_MAXUINT64;
  best->next = start + 1;
  start_page (self, &state, continuation, NULL);

  for (guint end = start + 1; end <= self->lines->len; end++)
    {
      const FlowLine *line = get_line (self, end - 1);
      Path path = paths[end];

      place_line (self, &state, get_block (self, line->block), line->line);
      if (!fits (self, &state) && end > start + 1)
        break;

      if (path.hard == G_MAXUINT64)
        continue;
      path.pages++;
      path.next = end;
      if (end < self->lines->len)
        {
          const FlowLine *next = get_line (self, end);
          guint cost = self->break_cost[end - 1];

          if (cost == BREAK_SOFT)
            path.soft++;
          else
            path.hard += cost;
          /* A "(continued)" heading with fewer than two lines of its section */
          if (continuation >= 0 && end - start < MIN_LINES_SPLIT &&
              get_block (self, next->block)->section == get_block (self, line->block)->section)
            path.hard += BREAK_RULE;
          if (get_bottom (self, &state) < MIN_FILL * self->page_height &&
              next_unit_fits (self, state, end))
            continue;
        }

      if (best->hard == G_MAXUINT64 || is_better (&path, best))
        *best = path;
    }
}

static void
lay_out_pages (CgPaginate *self,
               const Path *paths)
{
  g_array_set_size (self->placements, 0);
  g_array_set_size (self->pages, 0);
  g_array_set_size (self->bottoms, 0);
  self->n_broken = 0;

  for (guint start = 0; start < self->lines->len; start = paths[start].next)
    {
      guint first = self->placements->len;
      PageState state;
      double bottom;

      g_array_append_val (self->pages, first);
      start_page (self, &state, get_continuation (self, start), self->placements);
      for (guint k = start; k < paths[start].next; k++)
        {
          const FlowLine *line = get_line (self, k);
          CgPaginatePlacement p = { line->block, line->line, 0 };

          p.top = place_line (self, &state, get_block (self, line->block), line->line);
          g_array_append_val (self->placements, p);
        }
      bottom = get_bottom (self, &state);
      g_array_append_val (self->bottoms, bottom);
      if (paths[start].next < self->lines->len)
        self->n_broken += self->break_cost[paths[start].next - 1] >= BREAK_RULE;
    }
}

/**
 * cg_paginate_run:
 *
 * Breaks the blocks into pages. Call again after adding blocks.
 *
 * Returns: the number of pages, at least 1 when there are blocks
 */
guint
cg_paginate_run (CgPaginate *self)
{
  g_autofree Path *paths = NULL;
  PageState state = { 0, NULL };

  g_return_val_if_fail (self != NULL, 0);

  g_array_set_size (self->lines, 0);
  for (guint b = 0; b < self->blocks->len; b++)
    for (guint l = 0; !get_block (self, b)->out_of_flow && l < get_block (self, b)->n_lines; l++)
      {
        FlowLine line = { b, l };

        g_array_append_val (self->lines, line);
        place_line (self, &state, get_block (self, b), l);
      }
  self->content_height = get_bottom (self, &state);

  compute_break_costs (self);
  paths = g_new0 (Path, self->lines->len + 1);
  for (guint start = self->lines->len; start-- > 0;)
    find_best_page (self, paths, start);
  lay_out_pages (self, paths);

  return self->pages->len;
}

guint
cg_paginate_get_n_pages (CgPaginate *self)
{
  return self->pages->len;
}

/**
 * cg_paginate_get_page:
 * @n_placements: (out): how many lines the page has
 *
 * Returns: the lines of @page, in reading order, a "(continued)" heading first if any
 */
const CgPaginatePlacement *
cg_paginate_get_page (CgPaginate *self,
                      guint       page,
                      guint      *n_placements)
{
  guint first, end;

  g_return_val_if_fail (page < self->pages->len, NULL);

  first = g_array_index (self->pages, guint, page);
  end = page + 1 < self->pages->len ? g_array_index (self->pages, guint, page + 1)
                                    : self->placements->len;
  *n_placements = end - first;

  return &g_array_index (self->placements, CgPaginatePlacement, first);
}

/* Returns: how far down @page its text reaches, the note's frame included */
double
cg_paginate_get_page_bottom (CgPaginate *self,
                             guint       page)
{
  g_return_val_if_fail (page < self->bottoms->len, 0);

  return g_array_index (self->bottoms, double, page);
}

double
cg_paginate_get_page_height (CgPaginate *self)
{
  return self->page_height;
}

/* Returns: the height of the whole flow on one endless page */
double
cg_paginate_get_content_height (CgPaginate *self)
{
  return self->content_height;
}

/* Returns: the content height over the page height, rounded up: fewer pages could hold the
 *   text only by dropping the space above blocks that start a page */
guint
cg_paginate_get_lower_bound (CgPaginate *self)
{
  return MAX (1, (guint)ceil (self->content_height / self->page_height - 1e-6));
}

/* Returns: how many page breaks break a rule (not counting a list's soft keeps), because a
 *   block is taller than a page */
guint
cg_paginate_get_n_broken_rules (CgPaginate *self)
{
  return self->n_broken;
}
