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
#include "cg-pdf-catalog.h"

/* Cairo hands over the PDF in small pieces: gather them all, so the document language can be
 * appended to the finished PDF before a byte of it is written. */
static cairo_status_t
gather_pdf_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * cg_handout_pdf_write:
 * @output: where to write the PDF, from cg_output_file_open() or cg_output_file_new_for_fd()
 * @width: page width in points
 * @height: page height in points
 * @language: the document's language (BCP 47), for the catalog's /Lang
 * @render: (scope call): draws the document on a PDF surface of this size
 *
 * Renders the PDF in memory, adds the document language (cg_pdf_catalog_append_update()),
 * then writes it to @output and commits it: a reader never sees half a file, and after a
 * failure nothing is left behind (see #CgOutputFile).
 *
 * Returns: %TRUE, or %FALSE with @error set in the #G_IO_ERROR domain, naming the file
 */
gboolean
cg_handout_pdf_write (CgOutputFile            *output,
                      double                   width,
                      double                   height,
                      const char              *language,
                      CgHandoutPdfRenderFunc   render,
                      gpointer                 user_data,
                      GError                 **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GError) catalog_error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (language != NULL, FALSE);
  g_return_val_if_fail (render != NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (gather_pdf_cb, pdf, width, height);
  render (surface, user_data);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Translators: the first %s is a file name, the second the reason */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   cg_output_file_get_display_name (output), cairo_status_to_string (status));
      return FALSE;
    }

  /* A PDF that cannot take its language is still a good PDF: written, with a warning. */
  if (!cg_pdf_catalog_append_update (pdf, language, &catalog_error))
    g_warning ("%s", catalog_error->message);

  return cg_output_file_write (output, pdf->data, pdf->len, error) &&
         cg_output_file_commit (output, error);
}
