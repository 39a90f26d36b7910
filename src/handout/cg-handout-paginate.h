/* cg-handout-paginate.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CG_PAGINATE_FIXED,      /* title, date, clinic header: never split */
  CG_PAGINATE_HEADING,    /* never split; keeps with two lines of what follows */
  CG_PAGINATE_PARAGRAPH,  /* splits between lines, two or more on each page */
  CG_PAGINATE_LIST_ITEM,  /* whole, unless taller than a third of the page */
} CgPaginateKind;

/* A measured block of text, in points. Blocks are given in reading order. */
typedef struct
{
  CgPaginateKind  kind;
  guint           n_lines;
  const double   *line_heights;    /* n_lines pitches, copied */
  double          space_before;    /* dropped at the top of a page */
  int             section;         /* the heading block opening this block's section, or -1 */
  int             continued;       /* a heading: its "(continued)" block, or -1 */
  guint           boxed : 1;       /* inside the framed note: padded above and below */
  guint           keep_with_next : 1;  /* a lead-in, a title: no page ends after it */
  guint           keep_whole : 1;      /* a list item that goes along with a lead-in */
  guint           out_of_flow : 1;     /* a "(continued)" heading: only at the top of a page */
} CgPaginateBlock;

/* A line on a page; top is measured from the top of the text area. */
typedef struct
{
  guint   block;
  guint   line;
  double  top;
} CgPaginatePlacement;

typedef struct _CgPaginate CgPaginate;

CgPaginate                *cg_paginate_new              (double                  page_height,
                                                         double                  box_padding);
void                       cg_paginate_free             (CgPaginate             *self);
guint                      cg_paginate_add_block        (CgPaginate             *self,
                                                         const CgPaginateBlock  *block);
guint                      cg_paginate_get_n_blocks     (CgPaginate             *self);
const CgPaginateBlock     *cg_paginate_get_block        (CgPaginate             *self,
                                                         guint                   block);
guint                      cg_paginate_run              (CgPaginate             *self);
guint                      cg_paginate_get_n_pages      (CgPaginate             *self);
const CgPaginatePlacement *cg_paginate_get_page         (CgPaginate             *self,
                                                         guint                   page,
                                                         guint                  *n_placements);
double                     cg_paginate_get_page_bottom  (CgPaginate             *self,
                                                         guint                   page);
double                     cg_paginate_get_page_height  (CgPaginate             *self);
double                     cg_paginate_get_content_height (CgPaginate           *self);
guint                      cg_paginate_get_lower_bound  (CgPaginate             *self);
guint                      cg_paginate_get_n_broken_rules (CgPaginate           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgPaginate, cg_paginate_free)

G_END_DECLS
