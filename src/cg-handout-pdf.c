/* cg-handout-pdf.c: writing a PDF so that a reader never sees half a file
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-handout-pdf"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cg-handout-pdf.h"
#include "cg-pdf-catalog.h"

/* Cairo hands over the PDF in small pieces: gather them all, so the document language can be
 * appended to the finished PDF before a byte of it is written, and writing takes a few system
 * calls rather than hundreds. */
#define PDF_BUFFER_SIZE (64 * 1024)

typedef struct
{
  int         fd;
  int         saved_errno;
  GByteArray *buffer;
} PdfStream;

static gboolean
flush_pdf_stream (PdfStream *stream)
{
  const guint8 *data = stream->buffer->data;
  gsize length = stream->buffer->len;

  while (length > 0)
    {
      gssize n = write (stream->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          stream->saved_errno = n < 0 ? errno : EIO;
          break;
        }
      data += n;
      length -= n;
    }

  g_byte_array_set_size (stream->buffer, 0);

  return stream->saved_errno == 0;
}

static cairo_status_t
write_pdf_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfStream *stream = closure;

  g_byte_array_append (stream->buffer, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_write_error (GError     **error,
                 GIOErrorEnum  code,
                 const char   *path,
                 const char   *reason)
{
  g_autofree char *display_name = g_filename_display_name (path);

  /* Translators: the first %s is a file name, the second the system's reason */
  g_set_error (error, G_IO_ERROR, code, _("Cannot write “%s”: %s"), display_name, reason);

  return FALSE;
}

/**
 * cg_handout_pdf_write:
 * @path: where to write the PDF
 * @width: page width in points
 * @height: page height in points
 * @language: the document's language (BCP 47), for the catalog's /Lang
 * @render: (scope call): draws the document on a PDF surface of this size
 *
 * Renders the PDF in memory, adds the document language (cg_pdf_catalog_append_update()),
 * then writes it next to @path under a temporary name and renames it: a reader never sees
 * half a file, and a failure leaves nothing behind.
 *
 * Returns: %TRUE, or %FALSE with @error set in the #G_IO_ERROR domain, naming @path
 */
gboolean
cg_handout_pdf_write (const char              *path,
                      double                   width,
                      double                   height,
                      const char              *language,
                      CgHandoutPdfRenderFunc   render,
                      gpointer                 user_data,
                      GError                 **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GError) catalog_error = NULL;
  PdfStream stream = { -1, 0, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (language != NULL, FALSE);
  g_return_val_if_fail (render != NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  if ((stream.fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666)) < 0)
    {
      int saved_errno = errno;

      return set_write_error (error, g_io_error_from_errno (saved_errno), path,
                              g_strerror (saved_errno));
    }

  stream.buffer = g_byte_array_sized_new (PDF_BUFFER_SIZE);

  surface = cairo_pdf_surface_create_for_stream (write_pdf_cb, &stream, width, height);
  render (surface, user_data);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  /* A PDF that cannot take its language is still a good PDF: written, with a warning. */
  if (status == CAIRO_STATUS_SUCCESS &&
      !cg_pdf_catalog_append_update (stream.buffer, language, &catalog_error))
    g_warning ("%s", catalog_error->message);

  if (status == CAIRO_STATUS_SUCCESS)
    flush_pdf_stream (&stream);
  g_byte_array_unref (stream.buffer);
  if (close (stream.fd) != 0 && stream.saved_errno == 0)
    stream.saved_errno = errno;

  if (status == CAIRO_STATUS_SUCCESS && stream.saved_errno == 0 &&
      g_rename (tmp_path, path) != 0)
    stream.saved_errno = errno;

  if (status != CAIRO_STATUS_SUCCESS || stream.saved_errno != 0)
    {
      g_unlink (tmp_path);

      if (stream.saved_errno != 0)
        return set_write_error (error, g_io_error_from_errno (stream.saved_errno), path,
                                g_strerror (stream.saved_errno));

      return set_write_error (error, G_IO_ERROR_FAILED, path, cairo_status_to_string (status));
    }

  return TRUE;
}
