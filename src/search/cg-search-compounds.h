/* cg-search-compounds.h: German compound words, for the index
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * German writes compounds as one word: the text says "Kalkablagerungen" and
 * "Blutuntersuchungen" where a patient types "Ablagerungen" or "Blut". In German content a
 * query word also matches the words that end with it (from CG_SEARCH_MIN_COMPOUND_HEAD_CHARS
 * characters) and those that start with it (from CG_SEARCH_MIN_COMPOUND_PART_CHARS). The words
 * ending with one suffix are one slice of the terms sorted by their reversed spelling.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CG_SEARCH_MIN_COMPOUND_HEAD_CHARS 6
#define CG_SEARCH_MIN_COMPOUND_PART_CHARS 4

gboolean  cg_search_has_compounds          (const char         *language);
guint    *cg_search_compounds_sort         (const char * const *terms,
                                            guint               n_terms);
guint     cg_search_compounds_find_ending  (const char * const *terms,
                                            const guint        *order,
                                            guint               n_terms,
                                            const char         *ending,
                                            guint              *end);

G_END_DECLS
