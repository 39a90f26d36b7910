/* cg-test-widgets.h: finding and waiting for widgets in UI tests
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Depth-first search for the first descendant for which @match returns TRUE. */
static inline GtkWidget *
cg_test_find_widget_if (GtkWidget *widget,
                        gboolean (*match) (GtkWidget *widget, gconstpointer data),
                        gconstpointer data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cg_test_find_widget_if (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
cg_test_is_of_type (GtkWidget     *widget,
                    gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *)type);
}

/* Depth-first search for the first descendant of @type. */
static inline GtkWidget *
cg_test_find_widget (GtkWidget *widget,
                     GType      type)
{
  return cg_test_find_widget_if (widget, cg_test_is_of_type, &type);
}

static inline gboolean
cg_test_is_label_starting (GtkWidget     *widget,
                           gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* The first label under @widget whose text starts with @prefix */
static inline GtkLabel *
cg_test_find_label (GtkWidget  *widget,
                    const char *prefix)
{
  return GTK_LABEL (cg_test_find_widget_if (widget, cg_test_is_label_starting, prefix));
}

static inline gboolean
cg_test_timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @msec, so layout, idle handlers and debounced signals happen. */
static inline void
cg_test_spin (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, cg_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

G_END_DECLS
