/* cg-content-view.c: a topic as one document, read and selected like a page
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole topic is one read-only GtkTextView with a visible caret: its title, then each
 * section's heading, paragraphs and list items, one buffer line each. That gives what separate
 * labels cannot: a selection across paragraphs and sections, and a screen reader that reads the
 * document line by line and all through (GTK exposes a text view's text, caret and selection over
 * AT-SPI). Bundle text is inserted as plain text and styled with tags, never parsed as markup.
 *
 * The view knows which section is in view (the "section" property), scrolls to a section or a
 * search match when asked, walks the highlighted matches, and keeps the back/forward history of
 * those navigations.
 */

#define G_LOG_DOMAIN "cg-content-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-accessible.h"
#include "cg-bundle.h"
#include "cg-content-view.h"
#include "cg-highlight.h"
#include "cg-search-index.h"
#include "cg-section.h"
#include "cg-topic.h"

#define ZOOM_MIN 0.5
#define ZOOM_MAX 2.0

/* A comfortable line length, in characters of the text's own font, so it follows the zoom */
#define LINE_LENGTH_CHARS 70
#define MIN_SIDE_MARGIN 24

/* List items start with a bullet in the text itself: copied text and screen readers keep it */
#define BULLET "• "
#define BULLET_CHARS 2

#define MAX_HISTORY 50

typedef enum
{
  LINE_TITLE,
  LINE_HEADING,
  LINE_PARAGRAPH,
  LINE_ITEM,
} LineKind;

/* What each buffer line is: one line per title, heading, paragraph or list item */
typedef struct
{
  LineKind kind;
  guint    section;  /* index in sections; G_MAXUINT for the topic title */
  guint    block;    /* the paragraph or list it belongs to */
} LineInfo;

typedef struct
{
  CgSection *section;
  guint      heading_line;
  guint      end_line;     /* the first line after the section */
  GArray    *block_lines;  /* block index → its first line */
} SectionInfo;

/* A match as character offsets in the buffer, in document order */
typedef struct
{
  int start;
  int end;
} MatchSpan;

/* A place to come back to: the topic, the section in view and the first character shown */
typedef struct
{
  CgTopic   *topic;
  CgSection *section;
  int        top_offset;
} HistoryEntry;

struct _CgContentView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkTextView       *text_view;

  /* Owned */
  CgTopic           *topic;
  GArray            *sections;       /* SectionInfo */
  GArray            *lines;          /* LineInfo, one per buffer line */
  GArray            *matches;        /* MatchSpan */
  GQueue            *back;           /* HistoryEntry, newest first */
  GQueue            *forward;        /* HistoryEntry, nearest first */
  char              *zoom_class;

  /* Borrowed: owned by the buffer's tag table and the buffer */
  GtkTextBuffer     *buffer;
  GtkTextTag        *title_tag;
  GtkTextTag        *heading_tag;
  GtkTextTag        *paragraph_tag;
  GtkTextTag        *item_tag;
  GtkTextTag        *list_end_tag;
  GtkTextTag        *match_tag;
  GtkTextTag        *current_match_tag;
  GtkTextMark       *scroll_mark;

  double             zoom;
  guint              section_in_view;  /* index in sections, G_MAXUINT for none */
  guint              pinned_section;   /* the section navigated to, until the reader moves */
  int                current_match;    /* index in matches, -1 for none */
  guint              caret_heading_level;  /* 1 title, 2 section heading, 0 other text */
  int                char_width;       /* font metrics the margins and spacing were set for */
  int                line_height;
  int                view_width;
  guint              placing_cursor : 1;
  guint              scroll_pending : 1;   /* keep the scroll target in place as lines get measured */
  guint              scroll_to_top : 1;
  guint              has_context_point : 1;
  int                context_y;        /* where the context menu was asked for (buffer coords) */
};

enum {
  PROP_0,
  PROP_SECTION,
  PROP_TOPIC,
  PROP_ZOOM,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CgContentView, cg_content_view, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

static void
section_info_clear (gpointer data)
{
  SectionInfo *info = data;

  g_clear_object (&info->section);
  g_clear_pointer (&info->block_lines, g_array_unref);
}

static void
history_entry_free (gpointer data)
{
  HistoryEntry *entry = data;

  g_clear_object (&entry->topic);
  g_clear_object (&entry->section);
  g_free (entry);
}

static SectionInfo *
get_section_info (CgContentView *self,
                  guint          index)
{
  return index < self->sections->len ? &g_array_index (self->sections, SectionInfo, index) : NULL;
}

static guint
find_section (CgContentView *self,
              CgSection     *section)
{
  for (guint i = 0; i < self->sections->len; i++)
    if (g_array_index (self->sections, SectionInfo, i).section == section)
      return i;

  return G_MAXUINT;
}

/* The section a line belongs to; the topic's title counts as part of the first section. */
static guint
section_at_line (CgContentView *self,
                 int            line)
{
  guint found = self->sections->len > 0 ? 0 : G_MAXUINT;

  for (guint i = 0; i < self->sections->len; i++)
    {
      if ((int)g_array_index (self->sections, SectionInfo, i).heading_line > line)
        break;
      found = i;
    }

  return found;
}

static void
set_section_in_view (CgContentView *self,
                     guint          index)
{
  if (index == self->section_in_view)
    return;

  self->section_in_view = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SECTION]);
}

/* The section in view is the one navigated to, until the reader scrolls, clicks or moves the
 * caret; then the one holding the caret while it is on screen and the text has the focus (a
 * keyboard or screen-reader user reads where the caret is); otherwise the one a quarter down
 * the page, where the eye is. */
static void
update_section_in_view (CgContentView *self)
{
  GdkRectangle visible;
  GtkTextIter iter;
  int y, height;

  if (self->sections->len == 0)
    {
      set_section_in_view (self, G_MAXUINT);
      return;
    }

  if (self->pinned_section != G_MAXUINT)
    {
      set_section_in_view (self, self->pinned_section);
      return;
    }

  gtk_text_view_get_visible_rect (self->text_view, &visible);

  if (gtk_widget_is_focus (GTK_WIDGET (self->text_view)))
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
      gtk_text_view_get_line_yrange (self->text_view, &iter, &y, &height);
      if (y + height > visible.y && y < visible.y + visible.height)
        {
          set_section_in_view (self, section_at_line (self, gtk_text_iter_get_line (&iter)));
          return;
        }
    }

  gtk_text_view_get_line_at_y (self->text_view, &iter, visible.y + visible.height / 4, NULL);
  set_section_in_view (self, section_at_line (self, gtk_text_iter_get_line (&iter)));
}

/* The reader moved: the section in view follows the page again. */
static void
unpin (CgContentView *self)
{
  self->scroll_pending = FALSE;
  /* A context menu opened before and dismissed no longer says which section to copy */
  self->has_context_point = FALSE;

  if (self->pinned_section == G_MAXUINT)
    return;

  self->pinned_section = G_MAXUINT;
  update_section_in_view (self);
}

static void
scroll_to_mark (CgContentView *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, self->scroll_mark);

  if (gtk_text_iter_is_start (&iter))
    gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), 0);
  else if (self->scroll_to_top)
    gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE, 0.0, 0.0);
  else
    gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.15, FALSE, 0.0, 0.0);
}

static void
place_cursor (CgContentView     *self,
              const GtkTextIter *iter)
{
  self->placing_cursor = TRUE;
  gtk_text_buffer_place_cursor (self->buffer, iter);
  self->placing_cursor = FALSE;
}

static void
scroll_to_iter (CgContentView     *self,
                const GtkTextIter *iter,
                gboolean           to_top)
{
  gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, iter);
  /* A mark, not an iter: the view scrolls once the lines around it are measured. Lines above
   * it are measured later, in idle time, and shift it: until the reader moves, each change of
   * the document's height scrolls to the mark again (see on_vadjustment_changed_cb()). */
  self->scroll_pending = TRUE;
  self->scroll_to_top = !!to_top;
  scroll_to_mark (self);
}

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

/* Fills the buffer with the topic: title, then every section's heading and blocks. */
static void
rebuild (CgContentView *self)
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

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_topic_get_title (self->topic),
                                  -1);

  /* Each bundle is in one language: line breaking, hyphenation and voices follow it */
  if (cg_topic_get_bundle (self->topic) != NULL)
    g_object_set (self->paragraph_tag, "language",
                  cg_bundle_get_language (cg_topic_get_bundle (self->topic)), NULL);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->paragraph_tag, &start, &end);
  place_cursor (self, &start);
}

static void
show_topic (CgContentView *self,
            CgTopic       *topic)
{
  if (g_set_object (&self->topic, topic))
    {
      rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOPIC]);
    }
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

          g_string_append (str, same_list ? "\n" : "\n\n");
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

static void
section_bounds (CgContentView *self,
                guint          index,
                GtkTextIter   *start,
                GtkTextIter   *end)
{
  SectionInfo *info = get_section_info (self, index);

  gtk_text_buffer_get_iter_at_line (self->buffer, start, info->heading_line);
  gtk_text_buffer_get_iter_at_line (self->buffer, end, info->end_line - 1);
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);
}

/* Copy puts the selection on the clipboard as plain text with blank lines between blocks,
 * rather than the buffer's one line per block. */
static void
on_text_view_copy_clipboard_cb (CgContentView *self,
                                GtkTextView   *text_view)
{
  g_autofree char *text = cg_content_view_dup_selected_text (self);

  g_signal_stop_emission_by_name (text_view, "copy-clipboard");

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (text_view)), text);
}

/* GTK 4.8 exposes a text view's text but not its structure: with the caret on the title or a
 * section heading, a screen reader is told it is a heading, as it would say of one in a web page.
 * (On GTK before 4.14 that is the text view's description, which Orca speaks as it changes.) */
static void
describe_caret_line (CgContentView     *self,
                     const GtkTextIter *caret)
{
  guint line = gtk_text_iter_get_line (caret);
  guint level = 0;

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
      g_autofree char *description = g_strdup_printf (_("heading level %u"), level);

      cg_accessible_announce (GTK_WIDGET (self->text_view), description);
    }
  else
    cg_accessible_announce (GTK_WIDGET (self->text_view), NULL);
}

static void
on_buffer_mark_set_cb (CgContentView *self,
                       GtkTextIter   *location,
                       GtkTextMark   *mark,
                       GtkTextBuffer *buffer)
{
  if (mark != gtk_text_buffer_get_insert (buffer))
    return;

  describe_caret_line (self, location);
  if (self->placing_cursor)
    return;

  /* The reader moved the caret (keys, pointer or a screen reader): it leads from now on */
  self->pinned_section = G_MAXUINT;
  self->scroll_pending = FALSE;
  self->has_context_point = FALSE;
  update_section_in_view (self);
}

static void
on_vadjustment_value_changed_cb (CgContentView *self,
                                 GtkAdjustment *adjustment)
{
  update_section_in_view (self);
}

/* The document's height or the page changed (lines measured, zoom, window size) */
static void
on_vadjustment_changed_cb (CgContentView *self,
                           GtkAdjustment *adjustment)
{
  /* Not while unmapping: GtkScrolledWindow then ends the adjustment's animation, and a new
   * scroll from inside that would trip it */
  if (self->scroll_pending && gtk_widget_get_mapped (GTK_WIDGET (self)))
    scroll_to_mark (self);

  update_section_in_view (self);
}

static void
on_text_view_vadjustment_cb (CgContentView *self,
                             GParamSpec    *pspec,
                             GtkTextView   *text_view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view));

  if (adjustment == NULL)
    return;

  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (on_vadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed",
                           G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
}

static gboolean
on_scroll_cb (CgContentView            *self,
              double                    dx,
              double                    dy,
              GtkEventControllerScroll *controller)
{
  unpin (self);
  return GDK_EVENT_PROPAGATE;
}

static void
on_scroller_pressed_cb (CgContentView   *self,
                        int              n_press,
                        double           x,
                        double           y,
                        GtkGestureClick *gesture)
{
  /* A scrollbar or the text: the reader takes over */
  unpin (self);

  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_SECONDARY)
    {
      double text_x, text_y;
      int buffer_x, buffer_y;

      /* The context menu's Copy Section copies the section under the pointer */
      if (gtk_widget_translate_coordinates (GTK_WIDGET (self->scroller), GTK_WIDGET (self->text_view),
                                            x, y, &text_x, &text_y))
        {
          gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                                 (int)text_x, (int)text_y, &buffer_x, &buffer_y);
          self->context_y = buffer_y;
          self->has_context_point = TRUE;
        }
    }
}

/* Spacing, hanging bullets and the side margins follow the font, so the zoom scales them too. */
static void
update_metrics (CgContentView *self,
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

static void
cg_content_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CgContentView *self = CG_CONTENT_VIEW (widget);

  update_metrics (self, width);
  gtk_widget_size_allocate (GTK_WIDGET (self->scroller),
                            &(GtkAllocation) { 0, 0, width, height }, baseline);
  update_section_in_view (self);
}

static void
cg_content_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CgContentView *self = CG_CONTENT_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->scroller), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* GtkScrolledWindow ends a scroll animation when it is unmapped by jumping to its target; the
 * text view, answering that jump, sets the adjustment again, and GTK 4.8 then disconnects the
 * animation's frame clock handler twice (a critical). Ending the animation first avoids it. */
static void
cg_content_view_unmap (GtkWidget *widget)
{
  CgContentView *self = CG_CONTENT_VIEW (widget);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));

  self->scroll_pending = FALSE;
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment));

  GTK_WIDGET_CLASS (cg_content_view_parent_class)->unmap (widget);
}

static gboolean
cg_content_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CG_CONTENT_VIEW (widget)->text_view));
}

static void
copy_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  cg_content_view_copy_section (CG_CONTENT_VIEW (widget));
}

static void
navigate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CgContentView *self = CG_CONTENT_VIEW (widget);

  if (g_str_equal (action_name, "content.go-back"))
    cg_content_view_go_back (self);
  else if (g_str_equal (action_name, "content.go-forward"))
    cg_content_view_go_forward (self);
  else if (g_str_equal (action_name, "content.find-next"))
    cg_content_view_find_next (self);
  else
    cg_content_view_find_previous (self);
}

static void
cg_content_view_dispose (GObject *object)
{
  CgContentView *self = (CgContentView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_CONTENT_VIEW);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  if (self->back != NULL)
    g_queue_free_full (g_steal_pointer (&self->back), history_entry_free);
  if (self->forward != NULL)
    g_queue_free_full (g_steal_pointer (&self->forward), history_entry_free);
  g_clear_object (&self->topic);
  g_clear_pointer (&self->zoom_class, g_free);

  G_OBJECT_CLASS (cg_content_view_parent_class)->dispose (object);
}

static void
cg_content_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CgContentView *self = CG_CONTENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_object (value, cg_content_view_get_section (self));
      break;

    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, cg_content_view_get_can_go_back (self));
      break;

    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, cg_content_view_get_can_go_forward (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_content_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CgContentView *self = CG_CONTENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      cg_content_view_set_section (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      cg_content_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A tag must not set the text colour: GTK 4.8's accessible text reads a tag's write-only
 * "foreground" property and crashes when a screen reader asks for the attributes of a match.
 * So the highlights keep the style's own text colour, on backgrounds chosen for it. */
static void
update_highlight_colors (CgContentView *self)
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

static void
cg_content_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cg_content_view_parent_class)->css_changed (widget, change);

  update_highlight_colors (CG_CONTENT_VIEW (widget));
}

static void
cg_content_view_class_init (CgContentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_content_view_dispose;
  object_class->get_property = cg_content_view_get_property;
  object_class->set_property = cg_content_view_set_property;

  widget_class->measure = cg_content_view_measure;
  widget_class->size_allocate = cg_content_view_size_allocate;
  widget_class->grab_focus = cg_content_view_grab_focus;
  widget_class->unmap = cg_content_view_unmap;
  widget_class->css_changed = cg_content_view_css_changed;

  /**
   * CgContentView:section:
   *
   * The section in view. Setting it shows the section's topic and scrolls to the section.
   */
  properties [PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL,
                         CG_TYPE_SECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL,
                         CG_TYPE_TOPIC,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         ZOOM_MIN, ZOOM_MAX, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cg-content-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CgContentView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CgContentView, text_view);
  gtk_widget_class_set_css_name (widget_class, "contentview");

  gtk_widget_class_install_action (widget_class, "content.copy-section", NULL, copy_section_action);
  gtk_widget_class_install_action (widget_class, "content.go-back", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "content.go-forward", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "content.find-next", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "content.find-previous", NULL, navigate_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "content.copy-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "content.copy-section", NULL);
}

static void
cg_content_view_init (CgContentView *self)
{
  GtkEventController *controller;
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A box around the text to screen readers: an empty name is said as nothing, where GTK 4.8
   * would say the type name */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

  self->buffer = gtk_text_view_get_buffer (self->text_view);

  /* Later tags win: the match tags last, so a match shows whatever the line's style. The
   * paragraph tag covers the whole document (line height, language); the others refine it. */
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
  /* Backgrounds only (see update_highlight_colors()) */
  self->match_tag = gtk_text_buffer_create_tag (self->buffer, "match",
                                                "background", CG_HIGHLIGHT_BACKGROUND,
                                                "weight", PANGO_WEIGHT_BOLD,
                                                NULL);
  self->current_match_tag = gtk_text_buffer_create_tag (self->buffer, "current-match",
                                                        "background", CG_HIGHLIGHT_CURRENT_BACKGROUND,
                                                        NULL);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (self->buffer, "scroll-target", &start, TRUE);

  self->sections = g_array_new (FALSE, TRUE, sizeof (SectionInfo));
  g_array_set_clear_func (self->sections, section_info_clear);
  self->lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  self->matches = g_array_new (FALSE, FALSE, sizeof (MatchSpan));
  self->back = g_queue_new ();
  self->forward = g_queue_new ();
  self->section_in_view = G_MAXUINT;
  self->pinned_section = G_MAXUINT;
  self->current_match = -1;
  self->view_width = -1;

  g_signal_connect_object (self->text_view, "copy-clipboard",
                           G_CALLBACK (on_text_view_copy_clipboard_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "mark-set",
                           G_CALLBACK (on_buffer_mark_set_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_view, "notify::vadjustment",
                           G_CALLBACK (on_text_view_vadjustment_cb), self, G_CONNECT_SWAPPED);
  on_text_view_vadjustment_cb (self, NULL, self->text_view);

  /* Wheel and touchpad scrolling */
  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (on_scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), controller);

  /* Any button on the text or the scrollbars, seen before the text view handles it */
  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (on_scroller_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), controller);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.go-back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.go-forward", FALSE);

  self->zoom = 1.0;
  cg_content_view_set_zoom (self, 1.0);
}

GtkWidget *
cg_content_view_new (void)
{
  return g_object_new (CG_TYPE_CONTENT_VIEW, NULL);
}

/* Returns: (transfer none): the text view showing the document */
GtkTextView *
cg_content_view_get_text_view (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), NULL);

  return self->text_view;
}

/* Returns: (transfer none) (nullable): the topic shown */
CgTopic *
cg_content_view_get_topic (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), NULL);

  return self->topic;
}

/* Returns: (transfer none) (nullable): the section in view */
CgSection *
cg_content_view_get_section (CgContentView *self)
{
  SectionInfo *info;

  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), NULL);

  info = get_section_info (self, self->section_in_view);

  return info != NULL ? info->section : NULL;
}

static HistoryEntry *
capture_location (CgContentView *self)
{
  HistoryEntry *entry = g_new0 (HistoryEntry, 1);
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_line_at_y (self->text_view, &iter, visible.y, NULL);

  /* Scrolled right to a section (as navigation does): come back to that section's heading,
   * which stays right when the zoom or the window width changed meanwhile */
  if (self->pinned_section != G_MAXUINT)
    gtk_text_buffer_get_iter_at_line (self->buffer, &iter,
                                      get_section_info (self, self->pinned_section)->heading_line);

  entry->topic = g_object_ref (self->topic);
  entry->section = cg_content_view_get_section (self) ? g_object_ref (cg_content_view_get_section (self)) : NULL;
  entry->top_offset = gtk_text_iter_get_offset (&iter);

  return entry;
}

static void
notify_history (CgContentView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_GO_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_GO_FORWARD]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.go-back", !g_queue_is_empty (self->back));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.go-forward", !g_queue_is_empty (self->forward));
}

/* Before going somewhere else: remember where we are, unless it is the same section. */
static void
push_history (CgContentView *self,
              CgSection     *target)
{
  CgSection *current = cg_content_view_get_section (self);

  if (self->topic == NULL || current == NULL || current == target)
    return;

  g_queue_push_head (self->back, capture_location (self));
  while (g_queue_get_length (self->back) > MAX_HISTORY)
    history_entry_free (g_queue_pop_tail (self->back));
  g_queue_clear_full (self->forward, history_entry_free);
  notify_history (self);
}

/* Shows @section's topic if needed and scrolls its heading to the top. */
static void
scroll_to_section (CgContentView *self,
                   CgSection     *section)
{
  GtkTextIter iter;
  guint index;

  show_topic (self, cg_section_get_topic (section));
  if ((index = find_section (self, section)) == G_MAXUINT)
    return;

  gtk_text_buffer_get_iter_at_line (self->buffer, &iter, get_section_info (self, index)->heading_line);
  place_cursor (self, &iter);
  /* The first section comes with the topic's title above it */
  if (index == 0)
    gtk_text_buffer_get_start_iter (self->buffer, &iter);
  scroll_to_iter (self, &iter, TRUE);
  self->pinned_section = index;
  update_section_in_view (self);
}

/**
 * cg_content_view_set_section:
 * @section: (nullable): the section to show
 *
 * Shows the document of @section's topic, scrolled to @section, and records the place left in
 * the history.
 */
void
cg_content_view_set_section (CgContentView *self,
                             CgSection     *section)
{
  g_return_if_fail (CG_IS_CONTENT_VIEW (self));
  g_return_if_fail (!section || CG_IS_SECTION (section));

  if (section == NULL || cg_section_get_topic (section) == NULL)
    {
      show_topic (self, NULL);
      update_section_in_view (self);
      return;
    }

  push_history (self, section);
  scroll_to_section (self, section);
}

double
cg_content_view_get_zoom (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), 1.0);

  return self->zoom;
}

/* Zoom moves in steps of 10 %, each a CSS class of style.css. */
void
cg_content_view_set_zoom (CgContentView *self,
                          double         zoom)
{
  int percent;

  g_return_if_fail (CG_IS_CONTENT_VIEW (self));

  percent = (int)(CLAMP (zoom, ZOOM_MIN, ZOOM_MAX) * 10.0 + 0.5) * 10;
  zoom = percent / 100.0;

  if (self->zoom_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->text_view), self->zoom_class);
  g_free (self->zoom_class);
  self->zoom_class = g_strdup_printf ("zoom-%d", percent);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), self->zoom_class);

  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
    }
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
  GtkTextIter start, end;
  guint index;

  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), NULL);
  g_return_val_if_fail (CG_IS_SECTION (section), NULL);

  if ((index = find_section (self, section)) == G_MAXUINT)
    return NULL;

  section_bounds (self, index, &start, &end);

  return format_range (self, &start, &end);
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
      return section_at_line (self, gtk_text_iter_get_line (&iter));
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

  if (!(info = get_section_info (self, section_to_copy (self))))
    return;

  text = cg_content_view_dup_section_text (self, info->section);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
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

  /* The caret goes to the match: a screen reader entering the text starts reading there */
  place_cursor (self, &start);
  scroll_to_iter (self, &start, FALSE);
  self->pinned_section = section_at_line (self, gtk_text_iter_get_line (&start));
  update_section_in_view (self);
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

  push_history (self, section);
  show_topic (self, cg_section_get_topic (section));
  clear_matches (self);

  if ((index = find_section (self, section)) == G_MAXUINT)
    return;
  info = get_section_info (self, index);

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
    scroll_to_section (self, section);
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
  return TRUE;
}

gboolean
cg_content_view_get_can_go_back (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), FALSE);

  return !g_queue_is_empty (self->back);
}

gboolean
cg_content_view_get_can_go_forward (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), FALSE);

  return !g_queue_is_empty (self->forward);
}

static void
restore_location (CgContentView *self,
                  HistoryEntry  *entry)
{
  GtkTextIter iter;
  guint index;

  show_topic (self, entry->topic);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, entry->top_offset);
  place_cursor (self, &iter);
  scroll_to_iter (self, &iter, TRUE);
  index = entry->section != NULL ? find_section (self, entry->section) : G_MAXUINT;
  self->pinned_section = index;
  update_section_in_view (self);
}

static gboolean
go (CgContentView *self,
    GQueue        *from,
    GQueue        *to)
{
  HistoryEntry *entry;

  if (g_queue_is_empty (from) || self->topic == NULL)
    return FALSE;

  entry = g_queue_pop_head (from);
  g_queue_push_head (to, capture_location (self));
  restore_location (self, entry);
  history_entry_free (entry);
  notify_history (self);

  return TRUE;
}

/* Returns: FALSE if there was nowhere to go back to */
gboolean
cg_content_view_go_back (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), FALSE);

  return go (self, self->back, self->forward);
}

/* Returns: FALSE if there was nowhere to go forward to */
gboolean
cg_content_view_go_forward (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), FALSE);

  return go (self, self->forward, self->back);
}
