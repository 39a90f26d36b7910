/* test-content-dirs.c: where installed content is looked for, Flatpak extensions included
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cg-content-dirs.h"
#include "cg-handout-set.h"
#include "cg-installed-bundles.h"
#include "cg-library.h"

static char *
make_dir (const char *parent,
          const char *name)
{
  char *path = g_build_filename (parent, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);

  return path;
}

static void
test_data_dirs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("cg-test-content-dirs-XXXXXX", &error);
  g_autofree char *extensions = NULL;
  g_autofree char *clinic_b = NULL;
  g_autofree char *clinic_a = NULL;
  g_autofree char *hidden = NULL;
  g_autoptr(GPtrArray) without = NULL;
  g_autoptr(GPtrArray) dirs = NULL;
  const char * const *system_dirs = g_get_system_data_dirs ();
  guint n_system = g_strv_length ((char **)system_dirs);

  g_assert_no_error (error);
  extensions = make_dir (tmp, "extensions");
  clinic_b = make_dir (extensions, "RiversideClinic");
  clinic_a = make_dir (extensions, "ArdenClinic");
  hidden = make_dir (extensions, ".hidden");

  /* No extension directory (a host install): the XDG directories only */
  without = cg_content_dirs_dup_data_dirs (NULL);
  g_assert_cmpuint (without->len, ==, 1 + n_system);
  g_assert_cmpstr (g_ptr_array_index (without, 0), ==, g_get_user_data_dir ());
  for (guint i = 0; i < n_system; i++)
    g_assert_cmpstr (g_ptr_array_index (without, 1 + i), ==, system_dirs[i]);

  /* Each extension's share/, after the system's, in name order */
  dirs = cg_content_dirs_dup_data_dirs (extensions);
  g_assert_cmpuint (dirs->len, ==, 3 + n_system);
  for (guint i = 0; i < without->len; i++)
    g_assert_cmpstr (g_ptr_array_index (dirs, i), ==, g_ptr_array_index (without, i));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (dirs, 1 + n_system), "/extensions/ArdenClinic/share"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (dirs, 2 + n_system), "/extensions/RiversideClinic/share"));

  g_rmdir (hidden);
  g_rmdir (clinic_a);
  g_rmdir (clinic_b);
  g_rmdir (extensions);
  g_rmdir (tmp);
}

/* The library's bundle directories are those data directories + calcinosis-guide/bundles */
static void
test_bundle_dirs (void)
{
  g_autoptr(GPtrArray) data_dirs = cg_content_dirs_dup_data_dirs (CONTENT_EXTENSIONS_DIR);
  g_autoptr(GPtrArray) bundle_dirs = cg_installed_bundles_dup_dirs ();

  g_assert_cmpuint (bundle_dirs->len, ==, data_dirs->len);
  for (guint i = 0; i < data_dirs->len; i++)
    {
      g_autofree char *expected = g_build_filename (g_ptr_array_index (data_dirs, i),
                                                    "calcinosis-guide", "bundles", NULL);

      g_assert_cmpstr (g_ptr_array_index (bundle_dirs, i), ==, expected);
    }
}

/* Handout sets: the user's config folder, then every data directory but $XDG_DATA_HOME,
 * content extensions included, + calcinosis-guide/handout-sets */
static void
test_handout_set_dirs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("cg-test-content-dirs-XXXXXX", &error);
  g_autofree char *extensions = NULL;
  g_autofree char *clinic = NULL;
  g_autofree char *user = g_build_filename (g_get_user_config_dir (),
                                            "calcinosis-guide", "handout-sets", NULL);
  g_autofree char *from_extension = NULL;
  g_autoptr(GPtrArray) data_dirs = NULL;
  g_autoptr(GPtrArray) set_dirs = NULL;

  g_assert_no_error (error);
  extensions = make_dir (tmp, "extensions");
  clinic = make_dir (extensions, "ArdenClinic");
  data_dirs = cg_content_dirs_dup_data_dirs (extensions);
  set_dirs = cg_handout_set_dup_dirs (extensions);

  g_assert_cmpuint (set_dirs->len, ==, data_dirs->len);
  g_assert_cmpstr (g_ptr_array_index (set_dirs, 0), ==, user);
  for (guint i = 1; i < data_dirs->len; i++)
    {
      g_autofree char *expected = g_build_filename (g_ptr_array_index (data_dirs, i),
                                                    "calcinosis-guide", "handout-sets", NULL);

      g_assert_cmpstr (g_ptr_array_index (set_dirs, i), ==, expected);
    }

  /* The clinic's extension is searched last */
  from_extension = g_build_filename (clinic, "share", "calcinosis-guide", "handout-sets", NULL);
  g_assert_cmpstr (g_ptr_array_index (set_dirs, set_dirs->len - 1), ==, from_extension);

  g_rmdir (clinic);
  g_rmdir (extensions);
  g_rmdir (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content-dirs/data-dirs", test_data_dirs);
  g_test_add_func ("/content-dirs/bundle-dirs", test_bundle_dirs);
  g_test_add_func ("/content-dirs/handout-set-dirs", test_handout_set_dirs);

  return g_test_run ();
}
