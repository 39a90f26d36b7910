/* cg-content-view-reading.c: the caret as a screen reader follows it, back and forward
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
#include "cg-topic.h"

/* Moves the caret for the reader (Back, the next match) without the screen reader saying the
 * character it lands on: announce_caret_line() says the whole line */
void
_cg_content_view_move_caret_quietly (CgContentView     *self,
                                     const GtkTextIter *iter)
{
  CgAtspiBus *bus = cg_atspi_bus_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  GtkTextIter caret;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &caret, gtk_text_buffer_get_insert (self->buffer));
  if (bus != NULL && !gtk_text_iter_equal (&caret, iter))
    cg_atspi_bus_quiet_next_caret_move (bus, gtk_text_iter_get_offset (iter));
  _cg_content_view_place_cursor (self, iter);
}

/* Has a screen reader say the line at the caret, after the section's name if @with_section,
 * when the reader is in the text or, unless @only_in_text, anywhere in the window */
void
_cg_content_view_announce_caret_line (CgContentView *self,
                                      gboolean       with_section,
                                      gboolean       only_in_text)
{
  SectionInfo *info = _cg_content_view_get_section_info (self, self->section_in_view);
  GtkTextIter start, end;
  g_autofree char *line = NULL;
  g_autofree char *message = NULL;

  if (only_in_text && !gtk_widget_has_focus (GTK_WIDGET (self->text_view)))
    return;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_iter_set_line_offset (&start, 0);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  line = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);

  if (with_section && info != NULL && !g_str_equal (line, cg_section_get_title (info->section)))
    /* Translators: said by a screen reader after Back or Forward: the section, then the line
     * the caret is on, e.g. "Causes: Calcinosis can be caused by…" */
    message = g_strdup_printf (_("%s: %s"), cg_section_get_title (info->section), line);
  else
    message = g_steal_pointer (&line);

  if (*message != '\0')
    cg_accessible_announce_now (GTK_WIDGET (self->text_view), message);
}

/* GTK 4.8 exposes a text view's text but not its structure: with the caret on the title or a
 * section heading, a screen reader is told it is a heading, as it would say of one in a web page.
 * (On GTK before 4.14 that is the text view's description, which Orca speaks as it changes.) */
void
_cg_content_view_describe_caret_line (CgContentView     *self,
                                      const GtkTextIter *caret)
{
  guint line = gtk_text_iter_get_line (caret);
  guint level = 0;
  g_autofree char *description = NULL;
  CgAtspiBus *bus;

  if (line < self->lines->len)
    {
      const LineInfo *info = &g_array_index (self->lines, LineInfo, line);

      if (info->kind == LINE_TITLE)
        level = 1;
      else if (info->kind == LINE_HEADING)
        level = 2;
    }

  if (level == self->caret_heading_level)
    return;

  self->caret_heading_level = level;
  if (level != 0)
    {
      /* Translators: said by a screen reader with the caret on a heading of the text, as for a
       * heading in a web page; %u is 1 for the topic's title, 2 for a section's heading */
      description = g_strdup_printf (_("heading level %u"), level);
    }

  /* Not in the text: the description changes unreported. Orca handles a focus event before
   * events queued ahead of it, so a report made just before the text takes the focus would be
   * spoken after the focus, which says the description already. */
  if (description != NULL && !gtk_widget_has_focus (GTK_WIDGET (self->text_view)) &&
      (bus = cg_atspi_bus_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)))))
    cg_atspi_bus_quiet_next_description (bus, description);

  cg_accessible_announce (GTK_WIDGET (self->text_view), description);
}


static CgContentPlace *
capture_place (CgContentView *self)
{
  GdkRectangle visible;
  GtkTextIter top, caret;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_line_at_y (self->text_view, &top, visible.y, NULL);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &caret, gtk_text_buffer_get_insert (self->buffer));

  /* Scrolled right to a section (as navigation does): come back to that section's heading,
   * which stays right when the zoom or the window width changed meanwhile */
  if (self->pinned_section != G_MAXUINT)
    gtk_text_buffer_get_iter_at_line (self->buffer, &top,
                                      _cg_content_view_get_section_info (self, self->pinned_section)->heading_line);

  return cg_content_place_new (self->topic, cg_content_view_get_section (self),
                               gtk_text_iter_get_offset (&caret), gtk_text_iter_get_offset (&top));
}

/* Before going somewhere else: remember where we are, unless it is the same section. */
void
_cg_content_view_push_history (CgContentView *self,
                               CgSection     *target)
{
  CgSection *current = cg_content_view_get_section (self);

  if (self->topic == NULL || current == NULL || current == target)
    return;

  cg_content_history_push (self->history, capture_place (self));
}

gboolean
cg_content_view_get_can_go_back (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), FALSE);

  return cg_content_history_get_can_go_back (self->history);
}

gboolean
cg_content_view_get_can_go_forward (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), FALSE);

  return cg_content_history_get_can_go_forward (self->history);
}

/* Back in the text: the caret on the line that was being read, and a screen reader says the
 * section and that line */
static void
restore_place (CgContentView        *self,
               const CgContentPlace *place)
{
  GtkTextIter top, caret;
  guint index;

  _cg_content_view_show_topic (self, place->topic);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &top, place->top_offset);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &caret, place->caret_offset);
  _cg_content_view_move_caret_quietly (self, &caret);
  _cg_content_view_scroll_to_iter (self, &top, TRUE);
  index = place->section != NULL ? _cg_content_view_find_section (self, place->section) : G_MAXUINT;
  self->pinned_section = index;
  _cg_content_view_update_section_in_view (self);
  _cg_content_view_announce_caret_line (self, TRUE, TRUE);
}

static gboolean
go (CgContentView *self,
    gboolean       back)
{
  g_autoptr(CgContentPlace) place = NULL;

  if (self->topic == NULL)
    return FALSE;

  place = back ? cg_content_history_go_back (self->history, capture_place (self))
               : cg_content_history_go_forward (self->history, capture_place (self));
  if (place == NULL)
    return FALSE;

  restore_place (self, place);
  return TRUE;
}

/* Returns: FALSE if there was nowhere to go back to */
gboolean
cg_content_view_go_back (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), FALSE);

  return go (self, TRUE);
}

/* Returns: FALSE if there was nowhere to go forward to */
gboolean
cg_content_view_go_forward (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), FALSE);

  return go (self, FALSE);
}
