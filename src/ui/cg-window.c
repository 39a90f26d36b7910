/* cg-window.c: the main window, sections beside the text
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-accessible.h"
#include "cg-atspi-bus.h"

#include "cg-bench-trace.h"
#include "cg-bundle-banner.h"
#include "cg-content-view.h"
#include "cg-handout-dialog.h"
#include "cg-keys.h"
#include "cg-library.h"
#include "cg-library-index.h"
#include "cg-search-index.h"
#include "cg-search-results.h"
#include "cg-section.h"
#include "cg-shortcuts-window.h"
#include "cg-sidebar.h"
#include "cg-text-limits.h"
#include "cg-toggle-button.h"
#include "cg-topic.h"
#include "cg-window.h"
#include "cg-window-private.h"

/* Below this width the sections and the text take turns instead of sharing the window. */
#define NARROW_WIDTH 600

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CgWindow, cg_window, GTK_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties [N_PROPS];

static void
on_sidebar_section_activated_cb (CgWindow  *self,
                                 CgSection *section,
                                 CgSidebar *sidebar)
{
  cg_content_view_set_section (self->content_view, section);

  /* In a narrow window, choosing a section means "show me the text" */
  if (self->narrow && self->show_sidebar)
    _cg_window_set_show_sidebar (self, FALSE);
}

/* The sidebar and the title follow the section in view, as the reader scrolls */
static void
on_content_view_section_cb (CgWindow      *self,
                            GParamSpec    *pspec,
                            CgContentView *view)
{
  CgSection *section = cg_content_view_get_section (view);
  g_autofree char *title = NULL;
  CgAtspiBus *bus;

  cg_sidebar_mark_section (self->sidebar, section != NULL ? cg_section_get_id (section) : NULL);

  if (section != NULL)
    /* Translators: the window title, %s is the section in view, e.g. "Treatment – Calcinosis Guide" */
    title = g_strdup_printf (_("%s – Calcinosis Guide"), cg_section_get_title (section));
  else
    title = g_strdup (_("Calcinosis Guide"));

  /* The section's row or heading says the section: the title changes without being spoken,
   * which would make a burst of titles as the reader moves through the sections */
  if ((bus = cg_atspi_bus_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)))))
    cg_atspi_bus_quiet_name (bus, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* GTK reports the focus as the window appears, before screen readers can look at the app; once
 * they can, the focus is given again, so the focused section is spoken at start. */
static gboolean
give_focus_again_cb (gpointer user_data)
{
  CgWindow *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL)
    {
      gtk_root_set_focus (GTK_ROOT (self), NULL);
      gtk_widget_grab_focus (focus);
    }
  return G_SOURCE_REMOVE;
}

/* After the window's own activation report, which makes the window Orca's focus */
static void
on_first_active_cb (CgWindow   *self,
                    GParamSpec *pspec)
{
  if (!gtk_window_is_active (GTK_WINDOW (self)))
    return;

  g_signal_handlers_disconnect_by_func (self, on_first_active_cb, NULL);
  g_idle_add_full (G_PRIORITY_DEFAULT, give_focus_again_cb, g_object_ref (self), g_object_unref);
}

static void
on_atspi_bus_joined_cb (CgWindow   *self,
                        CgAtspiBus *bus)
{
  /* Not active yet (a loaded desktop may activate it seconds later): once it is */
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_first_active_cb), NULL);
  on_first_active_cb (self, NULL);
}

/* GTK has its accessibility bus connection once the window is shown, and registers the app on
 * the bus right after: the filter must be there to see the registry answer */
static void
on_visible_cb (CgWindow   *self,
               GParamSpec *pspec)
{
  CgAtspiBus *bus;

  if (!gtk_widget_get_visible (GTK_WIDGET (self)) || self->watching_atspi_bus)
    return;

  if ((bus = cg_atspi_bus_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)))) &&
      !cg_atspi_bus_get_joined (bus))
    {
      self->watching_atspi_bus = TRUE;
      g_signal_connect_object (bus, "joined", G_CALLBACK (on_atspi_bus_joined_cb), self, G_CONNECT_SWAPPED);
    }
}

/* Shift+Tab in the text goes back to the sidebar: the sections, on the section in view, or
 * the results. GTK 4.8 moves the focus nowhere from this text view backwards (Tab forwards
 * works). */
static gboolean
on_content_view_key_pressed_cb (CgWindow              *self,
                                guint                  keyval,
                                guint                  keycode,
                                GdkModifierType        state,
                                GtkEventControllerKey *controller)
{
  GtkDirectionType direction;

  if (!cg_keys_get_tab_direction (keyval, state, &direction) || direction != GTK_DIR_TAB_BACKWARD ||
      !self->show_sidebar)
    return GDK_EVENT_PROPAGATE;

  /* While searching, the sidebar lists the results */
  if (!cg_sidebar_get_showing_results (self->sidebar))
    cg_sidebar_focus_list (self->sidebar);
  else if (!cg_sidebar_focus_results (self->sidebar))
    return GDK_EVENT_PROPAGATE;

  return GDK_EVENT_STOP;
}

static void
bench_trace_searchable (CgWindow *self)
{
  if (!cg_library_get_loading (self->library) && self->index_cancellable == NULL &&
      cg_library_get_n_extra_bundles (self->library) > 0)
    cg_bench_trace_searchable ();
}

static void
on_message_close_clicked_cb (GtkWidget *banner)
{
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (banner)), banner);
}

/**
 * cg_window_show_message:
 * @message: plain text, e.g. a bundle error naming the file and line
 *
 * Shows a dismissible message above the content; the rest of the window keeps working.
 */
void
cg_window_show_message (CgWindow   *self,
                        const char *message)
{
  GtkWidget *banner;
  GtkWidget *label;
  GtkWidget *close;

  g_return_if_fail (CG_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* An alert: a screen reader says it as it appears */
  banner = g_object_new (GTK_TYPE_BOX,
                         "orientation", GTK_ORIENTATION_HORIZONTAL,
                         "spacing", 12,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                         "visible", FALSE,
                         NULL);
  gtk_widget_add_css_class (banner, "message-banner");
  label = gtk_label_new (message);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  close = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_set_tooltip_text (close, _("Dismiss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss message"),
                                  -1);
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (on_message_close_clicked_cb), banner);
  gtk_box_append (GTK_BOX (banner), label);
  gtk_box_append (GTK_BOX (banner), close);
  cg_accessible_name_parts (banner);
  gtk_accessible_update_property (GTK_ACCESSIBLE (banner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, message,
                                  -1);
  gtk_box_append (self->info_box, banner);
  /* Shown once in the tree: GTK reports an alert's appearance, not its addition */
  gtk_widget_set_visible (banner, TRUE);
}

/**
 * cg_window_report_bundle_problem:
 * @message: plain text naming the file (and line): a bundle that could not be opened or was
 *   refused
 *
 * Where every bundle problem goes, whether the bundle was opened from the window, the command
 * line or installed.
 */
void
cg_window_report_bundle_problem (CgWindow   *self,
                                 const char *message)
{
  g_return_if_fail (CG_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* One banner counts them all ("20 bundles could not be opened"), Details lists each */
  cg_bundle_banner_add_problem (self->bundle_banner, message);
}

/**
 * cg_window_report_file_problem:
 * @message: plain text naming the file and line: a handout set (or other file read) that was
 *   refused
 *
 * Into the same one banner as bundle problems.
 */
void
cg_window_report_file_problem (CgWindow   *self,
                               const char *message)
{
  g_return_if_fail (CG_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  cg_bundle_banner_add_file_problem (self->bundle_banner, message);
}

static void
on_search_index_built_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(CgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgSearchIndex) index = NULL;

  index = cg_library_index_build_finish (CG_LIBRARY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->index_cancellable);
  if (index == NULL)
    {
      /* The built-in topics in this language are gone: nothing a reader can do but report it */
      cg_window_show_message (self, error->message);
      return;
    }

  g_set_object (&self->search_index, index);

  /* A search in progress covers the new topics too */
  if (gtk_search_bar_get_search_mode (self->search_bar))
    g_signal_emit_by_name (self->search_entry, "search-changed");

  bench_trace_searchable (self);
}

/* Lists the topics again (a clinic bundle was added), keeping the section shown, and indexes
 * them in a worker: until then a search waits rather than the window. */
static void
on_library_changed_cb (CgWindow  *self,
                       CgLibrary *library)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;
  CgSection *section = cg_content_view_get_section (self->content_view);

  if (!(topics = cg_library_list_topics (self->library, self->language, &error)))
    {
      cg_window_show_message (self, error->message);
      return;
    }

  g_clear_pointer (&self->topics, g_ptr_array_unref);
  self->topics = g_steal_pointer (&topics);
  cg_sidebar_set_topics (self->sidebar, self->topics);

  if (section != NULL)
    cg_sidebar_mark_section (self->sidebar, cg_section_get_id (section));

  g_clear_object (&self->search_index);
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  self->index_cancellable = g_cancellable_new ();
  cg_library_index_build_async (self->library, self->language, self->index_cancellable,
                                       on_search_index_built_cb, g_object_ref (self));
}

static void
release_loads (CgWindow *self)
{
  if (self->holds_loads)
    {
      self->holds_loads = FALSE;
      cg_library_release_loads (self->library);
    }
}

static void
on_first_frame_painted_cb (GdkFrameClock *frame_clock,
                           CgWindow      *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_painted_cb, self);
  release_loads (self);
}

static void
on_map_cb (CgWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_map_cb, NULL);
  if (self->holds_loads)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (on_first_frame_painted_cb), self, 0);
}

static void
load_content (CgWindow *self)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_section = NULL;

  self->language = g_strdup (cg_library_get_default_language (self->library));

  if (!(topics = cg_library_list_topics (self->library, self->language, &error)))
    {
      cg_window_show_message (self, error->message);
      return;
    }

  cg_sidebar_set_topics (self->sidebar, topics);
  self->topics = g_ptr_array_ref (topics);
  g_signal_connect_object (self->library, "changed", G_CALLBACK (on_library_changed_cb), self, G_CONNECT_SWAPPED);
  /* The first frame shows the built-in content alone; clinic bundles are read after it */
  self->holds_loads = TRUE;
  cg_library_hold_loads (self->library);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);

  /* Clinic bundles read in the background: a quiet note at the bottom of the sections */
  g_object_bind_property (self->library, "loading", self->sidebar, "loading", G_BINDING_SYNC_CREATE);

  last_section = g_settings_get_string (self->settings, "last-section");
  if (!cg_sidebar_select_section (self->sidebar, last_section) && topics->len > 0)
    {
      CgTopic *first = g_ptr_array_index (topics, 0);
      CgSection *section = cg_topic_get_n_sections (first) > 0 ? cg_topic_get_section (first, 0) : NULL;

      if (section != NULL)
        cg_sidebar_select_section (self->sidebar, cg_section_get_id (section));
    }
}

static gboolean
cg_window_close_request (GtkWindow *window)
{
  CgWindow *self = CG_WINDOW (window);
  CgSection *section = cg_content_view_get_section (self->content_view);
  int width, height;

  /* Nothing of a patient outlives the window: the builder closes too, asking first about a
   * note or patient details never printed or saved (Discard then closes this window) */
  if (self->handout_dialog != NULL &&
      cg_handout_dialog_close_with_parent (CG_HANDOUT_DIALOG (self->handout_dialog)))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (section != NULL)
    g_settings_set_string (self->settings, "last-section", cg_section_get_id (section));

  return GTK_WINDOW_CLASS (cg_window_parent_class)->close_request (window);
}

/* Wide: the sections beside the text, F9 shows or hides them. Narrow: one or the other. */
static void
update_panes (CgWindow *self)
{
  gboolean content_visible = !self->narrow || !self->show_sidebar;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean focus_in_sidebar = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar));
  gboolean focus_in_content = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->content_view));

  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), self->show_sidebar);
  gtk_widget_set_visible (GTK_WIDGET (self->content_view), content_visible);

  /* Keep the keyboard focus on something visible when its widget goes away. */
  if (focus_in_sidebar && !self->show_sidebar)
    gtk_widget_grab_focus (GTK_WIDGET (self->content_view));
  else if (focus_in_content && !content_visible)
    cg_sidebar_focus_list (self->sidebar);
}

void
_cg_window_set_show_sidebar (CgWindow *self,
                             gboolean  show_sidebar)
{
  show_sidebar = !!show_sidebar;
  if (show_sidebar == self->show_sidebar)
    return;

  self->show_sidebar = show_sidebar;
  update_panes (self);

  if (show_sidebar && !gtk_search_bar_get_search_mode (self->search_bar))
    cg_sidebar_focus_list (self->sidebar);
  else if (gtk_root_get_focus (GTK_ROOT (self)) != GTK_WIDGET (self->sidebar_button))
    /* Shown, the list takes the focus and says so; the toggle says its own state */
    cg_accessible_announce_now (GTK_WIDGET (self), show_sidebar ? _("Sections shown") : _("Sections hidden"));

  /* Only the choice made in a wide window is remembered: narrow windows hide it by themselves */
  if (!self->narrow)
    g_settings_set_boolean (self->settings, "show-sidebar", show_sidebar);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_SIDEBAR]);
}

static void
on_narrow_changed_cb (GtkWidget *widget,
                      gboolean   narrow)
{
  CgWindow *self = CG_WINDOW (widget);

  if (narrow)
    {
      self->wide_show_sidebar = self->show_sidebar;
      self->narrow = TRUE;
      _cg_window_set_show_sidebar (self, FALSE);
    }
  else
    {
      self->narrow = FALSE;
      _cg_window_set_show_sidebar (self, self->wide_show_sidebar);
    }

  update_panes (self);
}

static void
cg_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  CgWindow *self = CG_WINDOW (widget);

  GTK_WIDGET_CLASS (cg_window_parent_class)->size_allocate (widget, width, height, baseline);

  cg_narrow_watch_allocated (&self->narrow_watch, width);
}

static void
cg_window_constructed (GObject *object)
{
  CgWindow *self = (CgWindow *)object;

  G_OBJECT_CLASS (cg_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "zoom", self->content_view, "zoom", G_SETTINGS_BIND_DEFAULT);
  _cg_window_set_show_sidebar (self, g_settings_get_boolean (self->settings, "show-sidebar"));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  load_content (self);
}

/* No gtk_widget_dispose_template(): GtkWindow unparents its own child and titlebar, and would
 * unparent them a second time. */
static void
cg_window_dispose (GObject *object)
{
  CgWindow *self = CG_WINDOW (object);

  /* It speaks through the search entry, which the template disposes of */
  g_clear_handle_id (&self->announce_id, g_source_remove);
  g_clear_pointer (&self->pending_announcement, g_free);

  G_OBJECT_CLASS (cg_window_parent_class)->dispose (object);
}

static void
cg_window_finalize (GObject *object)
{
  CgWindow *self = (CgWindow *)object;

  g_clear_weak_pointer (&self->handout_dialog);

  cg_narrow_watch_clear (&self->narrow_watch);

  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  if (self->library != NULL)
    release_loads (self);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_object (&self->search_index);
  g_clear_pointer (&self->exact_query, g_free);
  g_clear_object (&self->shortcuts_window);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (cg_window_parent_class)->finalize (object);
}

static void
cg_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CgWindow *self = CG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CgWindow *self = CG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_SHOW_SIDEBAR:
      _cg_window_set_show_sidebar (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_content_view_history_cb (CgWindow      *self,
                            GParamSpec    *pspec,
                            CgContentView *view)
{
  gboolean can_go_back = cg_content_view_get_can_go_back (view);
  gboolean can_go_forward = cg_content_view_get_can_go_forward (view);

  /* The buttons show only when there is somewhere to go */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", can_go_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward", can_go_forward);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), can_go_back);
  gtk_widget_set_visible (GTK_WIDGET (self->forward_button), can_go_forward);
}

/* The mouse's back and forward buttons, anywhere in the window */
static void
on_window_button_pressed_cb (CgWindow        *self,
                             int              n_press,
                             double           x,
                             double           y,
                             GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == 8)
    cg_content_view_go_back (self->content_view);
  else if (button == 9)
    cg_content_view_go_forward (self->content_view);
  else
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
cg_window_class_init (CgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cg_window_constructed;
  object_class->dispose = cg_window_dispose;
  object_class->finalize = cg_window_finalize;
  object_class->get_property = cg_window_get_property;
  object_class->set_property = cg_window_set_property;

  window_class->close_request = cg_window_close_request;
  widget_class->size_allocate = cg_window_size_allocate;

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         CG_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CG_TYPE_BUNDLE_BANNER);
  g_type_ensure (CG_TYPE_CONTENT_VIEW);
  g_type_ensure (CG_TYPE_SIDEBAR);
  g_type_ensure (CG_TYPE_TOGGLE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CgWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, forward_button);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, handout_button);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, correction_box);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, correction_label);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, correction_undo_button);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, info_box);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, bundle_banner);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CgWindow, content_view);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_section_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_content_view_section_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_content_view_history_cb);

  _cg_window_class_init_search (widget_class);
  _cg_window_class_add_actions (widget_class);
}

static void
cg_window_init (CgWindow *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  cg_narrow_watch_init (&self->narrow_watch, GTK_WIDGET (self), NARROW_WIDTH, on_narrow_changed_cb);

  self->show_sidebar = TRUE;
  self->wide_show_sidebar = TRUE;
  self->settings = g_settings_new (APP_ID);
  _cg_window_init_search (self);
  cg_accessible_name_parts (GTK_WIDGET (self));
  cg_accessible_set_tooltip (GTK_WIDGET (self->sidebar_button), _("Show Sections (F9)"));
  cg_accessible_set_tooltip (GTK_WIDGET (self->search_button), _("Search (Ctrl+F)"));
  cg_accessible_set_tooltip (GTK_WIDGET (self->handout_button), _("Print Handout… (Ctrl+P)"));
  cg_accessible_set_tooltip (GTK_WIDGET (self->back_button), _("Back (Alt+←)"));
  cg_accessible_set_tooltip (GTK_WIDGET (self->forward_button), _("Forward (Alt+→)"));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_object_bind_property (self, "show-sidebar",
                          self->sidebar_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->search_button, "active",
                          self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  _cg_window_add_drop_target (self);
  g_signal_connect (self, "notify::visible", G_CALLBACK (on_visible_cb), NULL);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (on_window_button_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  on_content_view_history_cb (self, NULL, self->content_view);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (on_content_view_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->content_view), controller);
}

CgWindow *
cg_window_new (GtkApplication *application,
               CgLibrary      *library)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);

  return g_object_new (CG_TYPE_WINDOW,
                       "application", application,
                       "library", library,
                       NULL);
}

/* Returns: (transfer none) */
CgLibrary *
cg_window_get_library (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return self->library;
}

/* Returns: the content language shown */
const char *
cg_window_get_language (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return self->language;
}

/* Returns: (transfer none) (nullable) */
CgSection *
cg_window_get_section (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);

  return cg_content_view_get_section (self->content_view);
}

gboolean
cg_window_select_section (CgWindow   *self,
                          const char *section_id)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), FALSE);

  return cg_sidebar_select_section (self->sidebar, section_id);
}
