/* cg-handout-render.c: drawing a paginated handout, for print and as a tagged PDF
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print operation, the preview and the PDF export all draw the pages of
 * cg_handout_layout_paginate() through this file, so a printed handout and a saved one have
 * the same pages.
 */

#define G_LOG_DOMAIN "cg-handout-render"

#include "config.h"

#include <cairo-pdf.h>

#include "cg-bundle.h"
#include "cg-handout-layout-private.h"
#include "cg-handout-pdf.h"
#include "cg-section.h"

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
  g_autofree char *pages_str = g_strdup_printf ("%u", cg_paginate_get_n_pages (self->pages));
  const char *label = cg_handout_layout_get_label (self, "page-footer");
  g_autofree char *text = cg_handout_expand_label (label, "page", page_str, "pages", pages_str);
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

/* Structure tags of a block, opened before its first line is drawn… */
static void
begin_block_tags (cairo_t     *cr,
                  const Block *block)
{
  for (guint i = 0; i < block->n_open_sect; i++)
    cairo_tag_begin (cr, "Sect", "");
  if (block->opens_list)
    cairo_tag_begin (cr, "L", "");
  if (block->tag != NULL)
    cairo_tag_begin (cr, block->tag, "");
}

/* …and closed after its last line, innermost first. */
static void
end_block_tags (cairo_t     *cr,
                const Block *block)
{
  if (block->tag != NULL && g_str_equal (block->tag, "LI"))
    cairo_tag_end (cr, "LBody");
  if (block->tag != NULL)
    cairo_tag_end (cr, block->tag);
  if (block->closes_list)
    cairo_tag_end (cr, "L");
  for (guint i = 0; i < block->n_close_sect; i++)
    cairo_tag_end (cr, "Sect");
}

/* Cairo takes tag attributes as key='value' pairs: a quote or backslash in a value must be
 * escaped, or cairo puts the whole surface in an error state. */
static char *
dup_tag_attribute (const char *key,
                   const char *value)
{
  GString *str = g_string_new (key);

  g_string_append (str, "='");
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (str, '\\');
      g_string_append_c (str, *p);
    }
  g_string_append_c (str, '\'');

  return g_string_free (str, FALSE);
}

static char *
dup_destination_name (guint block_index)
{
  return g_strdup_printf ("block-%u", block_index);
}

/* @tagged: emit the structure tags and destinations of a tagged PDF; the tags of a block that
 * runs over a page break stay open across it, so @cr must draw every page in order. */
void
cg_handout_layout_render_page (CgHandoutLayout *self,
                               cairo_t         *cr,
                               guint            page,
                               gboolean         tagged)
{
  const CgPaginatePlacement *placements;
  double box_top = -1;
  double box_bottom = 0;
  guint n;

  placements = cg_paginate_get_page (self->pages, page, &n);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < n; i++)
    {
      const CgPaginatePlacement *p = &placements[i];
      const Block *block = &g_array_index (self->blocks, Block, p->block);
      gboolean last_line = p->line + 1 == (guint)pango_layout_get_line_count (block->layout);
      gboolean tags = tagged && !block->continuation;
      double height, ascent;
      double pitch = cg_handout_block_get_line_pitch (block, p->line, &height, &ascent);
      double top = MARGIN + p->top;
      /* Half the leading above the line and half below, as CSS does. */
      double baseline = top + (pitch - height) / 2 + ascent;

      if (block->in_box)
        {
          if (box_top < 0)
            box_top = top - self->box_padding;
          box_bottom = top + pitch + self->box_padding;
        }

      if (tags && p->line == 0)
        begin_block_tags (cr, block);

      if (block->bullet != NULL && p->line == 0)
        {
          if (tags)
            cairo_tag_begin (cr, "Lbl", "");
          cairo_move_to (cr, MARGIN + block->x - block->font_size * 1.1, baseline);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->bullet, 0));
          if (tags)
            {
              cairo_tag_end (cr, "Lbl");
              cairo_tag_begin (cr, "LBody", "");
            }
        }

      if (tags && p->line == 0 && block->outline != NULL)
        {
          g_autofree char *name = dup_destination_name (p->block);
          g_autofree char *attributes = dup_tag_attribute ("name", name);

          cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
        }

      cairo_move_to (cr, MARGIN + block->x, baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, p->line));

      if (tags && p->line == 0 && block->outline != NULL)
        cairo_tag_end (cr, CAIRO_TAG_DEST);

      if (tags && last_line)
        end_block_tags (cr, block);
    }

  if (box_top >= 0)
    draw_box (self, cr, box_top, box_bottom);

  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/**
 * cg_handout_layout_draw_page:
 * @cr: a context whose user space is in points, with (0, 0) at the top left of the paper
 * @page: a page number from 0, below what cg_handout_layout_paginate() returned
 *
 * Draws one page, untagged, as a print operation asks for them (in any order).
 */
void
cg_handout_layout_draw_page (CgHandoutLayout *self,
                             cairo_t         *cr,
                             guint            page)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (!self->dirty);
  g_return_if_fail (page < cg_handout_layout_get_n_pages (self));

  cg_handout_layout_render_page (self, cr, page, FALSE);
}


static void
set_pdf_metadata (CgHandoutLayout *self,
                  cairo_surface_t *surface)
{
  g_autoptr(GString) titles = g_string_new (NULL);
  g_autoptr(GString) keywords = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *subject = NULL;
  g_autofree char *created = g_date_time_format (self->date, "%Y-%m-%dT%H:%M:%S%:z");

  for (guint i = 0; i < self->sections->len; i++)
    {
      CgSection *section = g_ptr_array_index (self->sections, i);
      const char * const *words = cg_section_get_keywords (section);

      g_string_append_printf (titles, "%s%s", i > 0 ? ", " : "", cg_section_get_title (section));
      for (guint j = 0; words != NULL && words[j] != NULL; j++)
        if (g_hash_table_add (seen, (gpointer)words[j]))
          g_string_append_printf (keywords, "%s%s", keywords->len > 0 ? ", " : "", words[j]);
    }
  subject = cg_handout_expand_label (cg_handout_layout_get_label (self, "handout-subject"),
                                     "sections", titles->str, NULL, NULL);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  cg_handout_layout_get_title (self));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords->str);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

/* A bookmark for a heading's first line, under its parent's */
static void
add_outline_entry (CgHandoutLayout           *self,
                   cairo_surface_t           *surface,
                   int                       *outline_ids,
                   const CgPaginatePlacement *p)
{
  const Block *block = &g_array_index (self->blocks, Block, p->block);
  g_autofree char *name = NULL;
  g_autofree char *link = NULL;
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  if (block->outline == NULL || p->line != 0 || block->continuation)
    return;

  if (block->outline_parent >= 0 && outline_ids[block->outline_parent] > 0)
    parent = outline_ids[block->outline_parent];
  name = dup_destination_name (p->block);
  link = dup_tag_attribute ("dest", name);
  outline_ids[p->block] = cairo_pdf_surface_add_outline (surface, parent, block->outline,
                                                         link, 0);
}

/* A bookmark per section (and per topic, and the note), each pointing at its heading. */
static void
add_pdf_outline (CgHandoutLayout *self,
                 cairo_surface_t *surface)
{
  g_autofree int *outline_ids = g_new0 (int, self->blocks->len);

  for (guint page = 0; page < cg_paginate_get_n_pages (self->pages); page++)
    {
      guint n;
      const CgPaginatePlacement *placements = cg_paginate_get_page (self->pages, page, &n);

      for (guint i = 0; i < n; i++)
        add_outline_entry (self, surface, outline_ids, &placements[i]);
    }
}

/* The whole handout on a PDF surface, tagged: every page through one context, so structure
 * elements may run over page breaks. */
static void
render_pdf_cb (cairo_surface_t *surface,
               gpointer         user_data)
{
  CgHandoutLayout *self = user_data;
  cairo_t *cr = cairo_create (surface);

  set_pdf_metadata (self, surface);

  cairo_tag_begin (cr, "Document", "");
  for (guint page = 0; page < cg_paginate_get_n_pages (self->pages); page++)
    {
      cg_handout_layout_render_page (self, cr, page, TRUE);
      if (page + 1 == cg_paginate_get_n_pages (self->pages))
        cairo_tag_end (cr, "Document");
      cairo_show_page (cr);
    }

  add_pdf_outline (self, surface);
  cairo_destroy (cr);
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

  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  cg_paper_get_size (self->paper, &width, &height);
  cg_handout_layout_paginate (self, width, height);

  return cg_handout_pdf_write (output, width, height, cg_bundle_get_language (self->bundle),
                               render_pdf_cb, self, error);
}

/**
 * cg_handout_layout_export_pdf:
 * @path: where to write the PDF, on the layout's paper
 *
 * Writes the handout as a tagged PDF in the handout's language through a #CgOutputFile: a
 * reader never sees half a file, a failure leaves nothing behind, and only a regular file (or a
 * symbolic link to one) is replaced.
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
