/* test-language-choice.c: the builder's language drop-downs, read and set as codes
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-language-choice.h"
#include "cg-library.h"

static const char *
get_selected_name (GtkDropDown *dropdown)
{
  return gtk_string_object_get_string (gtk_drop_down_get_selected_item (dropdown));
}

static void
test_language_choice (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  GtkDropDown *language = GTK_DROP_DOWN (g_object_ref_sink (gtk_drop_down_new (NULL, NULL)));
  GtkDropDown *second = GTK_DROP_DOWN (g_object_ref_sink (gtk_drop_down_new (NULL, NULL)));
  g_autoptr(CgLanguageChoice) choice = cg_language_choice_new (language, second, library);

  /* Each language in its own words; the second starts with None */
  g_assert_cmpstr (cg_language_choice_get_language (choice), ==, "en");
  g_assert_null (cg_language_choice_get_second_language (choice));
  g_assert_cmpstr (get_selected_name (second), ==, "None");

  cg_language_choice_select (choice, "es", "en");
  g_assert_cmpstr (cg_language_choice_get_language (choice), ==, "es");
  g_assert_cmpstr (get_selected_name (language), ==, "Español");
  g_assert_cmpstr (cg_language_choice_get_second_language (choice), ==, "en");
  g_assert_cmpstr (get_selected_name (second), ==, "English");

  /* The first language again as the second counts as none */
  cg_language_choice_select (choice, "es", "es");
  g_assert_null (cg_language_choice_get_second_language (choice));

  /* An unknown language leaves the first as it is; NULL is no second language */
  cg_language_choice_select (choice, "xx", NULL);
  g_assert_cmpstr (cg_language_choice_get_language (choice), ==, "es");
  g_assert_cmpstr (get_selected_name (second), ==, "None");

  g_object_unref (language);
  g_object_unref (second);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/language-choice/codes", test_language_choice);

  return g_test_run ();
}
