/* cg-command-line-export.c: --export-handout and --print, a facet of the command line
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The handout the options describe, checked against the library, laid out and written to a
 * file (or standard output) or sent to a printer, then the chart line if asked for.
 */

#define G_LOG_DOMAIN "cg-command-line"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "cg-bundle.h"
#include "cg-chart-line.h"
#include "cg-command-line.h"
#include "cg-command-line-private.h"
#include "cg-handout-layout.h"
#include "cg-library.h"
#include "cg-print-operation.h"
#include "cg-sandbox.h"
#include "cg-section.h"
#include "cg-terminal-text.h"
#include "cg-topic.h"

/* FILE.pdf, or "-" for standard output (so `--export-handout=- | lp` prints a handout), where
 * nothing but the PDF is written then */
static int
write_handout (CgHandoutLayout *layout,
               const char      *filename)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (filename, "-"))
    {
      g_autoptr(CgOutputFile) output = NULL;

      if (isatty (STDOUT_FILENO))
        return cg_terminal_fail ("%s", _("Standard output is a terminal; send the PDF to a file or a "
                             "program, e.g. “--export-handout=- | lp”"));

      output = cg_output_file_new_for_fd (STDOUT_FILENO, _("standard output"));
      if (!cg_handout_layout_write_pdf (layout, output, &error))
        return cg_terminal_fail ("%s", error->message);

      return 0;
    }

  if (!cg_handout_layout_export_pdf (layout, filename, &error))
    return cg_terminal_fail ("%s", error->message);

  return 0;
}

/* A section with no text in @language is refused, never printed in another language. */
static int
check_section_language (CgLibrary  *library,
                        CgSection  *section,
                        const char *language)
{
  const char *name = cg_language_get_name (language);

  if (cg_library_section_has_language (library, cg_section_get_id (section), language))
    return 0;

  /* Translators: “Section “ID” has no text in LANGUAGE-NAME (LANG); …” */
  return cg_terminal_fail (_("Section “%s” has no text in %s (%s); leave it out or choose its language"),
               cg_section_get_id (section), name != NULL ? name : language, language);
}

static void
on_sent_to_printer_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* --print: the printing system's own queue, so a script or a launcher can print a handout.
 * GTK's print backends need GTK initialised, hence a display. */
static int
print_handout (CgHandoutLayout *layout,
               const char      *printer_name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (*printer_name == '\0')
    return cg_terminal_fail ("%s", _("No printer given to --print"));

  if (!gtk_init_check ())
    return cg_terminal_fail ("%s", _("Printing needs a display; use --export-handout to write a PDF instead"));

  cg_print_operation_send_to_printer_async (layout, printer_name, NULL, on_sent_to_printer_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (!cg_print_operation_send_to_printer_finish (result, &error))
    return cg_terminal_fail ("%s", error->message);

  return 0;
}

/* Inside Flatpak a path the app was not given is the sandbox's own (/tmp, an unshared folder
 * of $HOME): the file would land elsewhere on the host, or nowhere. Refuse it before writing
 * and say what works instead. */
static int
check_export_reaches_host (const char *filename)
{
  g_autoptr(GKeyFile) info = cg_sandbox_load_info (CG_SANDBOX_INFO_PATH);
  g_autofree char *absolute = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *resolved = NULL;

  if (info == NULL || g_str_equal (filename, "-"))
    return 0;

  absolute = g_canonicalize_filename (filename, NULL);
  dir = g_path_get_dirname (absolute);
  /* Symbolic links resolved: a link in a shared folder may point into the sandbox */
  if ((resolved = realpath (dir, NULL)) == NULL)
    resolved = g_strdup (dir);

  if (!cg_sandbox_path_is_on_host (info, resolved))
    /* Translators: keep --export-handout=- and flatpak run --filesystem= as they are */
    return cg_terminal_fail (_("%s would stay inside the Flatpak sandbox, where nothing outside sees it; "
                   "write to standard output with --export-handout=- or allow the folder with "
                   "flatpak run --filesystem=%s"), filename, dir);

  return 0;
}

/* --chart-line: what was handed out, one line on standard output, as the builder's Copy
 * Chart Line gives it; never the notes */
static void
print_chart_line (CgLibrary         *library,
                  const char        *language,
                  const char        *second_language,
                  GVariantDict      *options,
                  GStrvBuilder      *printed,
                  CgChartLineAction  action)
{
  g_autoptr(CgHandoutRequest) request = cg_handout_request_new ();
  g_auto(GStrv) ids = g_strv_builder_end (printed);
  g_autofree char *line = NULL;

  cg_handout_request_set_sections (request, (const char * const *)ids);
  cg_handout_request_set_language (request, language);
  cg_handout_request_set_second_language (request, second_language);
  cg_handout_request_set_large_print (request, g_variant_dict_contains (options, "large-print"));
  line = cg_chart_line_format (request, library, action, NULL);
  cg_terminal_print (stdout, "%s\n", line);
}

/* --second-language: a language of the library, other than the handout's */
static int
get_second_bundle (CgLibrary   *library,
                   const char  *language,
                   const char  *second_language,
                   CgBundle   **second_bundle)
{
  g_autoptr(GError) error = NULL;

  if (!cg_library_has_language (library, second_language))
    {
      g_autofree char *available = g_strjoinv (", ", (char **)cg_library_get_languages (library));

      return cg_terminal_fail (_("Unknown language “%s”; available: %s"), second_language, available);
    }
  if (g_str_equal (second_language, language))
    return cg_terminal_fail (_("The second language “%s” is the handout’s language; choose another"),
                 second_language);
  if (!(*second_bundle = cg_library_get_bundle (library, second_language, &error)))
    return cg_terminal_fail ("%s", error->message);

  return 0;
}

/* A chosen section with no text in a handout language is refused, never printed in another */
static int
check_chosen_languages (CgLibrary  *library,
                        GHashTable *chosen,
                        const char *language,
                        const char *second_language)
{
  GHashTableIter iter;
  gpointer id;
  int status;

  g_hash_table_iter_init (&iter, chosen);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      CgSection *section = cg_library_lookup_section (library, language, id);

      if ((status = check_section_language (library, section, language)) != 0 ||
          (second_language != NULL &&
           (status = check_section_language (library, section, second_language)) != 0))
        return status;
    }

  return 0;
}

/* The chosen sections (all those in the handout's languages if none were chosen), in library
 * order, into @layout; their ids into @printed, for the chart line */
static void
add_sections (CgHandoutLayout *layout,
              CgLibrary       *library,
              GPtrArray       *topics,
              GHashTable      *chosen,
              const char      *language,
              const char      *second_language,
              GStrvBuilder    *printed)
{
  for (guint i = 0; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        {
          CgSection *section = cg_topic_get_section (topic, j);
          const char *id = cg_section_get_id (section);

          if (chosen != NULL ? !g_hash_table_contains (chosen, id)
                             : !cg_library_section_has_language (library, id, language) ||
                               (second_language != NULL &&
                                !cg_library_section_has_language (library, id, second_language)))
            continue;

          g_strv_builder_add (printed, id);
          if (second_language != NULL)
            cg_handout_layout_add_bilingual_section (layout, section,
                                                     cg_library_lookup_section (library,
                                                                                second_language,
                                                                                id));
          else
            cg_handout_layout_add_section (layout, section);
        }
    }
}

/* --export-handout and --print: the same pages the handout builder prints, from the same
 * library (the built-in content in @language, then installed and --bundle bundles), in
 * library order. Without --sections, the sections with text in the handout's language(s). */
int
_cg_command_line_run_export_handout (CgLibrary    *library,
                                     const char   *language,
                                     GVariantDict *options)
{
  g_autoptr(GHashTable) chosen = NULL;
  g_autoptr(CgHandoutLayout) layout = NULL;
  g_autoptr(GStrvBuilder) printed = g_strv_builder_new ();
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;
  const char *filename = NULL;
  const char *printer_name = NULL;
  const char *text = NULL;
  const char *second_language = NULL;
  CgBundle *second_bundle = NULL;
  CgPaper paper = cg_paper_get_default ();
  CgBundle *bundle;
  int status;

  if (!g_variant_dict_lookup (options, "print", "&s", &printer_name) &&
      (!g_variant_dict_lookup (options, "export-handout", "^&ay", &filename) || *filename == '\0'))
    return cg_terminal_fail ("%s", _("No file name given to --export-handout"));

  if (filename != NULL && check_export_reaches_host (filename) != 0)
    return CG_EXIT_BAD_INPUT;

  if (!(bundle = cg_library_get_bundle (library, language, &error)) ||
      !(topics = cg_library_list_topics (library, language, &error)))
    return cg_terminal_fail ("%s", error->message);

  if (g_variant_dict_lookup (options, "second-language", "&s", &second_language) &&
      (status = get_second_bundle (library, language, second_language, &second_bundle)) != 0)
    return status;

  if (g_variant_dict_lookup (options, "paper", "&s", &text) && !cg_paper_from_string (text, &paper))
    return cg_terminal_fail (_("Unknown paper size “%s”; use a4 or letter"), text);

  if ((status = _cg_command_line_choose_sections (library, language, options, &chosen)) != 0)
    return status;

  if (chosen != NULL &&
      (status = check_chosen_languages (library, chosen, language, second_language)) != 0)
    return status;

  layout = cg_handout_layout_new (bundle);
  if (second_bundle != NULL)
    cg_handout_layout_set_second_language (layout, second_bundle);
  cg_handout_layout_set_paper (layout, paper);
  cg_handout_layout_set_large_print (layout, g_variant_dict_contains (options, "large-print"));
  if (g_variant_dict_lookup (options, "notes", "&s", &text))
    cg_handout_layout_set_note (layout, text);
  if (g_variant_dict_lookup (options, "clinic", "&s", &text))
    cg_handout_layout_set_clinic_header (layout, text);

  add_sections (layout, library, topics, chosen, language, second_language, printed);

  status = printer_name != NULL ? print_handout (layout, printer_name)
                                : write_handout (layout, filename);
  if (status == 0 && g_variant_dict_contains (options, "chart-line"))
    print_chart_line (library, language, second_language, options, printed,
                      printer_name != NULL ? CG_CHART_LINE_PRINTED : CG_CHART_LINE_SAVED);

  return status;
}
