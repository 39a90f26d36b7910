/* cg-handout-set.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_HANDOUT_SET (cg_handout_set_get_type())

G_DECLARE_FINAL_TYPE (CgHandoutSet, cg_handout_set, CG, HANDOUT_SET, GObject)

#define CG_HANDOUT_SET_ERROR (cg_handout_set_error_quark ())

typedef enum
{
  CG_HANDOUT_SET_ERROR_INVALID,    /* the file is not a handout set */
  CG_HANDOUT_SET_ERROR_NOT_FOUND,  /* no set with that id */
  CG_HANDOUT_SET_ERROR_MISSING,    /* names a section or language the library lacks */
  CG_HANDOUT_SET_ERROR_READ_ONLY,  /* a clinic's set: not changed by the app */
} CgHandoutSetError;

/* User sets live in $XDG_CONFIG_HOME/SUBDIR, clinic sets (read-only) in each
 * $XDG_DATA_DIRS/SUBDIR; one file per set, named ID.handout-set. */
#define CG_HANDOUT_SETS_SUBDIR "calcinosis-guide/handout-sets"
#define CG_HANDOUT_SET_SUFFIX  ".handout-set"

GQuark              cg_handout_set_error_quark         (void);

CgHandoutSet       *cg_handout_set_new                 (const char          *name);
CgHandoutSet       *cg_handout_set_new_from_file       (GFile               *file,
                                                        gboolean             read_only,
                                                        GError             **error);
const char         *cg_handout_set_get_id              (CgHandoutSet        *self);
const char         *cg_handout_set_get_name            (CgHandoutSet        *self);
void                cg_handout_set_set_name            (CgHandoutSet        *self,
                                                        const char          *name);
gboolean            cg_handout_set_is_read_only        (CgHandoutSet        *self);
GFile              *cg_handout_set_get_file            (CgHandoutSet        *self);

const char * const *cg_handout_set_get_sections        (CgHandoutSet        *self);
void                cg_handout_set_set_sections        (CgHandoutSet        *self,
                                                        const char * const  *section_ids);
const char         *cg_handout_set_get_language        (CgHandoutSet        *self);
void                cg_handout_set_set_language        (CgHandoutSet        *self,
                                                        const char          *language);
const char         *cg_handout_set_get_second_language (CgHandoutSet        *self);
void                cg_handout_set_set_second_language (CgHandoutSet        *self,
                                                        const char          *language);
gboolean            cg_handout_set_get_large_print     (CgHandoutSet        *self);
void                cg_handout_set_set_large_print     (CgHandoutSet        *self,
                                                        gboolean             large_print);
const char         *cg_handout_set_get_paper           (CgHandoutSet        *self);
void                cg_handout_set_set_paper           (CgHandoutSet        *self,
                                                        const char          *paper);

char               *cg_handout_set_dup_missing         (CgHandoutSet        *self,
                                                        CgLibrary           *library);
gboolean            cg_handout_set_check               (CgHandoutSet        *self,
                                                        CgLibrary           *library,
                                                        GError             **error);

gboolean            cg_handout_set_save                (CgHandoutSet        *self,
                                                        GError             **error);
gboolean            cg_handout_set_delete              (CgHandoutSet        *self,
                                                        GError             **error);

GPtrArray          *cg_handout_set_dup_dirs            (const char          *extensions_dir);
GPtrArray          *cg_handout_set_load_all            (GPtrArray           *errors);
void                cg_handout_set_load_all_async      (GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray          *cg_handout_set_load_all_finish     (GAsyncResult        *result,
                                                        GPtrArray           *errors,
                                                        GError             **error);
CgHandoutSet       *cg_handout_set_find                (GPtrArray           *sets,
                                                        const char          *id);

G_END_DECLS
