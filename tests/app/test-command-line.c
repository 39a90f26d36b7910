/* test-command-line.c: the command-line options that answer without a window
 * (docs/command-line.md): output, exit status, and one line starting "calcinosis-guide:" for
 * bad input
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cg-test-files.h"
#include "cg-test-util.h"

/* A valid bundle of one topic, @topic_id, whose one section, @section_id, is on line 9 */
#define BUNDLE_WITH_SECTION(topic_id, section_id) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<bundle format=\"1\" lang=\"en\">\n" \
  "  <provenance>\n" \
  "    <source>Test Clinic</source>\n" \
  "    <content-version>1</content-version>\n" \
  "  </provenance>\n" \
  "  <topic id=\"" topic_id "\">\n" \
  "    <title>Topic</title>\n" \
  "    <section id=\"" section_id "\">\n" \
  "      <title>Section</title>\n" \
  "      <p>Text.</p>\n" \
  "    </section>\n" \
  "  </topic>\n" \
  "</bundle>\n"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* A fresh $XDG_DATA_HOME for one test, with "XDG_DATA_HOME=…" for cg_test_run_binary_with_env */
static char *
make_data_home (const char *name,
                char      **env_setting)
{
  g_autofree char *home = tmp_path (name);
  g_autofree char *bundles = g_build_filename (home, "calcinosis-guide", "bundles", NULL);

  g_assert_cmpint (g_mkdir_with_parents (bundles, 0755), ==, 0);
  *env_setting = g_strconcat ("XDG_DATA_HOME=", home, NULL);

  return g_steal_pointer (&bundles);
}

static void
install_bundle (const char *bundles_dir,
                const char *name,
                const char *contents)
{
  g_autofree char *path = g_build_filename (bundles_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

/* A command-line error is one line, starting with the program name */
static void
assert_one_error_line (const char *err)
{
  g_assert_true (g_str_has_prefix (err, "calcinosis-guide: "));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static void
test_cli_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cg_test_run_binary (&out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "calcinosis-guide " PACKAGE_VERSION "\n");
}

static void
test_cli_list_sections (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cg_test_run_binary (&out, &err, "--list-sections", NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "overview\tOverview\n"
                   "causes\tCauses\n"
                   "symptoms\tSymptoms\n"
                   "diagnosis\tDiagnosis\n"
                   "treatment\tTreatment\n"
                   "prevention\tPrevention\n"
                   "summary\tSummary\n");
}

static void
test_cli_validate (void)
{
  g_autofree char *valid = fixture ("clinic.xml");
  g_autofree char *invalid = fixture ("missing-title.xml");
  g_autofree char *expected = g_strdup_printf ("%s:10: ", invalid);
  g_autofree char *option = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  option = g_strconcat ("--validate-bundle=", valid, NULL);
  g_assert_cmpint (cg_test_run_binary (&out, &err, option, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_free (option);

  option = g_strconcat ("--validate-bundle=", invalid, NULL);
  g_assert_cmpint (cg_test_run_binary (&out, &err, option, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, expected));
}

/* --bundle adds to the library the window shows: the built-in sections first, then the file's */
static void
test_cli_bundle (void)
{
  g_autofree char *path = fixture ("clinic.xml");
  g_autofree char *option = g_strconcat ("--bundle=", path, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cg_test_run_binary (&out, &err, option, "--list-sections", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "overview\tOverview\n"));
  g_assert_true (g_str_has_suffix (out, "summary\tSummary\n"
                                        "before-visit\tBefore your visit\n"
                                        "markup-literal\tText with <span size=\"9999999\">markup</span> & symbols\n"));
  g_assert_cmpstr (err, ==, "");
}

/* Installed clinic bundles are in the library of --list-sections and --search, as in the window */
static void
test_cli_installed (void)
{
  g_autofree char *env_home = NULL;
  g_autofree char *bundles = make_data_home ("installed", &env_home);
  g_autofree char *clinic = NULL;
  g_autofree char *other = fixture ("clinic.xml");
  g_autofree char *other_option = g_strconcat ("--bundle=", other, NULL);
  const char *env[] = { env_home, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_get_contents (other, &clinic, NULL, NULL));
  install_bundle (bundles, "clinic.xml", clinic);

  g_assert_cmpint (cg_test_run_binary_with_env (env, &out, &err, "--list-sections", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "overview\tOverview\n"));
  g_assert_nonnull (strstr (out, "summary\tSummary\nbefore-visit\tBefore your visit\n"));
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cg_test_run_binary_with_env (env, &out, &err, "--search=appointment", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "before-visit\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The same ids again through --bundle: refused, as the window refuses it */
  g_assert_cmpint (cg_test_run_binary_with_env (env, &out, &err, other_option, "--list-sections", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  assert_one_error_line (err);
  g_assert_nonnull (strstr (err, "already"));
}

/* A bad installed bundle is named on stderr; the command goes on with the rest */
static void
test_cli_installed_bad (void)
{
  g_autofree char *env_home = NULL;
  g_autofree char *bundles = make_data_home ("installed-bad", &env_home);
  const char *env[] = { env_home, NULL };
  g_autofree char *path = g_build_filename (bundles, "broken.xml", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:3: ", path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  install_bundle (bundles, "broken.xml", "<?xml version=\"1.0\"?>\n<bundle>\n");

  g_assert_cmpint (cg_test_run_binary_with_env (env, &out, &err, "--list-sections", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "overview\tOverview\n"));
  assert_one_error_line (err);
  g_assert_nonnull (strstr (err, expected));
}

/* A $XDG_DATA_HOME that cannot be read hides installed bundles: it is reported like a bundles
 * folder that cannot be read, never skipped silently */
static void
test_cli_unreadable_data_home (void)
{
  g_autofree char *loop = tmp_path ("loop");
  g_autofree char *file = tmp_path ("data-home-file");
  const char *homes[] = { loop, file };

  g_assert_cmpint (symlink (loop, loop), ==, 0);
  g_assert_true (g_file_set_contents (file, "", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (homes); i++)
    {
      g_autofree char *env_home = g_strconcat ("XDG_DATA_HOME=", homes[i], NULL);
      const char *env[] = { env_home, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (cg_test_run_binary_with_env (env, &out, &err, "--list-sections", NULL), ==, 0);
      g_assert_true (g_str_has_prefix (out, "overview\tOverview\n"));
      assert_one_error_line (err);
      g_assert_nonnull (strstr (err, homes[i]));
      g_assert_nonnull (strstr (err, "cannot be read"));
    }
}

/* --validate-bundle on something that is not a readable file is bad input (2), not an invalid
 * bundle (1) */
static void
test_cli_validate_not_a_file (void)
{
  g_autofree char *missing = tmp_path ("missing.xml");
  g_autofree char *fifo = tmp_path ("fifo.xml");
  const char *paths[] = { missing, fifo, tmp_dir, "/dev/null" };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *option = g_strconcat ("--validate-bundle=", paths[i], NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("%s", paths[i]);
      g_assert_cmpint (cg_test_run_binary (&out, &err, option, NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      assert_one_error_line (err);
      g_assert_nonnull (strstr (err, paths[i]));
    }
}

/* --validate-bundle checks the file against the library it would join */
static void
test_cli_validate_library (void)
{
  g_autofree char *env_home = NULL;
  g_autofree char *bundles = make_data_home ("validate", &env_home);
  g_autofree char *installed = g_build_filename (bundles, "clinic-a.xml", NULL);
  g_autofree char *builtin_clash = tmp_path ("builtin-clash.xml");
  g_autofree char *installed_clash = tmp_path ("installed-clash.xml");
  const char *env[] = { env_home, NULL };
  struct {
    const char *path;
    int status;
    const char *fragment;
  } cases[] = {
    { builtin_clash, 1, "the built-in Calcinosis content" },
    { installed_clash, 1, installed },
    { installed, 0, "valid bundle" },   /* checked against the others, not against itself */
  };

  install_bundle (bundles, "clinic-a.xml", BUNDLE_WITH_SECTION ("topic-a", "clinic-a"));
  g_assert_true (g_file_set_contents (builtin_clash, BUNDLE_WITH_SECTION ("topic-b", "causes"), -1, NULL));
  g_assert_true (g_file_set_contents (installed_clash, BUNDLE_WITH_SECTION ("topic-c", "clinic-a"), -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *option = g_strconcat ("--validate-bundle=", cases[i].path, NULL);
      g_autofree char *prefix = g_strdup_printf ("%s:9: ", cases[i].path);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("%s", cases[i].path);
      g_assert_cmpint (cg_test_run_binary_with_env (env, &out, &err, option, NULL), ==, cases[i].status);
      if (cases[i].status == 0)
        {
          g_assert_nonnull (strstr (out, cases[i].fragment));
          g_assert_cmpstr (err, ==, "");
          continue;
        }
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, prefix));
      g_assert_nonnull (strstr (err, cases[i].fragment));
      g_assert_null (strstr (err, "resource:"));
    }
}

/* The XML parser's English is wrapped in a sentence in the interface language */
static void
test_cli_parser_message_translated (void)
{
  g_autofree char *malformed = fixture ("malformed.xml");
  g_autofree char *option = g_strconcat ("--validate-bundle=", malformed, NULL);
  const char *env[] = { "LANGUAGE=de", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cg_test_run_binary_with_env (env, &out, &err, option, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, malformed));
  g_assert_nonnull (strstr (err, ": Dies ist kein wohlgeformtes XML (der Parser meldet: „"));
}

/* Cron and systemd run scripts under LC_ALL=C: arguments are taken as UTF-8 where the locale
 * cannot represent them, and text that is not UTF-8 is bad input naming the option */
static void
test_cli_any_locale (void)
{
  const char *c_locale[] = { "LC_ALL=C", NULL };
  const char *utf8_locale[] = { "LC_ALL=C.UTF-8", NULL };
  const char * const *locales[] = { c_locale, utf8_locale };

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("%s", locales[i][0]);
      g_assert_cmpint (cg_test_run_binary_with_env (locales[i], &out, &err,
                                                    "--search=resolución", "--language=es", NULL), ==, 0);
      g_assert_true (g_str_has_prefix (out, "treatment\t"));
      g_assert_nonnull (strstr (out, "resolución"));
      g_assert_cmpstr (err, ==, "");
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      g_assert_cmpint (cg_test_run_binary_with_env (locales[i], &out, &err,
                                                    "--search=r\xe9solution", NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      assert_one_error_line (err);
      g_assert_nonnull (strstr (err, "--search"));
    }
}

/* A command-line run never opens a display, and GTK says nothing about a locale the C library
 * lacks */
static void
test_cli_quiet (void)
{
  const char *env[] = { "LC_ALL", "LANG=xx_YY.UTF-8", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cg_test_run_binary_with_env (env, &out, &err, "--list-sections", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "overview\t"));
  g_assert_cmpstr (err, ==, "");
}

static void
test_cli_bad_input (void)
{
  g_autofree char *broken = fixture ("duplicate-ids.xml");
  g_autofree char *broken_option = g_strconcat ("--bundle=", broken, NULL);
  struct {
    const char *option;
    const char *fragment;
  } cases[] = {
    { "--bundle=/nonexistent/bundle.xml", "/nonexistent/bundle.xml" },
    { broken_option, ":13: " },
    { "--language=xx", "“xx”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (cg_test_run_binary (&out, &err, cases[i].option, "--list-sections", NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, cases[i].fragment));
      /* One clear line */
      g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/list-sections", test_cli_list_sections);
  g_test_add_func ("/cli/validate-bundle", test_cli_validate);
  g_test_add_func ("/cli/bundle", test_cli_bundle);
  g_test_add_func ("/cli/bad-input", test_cli_bad_input);
  g_test_add_func ("/cli/installed", test_cli_installed);
  g_test_add_func ("/cli/installed-bad", test_cli_installed_bad);
  g_test_add_func ("/cli/unreadable-data-home", test_cli_unreadable_data_home);
  g_test_add_func ("/cli/validate-not-a-file", test_cli_validate_not_a_file);
  g_test_add_func ("/cli/validate-library", test_cli_validate_library);
  g_test_add_func ("/cli/parser-message-translated", test_cli_parser_message_translated);
  g_test_add_func ("/cli/any-locale", test_cli_any_locale);
  g_test_add_func ("/cli/quiet", test_cli_quiet);

  tmp_dir = g_dir_make_tmp ("cg-command-line-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  status = g_test_run ();

  cg_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
