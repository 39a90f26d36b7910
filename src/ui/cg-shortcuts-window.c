/* cg-shortcuts-window.c: the keyboard shortcuts, as lists a screen reader reads row by row
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's GtkShortcutsWindow cannot be read with Orca: it is announced by its type name, and
 * its shortcuts are not reachable with the keyboard. Here each group of the table in
 * cg-shortcuts.c is a heading and a list named after it, and each shortcut a row named
 * "Search: Ctrl+F"; Up and Down go through all the rows, across the groups.
 */

#define G_LOG_DOMAIN "cg-shortcuts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-shortcuts.h"
#include "cg-shortcuts-window.h"

struct _CgShortcutsWindow
{
  GtkWindow  parent_instance;

  GtkBox    *groups_box;
};

G_DEFINE_FINAL_TYPE (CgShortcutsWindow, cg_shortcuts_window, GTK_TYPE_WINDOW)

static GtkWidget *
shortcut_row_new (const CgShortcut *shortcut)
{
  g_autofree char *keys = cg_shortcuts_dup_keys_label (shortcut->accelerators);
  const char *title = cg_shortcuts_translate (shortcut->title);
  /* Translators: a row of the keyboard shortcuts as a screen reader says it, "Search: Ctrl+F" */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), title, keys);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *keys_label = gtk_label_new (keys);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_widget_add_css_class (keys_label, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), keys_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

/* Up from a list's first row and Down from its last go on to the group before or after */
static gboolean
on_list_keynav_failed_cb (GtkWidget        *list,
                          GtkDirectionType  direction,
                          gpointer          user_data)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (list));

  if (direction == GTK_DIR_DOWN)
    return gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
  if (direction == GTK_DIR_UP)
    return gtk_widget_child_focus (window, GTK_DIR_TAB_BACKWARD);
  return FALSE;
}

static void
add_group (CgShortcutsWindow     *self,
           const CgShortcutGroup *group)
{
  const char *title = cg_shortcuts_translate (group->title);
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                     "label", title,
                                     "xalign", 0.0f,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     NULL);
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  g_signal_connect (list, "keynav-failed", G_CALLBACK (on_list_keynav_failed_cb), NULL);

  for (guint i = 0; i < group->n_shortcuts; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), shortcut_row_new (&group->shortcuts[i]));

  gtk_box_append (self->groups_box, heading);
  gtk_box_append (self->groups_box, list);
}

static void
cg_shortcuts_window_class_init (CgShortcutsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cg-shortcuts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CgShortcutsWindow, groups_box);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cg_shortcuts_window_init (CgShortcutsWindow *self)
{
  const CgShortcutGroup *groups;
  guint n_groups;

  gtk_widget_init_template (GTK_WIDGET (self));

  groups = cg_shortcuts_get_groups (&n_groups);
  for (guint i = 0; i < n_groups; i++)
    add_group (self, &groups[i]);
}

/**
 * cg_shortcuts_window_new:
 * @parent: the window it is for
 *
 * Returns: (transfer none): the keyboard shortcuts window, owned by GTK as every window;
 *   hidden (not destroyed) on close
 */
GtkWindow *
cg_shortcuts_window_new (GtkWindow *parent)
{
  return g_object_new (CG_TYPE_SHORTCUTS_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
}
