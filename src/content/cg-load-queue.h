/* cg-load-queue.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CG_TYPE_LOAD_QUEUE (cg_load_queue_get_type())

G_DECLARE_FINAL_TYPE (CgLoadQueue, cg_load_queue, CG, LOAD_QUEUE, GObject)

/**
 * CgLoadQueueFunc:
 * @results: (element-type CgLoadResult): what the worker read, in file order; the function may
 *   steal bundles and errors from it
 *
 * Called on the queue's thread when a load is read and every load pushed before it was
 * handed over.
 */
typedef void (*CgLoadQueueFunc) (GArray   *results,
                                 gpointer  user_data);

/* Bundle files read in worker threads side by side, handed back in the order they were asked
 * for, on the thread that asked: so the first of two bundles with the same ids is the one
 * kept, as when they are read one after the other. The queue is used from one thread, and
 * must outlive its loads: a load's @user_data holds whatever owns the queue. */

CgLoadQueue *cg_load_queue_new          (void);
void         cg_load_queue_push_file    (CgLoadQueue     *self,
                                         GFile           *file,
                                         CgLoadQueueFunc  func,
                                         gpointer         user_data,
                                         GDestroyNotify   destroy);
void         cg_load_queue_push_installed (CgLoadQueue   *self,
                                         GHashTable      *seen,
                                         CgLoadQueueFunc  func,
                                         gpointer         user_data,
                                         GDestroyNotify   destroy);
gboolean     cg_load_queue_get_loading  (CgLoadQueue     *self);
void         cg_load_queue_hold         (CgLoadQueue     *self);
void         cg_load_queue_release      (CgLoadQueue     *self);

G_END_DECLS
