/* cg-handout-output.c: a handout request made into paper or a PDF
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves a request as a PDF (through the file chooser, starting in the folder used last with a
 * name of topic, sections and language) or prints it (through the print dialog, or straight
 * to a named printer). Each ends in one signal: ::made with what was made and where, or
 * ::failed with a message naming the printer or file. The builder shows both; nothing here
 * keeps the request once it is made.
 */

#define G_LOG_DOMAIN "cg-handout-output"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-file-chooser.h"
#include "cg-handout-layout.h"
#include "cg-handout-output.h"
#include "cg-library.h"
#include "cg-print-operation.h"

struct _CgHandoutOutput
{
  GObject            parent_instance;

  GtkWindow         *window;             /* (weak) the builder, parent of the dialogs */
  CgLibrary         *library;
  GSettings         *settings;
  GCancellable      *save_cancellable;   /* while the file chooser is open */
  GtkWindow         *chooser_parent;     /* kept alive while its file chooser is open */
  GCancellable      *print_cancellable;  /* while printing to a named printer */
  GtkPrintOperation *print_operation;    /* while the print dialog is open */
};

G_DEFINE_FINAL_TYPE (CgHandoutOutput, cg_handout_output, G_TYPE_OBJECT)

enum {
  MADE,
  FAILED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
cg_handout_output_dispose (GObject *object)
{
  CgHandoutOutput *self = (CgHandoutOutput *)object;

  cg_handout_output_cancel (self);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cg_handout_output_parent_class)->dispose (object);
}

static void
cg_handout_output_class_init (CgHandoutOutputClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cg_handout_output_dispose;

  /**
   * CgHandoutOutput::made:
   * @request: the handout made
   * @action: a #CgChartLineAction: printed or saved
   * @file: (nullable): the PDF saved
   * @printer: (nullable): the printer it was sent to
   * @n_pages: the pages printed
   */
  signals [MADE] = g_signal_new ("made", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 5,
                                 CG_TYPE_HANDOUT_REQUEST, G_TYPE_INT, G_TYPE_FILE,
                                 G_TYPE_STRING, G_TYPE_UINT);

  /**
   * CgHandoutOutput::failed:
   * @message: what went wrong, naming the printer or file
   */
  signals [FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cg_handout_output_init (CgHandoutOutput *self)
{
}

/**
 * cg_handout_output_new:
 * @window: the window the file chooser and print dialog belong to
 * @settings: where the folder used last is kept
 *
 * Returns: (transfer full): a new output
 */
CgHandoutOutput *
cg_handout_output_new (GtkWindow *window,
                       CgLibrary *library,
                       GSettings *settings)
{
  CgHandoutOutput *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CG_TYPE_HANDOUT_OUTPUT, NULL);
  g_set_weak_pointer (&self->window, window);
  self->library = g_object_ref (library);
  self->settings = g_object_ref (settings);

  return self;
}

static void
fail (CgHandoutOutput *self,
      const char      *message)
{
  g_signal_emit (self, signals [FAILED], 0, message);
}

/**
 * cg_handout_output_dup_save_path:
 *
 * Where Save as PDF suggests saving: the folder used last (Documents the first time), and a
 * name made of topic, sections and language such as `calcinosis-treatment-es.pdf` — never
 * the patient's name.
 *
 * Returns: (transfer full): an absolute path
 */
char *
cg_handout_output_dup_save_path (CgHandoutOutput  *self,
                                 CgHandoutRequest *request)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CG_IS_HANDOUT_OUTPUT (self), NULL);
  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (request), NULL);

  name = cg_handout_request_dup_file_name (request, self->library);
  folder = g_settings_get_string (self->settings, "handout-folder");
  if (*folder == '\0' || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
      g_autofree char *home_documents = g_build_filename (g_get_home_dir (), "Documents", NULL);

      g_free (folder);
      /* Without XDG user folders set up, ~/Documents if there is one */
      if (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_DIR))
        documents = home_documents;
      folder = g_strdup (g_file_test (documents, G_FILE_TEST_IS_DIR) ? documents : g_get_home_dir ());
    }

  return g_build_filename (folder, name, NULL);
}

/**
 * cg_handout_output_save:
 * @file: a local file
 *
 * Writes @request as a PDF to @file and emits ::made; its folder is where the next Save as
 * PDF starts.
 */
gboolean
cg_handout_output_save (CgHandoutOutput   *self,
                        CgHandoutRequest  *request,
                        GFile             *file,
                        GError           **error)
{
  g_autoptr(CgHandoutLayout) layout = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (CG_IS_HANDOUT_OUTPUT (self), FALSE);
  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (request), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(path = g_file_get_path (file)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot save to “%s”: not a local file"), g_file_peek_path (file));
      return FALSE;
    }

  if (!(layout = cg_handout_request_create_layout (request, self->library, NULL, error)) ||
      !cg_handout_layout_export_pdf (layout, path, error))
    return FALSE;

  if ((folder = g_file_get_parent (file)) && g_file_peek_path (folder) != NULL)
    g_settings_set_string (self->settings, "handout-folder", g_file_peek_path (folder));
  g_signal_emit (self, signals [MADE], 0, request, CG_CHART_LINE_SAVED, file, NULL, 0);

  return TRUE;
}

static void
on_chooser_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CgHandoutOutput *self = g_task_get_source_object (task);
  g_autoptr(GFile) file = cg_file_chooser_run_finish (result, NULL);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->save_cancellable);
  g_clear_object (&self->chooser_parent);

  if (file != NULL &&
      !cg_handout_output_save (self, g_task_get_task_data (task), file, &error))
    fail (self, error->message);
}

/* Save as PDF…: the file chooser, then cg_handout_output_save() */
void
cg_handout_output_choose_file (CgHandoutOutput  *self,
                               CgHandoutRequest *request)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (CG_IS_HANDOUT_OUTPUT (self));
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (request));

  /* The chooser is already open */
  if (self->save_cancellable != NULL)
    return;

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  path = cg_handout_output_dup_save_path (self, request);
  self->save_cancellable = g_cancellable_new ();
  /* The chooser is transient for the window: it must outlive the chooser */
  g_set_object (&self->chooser_parent, self->window);
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (request), g_object_unref);
  cg_file_chooser_run (self->window, CG_FILE_CHOOSER_SAVE, _("Save Handout as PDF"), path,
                       filter, self->save_cancellable, on_chooser_done_cb, task);
}

static void
fail_printing (CgHandoutOutput *self,
               const char      *printer,
               const GError    *error)
{
  g_autofree char *message = NULL;

  if (printer != NULL)
    /* Translators: the first %s is a printer's name, the second the reason */
    message = g_strdup_printf (_("Could not print on %s: %s"), printer,
                               error != NULL ? error->message : _("the printer refused the handout"));
  else
    message = g_strdup (error != NULL ? error->message : _("Printing failed"));

  fail (self, message);
}

static void
on_print_done_cb (CgHandoutOutput         *self,
                  GtkPrintOperationResult  result,
                  GtkPrintOperation       *operation)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  const char *printer = settings != NULL ? gtk_print_settings_get_printer (settings) : NULL;
  CgHandoutRequest *request = g_object_get_data (G_OBJECT (operation), "request");
  g_autoptr(GError) error = NULL;
  int n_pages = 0;

  g_object_get (operation, "n-pages-to-print", &n_pages, NULL);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      fail_printing (self, printer, error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_signal_emit (self, signals [MADE], 0, request, CG_CHART_LINE_PRINTED, NULL,
                   printer != NULL ? printer : _("the printer"), (guint)MAX (n_pages, 0));

  if (self->print_operation == operation)
    g_clear_object (&self->print_operation);
}

/* Print…: the print dialog, where the clinician picks the printer and its paper */
void
cg_handout_output_print (CgHandoutOutput  *self,
                         CgHandoutRequest *request)
{
  g_autoptr(CgHandoutLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (CG_IS_HANDOUT_OUTPUT (self));
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (request));

  if (self->print_operation != NULL)
    return;

  /* A layout of its own: the printer's paper may differ from the preview's. */
  if (!(layout = cg_handout_request_create_layout (request, self->library, NULL, &error)))
    {
      fail (self, error->message);
      return;
    }

  self->print_operation = GTK_PRINT_OPERATION (cg_print_operation_new (layout));
  g_object_set_data_full (G_OBJECT (self->print_operation), "request",
                          g_object_ref (request), g_object_unref);
  gtk_print_operation_set_allow_async (self->print_operation, TRUE);
  g_signal_connect_object (self->print_operation, "done",
                           G_CALLBACK (on_print_done_cb), self, G_CONNECT_SWAPPED);

  result = gtk_print_operation_run (self->print_operation,
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    self->window, &error);
  /* Finished at once (not asynchronously): "done" has been emitted already */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_clear_object (&self->print_operation);
}

typedef struct
{
  CgHandoutRequest *request;
  char             *printer;
  guint             n_pages;
} PrintTo;

static void
print_to_free (gpointer data)
{
  PrintTo *print_to = data;

  g_object_unref (print_to->request);
  g_free (print_to->printer);
  g_free (print_to);
}

static void
on_print_to_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CgHandoutOutput *self = g_task_get_source_object (task);
  PrintTo *print_to = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->print_cancellable);

  if (cg_print_operation_send_to_printer_finish (result, &error))
    g_signal_emit (self, signals [MADE], 0, print_to->request, CG_CHART_LINE_PRINTED, NULL,
                   print_to->printer, print_to->n_pages);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fail_printing (self, print_to->printer, error);
}

/**
 * cg_handout_output_print_to:
 * @printer: a printer's name
 *
 * Prints @request on @printer without the print dialog.
 */
void
cg_handout_output_print_to (CgHandoutOutput  *self,
                            CgHandoutRequest *request,
                            const char       *printer)
{
  g_autoptr(CgHandoutLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  PrintTo *print_to;
  GTask *task;
  double width, height;

  g_return_if_fail (CG_IS_HANDOUT_OUTPUT (self));
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (request));
  g_return_if_fail (printer != NULL);

  if (self->print_cancellable != NULL)
    return;

  if (!(layout = cg_handout_request_create_layout (request, self->library, NULL, &error)))
    {
      fail (self, error->message);
      return;
    }

  print_to = g_new0 (PrintTo, 1);
  print_to->request = g_object_ref (request);
  print_to->printer = g_strdup (printer);
  cg_paper_get_size (cg_handout_layout_get_paper (layout), &width, &height);
  print_to->n_pages = cg_handout_layout_paginate (layout, width, height);
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, print_to, print_to_free);
  self->print_cancellable = g_cancellable_new ();
  cg_print_operation_send_to_printer_async (layout, printer, self->print_cancellable,
                                            on_print_to_done_cb, task);
}

/* Whether a file chooser, print dialog or print job is under way */
gboolean
cg_handout_output_is_busy (CgHandoutOutput *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_OUTPUT (self), FALSE);

  return self->save_cancellable != NULL || self->print_cancellable != NULL ||
         self->print_operation != NULL;
}

void
cg_handout_output_cancel (CgHandoutOutput *self)
{
  g_return_if_fail (CG_IS_HANDOUT_OUTPUT (self));

  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  g_cancellable_cancel (self->print_cancellable);
  g_clear_object (&self->print_cancellable);
  if (self->print_operation != NULL)
    gtk_print_operation_cancel (self->print_operation);
  g_clear_object (&self->print_operation);
}
