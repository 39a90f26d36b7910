/* cg-section-row.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_SECTION_ROW (cg_section_row_get_type())

G_DECLARE_FINAL_TYPE (CgSectionRow, cg_section_row, CG, SECTION_ROW, GtkWidget)

GtkWidget *cg_section_row_new            (void);
CgSection *cg_section_row_get_section    (CgSectionRow *self);
void       cg_section_row_set_section    (CgSectionRow *self,
                                          CgSection    *section);
gboolean   cg_section_row_get_show_topic (CgSectionRow *self);
void       cg_section_row_set_show_topic (CgSectionRow *self,
                                          gboolean      show_topic);

G_END_DECLS
