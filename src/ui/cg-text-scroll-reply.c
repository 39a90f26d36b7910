/* cg-text-scroll-reply.c: answers screen readers' text scroll requests that GTK 4.8 leaves unanswered
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Orca's Say All asks the text it reads to scroll each line into view (AT-SPI
 * Text.ScrollSubstringTo, a synchronous D-Bus call). GTK 4.8 answers it with a boolean where its
 * own interface description declares no answer, so GLib refuses to send the reply
 * ("expected '()', got '(b)'"); Orca waits out the D-Bus timeout, decides the app is hung and
 * stops listening to its text for the rest of the session. GNOME Text Editor 43 on the same GTK
 * fails the same way.
 *
 * GTK 4.8 offers no way to replace one of its AT-SPI methods, so this filters the messages of
 * GTK's own accessibility bus connection: a text scroll request is taken out before GTK sees it,
 * the focused text view scrolls the range into view on the main thread, and the answer goes back
 * with the type AT-SPI defines (a boolean). GTK 4.14 rewrote its accessible text; there the
 * filter is not installed.
 */

#define G_LOG_DOMAIN "cg-text-scroll-reply"

#include "config.h"

#include "cg-text-scroll-reply.h"

#define TEXT_INTERFACE "org.a11y.atspi.Text"

/* The start of GTK 4.8's private GtkAtSpiRoot (gtk/a11y/gtkatspiroot.c), the object GTK keeps
 * on the display for its accessibility bus connection. Checked against the root's
 * "bus-address" property before the connection is used. */
typedef struct
{
  GObject          parent_instance;
  char            *bus_address;
  GDBusConnection *connection;
} AtSpiRootStart;

typedef struct
{
  GDBusConnection *connection;
  GDBusMessage    *call;
} ScrollRequest;

static void
scroll_request_free (ScrollRequest *request)
{
  g_object_unref (request->connection);
  g_object_unref (request->call);
  g_free (request);
}

/**
 * cg_text_scroll_reply_scroll:
 * @start_offset: the first character of the range, in characters
 * @end_offset: the character after the range
 *
 * Scrolls @text_view so that the range is in view, as little as possible.
 *
 * Returns: %TRUE if the range is in the text (the view scrolls to it)
 */
gboolean
cg_text_scroll_reply_scroll (GtkTextView *text_view,
                             int          start_offset,
                             int          end_offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  int n_chars;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (text_view), FALSE);

  buffer = gtk_text_view_get_buffer (text_view);
  n_chars = gtk_text_buffer_get_char_count (buffer);
  if (start_offset < 0 || start_offset > n_chars || end_offset < start_offset)
    return FALSE;

  gtk_text_buffer_get_iter_at_offset (buffer, &end, MIN (end_offset, n_chars));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
  /* The end first, then the start: a range taller than the view shows its beginning */
  gtk_text_view_scroll_to_iter (text_view, &end, 0.0, FALSE, 0.0, 0.0);
  gtk_text_view_scroll_to_iter (text_view, &start, 0.0, FALSE, 0.0, 0.0);
  return TRUE;
}

static GtkTextView *
focused_text_view (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_toplevels = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n_toplevels; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWidget *focus;

      if (!gtk_window_is_active (window))
        continue;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (GTK_IS_TEXT_VIEW (focus))
        return GTK_TEXT_VIEW (focus);
    }

  return NULL;
}

static gboolean
answer_scroll_request (gpointer user_data)
{
  ScrollRequest *request = user_data;
  GVariant *arguments = g_dbus_message_get_body (request->call);
  g_autoptr(GDBusMessage) reply = g_dbus_message_new_method_reply (request->call);
  gboolean scrolled = FALSE;

  /* Orca reads the focused text; a request for other text (a label) scrolls nothing */
  if (g_strcmp0 (g_dbus_message_get_member (request->call), "ScrollSubstringTo") == 0 &&
      arguments != NULL && g_variant_is_of_type (arguments, G_VARIANT_TYPE ("(iiu)")))
    {
      GtkTextView *text_view = focused_text_view ();
      int start, end;
      guint32 where;

      g_variant_get (arguments, "(iiu)", &start, &end, &where);
      if (text_view != NULL)
        scrolled = cg_text_scroll_reply_scroll (text_view, start, end);
    }

  g_dbus_message_set_body (reply, g_variant_new ("(b)", scrolled));
  g_dbus_connection_send_message (request->connection, reply, G_DBUS_SEND_MESSAGE_FLAGS_NONE,
                                  NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* Runs in GDBus's worker thread: only takes the request and hands it to the main thread */
static GDBusMessage *
filter_text_scroll_cb (GDBusConnection *connection,
                       GDBusMessage    *message,
                       gboolean         incoming,
                       gpointer         user_data)
{
  const char *member;
  ScrollRequest *request;

  if (!incoming || g_dbus_message_get_message_type (message) != G_DBUS_MESSAGE_TYPE_METHOD_CALL ||
      g_strcmp0 (g_dbus_message_get_interface (message), TEXT_INTERFACE) != 0)
    return message;

  member = g_dbus_message_get_member (message);
  if (g_strcmp0 (member, "ScrollSubstringTo") != 0 && g_strcmp0 (member, "ScrollSubstringToPoint") != 0)
    return message;

  request = g_new0 (ScrollRequest, 1);
  request->connection = g_object_ref (connection);
  request->call = message;      /* the filter owns the message it drops */
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, answer_scroll_request, request,
                              (GDestroyNotify) scroll_request_free);
  return NULL;
}

static GDBusConnection *
gtk_accessibility_connection (GdkDisplay *display)
{
  GObject *root = g_object_get_data (G_OBJECT (display), "-gtk-atspi-root");
  GParamSpec *property;
  g_autofree char *bus_address = NULL;
  AtSpiRootStart *start;

  if (root == NULL || !G_IS_OBJECT (root) ||
      !g_str_equal (G_OBJECT_TYPE_NAME (root), "GtkAtSpiRoot"))
    return NULL;

  property = g_object_class_find_property (G_OBJECT_GET_CLASS (root), "bus-address");
  if (property == NULL || property->value_type != G_TYPE_STRING)
    return NULL;

  /* The layout is the one expected only if its first field is the address the property gives */
  g_object_get (root, "bus-address", &bus_address, NULL);
  start = (AtSpiRootStart *) root;
  if (bus_address == NULL || g_strcmp0 (start->bus_address, bus_address) != 0 ||
      !G_IS_DBUS_CONNECTION (start->connection))
    return NULL;

  return start->connection;
}

/**
 * cg_text_scroll_reply_install:
 * @widget: a widget of the app, realized (it has its accessibility connection)
 *
 * Answers text scroll requests on the accessibility bus connection of @widget's display, once
 * per connection. Does nothing on GTK 4.14 and later, whose text answers them itself.
 *
 * Returns: %TRUE if the requests are answered here (now or from an earlier call)
 */
gboolean
cg_text_scroll_reply_install (GtkWidget *widget)
{
  GDBusConnection *connection;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (gtk_get_major_version () != 4 || gtk_get_minor_version () >= 14)
    return FALSE;

  connection = gtk_accessibility_connection (gtk_widget_get_display (widget));
  if (connection == NULL)
    return FALSE;

  if (g_object_get_data (G_OBJECT (connection), "cg-text-scroll-reply") == NULL)
    {
      g_dbus_connection_add_filter (connection, filter_text_scroll_cb, NULL, NULL);
      g_object_set_data (G_OBJECT (connection), "cg-text-scroll-reply", GINT_TO_POINTER (TRUE));
    }

  return TRUE;
}
