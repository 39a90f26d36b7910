/* cg-topic.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_TOPIC (cg_topic_get_type())

G_DECLARE_FINAL_TYPE (CgTopic, cg_topic, CG, TOPIC, GObject)

CgTopic    *cg_topic_new                (const char *id,
                                         const char *title);
void        cg_topic_add_section        (CgTopic    *self,
                                         CgSection  *section);
const char *cg_topic_get_id             (CgTopic    *self);
const char *cg_topic_get_title          (CgTopic    *self);
guint       cg_topic_get_n_sections     (CgTopic    *self);
CgSection  *cg_topic_get_section        (CgTopic    *self,
                                         guint       position);
CgSection  *cg_topic_lookup_section     (CgTopic    *self,
                                         const char *section_id);
CgBundle   *cg_topic_get_bundle         (CgTopic    *self);

G_END_DECLS
