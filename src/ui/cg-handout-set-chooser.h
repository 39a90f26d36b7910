/* cg-handout-set-chooser.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-handout-request.h"
#include "cg-handout-set.h"
#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_HANDOUT_SET_CHOOSER (cg_handout_set_chooser_get_type())

G_DECLARE_FINAL_TYPE (CgHandoutSetChooser, cg_handout_set_chooser, CG, HANDOUT_SET_CHOOSER, GtkWidget)

void cg_handout_set_chooser_set_library (CgHandoutSetChooser *self,
                                         CgLibrary           *library);
void cg_handout_set_chooser_reload      (CgHandoutSetChooser *self,
                                         const char          *select_id);
void cg_handout_set_chooser_select_none (CgHandoutSetChooser *self);
void cg_handout_set_chooser_check_choice (CgHandoutSetChooser *self,
                                          CgHandoutRequest    *request);
CgHandoutSet *cg_handout_set_chooser_get_applied (CgHandoutSetChooser *self);
char *cg_handout_set_chooser_dup_change_message (CgHandoutSetChooser *self,
                                                 CgHandoutSet        *set,
                                                 CgHandoutRequest    *before);
char *cg_handout_set_chooser_describe   (CgHandoutSet        *set,
                                         CgLibrary           *library);

G_END_DECLS
