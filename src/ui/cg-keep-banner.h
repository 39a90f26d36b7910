/* cg-keep-banner.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_KEEP_BANNER (cg_keep_banner_get_type())

G_DECLARE_FINAL_TYPE (CgKeepBanner, cg_keep_banner, CG, KEEP_BANNER, GtkWidget)

GtkWidget  *cg_keep_banner_new         (GFile        *file);
gboolean    cg_keep_banner_keep        (CgKeepBanner *self);
const char *cg_keep_banner_get_message (CgKeepBanner *self);

G_END_DECLS
