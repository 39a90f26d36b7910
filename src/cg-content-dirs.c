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
