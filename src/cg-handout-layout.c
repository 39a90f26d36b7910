/* cg-handout-layout.c: pagination and drawing of a patient handout, for print and PDF alike
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print operation and the PDF export both draw through this module, so a printed handout
 * and a saved one have the same pages. Text is measured on a PangoCairo context of its own, at
 * 72 dpi with hinted metrics off: one point is one device unit and line breaks do not depend on
 * the surface drawn on. The bundle's text is set as plain text, never parsed as markup.
 */

#define G_LOG_DOMAIN "cg-handout-layout"

#include "config.h"


#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cg-bundle.h"
#include "cg-handout-layout.h"
#include "cg-handout-note.h"
#include "cg-handout-pdf.h"
#include "cg-paper.h"
#include "cg-section.h"
#include "cg-topic.h"

#define MM_TO_PT(mm)       ((mm) * 72.0 / 25.4)
#define MARGIN             MM_TO_PT (20.0)
#define BODY_SIZE          14.0
#define LARGE_BODY_SIZE    18.0
#define LINE_SPACING       1.5   /* of the font size, between baselines; UKAAF asks ≥ 1.4 */
#define HEADING_SPACING    1.4
#define FONT_FAMILY        "Sans"
#define BULLET             "•"

typedef struct
{
  PangoLayout *layout;
  PangoLayout *bullet;         /* list items: the bullet, hung left of the text */
  double       x;              /* left edge of the text, from the left margin */
  double       space_before;   /* dropped at the top of a page */
  double       font_size;
  double       spacing;
  guint        in_box : 1;     /* inside the framed note */
  guint        keep_lines : 1; /* title and headings: never split */
  guint        keep_with_next : 1;
} Block;

typedef struct
{
  guint  block;
  guint  line;
  double top;   /* top of the line box, from the top of the page */
} Placement;

struct _CgHandoutLayout
{
  GObject       parent_instance;

  /* Owned */
  CgBundle     *bundle;
  GPtrArray    *sections;
  GDateTime    *date;
  char         *note;
  char         *clinic_header;
  PangoContext *context;
  GArray       *blocks;      /* of Block, built by paginate() for its page width */
  GArray       *placements;  /* of Placement, in reading order */
  GArray       *pages;       /* of guint, index of the first placement of each page */
  PangoLayout  *footer;         /* language and content version */
  PangoLayout  *footer_detail;  /* source, translation status */
  PangoLayout  *page_number;

  CgPaper       paper;
  double        width;
  double        height;
  double        body_size;
  double        box_padding;
  double        footer_top;
  double        footer_detail_top;

  guint         large_print : 1;
  guint         dirty : 1;
};

G_DEFINE_FINAL_TYPE (CgHandoutLayout, cg_handout_layout, G_TYPE_OBJECT)

/* Labels a bundle may lack (an older or partial translation): the source language's wording. */
static const struct {
  const char *key;
  const char *text;
} fallback_labels[] = {
  { "language-name", "English" },
  { "notes-heading", "Notes from your care team" },
  { "page-footer", "Page {page} of {pages}" },
  { "date-line", "Date: {date}" },
  { "version-footer", "Content version {version}" },
  { "unreviewed", "Translation not reviewed by a medical translator" },
};

static const char *
get_label (CgHandoutLayout *self,
           const char      *key)
{
  const char *text = cg_bundle_get_label (self->bundle, key);

  if (text != NULL && *text != '\0')
    return text;

  for (guint i = 0; i < G_N_ELEMENTS (fallback_labels); i++)
    if (g_str_equal (fallback_labels[i].key, key))
      return fallback_labels[i].text;

  g_return_val_if_reached ("");
}

/* Fills "{name}" in a label; a translator may have moved or dropped it. */
static char *
expand_label (const char *label,
              const char *name,
              const char *value,
              const char *name2,
              const char *value2)
{
  GString *str = g_string_new (label);
  g_autofree char *placeholder = g_strdup_printf ("{%s}", name);

  g_string_replace (str, placeholder, value, 0);

  if (name2 != NULL)
    {
      g_autofree char *placeholder2 = g_strdup_printf ("{%s}", name2);

      g_string_replace (str, placeholder2, value2, 0);
    }

  return g_string_free (str, FALSE);
}

static void
clear_block (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_object (&block->bullet);
}

static void
cg_handout_layout_finalize (GObject *object)
{
  CgHandoutLayout *self = (CgHandoutLayout *)object;

  g_clear_object (&self->bundle);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->clinic_header, g_free);
  g_clear_object (&self->context);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->footer);
  g_clear_object (&self->footer_detail);
  g_clear_object (&self->page_number);

  G_OBJECT_CLASS (cg_handout_layout_parent_class)->finalize (object);
}

static void
cg_handout_layout_class_init (CgHandoutLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_handout_layout_finalize;
}

static void
cg_handout_layout_init (CgHandoutLayout *self)
{
  cairo_font_options_t *options;

  self->sections = g_ptr_array_new_with_free_func (g_object_unref);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, clear_block);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  self->paper = cg_paper_get_default ();
  self->date = g_date_time_new_now_local ();
  self->dirty = TRUE;

  /* Unhinted metrics and unrounded positions: the same line breaks on paper, PDF and screen. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
}

/**
 * cg_handout_layout_new:
 * @bundle: the bundle the sections come from; gives the labels and provenance
 *
 * Returns: (transfer full): an empty handout in @bundle's language
 */
CgHandoutLayout *
cg_handout_layout_new (CgBundle *bundle)
{
  CgHandoutLayout *self;

  g_return_val_if_fail (CG_IS_BUNDLE (bundle), NULL);

  self = g_object_new (CG_TYPE_HANDOUT_LAYOUT, NULL);
  self->bundle = g_object_ref (bundle);
  pango_context_set_language (self->context,
                              pango_language_from_string (cg_bundle_get_language (bundle)));

  return self;
}

void
cg_handout_layout_add_section (CgHandoutLayout *self,
                               CgSection       *section)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));
  g_return_if_fail (CG_IS_SECTION (section));

  g_ptr_array_add (self->sections, g_object_ref (section));
  self->dirty = TRUE;
}

/* Typed text may come from a command line in another encoding; Pango needs UTF-8. Text of
 * white space only counts as none, so an empty note draws no empty box. */
static void
set_user_text (char       **field,
               const char  *text,
               gsize        max_chars)
{
  g_clear_pointer (field, g_free);

  if (text == NULL)
    return;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      {
        *field = cg_handout_text_clean (text, max_chars);
        return;
      }
}

/* @note is patient data: it is kept here for drawing and goes nowhere else. */
void
cg_handout_layout_set_note (CgHandoutLayout *self,
                            const char      *note)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));

  set_user_text (&self->note, note, CG_HANDOUT_NOTE_MAX_CHARS);
  self->dirty = TRUE;
}

void
cg_handout_layout_set_clinic_header (CgHandoutLayout *self,
                                     const char      *clinic_header)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));

  set_user_text (&self->clinic_header, clinic_header, 0);
  self->dirty = TRUE;
}

void
cg_handout_layout_set_large_print (CgHandoutLayout *self,
                                   gboolean         large_print)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));

  self->large_print = !!large_print;
  self->dirty = TRUE;
}

void
cg_handout_layout_set_paper (CgHandoutLayout *self,
                             CgPaper          paper)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));

  self->paper = paper;
}

CgPaper
cg_handout_layout_get_paper (CgHandoutLayout *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), CG_PAPER_A4);

  return self->paper;
}

void
cg_handout_layout_set_date (CgHandoutLayout *self,
                            GDateTime       *date)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));
  g_return_if_fail (date != NULL);

  g_date_time_unref (self->date);
  self->date = g_date_time_ref (date);
  self->dirty = TRUE;
}

static PangoLayout *
create_layout (CgHandoutLayout *self,
               const char      *text,
               double           font_size,
               gboolean         bold,
               double           width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, font_size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static Block *
add_block (CgHandoutLayout *self,
           const char      *text,
           double           font_size,
           gboolean         bold,
           double           x,
           double           width,
           double           space_before)
{
  Block block = { 0 };

  block.layout = create_layout (self, text, font_size, bold, width - x);
  block.x = x;
  block.space_before = space_before;
  block.font_size = font_size;
  block.spacing = bold ? HEADING_SPACING : LINE_SPACING;
  g_array_append_val (self->blocks, block);

  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

static const char *
get_title (CgHandoutLayout *self)
{
  CgTopic *topic = NULL;

  if (self->sections->len > 0)
    topic = cg_section_get_topic (g_ptr_array_index (self->sections, 0));
  if (topic == NULL && cg_bundle_get_n_topics (self->bundle) > 0)
    topic = cg_bundle_get_topic (self->bundle, 0);

  return topic != NULL ? cg_topic_get_title (topic) : "";
}

static void
build_section (CgHandoutLayout *self,
               CgSection       *section,
               double           width)
{
  double size = self->body_size;
  Block *block;

  block = add_block (self, cg_section_get_title (section), size * 1.35, TRUE, 0, width, size * 1.2);
  block->keep_lines = TRUE;
  block->keep_with_next = TRUE;

  for (guint i = 0; i < cg_section_get_n_blocks (section); i++)
    {
      const CgBlock *content = cg_section_get_block (section, i);

      if (content->kind == CG_BLOCK_PARAGRAPH)
        {
          add_block (self, content->text, size, FALSE, 0, width, i == 0 ? size * 0.3 : size * 0.6);
          continue;
        }

      for (guint j = 0; content->items[j] != NULL; j++)
        {
          /* A hanging indent: wrapped lines align with the text, not with the bullet. */
          block = add_block (self, content->items[j], size, FALSE, size * 1.6, width,
                             j == 0 ? size * 0.6 : size * 0.35);
          block->bullet = create_layout (self, BULLET, size, FALSE, size * 1.2);
        }
    }
}

static void
build_note (CgHandoutLayout *self,
            double           width)
{
  double size = self->body_size;
  double pad = self->box_padding;
  Block *block;

  block = add_block (self, get_label (self, "notes-heading"), size * 1.15, TRUE, pad,
                     width - pad, size * 1.2);
  block->in_box = TRUE;
  block->keep_lines = TRUE;
  block->keep_with_next = TRUE;

  block = add_block (self, self->note, size, FALSE, pad, width - pad, size * 0.3);
  block->in_box = TRUE;
}

/* The footer: language and content version beside the page number, then the source and any
 * translation warning across the full width, so they wrap as little as possible. */
static void
build_footer (CgHandoutLayout *self,
              double           width)
{
  double size = self->large_print ? 14.0 : 12.0;
  g_autofree char *widest = NULL;
  g_autoptr(GString) text = g_string_new (get_label (self, "language-name"));
  g_autoptr(GString) detail = g_string_new (cg_bundle_get_source (self->bundle));
  const char *content_version = cg_bundle_get_content_version (self->bundle);
  PangoRectangle logical;
  double bottom;

  if (content_version != NULL)
    {
      g_autofree char *version = expand_label (get_label (self, "version-footer"), "version",
                                               content_version, NULL, NULL);

      g_string_append_printf (text, " · %s", version);
    }
  if (cg_bundle_get_translation_status (self->bundle) != CG_TRANSLATION_SOURCE &&
      !cg_bundle_get_reviewed (self->bundle))
    g_string_append_printf (detail, "%s%s", detail->len > 0 ? "\n" : "",
                            get_label (self, "unreviewed"));

  /* Room for the widest page number this handout could reach, so it never overlaps. */
  widest = expand_label (get_label (self, "page-footer"), "page", "888", "pages", "888");
  g_clear_object (&self->page_number);
  self->page_number = create_layout (self, widest, size, FALSE, width);
  pango_layout_get_extents (self->page_number, NULL, &logical);

  g_clear_object (&self->footer);
  self->footer = create_layout (self, text->str, size, FALSE,
                                width - (double)logical.width / PANGO_SCALE - size * 1.5);

  bottom = self->height - MARGIN;
  g_clear_object (&self->footer_detail);
  if (detail->len > 0)
    {
      self->footer_detail = create_layout (self, detail->str, size, FALSE, width);
      pango_layout_get_extents (self->footer_detail, NULL, &logical);
      self->footer_detail_top = bottom - (double)logical.height / PANGO_SCALE;
      bottom = self->footer_detail_top - size * 0.25;
    }

  pango_layout_get_extents (self->footer, NULL, &logical);
  self->footer_top = bottom - (double)logical.height / PANGO_SCALE;
}

static void
build_blocks (CgHandoutLayout *self,
              double           width)
{
  double size = self->body_size;
  g_autofree char *date = g_date_time_format (self->date, "%Y-%m-%d");
  g_autofree char *date_line = expand_label (get_label (self, "date-line"), "date", date,
                                             NULL, NULL);
  Block *block;

  g_array_set_size (self->blocks, 0);

  /* Page 1: the clinic's letterhead, the title and the date, kept together. */
  if (self->clinic_header != NULL)
    {
      block = add_block (self, self->clinic_header, size, FALSE, 0, width, 0);
      block->keep_lines = block->keep_with_next = TRUE;
    }

  block = add_block (self, get_title (self), size * 1.8, TRUE, 0, width, size * 0.8);
  block->keep_lines = block->keep_with_next = TRUE;
  add_block (self, date_line, size, FALSE, 0, width, size * 0.2);

  if (self->note != NULL)
    build_note (self, width);

  for (guint i = 0; i < self->sections->len; i++)
    build_section (self, g_ptr_array_index (self->sections, i), width);
}

static double
get_line_pitch (const Block *block,
                guint        line,
                double      *height,
                double      *ascent)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (pango_layout_get_line_readonly (block->layout, line),
                                 NULL, &logical);
  *height = (double)logical.height / PANGO_SCALE;
  *ascent = -(double)logical.y / PANGO_SCALE;

  return MAX (*height, block->font_size * block->spacing);
}

/* Whether no page may end after this line: a heading keeps with what follows; a paragraph
 * or bullet never leaves its first line alone at the bottom nor its last line alone on top. */
static gboolean
keeps_with_next (const Block *block,
                 guint        line)
{
  guint n_lines = pango_layout_get_line_count (block->layout);

  if (block->keep_lines)
    return line + 1 < n_lines || block->keep_with_next;

  return n_lines >= 2 && (line == 0 || line + 2 == n_lines);
}

/* Where a line goes below @prev (NULL at the top of a page): returns the top of its box. */
static double
get_line_top (CgHandoutLayout *self,
              const Block     *prev,
              const Block     *block,
              guint            line,
              double           y)
{
  if (prev == NULL)
    return y + (block->in_box ? self->box_padding : 0);

  if (prev->in_box && !block->in_box)
    y += self->box_padding;
  if (line == 0)
    y += block->space_before;
  if (!prev->in_box && block->in_box)
    y += self->box_padding;

  return y;
}

/**
 * cg_handout_layout_paginate:
 * @width: page width in points
 * @height: page height in points
 *
 * Lays the handout out on pages of this size. Call before drawing, again when the size or the
 * content changes.
 *
 * Returns: the number of pages
 */
guint
cg_handout_layout_paginate (CgHandoutLayout *self,
                            double           width,
                            double           height)
{
  g_autoptr(GArray) lines = NULL;
  const Block *prev = NULL;
  double content_width;
  double bottom;
  double y;
  guint i;

  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), 0);
  g_return_val_if_fail (width > 2 * MARGIN && height > 2 * MARGIN, 0);

  if (!self->dirty && width == self->width && height == self->height)
    return self->pages->len;

  self->width = width;
  self->height = height;
  self->body_size = self->large_print ? LARGE_BODY_SIZE : BODY_SIZE;
  self->box_padding = self->body_size * 0.8;
  self->dirty = FALSE;
  content_width = width - 2 * MARGIN;

  build_footer (self, content_width);
  build_blocks (self, content_width);
  bottom = self->footer_top - self->body_size * 1.2;

  /* Every line of the handout, in order, as (block, line) pairs. */
  lines = g_array_new (FALSE, FALSE, sizeof (Placement));
  for (guint b = 0; b < self->blocks->len; b++)
    {
      const Block *block = &g_array_index (self->blocks, Block, b);

      for (guint l = 0; l < (guint)pango_layout_get_line_count (block->layout); l++)
        {
          Placement p = { b, l, 0 };

          g_array_append_val (lines, p);
        }
    }

  g_array_set_size (self->placements, 0);
  g_array_set_size (self->pages, 0);
  g_array_append_val (self->pages, self->placements->len);
  y = MARGIN;
  i = 0;

  while (i < lines->len)
    {
      const Block *group_prev = prev;
      double group_y = y;
      guint last = i;
      guint fitting = 0;

      /* The smallest run of lines a page may end after. */
      while (last + 1 < lines->len)
        {
          const Placement *p = &g_array_index (lines, Placement, last);

          if (!keeps_with_next (&g_array_index (self->blocks, Block, p->block), p->line))
            break;
          last++;
        }

      for (guint k = i; k <= last; k++)
        {
          const Placement *p = &g_array_index (lines, Placement, k);
          const Block *block = &g_array_index (self->blocks, Block, p->block);
          double line_height, ascent;
          double end;

          end = get_line_top (self, group_prev, block, p->line, group_y) +
                get_line_pitch (block, p->line, &line_height, &ascent);
          if (end + (block->in_box ? self->box_padding : 0) > bottom)
            break;
          group_y = end;
          group_prev = block;
          fitting++;
        }

      /* A run taller than a page is split where it must; otherwise it moves on whole. */
      if (fitting <= last - i && prev != NULL)
        {
          guint first = self->placements->len;

          g_array_append_val (self->pages, first);
          y = MARGIN;
          prev = NULL;
          continue;
        }

      for (guint k = i; k < i + MAX (fitting, 1); k++)
        {
          Placement p = g_array_index (lines, Placement, k);
          const Block *block = &g_array_index (self->blocks, Block, p.block);
          double line_height, ascent;

          p.top = get_line_top (self, prev, block, p.line, y);
          y = p.top + get_line_pitch (block, p.line, &line_height, &ascent);
          prev = block;
          g_array_append_val (self->placements, p);
        }
      i += MAX (fitting, 1);
    }

  return self->pages->len;
}

guint
cg_handout_layout_get_n_pages (CgHandoutLayout *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), 0);

  return self->pages->len;
}

static void
draw_box (CgHandoutLayout *self,
          cairo_t         *cr,
          double           top,
          double           bottom)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 2.0);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_rectangle (cr, MARGIN + 1.0, top, self->width - 2 * MARGIN - 2.0, bottom - top);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_footer (CgHandoutLayout *self,
             cairo_t         *cr,
             guint            page)
{
  g_autofree char *page_str = g_strdup_printf ("%u", page + 1);
  g_autofree char *pages_str = g_strdup_printf ("%u", self->pages->len);
  g_autofree char *text = expand_label (get_label (self, "page-footer"),
                                        "page", page_str, "pages", pages_str);
  PangoRectangle logical;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, MARGIN, self->footer_top - self->body_size * 0.6);
  cairo_line_to (cr, self->width - MARGIN, self->footer_top - self->body_size * 0.6);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, MARGIN, self->footer_top);
  pango_cairo_show_layout (cr, self->footer);
  if (self->footer_detail != NULL)
    {
      cairo_move_to (cr, MARGIN, self->footer_detail_top);
      pango_cairo_show_layout (cr, self->footer_detail);
    }

  pango_layout_set_text (self->page_number, text, -1);
  pango_layout_get_extents (self->page_number, NULL, &logical);
  cairo_move_to (cr, self->width - MARGIN - (double)logical.width / PANGO_SCALE, self->footer_top);
  pango_cairo_show_layout (cr, self->page_number);
  cairo_restore (cr);
}

/**
 * cg_handout_layout_draw_page:
 * @cr: a context whose user space is in points, with (0, 0) at the top left of the paper
 * @page: a page number from 0, below what cg_handout_layout_paginate() returned
 */
void
cg_handout_layout_draw_page (CgHandoutLayout *self,
                             cairo_t         *cr,
                             guint            page)
{
  guint first, end;
  double box_top = -1;
  double box_bottom = 0;

  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (!self->dirty);
  g_return_if_fail (page < self->pages->len);

  first = g_array_index (self->pages, guint, page);
  end = page + 1 < self->pages->len ? g_array_index (self->pages, guint, page + 1)
                                    : self->placements->len;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = first; i < end; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);
      const Block *block = &g_array_index (self->blocks, Block, p->block);
      double height, ascent;
      double pitch = get_line_pitch (block, p->line, &height, &ascent);
      /* Half the leading above the line and half below, as CSS does. */
      double baseline = p->top + (pitch - height) / 2 + ascent;

      if (block->in_box)
        {
          if (box_top < 0)
            box_top = p->top - self->box_padding;
          box_bottom = p->top + pitch + self->box_padding;
        }

      cairo_move_to (cr, MARGIN + block->x, baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, p->line));

      if (block->bullet != NULL && p->line == 0)
        {
          cairo_move_to (cr, MARGIN + block->x - block->font_size * 1.1, baseline);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->bullet, 0));
        }
    }

  if (box_top >= 0)
    draw_box (self, cr, box_top, box_bottom);

  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/**
 * cg_handout_layout_dup_page_text:
 * @page: a page number from 0, below what cg_handout_layout_paginate() returned
 *
 * Returns: the text of the page above its footer, one printed line a line, list items' first
 *   lines starting with the bullet and a space
 */
char *
cg_handout_layout_dup_page_text (CgHandoutLayout *self,
                                 guint            page)
{
  GString *str;
  guint first, end;

  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), NULL);
  g_return_val_if_fail (!self->dirty, NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);

  str = g_string_new (NULL);
  first = g_array_index (self->pages, guint, page);
  end = page + 1 < self->pages->len ? g_array_index (self->pages, guint, page + 1)
                                    : self->placements->len;

  for (guint i = first; i < end; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);
      const Block *block = &g_array_index (self->blocks, Block, p->block);
      PangoLayoutLine *line = pango_layout_get_line_readonly (block->layout, p->line);
      const char *text = pango_layout_get_text (block->layout);

      if (block->bullet != NULL && p->line == 0)
        g_string_append (str, BULLET " ");
      g_string_append_len (str, text + line->start_index, line->length);
      /* A line ending a paragraph of a multi-line text carries its newline already. */
      if (str->len == 0 || str->str[str->len - 1] != '\n')
        g_string_append_c (str, '\n');
    }

  return g_string_free (str, FALSE);
}

static void
draw_pdf_page_cb (cairo_t  *cr,
                  guint     page,
                  gpointer  user_data)
{
  cg_handout_layout_draw_page (user_data, cr, page);
}

/**
 * cg_handout_layout_write_pdf:
 * @output: where to write, e.g. cg_output_file_new_for_fd() for standard output
 *
 * Writes the handout as a PDF on the layout's paper and commits @output.
 */
gboolean
cg_handout_layout_write_pdf (CgHandoutLayout  *self,
                             CgOutputFile     *output,
                             GError          **error)
{
  double width, height;
  guint n_pages;

  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  cg_paper_get_size (self->paper, &width, &height);
  n_pages = cg_handout_layout_paginate (self, width, height);

  return cg_handout_pdf_write (output, width, height, n_pages, get_title (self),
                               draw_pdf_page_cb, self, error);
}

/**
 * cg_handout_layout_export_pdf:
 * @path: where to write the PDF, on the layout's paper
 *
 * Writes the handout through a #CgOutputFile: a reader never sees half a file, a failure
 * leaves nothing behind, and only a regular file (or a symbolic link to one) is replaced.
 */
gboolean
cg_handout_layout_export_pdf (CgHandoutLayout  *self,
                              const char       *path,
                              GError          **error)
{
  g_autoptr(CgOutputFile) output = NULL;

  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A handout with a note is patient data: a new file is for its owner only */
  if (!(output = cg_output_file_open (path, self->note != NULL ? CG_OUTPUT_FILE_PRIVATE
                                                               : CG_OUTPUT_FILE_DEFAULT, error)))
    return FALSE;

  return cg_handout_layout_write_pdf (self, output, error);
}
