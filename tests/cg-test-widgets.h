/* cg-test-widgets.h: finding widgets in UI tests, and waiting for them on conditions
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

/* For cg_test_find_widget_if(): a button that activates @action_name */
static inline gboolean
cg_test_is_button_for_action (GtkWidget     *widget,
                              gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static inline gboolean
cg_test_tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until @condition (an expression) holds: layout, idle handlers and
 * debounced signals happen meanwhile, however slow the machine. Fails the test after ten
 * seconds rather than hanging it. A tick wakes the loop to look at @condition again when
 * nothing else would. */
#define CG_TEST_WAIT_UNTIL(condition)                                                   \
  G_STMT_START {                                                                        \
    gint64 cg_test_deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;            \
    guint cg_test_tick = g_timeout_add (10, cg_test_tick_cb, NULL);                     \
                                                                                        \
    while (!(condition))                                                                \
      {                                                                                 \
        if (g_get_monotonic_time () > cg_test_deadline)                                 \
          g_error ("%s:%d: timed out waiting for %s", __FILE__, __LINE__, #condition); \
        g_main_context_iteration (NULL, TRUE);                                          \
      }                                                                                 \
    g_source_remove (cg_test_tick);                                                     \
  } G_STMT_END

static inline gboolean
cg_test_count_frame_cb (GtkWidget     *widget,
                        GdkFrameClock *frame_clock,
                        gpointer       data)
{
  guint *n_frames = data;

  (*n_frames)++;
  return G_SOURCE_CONTINUE;
}

/* Lets mapped @widget paint @n_frames more frames. Only for what happens a frame at a time by
 * design (the sidebar lists results a page a frame); to let the layout finish, wait until the
 * loop is quiet (cg_test_wait_until_quiet()). */
static inline void
cg_test_wait_frames (GtkWidget *widget,
                     guint      n_frames)
{
  guint frames = 0;
  guint tick = gtk_widget_add_tick_callback (widget, cg_test_count_frame_cb, &frames, NULL);

  CG_TEST_WAIT_UNTIL (frames >= n_frames);
  gtk_widget_remove_tick_callback (widget, tick);
}

static inline gboolean
cg_test_set_flag_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits for @widget's next frame (its layout, and any scroll that layout starts), then until
 * the main loop has nothing left to run above G_PRIORITY_LOW: the idle handlers GTK lays out
 * with (a GtkTextView measuring its lines, a list view making rows) have all run. A source at
 * G_PRIORITY_LOW only runs once every source above it is done, however busy the machine; for
 * asserting that something did not happen, or that a layout is final. */
static inline void
cg_test_wait_until_quiet (GtkWidget *widget)
{
  gboolean quiet = FALSE;

  cg_test_wait_frames (widget, 1);
  g_idle_add_full (G_PRIORITY_LOW, cg_test_set_flag_cb, &quiet, NULL);
  CG_TEST_WAIT_UNTIL (quiet);
}

/* A GtkTextView measures its lines in idle time after its text is set, so the document's
 * height changes for a while, and a scroll to a place animates: waits until every line is
 * measured (the loop is quiet) and the document's height and the scroll position have stayed
 * the same over three quiet frames. Counting frames alone is not enough: on a busy machine the
 * frames come while the measuring idle handler waits its turn. */
static inline void
cg_test_wait_for_text_view_to_settle (GtkTextView *text_view)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view));
  double upper = -1, value = -1;

  for (guint stable = 0; stable < 3;)
    {
      cg_test_wait_until_quiet (GTK_WIDGET (text_view));
      stable = (gtk_adjustment_get_upper (vadjustment) == upper &&
                gtk_adjustment_get_value (vadjustment) == value) ? stable + 1 : 0;
      upper = gtk_adjustment_get_upper (vadjustment);
      value = gtk_adjustment_get_value (vadjustment);
    }
}

/* A presented window (or widget) is mapped and has had its first allocation. */
static inline gboolean
cg_test_is_laid_out (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* The first visible toplevel of @type, or NULL */
static inline GtkWindow *
cg_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

/* Moves the test to a private session bus that can start no service. A GtkApplication of
 * GTK 4.8 starting up on a bus that can activate xdg-desktop-portal starts it (to inhibit
 * through it), and the app would then read the desktop's settings from it: the tests stay off
 * portals only where none can start. Accessibility goes through GTK's test context, as there
 * is no accessibility bus either. D-Bus starts only the services of @service_dir, if given.
 * Call before gtk_test_init(); the bus ends with the process. */
static inline GTestDBus *
cg_test_use_private_session_bus_with_services (const char *service_dir)
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  GTestDBus *bus = g_test_dbus_new (G_TEST_DBUS_NONE);

  if (service_dir != NULL)
    g_test_dbus_add_service_dir (bus, service_dir);
  g_test_dbus_up (bus);
  /* GTestDBus unsets DISPLAY, so that D-Bus cannot autolaunch on X11; GTK needs it back */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);

  return bus;
}

/* The same bus, starting no service at all */
static inline GTestDBus *
cg_test_use_private_session_bus (void)
{
  return cg_test_use_private_session_bus_with_services (NULL);
}

G_END_DECLS
