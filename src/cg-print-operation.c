/* cg-print-operation.c: printing a handout through GTK's print dialog
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the transport is GTK's: pagination and drawing are cg-handout-layout's, so the pages
 * match the PDF export. The paper is set explicitly (GTK's default follows LC_PAPER, which may
 * not be what the clinician chose), and the full page is used with user units in points: the
 * layout keeps its own 20 mm margins, wider than any printer's unprintable edge. Inside Flatpak
 * GTK goes through the print portal by itself; nothing here needs the file system.
 */

#define G_LOG_DOMAIN "cg-print-operation"

#include "config.h"

#include <glib/gi18n.h>

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

  paper_size = gtk_paper_size_new (cg_handout_layout_get_paper (layout) == CG_PAPER_LETTER
                                     ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
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
