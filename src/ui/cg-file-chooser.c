/* cg-file-chooser.c: one way to ask for a file to open or save, through the portal if there is one
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.10 brought GtkFileDialog; on 4.8 GtkFileChooserNative does the same (and both use the
 * file chooser portal inside a sandbox). Callers see one asynchronous call either way.
 */

#define G_LOG_DOMAIN "cg-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-file-chooser.h"

#if GTK_CHECK_VERSION (4, 10, 0)
/* GtkFileDialog is 4.10 API, used on purpose behind the 4.8 version fence */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static void
on_file_dialog_done_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (object);
  GError *error = NULL;
  GFile *file;

  if (g_task_get_task_data (task) == GINT_TO_POINTER (CG_FILE_CHOOSER_SAVE))
    file = gtk_file_dialog_save_finish (dialog, result, &error);
  else
    file = gtk_file_dialog_open_finish (dialog, result, &error);

  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
run_chooser (GTask             *task,
             GtkWindow         *parent,
             CgFileChooserMode  mode,
             const char        *title,
             const char        *initial_name,
             GtkFileFilter     *filter,
             GCancellable      *cancellable)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  g_task_set_task_data (task, GINT_TO_POINTER (mode), NULL);

  if (mode == CG_FILE_CHOOSER_SAVE)
    {
      if (initial_name != NULL && g_path_is_absolute (initial_name))
        {
          g_autoptr(GFile) file = g_file_new_for_path (initial_name);
          g_autoptr(GFile) folder = g_file_get_parent (file);
          g_autofree char *name = g_file_get_basename (file);

          gtk_file_dialog_set_initial_folder (dialog, folder);
          gtk_file_dialog_set_initial_name (dialog, name);
        }
      else
        gtk_file_dialog_set_initial_name (dialog, initial_name);
      gtk_file_dialog_save (dialog, parent, cancellable, on_file_dialog_done_cb, g_object_ref (task));
    }
  else
    gtk_file_dialog_open (dialog, parent, cancellable, on_file_dialog_done_cb, g_object_ref (task));
}

G_GNUC_END_IGNORE_DEPRECATIONS
#else
typedef struct
{
  GtkFileChooserNative *native;
  GCancellable         *cancellable;
  gulong                cancelled_id;
} NativeRun;

static void
native_run_free (gpointer data)
{
  NativeRun *run = data;

  if (run->cancelled_id != 0)
    g_signal_handler_disconnect (run->cancellable, run->cancelled_id);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (run->native));
  g_object_unref (run->native);
  g_clear_object (&run->cancellable);
  g_free (run);
}

/* Returns the task once, whether the chooser answered or the caller cancelled. */
static void
native_run_return (GTask *task,
                   GFile *file)
{
  NativeRun *run = g_task_get_task_data (task);

  if (run->cancelled_id != 0)
    {
      g_signal_handler_disconnect (run->cancellable, run->cancelled_id);
      run->cancelled_id = 0;
    }
  g_signal_handlers_disconnect_by_data (run->native, task);
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (run->native));

  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The file chooser was closed");   /* never shown */

  g_object_unref (task);
}

static void
on_native_response_cb (GtkNativeDialog *native,
                       int              response,
                       gpointer         user_data)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  native_run_return (user_data, file);
}

static void
on_cancellable_cancelled_cb (GCancellable *cancellable,
                             gpointer      user_data)
{
  native_run_return (user_data, NULL);
}

static void
run_chooser (GTask             *task,
             GtkWindow         *parent,
             CgFileChooserMode  mode,
             const char        *title,
             const char        *initial_name,
             GtkFileFilter     *filter,
             GCancellable      *cancellable)
{
  NativeRun *run = g_new0 (NativeRun, 1);
  gboolean save = (mode == CG_FILE_CHOOSER_SAVE);

  run->native = gtk_file_chooser_native_new (title, parent,
                                             save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                  : GTK_FILE_CHOOSER_ACTION_OPEN,
                                             save ? _("_Save") : _("_Open"), _("_Cancel"));
  g_task_set_task_data (task, run, native_run_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (run->native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (run->native), filter);
  if (save && initial_name != NULL && g_path_is_absolute (initial_name))
    {
      g_autoptr(GFile) file = g_file_new_for_path (initial_name);
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);

      /* A folder that is gone leaves the chooser where it would start anyway */
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (run->native), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (run->native), name);
    }
  else if (save && initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (run->native), initial_name);

  /* The task's own reference until native_run_return() */
  g_object_ref (task);
  g_signal_connect (run->native, "response", G_CALLBACK (on_native_response_cb), task);
  if (cancellable != NULL)
    {
      run->cancellable = g_object_ref (cancellable);
      run->cancelled_id = g_signal_connect (cancellable, "cancelled",
                                            G_CALLBACK (on_cancellable_cancelled_cb), task);
    }

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (run->native));
}
#endif

/**
 * cg_file_chooser_run:
 * @parent: (nullable): the window the chooser belongs to; it is modal to it
 * @title: the chooser's title
 * @initial_name: (nullable): for %CG_FILE_CHOOSER_SAVE, the suggested file name, or an
 *   absolute path: the chooser starts in its folder
 * @filter: the kind of files offered
 * @cancellable: (nullable): closes the chooser, for a parent that goes away first
 *
 * Asks for one file to open or to save to. Finish with cg_file_chooser_run_finish().
 */
void
cg_file_chooser_run (GtkWindow           *parent,
                     CgFileChooserMode    mode,
                     const char          *title,
                     const char          *initial_name,
                     GtkFileFilter       *filter,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);
  g_return_if_fail (GTK_IS_FILE_FILTER (filter));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cg_file_chooser_run);

  run_chooser (task, parent, mode, title, initial_name, filter, cancellable);
}

/**
 * cg_file_chooser_run_finish:
 *
 * Returns: (transfer full): the file chosen, or %NULL with @error set when the chooser was
 *   closed without a choice or cancelled (not worth showing)
 */
GFile *
cg_file_chooser_run_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
