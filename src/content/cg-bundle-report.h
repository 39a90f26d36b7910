/* cg-bundle-report.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cg-bundle-loader.h"

G_BEGIN_DECLS

/* The problems one check of a bundle found, shared by every layer of the check. */
typedef struct
{
  GPtrArray *diagnostics;  /* (element-type CgBundleDiagnostic) */
  guint      n_dropped;    /* problems past the cap, counted but not kept */
} CgBundleReport;

void cg_bundle_report_add (CgBundleReport *report,
                           CgBundleError   code,
                           guint           line,
                           const char     *format,
                           ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
