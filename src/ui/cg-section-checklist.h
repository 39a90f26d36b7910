/* cg-section-checklist.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-reading-level.h"
#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_SECTION_CHECKLIST (cg_section_checklist_get_type())

G_DECLARE_FINAL_TYPE (CgSectionChecklist, cg_section_checklist, CG, SECTION_CHECKLIST, GObject)

CgSectionChecklist *cg_section_checklist_new                 (GtkListBox          *list,
                                                              GPtrArray           *topics,
                                                              const char          *current_section_id);
void                cg_section_checklist_set_ticked          (CgSectionChecklist  *self,
                                                              const char * const  *section_ids);
GStrv               cg_section_checklist_dup_ticked          (CgSectionChecklist  *self);
guint               cg_section_checklist_get_n_sections      (CgSectionChecklist  *self);
void                cg_section_checklist_update_availability (CgSectionChecklist  *self,
                                                              CgLibrary           *library,
                                                              const char          *language,
                                                              const char          *second_language);
void                cg_section_checklist_show_levels         (CgSectionChecklist  *self,
                                                              CgReadingLevel      *level);

G_END_DECLS
