/* cg-handout-note.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest note a handout prints, in characters: a page of text. Far longer notes take
 * Pango seconds to lay out (a 40,000-character word grows quadratically), which would freeze
 * the builder's live preview; the builder can count down to this. */
#define CG_HANDOUT_NOTE_MAX_CHARS 2000
/* The clinic header is typed like the note, and capped like it */
#define CG_HANDOUT_CLINIC_MAX_CHARS 2000

/* The longest "Prepared for" or "Next appointment" line, in characters */
#define CG_HANDOUT_FIELD_MAX_CHARS 80

char *cg_handout_text_clean (const char *text,
                             gsize       max_chars);

G_END_DECLS
