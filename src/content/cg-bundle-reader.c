/* cg-bundle-reader.c: reading a bundle file's bytes, bounded
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle is read like every other file the app reads (cg-file-reader.c), under the bundle's
 * size cap. What the bytes say is the loader's business (cg-bundle-loader.c).
 */

#define G_LOG_DOMAIN "cg-bundle-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-bundle-reader.h"

/* A local path where there is one, the URI otherwise: what messages name the file by */
char *
cg_bundle_dup_display_name (GFile *file)
{
  return cg_file_reader_dup_display_name (file);
}

static CgFileReader *
get_reader (void)
{
  static CgFileReader *reader = NULL;

  if (g_once_init_enter (&reader))
    g_once_init_leave (&reader, cg_file_reader_new (CG_BUNDLE_MAX_SIZE,
                                                    _("a bundle is an XML file")));

  return reader;
}

/**
 * cg_bundle_read_file:
 * @file: a file from disk, untrusted
 *
 * Reads a bundle's bytes: regular files only (never blocking on a named pipe), the size
 * checked before reading, and at most %CG_BUNDLE_MAX_SIZE + 1 bytes read.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set in the
 *   #CG_FILE_READER_ERROR domain
 */
GBytes *
cg_bundle_read_file (GFile   *file,
                     GError **error)
{
  return cg_file_reader_read (get_reader (), file, error);
}

/**
 * cg_bundle_read_fd:
 * @fd: an open descriptor to read to its end, such as standard input
 * @name: what to call it in messages
 *
 * Reads a bundle's bytes from a pipe or a redirected file, at most %CG_BUNDLE_MAX_SIZE + 1
 * bytes, as cg_bundle_read_file() does. @fd is not closed.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set in the
 *   #CG_FILE_READER_ERROR domain
 */
GBytes *
cg_bundle_read_fd (int          fd,
                   const char  *name,
                   GError     **error)
{
  return cg_file_reader_read_fd (get_reader (), fd, name, error);
}
