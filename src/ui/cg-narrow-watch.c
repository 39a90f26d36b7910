/* cg-narrow-watch.c: tells a window when it becomes narrower or wider than its layout needs
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window hides its sidebar below one width, the handout builder its preview below
 * another. Both switch on the next idle, never in the middle of an allocation: showing and
 * hiding children there would queue a new allocation from inside the current one.
 */

#define G_LOG_DOMAIN "cg-narrow-watch"

#include "config.h"

#include "cg-narrow-watch.h"

/**
 * cg_narrow_watch_init:
 * @widget: the window watched; not referenced, it owns the watch
 * @threshold: below this width, in pixels, the window is narrow
 * @changed: called on an idle when the window becomes narrow or wide
 */
void
cg_narrow_watch_init (CgNarrowWatch       *watch,
                      GtkWidget           *widget,
                      int                  threshold,
                      CgNarrowChangedFunc  changed)
{
  g_return_if_fail (watch != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  watch->widget = widget;
  watch->changed = changed;
  watch->threshold = threshold;
  watch->width = 0;
  watch->idle_id = 0;
  watch->narrow = FALSE;
}

static gboolean
update_cb (gpointer data)
{
  CgNarrowWatch *watch = data;
  gboolean narrow = watch->width < watch->threshold;

  watch->idle_id = 0;
  if (narrow != watch->narrow)
    {
      watch->narrow = narrow;
      watch->changed (watch->widget, narrow);
    }

  return G_SOURCE_REMOVE;
}

/* From the window's size_allocate: a change is applied on the next idle */
void
cg_narrow_watch_allocated (CgNarrowWatch *watch,
                           int            width)
{
  g_return_if_fail (watch != NULL);

  watch->width = width;
  if ((width < watch->threshold) != watch->narrow && watch->idle_id == 0)
    watch->idle_id = g_idle_add (update_cb, watch);
}

gboolean
cg_narrow_watch_is_narrow (CgNarrowWatch *watch)
{
  g_return_val_if_fail (watch != NULL, FALSE);

  return watch->narrow;
}

void
cg_narrow_watch_clear (CgNarrowWatch *watch)
{
  g_return_if_fail (watch != NULL);

  g_clear_handle_id (&watch->idle_id, g_source_remove);
}
