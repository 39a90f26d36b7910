/* test-window-german.c: a German clinician gets a German window and can pick a Spanish handout
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with LANGUAGE=de (tests/meson.build); CG_LOCALEDIR points at the build tree's catalogs.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cg-application.h"
#include "cg-bundle.h"
#include "cg-library.h"
#include "cg-section-row.h"
#include "cg-section.h"
#include "cg-sidebar.h"
#include "cg-window.h"

#include "cg-test-widgets.h"

/* From po/de.po, on purpose not from the bundle: the test checks the bundle */
static const char *german_titles[] = {
  "Überblick", "Ursachen", "Symptome", "Diagnose", "Behandlung", "Vorbeugung", "Zusammenfassung",
};

static CgApplication *app;

static void
test_german_sidebar (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  CgWindow *window = cg_window_new (GTK_APPLICATION (app), library);
  g_autoptr(GPtrArray) rows = NULL;

  gtk_window_present (GTK_WINDOW (window));
  CG_TEST_WAIT_UNTIL (cg_test_is_laid_out (GTK_WIDGET (window)));

  g_assert_cmpstr (cg_window_get_language (window), ==, "de");
  rows = cg_test_find_widgets (GTK_WIDGET (window), CG_TYPE_SECTION_ROW);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (german_titles));
  for (guint i = 0; i < G_N_ELEMENTS (german_titles); i++)
    g_assert_cmpstr (cg_test_last_label_text (g_ptr_array_index (rows, i)), ==, german_titles[i]);

  /* The interface too, not only the content */
  /* Named after the section in view, in German */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Überblick – Calcinosis Guide");
  g_assert_cmpstr (_("Search (Ctrl+F)"), ==, "Suchen (Strg+F)");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The handout language is chosen apart from the interface: Spanish content is there. */
static void
test_german_spanish_handout_content (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GError) error = NULL;
  CgBundle *spanish = cg_library_get_bundle (library, "es", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cg_library_get_default_language (library), ==, "de");
  g_assert_cmpstr (cg_bundle_get_language (spanish), ==, "es");
  g_assert_cmpstr (cg_bundle_get_label (spanish, "language-name"), ==, "Español");
  g_assert_false (cg_bundle_get_reviewed (spanish));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("CG_LOCALEDIR");
  int ret;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  (void)cg_test_use_private_session_bus ();
  gtk_test_init (&argc, &argv, NULL);

  app = cg_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/german/sidebar", test_german_sidebar);
  g_test_add_func ("/german/spanish-handout-content", test_german_spanish_handout_content);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
