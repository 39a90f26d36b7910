/* cg-accessible.c: what GTK 4.8 lacks for screen readers, in one place
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checked with Orca 43 (Debian 12) by tests/orca/test-orca.py.
 */

#define G_LOG_DOMAIN "cg-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-accessible.h"
#include "cg-atspi-bus.h"

static gboolean
on_widget_query_tooltip_cb (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip,
                            gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "cg-tooltip");

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * cg_accessible_set_tooltip:
 * @text: (nullable): the tooltip, or %NULL for none
 *
 * Gives @widget a tooltip for the eye only. GTK 4.8 makes "tooltip-text" the accessible
 * description and announces it again when the tooltip appears on keyboard focus, so Orca
 * reads "Show Sections (F9)" twice after the button's name. The accessible name (and a
 * description set on purpose) is what a screen reader says.
 */
void
cg_accessible_set_tooltip (GtkWidget  *widget,
                           const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), "cg-tooltip", g_strdup (text), g_free);
  if (g_object_get_data (G_OBJECT (widget), "cg-tooltip-handler") == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_widget_query_tooltip_cb), NULL);
      g_object_set_data (G_OBJECT (widget), "cg-tooltip-handler", GINT_TO_POINTER (TRUE));
    }
  gtk_widget_set_has_tooltip (widget, text != NULL);
}

#if GTK_CHECK_VERSION (4, 14, 0)
/* GTK's fallback accessibility context, GtkTestATContext (test programs, backends without
 * AT-SPI such as Broadway), has no announce method in GTK 4.18, and gtk_accessible_announce()
 * calls it anyway: a crash. There the message goes to the description, as before 4.14. */
static gboolean
can_announce (GtkWidget *widget)
{
  GType fallback_type = g_type_from_name ("GtkTestATContext");
  GtkATContext *context;
  gboolean can;

  /* 4.10 API, used on purpose behind the 4.8 version fence */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_accessible_get_at_context (GTK_ACCESSIBLE (widget));
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (context == NULL)
    return FALSE;

  can = fallback_type == G_TYPE_INVALID || !G_TYPE_CHECK_INSTANCE_TYPE (context, fallback_type);
  g_object_unref (context);

  return can;
}
#endif

/**
 * cg_accessible_announce:
 * @widget: the widget the message is about, normally the one with the keyboard focus
 * @message: (nullable): what a screen reader should say now, or %NULL to clear it
 *
 * Has a screen reader say @message, such as a search's result count. GTK 4.14 has an
 * announcement API for it. Before that, the message becomes @widget's accessible description:
 * Orca speaks a new description of the focused widget as soon as it changes, and the
 * description also tells what the widget shows when the user comes back to it. So on GTK
 * before 4.14 @message is heard only while @widget has the focus.
 */
void
cg_accessible_announce (GtkWidget  *widget,
                        const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

#if GTK_CHECK_VERSION (4, 14, 0)
  if (can_announce (widget))
    {
      /* 4.14 API, used on purpose behind the 4.8 version fence */
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      if (message != NULL && *message != '\0')
        gtk_accessible_announce (GTK_ACCESSIBLE (widget), message,
                                 GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
      G_GNUC_END_IGNORE_DEPRECATIONS
      return;
    }
#endif

  g_object_set_data_full (G_OBJECT (widget), "cg-description", g_strdup (message), g_free);
  if (message != NULL && *message != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * cg_accessible_announce_now:
 * @widget: a widget of the window the message is about, or the window
 * @message: what a screen reader should say now: "Section copied"
 *
 * Has a screen reader say @message once, as a notice of something done. GTK 4.14 has an
 * announcement API for it. Before that, the message briefly becomes the accessible description
 * of the widget with the keyboard focus in @widget's window (Orca speaks a new description of
 * the focused widget), which then gets back its own description, unheard.
 */
void
cg_accessible_announce_now (GtkWidget  *widget,
                            const char *message)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  /* Not in a window yet: there is no one to tell */
  if ((root = gtk_widget_get_root (widget)) == NULL)
    return;

  focus = gtk_root_get_focus (root);
  if (focus == NULL)
    focus = widget;

#if GTK_CHECK_VERSION (4, 14, 0)
  if (can_announce (focus))
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_accessible_announce (GTK_ACCESSIBLE (focus), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_HIGH);
      G_GNUC_END_IGNORE_DEPRECATIONS
      return;
    }
#endif

  {
    const char *own = g_object_get_data (G_OBJECT (focus), "cg-description");
    CgAtspiBus *bus = cg_atspi_bus_get_for_display (gtk_widget_get_display (focus));

    gtk_accessible_update_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    if (own != NULL && *own != '\0')
      {
        if (bus != NULL)
          cg_atspi_bus_quiet_next_description (bus, own);
        gtk_accessible_update_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, own, -1);
      }
    else
      gtk_accessible_reset_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  }
}

static void
name_stack_pages (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_STACK (child))
        {
          g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (GTK_STACK (child));
          guint n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));

          for (guint i = 0; i < n_pages; i++)
            {
              g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

              if (GTK_IS_ACCESSIBLE (page))
                gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
            }
        }
      name_stack_pages (child);
    }
}

/**
 * cg_accessible_name_parts:
 * @widget: a window or any widget
 *
 * GTK 4.8 names an accessible that has no name after its type: Orca says "GtkImage" for the
 * icon of a button already named, "GtkPopoverMenu menu" and "GtkStackPage panel" for a menu.
 * Those parts of @widget and its descendants get an empty name, which Orca says as nothing
 * (the button, the menu's items say what they are). Menus are the ones of menu buttons.
 */
void
cg_accessible_name_parts (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child) && gtk_widget_get_ancestor (child, GTK_TYPE_BUTTON) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

      /* The file chooser's list of files (a tree view, looked up by name: the type is not one
       * to use) */
      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkTreeView") &&
          gtk_widget_get_ancestor (child, GTK_TYPE_FILE_CHOOSER_WIDGET) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Files"), -1);

      if (GTK_IS_MENU_BUTTON (child))
        {
          GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (child));

          if (popover != NULL)
            {
              gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
              name_stack_pages (GTK_WIDGET (popover));
              cg_accessible_name_parts (GTK_WIDGET (popover));
            }
        }

      cg_accessible_name_parts (child);
    }

  name_stack_pages (widget);
}
