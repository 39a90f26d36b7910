/* cg-bundle-reader.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-file-reader.h"

G_BEGIN_DECLS

/* Bundles are a few hundred KiB at most; anything far larger is a mistake or an attack. */
#define CG_BUNDLE_MAX_SIZE (8 * 1024 * 1024)

GBytes *cg_bundle_read_file         (GFile       *file,
                                     GError     **error);
GBytes *cg_bundle_read_fd           (int          fd,
                                     const char  *name,
                                     GError     **error);
char   *cg_bundle_dup_display_name  (GFile       *file);

G_END_DECLS
