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
  CG_READABILITY_FLESCH_KINCAID_GRADE,  /* en: a US school grade */
  CG_READABILITY_FLESCH_READING_EASE,   /* en: 0–100 */
  CG_READABILITY_FERNANDEZ_HUERTA,      /* es: 0–100 */
  CG_READABILITY_SZIGRISZT_PAZOS,       /* es: perspicuity, read on the INFLESZ scale */
  CG_READABILITY_KANDEL_MOLES,          /* fr: 0–100 */
  CG_READABILITY_AMSTAD,                /* de: 0–100 */
  CG_READABILITY_WIENER_SACHTEXT_1,     /* de: an Austrian school grade, 4–15 */
  CG_READABILITY_N_FORMULAS,
} CgReadabilityFormula;

typedef enum
{
  CG_READABILITY_GRADE,  /* a school grade: lower is easier */
  CG_READABILITY_EASE,   /* 0 to 100: higher is easier */
} CgReadabilityScale;

/* What the formulas are fed */
typedef struct
{
  guint n_sentences;
  guint n_words;
  guint n_syllables;
  guint n_monosyllables;  /* words of one syllable */
  guint n_polysyllables;  /* words of three syllables or more */
  guint n_long_words;     /* words of more than six letters */
} CgTextCounts;

typedef struct
{
  gboolean             available;  /* FALSE when no formula is known for the language */
  CgReadabilityFormula formula_id; /* the language's formula, the target's */
  double               score;      /* rounded as shown: one decimal for a grade, none for ease */
  CgReadabilityScale   scale;
  double               target;     /* grade at most, or ease at least */
  gboolean             meets_target;
  const char          *formula;    /* translated name of the formula */
  const char          *reading;    /* translated: how to read the score */
  const char          *band;       /* (nullable) translated band, e.g. INFLESZ "normal" */
  gboolean             has_second;
  CgReadabilityFormula second_id;  /* another published formula for the language */
  double               second_score;
  guint                n_sentences;
  guint                n_words;
  guint                n_syllables;
} CgReadability;

void         cg_readability_count            (const char           *text,
                                              const char           *language,
                                              CgTextCounts         *counts);
double       cg_readability_score            (CgReadabilityFormula  formula,
                                              const CgTextCounts   *counts);
const char  *cg_readability_formula_name     (CgReadabilityFormula  formula);
const char  *cg_readability_inflesz_band     (double                perspicuity);
gboolean     cg_readability_estimate         (const char           *text,
                                              const char           *language,
                                              CgReadability        *result);
guint        cg_readability_count_syllables  (const char           *word,
                                              const char           *language);
char        *cg_readability_format_score     (const CgReadability  *result);
char        *cg_readability_dup_summary      (const CgReadability  *result);
char        *cg_readability_dup_second       (const CgReadability  *result);
const char  *cg_readability_verbatim_notice  (void);

G_END_DECLS
