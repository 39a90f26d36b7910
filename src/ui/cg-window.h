/* cg-window.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_WINDOW (cg_window_get_type())

G_DECLARE_FINAL_TYPE (CgWindow, cg_window, CG, WINDOW, GtkApplicationWindow)

CgWindow   *cg_window_new             (GtkApplication *application,
                                       CgLibrary      *library);
CgLibrary  *cg_window_get_library     (CgWindow       *self);
const char *cg_window_get_language    (CgWindow       *self);
CgSection  *cg_window_get_section     (CgWindow       *self);
gboolean    cg_window_select_section  (CgWindow       *self,
                                       const char     *section_id);
void        cg_window_show_message    (CgWindow       *self,
                                       const char     *message);
void        cg_window_report_bundle_problem (CgWindow   *self,
                                             const char *message);
void        cg_window_report_file_problem   (CgWindow   *self,
                                             const char *message);
void        cg_window_open_bundle     (CgWindow       *self,
                                       GFile          *file);
void        cg_window_show_search     (CgWindow       *self,
                                       const char     *query,
                                       const char     *section_id);

G_END_DECLS
