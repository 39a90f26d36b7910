/* cg-search-provider.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-library.h"

G_BEGIN_DECLS

#define CG_SEARCH_PROVIDER_MAX_RESULTS 5
#define CG_SEARCH_PROVIDER_MIN_QUERY_CHARS 3

#define CG_TYPE_SEARCH_PROVIDER (cg_search_provider_get_type())

G_DECLARE_FINAL_TYPE (CgSearchProvider, cg_search_provider, CG, SEARCH_PROVIDER, GObject)

typedef const char *(*CgSearchProviderLanguageFunc) (gpointer user_data);
typedef void        (*CgSearchProviderShowFunc)     (const char *query,
                                                     const char *section_id,
                                                     guint32     timestamp,
                                                     gpointer    user_data);

CgSearchProvider *cg_search_provider_new      (GApplication                 *application,
                                               CgLibrary                    *library,
                                               CgSearchProviderLanguageFunc  language_func,
                                               CgSearchProviderShowFunc      show_func,
                                               gpointer                      user_data);
gboolean          cg_search_provider_export   (CgSearchProvider  *self,
                                               GDBusConnection   *connection,
                                               const char        *object_path,
                                               GError           **error);
void              cg_search_provider_unexport (CgSearchProvider  *self);

G_END_DECLS
