/* cg-sandbox.c: whether a file written inside a Flatpak sandbox is where the host will look
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inside Flatpak, /tmp, /var/tmp and everything not shared are the sandbox's own: a file
 * written to /tmp/handout.pdf lands in ~/.cache/.flatpak/APPID/tmp on the host, and one written
 * to an unshared folder of $HOME is lost with the sandbox. Only the folders the app is granted
 * (`--filesystem=` in the manifest or on `flatpak run`, listed in /.flatpak-info) and the
 * app's own ~/.var/app/APPID appear on the host at the same path. The command line asks here
 * before writing, so a handout never silently goes somewhere else.
 */

#define G_LOG_DOMAIN "cg-sandbox"

#include "config.h"

#include <string.h>

#include "cg-sandbox.h"

/**
 * cg_sandbox_load_info:
 * @info_path: CG_SANDBOX_INFO_PATH, or a test's copy
 *
 * Returns: (transfer full) (nullable): the sandbox's description, or %NULL when not running
 *   inside Flatpak
 */
GKeyFile *
cg_sandbox_load_info (const char *info_path)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();

  g_return_val_if_fail (info_path != NULL, NULL);

  if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
    return NULL;

  return g_steal_pointer (&info);
}

static gboolean
is_within (const char *path,
           const char *dir)
{
  size_t length;

  if (dir == NULL || *dir == '\0')
    return FALSE;

  length = strlen (dir);
  while (length > 1 && dir[length - 1] == '/')
    length--;

  return strncmp (path, dir, length) == 0 && (path[length] == '\0' || path[length] == '/' ||
                                              (length == 1 && dir[0] == '/'));
}

/* `--filesystem=xdg-download/Handouts` and the like: the host's folder of that name */
static char *
dup_xdg_folder (const char *name)
{
  static const struct {
    const char *name;
    GUserDirectory directory;
  } user_dirs[] = {
    { "xdg-desktop", G_USER_DIRECTORY_DESKTOP },
    { "xdg-documents", G_USER_DIRECTORY_DOCUMENTS },
    { "xdg-download", G_USER_DIRECTORY_DOWNLOAD },
    { "xdg-music", G_USER_DIRECTORY_MUSIC },
    { "xdg-pictures", G_USER_DIRECTORY_PICTURES },
    { "xdg-public-share", G_USER_DIRECTORY_PUBLIC_SHARE },
    { "xdg-templates", G_USER_DIRECTORY_TEMPLATES },
    { "xdg-videos", G_USER_DIRECTORY_VIDEOS },
  };
  /* Inside the sandbox XDG_CONFIG_HOME and friends point into ~/.var/app: these are the
   * host's defaults, which is what the permission names. */
  static const struct {
    const char *name;
    const char *home_relative;
  } base_dirs[] = {
    { "xdg-config", ".config" },
    { "xdg-data", ".local/share" },
    { "xdg-cache", ".cache" },
  };
  const char *slash = strchr (name, '/');
  g_autofree char *prefix = g_strndup (name, slash ? (gsize)(slash - name) : strlen (name));
  const char *base = NULL;
  g_autofree char *home_base = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (user_dirs) && base == NULL; i++)
    if (g_str_equal (prefix, user_dirs[i].name))
      base = g_get_user_special_dir (user_dirs[i].directory);

  for (guint i = 0; i < G_N_ELEMENTS (base_dirs) && base == NULL; i++)
    if (g_str_equal (prefix, base_dirs[i].name))
      base = home_base = g_build_filename (g_get_home_dir (), base_dirs[i].home_relative, NULL);

  if (base == NULL)
    return NULL;

  return g_build_filename (base, slash, NULL);
}

/* Where `host` does not reach: the sandbox's own copies, or nothing at all */
static gboolean
is_reserved_by_flatpak (const char *path)
{
  static const char * const reserved[] = {
    "/app", "/bin", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/proc", "/root", "/run",
    "/sbin", "/sys", "/tmp", "/usr", "/var",
  };

  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    if (is_within (path, reserved[i]))
      return TRUE;

  return FALSE;
}

static gboolean
filesystem_shares (const char *filesystem,
                   const char *path)
{
  g_autofree char *name = g_strdup (filesystem);
  g_autofree char *folder = NULL;
  char *mode;

  /* "home:ro", "~/Handouts:create": the mode does not change where the folder is */
  if ((mode = strrchr (name, ':')) != NULL)
    *mode = '\0';

  if (g_str_equal (name, "host"))
    return !is_reserved_by_flatpak (path) || is_within (path, g_get_home_dir ());
  if (g_str_equal (name, "home"))
    return is_within (path, g_get_home_dir ());
  if (g_str_has_prefix (name, "~/"))
    folder = g_build_filename (g_get_home_dir (), name + 2, NULL);
  else if (name[0] == '/')
    folder = g_strdup (name);
  else if (g_str_has_prefix (name, "xdg-"))
    folder = dup_xdg_folder (name);

  return is_within (path, folder);
}

/**
 * cg_sandbox_path_is_on_host:
 * @info: the sandbox's description (cg_sandbox_load_info())
 * @path: an absolute path, symbolic links resolved, as seen inside the sandbox
 *
 * Returns: whether a file at @path is the host's file at the same path
 */
gboolean
cg_sandbox_path_is_on_host (GKeyFile   *info,
                            const char *path)
{
  g_auto(GStrv) filesystems = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *app_data = NULL;
  g_autofree char *documents = NULL;

  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (path != NULL && g_path_is_absolute (path), FALSE);

  /* The app's own data folder and the document portal's files are the same on both sides */
  if ((app_id = g_key_file_get_string (info, "Application", "name", NULL)) != NULL)
    {
      app_data = g_build_filename (g_get_home_dir (), ".var", "app", app_id, NULL);
      if (is_within (path, app_data))
        return TRUE;
    }
  documents = g_build_filename (g_get_user_runtime_dir (), "doc", NULL);
  if (is_within (path, documents))
    return TRUE;

  filesystems = g_key_file_get_string_list (info, "Context", "filesystems", NULL, NULL);
  for (guint i = 0; filesystems != NULL && filesystems[i] != NULL; i++)
    {
      /* "!home" takes away; a path it covers is not counted as shared by the others either */
      if (filesystems[i][0] == '!' && filesystem_shares (filesystems[i] + 1, path))
        return FALSE;
    }
  for (guint i = 0; filesystems != NULL && filesystems[i] != NULL; i++)
    if (filesystems[i][0] != '!' && filesystem_shares (filesystems[i], path))
      return TRUE;

  return FALSE;
}
