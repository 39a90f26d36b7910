/* cg-bundle-input.c: a bundle named on the command line, from a file or standard input
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inside Flatpak the app sees none of the host's files but its own: `flatpak run …
 * --validate-bundle=riverside.xml` from the bundle's folder finds nothing there. "-" reads the
 * bundle from standard input, which the sandbox shares; a path the sandbox cannot see gets a
 * message that says so and names both ways out, instead of a bare "No such file or directory".
 */

#define G_LOG_DOMAIN "cg-bundle-input"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include "cg-bundle-input.h"
#include "cg-bundle-loader.h"
#include "cg-bundle-reader.h"
#include "cg-sandbox.h"

G_DEFINE_QUARK (cg-bundle-input-error-quark, cg_bundle_input_error)

/* The value for `flatpak run --filesystem=` that shares @argument's folder read-only, or %NULL
 * when the sandbox does see that folder (the file is then simply missing) or the file is there
 * after all. Flatpak starts the app in $HOME when the sandbox cannot see the folder the command
 * was typed in, so a relative path is named from "$PWD", which the user's shell fills in. */
static char *
dup_filesystem_option (const char *argument,
                       GKeyFile   *sandbox_info)
{
  g_autofree char *absolute = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *relative_folder = NULL;

  if (sandbox_info == NULL)
    return NULL;

  absolute = g_canonicalize_filename (argument, NULL);
  folder = g_path_get_dirname (absolute);
  if (g_file_test (absolute, G_FILE_TEST_EXISTS) || cg_sandbox_path_is_on_host (sandbox_info, folder))
    return NULL;

  if (g_path_is_absolute (argument))
    return g_strdup_printf ("%s:ro", folder);

  relative_folder = g_path_get_dirname (argument);
  if (g_str_equal (relative_folder, "."))
    return g_strdup ("\"$PWD:ro\"");
  return g_strdup_printf ("\"$PWD/%s:ro\"", relative_folder);
}

/**
 * cg_bundle_input_read:
 * @argument: the option's value: a path, or "-" for standard input
 * @option: the option's name without dashes ("validate-bundle", "bundle"), for messages
 * @sandbox_info: (nullable): the Flatpak sandbox's description (cg_sandbox_load_info()), or
 *   %NULL outside Flatpak
 * @display_name: (out): what to call the input in messages: the path, or "standard input"
 *
 * Reads the bundle's bytes as cg_bundle_read_file() does, or from standard input for "-" (a
 * pipe or a redirected file; never a terminal, which would wait for typing).
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set: in the #CG_BUNDLE_INPUT_ERROR
 *   domain for a terminal or a path the sandbox cannot see, else as cg_bundle_read_file() sets it
 */
GBytes *
cg_bundle_input_read (const char  *argument,
                      const char  *option,
                      GKeyFile    *sandbox_info,
                      char       **display_name,
                      GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *filesystem = NULL;
  GBytes *bytes;

  g_return_val_if_fail (argument != NULL, NULL);
  g_return_val_if_fail (option != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_str_equal (argument, "-"))
    {
      *display_name = g_strdup (_("standard input"));
      if (isatty (STDIN_FILENO))
        {
          g_set_error (error, CG_BUNDLE_INPUT_ERROR, CG_BUNDLE_INPUT_ERROR_TERMINAL,
                       /* Translators: %s is an option such as validate-bundle */
                       _("--%s=- reads the bundle from standard input, which is a terminal here; "
                         "redirect the file to it: --%s=- < FILE"), option, option);
          return NULL;
        }
      return cg_bundle_read_fd (STDIN_FILENO, *display_name, error);
    }

  *display_name = g_filename_display_name (argument);
  file = g_file_new_for_commandline_arg (argument);
  if ((bytes = cg_bundle_read_file (file, &local_error)) != NULL)
    return bytes;

  if (g_error_matches (local_error, CG_FILE_READER_ERROR, CG_FILE_READER_ERROR_READ) &&
      (filesystem = dup_filesystem_option (argument, sandbox_info)) != NULL)
    {
      g_set_error (error, CG_BUNDLE_INPUT_ERROR, CG_BUNDLE_INPUT_ERROR_NOT_IN_SANDBOX,
                   /* Translators: keep --%s=- and flatpak run --filesystem=%s as they are */
                   _("%s: the Flatpak sandbox cannot see this file; give it on standard input "
                     "with --%s=- < %s, or let the app see its folder with "
                     "flatpak run --filesystem=%s"),
                   *display_name, option, *display_name, filesystem);
      return NULL;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * cg_bundle_input_check_for_window:
 * @argument: the value of --bundle given alone
 * @sandbox_info: (nullable): as for cg_bundle_input_read()
 *
 * Whether the window can open @argument: a file, and one the sandbox sees. Standard input is
 * read by the command-line actions only: the window may be another, running instance.
 *
 * Returns: %TRUE, or %FALSE with @error set in the #CG_BUNDLE_INPUT_ERROR domain
 */
gboolean
cg_bundle_input_check_for_window (const char  *argument,
                                  GKeyFile    *sandbox_info,
                                  GError     **error)
{
  g_autofree char *filesystem = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (argument != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_str_equal (argument, "-"))
    {
      g_set_error_literal (error, CG_BUNDLE_INPUT_ERROR, CG_BUNDLE_INPUT_ERROR_WINDOW_STDIN,
                           _("--bundle=- reads standard input with --list-sections, --search, "
                             "--export-handout or --print; to open a bundle in the window, give "
                             "its file or use Open Bundle… (Ctrl+O)"));
      return FALSE;
    }

  if ((filesystem = dup_filesystem_option (argument, sandbox_info)) != NULL)
    {
      display_name = g_filename_display_name (argument);
      g_set_error (error, CG_BUNDLE_INPUT_ERROR, CG_BUNDLE_INPUT_ERROR_NOT_IN_SANDBOX,
                   /* Translators: keep flatpak run --filesystem=%s as it is */
                   _("%s: the Flatpak sandbox cannot see this file; open it with Open Bundle… "
                     "(Ctrl+O), or let the app see its folder with flatpak run --filesystem=%s"),
                   display_name, filesystem);
      return FALSE;
    }

  return TRUE;
}
