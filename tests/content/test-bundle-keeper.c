/* test-bundle-keeper.c: Keep in Library: a valid bundle is copied whole into the folder of
 * installed bundles, replacing an older copy atomically; an invalid one is refused, naming
 * the file and line, and nothing is written
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cg-bundle-keeper.h"
#include "cg-bundle-loader.h"
#include "cg-library.h"

#include "cg-test-files.h"

static char *data_home;

static char *
dup_bundles_dir (void)
{
  return g_build_filename (data_home, "calcinosis-guide", "bundles", NULL);
}

/* The names in the bundles folder, sorted and joined with commas: no temporary files left */
static char *
dup_listing (void)
{
  g_autofree char *bundles = dup_bundles_dir ();
  g_autoptr(GDir) dir = g_dir_open (bundles, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (",", (char **)names->pdata);
}

static void
test_keep_valid (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "clinic-disclaimer.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture);
  g_autofree char *bundles = dup_bundles_dir ();
  g_autofree char *target = g_build_filename (bundles, "clinic-disclaimer.xml", NULL);
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GFile) kept = NULL;
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GError) error = NULL;

  /* An older copy of the same name is replaced */
  g_assert_cmpint (g_mkdir_with_parents (bundles, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "<bundle/>", -1, NULL));

  kept = cg_bundle_keep_in_library (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_cmpstr (g_file_peek_path (kept), ==, target);
  g_assert_true (g_file_get_contents (fixture, &original, NULL, NULL));
  g_assert_true (g_file_get_contents (target, &copied, NULL, NULL));
  g_assert_cmpstr (copied, ==, original);
  listing = dup_listing ();
  g_assert_cmpstr (listing, ==, "clinic-disclaimer.xml");

  /* The next start finds it among the installed bundles */
  g_assert_cmpuint (cg_library_load_installed (library, errors), ==, 1);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_nonnull (cg_library_lookup_section (library, "en", "dressing"));

  g_assert_cmpint (g_unlink (target), ==, 0);
}

/* Not a bundle: refused with the file and line; nothing written, the old copy kept */
static void
test_keep_invalid (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "malformed.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture);
  g_autofree char *bundles = dup_bundles_dir ();
  g_autofree char *target = g_build_filename (bundles, "malformed.xml", NULL);
  g_autofree char *kept_contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GFile) kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (bundles, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "previous", -1, NULL));

  kept = cg_bundle_keep_in_library (file, &error);
  g_assert_null (kept);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "malformed.xml:"));

  g_assert_true (g_file_get_contents (target, &kept_contents, NULL, NULL));
  g_assert_cmpstr (kept_contents, ==, "previous");
  listing = dup_listing ();
  g_assert_cmpstr (listing, ==, "malformed.xml");

  g_assert_cmpint (g_unlink (target), ==, 0);
}

/* A folder or a missing file is no bundle either */
static void
test_keep_not_a_file (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (g_test_get_dir (G_TEST_DIST));
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/clinic.xml");
  g_autoptr(GFile) kept = NULL;
  g_autoptr(GError) error = NULL;

  kept = cg_bundle_keep_in_library (folder, &error);
  g_assert_null (kept);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  kept = cg_bundle_keep_in_library (missing, &error);
  g_assert_null (kept);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  data_home = g_dir_make_tmp ("cg-bundle-keeper-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundle-keeper/valid", test_keep_valid);
  g_test_add_func ("/bundle-keeper/invalid", test_keep_invalid);
  g_test_add_func ("/bundle-keeper/not-a-file", test_keep_not_a_file);

  ret = g_test_run ();
  cg_test_remove_tree (data_home);

  return ret;
}
