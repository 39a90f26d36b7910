/* cg-source-list.c: every source of the library, as the About dialog lists it
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A clinician asked "where does this text come from, and how old is it?" reads one line per
 * source: its name, content version, review date and how it came into the library — built
 * in, installed for the clinic, or opened this session — in the interface language.
 */

#define G_LOG_DOMAIN "cg-source-list"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-bundle.h"
#include "cg-installed-bundles.h"
#include "cg-library.h"
#include "cg-source-list.h"

/* Whether @bundle was read from a folder of installed bundles rather than opened */
static gboolean
is_installed (CgBundle  *bundle,
              GPtrArray *dirs)
{
  const char *origin = cg_bundle_get_origin (bundle);

  for (guint i = 0; i < dirs->len; i++)
    {
      g_autofree char *prefix = g_build_filename (g_ptr_array_index (dirs, i), "", NULL);

      if (g_str_has_prefix (origin, prefix))
        return TRUE;
    }

  return FALSE;
}

static void
append_source (GString    *list,
               CgBundle   *bundle,
               const char *how)
{
  GDateTime *reviewed_on = cg_bundle_get_reviewed_on (bundle);
  const char *version = cg_bundle_get_content_version (bundle);
  g_autofree char *day = NULL;

  if (list->len > 0)
    g_string_append_c (list, '\n');

  if (reviewed_on != NULL)
    {
      /* Translators: a short date, strftime-style, e.g. "6 Dec 2026" */
      day = g_date_time_format (reviewed_on, C_("chart line date", "%-d %b %Y"));
      /* Translators: a source in the About dialog: name, content version, review date, and
       * how it came into the library (built in, installed, opened) */
      g_string_append_printf (list, _("%s, content version %s, reviewed %s (%s)"),
                              cg_bundle_get_source (bundle), version != NULL ? version : "?",
                              day, how);
    }
  else
    /* Translators: a source in the About dialog without a review date */
    g_string_append_printf (list, _("%s, content version %s (%s)"),
                            cg_bundle_get_source (bundle), version != NULL ? version : "?", how);
}

/**
 * cg_source_list_format:
 * @library: the content
 * @language: the language whose built-in content is listed
 *
 * Returns: (transfer full): one line per source, built-in first, then installed and opened
 *   bundles in the order they were added
 */
char *
cg_source_list_format (CgLibrary  *library,
                       const char *language)
{
  g_autoptr(GPtrArray) dirs = cg_installed_bundles_dup_dirs ();
  GString *list = g_string_new (NULL);
  CgBundle *builtin;

  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);

  if ((builtin = cg_library_get_bundle (library, language, NULL)))
    /* Translators: how a source came into the library, in the About dialog */
    append_source (list, builtin, C_("source", "built-in"));

  for (guint i = 0; i < cg_library_get_n_extra_bundles (library); i++)
    {
      CgBundle *bundle = cg_library_get_extra_bundle (library, i);

      append_source (list, bundle, is_installed (bundle, dirs)
                                   /* Translators: a bundle installed for the clinic */
                                   ? C_("source", "installed")
                                   /* Translators: a bundle opened in this session */
                                   : C_("source", "opened"));
    }

  return g_string_free (list, FALSE);
}
