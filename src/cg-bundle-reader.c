/* cg-bundle-reader.c: reading a bundle file's bytes, bounded
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle path may name anything: a folder, a named pipe, a device, a file of gigabytes, a
 * remote URI. Only regular files are read, never more than CG_BUNDLE_MAX_SIZE + 1 bytes, and
 * opening never blocks. What the bytes say is the loader's business (cg-bundle-loader.c).
 */

#define G_LOG_DOMAIN "cg-bundle-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cg-bundle-loader.h"
#include "cg-bundle-reader.h"

/* A local path where there is one, the URI otherwise: what messages name the file by */
char *
cg_bundle_dup_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  return path != NULL ? g_strdup (path) : g_file_get_uri (file);
}

static void
set_too_large_error (GError     **error,
                     const char  *name,
                     goffset      size)
{
  g_autofree char *size_str = g_format_size ((guint64)size);

  /* Translators: the first %s is a file name, the second a size such as “52.4 MB” */
  g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_TOO_LARGE,
               _("%s: The file is %s, larger than the limit of %u MiB for a bundle"),
               name, size_str, CG_BUNDLE_MAX_SIZE / (1024 * 1024));
}

typedef gssize (*ReadFunc) (gpointer   source,
                            void      *buffer,
                            gsize      count,
                            GError   **error);

/* Reads to the end, never more than CG_BUNDLE_MAX_SIZE + 1 bytes: the one byte over tells a
 * file that grew past the cap after its size was checked. @size_hint only sizes the buffer. */
static GBytes *
read_bounded (ReadFunc     read_func,
              gpointer     source,
              goffset      size_hint,
              const char  *name,
              GError     **error)
{
  g_autofree char *buffer = NULL;
  gsize allocated = (gsize)CLAMP (size_hint, 0, CG_BUNDLE_MAX_SIZE) + 1;
  gsize len = 0;

  buffer = g_malloc (allocated);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n;

      if (len == allocated)
        {
          if (allocated > CG_BUNDLE_MAX_SIZE)
            break;
          allocated = MIN (allocated * 2, (gsize)CG_BUNDLE_MAX_SIZE + 1);
          buffer = g_realloc (buffer, allocated);
        }

      if ((n = read_func (source, buffer + len, allocated - len, &local_error)) < 0)
        {
          g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_READ,
                       "%s: %s", name, local_error->message);
          return NULL;
        }

      if (n == 0)
        break;

      len += n;
    }

  if (len > CG_BUNDLE_MAX_SIZE)
    {
      set_too_large_error (error, name, len);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), len);
}

static gssize
read_fd (gpointer   source,
         void      *buffer,
         gsize      count,
         GError   **error)
{
  int fd = GPOINTER_TO_INT (source);
  gssize n;

  do
    n = read (fd, buffer, count);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    {
      int errsv = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errsv), g_strerror (errsv));
    }

  return n;
}

static gssize
read_stream (gpointer   source,
             void      *buffer,
             gsize      count,
             GError   **error)
{
  return g_input_stream_read (G_INPUT_STREAM (source), buffer, count, NULL, error);
}

static const char *
describe_file_type (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("not a regular file");
}

/* Opening a FIFO for reading blocks until a writer appears, so local files are opened
 * non-blocking and checked with fstat() on the descriptor actually read: no window between
 * the check and the read for a rename to slip into. */
static GBytes *
read_local_file (const char  *path,
                 GError     **error)
{
  GBytes *bytes;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int errsv = errno;
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_READ,
                   "%s: %s", path, g_strerror (errsv));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int errsv = errno;
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_READ,
                   "%s: %s", path, g_strerror (errsv));
      close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      /* Translators: the first %s is a file name, the second “a folder”, “a named pipe”… */
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_NOT_REGULAR,
                   _("%s: Not a regular file (%s); a bundle is an XML file"),
                   path, describe_file_type (st.st_mode));
      close (fd);
      return NULL;
    }

  /* Checked before reading anything, so a huge file costs one fstat() */
  if (st.st_size > CG_BUNDLE_MAX_SIZE)
    {
      set_too_large_error (error, path, st.st_size);
      close (fd);
      return NULL;
    }

  bytes = read_bounded (read_fd, GINT_TO_POINTER (fd), st.st_size, path, error);
  close (fd);

  return bytes;
}

/**
 * cg_bundle_read_fd:
 * @fd: an open descriptor to read to its end, such as standard input
 * @name: what to call it in messages
 *
 * Reads a bundle's bytes from a pipe or a redirected file, at most %CG_BUNDLE_MAX_SIZE + 1
 * bytes, as cg_bundle_read_file() does. @fd is not closed.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set in the #CG_BUNDLE_ERROR
 *   domain (%CG_BUNDLE_ERROR_READ, %CG_BUNDLE_ERROR_TOO_LARGE)
 */
GBytes *
cg_bundle_read_fd (int          fd,
                   const char  *name,
                   GError     **error)
{
  g_return_val_if_fail (fd >= 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_bounded (read_fd, GINT_TO_POINTER (fd), 0, name, error);
}

/**
 * cg_bundle_read_file:
 * @file: a file from disk, untrusted
 *
 * Reads a bundle's bytes with the same rules for every kind of #GFile: regular files only
 * (never blocking on a named pipe), the size checked before reading, and at most
 * %CG_BUNDLE_MAX_SIZE + 1 bytes read.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set in the #CG_BUNDLE_ERROR
 *   domain (%CG_BUNDLE_ERROR_READ, %CG_BUNDLE_ERROR_NOT_REGULAR, %CG_BUNDLE_ERROR_TOO_LARGE)
 */
GBytes *
cg_bundle_read_file (GFile   *file,
                     GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_peek_path (file) != NULL)
    return read_local_file (g_file_peek_path (file), error);

  name = cg_bundle_dup_display_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_READ, "%s: %s", name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_NOT_REGULAR,
                   _("%s: Not a regular file (%s); a bundle is an XML file"),
                   name, g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
                           ? _("a folder") : _("not a regular file"));
      return NULL;
    }

  if (g_file_info_get_size (info) > CG_BUNDLE_MAX_SIZE)
    {
      set_too_large_error (error, name, g_file_info_get_size (info));
      return NULL;
    }

  if ((stream = g_file_read (file, NULL, &local_error)) == NULL)
    {
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_READ, "%s: %s", name, local_error->message);
      return NULL;
    }

  /* A stream may return less than asked for before its end: read_bounded() loops */
  return read_bounded (read_stream, stream, g_file_info_get_size (info), name, error);
}
