/* cg-section-text.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cg-types.h"

G_BEGIN_DECLS

/* The mark before each list item wherever a section is shown, copied or printed */
#define CG_BULLET "•"
#define CG_BULLET_PREFIX CG_BULLET " "

/* Between two lines of a section's copied text: a line break inside a list, a blank line
 * between blocks (so a patient message or a clinic record keeps the paragraphs apart) */
#define CG_SECTION_TEXT_ITEM_BREAK  "\n"
#define CG_SECTION_TEXT_BLOCK_BREAK "\n\n"

typedef enum
{
  /* The body only, one paragraph or list item a line, each ending with a line break: what
   * reading-level estimates and search benchmarks read */
  CG_SECTION_TEXT_LINES,
  /* The heading, then the body with the breaks above and CG_BULLET_PREFIX before each list
   * item, no line break at the end: what Copy Section puts on the clipboard */
  CG_SECTION_TEXT_COPY,
} CgSectionTextStyle;

char        *cg_section_text_format    (CgSection          *section,
                                        CgSectionTextStyle  style);
const char  *cg_section_text_separator (gboolean            same_list);

G_END_DECLS
