/* cg-reading-level.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-readability.h"
#include "cg-types.h"

G_BEGIN_DECLS

typedef struct _CgReadingLevel CgReadingLevel;

CgReadingLevel      *cg_reading_level_new            (const char      *language);
CgReadingLevel      *cg_reading_level_new_for_library (CgLibrary    *library,
                                                      const char      *language,
                                                      GHashTable      *chosen,
                                                      GError         **error);
void                 cg_reading_level_free           (CgReadingLevel  *self);
void                 cg_reading_level_add_section    (CgReadingLevel  *self,
                                                      const char      *id,
                                                      const char      *title,
                                                      const char      *text,
                                                      gboolean         verbatim);
void                 cg_reading_level_add_text       (CgReadingLevel  *self,
                                                      const char      *text);
guint                cg_reading_level_get_n_sections (CgReadingLevel  *self);
const CgReadability *cg_reading_level_get_section    (CgReadingLevel  *self,
                                                      guint            index,
                                                      const char     **id,
                                                      const char     **title);
const CgReadability *cg_reading_level_get_whole      (CgReadingLevel  *self);
gboolean             cg_reading_level_is_above_target (CgReadingLevel *self);
gboolean             cg_reading_level_is_verbatim_above_target (CgReadingLevel *self);
char                *cg_reading_level_dup_report     (CgReadingLevel  *self);
const CgReadability *cg_reading_level_lookup         (CgReadingLevel  *self,
                                                      const char      *id);
char                *cg_reading_level_dup_section_line (CgReadingLevel *self,
                                                      const char      *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgReadingLevel, cg_reading_level_free)

G_END_DECLS
