/* cg-bundle-banner.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_BUNDLE_BANNER (cg_bundle_banner_get_type())

G_DECLARE_FINAL_TYPE (CgBundleBanner, cg_bundle_banner, CG, BUNDLE_BANNER, GtkWidget)

GtkWidget *cg_bundle_banner_new             (void);
void       cg_bundle_banner_add_problem     (CgBundleBanner *self,
                                             const char     *message);
void       cg_bundle_banner_add_file_problem (CgBundleBanner *self,
                                              const char     *message);
guint      cg_bundle_banner_get_n_problems  (CgBundleBanner *self);
char      *cg_bundle_banner_dup_details     (CgBundleBanner *self);

G_END_DECLS
