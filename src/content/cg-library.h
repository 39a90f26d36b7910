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

/* Every content bundle the app shows: the built-in content, one bundle per language, and
 * any number of extra bundles from disk (clinic content), each in its own single language.
 *
 * Extra bundles come from cg_library_add_file() (Open Bundle…, drag and drop) and
 * cg_library_load_installed() (IT deployments), in that order of calls. A bundle whose topic
 * or section ids are already taken by the built-in content or an earlier bundle is refused
 * whole, with a %CG_BUNDLE_ERROR_DUPLICATE_ID error naming both files: the first one stays.
 *
 * The library emits #CgLibrary::changed after extra bundles were added, so views can call
 * cg_library_list_topics() again.
 *
 * The _async variants read, validate and build the bundles in worker threads (a clinic
 * library of a thousand topics takes a few tenths of a second) and add them on the calling
 * thread, in the order asked for; #CgLibrary:loading is %TRUE meanwhile. The library itself
 * is used from one thread. */

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
gboolean            cg_library_section_has_language (CgLibrary   *self,
                                                     const char  *section_id,
                                                     const char  *language);
const char         *cg_library_get_section_language (CgLibrary   *self,
                                                     const char  *section_id);

gboolean            cg_library_add_bundle           (CgLibrary   *self,
                                                     CgBundle    *bundle,
                                                     GError     **error);
gboolean            cg_library_check_bundle         (CgLibrary   *self,
                                                     CgBundle    *bundle,
                                                     GError     **error);
gboolean            cg_library_add_file             (CgLibrary   *self,
                                                     GFile       *file,
                                                     GError     **error);
guint               cg_library_load_installed       (CgLibrary   *self,
                                                     GPtrArray   *errors);
void                cg_library_add_file_async       (CgLibrary            *self,
                                                     GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean            cg_library_add_file_finish      (CgLibrary            *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void                cg_library_load_installed_async (CgLibrary            *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
guint               cg_library_load_installed_finish (CgLibrary           *self,
                                                      GAsyncResult        *result,
                                                      GPtrArray           *errors);
gboolean            cg_library_get_loading          (CgLibrary   *self);
void                cg_library_hold_loads           (CgLibrary   *self);
void                cg_library_release_loads        (CgLibrary   *self);
guint               cg_library_get_n_extra_bundles  (CgLibrary   *self);
CgBundle           *cg_library_get_extra_bundle     (CgLibrary   *self,
                                                     guint        position);

G_END_DECLS
