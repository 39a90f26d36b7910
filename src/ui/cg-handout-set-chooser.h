/* cg-handout-set-chooser.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_HANDOUT_SET_CHOOSER (cg_handout_set_chooser_get_type())

G_DECLARE_FINAL_TYPE (CgHandoutSetChooser, cg_handout_set_chooser, CG, HANDOUT_SET_CHOOSER, GtkWidget)

void cg_handout_set_chooser_set_library (CgHandoutSetChooser *self,
                                         CgLibrary           *library);
void cg_handout_set_chooser_reload      (CgHandoutSetChooser *self,
                                         const char          *select_id);
void cg_handout_set_chooser_select_none (CgHandoutSetChooser *self);

G_END_DECLS
