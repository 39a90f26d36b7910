/* cg-handout-layout-private.h: what the handout layout's files share
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A handout is built in three steps, one file each: blocks of text measured with Pango
 * (cg-handout-blocks.c), broken into pages (cg-handout-paginate.c, through
 * cg-handout-layout.c), then drawn for a printer or a tagged PDF (cg-handout-render.c).
 */

#pragma once

#include <pango/pangocairo.h>

#include "cg-handout-layout.h"
#include "cg-handout-paginate.h"
#include "cg-section-text.h"

G_BEGIN_DECLS

#define MM_TO_PT(mm)       ((mm) * 72.0 / 25.4)
#define MARGIN             MM_TO_PT (20.0)
#define BODY_SIZE          14.0
#define LARGE_BODY_SIZE    18.0
#define LINE_SPACING       1.5   /* of the font size, between baselines; UKAAF asks ≥ 1.4 */
#define HEADING_SPACING    1.4
#define FONT_FAMILY        "Sans"
#define BULLET             CG_BULLET  /* one bullet for the window, Copy Section and handouts */

typedef struct
{
  PangoLayout    *layout;
  PangoLayout    *bullet;         /* list items: the bullet, hung left of the text */
  CgPaginateKind  kind;
  double          x;              /* left edge of the text, from the left margin */
  double          space_before;   /* dropped at the top of a page */
  double          font_size;
  double          spacing;
  const char     *tag;            /* structure element of a tagged PDF: H1, H2, H3, P, LI */
  char           *outline;        /* (nullable) bookmark title; the block is its destination */
  int             outline_parent; /* index of the block whose bookmark is the parent, or -1 */
  int             section;        /* the heading of the section the block is in, or -1 */
  int             continued;      /* a section heading: its "(continued)" block, or -1 */
  guint           n_open_sect;    /* Sect elements that start with this block */
  guint           n_close_sect;   /* … and that end with it */
  guint           opens_list : 1;
  guint           closes_list : 1;
  guint           in_box : 1;     /* inside the framed note */
  guint           keep_with_next : 1;
  guint           keep_whole : 1;   /* the first item after a lead-in */
  guint           continuation : 1; /* "Treatment (continued)": only at the top of a page */
} Block;

struct _CgHandoutLayout
{
  GObject       parent_instance;

  /* Owned */
  CgBundle     *bundle;
  CgBundle     *second_bundle;    /* (nullable) bilingual handouts: the second language */
  GPtrArray    *sections;
  GPtrArray    *second_sections;  /* parallel to sections; NULL where not bilingual */
  GDateTime    *date;
  char         *note;
  char         *prepared_for;      /* patient data, as the note */
  char         *next_appointment;
  char         *clinic_header;
  PangoContext *context;
  GArray       *blocks;      /* of Block, built by paginate() for its page width */
  CgPaginate   *pages;       /* the blocks' lines on pages */
  PangoLayout  *footer;         /* the handout's language(s) */
  PangoLayout  *footer_detail;  /* sources with versions, translation status */
  PangoLayout  *page_number;

  CgPaper       paper;
  double        width;
  double        height;
  double        body_size;
  double        box_padding;
  double        footer_top;
  double        footer_detail_top;
  double        text_bottom;  /* where the text of a page must end, above the footer */

  int           building_section;  /* while building blocks: the section they go in */

  guint         large_print : 1;
  guint         dirty : 1;
};

/* cg-handout-blocks.c */
const char *cg_handout_get_bundle_label  (CgBundle        *bundle,
                                          const char      *key);
const char *cg_handout_layout_get_label  (CgHandoutLayout *self,
                                          const char      *key);
char       *cg_handout_expand_label      (const char      *label,
                                          const char      *name,
                                          const char      *value,
                                          const char      *name2,
                                          const char      *value2);
const char *cg_handout_layout_get_title  (CgHandoutLayout *self);
void        cg_handout_layout_clear_block (gpointer        data);
void        cg_handout_layout_build_footer (CgHandoutLayout *self,
                                          double           width);
void        cg_handout_layout_build_blocks (CgHandoutLayout *self,
                                          double           width);
double      cg_handout_block_get_line_pitch (const Block   *block,
                                          guint            line,
                                          double          *height,
                                          double          *ascent);

/* cg-handout-render.c */
void        cg_handout_layout_render_page (CgHandoutLayout *self,
                                          cairo_t         *cr,
                                          guint            page,
                                          gboolean         tagged);

G_END_DECLS
