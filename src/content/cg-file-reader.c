/* cg-file-reader.c: reading an untrusted file's bytes, bounded, without ever blocking
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file the app reads (bundles, handout sets) may name anything: a folder, a named pipe,
 * a device, a socket, a symbolic link to /dev/zero or round in a loop, a file of gigabytes, a
 * remote URI. A reader reads regular files only, never more than its cap + 1 bytes, and
 * opening never blocks. What the bytes say is its caller's business. Each kind of file has its
 * own reader (its cap and what to say it should be); the UI reads through
 * cg_file_reader_read_async(), in a worker thread.
 */

#define G_LOG_DOMAIN "cg-file-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cg-file-reader.h"

struct _CgFileReader
{
  GObject  parent_instance;

  gsize    max_size;
  char    *kind_hint;  /* e.g. “a bundle is an XML file” */
};

G_DEFINE_FINAL_TYPE (CgFileReader, cg_file_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (cg-file-reader-error-quark, cg_file_reader_error)

static void
cg_file_reader_finalize (GObject *object)
{
  CgFileReader *self = (CgFileReader *)object;

  g_free (self->kind_hint);

  G_OBJECT_CLASS (cg_file_reader_parent_class)->finalize (object);
}

static void
cg_file_reader_class_init (CgFileReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_file_reader_finalize;
}

static void
cg_file_reader_init (CgFileReader *self)
{
}

/**
 * cg_file_reader_new:
 * @max_size: the largest file accepted, in bytes
 * @kind_hint: what such a file should be, said after a refusal (“a bundle is an XML file”)
 *
 * Returns: (transfer full): a reader for one kind of file
 */
CgFileReader *
cg_file_reader_new (gsize       max_size,
                    const char *kind_hint)
{
  CgFileReader *self;

  g_return_val_if_fail (max_size > 0 && max_size < G_MAXSIZE, NULL);
  g_return_val_if_fail (kind_hint != NULL, NULL);

  self = g_object_new (CG_TYPE_FILE_READER, NULL);
  self->max_size = max_size;
  self->kind_hint = g_strdup (kind_hint);

  return self;
}

gsize
cg_file_reader_get_max_size (CgFileReader *self)
{
  g_return_val_if_fail (CG_IS_FILE_READER (self), 0);

  return self->max_size;
}

/**
 * cg_file_reader_dup_display_name:
 *
 * Returns: (transfer full): a local path where there is one, the URI otherwise: what
 *   messages name the file by
 */
char *
cg_file_reader_dup_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  return path != NULL ? g_strdup (path) : g_file_get_uri (file);
}

/* “8 MiB”, “64 KiB”: the cap as people write it, not g_format_size()'s “8.4 MB” */
static char *
format_limit (gsize max_size)
{
  if (max_size % (1024 * 1024) == 0)
    return g_strdup_printf ("%" G_GSIZE_FORMAT " MiB", max_size / (1024 * 1024));
  if (max_size % 1024 == 0)
    return g_strdup_printf ("%" G_GSIZE_FORMAT " KiB", max_size / 1024);
  return g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);
}

static void
set_too_large_error (CgFileReader  *self,
                     GError       **error,
                     const char    *name,
                     goffset        size)
{
  g_autofree char *size_str = g_format_size ((guint64)size);
  g_autofree char *limit_str = format_limit (self->max_size);

  /* Translators: the first %s is a file name, the second a size such as “52.4 MB”, the third
   * the limit, such as “64 KiB” */
  g_set_error (error, CG_FILE_READER_ERROR, CG_FILE_READER_ERROR_TOO_LARGE,
               _("%s: The file is %s, larger than the limit of %s"), name, size_str, limit_str);
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

static void
set_not_regular_error (CgFileReader  *self,
                       GError       **error,
                       const char    *name,
                       const char    *type)
{
  /* Translators: the first %s is a file name, the second “a folder”, “a named pipe”…, the
   * third says what the file should be, e.g. “a bundle is an XML file” */
  g_set_error (error, CG_FILE_READER_ERROR, CG_FILE_READER_ERROR_NOT_REGULAR,
               _("%s: Not a regular file (%s); %s"), name, type, self->kind_hint);
}

static void
set_errno_error (GError     **error,
                 const char  *name,
                 int          saved_errno)
{
  if (saved_errno == ELOOP)
    /* Translators: %s is a file name */
    g_set_error (error, CG_FILE_READER_ERROR, CG_FILE_READER_ERROR_LOOP,
                 _("%s: The symbolic links lead round in a loop"), name);
  else
    g_set_error (error, CG_FILE_READER_ERROR, CG_FILE_READER_ERROR_READ,
                 "%s: %s", name, g_strerror (saved_errno));
}

typedef gssize (*ReadFunc) (gpointer   source,
                            void      *buffer,
                            gsize      count,
                            GError   **error);

/* Reads to the end, never more than the cap + 1 bytes: the one byte over tells a file that
 * grew past the cap after its size was checked. @size_hint only sizes the buffer. */
static GBytes *
read_bounded (CgFileReader  *self,
              ReadFunc       read_func,
              gpointer       source,
              goffset        size_hint,
              const char    *name,
              GError       **error)
{
  g_autofree char *buffer = NULL;
  gsize allocated = (gsize)CLAMP (size_hint, 0, (goffset)self->max_size) + 1;
  gsize len = 0;

  buffer = g_malloc (allocated);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n;

      if (len == allocated)
        {
          if (allocated > self->max_size)
            break;
          allocated = MIN (allocated * 2, self->max_size + 1);
          buffer = g_realloc (buffer, allocated);
        }

      if ((n = read_func (source, buffer + len, allocated - len, &local_error)) < 0)
        {
          g_set_error (error, CG_FILE_READER_ERROR, CG_FILE_READER_ERROR_READ,
                       "%s: %s", name, local_error->message);
          return NULL;
        }

      if (n == 0)
        break;

      len += n;
    }

  if (len > self->max_size)
    {
      set_too_large_error (self, error, name, len);
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

/* Opening a FIFO for reading blocks until a writer appears, so local files are opened
 * non-blocking and checked with fstat() on the descriptor actually read: no window between
 * the check and the read for a rename to slip into. Symbolic links are followed (a clinic may
 * deploy files as links), but not round a loop: open() says ELOOP, and that is named. A device
 * opened non-blocking is never read. */
static GBytes *
read_local_file (CgFileReader  *self,
                 const char    *path,
                 GError       **error)
{
  GBytes *bytes;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_errno_error (error, path, errno);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, path, errno);
      close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      set_not_regular_error (self, error, path, describe_file_type (st.st_mode));
      close (fd);
      return NULL;
    }

  /* Checked before reading anything, so a huge file costs one fstat() */
  if (st.st_size > 0 && (guint64)st.st_size > self->max_size)
    {
      set_too_large_error (self, error, path, st.st_size);
      close (fd);
      return NULL;
    }

  bytes = read_bounded (self, read_fd, GINT_TO_POINTER (fd), st.st_size, path, error);
  close (fd);

  return bytes;
}

/* Not a local path: a GVfs URI. Its type and size are asked first, then it is read bounded. */
static GBytes *
read_remote_file (CgFileReader  *self,
                  GFile         *file,
                  GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *name = cg_file_reader_dup_display_name (file);
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, CG_FILE_READER_ERROR, CG_FILE_READER_ERROR_READ,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      set_not_regular_error (self, error, name,
                             g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
                               ? _("a folder") : _("not a regular file"));
      return NULL;
    }

  if (g_file_info_get_size (info) > 0 && (guint64)g_file_info_get_size (info) > self->max_size)
    {
      set_too_large_error (self, error, name, g_file_info_get_size (info));
      return NULL;
    }

  if ((stream = g_file_read (file, NULL, &local_error)) == NULL)
    {
      g_set_error (error, CG_FILE_READER_ERROR, CG_FILE_READER_ERROR_READ,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  /* A stream may return less than asked for before its end: read_bounded() loops */
  return read_bounded (self, read_stream, stream, g_file_info_get_size (info), name, error);
}

/**
 * cg_file_reader_read:
 * @file: a file, untrusted
 *
 * Reads @file with the same rules for every kind of #GFile: regular files only (never
 * blocking on a named pipe), the size checked before reading, and at most the cap + 1 bytes
 * read. May block on a slow disk: the UI calls cg_file_reader_read_async().
 *
 * Returns: (transfer full): the contents, or %NULL with @error set in the
 *   #CG_FILE_READER_ERROR domain, its message starting with the file's name
 */
GBytes *
cg_file_reader_read (CgFileReader  *self,
                     GFile         *file,
                     GError       **error)
{
  g_return_val_if_fail (CG_IS_FILE_READER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_peek_path (file) != NULL)
    return read_local_file (self, g_file_peek_path (file), error);

  return read_remote_file (self, file, error);
}

/**
 * cg_file_reader_read_fd:
 * @fd: an open descriptor to read to its end, such as standard input
 * @name: what to call it in messages
 *
 * Reads a pipe or a redirected file under the reader's size cap, at most the cap + 1 bytes.
 * @fd is not closed.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set in the
 *   #CG_FILE_READER_ERROR domain
 */
GBytes *
cg_file_reader_read_fd (CgFileReader  *self,
                        int            fd,
                        const char    *name,
                        GError       **error)
{
  g_return_val_if_fail (CG_IS_FILE_READER (self), NULL);
  g_return_val_if_fail (fd >= 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_bounded (self, read_fd, GINT_TO_POINTER (fd), 0, name, error);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *bytes = cg_file_reader_read (source_object, task_data, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify)g_bytes_unref);
}

/**
 * cg_file_reader_read_async:
 *
 * cg_file_reader_read() in a worker thread, so a slow or hostile file never stalls the main
 * loop.
 */
void
cg_file_reader_read_async (CgFileReader        *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CG_IS_FILE_READER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cg_file_reader_read_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_in_thread);
}

GBytes *
cg_file_reader_read_finish (CgFileReader  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (CG_IS_FILE_READER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
