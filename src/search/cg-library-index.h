/* cg-library-index.h: the search index of a library's topics, built in a worker thread
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-library.h"
#include "cg-search-index.h"

G_BEGIN_DECLS

void           cg_library_index_build_async  (CgLibrary            *library,
                                              const char           *language,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
CgSearchIndex *cg_library_index_build_finish (CgLibrary            *library,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
