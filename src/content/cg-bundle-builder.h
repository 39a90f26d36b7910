/* cg-bundle-builder.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "cg-types.h"

G_BEGIN_DECLS

CgBundle *cg_bundle_build_from_tree (xmlNode    *root,
                                     const char *name);

G_END_DECLS
