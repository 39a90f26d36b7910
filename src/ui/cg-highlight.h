/* cg-highlight.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "cg-search-index.h"

G_BEGIN_DECLS

/* GNOME's search yellow with dark text: readable in light and dark styles alike */
#define CG_HIGHLIGHT_BACKGROUND "#f8e45c"
#define CG_HIGHLIGHT_FOREGROUND "#241f31"
/* The match find next/previous moved to */
#define CG_HIGHLIGHT_CURRENT_BACKGROUND "#ffa348"
/* Where the text colour cannot be set (the content view), backgrounds the style's own text
 * colour stays readable on: light text (a dark style) on brown and on dark orange */
#define CG_HIGHLIGHT_DARK_BACKGROUND "#865e3c"
#define CG_HIGHLIGHT_DARK_CURRENT_BACKGROUND "#c64600"

PangoAttrList *cg_highlight_attributes (const CgSearchRange *ranges,
                                        guint                n_ranges);

G_END_DECLS
