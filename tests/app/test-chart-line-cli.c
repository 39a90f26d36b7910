/* test-chart-line-cli.c: --chart-line beside --export-handout=FILE: one line on standard
 * output saying what was handed out; refused with --export-handout=- and alone
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cg-test-util.h"

static void
test_chart_line_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-chart-line-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *export_option = g_strdup_printf ("--export-handout=%s", path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%-d %b %Y");
  g_autofree char *expected = g_strdup_printf ("Patient education: Calcinosis — Treatment, Prevention "
                                               "(Spanish, large print), Calcinosis Guide patient "
                                               "information 1.0.0, saved as PDF %s\n", today);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cg_test_run_binary (&out, &err, export_option, "--sections=prevention,treatment",
                                       "--language=es", "--large-print", "--chart-line",
                                       "--notes=Keep the Qzv dressing dry", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  /* One line, in the interface language (English here), never the notes */
  g_assert_cmpstr (out, ==, expected);
  g_assert_null (strstr (out, "Qzv"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Standard output holds the PDF with "-": no room for the line. Alone, there is nothing to
 * record. Both exit 2 with one line saying why. */
static void
test_chart_line_refused (void)
{
  struct {
    const char *option;
    const char *message;
  } cases[] = {
    { "--export-handout=-", "calcinosis-guide: --chart-line cannot go with --export-handout=-" },
    { "--sections=treatment", "calcinosis-guide: --chart-line goes with --export-handout=FILE or --print" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (cg_test_run_binary (&out, &err, cases[i].option, "--chart-line", NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, cases[i].message));
      g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-line-cli/export", test_chart_line_export);
  g_test_add_func ("/chart-line-cli/refused", test_chart_line_refused);

  return g_test_run ();
}
