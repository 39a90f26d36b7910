/* cg-accessible.c: what GTK 4.8 lacks for screen readers, in one place
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checked with Orca 43 (Debian 12) by tests/orca/test-orca.py.
 */

#define G_LOG_DOMAIN "cg-accessible"

#include "config.h"

#include "cg-accessible.h"

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

  if (message != NULL && *message != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}
