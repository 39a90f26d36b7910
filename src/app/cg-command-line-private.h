/* cg-command-line-private.h: between the files of the command line, not for other callers
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cg-library.h"

G_BEGIN_DECLS

int _cg_command_line_choose_sections     (CgLibrary     *library,
                                          const char    *language,
                                          GVariantDict  *options,
                                          GHashTable   **chosen);
int _cg_command_line_run_export_handout  (CgLibrary     *library,
                                          const char    *language,
                                          GVariantDict  *options);

G_END_DECLS
