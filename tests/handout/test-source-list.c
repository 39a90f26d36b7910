/* test-source-list.c: the About dialog's list of sources: built-in, installed and opened,
 * each with its version and review date
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cg-library.h"
#include "cg-source-list.h"

#include "cg-test-files.h"

static void
test_source_list (void)
{
  g_autofree char *data_home = g_dir_make_tmp ("cg-source-list-XXXXXX", NULL);
  g_autofree char *bundles = g_build_filename (data_home, "calcinosis-guide", "bundles", NULL);
  g_autofree char *installed = g_build_filename (bundles, "riverside.xml", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "clinic-disclaimer.xml", NULL);
  g_autofree char *opened_path = g_test_build_filename (G_TEST_DIST, "fixtures", "clinic.xml", NULL);
  g_autoptr(GFile) opened = g_file_new_for_path (opened_path);
  g_autoptr(CgLibrary) library = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_assert_cmpint (g_mkdir_with_parents (bundles, 0700), ==, 0);
  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (installed, contents, -1, NULL));

  library = cg_library_new ();
  g_assert_cmpuint (cg_library_load_installed (library, errors), ==, 1);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_true (cg_library_add_file (library, opened, &error));
  g_assert_no_error (error);

  list = cg_source_list_format (library, "en");
  g_test_message ("%s", list);
  lines = g_strsplit (list, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "Calcinosis Guide patient information, content version 1.0.0, reviewed 1 Dec 2026 (built-in)");
  g_assert_cmpstr (lines[1], ==, "Riverside Clinic leaflets, content version 3.2, reviewed 15 Oct 2026 (installed)");
  g_assert_cmpstr (lines[2], ==, "Example Clinic, content version 2026.1 (opened)");

  cg_test_remove_tree (data_home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/source-list/kinds", test_source_list);

  return g_test_run ();
}
