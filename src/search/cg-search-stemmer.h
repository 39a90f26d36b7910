/* cg-search-stemmer.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Snowball stemmer of one language (libstemmer): "treated", "treating" and "treats" are
 * all "treat"; "operar", "operación" are "oper". Stems are folded like the rest of search
 * (cg-search-fold.h), so "cirugía" and "cirugia" compare equal afterwards.
 *
 * Stems shorter than CG_SEARCH_MIN_STEM_CHARS characters are not given: they would join
 * unrelated short words (Spanish "cómo" and "comer" are both "com").
 *
 * Threads: one libstemmer stemmer keeps its state between calls, so the object stems under a
 * lock; any thread may use it.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CG_SEARCH_MIN_STEM_CHARS 4

#define CG_TYPE_SEARCH_STEMMER (cg_search_stemmer_get_type())

G_DECLARE_FINAL_TYPE (CgSearchStemmer, cg_search_stemmer, CG, SEARCH_STEMMER, GObject)

CgSearchStemmer *cg_search_stemmer_new          (const char      *language);
const char      *cg_search_stemmer_get_language (CgSearchStemmer *self);
char            *cg_search_stemmer_stem         (CgSearchStemmer *self,
                                                 const char      *word,
                                                 gssize           length);
gboolean         cg_search_stemmer_stem_to      (CgSearchStemmer *self,
                                                 const char      *word,
                                                 gssize           length,
                                                 GString         *stem);

G_END_DECLS
