/* cg-bundle-keeper.c: keeps an opened bundle in the library for the next start
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle opened with Open Bundle… is gone at the next start, and a handout set naming its
 * sections with it. "Keep in Library" copies it into $XDG_DATA_HOME/calcinosis-guide/bundles,
 * where installed bundles are read from. The bytes copied are the bytes checked: the file is
 * read once, loaded as a bundle (every check the loader makes), and only then written, under
 * a temporary name renamed into place, so the library never sees half a bundle or a bundle
 * that would not load.
 */

#define G_LOG_DOMAIN "cg-bundle-keeper"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cg-bundle.h"
#include "cg-bundle-keeper.h"
#include "cg-installed-bundles.h"
#include "cg-bundle-loader.h"
#include "cg-library.h"
#include "cg-output-file.h"

static GBytes *
read_bundle (GFile   *file,
             GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!(info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                  G_FILE_QUERY_INFO_NONE, NULL, error)))
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) > CG_BUNDLE_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name */
                   _("%s: not a bundle file (a regular file of at most 8 MiB)"),
                   g_file_peek_path (file));
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/**
 * cg_bundle_keep_in_library:
 * @file: a bundle opened in this session
 *
 * Copies @file, once it loads as a bundle, into the user's folder of installed bundles under
 * its own name, replacing a bundle of that name.
 *
 * Returns: (transfer full): the copy, or %NULL with @error naming the file (and line) when it
 *   is not a valid bundle or cannot be written
 */
GFile *
cg_bundle_keep_in_library (GFile   *file,
                           GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), CG_LIBRARY_BUNDLES_SUBDIR, NULL);
  g_autofree char *basename = NULL;
  g_autofree char *target = NULL;
  g_autofree char *display = NULL;
  g_autoptr(CgBundle) bundle = NULL;
  g_autoptr(CgOutputFile) output = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const void *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display = g_file_get_parse_name (file);
  if (!(bytes = read_bundle (file, error)) ||
      !(bundle = cg_bundle_load_bytes (bytes, display, error)))
    return NULL;

  basename = g_file_get_basename (file);
  if (!g_str_has_suffix (basename, ".xml"))
    {
      /* Installed bundles are read from *.xml files only */
      g_autofree char *named = g_strconcat (basename, ".xml", NULL);

      g_free (basename);
      basename = g_steal_pointer (&named);
    }
  target = g_build_filename (dir, basename, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a folder, the second the reason */
                   _("Cannot create %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);
  if (!(output = cg_output_file_open (target, CG_OUTPUT_FILE_DEFAULT, error)) ||
      !cg_output_file_write (output, data, length, error) ||
      !cg_output_file_commit (output, error))
    return NULL;

  return g_file_new_for_path (target);
}
