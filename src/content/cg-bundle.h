/* cg-bundle.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cg-types.h"

G_BEGIN_DECLS

typedef enum
{
  CG_TRANSLATION_SOURCE,    /* the original text, not a translation */
  CG_TRANSLATION_COMPLETE,
  CG_TRANSLATION_PARTIAL,   /* some strings fell back to the source language */
} CgTranslationStatus;

/* One entry of a bundle's <intents>: words of a question (@cue, as written) that ask for the
 * sections of @kind. */
typedef struct
{
  char *kind;
  char *cue;
} CgIntentCue;

#define CG_TYPE_BUNDLE (cg_bundle_get_type())

G_DECLARE_FINAL_TYPE (CgBundle, cg_bundle, CG, BUNDLE, GObject)

CgBundle            *cg_bundle_new                     (const char          *origin,
                                                        const char          *language);
void                 cg_bundle_set_provenance          (CgBundle            *self,
                                                        const char          *source,
                                                        const char          *content_version,
                                                        CgTranslationStatus  status,
                                                        gboolean             reviewed,
                                                        guint                n_untranslated);
gboolean             cg_bundle_set_reviewed_on         (CgBundle            *self,
                                                        const char          *date);
void                 cg_bundle_set_disclaimer          (CgBundle            *self,
                                                        const char          *disclaimer);
const char          *cg_bundle_get_disclaimer          (CgBundle            *self);
GDateTime           *cg_bundle_get_reviewed_on         (CgBundle            *self);
void                 cg_bundle_add_label               (CgBundle            *self,
                                                        const char          *key,
                                                        const char          *text);
void                 cg_bundle_add_topic               (CgBundle            *self,
                                                        CgTopic             *topic);
void                 cg_bundle_add_intent_cue          (CgBundle            *self,
                                                        const char          *kind,
                                                        const char          *cue);
const CgIntentCue   *cg_bundle_get_intent_cues         (CgBundle            *self,
                                                        guint               *n_cues);
const char          *cg_bundle_get_origin              (CgBundle            *self);
const char          *cg_bundle_get_language            (CgBundle            *self);
const char          *cg_bundle_get_source              (CgBundle            *self);
const char          *cg_bundle_get_content_version     (CgBundle            *self);
CgTranslationStatus  cg_bundle_get_translation_status  (CgBundle            *self);
gboolean             cg_bundle_get_reviewed            (CgBundle            *self);
guint                cg_bundle_get_n_untranslated      (CgBundle            *self);
const char          *cg_bundle_get_label               (CgBundle            *self,
                                                        const char          *key);
guint                cg_bundle_get_n_topics            (CgBundle            *self);
CgTopic             *cg_bundle_get_topic               (CgBundle            *self,
                                                        guint                position);
CgSection           *cg_bundle_lookup_section          (CgBundle            *self,
                                                        const char          *section_id);
guint                cg_bundle_get_n_sections          (CgBundle            *self);

const char          *cg_language_get_name              (const char          *language);

G_END_DECLS
