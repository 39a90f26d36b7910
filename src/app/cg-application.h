/* cg-application.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_APPLICATION (cg_application_get_type())

G_DECLARE_FINAL_TYPE (CgApplication, cg_application, CG, APPLICATION, GtkApplication)

CgApplication *cg_application_new         (const char        *application_id,
                                           GApplicationFlags  flags);
CgLibrary     *cg_application_get_library (CgApplication     *self);

G_END_DECLS
