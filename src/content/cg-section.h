/* cg-section.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_SECTION (cg_section_get_type())

G_DECLARE_FINAL_TYPE (CgSection, cg_section, CG, SECTION, GObject)

CgSection          *cg_section_new          (const char          *id,
                                             const char          *title,
                                             guint                line);
void                cg_section_add_keyword  (CgSection           *self,
                                             const char          *keyword);
void                cg_section_add_block    (CgSection           *self,
                                             const CgBlock       *block);
void                cg_section_add_question (CgSection           *self,
                                             const char          *question);
void                cg_section_add_kind     (CgSection           *self,
                                             const char          *kind);
const char         *cg_section_get_id       (CgSection           *self);
const char         *cg_section_get_title    (CgSection           *self);
guint               cg_section_get_line     (CgSection           *self);
const char * const *cg_section_get_keywords (CgSection           *self);
const char * const *cg_section_get_questions (CgSection          *self);
const char * const *cg_section_get_kinds    (CgSection           *self);
guint               cg_section_get_n_blocks (CgSection           *self);
const CgBlock      *cg_section_get_block    (CgSection           *self,
                                             guint                position);
CgTopic            *cg_section_get_topic    (CgSection           *self);
char               *cg_section_dup_text     (CgSection           *self);

G_END_DECLS
