/* cg-argument-check.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cg_argument_check (const char * const  *arguments,
                            GError             **error);

G_END_DECLS
