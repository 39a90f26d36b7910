/* cg-search-fold.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text and queries are folded the same way before they are compared: case folding,
 * compatibility decomposition, combining marks dropped, a few Latin letters spelled as people
 * type them ("Résolución" = "resolucion", "Straße" = "strasse", "ﬁ" = "fi"), and split into
 * words at anything that is not a letter or digit.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One word of folded text: where it is in the folded string and in the original */
typedef struct
{
  guint folded_start;
  guint folded_end;
  guint start;         /* byte span in the original text */
  guint end;
} CgSearchFoldWord;

char  *cg_search_fold                 (const char  *text,
                                       gssize       length,
                                       GArray     **offsets);
void   cg_search_fold_words           (const char  *text,
                                       gsize        length,
                                       GString     *folded,
                                       GArray      *words);
guint  cg_search_fold_map_prefix_end  (const char  *text,
                                       guint        start,
                                       guint        end,
                                       guint        folded_length);

G_END_DECLS
