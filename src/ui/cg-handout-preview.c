/* cg-handout-preview.c: the builder's preview of a handout, a page at a time
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws one page of the layout the builder made last on a drawing area, as a white sheet
 * whatever the theme, says which page it is ("Page 2 of 3", also to screen readers) and
 * estimates the reading level of the text. It keeps the page shown while the layout changes,
 * as long as the handout still has it.
 */

#define G_LOG_DOMAIN "cg-handout-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-handout-preview.h"
#include "cg-reading-level.h"

struct _CgHandoutPreview
{
  GObject          parent_instance;

  GtkDrawingArea  *area;
  GtkLabel        *page_label;
  GtkLabel        *readability_label;
  CgHandoutLayout *layout;
  guint            page;
};

G_DEFINE_FINAL_TYPE (CgHandoutPreview, cg_handout_preview, G_TYPE_OBJECT)

static void
cg_handout_preview_dispose (GObject *object)
{
  CgHandoutPreview *self = (CgHandoutPreview *)object;

  if (self->area != NULL)
    gtk_drawing_area_set_draw_func (self->area, NULL, NULL, NULL);
  g_clear_object (&self->area);
  g_clear_object (&self->page_label);
  g_clear_object (&self->readability_label);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (cg_handout_preview_parent_class)->dispose (object);
}

static void
cg_handout_preview_class_init (CgHandoutPreviewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cg_handout_preview_dispose;
}

static void
cg_handout_preview_init (CgHandoutPreview *self)
{
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  CgHandoutPreview *self = user_data;
  double page_width, page_height;
  double scale;

  if (self->layout == NULL || self->page >= cg_handout_layout_get_n_pages (self->layout))
    return;

  cg_paper_get_size (cg_handout_layout_get_paper (self->layout), &page_width, &page_height);
  scale = MIN ((width - 8) / page_width, (height - 8) / page_height);
  if (scale <= 0)
    return;

  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);

  /* A sheet of paper, whatever the theme: the handout is black on white. */
  cairo_rectangle (cr, 0, 0, page_width, page_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_set_line_width (cr, 1 / scale);
  cairo_stroke (cr);

  cg_handout_layout_draw_page (self->layout, cr, self->page);
}

/**
 * cg_handout_preview_new:
 * @area: where the page is drawn
 * @page_label: says which page is shown
 * @readability_label: the reading level, with its formula in the tooltip
 *
 * Returns: (transfer full): the preview, empty until a layout is set
 */
CgHandoutPreview *
cg_handout_preview_new (GtkDrawingArea *area,
                        GtkLabel       *page_label,
                        GtkLabel       *readability_label)
{
  CgHandoutPreview *self;

  g_return_val_if_fail (GTK_IS_DRAWING_AREA (area), NULL);
  g_return_val_if_fail (GTK_IS_LABEL (page_label), NULL);
  g_return_val_if_fail (GTK_IS_LABEL (readability_label), NULL);

  self = g_object_new (CG_TYPE_HANDOUT_PREVIEW, NULL);
  self->area = g_object_ref (area);
  self->page_label = g_object_ref (page_label);
  self->readability_label = g_object_ref (readability_label);
  gtk_drawing_area_set_draw_func (area, draw_cb, self, NULL);

  return self;
}

static void
update_page_label (CgHandoutPreview *self)
{
  guint n_pages = cg_handout_preview_get_n_pages (self);
  g_autofree char *pages = NULL;

  /* Translators: the preview's position, e.g. “Page 2 of 3” */
  pages = g_strdup_printf (_("Page %u of %u"), MIN (self->page + 1, n_pages), n_pages);
  gtk_label_set_text (self->page_label, pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, pages,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
set_level_class (GtkWidget           *label,
                 const CgReadability *level)
{
  gtk_widget_remove_css_class (label, "above-target");
  gtk_widget_remove_css_class (label, "within-target");
  if (level != NULL && level->available)
    gtk_widget_add_css_class (label, level->meets_target ? "within-target" : "above-target");
}

/* The handout's reading level against the target in words and colour, under the preview */
static void
update_readability (CgHandoutPreview *self,
                    CgReadingLevel   *level)
{
  const CgReadability *whole = cg_reading_level_get_whole (level);
  g_autofree char *summary = cg_readability_dup_summary (whole);
  g_autofree char *tooltip = NULL;
  GtkWidget *label = GTK_WIDGET (self->readability_label);

  if (whole->available)
    {
      g_autofree char *second = cg_readability_dup_second (whole);
      /* Translators: the first %s names a readability formula, the second says how to read it */
      g_autofree char *formula = g_strdup_printf (_("Estimated with the %s formula. %s"),
                                                  whole->formula, whole->reading);

      tooltip = g_strdup_printf ("%s\n%s%s%s", summary, formula, second != NULL ? "\n" : "",
                                 second != NULL ? second : "");
    }
  else
    tooltip = g_strdup (_("No readability formula is known for this language."));

  gtk_label_set_text (self->readability_label, summary);
  /* Wrapped, but at most two lines under the preview on a small screen: the tooltip holds
   * all of it */
  gtk_label_set_wrap (self->readability_label, TRUE);
  gtk_label_set_lines (self->readability_label, 2);
  gtk_label_set_ellipsize (self->readability_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, tooltip);
  set_level_class (label, whole);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->readability_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
}

/**
 * cg_handout_preview_set_layout:
 * @layout: the handout, paginated here for its paper
 * @level: the reading level of the handout's text
 */
void
cg_handout_preview_set_layout (CgHandoutPreview *self,
                               CgHandoutLayout  *layout,
                               CgReadingLevel   *level)
{
  double width, height;
  guint n_pages;

  g_return_if_fail (CG_IS_HANDOUT_PREVIEW (self));
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (layout));

  g_set_object (&self->layout, layout);
  cg_paper_get_size (cg_handout_layout_get_paper (layout), &width, &height);
  n_pages = cg_handout_layout_paginate (layout, width, height);
  if (self->page >= n_pages)
    self->page = n_pages > 0 ? n_pages - 1 : 0;

  update_page_label (self);
  update_readability (self, level);
}

guint
cg_handout_preview_get_page (CgHandoutPreview *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_PREVIEW (self), 0);

  return self->page;
}

guint
cg_handout_preview_get_n_pages (CgHandoutPreview *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_PREVIEW (self), 0);

  return self->layout != NULL ? cg_handout_layout_get_n_pages (self->layout) : 0;
}

/* @delta: pages forward (negative: back); stays within the handout */
void
cg_handout_preview_turn_page (CgHandoutPreview *self,
                              int               delta)
{
  guint n_pages;

  g_return_if_fail (CG_IS_HANDOUT_PREVIEW (self));

  n_pages = cg_handout_preview_get_n_pages (self);
  if (delta > 0 && self->page + delta < n_pages)
    self->page += delta;
  else if (delta < 0 && self->page >= (guint)-delta)
    self->page += delta;

  update_page_label (self);
}
