/* cg-chart-line.c: the line a clinician pastes into the chart to record the education given
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clinics must document patient education. One line says what was handed out, in the
 * interface language (the chart's, not the patient's):
 *
 *   Patient education: Calcinosis — Treatment (Spanish, large print), Calcinosis Guide
 *   patient information 1.0.0, printed 6 Dec 2026
 *
 * It is made from the request's sections, languages and print size only: never the note or
 * the patient fields, which the chart already holds in its own place.
 */

#define G_LOG_DOMAIN "cg-chart-line"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-bundle.h"
#include "cg-chart-line.h"
#include "cg-library.h"
#include "cg-section.h"
#include "cg-topic.h"

/* The content languages of the built-in bundles, named in the interface language; other
 * languages are named in their own (cg_language_get_name()). */
static const struct {
  const char *code;
  const char *name;
} local_names[] = {
  { "de", NC_("language", "German") },
  { "en", NC_("language", "English") },
  { "es", NC_("language", "Spanish") },
  { "fr", NC_("language", "French") },
};

/**
 * cg_language_get_local_name:
 * @language: a language code
 *
 * Returns: the language's name in the interface language if known, else in its own, else
 *   @language itself
 */
const char *
cg_language_get_local_name (const char *language)
{
  const char *name;

  g_return_val_if_fail (language != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (local_names); i++)
    if (g_str_equal (local_names[i].code, language))
      return g_dpgettext2 (GETTEXT_PACKAGE, "language", local_names[i].name);

  name = cg_language_get_name (language);

  return name != NULL ? name : language;
}

/* The section as the clinician reads it: in the interface language when it has one */
static CgSection *
get_local_section (CgLibrary *library,
                   CgSection *section)
{
  CgSection *local = cg_library_lookup_section (library, cg_library_get_default_language (library),
                                                cg_section_get_id (section));

  return local != NULL ? local : section;
}

/* "Calcinosis — Treatment, Causes; Clinic visit — Before your visit" */
static void
append_topics (GString   *line,
               CgLibrary *library,
               GPtrArray *sections)
{
  CgTopic *topic = NULL;

  for (guint i = 0; i < sections->len; i++)
    {
      CgSection *section = get_local_section (library, g_ptr_array_index (sections, i));
      CgTopic *section_topic = cg_section_get_topic (section);

      if (section_topic != topic)
        {
          if (topic != NULL)
            g_string_append (line, "; ");
          /* Translators: a topic then its sections in the chart line, e.g. "Calcinosis — Causes" */
          g_string_append_printf (line, _("%s — %s"),
                                  section_topic != NULL ? cg_topic_get_title (section_topic) : "",
                                  cg_section_get_title (section));
          topic = section_topic;
        }
      else
        g_string_append_printf (line, ", %s", cg_section_get_title (section));
    }
}

/* "Calcinosis Guide patient information 1.0.0", each source printed once */
static void
append_sources (GString   *line,
                CgLibrary *library,
                GPtrArray *sections)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; i < sections->len; i++)
    {
      CgSection *section = get_local_section (library, g_ptr_array_index (sections, i));
      CgTopic *topic = cg_section_get_topic (section);
      CgBundle *bundle = topic != NULL ? cg_topic_get_bundle (topic) : NULL;
      const char *source = bundle != NULL ? cg_bundle_get_source (bundle) : NULL;
      const char *version = bundle != NULL ? cg_bundle_get_content_version (bundle) : NULL;

      if (source == NULL || g_ptr_array_find (seen, bundle, NULL))
        continue;

      g_ptr_array_add (seen, bundle);
      g_string_append_printf (line, ", %s%s%s", source, version != NULL ? " " : "",
                              version != NULL ? version : "");
    }
}

/**
 * cg_chart_line_format:
 * @request: the handout made
 * @library: its content
 * @action: printed or saved
 * @date: (nullable): when; %NULL for now
 *
 * Returns: (transfer full): one line, no newline, in the interface language
 */
char *
cg_chart_line_format (CgHandoutRequest  *request,
                      CgLibrary         *library,
                      CgChartLineAction  action,
                      GDateTime         *date)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *day = NULL;
  const char *language;
  const char *second;

  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (request), NULL);
  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);

  if (date == NULL)
    date = now = g_date_time_new_now_local ();

  sections = cg_handout_request_list_sections (request, library);
  language = cg_handout_request_get_language (request);
  if (language == NULL)
    language = cg_library_get_default_language (library);
  second = cg_handout_request_get_second_language (request);

  /* Translators: how the chart line starts, before what was handed out */
  g_string_append (line, _("Patient education: "));
  append_topics (line, library, sections);

  g_string_append (details, cg_language_get_local_name (language));
  if (second != NULL && !g_str_equal (second, language))
    /* Translators: a bilingual handout in the chart line, e.g. "Spanish and English" */
    g_string_printf (details, _("%s and %s"), cg_language_get_local_name (language),
                     cg_language_get_local_name (second));
  if (cg_handout_request_get_large_print (request))
    /* Translators: after the language in the chart line, e.g. "(Spanish, large print)" */
    g_string_append_printf (details, ", %s", _("large print"));
  g_string_append_printf (line, " (%s)", details->str);

  append_sources (line, library, sections);

  /* Translators: the date in the chart line, strftime-style, e.g. "6 Dec 2026" */
  day = g_date_time_format (date, C_("chart line date", "%-d %b %Y"));
  g_string_append (line, ", ");
  if (action == CG_CHART_LINE_PRINTED)
    /* Translators: the end of the chart line; %s is a date */
    g_string_append_printf (line, _("printed %s"), day);
  else
    /* Translators: the end of the chart line; %s is a date */
    g_string_append_printf (line, _("saved as PDF %s"), day);

  return g_string_free (g_steal_pointer (&line), FALSE);
}
