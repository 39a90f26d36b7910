/* cg-library-index.c
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-library-index"

#include "config.h"

#include "cg-library-index.h"

static void
build_index_thread (GTask        *worker,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GPtrArray *topics = task_data;

  g_task_return_pointer (worker, cg_search_index_new (topics), g_object_unref);
}

static void
on_index_built_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  g_task_return_pointer (task, g_task_propagate_pointer (G_TASK (result), NULL), g_object_unref);
}

/**
 * cg_library_index_build_async:
 * @language: a language of cg_library_get_languages()
 *
 * Builds the search index of cg_library_list_topics() in @language, as they are now, in a
 * worker thread: with a clinic library of thousands of sections this takes tenths of a second.
 */
void
cg_library_index_build_async (CgLibrary           *library,
                              const char          *language,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *topics;

  g_return_if_fail (CG_IS_LIBRARY (library));
  g_return_if_fail (language != NULL);

  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, cg_library_index_build_async);

  if (!(topics = cg_library_list_topics (library, language, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Topics and sections are immutable, so the worker only reads them. The worker task refers
   * to nothing but them: GLib drops its last reference in the worker thread, and the library
   * must only ever be released on its own thread. */
  worker = g_task_new (NULL, NULL, on_index_built_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, build_index_thread);
  g_task_set_task_data (worker, topics, (GDestroyNotify)g_ptr_array_unref);
  g_task_run_in_thread (worker, build_index_thread);
}

/**
 * cg_library_index_build_finish:
 *
 * Returns: (transfer full): the index, or %NULL with @error set
 */
CgSearchIndex *
cg_library_index_build_finish (CgLibrary     *library,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (g_task_is_valid (result, library), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
