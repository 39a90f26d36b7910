/* cg-id-registry.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_ID_REGISTRY (cg_id_registry_get_type())

G_DECLARE_FINAL_TYPE (CgIdRegistry, cg_id_registry, CG, ID_REGISTRY, GObject)

/* The topic and section ids a library's bundles have taken, and the files the extra bundles
 * came from: ids are the key the sidebar, settings and handouts use, so no two bundles may
 * share one. The registry borrows the ids and sections from the bundles, which the library
 * keeps for as long as the registry. */

CgIdRegistry *cg_id_registry_new            (void);
void          cg_id_registry_set_builtin    (CgIdRegistry  *self,
                                             CgBundle      *builtin);
gboolean      cg_id_registry_check          (CgIdRegistry  *self,
                                             CgBundle      *bundle,
                                             gboolean       other_files_only,
                                             GError       **error);
void          cg_id_registry_add            (CgIdRegistry  *self,
                                             CgBundle      *bundle);
CgSection    *cg_id_registry_lookup_section (CgIdRegistry  *self,
                                             const char    *section_id);
GHashTable   *cg_id_registry_dup_origins    (CgIdRegistry  *self);

G_END_DECLS
