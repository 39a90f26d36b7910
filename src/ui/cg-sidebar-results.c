/* cg-sidebar-results.c: the search results in the sidebar, listed a page a frame
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-search-index.h"
#include "cg-sidebar.h"
#include "cg-sidebar-private.h"

/* Results listed in the frame that answers a key, then a page a frame: each new row is a few
 * milliseconds of layout and drawing, so the first frame shows the top half of what the
 * sidebar shows at the window's default size, the rest follows 16 ms later, and a key typed
 * meanwhile waits for one page at most. */
#define PAGE 4

void
_cg_sidebar_cancel_pending_hits (CgSidebar *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->pending_handler != 0 && frame_clock != NULL)
    g_signal_handler_disconnect (frame_clock, self->pending_handler);
  self->pending_handler = 0;
  g_clear_pointer (&self->pending_hits, g_ptr_array_unref);
}

/* One more page of results each frame, until all are listed */
static void
on_page_painted_cb (GdkFrameClock *frame_clock,
                    CgSidebar     *self)
{
  guint n_page = self->pending_hits != NULL ? MIN (self->pending_hits->len, PAGE) : 0;

  if (n_page > 0)
    {
      g_list_store_splice (self->results, g_list_model_get_n_items (G_LIST_MODEL (self->results)), 0,
                           self->pending_hits->pdata, n_page);
      g_ptr_array_remove_range (self->pending_hits, 0, n_page);
    }

  if (self->pending_hits == NULL || self->pending_hits->len == 0)
    _cg_sidebar_cancel_pending_hits (self);
}

/**
 * cg_sidebar_show_results:
 * @query: the query, as typed
 * @hits: (element-type CgSearchHit): the results, best first
 *
 * Shows the results instead of the sections, or a "No results" page.
 */
void
cg_sidebar_show_results (CgSidebar  *self,
                         const char *query,
                         GPtrArray  *hits)
{
  g_autofree char *count = NULL;
  GdkFrameClock *frame_clock;
  guint n_first;

  g_return_if_fail (CG_IS_SIDEBAR (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (hits != NULL);

  _cg_sidebar_cancel_pending_hits (self);
  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  n_first = frame_clock != NULL ? MIN (hits->len, PAGE) : hits->len;
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       hits->pdata, n_first);
  if (n_first < hits->len)
    {
      self->pending_hits = g_ptr_array_new_full (hits->len - n_first, g_object_unref);
      for (guint i = n_first; i < hits->len; i++)
        g_ptr_array_add (self->pending_hits, g_object_ref (g_ptr_array_index (hits, i)));
      self->pending_handler = g_signal_connect (frame_clock, "after-paint",
                                                G_CALLBACK (on_page_painted_cb), self);
    }

  if (hits->len == 0)
    {
      /* Translators: %s is the search query */
      g_autofree char *text = g_strdup_printf (_("No results for “%s”"), query);

      gtk_label_set_text (self->empty_label, text);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_single_selection_set_selected (self->results_selection, 0);
  _cg_sidebar_show_position (self->results_view, 0, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "results");

  /* The list describes itself with the count, as a screen reader says it on entering */
  count = cg_sidebar_dup_results_status (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count,
                                  -1);
}

/**
 * cg_sidebar_dup_results_status:
 *
 * Returns: (transfer full) (nullable): what the results page says in one line, such as
 *   "3 results" or "No results for “lumps”"; %NULL while the sections are shown
 */
char *
cg_sidebar_dup_results_status (CgSidebar *self)
{
  const char *page;
  guint n;

  g_return_val_if_fail (CG_IS_SIDEBAR (self), NULL);

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "empty") == 0)
    return g_strdup (gtk_label_get_text (self->empty_label));
  if (g_strcmp0 (page, "results") != 0)
    return NULL;

  n = cg_sidebar_get_n_results (self);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", n), n);
}

/* Back to the list of sections, as it was before the search. */
void
cg_sidebar_show_sections (CgSidebar *self)
{
  g_return_if_fail (CG_IS_SIDEBAR (self));

  _cg_sidebar_cancel_pending_hits (self);
  gtk_stack_set_visible_child_name (self->stack, "sections");
}

gboolean
cg_sidebar_get_showing_results (CgSidebar *self)
{
  g_return_val_if_fail (CG_IS_SIDEBAR (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "sections") != 0;
}

/* Moves the keyboard focus to the results, e.g. on Down in the search entry. */
gboolean
cg_sidebar_focus_results (CgSidebar *self)
{
  guint position;

  g_return_val_if_fail (CG_IS_SIDEBAR (self), FALSE);

  position = gtk_single_selection_get_selected (self->results_selection);
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results") ||
      position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  _cg_sidebar_show_position (self->results_view, position, TRUE);
  return TRUE;
}

/* Returns: how many results are listed (0 while the sections or "No results" are shown) */
guint
cg_sidebar_get_n_results (CgSidebar *self)
{
  g_return_val_if_fail (CG_IS_SIDEBAR (self), 0);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    return 0;

  return g_list_model_get_n_items (G_LIST_MODEL (self->results)) +
         (self->pending_hits != NULL ? self->pending_hits->len : 0);
}
