/* cg-handout-pdf.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cg-output-file.h"

G_BEGIN_DECLS

typedef void (*CgHandoutPdfDrawFunc) (cairo_t  *cr,
                                      guint     page,
                                      gpointer  user_data);

gboolean cg_handout_pdf_write (CgOutputFile          *output,
                               double                 width,
                               double                 height,
                               guint                  n_pages,
                               const char            *title,
                               CgHandoutPdfDrawFunc   draw_page,
                               gpointer               user_data,
                               GError               **error);

G_END_DECLS
