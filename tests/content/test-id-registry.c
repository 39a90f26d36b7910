/* test-id-registry.c: no two bundles share a topic or section id, and the first one stays
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-id-registry.h"
#include "cg-section.h"
#include "cg-topic.h"

#include "cg-test-files.h"
#include "content/cg-test-bundle-file.h"

static void
test_id_registry_conflicts (CgTestTempDir *fixture,
                            gconstpointer  data)
{
  g_autoptr(CgIdRegistry) ids = cg_id_registry_new ();
  g_autoptr(CgBundle) builtin = cg_test_load_bundle (fixture->dir, "builtin.xml", "builtin", "overview");
  g_autoptr(CgBundle) clinic = cg_test_load_bundle (fixture->dir, "clinic.xml", "clinic", "hours");
  g_autoptr(CgBundle) same_topic = cg_test_load_bundle (fixture->dir, "topic.xml", "clinic", "other");
  g_autoptr(CgBundle) same_section = cg_test_load_bundle (fixture->dir, "section.xml", "new", "overview");
  g_autoptr(CgBundle) fresh = cg_test_load_bundle (fixture->dir, "fresh.xml", "fresh", "fresh-s");
  g_autoptr(GHashTable) origins = NULL;
  g_autoptr(GError) error = NULL;

  cg_id_registry_set_builtin (ids, builtin);
  g_assert_true (cg_id_registry_check (ids, clinic, FALSE, &error));
  g_assert_no_error (error);
  cg_id_registry_add (ids, clinic);

  g_assert_true (cg_id_registry_lookup_section (ids, "hours") ==
                 cg_topic_get_section (cg_bundle_get_topic (clinic, 0), 0));
  /* Built-in sections are looked up in the built-in bundle, not here */
  g_assert_null (cg_id_registry_lookup_section (ids, "overview"));

  g_assert_false (cg_id_registry_check (ids, clinic, FALSE, &error));
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_ALREADY_OPEN);
  cg_test_assert_error_message (error, cg_bundle_get_origin (clinic), 0, "already open");
  g_clear_error (&error);

  g_assert_false (cg_id_registry_check (ids, same_topic, FALSE, &error));
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_DUPLICATE_ID);
  cg_test_assert_error_message (error, cg_bundle_get_origin (same_topic), 0, "Topic “clinic” is already in");
  g_assert_nonnull (strstr (error->message, cg_bundle_get_origin (clinic)));
  g_clear_error (&error);

  /* Line 6 of the file is the section's */
  g_assert_false (cg_id_registry_check (ids, same_section, FALSE, &error));
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_DUPLICATE_ID);
  cg_test_assert_error_message (error, cg_bundle_get_origin (same_section), 6, "Section “overview” is already in");
  g_assert_nonnull (strstr (error->message, cg_bundle_get_origin (builtin)));
  g_clear_error (&error);

  g_assert_true (cg_id_registry_check (ids, fresh, FALSE, NULL));

  origins = cg_id_registry_dup_origins (ids);
  g_assert_cmpuint (g_hash_table_size (origins), ==, 1);
  g_assert_true (g_hash_table_contains (origins, cg_bundle_get_origin (clinic)));
}

/* --validate-bundle checks an installed bundle against the others: the same file, read
 * again, is not a conflict with itself; another file with its ids is. */
static void
test_id_registry_other_files_only (CgTestTempDir *fixture,
                                   gconstpointer  data)
{
  g_autoptr(CgIdRegistry) ids = cg_id_registry_new ();
  g_autoptr(CgBundle) clinic = cg_test_load_bundle (fixture->dir, "clinic.xml", "clinic", "hours");
  g_autoptr(CgBundle) again = NULL;
  g_autoptr(CgBundle) copy = cg_test_load_bundle (fixture->dir, "copy.xml", "copy", "hours");
  g_autofree char *path = g_build_filename (fixture->dir, "clinic.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  cg_id_registry_set_builtin (ids, NULL);
  cg_id_registry_add (ids, clinic);

  again = cg_bundle_load_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (cg_id_registry_check (ids, again, TRUE, &error));
  g_assert_no_error (error);

  g_assert_false (cg_id_registry_check (ids, copy, TRUE, &error));
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_DUPLICATE_ID);
  cg_test_assert_error_message (error, cg_bundle_get_origin (copy), 6, "Section “hours” is already in");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/id-registry/conflicts", CgTestTempDir, NULL,
              cg_test_temp_dir_setup, test_id_registry_conflicts, cg_test_temp_dir_teardown);
  g_test_add ("/id-registry/other-files-only", CgTestTempDir, NULL,
              cg_test_temp_dir_setup, test_id_registry_other_files_only, cg_test_temp_dir_teardown);

  return g_test_run ();
}
