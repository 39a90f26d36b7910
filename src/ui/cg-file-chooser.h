/* cg-file-chooser.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  CG_FILE_CHOOSER_OPEN,
  CG_FILE_CHOOSER_SAVE,
} CgFileChooserMode;

void   cg_file_chooser_run        (GtkWindow            *parent,
                                   CgFileChooserMode     mode,
                                   const char           *title,
                                   const char           *initial_name,
                                   GtkFileFilter        *filter,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
GFile *cg_file_chooser_run_finish (GAsyncResult         *result,
                                   GError              **error);

G_END_DECLS
