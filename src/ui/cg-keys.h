/* cg-keys.h: keys the app handles itself in more than one place
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Tab or Shift+Tab (without Ctrl or Alt): sets the focus direction it asks for. Returns FALSE
 * for any other key. */
static inline gboolean
cg_keys_get_tab_direction (guint             keyval,
                           GdkModifierType   state,
                           GtkDirectionType *direction)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  if (keyval == GDK_KEY_ISO_Left_Tab ||
      ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK)))
    *direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    *direction = GTK_DIR_TAB_FORWARD;
  else
    return FALSE;

  return TRUE;
}

G_END_DECLS
