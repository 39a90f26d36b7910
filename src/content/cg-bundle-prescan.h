/* cg-bundle-prescan.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cg-bundle-report.h"

G_BEGIN_DECLS

gboolean cg_bundle_prescan_encoding (const char     *data,
                                     gsize           len,
                                     CgBundleReport *report);
gboolean cg_bundle_prescan_markup   (const char     *data,
                                     gsize           len,
                                     CgBundleReport *report);

G_END_DECLS
