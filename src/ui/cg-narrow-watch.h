/* cg-narrow-watch.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*CgNarrowChangedFunc) (GtkWidget *widget,
                                     gboolean   narrow);

/* Embedded in a window's instance struct; the window calls allocated() from size_allocate
 * and clear() from dispose. */
typedef struct
{
  GtkWidget           *widget;
  CgNarrowChangedFunc  changed;
  int                  threshold;
  int                  width;
  guint                idle_id;
  gboolean             narrow;
} CgNarrowWatch;

void     cg_narrow_watch_init      (CgNarrowWatch       *watch,
                                    GtkWidget           *widget,
                                    int                  threshold,
                                    CgNarrowChangedFunc  changed);
void     cg_narrow_watch_allocated (CgNarrowWatch       *watch,
                                    int                  width);
gboolean cg_narrow_watch_is_narrow (CgNarrowWatch       *watch);
void     cg_narrow_watch_clear     (CgNarrowWatch       *watch);

G_END_DECLS
