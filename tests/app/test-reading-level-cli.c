/* test-reading-level-cli.c: --reading-level, a line per section and one for the handout
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-test-util.h"

static GStrv
run_lines (const char *option1,
           const char *option2)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cg_test_run_binary (&out, &err, "--reading-level", option1, option2, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  return g_strsplit (out, "\n", -1);
}

/* Every section of the built-in content, then the whole handout, each against the target */
static void
test_all_sections (void)
{
  g_auto(GStrv) lines = run_lines (NULL, NULL);
  guint n = g_strv_length (lines);

  g_assert_cmpuint (n, ==, 7 + 1 + 1);
  g_assert_true (g_str_has_prefix (lines[0], "overview\tOverview\tFlesch–Kincaid grade level: grade "));
  g_assert_true (g_str_has_prefix (lines[7], "\tWhole handout\tFlesch–Kincaid grade level: grade "));
  /* The source is hard, and one decimal at most */
  g_assert_true (g_regex_match_simple ("grade [0-9]+\\.[0-9]\\. Harder than recommended for "
                                       "patients \\(target: grade 8 or below\\)\\.\t"
                                       "Flesch reading ease: [0-9]+ of 100$", lines[7], 0, 0));
  g_assert_cmpstr (lines[8], ==, "");
}

/* --sections and --language choose the handout: INFLESZ for Spanish, Amstad for German */
static void
test_sections_and_language (void)
{
  g_auto(GStrv) spanish = run_lines ("--language=es", "--sections=treatment");
  g_auto(GStrv) german = run_lines ("--language=de", "--sections=overview,treatment");
  g_auto(GStrv) french = run_lines ("--language=fr", "--sections=summary");

  g_assert_cmpuint (g_strv_length (spanish), ==, 3);
  g_assert_true (g_str_has_prefix (spanish[0], "treatment\tTratamiento\tSzigriszt-Pazos perspicuity (INFLESZ): "));
  g_assert_nonnull (strstr (spanish[0], " of 100 ("));
  g_assert_cmpuint (g_strv_length (german), ==, 4);
  g_assert_true (g_str_has_prefix (german[1], "treatment\tBehandlung\tAmstad reading ease: "));
  g_assert_nonnull (strstr (german[2], "(target: 60 or more).\tWiener Sachtextformel (1): grade "));
  g_assert_nonnull (strstr (spanish[0], "\tFernández-Huerta reading ease: "));
  /* French: no second formula, an empty column */
  g_assert_true (g_str_has_suffix (french[0], ".\t"));
  g_assert_true (g_str_has_prefix (french[0], "summary\tEn résumé\tKandel–Moles reading ease: "));
}

/* An unknown section is refused as --export-handout refuses it */
static void
test_unknown_section (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cg_test_run_binary (&out, &err, "--reading-level", "--sections=nope", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "“nope”"));
  g_assert_cmpstr (out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reading-level-cli/all-sections", test_all_sections);
  g_test_add_func ("/reading-level-cli/sections-and-language", test_sections_and_language);
  g_test_add_func ("/reading-level-cli/unknown-section", test_unknown_section);

  return g_test_run ();
}
