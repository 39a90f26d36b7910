/* cg-shortcuts-window.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_SHORTCUTS_WINDOW (cg_shortcuts_window_get_type ())

G_DECLARE_FINAL_TYPE (CgShortcutsWindow, cg_shortcuts_window, CG, SHORTCUTS_WINDOW, GtkWindow)

GtkWindow *cg_shortcuts_window_new (GtkWindow *parent);

G_END_DECLS
