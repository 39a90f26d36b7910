/* cg-sidebar.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_SIDEBAR (cg_sidebar_get_type())

G_DECLARE_FINAL_TYPE (CgSidebar, cg_sidebar, CG, SIDEBAR, GtkWidget)

GtkWidget *cg_sidebar_new                 (void);
void       cg_sidebar_set_topics          (CgSidebar  *self,
                                           GPtrArray  *topics);
CgSection *cg_sidebar_get_section         (CgSidebar  *self);
gboolean   cg_sidebar_select_section      (CgSidebar  *self,
                                           const char *section_id);
gboolean   cg_sidebar_mark_section        (CgSidebar  *self,
                                           const char *section_id);
void       cg_sidebar_focus_list          (CgSidebar  *self);
void       cg_sidebar_show_results        (CgSidebar  *self,
                                           const char *query,
                                           GPtrArray  *hits);
void       cg_sidebar_show_sections       (CgSidebar  *self);
gboolean   cg_sidebar_get_showing_results (CgSidebar  *self);
guint      cg_sidebar_get_n_results       (CgSidebar  *self);
char      *cg_sidebar_dup_results_status  (CgSidebar  *self);
gboolean   cg_sidebar_focus_results       (CgSidebar  *self);
gboolean   cg_sidebar_activate_result     (CgSidebar  *self);
gboolean   cg_sidebar_get_loading         (CgSidebar  *self);
void       cg_sidebar_set_loading         (CgSidebar  *self,
                                           gboolean    loading);

G_END_DECLS
