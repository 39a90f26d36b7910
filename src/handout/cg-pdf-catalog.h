/* cg-pdf-catalog.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CG_PDF_CATALOG_ERROR (cg_pdf_catalog_error_quark ())

typedef enum
{
  CG_PDF_CATALOG_ERROR_MALFORMED,
} CgPdfCatalogError;

GQuark   cg_pdf_catalog_error_quark   (void);
gboolean cg_pdf_catalog_append_update (GByteArray  *pdf,
                                       const char  *language,
                                       GError     **error);

G_END_DECLS
