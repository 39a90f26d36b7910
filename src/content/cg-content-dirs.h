/* cg-content-dirs.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GPtrArray *cg_content_dirs_dup_data_dirs (const char *extensions_dir);
GPtrArray *cg_content_dirs_list_files    (GFile      *dir,
                                          const char *suffix,
                                          GPtrArray  *errors);

G_END_DECLS
