/* cg-window-private.h: CgWindow's fields, for the files that make up the window
 *
 * The window is one class in several files (cg-window.c, cg-window-actions.c, cg-window-open.c
 * and cg-window-search.c), as GNOME Text Editor splits its window: each file sees the struct here.
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-bundle-banner.h"
#include "cg-content-view.h"
#include "cg-narrow-watch.h"
#include "cg-search-index.h"
#include "cg-sidebar.h"
#include "cg-toggle-button.h"
#include "cg-window.h"

G_BEGIN_DECLS

struct _CgWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets */
  GtkHeaderBar         *header_bar;
  CgToggleButton       *sidebar_button;
  CgToggleButton       *search_button;
  GtkButton            *handout_button;
  GtkButton            *back_button;
  GtkButton            *forward_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkBox               *correction_box;
  GtkLabel             *correction_label;
  GtkButton            *correction_undo_button;
  GtkBox               *info_box;
  CgBundleBanner       *bundle_banner;
  GtkPaned             *paned;
  CgSidebar            *sidebar;
  CgContentView        *content_view;

  /* Owned */
  CgLibrary            *library;
  GSettings            *settings;
  GPtrArray            *topics;
  GtkWindow            *shortcuts_window;  /* built on the first Ctrl+?, not at start-up */

  /* Borrowed */
  GtkWindow            *handout_dialog;    /* weak: one builder, raised again by Ctrl+P */
  CgSearchIndex        *search_index;  /* built on the first search, not at start-up */
  char                 *exact_query;   /* searched as typed: its corrections were undone */
  GCancellable         *index_cancellable;  /* an index of new topics being built in a worker */
  char                 *language;

  CgNarrowWatch         narrow_watch;
  guint                 announce_id;
  char                 *pending_announcement;

  guint                 holds_loads : 1;  /* until the first frame (cg_library_hold_loads()) */
  guint                 watching_atspi_bus : 1;

  guint                 show_sidebar : 1;
  guint                 narrow : 1;
  guint                 wide_show_sidebar : 1;  /* the choice to restore when widening again */
};


void _cg_window_open_bundle_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param);
void _cg_window_add_drop_target    (CgWindow   *self);

void _cg_window_set_show_sidebar   (CgWindow   *self,
                                    gboolean    show_sidebar);

void _cg_window_class_add_actions  (GtkWidgetClass *widget_class);

void _cg_window_class_init_search  (GtkWidgetClass *widget_class);
void _cg_window_init_search        (CgWindow       *self);

G_END_DECLS
