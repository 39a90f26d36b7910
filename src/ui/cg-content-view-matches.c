/* cg-content-view-matches.c: search matches in the text, and going from one to the next
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

static void
clear_matches (CgContentView *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->match_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->current_match_tag, &start, &end);
  g_array_set_size (self->matches, 0);
  self->current_match = -1;
}

/* A byte range of @text as buffer offsets from @line_start, or FALSE if it does not fit. */
static gboolean
add_match (CgContentView *self,
           int            line_start,
           const char    *text,
           guint          start,
           guint          end)
{
  size_t length = strlen (text);
  MatchSpan span;

  if (start > end || end > length ||
      !g_utf8_validate (text, end, NULL))
    return FALSE;

  span.start = line_start + g_utf8_pointer_to_offset (text, text + start);
  span.end = line_start + g_utf8_pointer_to_offset (text, text + end);
  g_array_append_val (self->matches, span);

  return TRUE;
}

static void
focus_match (CgContentView *self,
             int            index)
{
  const MatchSpan *span;
  GtkTextIter start, end;

  if (index < 0 || index >= (int)self->matches->len)
    return;

  if (self->current_match >= 0)
    {
      span = &g_array_index (self->matches, MatchSpan, self->current_match);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, span->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, span->end);
      gtk_text_buffer_remove_tag (self->buffer, self->current_match_tag, &start, &end);
    }

  self->current_match = index;
  span = &g_array_index (self->matches, MatchSpan, index);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, span->start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, span->end);
  gtk_text_buffer_apply_tag (self->buffer, self->current_match_tag, &start, &end);

  /* The caret goes to the match: a screen reader entering the text starts reading there, and
   * one in the text already hears the match's line */
  _cg_content_view_move_caret_quietly (self, &start);
  _cg_content_view_scroll_to_iter (self, &start, FALSE);
  self->pinned_section = _cg_content_view_section_at_line (self, gtk_text_iter_get_line (&start));
  _cg_content_view_update_section_in_view (self);
}

/**
 * cg_content_view_show_matches:
 * @section: the section the matches are in
 * @title_ranges: (array length=n_title_ranges) (nullable): byte ranges in the section title
 * @matches: (array length=n_matches) (nullable): byte ranges in the section's blocks
 * @focus_index: the match to scroll to and mark as current, counting the title's ranges first,
 *   then @matches
 *
 * Shows @section (recording the place left in the history), highlights every match and scrolls
 * to the one asked for. Find next and previous then move from it. Ranges that do not fit the
 * text are ignored.
 */
void
cg_content_view_show_matches (CgContentView       *self,
                              CgSection           *section,
                              const CgSearchRange *title_ranges,
                              guint                n_title_ranges,
                              const CgSearchMatch *matches,
                              guint                n_matches,
                              guint                focus_index)
{
  SectionInfo *info;
  GtkTextIter line_iter;
  guint index;
  int focus = -1;

  g_return_if_fail (CG_IS_CONTENT_VIEW (self));
  g_return_if_fail (CG_IS_SECTION (section));
  g_return_if_fail (n_title_ranges == 0 || title_ranges != NULL);
  g_return_if_fail (n_matches == 0 || matches != NULL);

  if (cg_section_get_topic (section) == NULL)
    return;

  _cg_content_view_push_history (self, section);
  _cg_content_view_show_topic (self, cg_section_get_topic (section));
  clear_matches (self);

  if ((index = _cg_content_view_find_section (self, section)) == G_MAXUINT)
    return;
  info = _cg_content_view_get_section_info (self, index);

  gtk_text_buffer_get_iter_at_line (self->buffer, &line_iter, info->heading_line);
  for (guint i = 0; i < n_title_ranges; i++)
    if (add_match (self, gtk_text_iter_get_offset (&line_iter), cg_section_get_title (section),
                   title_ranges[i].start, title_ranges[i].end) && i == focus_index)
      focus = self->matches->len - 1;

  for (guint i = 0; i < n_matches; i++)
    {
      const CgBlock *block;
      const char *text;
      guint line;

      if (matches[i].block >= info->block_lines->len)
        continue;

      block = cg_section_get_block (section, matches[i].block);
      if (block->kind == CG_BLOCK_LIST)
        {
          if (matches[i].item >= g_strv_length (block->items))
            continue;
          text = block->items[matches[i].item];
        }
      else
        text = block->text;

      line = g_array_index (info->block_lines, guint, matches[i].block) +
             (block->kind == CG_BLOCK_LIST ? matches[i].item : 0);
      gtk_text_buffer_get_iter_at_line (self->buffer, &line_iter, line);
      if (add_match (self, gtk_text_iter_get_offset (&line_iter) + (block->kind == CG_BLOCK_LIST ? BULLET_CHARS : 0),
                     text, matches[i].start, matches[i].end) &&
          n_title_ranges + i == focus_index)
        focus = self->matches->len - 1;
    }

  for (guint i = 0; i < self->matches->len; i++)
    {
      const MatchSpan *span = &g_array_index (self->matches, MatchSpan, i);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, span->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, span->end);
      gtk_text_buffer_apply_tag (self->buffer, self->match_tag, &start, &end);
    }

  if (self->matches->len == 0)
    _cg_content_view_scroll_to_section (self, section);
  else
    focus_match (self, focus >= 0 ? focus : 0);
}

/**
 * cg_content_view_set_highlights:
 * @hit: (nullable): a search result, or %NULL to clear the highlights
 *
 * Shows @hit's section with every match highlighted, scrolled to its best passage.
 */
void
cg_content_view_set_highlights (CgContentView *self,
                                CgSearchHit   *hit)
{
  const CgSearchRange *title_ranges;
  const CgSearchMatch *matches;
  guint n_title_ranges, n_matches;

  g_return_if_fail (CG_IS_CONTENT_VIEW (self));
  g_return_if_fail (!hit || CG_IS_SEARCH_HIT (hit));

  if (hit == NULL)
    {
      clear_matches (self);
      return;
    }

  title_ranges = cg_search_hit_get_title_ranges (hit, &n_title_ranges);
  matches = cg_search_hit_get_matches (hit, &n_matches);
  cg_content_view_show_matches (self, cg_search_hit_get_section (hit),
                                title_ranges, n_title_ranges, matches, n_matches,
                                cg_search_hit_get_best_match (hit));
}

/* Returns: how many matches are highlighted */
guint
cg_content_view_get_n_highlighted (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), 0);

  return self->matches->len;
}

/**
 * cg_content_view_dup_current_match:
 * @index: (out) (optional): the match's position among the highlighted ones
 *
 * Returns: (nullable): the text of the current match, or %NULL if there is none
 */
char *
cg_content_view_dup_current_match (CgContentView *self,
                                   guint         *index)
{
  const MatchSpan *span;
  GtkTextIter start, end;

  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), NULL);

  if (self->current_match < 0)
    return NULL;

  if (index != NULL)
    *index = self->current_match;

  span = &g_array_index (self->matches, MatchSpan, self->current_match);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, span->start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &end, span->end);

  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

/* Returns: FALSE if nothing is highlighted. After the last match comes the first again. */
gboolean
cg_content_view_find_next (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), FALSE);

  if (self->matches->len == 0)
    return FALSE;

  focus_match (self, (self->current_match + 1) % (int)self->matches->len);
  _cg_content_view_announce_caret_line (self, FALSE, FALSE);
  return TRUE;
}

/* Returns: FALSE if nothing is highlighted. Before the first match comes the last. */
gboolean
cg_content_view_find_previous (CgContentView *self)
{
  int n;

  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), FALSE);

  if (self->matches->len == 0)
    return FALSE;

  n = self->matches->len;
  focus_match (self, (self->current_match - 1 + n) % n);
  _cg_content_view_announce_caret_line (self, FALSE, FALSE);
  return TRUE;
}
