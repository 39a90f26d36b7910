/* test-handout-request.c: one handout asked for: its sections, layout, file name and the
 * patient data it holds only in memory
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-bundle.h"
#include "cg-handout-layout.h"
#include "cg-handout-request.h"
#include "cg-library.h"
#include "cg-section.h"

#include "cg-test-util.h"

static CgLibrary *
get_library (void)
{
  static CgLibrary *library;

  if (library == NULL)
    library = cg_library_new ();

  return library;
}

/* Every page's text, joined */
static char *
dup_layout_text (CgHandoutLayout *layout)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_pages = cg_handout_layout_paginate (layout, 595, 842);

  g_assert_cmpuint (n_pages, >, 0);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page = cg_handout_layout_dup_page_text (layout, i);

      g_string_append_printf (text, "%s\n", page);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
dup_squeezed_text (CgHandoutLayout *layout)
{
  g_autofree char *text = dup_layout_text (layout);

  return cg_test_squeeze (text);
}

static CgHandoutRequest *
create_request (const char *language,
                const char *sections)
{
  CgHandoutRequest *request = cg_handout_request_new ();
  g_auto(GStrv) ids = g_strsplit (sections, ",", -1);

  cg_handout_request_set_language (request, language);
  cg_handout_request_set_sections (request, (const char * const *)ids);

  return request;
}

/* Sections print in bundle order whatever the order asked; unknown ids are left out */
static void
test_request_sections (void)
{
  g_autoptr(CgHandoutRequest) request = create_request ("en", "treatment,no-such-section,causes");
  g_autoptr(GPtrArray) sections = cg_handout_request_list_sections (request, get_library ());

  g_assert_cmpuint (sections->len, ==, 2);
  g_assert_cmpstr (cg_section_get_id (g_ptr_array_index (sections, 0)), ==, "causes");
  g_assert_cmpstr (cg_section_get_id (g_ptr_array_index (sections, 1)), ==, "treatment");
}

/* The patient fields print under the date; the note in its box; both are dropped by
 * clear_patient_data(), which the builder calls when the handout is done */
static void
test_request_patient_fields (void)
{
  g_autoptr(CgHandoutRequest) request = create_request ("en", "treatment");
  g_autoptr(CgHandoutLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  g_assert_false (cg_handout_request_has_patient_data (request));
  cg_handout_request_set_prepared_for (request, "   ");
  g_assert_false (cg_handout_request_has_patient_data (request));

  cg_handout_request_set_prepared_for (request, "Amara");
  cg_handout_request_set_next_appointment (request, "Tuesday 12 January, 10:30");
  cg_handout_request_set_note (request, "Keep the wound dry.");
  g_assert_true (cg_handout_request_has_patient_data (request));

  layout = cg_handout_request_create_layout (request, get_library (), NULL, &error);
  g_assert_no_error (error);
  text = dup_layout_text (layout);
  g_assert_nonnull (strstr (text, "Prepared for: Amara"));
  g_assert_nonnull (strstr (text, "Next appointment: Tuesday 12 January, 10:30"));
  g_assert_nonnull (strstr (text, "Keep the wound dry."));
  /* Under the date, before the note and the sections */
  g_assert_true (strstr (text, "Date: ") < strstr (text, "Prepared for: Amara"));
  g_assert_true (strstr (text, "Prepared for: Amara") < strstr (text, "Keep the wound dry."));

  /* Never in the file name */
  name = cg_handout_request_dup_file_name (request, get_library ());
  g_assert_null (strstr (name, "Amara"));

  cg_handout_request_clear_patient_data (request);
  g_assert_false (cg_handout_request_has_patient_data (request));
  g_assert_null (cg_handout_request_get_prepared_for (request));
  g_assert_null (cg_handout_request_get_next_appointment (request));
  g_assert_null (cg_handout_request_get_note (request));
}

static void
assert_file_name (const char *language,
                  const char *second_language,
                  const char *sections,
                  const char *expected)
{
  g_autoptr(CgHandoutRequest) request = create_request (language, sections);
  g_autofree char *name = NULL;

  cg_handout_request_set_second_language (request, second_language);
  name = cg_handout_request_dup_file_name (request, get_library ());
  g_assert_cmpstr (name, ==, expected);
}

static void
test_request_file_name (void)
{
  assert_file_name ("es", NULL, "treatment", "calcinosis-treatment-es.pdf");
  assert_file_name ("en", NULL, "treatment,causes", "calcinosis-causes-treatment-en.pdf");
  assert_file_name ("fr", "en", "symptoms", "calcinosis-symptoms-fr-en.pdf");
  /* Beyond three sections the name stays short */
  assert_file_name ("de", NULL, "overview,causes,symptoms,treatment", "calcinosis-handout-de.pdf");
  assert_file_name ("en", NULL, "", "calcinosis-handout-en.pdf");
}

/* Every handout ends with the disclaimer, in its own language: the built-in bundle's label,
 * translated (not the English) in es, fr and de */
static void
test_request_disclaimer (void)
{
  const char *english = "This handout gives general information. It does not replace the advice of your care team.";
  const char *languages[] = { "en", "es", "fr", "de" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(CgHandoutRequest) request = create_request (languages[i], "causes");
      CgBundle *bundle = cg_library_get_bundle (get_library (), languages[i], NULL);
      const char *disclaimer = cg_bundle_get_label (bundle, "disclaimer");
      g_autoptr(CgHandoutLayout) layout = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *squeezed = NULL;

      g_test_message ("%s: %s", languages[i], disclaimer);
      g_assert_nonnull (disclaimer);
      if (i == 0)
        g_assert_cmpstr (disclaimer, ==, english);
      else
        g_assert_cmpstr (disclaimer, !=, english);

      layout = cg_handout_request_create_layout (request, get_library (), NULL, &error);
      g_assert_no_error (error);
      text = dup_layout_text (layout);
      squeezed = cg_test_squeeze (text);
      g_assert_true (cg_test_text_contains (squeezed, disclaimer));
    }
}

/* A clinic bundle's own disclaimer prints on handouts holding its sections, after the
 * built-in one; not on handouts without them */
static void
test_request_bundle_disclaimer (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "clinic-disclaimer.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CgHandoutRequest) request = create_request ("en", "dressing");
  g_autoptr(CgHandoutRequest) builtin = create_request ("en", "causes");
  g_autoptr(CgHandoutLayout) layout = NULL;
  g_autoptr(CgHandoutLayout) builtin_layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *builtin_text = NULL;
  const char *own = "Riverside Clinic leaflets are checked every year by the clinic's nurses.";

  g_assert_true (cg_library_add_file (library, file, &error));
  g_assert_no_error (error);

  layout = cg_handout_request_create_layout (request, library, NULL, &error);
  g_assert_no_error (error);
  text = dup_squeezed_text (layout);
  g_assert_true (cg_test_text_contains (text, own));
  g_assert_true (cg_test_text_contains (text, "It does not replace the advice of your care team."));

  builtin_layout = cg_handout_request_create_layout (builtin, library, NULL, &error);
  g_assert_no_error (error);
  builtin_text = dup_squeezed_text (builtin_layout);
  g_assert_false (cg_test_text_contains (builtin_text, own));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handout-request/sections", test_request_sections);
  g_test_add_func ("/handout-request/patient-fields", test_request_patient_fields);
  g_test_add_func ("/handout-request/file-name", test_request_file_name);
  g_test_add_func ("/handout-request/disclaimer", test_request_disclaimer);
  g_test_add_func ("/handout-request/bundle-disclaimer", test_request_bundle_disclaimer);

  return g_test_run ();
}
