/* cg-accessible.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cg_accessible_set_tooltip (GtkWidget  *widget,
                                const char *text);
void cg_accessible_announce    (GtkWidget  *widget,
                                const char *message);
void cg_accessible_announce_now (GtkWidget  *widget,
                                 const char *message);
void cg_accessible_name_parts  (GtkWidget  *widget);

G_END_DECLS
