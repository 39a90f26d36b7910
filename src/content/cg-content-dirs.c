/* cg-content-dirs.c: the data directories installed content (clinic bundles, handout sets)
 * is looked for in
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a host these are $XDG_DATA_HOME and $XDG_DATA_DIRS. Inside Flatpak the host's folders
 * are invisible, so a clinic ships its content as a Flatpak extension of the app
 * (io.github.calcinosisguide.Guide.Content.NAME), which Flatpak mounts at
 * /app/extensions/content/NAME; each one's share/ is searched as one more data directory,
 * after the system's, in name order.
 */

#define G_LOG_DOMAIN "cg-content-dirs"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "cg-content-dirs.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * cg_content_dirs_dup_data_dirs:
 * @extensions_dir: (nullable): where content extensions are mounted (CONTENT_EXTENSIONS_DIR),
 *   or %NULL for none
 *
 * Returns: (transfer full) (element-type filename): the data directories in order of
 *   precedence: $XDG_DATA_HOME, each of $XDG_DATA_DIRS, then EXTENSION/share for each
 *   extension in @extensions_dir, by name
 */
GPtrArray *
cg_content_dirs_dup_data_dirs (const char *extensions_dir)
{
  const char * const *system_dirs = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) extensions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_ptr_array_add (dirs, g_strdup (g_get_user_data_dir ()));
  for (guint i = 0; system_dirs[i] != NULL; i++)
    g_ptr_array_add (dirs, g_strdup (system_dirs[i]));

  /* Missing outside Flatpak, and inside until a clinic installs an extension */
  if (extensions_dir == NULL || !(dir = g_dir_open (extensions_dir, 0, NULL)))
    return dirs;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (extensions, g_build_filename (extensions_dir, name, "share", NULL));
  g_ptr_array_sort (extensions, compare_names);

  for (guint i = 0; i < extensions->len; i++)
    g_ptr_array_add (dirs, g_strdup (g_ptr_array_index (extensions, i)));

  return dirs;
}

/**
 * cg_content_dirs_list_files:
 * @dir: a folder of bundles or handout sets
 * @suffix: the file names' ending, e.g. ".xml"
 * @errors: (nullable) (element-type GError): where to add why the folder could not be read
 *
 * A folder that does not exist is not an error: most of the data folders have none.
 *
 * Returns: (transfer full) (element-type filename): the names ending in @suffix, hidden files
 *   left out, sorted so the order (and which duplicate wins) does not depend on the file system
 */
GPtrArray *
cg_content_dirs_list_files (GFile      *dir,
                            const char *suffix,
                            GPtrArray  *errors)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (enumerator == NULL)
    {
      /* Most of these directories do not exist, and need not */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY) && errors != NULL)
        g_ptr_array_add (errors, g_steal_pointer (&error));
      return g_steal_pointer (&names);
    }

  while ((info = g_file_enumerator_next_file (enumerator, NULL, &error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      /* Hidden files are editors' and package managers' leftovers */
      if (name[0] != '.' && g_str_has_suffix (name, suffix))
        g_ptr_array_add (names, g_strdup (name));
      g_object_unref (info);
    }

  if (error != NULL && errors != NULL)
    g_ptr_array_add (errors, g_steal_pointer (&error));

  g_ptr_array_sort (names, compare_names);

  return g_steal_pointer (&names);
}
