/* test-library-async.c: bundles read in worker threads join the library in the order asked for
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display needed. main() points XDG_DATA_HOME and XDG_DATA_DIRS at a temporary directory,
 * so nothing installed on the machine running the tests is read.
 */

#include "config.h"

#include <string.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-installed-bundles.h"
#include "cg-library.h"
#include "cg-library-index.h"
#include "cg-search-index.h"
#include "cg-section.h"
#include "cg-test-files.h"
#include "cg-topic.h"

static char *tmp_dir;

/* A bundle of @n_topics topics, ids TOPIC_ID, TOPIC_ID-2… and sections SECTION_ID, … */
static char *
write_bundle (const char *dir,
              const char *name,
              const char *topic_id,
              const char *section_id,
              guint       n_topics)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<bundle format=\"1\" lang=\"en\">\n"
                                         "  <provenance><source>Clinic</source>"
                                         "<content-version>1</content-version></provenance>\n");

  for (guint i = 0; i < n_topics; i++)
    {
      g_autofree char *suffix = i == 0 ? g_strdup ("") : g_strdup_printf ("-%u", i + 1);

      g_string_append_printf (xml,
                              "  <topic id=\"%s%s\"><title>Topic %s%s</title>\n"
                              "    <section id=\"%s%s\"><title>Section %s%s</title>\n"
                              "      <keywords><keyword>zebrafinch</keyword></keywords>\n"
                              "      <p>Bring a list of your medicines.</p>\n"
                              "    </section>\n"
                              "  </topic>\n",
                              topic_id, suffix, topic_id, suffix, section_id, suffix, section_id, suffix);
    }
  g_string_append (xml, "</bundle>\n");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));

  return g_steal_pointer (&path);
}

static char *
list_topic_ids (CgLibrary *library)
{
  g_autoptr(GPtrArray) topics = cg_library_list_topics (library, "en", NULL);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_nonnull (topics);
  for (guint i = 0; i < topics->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", cg_topic_get_id (g_ptr_array_index (topics, i)));

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

typedef struct
{
  GPtrArray *outcomes;  /* of char*: "ok" or the error message, in the order finished */
  guint      n_changed;
  guint      n_loading_notifies;
  gboolean   loading_seen;
} Watch;

static void
watch_init (Watch     *watch,
            CgLibrary *library);

static void
on_changed_cb (CgLibrary *library,
               Watch     *watch)
{
  watch->n_changed++;
}

static void
on_loading_cb (CgLibrary  *library,
               GParamSpec *pspec,
               Watch      *watch)
{
  watch->n_loading_notifies++;
  watch->loading_seen |= cg_library_get_loading (library);
}

static void
watch_init (Watch     *watch,
            CgLibrary *library)
{
  watch->outcomes = g_ptr_array_new_with_free_func (g_free);
  watch->n_changed = 0;
  watch->n_loading_notifies = 0;
  watch->loading_seen = FALSE;
  g_signal_connect (library, "changed", G_CALLBACK (on_changed_cb), watch);
  g_signal_connect (library, "notify::loading", G_CALLBACK (on_loading_cb), watch);
}

static void
on_added_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Watch *watch = user_data;
  g_autoptr(GError) error = NULL;

  if (cg_library_add_file_finish (CG_LIBRARY (object), result, &error))
    g_ptr_array_add (watch->outcomes, g_strdup ("ok"));
  else
    g_ptr_array_add (watch->outcomes, g_strdup (error->message));
}

static void
wait_for_outcomes (Watch *watch,
                   guint  n)
{
  while (watch->outcomes->len < n)
    g_main_context_iteration (NULL, TRUE);
}

/* A bundle opened in the background: nothing changes until the main loop runs, then it joins
 * the library (topics, lookups, search) with one ::changed. */
static void
test_add_file_async (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autofree char *path = write_bundle (tmp_dir, "async.xml", "async-topic", "async-section", 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *ids = NULL;
  Watch watch;

  watch_init (&watch, library);
  g_assert_false (cg_library_get_loading (library));

  cg_library_add_file_async (library, file, NULL, on_added_cb, &watch);
  g_assert_true (cg_library_get_loading (library));
  g_assert_cmpuint (cg_library_get_n_extra_bundles (library), ==, 0);

  wait_for_outcomes (&watch, 1);
  g_assert_cmpstr (g_ptr_array_index (watch.outcomes, 0), ==, "ok");
  g_assert_false (cg_library_get_loading (library));
  g_assert_true (watch.loading_seen);
  g_assert_cmpuint (watch.n_loading_notifies, ==, 2);
  g_assert_cmpuint (watch.n_changed, ==, 1);
  ids = list_topic_ids (library);
  g_assert_cmpstr (ids, ==, "calcinosis async-topic");
  g_assert_nonnull (cg_library_lookup_section (library, "en", "async-section"));

  g_ptr_array_unref (watch.outcomes);
  g_assert_finalize_object (g_steal_pointer (&library));
}

/* Two loads that claim the same topic: the one asked for first wins, even when the other one
 * (far smaller) is ready first; a bad bundle gets its file named; a section id of the built-in
 * content is refused. */
static void
test_add_file_async_order (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autofree char *big = write_bundle (tmp_dir, "big.xml", "shared", "big-section", 400);
  g_autofree char *small = write_bundle (tmp_dir, "small.xml", "shared", "small-section", 1);
  g_autofree char *clash = write_bundle (tmp_dir, "clash.xml", "clash", "overview", 1);
  g_autofree char *bad = g_build_filename (tmp_dir, "bad.xml", NULL);
  g_autoptr(GFile) big_file = g_file_new_for_path (big);
  g_autoptr(GFile) small_file = g_file_new_for_path (small);
  g_autoptr(GFile) clash_file = g_file_new_for_path (clash);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autofree char *ids = NULL;
  const char *message;
  Watch watch;

  g_assert_true (g_file_set_contents (bad, "<bundle format=\"1\" lang=\"en\">\n<topic>\n", -1, NULL));
  watch_init (&watch, library);

  cg_library_add_file_async (library, big_file, NULL, on_added_cb, &watch);
  cg_library_add_file_async (library, small_file, NULL, on_added_cb, &watch);
  cg_library_add_file_async (library, bad_file, NULL, on_added_cb, &watch);
  cg_library_add_file_async (library, clash_file, NULL, on_added_cb, &watch);
  wait_for_outcomes (&watch, 4);

  g_assert_cmpstr (g_ptr_array_index (watch.outcomes, 0), ==, "ok");
  message = g_ptr_array_index (watch.outcomes, 1);
  g_assert_true (g_str_has_prefix (message, small));
  g_assert_nonnull (strstr (message, "Topic “shared” is already in"));
  g_assert_nonnull (strstr (message, big));
  message = g_ptr_array_index (watch.outcomes, 2);
  g_assert_true (g_str_has_prefix (message, bad));
  message = g_ptr_array_index (watch.outcomes, 3);
  g_assert_true (g_str_has_prefix (message, clash));
  g_assert_nonnull (strstr (message, "Section “overview” is already in the built-in Calcinosis content"));

  g_assert_false (cg_library_get_loading (library));
  g_assert_cmpuint (watch.n_changed, ==, 1);
  g_assert_cmpuint (cg_library_get_n_extra_bundles (library), ==, 1);
  g_assert_nonnull (cg_library_lookup_section (library, "en", "big-section-400"));
  g_assert_null (cg_library_lookup_section (library, "en", "small-section"));
  ids = list_topic_ids (library);
  g_assert_true (g_str_has_prefix (ids, "calcinosis shared shared-2 "));

  g_ptr_array_unref (watch.outcomes);
  g_assert_finalize_object (g_steal_pointer (&library));
}

static void
on_installed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Watch *watch = user_data;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  guint n_added = cg_library_load_installed_finish (CG_LIBRARY (object), result, errors);

  g_ptr_array_add (watch->outcomes, g_strdup_printf ("%u added", n_added));
  for (guint i = 0; i < errors->len; i++)
    g_ptr_array_add (watch->outcomes, g_strdup (((GError *)g_ptr_array_index (errors, i))->message));
}

/* Installed bundles in the background: added in directory and name order, a bad one reported
 * with its file; asking again adds only what is new. */
static void
test_load_installed_async (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GPtrArray) dirs = cg_installed_bundles_dup_dirs ();
  const char *user_dir = g_ptr_array_index (dirs, 0);
  g_autofree char *a = write_bundle (user_dir, "a.xml", "installed-a", "installed-a-s", 1);
  g_autofree char *b = write_bundle (user_dir, "b.xml", "installed-b", "installed-b-s", 1);
  g_autofree char *bad = g_build_filename (user_dir, "c-bad.xml", NULL);
  g_autofree char *ids = NULL;
  Watch watch;

  g_assert_true (g_file_set_contents (bad, "", 0, NULL));
  watch_init (&watch, library);

  cg_library_load_installed_async (library, NULL, on_installed_cb, &watch);
  g_assert_true (cg_library_get_loading (library));
  wait_for_outcomes (&watch, 1);

  g_assert_cmpuint (watch.outcomes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (watch.outcomes, 0), ==, "2 added");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (watch.outcomes, 1), bad));
  g_assert_cmpuint (watch.n_changed, ==, 1);
  ids = list_topic_ids (library);
  g_assert_cmpstr (ids, ==, "calcinosis installed-a installed-b");

  /* Again: only the new file */
  g_free (write_bundle (user_dir, "d.xml", "installed-d", "installed-d-s", 1));
  g_ptr_array_set_size (watch.outcomes, 0);
  cg_library_load_installed_async (library, NULL, on_installed_cb, &watch);
  wait_for_outcomes (&watch, 1);
  g_assert_cmpstr (g_ptr_array_index (watch.outcomes, 0), ==, "1 added");

  g_unlink (a);
  g_unlink (b);
  g_unlink (bad);
  g_ptr_array_unref (watch.outcomes);
  g_assert_finalize_object (g_steal_pointer (&library));
}

static void
on_index_built_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CgSearchIndex **index = user_data;
  g_autoptr(GError) error = NULL;

  *index = cg_library_index_build_finish (CG_LIBRARY (object), result, &error);
  g_assert_no_error (error);
}

/* The index built in a worker covers the built-in content and the clinic bundle */
static void
test_build_search_index_async (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autofree char *path = write_bundle (tmp_dir, "indexed.xml", "indexed", "indexed-section", 3);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) builtin_hits = NULL;
  CgSearchIndex *index = NULL;

  g_assert_true (cg_library_add_file (library, file, &error));
  g_assert_no_error (error);

  cg_library_index_build_async (library, "en", NULL, on_index_built_cb, &index);
  while (index == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (cg_search_index_get_n_sections (index), ==, 7 + 3);
  hits = cg_search_index_query (index, "zebrafinch", 10);
  g_assert_cmpuint (hits->len, ==, 3);
  g_assert_cmpstr (cg_section_get_id (cg_search_hit_get_section (g_ptr_array_index (hits, 0))), ==, "indexed-section");
  builtin_hits = cg_search_index_query (index, "kidney", 10);
  g_assert_cmpuint (builtin_hits->len, >, 0);

  g_clear_pointer (&hits, g_ptr_array_unref);
  g_clear_pointer (&builtin_hits, g_ptr_array_unref);
  g_assert_finalize_object (index);
  g_assert_finalize_object (g_steal_pointer (&library));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *data_dirs = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("cg-library-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  data_home = g_build_filename (tmp_dir, "data", NULL);
  data_dirs = g_build_filename (tmp_dir, "system", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/add-file-async", test_add_file_async);
  g_test_add_func ("/library/add-file-async-order", test_add_file_async_order);
  g_test_add_func ("/library/load-installed-async", test_load_installed_async);
  g_test_add_func ("/library/build-search-index-async", test_build_search_index_async);

  status = g_test_run ();

  cg_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
