/* test-command-line.c: the command-line options that answer without a window (README,
 * "Command line"): output, exit status, and one line starting "calcinosis-guide:" for bad input
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-test-util.h"

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

static void
test_cli_bundle (void)
{
  g_autofree char *path = fixture ("clinic.xml");
  g_autofree char *option = g_strconcat ("--bundle=", path, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cg_test_run_binary (&out, &err, option, "--list-sections", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "before-visit\tBefore your visit\n"));
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
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/list-sections", test_cli_list_sections);
  g_test_add_func ("/cli/validate-bundle", test_cli_validate);
  g_test_add_func ("/cli/bundle", test_cli_bundle);
  g_test_add_func ("/cli/bad-input", test_cli_bad_input);

  return g_test_run ();
}
