/* cg-window-private.h: what cg-window-open.c adds to CgWindow
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-window.h"

G_BEGIN_DECLS

void _cg_window_open_bundle_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param);
void _cg_window_add_drop_target    (CgWindow   *self);

G_END_DECLS
