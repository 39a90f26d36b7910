/* cg-handout-request.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-handout-layout.h"
#include "cg-paper.h"
#include "cg-reading-level.h"
#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_HANDOUT_REQUEST (cg_handout_request_get_type())

G_DECLARE_FINAL_TYPE (CgHandoutRequest, cg_handout_request, CG, HANDOUT_REQUEST, GObject)

CgHandoutRequest   *cg_handout_request_new                 (void);

const char * const *cg_handout_request_get_sections        (CgHandoutRequest  *self);
void                cg_handout_request_set_sections        (CgHandoutRequest  *self,
                                                            const char * const *section_ids);
const char         *cg_handout_request_get_language        (CgHandoutRequest  *self);
void                cg_handout_request_set_language        (CgHandoutRequest  *self,
                                                            const char        *language);
const char         *cg_handout_request_get_second_language (CgHandoutRequest  *self);
void                cg_handout_request_set_second_language (CgHandoutRequest  *self,
                                                            const char        *language);
gboolean            cg_handout_request_get_large_print     (CgHandoutRequest  *self);
void                cg_handout_request_set_large_print     (CgHandoutRequest  *self,
                                                            gboolean           large_print);
CgPaper             cg_handout_request_get_paper           (CgHandoutRequest  *self);
void                cg_handout_request_set_paper           (CgHandoutRequest  *self,
                                                            CgPaper            paper);
const char         *cg_handout_request_get_set_name        (CgHandoutRequest  *self);
void                cg_handout_request_set_set_name        (CgHandoutRequest  *self,
                                                            const char        *set_name);
const char         *cg_handout_request_get_clinic_header   (CgHandoutRequest  *self);
void                cg_handout_request_set_clinic_header   (CgHandoutRequest  *self,
                                                            const char        *clinic_header);

/* Patient data: kept in memory for drawing only */
const char         *cg_handout_request_get_note            (CgHandoutRequest  *self);
void                cg_handout_request_set_note            (CgHandoutRequest  *self,
                                                            const char        *note);
const char         *cg_handout_request_get_prepared_for    (CgHandoutRequest  *self);
void                cg_handout_request_set_prepared_for    (CgHandoutRequest  *self,
                                                            const char        *name);
const char         *cg_handout_request_get_next_appointment (CgHandoutRequest *self);
void                cg_handout_request_set_next_appointment (CgHandoutRequest *self,
                                                            const char        *appointment);
gboolean            cg_handout_request_has_patient_data    (CgHandoutRequest  *self);
void                cg_handout_request_clear_patient_data  (CgHandoutRequest  *self);

CgHandoutLayout    *cg_handout_request_create_layout       (CgHandoutRequest  *self,
                                                            CgLibrary         *library,
                                                            CgReadingLevel    *level,
                                                            GError           **error);
GPtrArray          *cg_handout_request_list_sections       (CgHandoutRequest  *self,
                                                            CgLibrary         *library);
char               *cg_handout_request_dup_file_name       (CgHandoutRequest  *self,
                                                            CgLibrary         *library);

G_END_DECLS
