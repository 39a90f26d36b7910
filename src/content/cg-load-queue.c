/* cg-load-queue.c: bundles read in worker threads, handed back in the order asked for
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-load-queue"

#include "config.h"

/* Any libc header says whether this is glibc */
#include <stdlib.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-installed-bundles.h"
#include "cg-load-queue.h"

struct _CgLoadQueue
{
  GObject  parent_instance;

  GQueue  *jobs;     /* LoadJob: loads under way in worker threads, in the order asked */
  guint    n_holds;  /* while above 0, loads wait to start (cg_load_queue_hold()) */
};

G_DEFINE_FINAL_TYPE (CgLoadQueue, cg_load_queue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One load: a bundle file, or the installed bundles */
typedef struct
{
  CgLoadQueue     *queue;      /* borrowed: see cg-load-queue.h */
  GFile           *file;       /* one bundle, or NULL for the installed ones */
  GHashTable      *seen;       /* installed: origins and file ids to skip */
  GArray          *results;    /* of CgLoadResult, in file order; filled by the worker */
  CgLoadQueueFunc  func;
  gpointer         user_data;
  GDestroyNotify   destroy;
  gboolean         started;
  gboolean         done;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  if (job->destroy != NULL)
    job->destroy (job->user_data);
  g_clear_object (&job->file);
  g_clear_pointer (&job->seen, g_hash_table_unref);
  g_clear_pointer (&job->results, g_array_unref);
  g_free (job);
}

static void
cg_load_queue_finalize (GObject *object)
{
  CgLoadQueue *self = (CgLoadQueue *)object;

  /* Each load's user data holds the queue's owner: none can be left here */
  g_assert (g_queue_is_empty (self->jobs));
  g_clear_pointer (&self->jobs, g_queue_free);

  G_OBJECT_CLASS (cg_load_queue_parent_class)->finalize (object);
}

static void
cg_load_queue_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgLoadQueue *self = CG_LOAD_QUEUE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, cg_load_queue_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_load_queue_class_init (CgLoadQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_load_queue_finalize;
  object_class->get_property = cg_load_queue_get_property;

  /**
   * CgLoadQueue:loading:
   *
   * Whether loads are waiting, being read or waiting for an earlier one.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_load_queue_init (CgLoadQueue *self)
{
  self->jobs = g_queue_new ();
}

CgLoadQueue *
cg_load_queue_new (void)
{
  return g_object_new (CG_TYPE_LOAD_QUEUE, NULL);
}

gboolean
cg_load_queue_get_loading (CgLoadQueue *self)
{
  g_return_val_if_fail (CG_IS_LOAD_QUEUE (self), FALSE);

  return !g_queue_is_empty (self->jobs);
}

static void
load_job_thread (GTask        *worker,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  LoadJob *job = task_data;

  if (job->file != NULL)
    {
      CgLoadResult result = { NULL, NULL };

      result.bundle = cg_bundle_load_file (job->file, &result.error);
      g_array_append_val (job->results, result);
    }
  else
    cg_installed_bundles_read (job->seen, job->results);

#ifdef __GLIBC__
  /* The parser's document tree is gone: give its pages back rather than keep them as the
   * high-water mark of the process for as long as it runs. */
  malloc_trim (0);
#endif

  g_task_return_boolean (worker, TRUE);
}

/* Hands over the finished loads at the head of the queue, in the order asked for. */
static void
commit_jobs (CgLoadQueue *self)
{
  LoadJob *job;

  while ((job = g_queue_peek_head (self->jobs)) != NULL && job->done)
    {
      g_queue_pop_head (self->jobs);
      job->func (job->results, job->user_data);
      load_job_free (job);
    }

  if (g_queue_is_empty (self->jobs))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_load_job_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LoadJob *job = user_data;

  job->done = TRUE;
  commit_jobs (job->queue);
}

/* The worker task refers to nothing but @job: GLib drops its last reference in the worker
 * thread, and the queue's owner must only ever be released on its own thread. */
static void
run_in_worker (LoadJob *job)
{
  g_autoptr(GTask) worker = g_task_new (NULL, NULL, on_load_job_done_cb, job);

  g_task_set_source_tag (worker, run_in_worker);
  g_task_set_task_data (worker, job, NULL);
  g_task_run_in_thread (worker, load_job_thread);
}

static void
start_waiting_jobs (CgLoadQueue *self)
{
  for (GList *l = self->jobs->head; l != NULL && self->n_holds == 0; l = l->next)
    {
      LoadJob *job = l->data;

      if (!job->started)
        {
          job->started = TRUE;
          run_in_worker (job);
        }
    }
}

static void
push_job (CgLoadQueue     *self,
          LoadJob         *job,
          CgLoadQueueFunc  func,
          gpointer         user_data,
          GDestroyNotify   destroy)
{
  gboolean was_loading = cg_load_queue_get_loading (self);

  job->queue = self;
  job->results = cg_load_results_new ();
  job->func = func;
  job->user_data = user_data;
  job->destroy = destroy;
  g_queue_push_tail (self->jobs, job);
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  start_waiting_jobs (self);
}

/**
 * cg_load_queue_push_file:
 * @file: a bundle file from disk, untrusted
 * @func: called with one result: the bundle, or why it could not be loaded
 * @destroy: (nullable): frees @user_data once @func was called
 */
void
cg_load_queue_push_file (CgLoadQueue     *self,
                         GFile           *file,
                         CgLoadQueueFunc  func,
                         gpointer         user_data,
                         GDestroyNotify   destroy)
{
  LoadJob *job;

  g_return_if_fail (CG_IS_LOAD_QUEUE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (func != NULL);

  job = g_new0 (LoadJob, 1);
  job->file = g_object_ref (file);
  push_job (self, job, func, user_data, destroy);
}

/**
 * cg_load_queue_push_installed:
 * @seen: (transfer full): origins and file ids to skip, as cg_installed_bundles_read() takes
 * @func: called with a result per installed file read and per folder that cannot be read
 * @destroy: (nullable): frees @user_data once @func was called
 */
void
cg_load_queue_push_installed (CgLoadQueue     *self,
                              GHashTable      *seen,
                              CgLoadQueueFunc  func,
                              gpointer         user_data,
                              GDestroyNotify   destroy)
{
  LoadJob *job;

  g_return_if_fail (CG_IS_LOAD_QUEUE (self));
  g_return_if_fail (seen != NULL);
  g_return_if_fail (func != NULL);

  job = g_new0 (LoadJob, 1);
  job->seen = seen;
  push_job (self, job, func, user_data, destroy);
}

/**
 * cg_load_queue_hold:
 *
 * Until as many cg_load_queue_release(), loads pushed wait to start (#CgLoadQueue:loading is
 * %TRUE meanwhile).
 */
void
cg_load_queue_hold (CgLoadQueue *self)
{
  g_return_if_fail (CG_IS_LOAD_QUEUE (self));

  self->n_holds++;
}

void
cg_load_queue_release (CgLoadQueue *self)
{
  g_return_if_fail (CG_IS_LOAD_QUEUE (self));
  g_return_if_fail (self->n_holds > 0);

  if (--self->n_holds == 0)
    start_waiting_jobs (self);
}
