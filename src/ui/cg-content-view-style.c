/* cg-content-view-style.c: how the content view's text looks, a facet of CgContentView
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text tags of titles, headings, paragraphs, list items and matches, their spacing and the
 * side margins measured from the font (so the zoom scales them), and the highlight colours
 * chosen for the style's own text colour.
 */

#define G_LOG_DOMAIN "cg-content-view"

#include "config.h"

#include "cg-content-view-private.h"
#include "cg-highlight.h"

/* Later tags win: the match tags last, so a match shows whatever the line's style. The
 * paragraph tag covers the whole document (line height, language); the others refine it. */
void
_cg_content_view_create_tags (CgContentView *self)
{
  self->paragraph_tag = gtk_text_buffer_create_tag (self->buffer, "paragraph",
                                                    "line-height", 1.5f,
                                                    NULL);
  self->title_tag = gtk_text_buffer_create_tag (self->buffer, "title",
                                                "weight", PANGO_WEIGHT_BOLD,
                                                "scale", 1.8,
                                                "line-height", 1.2f,
                                                NULL);
  self->heading_tag = gtk_text_buffer_create_tag (self->buffer, "heading",
                                                  "weight", PANGO_WEIGHT_BOLD,
                                                  "scale", 1.4,
                                                  "line-height", 1.2f,
                                                  NULL);
  /* Added to the view's margin (which centres the column), with the bullet hanging out */
  self->item_tag = gtk_text_buffer_create_tag (self->buffer, "item", "accumulative-margin", TRUE, NULL);
  self->list_end_tag = gtk_text_buffer_create_tag (self->buffer, "list-end", NULL);
  /* Backgrounds only (see _cg_content_view_update_highlight_colors()) */
  self->match_tag = gtk_text_buffer_create_tag (self->buffer, "match",
                                                "background", CG_HIGHLIGHT_BACKGROUND,
                                                "weight", PANGO_WEIGHT_BOLD,
                                                NULL);
  self->current_match_tag = gtk_text_buffer_create_tag (self->buffer, "current-match",
                                                        "background", CG_HIGHLIGHT_CURRENT_BACKGROUND,
                                                        NULL);
}

/* Spacing, hanging bullets and the side margins follow the font, so the zoom scales them too. */
void
_cg_content_view_update_metrics (CgContentView *self,
                                 int            width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->text_view));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int char_width = PANGO_PIXELS (pango_font_metrics_get_approximate_char_width (metrics));
  int line_height = PANGO_PIXELS (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics));
  int max_width, margin;

  pango_font_metrics_unref (metrics);

  if (char_width != self->char_width || line_height != self->line_height)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      int bullet_width;

      pango_layout_set_text (layout, BULLET, -1);
      pango_layout_get_pixel_size (layout, &bullet_width, NULL);

      self->char_width = char_width;
      self->line_height = line_height;
      g_object_set (self->title_tag, "pixels-below-lines", line_height / 2, NULL);
      g_object_set (self->heading_tag,
                    "pixels-above-lines", line_height * 3 / 2,
                    "pixels-below-lines", line_height / 2,
                    NULL);
      g_object_set (self->paragraph_tag, "pixels-below-lines", line_height * 3 / 4, NULL);
      g_object_set (self->item_tag,
                    "pixels-below-lines", line_height / 3,
                    "left-margin", char_width + bullet_width,
                    "indent", -bullet_width,
                    NULL);
      g_object_set (self->list_end_tag, "pixels-below-lines", line_height * 3 / 4, NULL);
      self->view_width = -1;
    }

  if (width == self->view_width)
    return;

  self->view_width = width;
  max_width = char_width * LINE_LENGTH_CHARS;
  margin = MAX (MIN_SIDE_MARGIN, (width - max_width) / 2);
  if (gtk_text_view_get_left_margin (self->text_view) != margin)
    gtk_text_view_set_left_margin (self->text_view, margin);
  if (gtk_text_view_get_right_margin (self->text_view) != margin)
    gtk_text_view_set_right_margin (self->text_view, margin);
}

/* A tag must not set the text colour: GTK 4.8's accessible text reads a tag's write-only
 * "foreground" property and crashes when a screen reader asks for the attributes of a match.
 * So the highlights keep the style's own text colour, on backgrounds chosen for it. */
void
_cg_content_view_update_highlight_colors (CgContentView *self)
{
  GdkRGBA color;
  gboolean light_text;

#if GTK_CHECK_VERSION (4, 10, 0)
  /* 4.10 API, used on purpose behind the 4.8 version fence */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_widget_get_color (GTK_WIDGET (self->text_view), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)), &color);
#endif
  light_text = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue > 0.5;

  g_object_set (self->match_tag,
                "background", light_text ? CG_HIGHLIGHT_DARK_BACKGROUND : CG_HIGHLIGHT_BACKGROUND,
                NULL);
  g_object_set (self->current_match_tag,
                "background", light_text ? CG_HIGHLIGHT_DARK_CURRENT_BACKGROUND : CG_HIGHLIGHT_CURRENT_BACKGROUND,
                NULL);
}
