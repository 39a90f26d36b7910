/* cg-window-search.c: the window's search bar, its corrections and the results it lists
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-accessible.h"
#include "cg-bench-trace.h"
#include "cg-content-view.h"
#include "cg-search-index.h"
#include "cg-search-results.h"
#include "cg-section.h"
#include "cg-sidebar.h"
#include "cg-text-limits.h"
#include "cg-window.h"
#include "cg-window-private.h"

#define MAX_RESULTS 100

/* How long typing pauses before a screen reader says the result count */
#define ANNOUNCE_DELAY_MS 300

static void
on_sidebar_result_activated_cb (CgWindow    *self,
                                CgSearchHit *hit,
                                CgSidebar   *sidebar)
{
  /* Scrolls to the first match; the sidebar marks the section through ::notify::section */
  cg_content_view_set_highlights (self->content_view, hit);

  if (self->narrow)
    _cg_window_set_show_sidebar (self, FALSE);

  /* Opening a result takes the reader to the text, and a screen reader says which section */
  gtk_widget_grab_focus (GTK_WIDGET (self->content_view));
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
    _cg_window_set_show_sidebar (self, TRUE);

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

void
_cg_window_class_init_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_bar_search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_correction_undo_button_clicked_cb);
}

void
_cg_window_init_search (CgWindow *self)
{
  GtkEventController *controller;

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  /* A pasted megabyte is cut where it enters: no query is longer than CG_QUERY_MAX_CHARS */
  gtk_text_set_max_length (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry))),
                           CG_QUERY_MAX_CHARS);
  name_search_bar_close_button (GTK_WIDGET (self->search_bar));

  /* Capture phase: the entry's own text would otherwise take Down first */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (on_search_entry_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);
}
