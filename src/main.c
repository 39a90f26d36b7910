/* main.c
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cg-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CgApplication) app = NULL;
  /* Set by `meson devenv` and the tests, so the build tree's translations are used */
  const char *localedir = g_getenv ("CG_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Done above: GTK would do it again and warn about a locale the C library lacks, even for
   * command-line runs that never open a window */
  gtk_disable_setlocale ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cg_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
