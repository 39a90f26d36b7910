/* cg-handout-dialog.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_HANDOUT_DIALOG (cg_handout_dialog_get_type())

G_DECLARE_FINAL_TYPE (CgHandoutDialog, cg_handout_dialog, CG, HANDOUT_DIALOG, GtkWindow)

GtkWindow *cg_handout_dialog_new           (GtkWindow        *parent,
                                            CgLibrary        *library,
                                            const char       *current_section_id);
void       cg_handout_dialog_select_only   (CgHandoutDialog  *self,
                                            const char       *section_id);
gboolean   cg_handout_dialog_save_pdf      (CgHandoutDialog  *self,
                                            GFile            *file,
                                            GError          **error);
char      *cg_handout_dialog_dup_save_path (CgHandoutDialog  *self);
void       cg_handout_dialog_print_to      (CgHandoutDialog  *self,
                                            const char       *printer);
gboolean   cg_handout_dialog_close_with_parent (CgHandoutDialog *self);

G_END_DECLS
