/* cg-toggle-button.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_TOGGLE_BUTTON (cg_toggle_button_get_type())

G_DECLARE_FINAL_TYPE (CgToggleButton, cg_toggle_button, CG, TOGGLE_BUTTON, GtkButton)

GtkWidget *cg_toggle_button_new        (void);
gboolean   cg_toggle_button_get_active (CgToggleButton *self);
void       cg_toggle_button_set_active (CgToggleButton *self,
                                        gboolean        active);

G_END_DECLS
