/* cg-bundle-loader.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-bundle-reader.h"
#include "cg-types.h"

G_BEGIN_DECLS

#define CG_BUNDLE_ERROR (cg_bundle_error_quark())

/* One code per kind of problem, so callers and tests can tell them apart. Messages read
 * "FILE:LINE: message" (or "FILE: message" when the problem has no line). */
typedef enum
{
  CG_BUNDLE_ERROR_READ,              /* could not open or read the file */
  CG_BUNDLE_ERROR_NOT_REGULAR,       /* a directory, FIFO, device… */
  CG_BUNDLE_ERROR_TOO_LARGE,         /* over CG_BUNDLE_MAX_SIZE (cg-bundle-reader.h) */
  CG_BUNDLE_ERROR_EMPTY,             /* no bytes, or only white space */
  CG_BUNDLE_ERROR_ENCODING,          /* not UTF-8 (UTF-16/32, Latin-1…), NUL byte */
  CG_BUNDLE_ERROR_DOCTYPE,           /* DTDs and entities are refused outright */
  CG_BUNDLE_ERROR_LIMIT,             /* too deep, too many attributes */
  CG_BUNDLE_ERROR_MALFORMED,         /* not well-formed XML */
  CG_BUNDLE_ERROR_WRONG_ROOT,        /* not <bundle>, or <bundle> in a namespace */
  CG_BUNDLE_ERROR_SCHEMA,            /* does not follow bundle.xsd */
  CG_BUNDLE_ERROR_DUPLICATE_ID,      /* in one bundle, or a topic or section another bundle has */
  CG_BUNDLE_ERROR_UNKNOWN_LANGUAGE,
  CG_BUNDLE_ERROR_NO_CONTENT,        /* the library has no built-in content in that language */
  CG_BUNDLE_ERROR_ALREADY_OPEN,      /* the library holds a bundle from the same file */
} CgBundleError;

#define CG_BUNDLE_MAX_DEPTH 32
#define CG_BUNDLE_MAX_ATTRIBUTES 16

typedef struct
{
  CgBundleError  code;
  guint          line;     /* 0 when the problem has no line */
  char          *message;  /* without the file name and line; plain text, one line */
} CgBundleDiagnostic;

GQuark     cg_bundle_error_quark          (void);
CgBundle  *cg_bundle_load_bytes           (GBytes       *bytes,
                                           const char   *name,
                                           GError      **error);
CgBundle  *cg_bundle_load_file            (GFile        *file,
                                           GError      **error);
CgBundle  *cg_bundle_load_resource        (const char   *path,
                                           GError      **error);
GPtrArray *cg_bundle_check_bytes          (GBytes       *bytes,
                                           const char   *name);
void       cg_bundle_diagnostic_free      (CgBundleDiagnostic *diagnostic);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgBundleDiagnostic, cg_bundle_diagnostic_free)

G_END_DECLS
