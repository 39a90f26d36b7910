/* cg-text-limits.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Untrusted text is cut to these before anything lays it out or searches it */
#define CG_QUERY_MAX_CHARS        256  /* a search query, wherever it comes from */
#define CG_SEARCH_TERMS_MAX       20   /* D-Bus search terms used */
#define CG_SEARCH_TERM_MAX_BYTES  256  /* of each D-Bus search term */

char *cg_text_truncate       (const char          *text,
                              gssize               length,
                              gsize                max_chars);
char *cg_text_truncate_bytes (const char          *text,
                              gsize                max_bytes);
char *cg_text_bound_query    (const char          *text);
char *cg_text_join_terms     (GVariant            *terms);

G_END_DECLS
