/* cg-content-history.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-section.h"
#include "cg-topic.h"

G_BEGIN_DECLS

/* A reading place: the topic, the section in view, the caret and the first character shown */
typedef struct
{
  CgTopic   *topic;
  CgSection *section;       /* nullable */
  int        caret_offset;
  int        top_offset;
} CgContentPlace;

CgContentPlace *cg_content_place_new  (CgTopic        *topic,
                                       CgSection      *section,
                                       int             caret_offset,
                                       int             top_offset);
void            cg_content_place_free (CgContentPlace *place);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgContentPlace, cg_content_place_free)

#define CG_TYPE_CONTENT_HISTORY (cg_content_history_get_type ())

G_DECLARE_FINAL_TYPE (CgContentHistory, cg_content_history, CG, CONTENT_HISTORY, GObject)

CgContentHistory *cg_content_history_new            (guint             max_places);
void              cg_content_history_push           (CgContentHistory *self,
                                                     CgContentPlace   *left);
CgContentPlace   *cg_content_history_go_back        (CgContentHistory *self,
                                                     CgContentPlace   *current);
CgContentPlace   *cg_content_history_go_forward     (CgContentHistory *self,
                                                     CgContentPlace   *current);
gboolean          cg_content_history_get_can_go_back    (CgContentHistory *self);
gboolean          cg_content_history_get_can_go_forward (CgContentHistory *self);

G_END_DECLS
