/* cg-handout-preview.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-handout-layout.h"
#include "cg-reading-level.h"

G_BEGIN_DECLS

#define CG_TYPE_HANDOUT_PREVIEW (cg_handout_preview_get_type())

G_DECLARE_FINAL_TYPE (CgHandoutPreview, cg_handout_preview, CG, HANDOUT_PREVIEW, GObject)

CgHandoutPreview *cg_handout_preview_new         (GtkDrawingArea   *area,
                                                  GtkLabel         *page_label,
                                                  GtkLabel         *readability_label);
void              cg_handout_preview_set_layout  (CgHandoutPreview *self,
                                                  CgHandoutLayout  *layout,
                                                  CgReadingLevel   *level);
guint             cg_handout_preview_get_page    (CgHandoutPreview *self);
guint             cg_handout_preview_get_n_pages (CgHandoutPreview *self);
void              cg_handout_preview_turn_page   (CgHandoutPreview *self,
                                                  int               delta);

G_END_DECLS
