/* test-library.c: the library gathers the built-in content in every language and clinic
 * bundles next to it
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-installed-bundles.h"
#include "cg-library.h"
#include "cg-section.h"
#include "cg-topic.h"

#include "cg-test-files.h"
#include "content/cg-test-bundle-file.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", name, NULL);
}

static void
test_library_languages (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  const char * const *languages = cg_library_get_languages (library);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (languages);
  g_assert_cmpstr (languages[0], ==, "en");
  g_assert_true (cg_library_has_language (library, "en"));
  g_assert_false (cg_library_has_language (library, "xx"));
  g_assert_null (cg_library_get_bundle (library, "xx", &error));
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_NO_CONTENT);
  g_assert_nonnull (strstr (error->message, "“xx”"));
  g_assert_cmpstr (cg_language_get_name ("es"), ==, "Español");
  g_assert_cmpstr (cg_language_get_name ("pt-BR"), ==, "Português");
  g_assert_null (cg_language_get_name ("qq"));
}

static void
on_changed_cb (CgLibrary *library,
               guint     *n_changed)
{
  (*n_changed)++;
}

static GPtrArray *
list_topic_ids (CgLibrary  *library,
                const char *language)
{
  g_autoptr(GPtrArray) topics = cg_library_list_topics (library, language, NULL);
  GPtrArray *ids = g_ptr_array_new_null_terminated (0, g_free, TRUE);

  g_assert_nonnull (topics);
  for (guint i = 0; i < topics->len; i++)
    g_ptr_array_add (ids, g_strdup (cg_topic_get_id (g_ptr_array_index (topics, i))));

  return ids;
}

static void
assert_topic_ids (CgLibrary  *library,
                  const char *language,
                  const char *expected)
{
  g_autoptr(GPtrArray) ids = list_topic_ids (library, language);
  g_autofree char *joined = g_strjoinv (" ", (char **)ids->pdata);

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_library_add_file (CgTestTempDir *fixture,
                       gconstpointer  data)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autofree char *clinic = cg_test_write_bundle (fixture->dir, "clinic.xml", "clinic", "clinic-hours");
  g_autofree char *copy = cg_test_write_bundle (fixture->dir, "copy.xml", "clinic", "other");
  g_autofree char *clash = cg_test_write_bundle (fixture->dir, "clash.xml", "new-topic", "overview");
  g_autofree char *bad = fixture_path ("billion-laughs.xml");
  g_autoptr(GFile) clinic_file = g_file_new_for_path (clinic);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy);
  g_autoptr(GFile) clash_file = g_file_new_for_path (clash);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  g_signal_connect (library, "changed", G_CALLBACK (on_changed_cb), &n_changed);

  g_assert_true (cg_library_add_file (library, clinic_file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (cg_library_get_n_extra_bundles (library), ==, 1);

  /* Built-in topics in the language asked for, then the clinic's, whatever its language */
  assert_topic_ids (library, "en", "calcinosis clinic");
  assert_topic_ids (library, "es", "calcinosis clinic");
  g_assert_nonnull (cg_library_lookup_section (library, "en", "clinic-hours"));
  g_assert_nonnull (cg_library_lookup_section (library, "en", "overview"));

  /* The same file again, a topic id taken, a section id the built-in content has: refused,
   * the first kept */
  g_assert_false (cg_library_add_file (library, clinic_file, &error));
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_ALREADY_OPEN);
  cg_test_assert_error_message (error, clinic, 0, "already open");
  g_clear_error (&error);

  g_assert_false (cg_library_add_file (library, copy_file, &error));
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_DUPLICATE_ID);
  cg_test_assert_error_message (error, copy, 0, "Topic “clinic” is already in");
  g_assert_nonnull (strstr (error->message, clinic));
  g_clear_error (&error);

  g_assert_false (cg_library_add_file (library, clash_file, &error));
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_DUPLICATE_ID);
  cg_test_assert_error_message (error, clash, 6, "Section “overview” is already in the built-in Calcinosis content");
  g_clear_error (&error);

  g_assert_false (cg_library_add_file (library, bad_file, &error));
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_DOCTYPE);
  g_clear_error (&error);

  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (cg_library_get_n_extra_bundles (library), ==, 1);
  assert_topic_ids (library, "en", "calcinosis clinic");

  g_assert_finalize_object (g_steal_pointer (&library));
}

static void
assert_collected (GPtrArray     *errors,
                  guint          position,
                  CgBundleError  code,
                  const char    *path,
                  guint          line,
                  const char    *fragment)
{
  const GError *error = g_ptr_array_index (errors, position);

  g_assert_error (error, CG_BUNDLE_ERROR, (int)code);
  cg_test_assert_error_message (error, path, line, fragment);
}

/* main() points XDG_DATA_HOME and XDG_DATA_DIRS at a temp dir, so nothing installed on the
 * machine running the tests is read. */
static void
test_library_load_installed (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GPtrArray) dirs = cg_installed_bundles_dup_dirs ();
  const char *user_dir = g_ptr_array_index (dirs, 0);
  const char *system_dir = g_ptr_array_index (dirs, 1);
  g_autofree char *fifo = g_build_filename (user_dir, "pipe.xml", NULL);
  g_autofree char *link = g_build_filename (system_dir, "link.xml", NULL);
  g_autofree char *user_b = NULL;
  g_autofree char *system_b = NULL;
  g_autofree char *bad_contents = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *xxe = fixture_path ("xxe-local-file.xml");
  guint n_changed = 0;
  gsize len;

  g_assert_cmpuint (dirs->len, >=, 2);
  g_free (cg_test_write_bundle (user_dir, "b.xml", "user-b", "user-b-s"));
  user_b = g_build_filename (user_dir, "b.xml", NULL);
  g_free (cg_test_write_bundle (user_dir, "a.xml", "user-a", "user-a-s"));
  g_free (cg_test_write_bundle (user_dir, "notes.txt", "ignored", "ignored-s"));
  g_free (cg_test_write_bundle (user_dir, ".hidden.xml", "hidden", "hidden-s"));
  /* The same topic installed system-wide: the user's copy comes first and stays */
  system_b = cg_test_write_bundle (system_dir, "b.xml", "user-b", "user-b-s");
  g_free (cg_test_write_bundle (system_dir, "c.xml", "system-c", "system-c-s"));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (user_b, link), ==, 0);
  bad = g_build_filename (system_dir, "d-bad.xml", NULL);
  g_assert_true (g_file_get_contents (xxe, &bad_contents, &len, NULL));
  g_assert_true (g_file_set_contents (bad, bad_contents, len, NULL));

  g_signal_connect (library, "changed", G_CALLBACK (on_changed_cb), &n_changed);
  g_assert_cmpuint (cg_library_load_installed (library, errors), ==, 3);
  g_assert_cmpuint (n_changed, ==, 1);
  assert_topic_ids (library, "en", "calcinosis user-a user-b system-c");

  /* Skipped, each with its file (and line): the FIFO without blocking, the system copy of
   * b.xml, the XXE; the symbolic link to a bundle already added, silently */
  g_assert_cmpuint (errors->len, ==, 3);
  assert_collected (errors, 0, CG_BUNDLE_ERROR_NOT_REGULAR, fifo, 0, "named pipe");
  assert_collected (errors, 1, CG_BUNDLE_ERROR_DUPLICATE_ID, system_b, 0, "Topic “user-b” is already in");
  assert_collected (errors, 2, CG_BUNDLE_ERROR_DOCTYPE, bad, 2, "<!DOCTYPE>");

  /* Again: nothing new, no noise about what is already there */
  g_ptr_array_set_size (errors, 0);
  g_free (cg_test_write_bundle (system_dir, "e.xml", "system-e", "system-e-s"));
  g_assert_cmpuint (cg_library_load_installed (library, NULL), ==, 1);
  g_assert_cmpuint (n_changed, ==, 2);
  assert_topic_ids (library, "fr", "calcinosis user-a user-b system-c system-e");

  g_assert_finalize_object (g_steal_pointer (&library));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg = g_dir_make_tmp ("cg-library-xdg-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (xdg, "data", NULL);
  g_autofree char *data_dirs = g_strdup_printf ("%s/system1:%s/system2", xdg, xdg);
  int status;

  /* Before anything reads them: GLib caches the XDG directories. (GLib 2.74's
   * G_TEST_OPTION_ISOLATE_DIRS leaks in g_set_user_dirs(), which LeakSanitizer reports.) */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/languages", test_library_languages);
  g_test_add ("/library/add-file", CgTestTempDir, NULL, cg_test_temp_dir_setup, test_library_add_file, cg_test_temp_dir_teardown);
  g_test_add_func ("/library/load-installed", test_library_load_installed);

  status = g_test_run ();
  cg_test_remove_tree (xdg);

  return status;
}
