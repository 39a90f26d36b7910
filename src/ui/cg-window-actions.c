/* cg-window-actions.c: the window's win.* actions and their keyboard shortcuts
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-accessible.h"
#include "cg-content-view.h"
#include "cg-handout-dialog.h"
#include "cg-section.h"
#include "cg-shortcuts-window.h"
#include "cg-window.h"
#include "cg-window-private.h"

#define ZOOM_STEP 0.1

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  CgWindow *self = CG_WINDOW (widget);
  double zoom = cg_content_view_get_zoom (self->content_view);

  if (g_str_equal (action_name, "win.zoom-in"))
    zoom += ZOOM_STEP;
  else if (g_str_equal (action_name, "win.zoom-out"))
    zoom -= ZOOM_STEP;
  else
    zoom = 1.0;

  cg_content_view_set_zoom (self->content_view, zoom);
  zoom = cg_content_view_get_zoom (self->content_view);
  {
    /* Translators: said by a screen reader after Ctrl+Plus or Ctrl+Minus, e.g. "Zoom 110%" */
    g_autofree char *message = g_strdup_printf (_("Zoom %d%%"), (int) (zoom * 100 + 0.5));

    cg_accessible_announce_now (GTK_WIDGET (self), message);
  }
}

/* GtkApplication would build the shortcuts window for every new window; it is built here the
 * first time it is asked for instead, off the start-up path. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  CgWindow *self = CG_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    self->shortcuts_window = g_object_ref (cg_shortcuts_window_new (GTK_WINDOW (self)));

  gtk_window_present (self->shortcuts_window);
}

/* Ctrl+P opens the handout builder, or raises the one already open (with its note);
 * Ctrl+Shift+E saves a fresh handout of the section being read. */
static void
handout_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CgWindow *self = CG_WINDOW (widget);
  CgSection *section = cg_content_view_get_section (self->content_view);
  const char *section_id = section != NULL ? cg_section_get_id (section) : NULL;

  if (self->handout_dialog == NULL)
    {
      self->handout_dialog = cg_handout_dialog_new (GTK_WINDOW (self), self->library, section_id);
      g_object_add_weak_pointer (G_OBJECT (self->handout_dialog),
                                 (gpointer *)&self->handout_dialog);
    }
  gtk_window_present (self->handout_dialog);

  if (g_str_equal (action_name, "win.export-pdf"))
    {
      cg_handout_dialog_select_only (CG_HANDOUT_DIALOG (self->handout_dialog), section_id);
      gtk_widget_activate_action (GTK_WIDGET (self->handout_dialog), "handout.save-pdf", NULL);
    }
}

/* Esc closes the search wherever the focus is, e.g. in the results. */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  CgWindow *self = CG_WINDOW (widget);

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    return FALSE;

  /* on_search_bar_search_mode_cb() puts the focus back on the section list */
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  return TRUE;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  CgWindow *self = CG_WINDOW (widget);
  gboolean enabled = !gtk_search_bar_get_search_mode (self->search_bar);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* As in other GNOME apps, Ctrl+F outside the entry goes back to it rather than closing */
  if (!enabled && (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry))))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, enabled);
  if (enabled)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Back and forward through the sections and search results visited; find next and previous
 * among the highlighted matches; copy the section in view. */
static void
reading_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  CgWindow *self = CG_WINDOW (widget);

  if (g_str_equal (action_name, "win.go-back"))
    cg_content_view_go_back (self->content_view);
  else if (g_str_equal (action_name, "win.go-forward"))
    cg_content_view_go_forward (self->content_view);
  else if (g_str_equal (action_name, "win.find-next"))
    cg_content_view_find_next (self->content_view);
  else if (g_str_equal (action_name, "win.find-previous"))
    cg_content_view_find_previous (self->content_view);
  else
    cg_content_view_copy_section (self->content_view);
}

void
_cg_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "show-sidebar");
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundle", NULL, _cg_window_open_bundle_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.print-handout", NULL, handout_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, handout_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);

  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, reading_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, reading_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, reading_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, reading_action);
  gtk_widget_class_install_action (widget_class, "win.copy-section", NULL, reading_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-section", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-bundle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-handout", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-pdf", NULL);
  /* Menus show the last binding of an action: the keypad variants go first */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
}
