/* cg-highlight.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "cg-search-index.h"

G_BEGIN_DECLS

PangoAttrList *cg_highlight_attributes (const CgSearchRange *ranges,
                                        guint                n_ranges);

G_END_DECLS
