/* cg-shortcuts.c: the app's keyboard shortcuts, in one table
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shortcuts window (CgShortcutsWindow) lists this table, and docs/keyboard.md's list is
 * generated from it (build-aux/update-keyboard-doc; tests/ui/test-shortcuts.c checks the two
 * agree). Key labels are spelled here, not by GTK, so the same words reach the page, the
 * window and a screen reader: GTK writes some keys as symbols ("←").
 */

#define G_LOG_DOMAIN "cg-shortcuts"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-shortcuts.h"

static const CgShortcut general[] = {
  { NC_("shortcut window", "Show or hide the sections"), "F9" },
  { NC_("shortcut window", "Search"), "<Control>f" },
  { NC_("shortcut window", "Open a content bundle"), "<Control>o" },
  { NC_("shortcut window", "Keyboard shortcuts"), "<Control>question" },
  { NC_("shortcut window", "Quit"), "<Control>q" },
};

static const CgShortcut handouts[] = {
  { NC_("shortcut window", "Print a handout"), "<Control>p" },
  { NC_("shortcut window", "Export a handout as PDF"), "<Control><Shift>e" },
};

static const CgShortcut reading[] = {
  { NC_("shortcut window", "Go back"), "<Alt>Left" },
  { NC_("shortcut window", "Go forward"), "<Alt>Right" },
  { NC_("shortcut window", "Next match of the search"), "<Control>g F3" },
  { NC_("shortcut window", "Previous match of the search"), "<Control><Shift>g <Shift>F3" },
  { NC_("shortcut window", "Copy the section"), "<Control><Shift>c" },
  { NC_("shortcut window", "Select the whole topic"), "<Control>a" },
  { NC_("shortcut window", "Zoom in"), "<Control>plus" },
  { NC_("shortcut window", "Zoom out"), "<Control>minus" },
  { NC_("shortcut window", "Reset zoom"), "<Control>0" },
};

static const CgShortcutGroup groups[] = {
  { NC_("shortcut window", "General"), general, G_N_ELEMENTS (general) },
  { NC_("shortcut window", "Handouts"), handouts, G_N_ELEMENTS (handouts) },
  { NC_("shortcut window", "Reading"), reading, G_N_ELEMENTS (reading) },
};

/**
 * cg_shortcuts_get_groups:
 *
 * Returns: (array length=n_groups): the groups of shortcuts, in the order shown
 */
const CgShortcutGroup *
cg_shortcuts_get_groups (guint *n_groups)
{
  g_return_val_if_fail (n_groups != NULL, NULL);

  *n_groups = G_N_ELEMENTS (groups);
  return groups;
}

/**
 * cg_shortcuts_translate:
 *
 * Returns: a title of the table in the interface's language
 */
const char *
cg_shortcuts_translate (const char *title)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window", title);
}

static const struct
{
  const char *name;
  const char *label;
} key_labels[] = {
  { "question", "?" },
  { "plus", N_("Plus") },
  { "minus", N_("Minus") },
  { "Left", N_("Left") },
  { "Right", N_("Right") },
};

static void
append_key_label (GString    *label,
                  const char *accelerator)
{
  static const struct { const char *modifier; const char *label; } modifiers[] = {
    { "<Control>", N_("Ctrl") },
    { "<Shift>", N_("Shift") },
    { "<Alt>", N_("Alt") },
  };
  const char *key = accelerator;
  gboolean found;

  /* Modifiers first, in the table's order, then the key */
  do
    {
      found = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
        if (g_str_has_prefix (key, modifiers[i].modifier))
          {
            g_string_append_printf (label, "%s+", _(modifiers[i].label));
            key += strlen (modifiers[i].modifier);
            found = TRUE;
          }
    }
  while (found);

  for (guint i = 0; i < G_N_ELEMENTS (key_labels); i++)
    if (g_str_equal (key, key_labels[i].name))
      {
        g_string_append (label, _(key_labels[i].label));
        return;
      }

  /* Letters as on the keys */
  if (strlen (key) == 1)
    g_string_append_c (label, g_ascii_toupper (key[0]));
  else
    g_string_append (label, key);
}

/**
 * cg_shortcuts_dup_keys_label:
 * @accelerators: GTK accelerators separated by spaces, as in the table
 *
 * Returns: (transfer full): the keys as a person reads them: "Ctrl+G or F3"
 */
char *
cg_shortcuts_dup_keys_label (const char *accelerators)
{
  g_auto(GStrv) each = g_strsplit (accelerators, " ", -1);
  g_autoptr(GString) label = g_string_new (NULL);

  for (guint i = 0; each[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: between two shortcuts for the same thing, "Ctrl+G or F3" */
        g_string_append (label, _(" or "));
      append_key_label (label, each[i]);
    }

  return g_string_free (g_steal_pointer (&label), FALSE);
}

/**
 * cg_shortcuts_dup_markdown:
 *
 * Returns: (transfer full): the table as the Markdown list of docs/keyboard.md
 */
char *
cg_shortcuts_dup_markdown (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_string_append_printf (text, "%s### %s\n\n", i > 0 ? "\n" : "", cg_shortcuts_translate (groups[i].title));
      for (guint j = 0; j < groups[i].n_shortcuts; j++)
        {
          g_autofree char *keys = cg_shortcuts_dup_keys_label (groups[i].shortcuts[j].accelerators);

          g_string_append_printf (text, "- %s: %s\n", cg_shortcuts_translate (groups[i].shortcuts[j].title), keys);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
