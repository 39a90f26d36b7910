/* cg-bundle-schema.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "cg-bundle-report.h"

G_BEGIN_DECLS

void cg_bundle_schema_validate (xmlDoc         *doc,
                                xmlNode        *root,
                                CgBundleReport *report);

G_END_DECLS
