/* test-search-cli.c: --search on the command line, its output and exit statuses
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cg-test-util.h"

/* The section ids of the lines of --search output, comma-separated; each line must be
 * "ID<TAB>snippet" with a non-empty snippet. */
static char *
dup_ids (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n = g_strv_length (lines);

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (lines[n - 1], ==, "");   /* every line ends with a newline */

  for (guint i = 0; i + 1 < n; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_cmpstr (fields[1], !=, "");
      g_string_append_printf (ids, "%s%s", i > 0 ? "," : "", fields[0]);
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
test_hits (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ids = NULL;

  g_assert_cmpint (cg_test_run_binary (&out, &err, "--search=kidney", NULL), ==, 0);
  ids = dup_ids (out);
  g_assert_cmpstr (ids, ==, "causes,prevention,treatment");
  g_assert_true (g_str_has_prefix (out, "causes\t…caused by abnormal calcium"));
  g_assert_cmpstr (err, ==, "");
}

static void
test_folded_query (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ids = NULL;

  /* Case, accents and the prefix rule apply on the command line too */
  g_assert_cmpint (cg_test_run_binary (&out, &err, "--search=RÉSOLU", NULL), ==, 0);
  ids = dup_ids (out);
  g_assert_cmpstr (ids, ==, "treatment");
  g_assert_nonnull (strstr (out, "calcium deposit resolution."));
}

static void
test_no_hits (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* One word of three is fewer than half */
  g_assert_cmpint (cg_test_run_binary (&out, &err, "--search=kidney zzzz qqqq", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
}

static void
test_blank_query (void)
{
  const char *args[] = { "--search=", "--search=   ", "--search=?!…" };

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (cg_test_run_binary (&out, &err, args[i], NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      /* One line that says what was wrong */
      g_assert_true (g_str_has_suffix (err, "\n"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
      g_assert_nonnull (strstr (err, "search"));
    }
}

static void
test_bundle_file (void)
{
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<bundle format=\"1\" lang=\"de\">"
    "<provenance><source>test</source><content-version>1</content-version></provenance>"
    "<topic id=\"t\"><title>T</title>"
    "<section id=\"size\"><title>Größe</title><p>Die Größe der Ablagerungen.</p></section>"
    "<section id=\"street\"><title>Weg</title><p>Auf der Straße.</p></section>"
    "</topic></bundle>";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-search-cli-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *bundle_arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bundle.xml", NULL);
  g_file_set_contents (path, xml, -1, &error);
  g_assert_no_error (error);
  bundle_arg = g_strconcat ("--bundle=", path, NULL);

  g_assert_cmpint (cg_test_run_binary (&out, &err, bundle_arg, "--search=strasse", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "street\tAuf der Straße.\n");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cg_test_run_binary (&out, &err, bundle_arg, "--search=grosse", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "size\tDie Größe der Ablagerungen.\n");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_language (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ids = NULL;

  g_assert_cmpint (cg_test_run_binary (&out, &err, "--language=xx", "--search=kidney", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* Spanish content is built into every build (data/meson.build): its absence is a failure */
  g_assert_cmpint (cg_test_run_binary (&out, &err, "--language=es", "--list-sections", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "overview\t"));

  /* The Spanish lay keyword "riñón", typed without accents */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cg_test_run_binary (&out, &err, "--language=es", "--search=rinon", NULL), ==, 0);
  ids = dup_ids (out);
  g_assert_true (g_str_has_prefix (ids, "causes"));
}

/* A misspelt word is corrected, and stderr says so, with the output as for the right word */
static void
test_correction (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *exact_out = NULL;
  g_autofree char *exact_err = NULL;

  g_assert_cmpint (cg_test_run_binary (&exact_out, &exact_err, "--search=calcinosis", NULL), ==, 0);
  g_assert_cmpstr (exact_err, ==, "");

  g_assert_cmpint (cg_test_run_binary (&out, &err, "--search=calcinossis", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "calcinosis-guide: showing results for “calcinosis”\n");
  g_assert_cmpstr (out, ==, exact_out);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  /* Under LC_ALL=C (cron, systemd) the quotes stay UTF-8, as the hits do, not "?" */
  g_assert_cmpint (cg_test_run_binary_with_env ((const char *[]) { "LC_ALL=C", NULL }, &out, &err,
                                                "--search=calcinossis", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "calcinosis-guide: showing results for “calcinosis”\n");
  g_assert_cmpstr (out, ==, exact_out);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-cli/hits", test_hits);
  g_test_add_func ("/search-cli/folded-query", test_folded_query);
  g_test_add_func ("/search-cli/no-hits", test_no_hits);
  g_test_add_func ("/search-cli/correction", test_correction);
  g_test_add_func ("/search-cli/blank-query", test_blank_query);
  g_test_add_func ("/search-cli/bundle-file", test_bundle_file);
  g_test_add_func ("/search-cli/language", test_language);

  return g_test_run ();
}
