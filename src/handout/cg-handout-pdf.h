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

/* Draws every page of the document on @surface, and sets its metadata and outline */
typedef void (*CgHandoutPdfRenderFunc) (cairo_surface_t *surface,
                                        gpointer         user_data);

gboolean cg_handout_pdf_write (CgOutputFile            *output,
                               double                   width,
                               double                   height,
                               const char              *language,
                               CgHandoutPdfRenderFunc   render,
                               gpointer                 user_data,
                               GError                 **error);

G_END_DECLS
