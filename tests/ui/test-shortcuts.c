/* test-shortcuts.c: one table of shortcuts for the shortcuts window and docs/keyboard.md
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   test-shortcuts --print-markdown   prints the list docs/keyboard.md holds
 *                                     (build-aux/update-keyboard-doc puts it there)
 */

#include "config.h"

#include <string.h>

#include "cg-resources.h"
#include "cg-shortcuts.h"
#include "cg-shortcuts-window.h"

#include "cg-test-widgets.h"

#define DOC_START "<!-- The list below is generated from src/ui/cg-shortcuts.c by build-aux/update-keyboard-doc -->\n"
#define DOC_END "<!-- end of the generated list -->\n"

/* docs/keyboard.md lists the table, word for word */
static void
test_shortcuts_doc (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "keyboard.md", NULL);
  g_autofree char *doc = NULL;
  g_autofree char *expected = cg_shortcuts_dup_markdown ();
  g_autoptr(GError) error = NULL;
  const char *start, *end;
  g_autofree char *listed = NULL;

  g_assert_true (g_file_get_contents (path, &doc, NULL, &error));
  g_assert_no_error (error);
  start = strstr (doc, DOC_START);
  g_assert_nonnull (start);
  start += strlen (DOC_START);
  end = strstr (start, DOC_END);
  g_assert_nonnull (end);
  listed = g_strndup (start, end - start);
  g_strstrip (listed);
  g_strstrip (expected);
  if (!g_str_equal (listed, expected))
    g_test_message ("docs/keyboard.md should list (build-aux/update-keyboard-doc):\n%s", expected);
  g_assert_cmpstr (listed, ==, expected);
}

/* Every accelerator of the table is one GTK understands, and is spelled for people */
static void
test_shortcuts_keys (void)
{
  const CgShortcutGroup *groups;
  guint n_groups;
  g_autofree char *label = cg_shortcuts_dup_keys_label ("<Control>g F3");
  g_autofree char *arrow = cg_shortcuts_dup_keys_label ("<Alt>Left");

  g_assert_cmpstr (label, ==, "Ctrl+G or F3");
  g_assert_cmpstr (arrow, ==, "Alt+Left");

  groups = cg_shortcuts_get_groups (&n_groups);
  g_assert_cmpuint (n_groups, >, 0);
  for (guint i = 0; i < n_groups; i++)
    for (guint j = 0; j < groups[i].n_shortcuts; j++)
      {
        g_auto(GStrv) accelerators = g_strsplit (groups[i].shortcuts[j].accelerators, " ", -1);

        for (guint k = 0; accelerators[k] != NULL; k++)
          {
            guint key = 0;

            g_assert_true (gtk_accelerator_parse (accelerators[k], &key, NULL));
            g_assert_cmpuint (key, !=, 0);
          }
      }
}

/* The window: a named list per group, a row per shortcut, its title and keys shown */
static void
test_shortcuts_window (void)
{
  GtkWindow *window = cg_shortcuts_window_new (NULL);
  g_autoptr(GPtrArray) lists = cg_test_find_widgets (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
  g_autoptr(GPtrArray) rows = cg_test_find_widgets (GTK_WIDGET (window), GTK_TYPE_LIST_BOX_ROW);
  const CgShortcutGroup *groups = NULL;
  guint n_groups, n_shortcuts = 0;
  GtkWidget *first_row;

  groups = cg_shortcuts_get_groups (&n_groups);
  for (guint i = 0; i < n_groups; i++)
    n_shortcuts += groups[i].n_shortcuts;

  g_assert_cmpuint (lists->len, ==, n_groups);
  g_assert_cmpuint (rows->len, ==, n_shortcuts);
  first_row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (cg_test_last_label_text (first_row), ==, "F9");

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 2 && g_str_equal (argv[1], "--print-markdown"))
    {
      g_autofree char *markdown = cg_shortcuts_dup_markdown ();

      g_print ("%s", markdown);
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  (void)cg_get_resource ();

  g_test_add_func ("/shortcuts/doc", test_shortcuts_doc);
  g_test_add_func ("/shortcuts/keys", test_shortcuts_keys);
  g_test_add_func ("/shortcuts/window", test_shortcuts_window);

  return g_test_run ();
}
