/* cg-handout-set-parser.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-handout-set.h"

G_BEGIN_DECLS

/* Hand-written files are small; anything larger is a mistake or an attack. */
#define CG_HANDOUT_SET_MAX_SIZE      (64 * 1024)
#define CG_HANDOUT_SET_MAX_SECTIONS  200
#define CG_HANDOUT_SETS_MAX_PER_DIR  500
#define CG_HANDOUT_SET_MAX_NAME      200  /* characters */

gboolean cg_handout_set_parse  (CgHandoutSet  *set,
                                GBytes        *bytes,
                                const char    *display_name,
                                GError       **error);

G_END_DECLS
