/* cg-content-view.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-search-index.h"
#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_CONTENT_VIEW (cg_content_view_get_type())

G_DECLARE_FINAL_TYPE (CgContentView, cg_content_view, CG, CONTENT_VIEW, GtkWidget)

GtkWidget   *cg_content_view_new                (void);
GtkTextView *cg_content_view_get_text_view      (CgContentView       *self);
CgTopic     *cg_content_view_get_topic          (CgContentView       *self);
CgSection   *cg_content_view_get_section        (CgContentView       *self);
void         cg_content_view_set_section        (CgContentView       *self,
                                                 CgSection           *section);
double       cg_content_view_get_zoom           (CgContentView       *self);
void         cg_content_view_set_zoom           (CgContentView       *self,
                                                 double               zoom);
char        *cg_content_view_dup_text           (CgContentView       *self);
char        *cg_content_view_dup_section_text   (CgContentView       *self,
                                                 CgSection           *section);
char        *cg_content_view_dup_selected_text  (CgContentView       *self);
void         cg_content_view_copy_section       (CgContentView       *self);
void         cg_content_view_show_matches       (CgContentView       *self,
                                                 CgSection           *section,
                                                 const CgSearchRange *title_ranges,
                                                 guint                n_title_ranges,
                                                 const CgSearchMatch *matches,
                                                 guint                n_matches,
                                                 guint                focus_index);
void         cg_content_view_set_highlights     (CgContentView       *self,
                                                 CgSearchHit         *hit);
guint        cg_content_view_get_n_highlighted  (CgContentView       *self);
char        *cg_content_view_dup_current_match  (CgContentView       *self,
                                                 guint               *index);
gboolean     cg_content_view_find_next          (CgContentView       *self);
gboolean     cg_content_view_find_previous      (CgContentView       *self);
gboolean     cg_content_view_get_can_go_back    (CgContentView       *self);
gboolean     cg_content_view_get_can_go_forward (CgContentView       *self);
gboolean     cg_content_view_go_back            (CgContentView       *self);
gboolean     cg_content_view_go_forward         (CgContentView       *self);

G_END_DECLS
