/* cg-test-widgets.h: finding and waiting for widgets in UI tests
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Depth-first search for the first descendant of @type. */
static inline GtkWidget *
cg_test_find_widget (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cg_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline void
cg_test_collect_widgets (GtkWidget *widget,
                         GType      type,
                         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cg_test_collect_widgets (child, type, found);
}

/* Every descendant of @type, depth first: for a list view, the rows it made, in order. */
static inline GPtrArray *
cg_test_find_widgets (GtkWidget *widget,
                      GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  cg_test_collect_widgets (widget, type, found);

  return found;
}

/* The text of the last label in @widget: a row's title below its optional heading. */
static inline const char *
cg_test_last_label_text (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = cg_test_find_widgets (widget, GTK_TYPE_LABEL);

  return labels->len > 0 ? gtk_label_get_text (g_ptr_array_index (labels, labels->len - 1)) : NULL;
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
