/* cg-test-bundle-file.h: small clinic bundles written to disk for the content tests
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"

/* Returns: the path of DIR/NAME, a French bundle of one topic with one section */
static inline char *
cg_test_write_bundle (const char *dir,
                      const char *name,
                      const char *topic_id,
                      const char *section_id)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents =
    g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<bundle format=\"1\" lang=\"fr\">\n"
                     "  <provenance><source>Clinic</source><content-version>1</content-version></provenance>\n"
                     "  <topic id=\"%s\">\n"
                     "    <title>Topic %s</title>\n"
                     "    <section id=\"%s\">\n"
                     "      <title>Section</title>\n"
                     "      <p>Text.</p>\n"
                     "    </section>\n"
                     "  </topic>\n"
                     "</bundle>\n", topic_id, topic_id, section_id);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  return g_steal_pointer (&path);
}

/* Returns: (transfer full): the bundle cg_test_write_bundle() writes, loaded */
static inline CgBundle *
cg_test_load_bundle (const char *dir,
                     const char *name,
                     const char *topic_id,
                     const char *section_id)
{
  g_autofree char *path = cg_test_write_bundle (dir, name, topic_id, section_id);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CgBundle *bundle = cg_bundle_load_file (file, &error);

  g_assert_no_error (error);
  return bundle;
}
