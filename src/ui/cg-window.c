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

#define ZOOM_STEP 0.1

/* Below this width the sections and the text take turns instead of sharing the window. */
#define NARROW_WIDTH 600

#define MAX_RESULTS 100

/* How long typing pauses before a screen reader says the result count */
#define ANNOUNCE_DELAY_MS 300

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CgWindow, cg_window, GTK_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties [N_PROPS];

static void set_show_sidebar (CgWindow *self,
                              gboolean  show_sidebar);

static void
on_sidebar_section_activated_cb (CgWindow  *self,
                                 CgSection *section,
                                 CgSidebar *sidebar)
{
  cg_content_view_set_section (self->content_view, section);

  /* In a narrow window, choosing a section means "show me the text" */
  if (self->narrow && self->show_sidebar)
    set_show_sidebar (self, FALSE);
}

static void
on_sidebar_result_activated_cb (CgWindow    *self,
                                CgSearchHit *hit,
                                CgSidebar   *sidebar)
{
  /* Scrolls to the first match; the sidebar marks the section through ::notify::section */
  cg_content_view_set_highlights (self->content_view, hit);

  if (self->narrow)
    set_show_sidebar (self, FALSE);

  /* Opening a result takes the reader to the text, and a screen reader says which section */
  gtk_widget_grab_focus (GTK_WIDGET (self->content_view));
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

/* "Showing results for “calcinosis”", with a button to search for what was typed instead,
 * when the results needed corrections of misspelt words. */
static void
show_correction (CgWindow        *self,
                 CgSearchResults *results)
{
  const char *corrected = results != NULL ? cg_search_results_get_corrected_query (results) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *undo = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->correction_box), corrected != NULL);
  if (corrected == NULL)
    return;

  /* Translators: above the search results when misspelt words were corrected to find them */
  text = g_strdup_printf (_("Showing results for “%s”"), corrected);
  /* Translators: a button that searches for the words exactly as typed (%s) */
  undo = g_strdup_printf (_("Search for “%s” instead"), cg_search_results_get_query (results));
  gtk_label_set_text (self->correction_label, text);
  gtk_button_set_label (self->correction_undo_button, undo);
}

static gboolean
on_announce_timeout_cb (gpointer user_data)
{
  CgWindow *self = user_data;
  g_autofree char *status = g_steal_pointer (&self->pending_announcement);

  self->announce_id = 0;
  cg_accessible_announce (GTK_WIDGET (self->search_entry), status);

  return G_SOURCE_REMOVE;
}

/* What a screen reader says of the search, or NULL to say nothing */
static void
announce_search_status (CgWindow   *self,
                        const char *status)
{
  g_clear_handle_id (&self->announce_id, g_source_remove);
  g_clear_pointer (&self->pending_announcement, g_free);

  if (status == NULL)
    {
      cg_accessible_announce (GTK_WIDGET (self->search_entry), NULL);
      return;
    }

  /* Results are shown at each key, but the count is said once typing pauses, not per letter */
  self->pending_announcement = g_strdup (status);
  self->announce_id = g_timeout_add (ANNOUNCE_DELAY_MS, on_announce_timeout_cb, self);
}

/* The person typing hears what the sidebar shows: a correction, how many results, or none */
static void
announce_results (CgWindow        *self,
                  CgSearchResults *results)
{
  g_autofree char *status = cg_sidebar_dup_results_status (self->sidebar);
  const char *corrected = cg_search_results_get_corrected_query (results);

  if (corrected != NULL)
    {
      g_autofree char *with_correction = NULL;

      /* Translators: spoken to screen-reader users: the correction, then e.g. “3 results” */
      with_correction = g_strdup_printf (_("Showing results for “%s”. %s"), corrected, status);
      announce_search_status (self, with_correction);
      return;
    }

  announce_search_status (self, status);
}

/* Lists the results of @query in the sidebar; returns them, or NULL for a blank query. */
static GPtrArray *
run_search (CgWindow   *self,
            const char *query)
{
  g_autoptr(CgSearchResults) results = NULL;
  CgSearchFlags flags = CG_SEARCH_DEFAULT;
  GPtrArray *hits;

  if (query[strspn (query, " \t")] == '\0' || self->topics == NULL)
    {
      cg_sidebar_show_sections (self->sidebar);
      cg_content_view_set_highlights (self->content_view, NULL);
      show_correction (self, NULL);
      announce_search_status (self, NULL);
      return NULL;
    }

  if (self->search_index == NULL)
    {
      /* New topics are being indexed in a worker: the search runs again when it is done */
      if (self->index_cancellable != NULL)
        return NULL;

      /* A few hundred microseconds on the built-in content: no need for a thread */
      self->search_index = cg_search_index_new (self->topics);
    }

  /* Corrections stay undone until the query changes */
  if (g_strcmp0 (query, self->exact_query) == 0)
    flags |= CG_SEARCH_NO_CORRECTIONS;
  else
    g_clear_pointer (&self->exact_query, g_free);

  /* Enough for any list a person reads; a one-letter query on a large bundle stays cheap */
  results = cg_search_index_search (self->search_index, query, MAX_RESULTS, flags);
  hits = g_ptr_array_ref (cg_search_results_get_hits (results));
  cg_sidebar_show_results (self->sidebar, query, hits);
  show_correction (self, results);
  announce_results (self, results);
  cg_bench_trace_results_shown (GTK_WIDGET (self));

  /* The results live in the sidebar: a narrow window shows them instead of the text */
  if (self->narrow && !self->show_sidebar)
    set_show_sidebar (self, TRUE);

  return hits;
}

static void
on_search_entry_search_changed_cb (CgWindow       *self,
                                   GtkSearchEntry *entry)
{
  g_autoptr(GPtrArray) hits = run_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* "Search for “calcinossis” instead": the same query without corrections */
static void
on_correction_undo_button_clicked_cb (CgWindow  *self,
                                      GtkButton *button)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) hits = NULL;

  g_free (self->exact_query);
  self->exact_query = g_strdup (query);
  hits = run_search (self, query);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

/**
 * cg_window_show_search:
 * @query: what to search for
 * @section_id: (nullable): the result to open
 *
 * Opens the search with @query and lists its results (as for the Shell's "search in the
 * app"); with @section_id, also opens that result: the section, scrolled to its best match,
 * every match highlighted. A section the query does not find is still opened.
 */
void
cg_window_show_search (CgWindow   *self,
                       const char *query,
                       const char *section_id)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *bounded = NULL;

  g_return_if_fail (CG_IS_WINDOW (self));
  g_return_if_fail (query != NULL);

  /* From D-Bus or another program: bounded before anything lays it out */
  query = bounded = cg_text_bound_query (query);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  /* Now rather than when the entry's delayed ::search-changed comes */
  hits = run_search (self, query);
  if (section_id == NULL)
    return;

  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      CgSearchHit *hit = g_ptr_array_index (hits, i);

      if (g_str_equal (cg_section_get_id (cg_search_hit_get_section (hit)), section_id))
        {
          on_sidebar_result_activated_cb (self, hit, self->sidebar);
          return;
        }
    }

  cg_window_select_section (self, section_id);
}

static void
on_search_entry_activate_cb (CgWindow       *self,
                             GtkSearchEntry *entry)
{
  cg_sidebar_activate_result (self->sidebar);
}

/* Ctrl+G in the entry: the next highlighted match, or the best result if none is open yet */
static void
on_search_entry_next_match_cb (CgWindow       *self,
                               GtkSearchEntry *entry)
{
  if (!cg_content_view_find_next (self->content_view))
    cg_sidebar_activate_result (self->sidebar);
}

static void
on_search_entry_previous_match_cb (CgWindow       *self,
                                   GtkSearchEntry *entry)
{
  cg_content_view_find_previous (self->content_view);
}

static gboolean
on_search_entry_key_pressed_cb (CgWindow              *self,
                                guint                  keyval,
                                guint                  keycode,
                                GdkModifierType        state,
                                GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    return cg_sidebar_focus_results (self->sidebar);

  return GDK_EVENT_PROPAGATE;
}

/* Esc or the close button: back to the sections, with the section shown selected. */
static void
on_search_bar_search_mode_cb (CgWindow     *self,
                              GParamSpec   *pspec,
                              GtkSearchBar *search_bar)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  show_correction (self, NULL);
  cg_sidebar_show_sections (self->sidebar);
  cg_content_view_set_highlights (self->content_view, NULL);
  if (self->show_sidebar)
    cg_sidebar_focus_list (self->sidebar);
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

/* GtkSearchBar's close button is an unnamed image button: screen readers would say "GtkImage" */
static void
name_search_bar_close_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close search"),
                                        -1);
      else
        name_search_bar_close_button (child);
    }
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

static void
set_show_sidebar (CgWindow *self,
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
      set_show_sidebar (self, FALSE);
    }
  else
    {
      self->narrow = FALSE;
      set_show_sidebar (self, self->wide_show_sidebar);
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
  set_show_sidebar (self, g_settings_get_boolean (self->settings, "show-sidebar"));

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
      set_show_sidebar (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_content_view_section_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_content_view_history_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_bar_search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_correction_undo_button_clicked_cb);

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

static void
cg_window_init (CgWindow *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  cg_narrow_watch_init (&self->narrow_watch, GTK_WIDGET (self), NARROW_WIDTH, on_narrow_changed_cb);

  self->show_sidebar = TRUE;
  self->wide_show_sidebar = TRUE;
  self->settings = g_settings_new (APP_ID);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* A pasted megabyte is cut where it enters: no query is longer than CG_QUERY_MAX_CHARS */
  gtk_text_set_max_length (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry))),
                           CG_QUERY_MAX_CHARS);
  name_search_bar_close_button (GTK_WIDGET (self->search_bar));
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

  /* Capture phase: the entry's own text would otherwise take Down first */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (on_search_entry_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

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
