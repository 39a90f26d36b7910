/* test-chart-line.c: the line recording the education given, for the patient's chart
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-chart-line.h"
#include "cg-handout-request.h"
#include "cg-library.h"

static CgLibrary *
get_library (void)
{
  static CgLibrary *library;

  if (library == NULL)
    library = cg_library_new ();

  return library;
}

/* The issue's own example, word for word, in an English interface */
static void
test_chart_line_printed (void)
{
  g_autoptr(CgHandoutRequest) request = cg_handout_request_new ();
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 12, 6, 11, 30, 0);
  const char *sections[] = { "treatment", NULL };
  g_autofree char *line = NULL;

  cg_handout_request_set_sections (request, sections);
  cg_handout_request_set_language (request, "es");
  cg_handout_request_set_large_print (request, TRUE);

  line = cg_chart_line_format (request, get_library (), CG_CHART_LINE_PRINTED, date);
  g_assert_cmpstr (line, ==,
                   "Patient education: Calcinosis — Treatment (Spanish, large print), "
                   "Calcinosis Guide patient information 1.0.0, printed 6 Dec 2026");
}

/* Several sections of a topic, two languages, saved; the patient data never appears */
static void
test_chart_line_saved_private (void)
{
  g_autoptr(CgHandoutRequest) request = cg_handout_request_new ();
  g_autoptr(GDateTime) date = g_date_time_new_local (2027, 1, 15, 9, 0, 0);
  const char *sections[] = { "treatment", "causes", NULL };
  g_autofree char *line = NULL;

  cg_handout_request_set_sections (request, sections);
  cg_handout_request_set_language (request, "fr");
  cg_handout_request_set_second_language (request, "en");
  cg_handout_request_set_note (request, "Keep the wound dry.");
  cg_handout_request_set_prepared_for (request, "Amara");
  cg_handout_request_set_next_appointment (request, "Tuesday 10:30");

  line = cg_chart_line_format (request, get_library (), CG_CHART_LINE_SAVED, date);
  g_assert_cmpstr (line, ==,
                   "Patient education: Calcinosis — Causes, Treatment (French and English), "
                   "Calcinosis Guide patient information 1.0.0, saved as PDF 15 Jan 2027");
  g_assert_null (strstr (line, "Amara"));
  g_assert_null (strstr (line, "wound"));
  g_assert_null (strstr (line, "10:30"));
  g_assert_null (strchr (line, '\n'));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-line/printed", test_chart_line_printed);
  g_test_add_func ("/chart-line/saved-private", test_chart_line_saved_private);

  return g_test_run ();
}
