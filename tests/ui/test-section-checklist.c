/* test-section-checklist.c: the builder's section list: ticks set by the code stay quiet,
 * ticks by hand are announced, and sections a handout's language lacks say why
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-library.h"
#include "cg-section-checklist.h"

#include "cg-test-widgets.h"

static void
on_changed_cb (CgSectionChecklist *checklist,
               guint              *n_changed)
{
  (*n_changed)++;
}

static GtkCheckButton *
find_check (GtkWidget  *list,
            const char *title)
{
  g_autoptr(GPtrArray) checks = cg_test_find_widgets (list, GTK_TYPE_CHECK_BUTTON);

  for (guint i = 0; i < checks->len; i++)
    if (g_strcmp0 (gtk_check_button_get_label (g_ptr_array_index (checks, i)), title) == 0)
      return g_ptr_array_index (checks, i);

  return NULL;
}

static void
test_checklist_ticks (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GPtrArray) topics = cg_library_list_topics (library, "en", NULL);
  GtkWidget *list = g_object_ref_sink (gtk_list_box_new ());
  g_autoptr(CgSectionChecklist) checklist = cg_section_checklist_new (GTK_LIST_BOX (list), topics, "causes");
  const char *two[] = { "treatment", "overview", NULL };
  g_auto(GStrv) ticked = NULL;
  guint n_changed = 0;

  g_signal_connect (checklist, "changed", G_CALLBACK (on_changed_cb), &n_changed);
  g_assert_cmpuint (cg_section_checklist_get_n_sections (checklist), ==, 7);
  g_assert_nonnull (cg_test_find_label (list, "Shown now"));

  /* Set by the code: quiet, in list order whatever the order asked */
  cg_section_checklist_set_ticked (checklist, two);
  ticked = cg_section_checklist_dup_ticked (checklist);
  g_assert_cmpuint (g_strv_length (ticked), ==, 2);
  g_assert_cmpstr (ticked[0], ==, "overview");
  g_assert_cmpstr (ticked[1], ==, "treatment");
  g_assert_cmpuint (n_changed, ==, 0);

  /* By hand: announced */
  gtk_check_button_set_active (find_check (list, "Causes"), TRUE);
  g_assert_cmpuint (n_changed, ==, 1);
  g_clear_pointer (&ticked, g_strfreev);
  ticked = cg_section_checklist_dup_ticked (checklist);
  g_assert_cmpuint (g_strv_length (ticked), ==, 3);

  /* NULL ticks all */
  cg_section_checklist_set_ticked (checklist, NULL);
  g_clear_pointer (&ticked, g_strfreev);
  ticked = cg_section_checklist_dup_ticked (checklist);
  g_assert_cmpuint (g_strv_length (ticked), ==, 7);

  g_object_unref (list);
}

/* A clinic section in English only: not tickable on a Spanish handout, and says why */
static void
test_checklist_availability (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "clinic.xml", NULL);
  g_autoptr(GFile) clinic = g_file_new_for_path (fixture);
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgSectionChecklist) checklist = NULL;
  GtkWidget *list = g_object_ref_sink (gtk_list_box_new ());
  GtkCheckButton *visit;
  GtkLabel *reason;

  g_assert_true (cg_library_add_file (library, clinic, &error));
  g_assert_no_error (error);
  topics = cg_library_list_topics (library, "en", NULL);
  checklist = cg_section_checklist_new (GTK_LIST_BOX (list), topics, NULL);
  visit = find_check (list, "Before your visit");
  g_assert_nonnull (visit);

  cg_section_checklist_update_availability (checklist, library, "en", NULL);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (visit)));

  cg_section_checklist_update_availability (checklist, library, "es", NULL);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (visit)));
  reason = cg_test_find_label (list, "Only in English: left out of this handout");
  g_assert_nonnull (reason);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reason)));

  /* English as the second language of a Spanish handout: still left out */
  cg_section_checklist_update_availability (checklist, library, "es", "en");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (visit)));

  g_object_unref (list);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/section-checklist/ticks", test_checklist_ticks);
  g_test_add_func ("/section-checklist/availability", test_checklist_availability);

  return g_test_run ();
}
