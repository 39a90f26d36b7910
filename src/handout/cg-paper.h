/* cg-paper.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The handout dialog's paper drop-down lists the papers in this order. */
typedef enum
{
  CG_PAPER_A4,
  CG_PAPER_LETTER,
} CgPaper;

CgPaper     cg_paper_get_default (void);
gboolean    cg_paper_from_string (const char *name,
                                  CgPaper    *paper);
const char *cg_paper_to_string   (CgPaper     paper);
void        cg_paper_get_size    (CgPaper     paper,
                                  double     *width,
                                  double     *height);

G_END_DECLS
