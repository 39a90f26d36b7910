/* cg-handout-output.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-chart-line.h"
#include "cg-handout-request.h"
#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_HANDOUT_OUTPUT (cg_handout_output_get_type())

G_DECLARE_FINAL_TYPE (CgHandoutOutput, cg_handout_output, CG, HANDOUT_OUTPUT, GObject)

CgHandoutOutput *cg_handout_output_new           (GtkWindow         *window,
                                                  CgLibrary         *library,
                                                  GSettings         *settings);
char            *cg_handout_output_dup_save_path (CgHandoutOutput   *self,
                                                  CgHandoutRequest  *request);
gboolean         cg_handout_output_save          (CgHandoutOutput   *self,
                                                  CgHandoutRequest  *request,
                                                  GFile             *file,
                                                  GError           **error);
void             cg_handout_output_choose_file   (CgHandoutOutput   *self,
                                                  CgHandoutRequest  *request);
void             cg_handout_output_print         (CgHandoutOutput   *self,
                                                  CgHandoutRequest  *request);
void             cg_handout_output_print_to      (CgHandoutOutput   *self,
                                                  CgHandoutRequest  *request,
                                                  const char        *printer);
gboolean         cg_handout_output_is_busy       (CgHandoutOutput   *self);
void             cg_handout_output_cancel        (CgHandoutOutput   *self);

G_END_DECLS
