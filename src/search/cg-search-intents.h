/* cg-search-intents.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What kind of section a question asks for. "why do I get lumps" asks for causes, "how is it
 * treated" for treatment, "what is calcinosis" for the section that defines it: a small table
 * per language maps cues (words of a question, in order) to kinds of section, and a section
 * says which kinds it is (<section kind="causes">). Bundles extend the table with their own
 * cues and kinds (<intents>), so a clinic's sections are asked for the same way, without the
 * app knowing their ids.
 *
 * A cue matches a query whose words hold the cue's words in order, at most
 * CG_SEARCH_INTENT_MAX_GAP other words apart; words compare folded (cg-search-fold.h), or by
 * their stems when there is a stemmer: the cue "treat" matches "treated" and "treatment".
 *
 * Kinds get a bit each, in the order they are first named, up to CG_SEARCH_INTENT_MAX_KINDS;
 * later kinds are ignored.
 *
 * Threads: build on one thread, then match from any.
 */

#pragma once

#include <glib-object.h>

#include "cg-search-stemmer.h"

G_BEGIN_DECLS

#define CG_SEARCH_INTENT_MAX_GAP 3
#define CG_SEARCH_INTENT_MAX_KINDS 64
#define CG_SEARCH_INTENT_NO_KIND G_MAXUINT

#define CG_TYPE_SEARCH_INTENTS (cg_search_intents_get_type())

G_DECLARE_FINAL_TYPE (CgSearchIntents, cg_search_intents, CG, SEARCH_INTENTS, GObject)

CgSearchIntents *cg_search_intents_new         (const char          *language,
                                                CgSearchStemmer     *stemmer);
void             cg_search_intents_add_cue     (CgSearchIntents     *self,
                                                const char          *kind,
                                                const char          *cue);
guint            cg_search_intents_lookup_kind (CgSearchIntents     *self,
                                                const char          *kind);
const char      *cg_search_intents_get_kind    (CgSearchIntents     *self,
                                                guint                bit);
guint64          cg_search_intents_match       (CgSearchIntents     *self,
                                                const char * const  *words,
                                                const char * const  *stems,
                                                guint                n_words);

G_END_DECLS
