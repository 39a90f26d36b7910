/* cg-clamp.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_CLAMP (cg_clamp_get_type())

G_DECLARE_FINAL_TYPE (CgClamp, cg_clamp, CG, CLAMP, GtkWidget)

GtkWidget *cg_clamp_new   (void);
void       cg_clamp_set_child (CgClamp   *self,
                               GtkWidget *child);

G_END_DECLS
