/* cg-handout-layout.c: a patient handout: its content, and its pages
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print operation, the builder's preview and the PDF export all paginate through
 * cg_handout_layout_paginate(), so a printed handout and a saved one have the same pages:
 * blocks measured in cg-handout-blocks.c, broken by the rules of cg-handout-paginate.c, drawn
 * by cg-handout-render.c. Text is measured on a PangoCairo context of its own (72 dpi,
 * unhinted), so line breaks do not depend on the surface drawn on.
 */

#define G_LOG_DOMAIN "cg-handout-layout"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-bundle.h"
#include "cg-handout-layout-private.h"
#include "cg-handout-note.h"
#include "cg-paper.h"
#include "cg-section.h"
#include "cg-section-text.h"
#include "cg-topic.h"

G_DEFINE_FINAL_TYPE (CgHandoutLayout, cg_handout_layout, G_TYPE_OBJECT)

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
cg_handout_layout_finalize (GObject *object)
{
  CgHandoutLayout *self = (CgHandoutLayout *)object;

  g_clear_object (&self->bundle);
  g_clear_object (&self->second_bundle);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->second_sections, g_ptr_array_unref);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->prepared_for, g_free);
  g_clear_pointer (&self->next_appointment, g_free);
  g_clear_pointer (&self->prepared_for, g_free);
  g_clear_pointer (&self->next_appointment, g_free);
  g_clear_pointer (&self->clinic_header, g_free);
  g_clear_object (&self->context);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->pages, cg_paginate_free);
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
  self->second_sections = g_ptr_array_new_with_free_func (unref_if_set);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, cg_handout_layout_clear_block);
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

static const char *
get_section_language (CgSection *section)
{
  CgTopic *topic = cg_section_get_topic (section);
  CgBundle *bundle = topic != NULL ? cg_topic_get_bundle (topic) : NULL;

  return bundle != NULL ? cg_bundle_get_language (bundle) : NULL;
}

/**
 * cg_handout_layout_add_section:
 * @section: a section with text in the handout's language
 *
 * Adds @section after those already there. A handout has one language: a section of a bundle
 * in another language (a clinic bundle in English on a Spanish handout) is not added, so it
 * can never be printed under another language's labels; callers ask
 * cg_library_section_has_language() first and tell the clinician.
 *
 * Returns: %TRUE if added, %FALSE if @section is in another language
 */
gboolean
cg_handout_layout_add_section (CgHandoutLayout *self,
                               CgSection       *section)
{
  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), FALSE);
  g_return_val_if_fail (CG_IS_SECTION (section), FALSE);

  if (g_strcmp0 (get_section_language (section), cg_bundle_get_language (self->bundle)) != 0)
    return FALSE;

  g_ptr_array_add (self->sections, g_object_ref (section));
  g_ptr_array_add (self->second_sections, NULL);
  self->dirty = TRUE;

  return TRUE;
}

/**
 * cg_handout_layout_set_second_language:
 * @bundle: (nullable): the built-in content in the second language of a bilingual handout
 *
 * Its labels name the second language and head each section's second part; the footers stay
 * in the first language.
 */
void
cg_handout_layout_set_second_language (CgHandoutLayout *self,
                                       CgBundle        *bundle)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));
  g_return_if_fail (bundle == NULL || CG_IS_BUNDLE (bundle));

  g_set_object (&self->second_bundle, bundle);
  self->dirty = TRUE;
}

/**
 * cg_handout_layout_add_bilingual_section:
 * @section: a section in the handout's language
 * @second: the same section in the second language (cg_handout_layout_set_second_language())
 *
 * Adds @section, then @second after it under a heading naming the second language.
 *
 * Returns: %TRUE if added, %FALSE if either is not in its language
 */
gboolean
cg_handout_layout_add_bilingual_section (CgHandoutLayout *self,
                                         CgSection       *section,
                                         CgSection       *second)
{
  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), FALSE);
  g_return_val_if_fail (CG_IS_SECTION (section), FALSE);
  g_return_val_if_fail (CG_IS_SECTION (second), FALSE);
  g_return_val_if_fail (self->second_bundle != NULL, FALSE);

  if (g_strcmp0 (get_section_language (second), cg_bundle_get_language (self->second_bundle)) != 0 ||
      !cg_handout_layout_add_section (self, section))
    return FALSE;

  g_ptr_array_index (self->second_sections, self->second_sections->len - 1) = g_object_ref (second);

  return TRUE;
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

/* @prepared_for, @next_appointment: (nullable): patient data, printed under the date and kept
 * nowhere else, as the note */
void
cg_handout_layout_set_patient (CgHandoutLayout *self,
                               const char      *prepared_for,
                               const char      *next_appointment)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));

  set_user_text (&self->prepared_for, prepared_for, CG_HANDOUT_FIELD_MAX_CHARS);
  set_user_text (&self->next_appointment, next_appointment, CG_HANDOUT_FIELD_MAX_CHARS);
  self->dirty = TRUE;
}

void
cg_handout_layout_set_clinic_header (CgHandoutLayout *self,
                                     const char      *clinic_header)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));

  set_user_text (&self->clinic_header, clinic_header, CG_HANDOUT_CLINIC_MAX_CHARS);
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


/* The blocks as the pagination engine sees them: kinds, keeps and measured line pitches */
static CgPaginate *
measure_blocks (CgHandoutLayout *self)
{
  CgPaginate *pages = cg_paginate_new (self->text_bottom - MARGIN, self->box_padding);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      const Block *block = &g_array_index (self->blocks, Block, b);
      guint n_lines = pango_layout_get_line_count (block->layout);
      g_autofree double *heights = g_new (double, n_lines);
      CgPaginateBlock measured = {
        .kind = block->kind,
        .n_lines = n_lines,
        .line_heights = heights,
        .space_before = block->space_before,
        .section = block->section,
        .continued = block->continued,
        .boxed = block->in_box,
        .keep_with_next = block->keep_with_next,
        .keep_whole = block->keep_whole,
        .out_of_flow = block->continuation,
      };

      for (guint l = 0; l < n_lines; l++)
        {
          double height, ascent;

          heights[l] = cg_handout_block_get_line_pitch (block, l, &height, &ascent);
        }
      cg_paginate_add_block (pages, &measured);
    }

  return pages;
}

/**
 * cg_handout_layout_paginate:
 * @width: page width in points
 * @height: page height in points
 *
 * Lays the handout out on pages of this size. Call before drawing, again when the size or the
 * content changes. The preview, printing and the PDF export all come through here.
 *
 * Returns: the number of pages
 */
guint
cg_handout_layout_paginate (CgHandoutLayout *self,
                            double           width,
                            double           height)
{
  double content_width;

  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), 0);
  g_return_val_if_fail (width > 2 * MARGIN && height > 2 * MARGIN, 0);

  if (!self->dirty && width == self->width && height == self->height)
    return cg_paginate_get_n_pages (self->pages);

  self->width = width;
  self->height = height;
  self->body_size = self->large_print ? LARGE_BODY_SIZE : BODY_SIZE;
  self->box_padding = self->body_size * 0.8;
  self->dirty = FALSE;
  content_width = width - 2 * MARGIN;

  cg_handout_layout_build_footer (self, content_width);
  cg_handout_layout_build_blocks (self, content_width);
  self->text_bottom = MAX (self->footer_top - self->body_size * 1.2, MARGIN + self->body_size);

  g_clear_pointer (&self->pages, cg_paginate_free);
  self->pages = measure_blocks (self);

  return cg_paginate_run (self->pages);
}

/**
 * cg_handout_layout_get_pagination:
 *
 * For tests and benchmarks: the pages as the engine laid them out, or %NULL before
 * cg_handout_layout_paginate(). Its block indices are those of the layout's blocks.
 *
 * Returns: (transfer none) (nullable): the pagination
 */
CgPaginate *
cg_handout_layout_get_pagination (CgHandoutLayout *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), NULL);

  return self->dirty ? NULL : self->pages;
}

guint
cg_handout_layout_get_n_pages (CgHandoutLayout *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), 0);

  return self->pages != NULL ? cg_paginate_get_n_pages (self->pages) : 0;
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
  const CgPaginatePlacement *placements;
  GString *str;
  guint n;

  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), NULL);
  g_return_val_if_fail (!self->dirty, NULL);
  g_return_val_if_fail (page < cg_handout_layout_get_n_pages (self), NULL);

  str = g_string_new (NULL);
  placements = cg_paginate_get_page (self->pages, page, &n);

  for (guint i = 0; i < n; i++)
    {
      const CgPaginatePlacement *p = &placements[i];
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
