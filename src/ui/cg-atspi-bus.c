/* cg-atspi-bus.c: the app's side of GTK 4.8's accessibility bus connection, where GTK falls short
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three things a screen reader (Orca 43) needs that GTK 4.8 gets wrong, and that no public GTK
 * API can change, so this filters the messages of GTK's own accessibility bus connection:
 *
 * - Say All. Orca asks the text it reads to scroll each line into view (Text.ScrollSubstringTo,
 *   a synchronous call). GTK 4.8 answers with a boolean where its own interface description
 *   declares no answer, so GLib refuses to send the reply ("expected '()', got '(b)'"); Orca
 *   waits out the D-Bus timeout, decides the app is hung and stops listening to its text for the
 *   rest of the session (GNOME Text Editor 43 fails the same way). Here the request is taken out
 *   before GTK sees it, the focused text view scrolls the range into view on the main thread, and
 *   the answer goes back with the type AT-SPI defines.
 *
 * - Start. GTK announces the focus as the window appears, before the accessibility registry has
 *   answered the app's registration, so Orca cannot look at those events and says nothing until
 *   the window is activated again. Here the registry's answer is noticed ("joined"), and the
 *   window then gives its focus again.
 *
 * - Key grabs. Orca grabs its command keys on X11 (KP_Add for Say All); the X server then takes
 *   the focus from the window and gives it back, and GTK 4.8 reports both. Orca takes the window's
 *   reactivation for a new window and makes the window, not the text, its focus: the text's caret
 *   is then silent (Down and Up after Say All said nothing). A deactivation followed within
 *   GRAB_BLINK_MS by a reactivation is not reported at all; a real one is reported that late.
 *
 * - New windows. A dialog (About, a file chooser) is reported active before screen readers can
 *   look at it, and Orca said nothing as it opened. Each window, the first time it is active,
 *   gives its focus again (or to its first control): Orca then says the focused control. (Orca
 *   still does not say the title of GTK's own About dialog and file chooser.)
 *
 * - Titles. GTK makes the window title the window's accessible name and reports each change,
 *   which Orca speaks: a burst of titles as the reader moves through the sections, each also said
 *   by the row. A name given to cg_atspi_bus_quiet_name() changes without that report.
 *
 * GTK 4.14 rewrote its accessibility; there nothing is filtered.
 */

#define G_LOG_DOMAIN "cg-atspi-bus"

#include "config.h"

#include "cg-accessible.h"
#include "cg-atspi-bus.h"

#define TEXT_INTERFACE "org.a11y.atspi.Text"
#define SOCKET_INTERFACE "org.a11y.atspi.Socket"
#define OBJECT_EVENT_INTERFACE "org.a11y.atspi.Event.Object"
#define WINDOW_EVENT_INTERFACE "org.a11y.atspi.Event.Window"
/* How long a window's deactivation is held back, to be dropped with a reactivation that
 * follows: the focus blink of a screen reader's key grab */
#define GRAB_BLINK_MS 300
/* A description reported this soon after the focus came to its object is said with the focus */
#define FOCUS_ECHO_MS 250
#define MAX_QUIET_NAMES 8

struct _CgAtspiBus
{
  GObject          parent_instance;

  GDBusConnection *connection;
  guint            filter_id;

  /* Shared with GDBus's worker thread, under the lock */
  GMutex           lock;
  guint32          embed_serial;   /* the registration call, 0 before it is seen */
  GQueue           quiet_names;    /* char *, newest first */
  char            *quiet_description;  /* the next description change to leave unreported, */
  gint64           quiet_description_until;  /* ... until then */
  int              quiet_caret_offset;  /* the next caret move there too, until the time below */
  gint64           quiet_caret_until;
  gboolean         joined;
  GHashTable      *descriptions;   /* object path → the description last reported */
  char            *focused_path;   /* the object last reported focused, */
  gint64           focused_time;   /* ... when */
  GPtrArray       *held;           /* GDBusMessage, deactivations held back */
  GPtrArray       *released;       /* GDBusMessage, those reported late, to let through */
  GSource         *held_source;    /* reports them when no reactivation came */
};

enum {
  JOINED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (CgAtspiBus, cg_atspi_bus, G_TYPE_OBJECT)

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
 * cg_atspi_bus_scroll_text:
 * @start_offset: the first character of the range, in characters
 * @end_offset: the character after the range
 *
 * Scrolls @text_view so that the range is in view, as little as possible.
 *
 * Returns: %TRUE if the range is in the text (the view scrolls to it)
 */
gboolean
cg_atspi_bus_scroll_text (GtkTextView *text_view,
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
        scrolled = cg_atspi_bus_scroll_text (text_view, start, end);
    }

  g_dbus_message_set_body (reply, g_variant_new ("(b)", scrolled));
  g_dbus_connection_send_message (request->connection, reply, G_DBUS_SEND_MESSAGE_FLAGS_NONE,
                                  NULL, NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
is_text_scroll_request (GDBusMessage *message)
{
  const char *member = g_dbus_message_get_member (message);

  return g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL &&
         g_strcmp0 (g_dbus_message_get_interface (message), TEXT_INTERFACE) == 0 &&
         (g_strcmp0 (member, "ScrollSubstringTo") == 0 || g_strcmp0 (member, "ScrollSubstringToPoint") == 0);
}

/* Called with the lock held */
static gboolean
is_quiet_caret_move (CgAtspiBus   *self,
                     GDBusMessage *message)
{
  GVariant *body = g_dbus_message_get_body (message);
  gint32 offset;

  if (self->quiet_caret_until == 0 ||
      g_dbus_message_get_message_type (message) != G_DBUS_MESSAGE_TYPE_SIGNAL ||
      g_strcmp0 (g_dbus_message_get_interface (message), OBJECT_EVENT_INTERFACE) != 0 ||
      g_strcmp0 (g_dbus_message_get_member (message), "TextCaretMoved") != 0 ||
      body == NULL || !g_variant_is_of_type (body, G_VARIANT_TYPE ("(siiva{sv})")))
    return FALSE;

  if (g_get_monotonic_time () > self->quiet_caret_until)
    {
      self->quiet_caret_until = 0;
      return FALSE;
    }

  g_variant_get_child (body, 1, "i", &offset);
  if (offset != self->quiet_caret_offset)
    return FALSE;

  self->quiet_caret_until = 0;
  return TRUE;
}

/* Called with the lock held: notes the object a focus report is for */
static void
note_focus (CgAtspiBus   *self,
            GDBusMessage *message)
{
  GVariant *body = g_dbus_message_get_body (message);
  const char *state;
  gint32 detail1;

  if (g_dbus_message_get_message_type (message) != G_DBUS_MESSAGE_TYPE_SIGNAL ||
      g_strcmp0 (g_dbus_message_get_interface (message), OBJECT_EVENT_INTERFACE) != 0 ||
      g_strcmp0 (g_dbus_message_get_member (message), "StateChanged") != 0 ||
      body == NULL || !g_variant_is_of_type (body, G_VARIANT_TYPE ("(siiva{sv})")))
    return;

  g_variant_get_child (body, 0, "&s", &state);
  g_variant_get_child (body, 1, "i", &detail1);
  if (g_strcmp0 (state, "focused") != 0 || detail1 == 0)
    return;

  g_free (self->focused_path);
  self->focused_path = g_strdup (g_dbus_message_get_path (message));
  self->focused_time = g_get_monotonic_time ();
}

/* Called with the lock held */
static gboolean
is_quiet_change (CgAtspiBus   *self,
                 GDBusMessage *message)
{
  GVariant *body = g_dbus_message_get_body (message);
  g_autoptr(GVariant) value = NULL;
  const char *property;

  if (is_quiet_caret_move (self, message))
    return TRUE;

  if (g_dbus_message_get_message_type (message) != G_DBUS_MESSAGE_TYPE_SIGNAL ||
      g_strcmp0 (g_dbus_message_get_interface (message), OBJECT_EVENT_INTERFACE) != 0 ||
      g_strcmp0 (g_dbus_message_get_member (message), "PropertyChange") != 0 ||
      body == NULL || !g_variant_is_of_type (body, G_VARIANT_TYPE ("(siiva{sv})")))
    return FALSE;

  g_variant_get_child (body, 0, "&s", &property);
  g_variant_get_child (body, 3, "v", &value);
  if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return FALSE;

  if (g_strcmp0 (property, "accessible-description") == 0)
    {
      const char *path = g_dbus_message_get_path (message);
      const char *description = g_variant_get_string (value, NULL);

      /* The same description again, or a description reported just after the focus came to
       * its object: GTK 4.8 reports a text's description as the text first takes the focus,
       * and Orca, saying the focused text, has said it already */
      if (path != NULL && *description != '\0' &&
          (g_strcmp0 (g_hash_table_lookup (self->descriptions, path), description) == 0 ||
           (g_strcmp0 (path, self->focused_path) == 0 &&
            g_get_monotonic_time () - self->focused_time < FOCUS_ECHO_MS * 1000)))
        {
          g_hash_table_replace (self->descriptions, g_strdup (path), g_strdup (description));
          return TRUE;
        }
      if (path != NULL)
        g_hash_table_replace (self->descriptions, g_strdup (path), g_strdup (description));

      if (self->quiet_description != NULL && g_get_monotonic_time () > self->quiet_description_until)
        g_clear_pointer (&self->quiet_description, g_free);
      if (g_strcmp0 (self->quiet_description, g_variant_get_string (value, NULL)) != 0)
        return FALSE;
      g_clear_pointer (&self->quiet_description, g_free);
      return TRUE;
    }

  if (g_strcmp0 (property, "accessible-name") != 0)
    return FALSE;

  for (GList *l = self->quiet_names.head; l != NULL; l = l->next)
    if (g_str_equal (l->data, g_variant_get_string (value, NULL)))
      return TRUE;

  return FALSE;
}

/* 1 for an activation report, 0 for a deactivation, -1 for any other message */
static int
window_activation (GDBusMessage *message)
{
  const char *interface = g_dbus_message_get_interface (message);
  const char *member = g_dbus_message_get_member (message);
  GVariant *body = g_dbus_message_get_body (message);
  const char *state;
  gint32 detail1;

  if (g_dbus_message_get_message_type (message) != G_DBUS_MESSAGE_TYPE_SIGNAL)
    return -1;

  if (g_strcmp0 (interface, WINDOW_EVENT_INTERFACE) == 0)
    return g_strcmp0 (member, "Activate") == 0 ? 1 : g_strcmp0 (member, "Deactivate") == 0 ? 0 : -1;

  if (g_strcmp0 (interface, OBJECT_EVENT_INTERFACE) != 0 || g_strcmp0 (member, "StateChanged") != 0 ||
      body == NULL || !g_variant_is_of_type (body, G_VARIANT_TYPE ("(siiva{sv})")))
    return -1;

  g_variant_get_child (body, 0, "&s", &state);
  g_variant_get_child (body, 1, "i", &detail1);
  if (g_strcmp0 (state, "active") != 0)
    return -1;
  return detail1 != 0 ? 1 : 0;
}

static gboolean
report_held_cb (gpointer user_data)
{
  CgAtspiBus *self = user_data;
  g_autoptr(GPtrArray) held = NULL;

  g_mutex_lock (&self->lock);
  held = g_steal_pointer (&self->held);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
  g_clear_pointer (&self->held_source, g_source_unref);
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < held->len; i++)
    {
      /* A message once sent is locked: a copy goes, with a serial of its own, and the filter
       * lets it through */
      g_autoptr(GDBusMessage) copy = g_dbus_message_copy (g_ptr_array_index (held, i), NULL);

      if (copy == NULL)
        continue;
      g_mutex_lock (&self->lock);
      g_ptr_array_add (self->released, g_object_ref (copy));
      g_mutex_unlock (&self->lock);
      g_dbus_connection_send_message (self->connection, copy, G_DBUS_SEND_MESSAGE_FLAGS_NONE, NULL, NULL);
    }

  return G_SOURCE_REMOVE;
}

/* Called with the lock held: whether the message is taken (held back or dropped) */
static gboolean
hold_grab_blink (CgAtspiBus   *self,
                 GDBusMessage *message)
{
  int active = window_activation (message);

  if (active < 0 || g_ptr_array_remove (self->released, message))
    return FALSE;

  if (active == 0)
    {
      g_ptr_array_add (self->held, message);
      if (self->held_source == NULL)
        {
          self->held_source = g_timeout_source_new (GRAB_BLINK_MS);
          g_source_set_callback (self->held_source, report_held_cb, g_object_ref (self), g_object_unref);
          g_source_attach (self->held_source, NULL);
        }
      return TRUE;
    }

  /* A reactivation of a window held deactivated: neither is reported */
  for (guint i = 0; i < self->held->len; i++)
    {
      GDBusMessage *deactivation = g_ptr_array_index (self->held, i);

      if (g_strcmp0 (g_dbus_message_get_path (deactivation), g_dbus_message_get_path (message)) == 0 &&
          g_strcmp0 (g_dbus_message_get_interface (deactivation), g_dbus_message_get_interface (message)) == 0)
        {
          g_ptr_array_remove_index (self->held, i);
          g_object_unref (message);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
emit_joined (gpointer user_data)
{
  CgAtspiBus *self = user_data;

  g_signal_emit (self, signals [JOINED], 0);
  return G_SOURCE_REMOVE;
}

/* Runs in GDBus's worker thread: only looks at messages and hands work to the main thread */
static GDBusMessage *
filter_message_cb (GDBusConnection *connection,
                   GDBusMessage    *message,
                   gboolean         incoming,
                   gpointer         user_data)
{
  CgAtspiBus *self = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  if (!incoming)
    {
      if (g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL &&
          g_strcmp0 (g_dbus_message_get_interface (message), SOCKET_INTERFACE) == 0 &&
          g_strcmp0 (g_dbus_message_get_member (message), "Embed") == 0)
        self->embed_serial = g_dbus_message_get_serial (message);

      note_focus (self, message);
      if (is_quiet_change (self, message))
        {
          g_object_unref (message);
          return NULL;
        }
      if (hold_grab_blink (self, message))
        return NULL;
      return message;
    }

  if (!self->joined && self->embed_serial != 0 &&
      g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_RETURN &&
      g_dbus_message_get_reply_serial (message) == self->embed_serial)
    {
      self->joined = TRUE;
      /* After GTK's own handling of the answer, which is queued before this */
      g_idle_add_full (G_PRIORITY_DEFAULT, emit_joined, g_object_ref (self), g_object_unref);
      return message;
    }

  if (is_text_scroll_request (message))
    {
      ScrollRequest *request = g_new0 (ScrollRequest, 1);

      request->connection = g_object_ref (connection);
      request->call = message;      /* the filter owns the message it drops */
      g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, answer_scroll_request, request,
                                  (GDestroyNotify) scroll_request_free);
      return NULL;
    }

  return message;
}

static void
cg_atspi_bus_finalize (GObject *object)
{
  CgAtspiBus *self = CG_ATSPI_BUS (object);

  if (self->held_source != NULL)
    g_source_destroy (self->held_source);
  g_clear_pointer (&self->held_source, g_source_unref);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_pointer (&self->released, g_ptr_array_unref);
  g_clear_pointer (&self->descriptions, g_hash_table_unref);
  g_free (self->focused_path);
  g_queue_clear_full (&self->quiet_names, g_free);
  g_free (self->quiet_description);
  g_mutex_clear (&self->lock);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (cg_atspi_bus_parent_class)->finalize (object);
}

static void
cg_atspi_bus_class_init (CgAtspiBusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_atspi_bus_finalize;

  /**
   * CgAtspiBus::joined:
   *
   * The accessibility registry has answered the app's registration: screen readers can now
   * look at what the app reports.
   */
  signals [JOINED] =
    g_signal_new ("joined",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cg_atspi_bus_init (CgAtspiBus *self)
{
  g_mutex_init (&self->lock);
  g_queue_init (&self->quiet_names);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
  self->released = g_ptr_array_new_with_free_func (g_object_unref);
  self->descriptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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

static void
give_focus_again (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  /* GTK's own dialogs (About, the file chooser) have parts named after their types */
  cg_accessible_name_parts (GTK_WIDGET (window));
  if (focus != NULL)
    {
      gtk_root_set_focus (GTK_ROOT (window), NULL);
      gtk_widget_grab_focus (focus);
    }
  else
    /* Nothing focused (the About dialog): its first control */
    gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
}

static gboolean
give_focus_again_cb (gpointer user_data)
{
  GtkWindow *window = user_data;

  if (gtk_window_is_active (window))
    give_focus_again (window);
  return G_SOURCE_REMOVE;
}

static void
on_window_active_cb (GtkWindow  *window,
                     GParamSpec *pspec,
                     CgAtspiBus *self)
{
  if (!gtk_window_is_active (window) || !cg_atspi_bus_get_joined (self))
    return;

  g_signal_handlers_disconnect_by_func (window, on_window_active_cb, self);
  g_idle_add_full (G_PRIORITY_DEFAULT, give_focus_again_cb, g_object_ref (window), g_object_unref);
}

static void
on_toplevels_changed_cb (GListModel *toplevels,
                         guint       position,
                         guint       removed,
                         guint       added,
                         CgAtspiBus *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_object_get_data (G_OBJECT (window), "cg-atspi-bus-watched"))
        continue;
      g_object_set_data (G_OBJECT (window), "cg-atspi-bus-watched", GINT_TO_POINTER (TRUE));
      g_signal_connect_object (window, "notify::is-active", G_CALLBACK (on_window_active_cb), self, 0);
    }
}

/**
 * cg_atspi_bus_get_for_display:
 *
 * The filter on the accessibility bus connection of @display, set up on the first call once
 * GTK has that connection (as a window is shown). The filter lives as long as the display.
 *
 * Returns: (transfer none) (nullable): the filter, or %NULL before GTK has the connection, with
 *   no accessibility bus, or on GTK 4.14 and later (which needs none)
 */
CgAtspiBus *
cg_atspi_bus_get_for_display (GdkDisplay *display)
{
  CgAtspiBus *self;
  GDBusConnection *connection;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (gtk_get_major_version () != 4 || gtk_get_minor_version () >= 14)
    return NULL;

  if ((self = g_object_get_data (G_OBJECT (display), "cg-atspi-bus")))
    return self;

  if (!(connection = gtk_accessibility_connection (display)))
    return NULL;

  self = g_object_new (CG_TYPE_ATSPI_BUS, NULL);
  self->connection = g_object_ref (connection);
  /* The connection keeps the filter's reference until the display drops the filter */
  self->filter_id = g_dbus_connection_add_filter (connection, filter_message_cb,
                                                  g_object_ref (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (display), "cg-atspi-bus", self, g_object_unref);

  /* Windows opened from now on (the app's first window has its own watch, see CgWindow) */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint n_toplevels = g_list_model_get_n_items (toplevels);

    for (guint i = 0; i < n_toplevels; i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        g_object_set_data (window, "cg-atspi-bus-watched", GINT_TO_POINTER (TRUE));
      }
    g_signal_connect_object (toplevels, "items-changed", G_CALLBACK (on_toplevels_changed_cb), self, 0);
  }
  return self;
}

/**
 * cg_atspi_bus_get_joined:
 *
 * Returns: whether the accessibility registry has answered the app's registration
 */
gboolean
cg_atspi_bus_get_joined (CgAtspiBus *self)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CG_IS_ATSPI_BUS (self), FALSE);

  locker = g_mutex_locker_new (&self->lock);
  return self->joined;
}

/**
 * cg_atspi_bus_quiet_name:
 * @name: an accessible name about to be given, such as a window title
 *
 * Keeps the change to @name from being reported to screen readers, who would speak it. The
 * name itself is still there for them to read. The last few names given are kept quiet.
 */
void
cg_atspi_bus_quiet_name (CgAtspiBus *self,
                         const char *name)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (CG_IS_ATSPI_BUS (self));
  g_return_if_fail (name != NULL);

  locker = g_mutex_locker_new (&self->lock);
  for (GList *l = self->quiet_names.head; l != NULL; l = l->next)
    if (g_str_equal (l->data, name))
      return;

  g_queue_push_head (&self->quiet_names, g_strdup (name));
  if (self->quiet_names.length > MAX_QUIET_NAMES)
    g_free (g_queue_pop_tail (&self->quiet_names));
}

/**
 * cg_atspi_bus_quiet_next_description:
 * @description: an accessible description about to be given back to a widget
 *
 * Keeps the next change of a description to @description from being reported to screen
 * readers, who would speak it: a description given back after an announcement
 * (cg_accessible_announce_now()) was already heard. Only for a change made within the next
 * second.
 */
void
cg_atspi_bus_quiet_next_description (CgAtspiBus *self,
                                     const char *description)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (CG_IS_ATSPI_BUS (self));

  locker = g_mutex_locker_new (&self->lock);
  g_free (self->quiet_description);
  self->quiet_description = g_strdup (description);
  self->quiet_description_until = g_get_monotonic_time () + G_USEC_PER_SEC;
}

/**
 * cg_atspi_bus_quiet_next_caret_move:
 * @offset: where the app is about to move a text's caret
 *
 * Keeps the report of that caret move from screen readers, who would say the character it lands
 * on; the app says the whole line instead. Only for a move made within the next second.
 */
void
cg_atspi_bus_quiet_next_caret_move (CgAtspiBus *self,
                                    int         offset)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (CG_IS_ATSPI_BUS (self));

  locker = g_mutex_locker_new (&self->lock);
  self->quiet_caret_offset = offset;
  self->quiet_caret_until = g_get_monotonic_time () + G_USEC_PER_SEC;
}
