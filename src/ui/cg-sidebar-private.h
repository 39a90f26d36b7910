/* cg-sidebar-private.h: CgSidebar's fields, for the files that make up the sidebar
 *
 * The sidebar is one class in two files (cg-sidebar.c and cg-sidebar-results.c, the search
 * results listed a page a frame), as the window is: each file sees the struct here.
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-section.h"
#include "cg-section-list.h"
#include "cg-sidebar.h"

G_BEGIN_DECLS

struct _CgSidebar
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkListView        *sections_view;
  GtkListView        *results_view;
  GtkLabel           *empty_label;
  GtkRevealer        *loading_revealer;

  /* Owned */
  CgSectionList      *sections;
  GtkSingleSelection *sections_selection;
  GListStore         *results;
  GtkSingleSelection *results_selection;
  GPtrArray          *pending_hits;  /* results listed after the first page is drawn */
  gulong              pending_handler;
  CgSection          *in_view;       /* the section the text shows, marked in the list */
  GHashTable         *bound_items;   /* the GtkListItems bound to a section now */
  guint               focus_in_view_id;

  guint               marking : 1;  /* selecting without ::section-activated */
};


void _cg_sidebar_show_position       (GtkListView *view,
                                      guint        position,
                                      gboolean     focus);
void _cg_sidebar_cancel_pending_hits (CgSidebar   *self);

G_END_DECLS
