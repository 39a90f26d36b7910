/* cg-handout-dialog-panes.c: the builder's panes: narrow windows, and its default width
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-handout-dialog"

#include "config.h"

#include "cg-handout-dialog.h"
#include "cg-handout-dialog-private.h"

/* Below this width the preview goes behind the Preview toggle, so the builder fits a netbook
 * or half a screen. */
#define NARROW_WIDTH 900

/* The default width that shows the options and the preview side by side, when the screen
 * has room for it */
#define WIDE_WIDTH 1100

/* Narrow windows: the options and the preview take turns behind the Preview toggle. */

static void
update_panes (CgHandoutDialog *self)
{
  gboolean narrow = cg_narrow_watch_is_narrow (&self->narrow_watch);
  gboolean show_preview = gtk_toggle_button_get_active (self->preview_toggle);

  gtk_widget_set_visible (GTK_WIDGET (self->preview_toggle), narrow);
  gtk_widget_set_visible (self->panes_separator, !narrow);
  gtk_widget_set_visible (self->form, !narrow || !show_preview);
  gtk_widget_set_visible (self->preview_column, !narrow || show_preview);
}

static void
on_preview_toggle_active_cb (CgHandoutDialog *self)
{
  update_panes (self);
}

static void
on_narrow_changed_cb (GtkWidget *widget,
                      gboolean   narrow)
{
  update_panes (CG_HANDOUT_DIALOG (widget));
}

/* Side by side when the screen has room: the width of the monitor the main window is on */
void
_cg_handout_dialog_set_default_width (CgHandoutDialog *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GdkSurface *surface = self->parent != NULL ? gtk_native_get_surface (GTK_NATIVE (self->parent)) : NULL;
  GdkMonitor *monitor = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  GdkRectangle geometry = { 0, 0, 0, 0 };
  int width, height;

  if (monitor == NULL)
    {
      GListModel *monitors = gdk_display_get_monitors (display);
      g_autoptr(GdkMonitor) first = g_list_model_get_n_items (monitors) > 0
                                    ? g_list_model_get_item (monitors, 0) : NULL;

      if (first != NULL)
        gdk_monitor_get_geometry (first, &geometry);
    }
  else
    gdk_monitor_get_geometry (monitor, &geometry);

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (geometry.width >= WIDE_WIDTH && width < WIDE_WIDTH)
    gtk_window_set_default_size (GTK_WINDOW (self), WIDE_WIDTH, height);
}

void
_cg_handout_dialog_init_panes (CgHandoutDialog *self)
{
  cg_narrow_watch_init (&self->narrow_watch, GTK_WIDGET (self), NARROW_WIDTH, on_narrow_changed_cb);
}

void
_cg_handout_dialog_class_init_panes (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_preview_toggle_active_cb);
}
