/* cg-section-list.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_SECTION_LIST (cg_section_list_get_type())

G_DECLARE_FINAL_TYPE (CgSectionList, cg_section_list, CG, SECTION_LIST, GObject)

CgSectionList *cg_section_list_new            (void);
void           cg_section_list_set_topics     (CgSectionList *self,
                                               GPtrArray     *topics);
guint          cg_section_list_get_n_topics   (CgSectionList *self);
CgSection     *cg_section_list_peek_section   (CgSectionList *self,
                                               guint          position);
gboolean       cg_section_list_is_topic_start (CgSectionList *self,
                                               guint          position);
guint          cg_section_list_find           (CgSectionList *self,
                                               const char    *section_id);

G_END_DECLS
