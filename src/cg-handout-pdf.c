/* cg-handout-pdf.c: writing a PDF so that a reader never sees half a file
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-handout-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "cg-handout-pdf.h"
#include "cg-output-file.h"

static cairo_status_t
write_pdf_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  CgOutputFile *output = closure;

  if (!cg_output_file_write (output, data, length, NULL))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/**
 * cg_handout_pdf_write:
 * @output: where to write the PDF, from cg_output_file_open() or cg_output_file_new_for_fd()
 * @width: page width in points
 * @height: page height in points
 * @n_pages: how many pages @draw_page draws
 * @title: the document title in the PDF's metadata
 * @draw_page: (scope call): draws one page
 *
 * Writes the PDF to @output and commits it: a reader never sees half a file, and after a
 * failure nothing is left behind (see #CgOutputFile).
 *
 * Returns: %TRUE, or %FALSE with @error set in the #G_IO_ERROR domain, naming the file
 */
gboolean
cg_handout_pdf_write (CgOutputFile          *output,
                      double                 width,
                      double                 height,
                      guint                  n_pages,
                      const char            *title,
                      CgHandoutPdfDrawFunc   draw_page,
                      gpointer               user_data,
                      GError               **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (draw_page != NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (write_pdf_cb, output, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);

  for (guint page = 0; page < n_pages; page++)
    {
      cairo_t *cr = cairo_create (surface);

      draw_page (cr, page, user_data);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  /* A write error is the file's to report, with the system's reason */
  if (status == CAIRO_STATUS_WRITE_ERROR)
    return cg_output_file_write (output, NULL, 0, error);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Translators: the first %s is a file name, the second the reason */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   cg_output_file_get_display_name (output), cairo_status_to_string (status));
      return FALSE;
    }

  return cg_output_file_commit (output, error);
}
