/* cg-result-row.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-search-index.h"

G_BEGIN_DECLS

#define CG_TYPE_RESULT_ROW (cg_result_row_get_type())

G_DECLARE_FINAL_TYPE (CgResultRow, cg_result_row, CG, RESULT_ROW, GtkWidget)

GtkWidget   *cg_result_row_new                  (void);
CgSearchHit *cg_result_row_get_hit              (CgResultRow *self);
void         cg_result_row_set_hit              (CgResultRow *self,
                                                 CgSearchHit *hit);
char        *cg_result_row_dup_accessible_label (CgResultRow *self);

G_END_DECLS
