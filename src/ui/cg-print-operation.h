/* cg-print-operation.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-handout-layout.h"

G_BEGIN_DECLS

#define CG_TYPE_PRINT_OPERATION (cg_print_operation_get_type())

G_DECLARE_FINAL_TYPE (CgPrintOperation, cg_print_operation, CG, PRINT_OPERATION, GtkPrintOperation)

CgPrintOperation *cg_print_operation_new                    (CgHandoutLayout      *layout);
void              cg_print_operation_send_to_printer_async  (CgHandoutLayout      *layout,
                                                             const char           *printer_name,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean          cg_print_operation_send_to_printer_finish (GAsyncResult         *result,
                                                             GError              **error);

G_END_DECLS
