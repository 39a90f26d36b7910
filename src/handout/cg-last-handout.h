/* cg-last-handout.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-handout-request.h"
#include "cg-types.h"

G_BEGIN_DECLS

void              cg_last_handout_remember (GSettings        *settings,
                                            CgHandoutRequest *request);
gboolean          cg_last_handout_exists   (GSettings        *settings);
CgHandoutRequest *cg_last_handout_recall   (GSettings        *settings,
                                            CgLibrary        *library,
                                            GString          *missing);

G_END_DECLS
