/* cg-installed-bundles.c: reading the bundles IT installed in the data folders
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here touches a library: these functions run in worker threads as well as in the
 * caller's, and the library adds what they read on its own thread.
 */

#define G_LOG_DOMAIN "cg-installed-bundles"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-content-dirs.h"
#include "cg-installed-bundles.h"

static void
load_result_clear (gpointer data)
{
  CgLoadResult *result = data;

  g_clear_object (&result->bundle);
  g_clear_error (&result->error);
}

/* Returns: (transfer full) (element-type CgLoadResult): an empty array that frees its results */
GArray *
cg_load_results_new (void)
{
  GArray *results = g_array_new (FALSE, TRUE, sizeof (CgLoadResult));

  g_array_set_clear_func (results, load_result_clear);

  return results;
}

/**
 * cg_load_results_steal_errors:
 * @errors: (nullable) (element-type GError): where to move the errors of @results
 */
void
cg_load_results_steal_errors (GArray    *results,
                              GPtrArray *errors)
{
  g_return_if_fail (results != NULL);

  for (guint i = 0; i < results->len; i++)
    {
      CgLoadResult *result = &g_array_index (results, CgLoadResult, i);

      if (result->error != NULL && errors != NULL)
        g_ptr_array_add (errors, g_steal_pointer (&result->error));
    }
}

/**
 * cg_installed_bundles_dup_dirs:
 *
 * Returns: (transfer full) (element-type filename): where installed bundles are looked for, in
 *   order: $XDG_DATA_HOME/calcinosis-guide/bundles, then the same under each $XDG_DATA_DIRS,
 *   then under each Flatpak content extension (see cg-content-dirs.c)
 */
GPtrArray *
cg_installed_bundles_dup_dirs (void)
{
  g_autoptr(GPtrArray) data_dirs = cg_content_dirs_dup_data_dirs (CONTENT_EXTENSIONS_DIR);
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < data_dirs->len; i++)
    g_ptr_array_add (dirs, g_build_filename (g_ptr_array_index (data_dirs, i),
                                             CG_LIBRARY_BUNDLES_SUBDIR, NULL));

  return dirs;
}

/* Returns: (nullable): the identity of @file's inode, the same through any path or link */
char *
cg_installed_bundles_dup_file_id (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info ? g_strdup (g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE)) : NULL;
}

/* Most of these folders do not exist, and need not; one that exists but cannot be read (or a
 * $XDG_DATA_HOME that cannot) hides bundles someone installed: say so. Returns FALSE when the
 * folder is not to be read, with an error in @results if that needs saying. */
static gboolean
check_dir (const char *path,
           GArray     *results)
{
  GStatBuf st;
  int saved_errno = 0;

  if (g_stat (path, &st) != 0)
    saved_errno = errno;
  else if (!S_ISDIR (st.st_mode))
    saved_errno = ENOTDIR;
  else if (g_access (path, R_OK | X_OK) != 0)
    saved_errno = errno;

  if (saved_errno == 0)
    return TRUE;

  if (saved_errno != ENOENT)
    {
      /* Translators: the first %s is a folder, the second the system's reason */
      CgLoadResult result = { NULL, g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                                 _("%s: This bundles folder cannot be read: %s"),
                                                 path, g_strerror (saved_errno)) };
      g_array_append_val (results, result);
    }

  return FALSE;
}

static void
read_dir (GFile      *dir,
          GHashTable *seen,
          GArray     *results)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) dir_errors = g_ptr_array_new ();

  names = cg_content_dirs_list_files (dir, ".xml", dir_errors);
  for (guint j = 0; j < dir_errors->len; j++)
    {
      CgLoadResult result = { NULL, g_ptr_array_index (dir_errors, j) };
      g_array_append_val (results, result);
    }

  for (guint j = 0; j < names->len; j++)
    {
      g_autoptr(GFile) file = g_file_get_child (dir, g_ptr_array_index (names, j));
      g_autofree char *file_id = cg_installed_bundles_dup_file_id (file);
      CgLoadResult result = { NULL, NULL };

      if (g_hash_table_contains (seen, g_file_peek_path (file)) ||
          (file_id != NULL && !g_hash_table_add (seen, g_steal_pointer (&file_id))))
        continue;

      result.bundle = cg_bundle_load_file (file, &result.error);
      g_array_append_val (results, result);
    }
}

/**
 * cg_installed_bundles_read:
 * @seen: (element-type utf8): origins and file ids to skip; the files read are added to it
 * @results: (element-type CgLoadResult): where each file read goes, in file order
 *
 * Reads and validates every installed bundle not in @seen: each folder of
 * cg_installed_bundles_dup_dirs() in order, each folder's `*.xml` files in name order. A folder
 * or file seen twice (listed twice in $XDG_DATA_DIRS, a symbolic link) is read once.
 */
void
cg_installed_bundles_read (GHashTable *seen,
                           GArray     *results)
{
  g_autoptr(GPtrArray) dirs = cg_installed_bundles_dup_dirs ();

  g_return_if_fail (seen != NULL);
  g_return_if_fail (results != NULL);

  for (guint i = 0; i < dirs->len; i++)
    {
      const char *path = g_ptr_array_index (dirs, i);
      g_autoptr(GFile) dir = g_file_new_for_path (path);
      g_autofree char *dir_id = NULL;

      if (!check_dir (path, results))
        continue;

      dir_id = cg_installed_bundles_dup_file_id (dir);
      if (dir_id == NULL || !g_hash_table_add (seen, g_steal_pointer (&dir_id)))
        continue;

      read_dir (dir, seen, results);
    }
}
