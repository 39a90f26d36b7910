/* test-load-queue.c: bundles read in workers come back in the order asked for, held until
 * released
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-installed-bundles.h"
#include "cg-load-queue.h"
#include "cg-topic.h"

#include "cg-test-files.h"
#include "content/cg-test-bundle-file.h"

typedef struct
{
  GPtrArray *order;      /* what was handed back: topic ids, or "error" */
  guint      n_destroyed;
  guint      n_loading_notifies;
} Outcome;

typedef struct
{
  Outcome    *outcome;
  const char *name;
} Load;

static void
on_loaded (GArray   *results,
           gpointer  user_data)
{
  Load *load = user_data;

  for (guint i = 0; i < results->len; i++)
    {
      CgLoadResult *result = &g_array_index (results, CgLoadResult, i);

      g_ptr_array_add (load->outcome->order,
                       result->bundle != NULL
                         ? g_strdup (cg_topic_get_id (cg_bundle_get_topic (result->bundle, 0)))
                         : g_strdup ("error"));
      if (result->error != NULL)
        g_test_message ("%s", result->error->message);
    }
}

static void
load_free (gpointer data)
{
  Load *load = data;

  load->outcome->n_destroyed++;
  g_free (load);
}

static Load *
load_new (Outcome *outcome)
{
  Load *load = g_new0 (Load, 1);

  load->outcome = outcome;
  return load;
}

static void
on_loading_cb (CgLoadQueue *queue,
               GParamSpec  *pspec,
               Outcome     *outcome)
{
  outcome->n_loading_notifies++;
}

/* A bundle of many topics takes longer to read than a small one pushed after it: its turn
 * still comes first. */
static char *
write_big_bundle (const char *dir)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<bundle format=\"1\" lang=\"fr\">\n"
                                         "  <provenance><source>Clinic</source><content-version>1</content-version></provenance>\n");
  char *path = g_build_filename (dir, "big.xml", NULL);

  for (guint i = 0; i < 900; i++)
    g_string_append_printf (xml, "  <topic id=\"big-%u\"><title>Big %u</title>"
                            "<section id=\"big-%u-s\"><title>S</title><p>Text %u.</p><p>More text.</p><p>And more.</p></section></topic>\n",
                            i, i, i, i);
  g_string_append (xml, "</bundle>\n");
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));

  return path;
}

static void
test_load_queue_order (CgTestTempDir *fixture,
                       gconstpointer  data)
{
  g_autoptr(CgLoadQueue) queue = cg_load_queue_new ();
  g_autofree char *big = write_big_bundle (fixture->dir);
  g_autofree char *small = cg_test_write_bundle (fixture->dir, "small.xml", "small", "small-s");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.xml", NULL);
  g_autoptr(GFile) big_file = g_file_new_for_path (big);
  g_autoptr(GFile) small_file = g_file_new_for_path (small);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  Outcome outcome = { g_ptr_array_new_with_free_func (g_free), 0, 0 };
  g_autofree char *joined = NULL;

  g_signal_connect (queue, "notify::loading", G_CALLBACK (on_loading_cb), &outcome);

  cg_load_queue_hold (queue);
  cg_load_queue_push_file (queue, big_file, on_loaded, load_new (&outcome), load_free);
  cg_load_queue_push_file (queue, missing_file, on_loaded, load_new (&outcome), load_free);
  cg_load_queue_push_file (queue, small_file, on_loaded, load_new (&outcome), load_free);
  g_assert_true (cg_load_queue_get_loading (queue));
  g_assert_cmpuint (outcome.n_loading_notifies, ==, 1);

  /* Held: nothing is read, however long the main loop runs */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (outcome.order->len, ==, 0);

  cg_load_queue_release (queue);
  while (cg_load_queue_get_loading (queue))
    g_main_context_iteration (NULL, TRUE);

  g_ptr_array_add (outcome.order, NULL);
  joined = g_strjoinv (" ", (char **)outcome.order->pdata);
  g_assert_cmpstr (joined, ==, "big-0 error small");
  g_assert_cmpuint (outcome.n_destroyed, ==, 3);
  g_assert_cmpuint (outcome.n_loading_notifies, ==, 2);

  g_ptr_array_unref (outcome.order);
}

/* main() points XDG_DATA_HOME and XDG_DATA_DIRS at a temp dir */
static void
test_load_queue_installed (void)
{
  g_autoptr(CgLoadQueue) queue = cg_load_queue_new ();
  g_autoptr(GPtrArray) dirs = cg_installed_bundles_dup_dirs ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Outcome outcome = { g_ptr_array_new_with_free_func (g_free), 0, 0 };
  g_autofree char *joined = NULL;

  g_free (cg_test_write_bundle (g_ptr_array_index (dirs, 0), "a.xml", "user-a", "user-a-s"));
  g_free (cg_test_write_bundle (g_ptr_array_index (dirs, 1), "b.xml", "system-b", "system-b-s"));
  /* Already in the library: skipped */
  g_hash_table_add (seen, cg_test_write_bundle (g_ptr_array_index (dirs, 1), "c.xml", "system-c", "system-c-s"));

  cg_load_queue_push_installed (queue, g_steal_pointer (&seen), on_loaded, load_new (&outcome), load_free);
  while (cg_load_queue_get_loading (queue))
    g_main_context_iteration (NULL, TRUE);

  g_ptr_array_add (outcome.order, NULL);
  joined = g_strjoinv (" ", (char **)outcome.order->pdata);
  g_assert_cmpstr (joined, ==, "user-a system-b");
  g_assert_cmpuint (outcome.n_destroyed, ==, 1);

  g_ptr_array_unref (outcome.order);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg = g_dir_make_tmp ("cg-load-queue-xdg-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (xdg, "data", NULL);
  g_autofree char *data_dirs = g_strdup_printf ("%s/system1", xdg);
  int status;

  /* Before anything reads them: GLib caches the XDG directories */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/load-queue/order", CgTestTempDir, NULL,
              cg_test_temp_dir_setup, test_load_queue_order, cg_test_temp_dir_teardown);
  g_test_add_func ("/load-queue/installed", test_load_queue_installed);

  status = g_test_run ();
  cg_test_remove_tree (xdg);

  return status;
}
