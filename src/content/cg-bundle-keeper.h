/* cg-bundle-keeper.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GFile *cg_bundle_keep_in_library (GFile   *file,
                                  GError **error);

G_END_DECLS
