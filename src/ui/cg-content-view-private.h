/* cg-content-view-private.h: CgContentView's fields, for the files that make up the view
 *
 * The content view is one class in several files, as the window is: cg-content-view.c (the
 * widget, scrolling and the section in view), cg-content-view-document.c (the topic as text),
 * cg-content-view-matches.c (search matches) and cg-content-view-reading.c (the caret for
 * screen readers, back and forward). Each file sees the struct here.
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-content-history.h"
#include "cg-content-view.h"
#include "cg-section-text.h"

G_BEGIN_DECLS

#define ZOOM_MIN 0.5
#define ZOOM_MAX 2.0

/* A comfortable line length, in characters of the text's own font, so it follows the zoom */
#define LINE_LENGTH_CHARS 70
#define MIN_SIDE_MARGIN 24

/* List items start with a bullet in the text itself: copied text and screen readers keep it */
#define BULLET CG_BULLET_PREFIX
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
  CgContentHistory  *history;
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
  guint              scroll_reply_installed : 1;
  guint              has_context_point : 1;
  int                context_y;        /* where the context menu was asked for (buffer coords) */
};

guint         _cg_content_view_find_section           (CgContentView *self,
                                                       CgSection *section);
SectionInfo * _cg_content_view_get_section_info       (CgContentView *self,
                                                       guint index);
void          _cg_content_view_name_text_view         (CgContentView *self);
void          _cg_content_view_place_cursor           (CgContentView *self,
                                                       const GtkTextIter *iter);
void          _cg_content_view_scroll_to_iter         (CgContentView *self,
                                                       const GtkTextIter *iter,
                                                       gboolean to_top);
void          _cg_content_view_scroll_to_section      (CgContentView *self,
                                                       CgSection *section);
guint         _cg_content_view_section_at_line        (CgContentView *self,
                                                       int line);
void          _cg_content_view_show_topic             (CgContentView *self,
                                                       CgTopic *topic);
void          _cg_content_view_update_section_in_view (CgContentView *self);
void          _cg_content_view_rebuild                (CgContentView *self);
void          _cg_content_view_announce_caret_line    (CgContentView *self,
                                                       gboolean with_section,
                                                       gboolean only_in_text);
void          _cg_content_view_describe_caret_line    (CgContentView *self,
                                                       const GtkTextIter *caret);
void          _cg_content_view_move_caret_quietly     (CgContentView *self,
                                                       const GtkTextIter *iter);
void          _cg_content_view_push_history           (CgContentView *self,
                                                       CgSection *target);

/* cg-content-view-style.c */
void _cg_content_view_create_tags             (CgContentView *self);
void _cg_content_view_update_metrics          (CgContentView *self,
                                               int            width);
void _cg_content_view_update_highlight_colors (CgContentView *self);

G_END_DECLS
