/* cg-content-view-document.c: the topic as one text: lines, styles, and the text copied
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of CgContentView (see cg-content-view-private.h).
 */

#define G_LOG_DOMAIN "cg-content-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-accessible.h"
#include "cg-atspi-bus.h"
#include "cg-bundle.h"
#include "cg-content-view-private.h"
#include "cg-highlight.h"
#include "cg-search-index.h"
#include "cg-section.h"
#include "cg-section-text.h"
#include "cg-topic.h"

static void
insert_line (CgContentView *self,
             GtkTextIter   *end,
             const char    *prefix,
             const char    *text,
             GtkTextTag    *tag,
             LineKind       kind,
             guint          section,
             guint          block)
{
  g_autofree char *line = g_strconcat (prefix, text, NULL);
  LineInfo info = { kind, section, block };

  /* Bundle text has its white space folded already; a stray line break would shift every line
   * after it, so it becomes a space */
  g_strdelimit (line, "\n\r", ' ');

  if (self->lines->len > 0)
    gtk_text_buffer_insert (self->buffer, end, "\n", 1);
  gtk_text_buffer_insert_with_tags (self->buffer, end, line, -1, tag, NULL);
  g_array_append_val (self->lines, info);
}

/* Fills the buffer with the topic: title, then every section's heading and blocks. */
void
_cg_content_view_rebuild (CgContentView *self)
{
  GtkTextIter start, end;

  g_array_set_size (self->matches, 0);
  self->current_match = -1;
  g_array_set_size (self->sections, 0);
  g_array_set_size (self->lines, 0);
  gtk_text_buffer_set_text (self->buffer, "", 0);
  self->section_in_view = G_MAXUINT;
  self->pinned_section = G_MAXUINT;

  if (self->topic == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  insert_line (self, &end, "", cg_topic_get_title (self->topic), self->title_tag, LINE_TITLE, G_MAXUINT, 0);

  for (guint i = 0; i < cg_topic_get_n_sections (self->topic); i++)
    {
      CgSection *section = cg_topic_get_section (self->topic, i);
      SectionInfo info = { g_object_ref (section), self->lines->len, 0,
                           g_array_new (FALSE, FALSE, sizeof (guint)) };

      insert_line (self, &end, "", cg_section_get_title (section), self->heading_tag, LINE_HEADING, i, 0);

      for (guint j = 0; j < cg_section_get_n_blocks (section); j++)
        {
          const CgBlock *block = cg_section_get_block (section, j);

          g_array_append_val (info.block_lines, self->lines->len);

          if (block->kind == CG_BLOCK_LIST)
            {
              for (guint k = 0; block->items[k] != NULL; k++)
                {
                  insert_line (self, &end, BULLET, block->items[k], self->item_tag, LINE_ITEM, i, j);
                  if (block->items[k + 1] == NULL)
                    {
                      GtkTextIter line_start = end;

                      gtk_text_iter_set_line_offset (&line_start, 0);
                      gtk_text_buffer_apply_tag (self->buffer, self->list_end_tag, &line_start, &end);
                    }
                }
            }
          else
            insert_line (self, &end, "", block->text, self->paragraph_tag, LINE_PARAGRAPH, i, j);
        }

      info.end_line = self->lines->len;
      g_array_append_val (self->sections, info);
    }

  _cg_content_view_name_text_view (self);

  /* Each bundle is in one language: line breaking, hyphenation and voices follow it */
  if (cg_topic_get_bundle (self->topic) != NULL)
    g_object_set (self->paragraph_tag, "language",
                  cg_bundle_get_language (cg_topic_get_bundle (self->topic)), NULL);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->paragraph_tag, &start, &end);
  _cg_content_view_place_cursor (self, &start);
}


/* Text of the buffer between two iters, one line per block: blank lines between blocks and the
 * items of one list on consecutive lines, as plain text reads in a message or a record. */
static char *
format_range (CgContentView     *self,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  GString *str = g_string_new (NULL);
  int first = gtk_text_iter_get_line (start);
  int last = gtk_text_iter_get_line (end);

  for (int line = first; line <= last && line < (int)self->lines->len; line++)
    {
      GtkTextIter from, to;
      g_autofree char *text = NULL;

      if (line > first)
        {
          const LineInfo *before = &g_array_index (self->lines, LineInfo, line - 1);
          const LineInfo *info = &g_array_index (self->lines, LineInfo, line);
          gboolean same_list = before->kind == LINE_ITEM && info->kind == LINE_ITEM &&
                               before->section == info->section && before->block == info->block;

          g_string_append (str, cg_section_text_separator (same_list));
        }

      gtk_text_buffer_get_iter_at_line (self->buffer, &from, line);
      if (line == first)
        from = *start;
      to = from;
      if (!gtk_text_iter_ends_line (&to))
        gtk_text_iter_forward_to_line_end (&to);
      if (line == last && gtk_text_iter_compare (end, &to) < 0)
        to = *end;

      text = gtk_text_buffer_get_text (self->buffer, &from, &to, FALSE);
      g_string_append (str, text);
    }

  return g_string_free (str, FALSE);
}

/**
 * cg_content_view_dup_text:
 *
 * Returns: the document as shown, one title, heading, paragraph or list item a line
 */
char *
cg_content_view_dup_text (CgContentView *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), NULL);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);

  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

/**
 * cg_content_view_dup_section_text:
 * @section: a section of the topic shown
 *
 * Returns: (nullable): the section's heading and text as Copy Section puts them on the
 *   clipboard: plain text, list items with "• ", blank lines between blocks
 */
char *
cg_content_view_dup_section_text (CgContentView *self,
                                  CgSection     *section)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), NULL);
  g_return_val_if_fail (CG_IS_SECTION (section), NULL);

  if (_cg_content_view_find_section (self, section) == G_MAXUINT)
    return NULL;

  return cg_section_text_format (section, CG_SECTION_TEXT_COPY);
}

/* Returns: (nullable): the selection as Copy puts it on the clipboard, or %NULL if none */
char *
cg_content_view_dup_selected_text (CgContentView *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), NULL);

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return NULL;

  return format_range (self, &start, &end);
}

/* The section Copy Section means: the one under the pointer when the context menu was opened,
 * else the section in view (the one the window title names). */
static guint
section_to_copy (CgContentView *self)
{
  GtkTextIter iter;

  if (self->has_context_point)
    {
      self->has_context_point = FALSE;
      gtk_text_view_get_line_at_y (self->text_view, &iter, self->context_y, NULL);
      return _cg_content_view_section_at_line (self, gtk_text_iter_get_line (&iter));
    }

  return self->section_in_view;
}

/**
 * cg_content_view_copy_section:
 *
 * Puts the section's heading and text on the clipboard (see cg_content_view_dup_section_text()).
 */
void
cg_content_view_copy_section (CgContentView *self)
{
  SectionInfo *info;
  g_autofree char *text = NULL;

  g_return_if_fail (CG_IS_CONTENT_VIEW (self));

  if (!(info = _cg_content_view_get_section_info (self, section_to_copy (self))))
    return;

  text = cg_content_view_dup_section_text (self, info->section);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  /* Translators: said by a screen reader after Ctrl+Shift+C */
  cg_accessible_announce_now (GTK_WIDGET (self), _("Section copied"));
}
