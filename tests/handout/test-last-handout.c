/* test-last-handout.c: what Same as Last Handout keeps of a handout: its choice, never the
 * patient; sections the library lost are named, not applied
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-last-handout.h"
#include "cg-library.h"

static void
test_last_handout_private (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(CgHandoutRequest) made = cg_handout_request_new ();
  g_autoptr(CgHandoutRequest) last = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  const char *sections[] = { "treatment", "dressing", NULL };

  g_settings_reset (settings, "handout-sections");
  g_assert_false (cg_last_handout_exists (settings));

  cg_handout_request_set_sections (made, sections);
  cg_handout_request_set_language (made, "es");
  cg_handout_request_set_second_language (made, "en");
  cg_handout_request_set_large_print (made, TRUE);
  cg_handout_request_set_note (made, "Keep the Qvz dressing dry");
  cg_handout_request_set_prepared_for (made, "Zephyrinequa");
  cg_handout_request_set_next_appointment (made, "Thursday 14:45");
  cg_last_handout_remember (settings, made);
  g_assert_true (cg_last_handout_exists (settings));

  /* No setting holds anything of the patient */
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (text, "Qvz"));
      g_assert_null (strstr (text, "Zephyrinequa"));
      g_assert_null (strstr (text, "14:45"));
    }

  /* Recalled: the choice, without the section the library no longer has, named */
  last = cg_last_handout_recall (settings, library, missing);
  g_assert_cmpuint (g_strv_length ((char **)cg_handout_request_get_sections (last)), ==, 1);
  g_assert_cmpstr (cg_handout_request_get_sections (last)[0], ==, "treatment");
  g_assert_cmpstr (missing->str, ==, "dressing");
  g_assert_cmpstr (cg_handout_request_get_language (last), ==, "es");
  g_assert_cmpstr (cg_handout_request_get_second_language (last), ==, "en");
  g_assert_true (cg_handout_request_get_large_print (last));
  g_assert_false (cg_handout_request_has_patient_data (last));

  g_settings_reset (settings, "handout-sections");
  g_settings_reset (settings, "last-handout-language");
  g_settings_reset (settings, "last-handout-second-language");
  g_settings_reset (settings, "last-handout-large-print");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/last-handout/private", test_last_handout_private);

  return g_test_run ();
}
