/* cg-print-operation.c: printing a handout, through GTK's print dialog or straight to a printer
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the transport is GTK's: pagination and drawing are cg-handout-layout's, so the pages
 * match the PDF export. The paper is set explicitly (GTK's default follows LC_PAPER, which may
 * not be what the clinician chose), and the full page is used with user units in points: the
 * layout keeps its own 20 mm margins, wider than any printer's unprintable edge. Inside Flatpak
 * GTK goes through the print portal by itself; nothing here needs the file system.
 *
 * Printing to a printer named in advance (no dialog) does not go through GtkPrintOperation:
 * GTK 4.8.3's gtk_print_operation_run() with GTK_PRINT_OPERATION_ACTION_PRINT and a printer
 * set by name or as default uses freed memory inside GTK and crashes. The same pages go
 * through the lower-level GtkPrintJob instead, which the operation itself uses underneath.
 */

#define G_LOG_DOMAIN "cg-print-operation"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtkunixprint.h>

#include "cg-handout-layout.h"
#include "cg-print-operation.h"

struct _CgPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* Owned */
  CgHandoutLayout   *layout;
};

G_DEFINE_FINAL_TYPE (CgPrintOperation, cg_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
cg_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  CgPrintOperation *self = (CgPrintOperation *)operation;
  guint n_pages;

  /* The printer dialog may have changed the paper: lay out for what will come out. */
  n_pages = cg_handout_layout_paginate (self->layout,
                                        gtk_print_context_get_width (context),
                                        gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
cg_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  CgPrintOperation *self = (CgPrintOperation *)operation;

  cg_handout_layout_draw_page (self->layout, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
cg_print_operation_finalize (GObject *object)
{
  CgPrintOperation *self = (CgPrintOperation *)object;

  g_clear_object (&self->layout);

  G_OBJECT_CLASS (cg_print_operation_parent_class)->finalize (object);
}

static void
cg_print_operation_class_init (CgPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = cg_print_operation_finalize;

  operation_class->begin_print = cg_print_operation_begin_print;
  operation_class->draw_page = cg_print_operation_draw_page;
}

static void
cg_print_operation_init (CgPrintOperation *self)
{
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

static GtkPaperSize *
create_paper_size (CgHandoutLayout *layout)
{
  return gtk_paper_size_new (cg_handout_layout_get_paper (layout) == CG_PAPER_LETTER
                               ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
}

/**
 * cg_print_operation_new:
 * @layout: the handout, on the paper to propose in the dialog
 *
 * Returns: (transfer full): an operation to run with gtk_print_operation_run()
 */
CgPrintOperation *
cg_print_operation_new (CgHandoutLayout *layout)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper_size = NULL;
  CgPrintOperation *self;

  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (layout), NULL);

  self = g_object_new (CG_TYPE_PRINT_OPERATION, NULL);
  self->layout = g_object_ref (layout);

  paper_size = create_paper_size (layout);
  gtk_page_setup_set_paper_size (page_setup, paper_size);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_settings_set_paper_size (settings, paper_size);
  gtk_print_settings_set_orientation (settings, GTK_PAGE_ORIENTATION_PORTRAIT);

  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
  /* Translators: the name of the print job, shown in printer queues */
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Calcinosis handout"));

  return self;
}

typedef struct
{
  CgHandoutLayout *layout;
  char            *printer_name;
  GtkPrinter      *printer;
} PrintToPrinter;

static void
print_to_printer_free (gpointer data)
{
  PrintToPrinter *state = data;

  g_clear_object (&state->layout);
  g_clear_pointer (&state->printer_name, g_free);
  g_clear_object (&state->printer);
  g_free (state);
}

static void
on_print_job_sent_cb (GtkPrintJob  *job,
                      gpointer      user_data,
                      const GError *error)
{
  g_autoptr(GTask) task = user_data;

  if (error != NULL)
    g_task_return_error (task, g_error_copy (error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
send_print_job (GTask *task)
{
  PrintToPrinter *state = g_task_get_task_data (task);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper_size = create_paper_size (state->layout);
  g_autoptr(GtkPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double width, height;
  guint n_pages;

  /* Said now, rather than sent to a queue that refuses it: known once the details are in */
  if (!gtk_printer_is_accepting_jobs (state->printer))
    {
      const char *reason = gtk_printer_get_state_message (state->printer);

      if (reason != NULL && *reason != '\0')
        /* Translators: the first %s is a printer, the second the printing system's reason */
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 _("“%s” is not accepting jobs: %s"), state->printer_name, reason);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 _("“%s” is not accepting jobs"), state->printer_name);
      return;
    }

  gtk_page_setup_set_paper_size (page_setup, paper_size);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_settings_set_paper_size (settings, paper_size);
  gtk_print_settings_set_orientation (settings, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_settings_set_printer (settings, state->printer_name);

  /* Translators: the name of the print job, shown in printer queues */
  job = gtk_print_job_new (_("Calcinosis handout"), state->printer, settings, page_setup);
  if (!(surface = gtk_print_job_get_surface (job, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The job's surface is the whole sheet in points, as the dialog's operation draws it */
  width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);
  n_pages = cg_handout_layout_paginate (state->layout, width, height);
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_t *cr = cairo_create (surface);

      cg_handout_layout_draw_page (state->layout, cr, page);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }
  cairo_surface_finish (surface);

  gtk_print_job_send (job, on_print_job_sent_cb, g_object_ref (task), NULL);
}

static void
on_printer_details_acquired_cb (GtkPrinter *printer,
                                gboolean    success,
                                GTask      *task)
{
  g_signal_handlers_disconnect_by_func (printer, on_printer_details_acquired_cb, task);

  if (success)
    send_print_job (task);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("Printer “%s” does not answer"), gtk_printer_get_name (printer));
  g_object_unref (task);
}

static gboolean
on_printer_listed_cb (GtkPrinter *printer,
                      gpointer    user_data)
{
  PrintToPrinter *state = g_task_get_task_data (user_data);

  /* "Print to File" and the like need a file name, which only the dialog asks for */
  if (gtk_printer_is_virtual (printer) ||
      !g_str_equal (gtk_printer_get_name (printer), state->printer_name))
    return FALSE;

  g_set_object (&state->printer, printer);
  return TRUE;
}

static void
on_printers_listed_cb (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  PrintToPrinter *state = g_task_get_task_data (task);

  if (state->printer == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("No printer named “%s”"), state->printer_name);
  else if (gtk_printer_has_details (state->printer))
    send_print_job (task);
  else
    {
      /* The paper sizes and document formats the job needs come with the details */
      g_signal_connect (state->printer, "details-acquired",
                        G_CALLBACK (on_printer_details_acquired_cb), g_object_ref (task));
      gtk_printer_request_details (state->printer);
    }
}

/**
 * cg_print_operation_send_to_printer_async:
 * @layout: the handout, on its paper
 * @printer_name: a printer (a CUPS queue name)
 *
 * Prints @layout on @printer_name without a dialog, with the same pages as the dialog.
 * Finishes once the job has been handed to the printing system.
 */
void
cg_print_operation_send_to_printer_async (CgHandoutLayout     *layout,
                                          const char          *printer_name,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PrintToPrinter *state;

  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (layout));
  g_return_if_fail (printer_name != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cg_print_operation_send_to_printer_async);
  state = g_new0 (PrintToPrinter, 1);
  state->layout = g_object_ref (layout);
  state->printer_name = g_strdup (printer_name);
  g_task_set_task_data (task, state, print_to_printer_free);

  gtk_enumerate_printers (on_printer_listed_cb, g_object_ref (task), on_printers_listed_cb, FALSE);
}

gboolean
cg_print_operation_send_to_printer_finish (GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
