/* cg-readability.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CG_READABILITY_GRADE,  /* a school grade: lower is easier */
  CG_READABILITY_EASE,   /* 0 to 100: higher is easier */
} CgReadabilityScale;

typedef struct
{
  gboolean            available;  /* FALSE when no formula is known for the language */
  double              score;
  CgReadabilityScale  scale;
  const char         *formula;    /* translated name of the formula */
  const char         *reading;    /* translated: how to read the score */
  guint               n_sentences;
  guint               n_words;
  guint               n_syllables;
} CgReadability;

gboolean  cg_readability_estimate        (const char          *text,
                                          const char          *language,
                                          CgReadability       *result);
guint     cg_readability_count_syllables (const char          *word,
                                          const char          *language);
char     *cg_readability_dup_summary     (const CgReadability *result);

G_END_DECLS
