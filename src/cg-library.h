/* cg-library.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_LIBRARY (cg_library_get_type())

G_DECLARE_FINAL_TYPE (CgLibrary, cg_library, CG, LIBRARY, GObject)

CgLibrary          *cg_library_new                  (void);
CgLibrary          *cg_library_new_for_file         (GFile       *file,
                                                     GError     **error);
const char * const *cg_library_get_languages        (CgLibrary   *self);
gboolean            cg_library_has_language         (CgLibrary   *self,
                                                     const char  *language);
const char         *cg_library_get_default_language (CgLibrary   *self);
CgBundle           *cg_library_get_bundle           (CgLibrary   *self,
                                                     const char  *language,
                                                     GError     **error);
GPtrArray          *cg_library_list_topics          (CgLibrary   *self,
                                                     const char  *language,
                                                     GError     **error);
CgSection          *cg_library_lookup_section       (CgLibrary   *self,
                                                     const char  *language,
                                                     const char  *section_id);

G_END_DECLS
