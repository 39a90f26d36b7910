/* cg-content-dirs.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *cg_content_dirs_dup_data_dirs (const char *extensions_dir);

G_END_DECLS
