/* test-installed-bundles.c: where installed bundles are found, and what is said about a
 * folder that hides them
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include "cg-installed-bundles.h"
#include "cg-topic.h"

#include "cg-test-files.h"
#include "content/cg-test-bundle-file.h"

static char *xdg;

static void
test_installed_bundles_dirs (void)
{
  g_autoptr(GPtrArray) dirs = cg_installed_bundles_dup_dirs ();
  g_autofree char *user = g_build_filename (xdg, "data", CG_LIBRARY_BUNDLES_SUBDIR, NULL);
  g_autofree char *system1 = g_build_filename (xdg, "system1", CG_LIBRARY_BUNDLES_SUBDIR, NULL);
  g_autofree char *system2 = g_build_filename (xdg, "system2", CG_LIBRARY_BUNDLES_SUBDIR, NULL);

  g_assert_cmpuint (dirs->len, >=, 3);
  g_assert_cmpstr (g_ptr_array_index (dirs, 0), ==, user);
  g_assert_cmpstr (g_ptr_array_index (dirs, 1), ==, system1);
  g_assert_cmpstr (g_ptr_array_index (dirs, 2), ==, system2);
}

/* system1's bundles folder is a file: said, with its path; system2 has a bundle twice, the
 * second through a symbolic link: read once */
static void
test_installed_bundles_read (void)
{
  g_autoptr(GPtrArray) dirs = cg_installed_bundles_dup_dirs ();
  const char *system1 = g_ptr_array_index (dirs, 1);
  const char *system2 = g_ptr_array_index (dirs, 2);
  g_autofree char *parent = g_path_get_dirname (system1);
  g_autofree char *bundle = NULL;
  g_autofree char *link = g_build_filename (system2, "link.xml", NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) results = cg_load_results_new ();
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GFile) bundle_file = NULL;
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autofree char *bundle_id = NULL;
  g_autofree char *link_id = NULL;
  CgLoadResult *result;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (system1, "not a folder", -1, NULL));
  bundle = cg_test_write_bundle (system2, "a.xml", "system-a", "system-a-s");
  g_assert_cmpint (symlink (bundle, link), ==, 0);

  bundle_file = g_file_new_for_path (bundle);
  bundle_id = cg_installed_bundles_dup_file_id (bundle_file);
  link_id = cg_installed_bundles_dup_file_id (link_file);
  g_assert_nonnull (bundle_id);
  g_assert_cmpstr (bundle_id, ==, link_id);

  cg_installed_bundles_read (seen, results);
  g_assert_cmpuint (results->len, ==, 2);

  result = &g_array_index (results, CgLoadResult, 0);
  g_assert_null (result->bundle);
  g_assert_error (result->error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  cg_test_assert_error_message (result->error, system1, 0, "This bundles folder cannot be read");

  result = &g_array_index (results, CgLoadResult, 1);
  g_assert_no_error (result->error);
  g_assert_cmpstr (cg_topic_get_id (cg_bundle_get_topic (result->bundle, 0)), ==, "system-a");

  /* Again with the same seen set: nothing new is read */
  g_array_set_size (results, 0);
  cg_installed_bundles_read (seen, results);
  g_assert_cmpuint (results->len, ==, 1);
  cg_load_results_steal_errors (results, errors);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_null (g_array_index (results, CgLoadResult, 0).error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *data_dirs = NULL;
  int status;

  xdg = g_dir_make_tmp ("cg-installed-xdg-XXXXXX", NULL);
  data_home = g_build_filename (xdg, "data", NULL);
  data_dirs = g_strdup_printf ("%s/system1:%s/system2", xdg, xdg);

  /* Before anything reads them: GLib caches the XDG directories */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/installed-bundles/dirs", test_installed_bundles_dirs);
  g_test_add_func ("/installed-bundles/read", test_installed_bundles_read);

  status = g_test_run ();
  cg_test_remove_tree (xdg);
  g_free (xdg);

  return status;
}
