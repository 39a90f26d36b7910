/* cg-installed-bundles.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-types.h"

G_BEGIN_DECLS

/* Where bundles are installed: $XDG_DATA_HOME then each of $XDG_DATA_DIRS, plus this. */
#define CG_LIBRARY_BUNDLES_SUBDIR "calcinosis-guide/bundles"

/* One bundle file read: the bundle, or why it was skipped */
typedef struct
{
  CgBundle *bundle;
  GError   *error;
} CgLoadResult;

GArray    *cg_load_results_new              (void);
void       cg_load_results_steal_errors     (GArray     *results,
                                             GPtrArray  *errors);

GPtrArray *cg_installed_bundles_dup_dirs    (void);
char      *cg_installed_bundles_dup_file_id (GFile      *file);
void       cg_installed_bundles_read        (GHashTable *seen,
                                             GArray     *results);

G_END_DECLS
