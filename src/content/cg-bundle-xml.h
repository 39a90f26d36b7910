/* cg-bundle-xml.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

gboolean  cg_bundle_xml_is_element    (xmlNode    *node,
                                       const char *name);
char     *cg_bundle_xml_dup_attribute (xmlNode    *node,
                                       const char *name);
char     *cg_bundle_xml_dup_text      (xmlNode    *node);
guint     cg_bundle_xml_node_line     (xmlNode    *node);

G_END_DECLS
