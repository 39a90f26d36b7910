/* cg-search-words.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a query word may mean besides itself, on folded words (cg-search-fold.h): filler words
 * of a language, German spellings without umlauts, and how far a misspelling is from a word.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Corrections: a word of this many characters or more may be misspelt… */
#define CG_SEARCH_MIN_CORRECTED_CHARS 5
/* …by one edit, or two from this many characters on */
#define CG_SEARCH_TWO_EDITS_CHARS 8
/* At most this many German respellings of one word are looked up */
#define CG_SEARCH_MAX_RESPELLINGS 8

gboolean  cg_search_is_stop_word         (const char *language,
                                          const char *word);
guint     cg_search_get_max_edits        (guint       n_chars);
guint     cg_search_edit_distance        (const gunichar *a,
                                          guint           a_length,
                                          const gunichar *b,
                                          guint           b_length,
                                          guint           max);
guint32   cg_search_letter_mask          (const char *word);
guint     cg_search_respell_german       (const char *word,
                                          char      **respellings);

G_END_DECLS
