/* cg-last-handout.c: the last handout made, offered (never applied) by Same as Last Handout
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is kept of a handout printed or saved: its sections, languages and print size — the
 * choice, never the patient. This is the only writer of those settings, and it reads nothing
 * else of the request: not the note, not "Prepared for", not "Next appointment".
 */

#define G_LOG_DOMAIN "cg-last-handout"

#include "config.h"

#include "cg-last-handout.h"
#include "cg-library.h"

/**
 * cg_last_handout_remember:
 * @settings: the app's settings
 * @request: the handout just printed or saved
 */
void
cg_last_handout_remember (GSettings        *settings,
                          CgHandoutRequest *request)
{
  const char *language;
  const char *second;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (request));

  language = cg_handout_request_get_language (request);
  second = cg_handout_request_get_second_language (request);
  g_settings_delay (settings);
  g_settings_set_strv (settings, "handout-sections", cg_handout_request_get_sections (request));
  g_settings_set_string (settings, "last-handout-language", language != NULL ? language : "");
  g_settings_set_string (settings, "last-handout-second-language", second != NULL ? second : "");
  g_settings_set_boolean (settings, "last-handout-large-print",
                          cg_handout_request_get_large_print (request));
  g_settings_apply (settings);
}

/* Whether a handout was made before, to offer */
gboolean
cg_last_handout_exists (GSettings *settings)
{
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  ids = g_settings_get_strv (settings, "handout-sections");

  return ids[0] != NULL;
}

/* A clinic section has a language of its own; a built-in one is in every language */
static gboolean
has_section (CgLibrary  *library,
             const char *section_id)
{
  return cg_library_get_section_language (library, section_id) != NULL ||
         cg_library_lookup_section (library, cg_library_get_languages (library)[0],
                                    section_id) != NULL;
}

/**
 * cg_last_handout_recall:
 * @library: the content now
 * @missing: receives the ids, comma-separated, of the sections the library no longer has (a
 *   bundle opened then and not kept)
 *
 * Returns: (transfer full): the last handout's choice, with the sections and languages the
 *   library still has; a language it lacks is left unset (%NULL)
 */
CgHandoutRequest *
cg_last_handout_recall (GSettings *settings,
                        CgLibrary *library,
                        GString   *missing)
{
  g_auto(GStrv) ids = NULL;
  g_autofree char *language = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GStrvBuilder) present = g_strv_builder_new ();
  g_auto(GStrv) present_ids = NULL;
  CgHandoutRequest *request;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (missing != NULL, NULL);

  ids = g_settings_get_strv (settings, "handout-sections");
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (has_section (library, ids[i]))
        g_strv_builder_add (present, ids[i]);
      else
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "", ids[i]);
    }
  present_ids = g_strv_builder_end (present);

  language = g_settings_get_string (settings, "last-handout-language");
  second = g_settings_get_string (settings, "last-handout-second-language");

  request = cg_handout_request_new ();
  cg_handout_request_set_sections (request, (const char * const *)present_ids);
  cg_handout_request_set_language (request, cg_library_has_language (library, language) ? language : NULL);
  cg_handout_request_set_second_language (request, cg_library_has_language (library, second) ? second : NULL);
  cg_handout_request_set_large_print (request, g_settings_get_boolean (settings, "last-handout-large-print"));

  return request;
}
