/* cg-command-line.c: the options that answer on stdout and never open a window
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scripts, batch export and tests use the same binary as the window. Every action here runs
 * without a display; bad input prints one line naming what was wrong and exits 2.
 */

#define G_LOG_DOMAIN "cg-command-line"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "cg-bundle.h"
#include "cg-bundle-input.h"
#include "cg-bundle-loader.h"
#include "cg-bundle-reader.h"
#include "cg-command-line.h"
#include "cg-command-line-private.h"
#include "cg-handout-layout.h"
#include "cg-handout-set.h"
#include "cg-library.h"
#include "cg-print-operation.h"
#include "cg-reading-level.h"
#include "cg-sandbox.h"
#include "cg-search-fold.h"
#include "cg-chart-line.h"
#include "cg-handout-request.h"
#include "cg-search-index.h"
#include "cg-search-results.h"
#include "cg-section.h"
#include "cg-terminal-text.h"
#include "cg-text-limits.h"
#include "cg-topic.h"

static const GOptionEntry entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "list-sections", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the id and title of every section, one a line"), NULL },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the sections matching QUERY, best first"), N_("QUERY") },
  { "export-handout", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a handout to FILE.pdf, or to standard output for -"), N_("FILE.pdf") },
  { "print", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print a handout on PRINTER, without a dialog"), N_("PRINTER") },
  { "sections", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Sections of the handout, comma-separated (default: all)"), N_("ID,ID…") },
  { "notes", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Notes from the care team to print on the handout"), N_("TEXT") },
  { "clinic", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Clinic header to print on the handout"), N_("TEXT") },
  { "large-print", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the handout in large print"), NULL },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Paper size of the handout: a4 or letter"), N_("SIZE") },
  { "second-language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print each section a second time in this language (en, es, fr, de)"), N_("LANG") },
  { "validate-bundle", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a content bundle and report every problem"), N_("FILE") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Content language (en, es, fr, de)"), N_("LANG") },
  { "bundle", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Add this content bundle to the library (open it in a window when given alone)"), N_("FILE") },
  { "handout-set", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Start the handout from this handout set; other options override it"), N_("ID") },
  { "list-handout-sets", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the id and name of every handout set, one a line"), NULL },
  { "reading-level", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the reading level of each section (--sections, --language), then of them all"), NULL },

  { "chart-line", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-handout=FILE or --print, print a line for the patient's chart saying what was handed out"), NULL },
  { NULL }
};

/* Text options are declared G_OPTION_ARG_STRING above but registered as bytes, so GOption never
 * converts them through the locale's character set (which fails under LC_ALL=C, as cron and
 * systemd run scripts); decode_text_options() turns them into UTF-8 strings. */
const GOptionEntry *
cg_command_line_get_entries (void)
{
  static GOptionEntry *registered = NULL;

  if (g_once_init_enter (&registered))
    {
      GOptionEntry *copy = g_memdup2 (entries, sizeof entries);

      for (guint i = 0; copy[i].long_name != NULL; i++)
        if (copy[i].arg == G_OPTION_ARG_STRING)
          copy[i].arg = G_OPTION_ARG_FILENAME;

      g_once_init_leave (&registered, copy);
    }

  return registered;
}

/* An argument as UTF-8: converted from the locale's character set where that works, taken as
 * UTF-8 where the locale cannot represent it (LC_ALL=C), else %NULL. */
static char *
decode_argument (const char *bytes)
{
  char *text;

  if (g_get_charset (NULL))
    return g_utf8_validate (bytes, -1, NULL) ? g_strdup (bytes) : NULL;

  if ((text = g_locale_to_utf8 (bytes, -1, NULL, NULL, NULL)) != NULL)
    return text;

  return g_utf8_validate (bytes, -1, NULL) ? g_strdup (bytes) : NULL;
}

/* Replaces each text option's bytes in @options with a UTF-8 string ("s"), so the actions read
 * every text option with "&s". Returns the exit status of a failure, or 0. */
static int
decode_text_options (GVariantDict *options)
{
  for (guint i = 0; entries[i].long_name != NULL; i++)
    {
      g_autofree char *text = NULL;
      const char *bytes = NULL;

      if (entries[i].arg != G_OPTION_ARG_STRING ||
          !g_variant_dict_lookup (options, entries[i].long_name, "^&ay", &bytes))
        continue;

      if (!(text = decode_argument (bytes)))
        /* Translators: %s is an option such as --notes */
        return cg_terminal_fail (_("The value of --%s is not valid text; use UTF-8"), entries[i].long_name);

      g_variant_dict_insert (options, entries[i].long_name, "s", text);
    }

  return 0;
}

/* Installed bundles that could not be added are the administrator's to fix: one line each on
 * stderr, and the command goes on with the rest of the library, as the window does. */
static void
report_installed_problems (GPtrArray *errors)
{
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);
      g_autofree char *line = NULL;

      if (error->domain == CG_BUNDLE_ERROR)
        /* Translators: %s is "FILE:LINE: problem" */
        line = g_strdup_printf (_("Installed bundle not used: %s"), error->message);
      else
        line = g_strdup (error->message);
      cg_terminal_print (stderr, "%s: %s\n", PACKAGE_NAME, line);
    }
}

/* The library the window shows: the built-in content, the installed bundles, and --bundle. */
static CgLibrary *
open_library (GVariantDict  *options,
              gboolean       report_problems,
              GError       **error)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  const char *bundle_path = NULL;

  cg_library_load_installed (library, problems);
  if (report_problems)
    report_installed_problems (problems);

  if (g_variant_dict_lookup (options, "bundle", "^&ay", &bundle_path))
    {
      g_autoptr(GKeyFile) sandbox_info = cg_sandbox_load_info (CG_SANDBOX_INFO_PATH);
      g_autofree char *display_name = NULL;
      g_autoptr(CgBundle) bundle = NULL;
      g_autoptr(GBytes) bytes = NULL;

      /* A file, or standard input for "-" */
      if (!(bytes = cg_bundle_input_read (bundle_path, "bundle", sandbox_info, &display_name, error)) ||
          !(bundle = cg_bundle_load_bytes (bytes, display_name, error)) ||
          !cg_library_add_bundle (library, bundle, error))
        return NULL;
    }

  return g_steal_pointer (&library);
}

/* --language, or the interface language's content */
static const char *
choose_language (CgLibrary     *library,
                 GVariantDict  *options,
                 GError       **error)
{
  const char *language = NULL;

  if (!g_variant_dict_lookup (options, "language", "&s", &language))
    return cg_library_get_default_language (library);

  if (!cg_library_has_language (library, language))
    {
      g_autofree char *available = g_strjoinv (", ", (char **)cg_library_get_languages (library));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Unknown language “%s”; available: %s"), language, available);
      return NULL;
    }

  return language;
}

/* --validate-bundle: what the window would do with the file. A file that cannot be read at all
 * is bad input (exit 2); a bundle the app would refuse, by the schema or because its ids are
 * taken in the library it would join, is invalid (exit 1). */
static int
run_validate_bundle (const char   *filename,
                     GVariantDict *options)
{
  g_autoptr(GKeyFile) sandbox_info = cg_sandbox_load_info (CG_SANDBOX_INFO_PATH);
  g_autofree char *display_name = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(CgLibrary) library = NULL;
  g_autoptr(CgBundle) bundle = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* A file, or standard input for "-" */
  if (!(bytes = cg_bundle_input_read (filename, "validate-bundle", sandbox_info, &display_name, &error)))
    {
      if (g_error_matches (error, CG_FILE_READER_ERROR, CG_FILE_READER_ERROR_TOO_LARGE))
        {
          cg_terminal_print (stderr, "%s\n", error->message);
          return 1;
        }
      return cg_terminal_fail ("%s", error->message);
    }

  diagnostics = cg_bundle_check_bytes (bytes, display_name);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const CgBundleDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (diagnostic->line > 0)
        cg_terminal_print (stderr, "%s:%u: %s\n", display_name, diagnostic->line, diagnostic->message);
      else
        cg_terminal_print (stderr, "%s: %s\n", display_name, diagnostic->message);
    }

  if (diagnostics->len > 0)
    return 1;

  if (!(library = open_library (options, FALSE, &error)))
    return cg_terminal_fail ("%s", error->message);

  if (!(bundle = cg_bundle_load_bytes (bytes, display_name, &error)) ||
      !cg_library_check_bundle (library, bundle, &error))
    {
      cg_terminal_print (stderr, "%s\n", error->message);
      return 1;
    }

  /* Translators: %s is a file name */
  cg_terminal_print (stdout, _("%s: valid bundle\n"), display_name);

  return 0;
}

static int
run_list_sections (CgLibrary  *library,
                   const char *language)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;

  if (!(topics = cg_library_list_topics (library, language, &error)))
    return cg_terminal_fail ("%s", error->message);

  for (guint i = 0; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        {
          CgSection *section = cg_topic_get_section (topic, j);

          cg_terminal_print (stdout, "%s\t%s\n", cg_section_get_id (section), cg_section_get_title (section));
        }
    }

  return 0;
}

/* --search: one line per hit, best first, as "ID<TAB>snippet"; exit 1 when nothing matches. */
static int
run_search (CgLibrary  *library,
            const char *language,
            const char *query)
{
  g_autoptr(CgSearchIndex) index = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(CgSearchResults) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = cg_search_fold (query, -1, NULL);
  GPtrArray *hits;

  /* Blank or punctuation only: there is nothing to look for, which is not "no results" */
  if (*folded == '\0')
    return cg_terminal_fail ("%s", _("The search query has no words to search for"));

  if (!(topics = cg_library_list_topics (library, language, &error)))
    return cg_terminal_fail ("%s", error->message);

  index = cg_search_index_new (topics);
  results = cg_search_index_search (index, query, 0, CG_SEARCH_DEFAULT);
  hits = cg_search_results_get_hits (results);

  /* On stderr, so the output stays one hit a line */
  if (cg_search_results_get_corrected_query (results) != NULL)
    {
      /* Translators: on the command line, when misspelt words were corrected to find results */
      g_autofree char *note = g_strdup_printf (_("showing results for “%s”"),
                                               cg_search_results_get_corrected_query (results));

      cg_terminal_print (stderr, "%s: %s\n", PACKAGE_NAME, note);
    }

  for (guint i = 0; i < hits->len; i++)
    {
      CgSearchHit *hit = g_ptr_array_index (hits, i);

      cg_terminal_print (stdout, "%s\t%s\n",
                  cg_section_get_id (cg_search_hit_get_section (hit)),
                  cg_search_hit_get_snippet (hit));
    }

  return hits->len > 0 ? 0 : 1;
}

/* --sections=ID,ID: the chosen section ids as a set, or %NULL for every section. An empty list
 * is refused like the builder's "nothing ticked". Returns the exit status of a failure, or 0. */
int
_cg_command_line_choose_sections (CgLibrary     *library,
                                  const char    *language,
                                  GVariantDict  *options,
                                  GHashTable   **out_chosen)
{
  g_autoptr(GHashTable) chosen = NULL;
  g_auto(GStrv) ids = NULL;
  const char *text = NULL;

  *out_chosen = NULL;
  if (!g_variant_dict_lookup (options, "sections", "&s", &text))
    return 0;

  ids = g_strsplit (text, ",", -1);
  chosen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      CgSection *section;

      if (*g_strstrip (ids[i]) == '\0')
        continue;
      if (!(section = cg_library_lookup_section (library, language, ids[i])))
        return cg_terminal_fail (_("Unknown section “%s”; --list-sections shows them"), ids[i]);
      g_hash_table_add (chosen, (gpointer)cg_section_get_id (section));
    }

  if (g_hash_table_size (chosen) == 0)
    return cg_terminal_fail ("%s", _("No sections given to --sections; name at least one, or leave the "
                         "option out to print every section"));

  *out_chosen = g_steal_pointer (&chosen);

  return 0;
}

/* --reading-level: "ID<TAB>Title<TAB>level" a section, then the whole handout's line */
static int
run_reading_level (CgLibrary    *library,
                   const char   *language,
                   GVariantDict *options)
{
  g_autoptr(GHashTable) chosen = NULL;
  g_autoptr(CgReadingLevel) level = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  int status;

  if ((status = _cg_command_line_choose_sections (library, language, options, &chosen)) != 0)
    return status;
  if (!(level = cg_reading_level_new_for_library (library, language, chosen, &error)))
    return cg_terminal_fail ("%s", error->message);
  report = cg_reading_level_dup_report (level);
  cg_terminal_print (stdout, "%s", report);

  return 0;
}

/* Handout sets whose files cannot be read are reported, the way the window's banner does,
 * and the others still used. */
static GPtrArray *
load_handout_sets (void)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  GPtrArray *sets = cg_handout_set_load_all (errors);

  for (guint i = 0; i < errors->len; i++)
    cg_terminal_print (stderr, "%s: %s\n", PACKAGE_NAME,
                       ((GError *)g_ptr_array_index (errors, i))->message);

  return sets;
}

/* --list-handout-sets: "ID<TAB>Name", in the order the builder lists them. */
static int
run_list_handout_sets (void)
{
  g_autoptr(GPtrArray) sets = load_handout_sets ();

  for (guint i = 0; i < sets->len; i++)
    {
      CgHandoutSet *set = g_ptr_array_index (sets, i);

      cg_terminal_print (stdout, "%s\t%s\n", cg_handout_set_get_id (set), cg_handout_set_get_name (set));
    }

  return 0;
}

static void
insert_default (GVariantDict *options,
                const char   *key,
                const char   *value)
{
  if (value != NULL && !g_variant_dict_contains (options, key))
    g_variant_dict_insert (options, key, "s", value);
}

/* --handout-set=ID: the set's choices become the options the command line did not give, so
 * explicit options override the set. A set that names what the library lacks is refused
 * whole (exit 2), never printed half. */
static int
apply_handout_set (GVariantDict  *options,
                   const char    *id,
                   CgHandoutSet **out_set)
{
  g_autoptr(GPtrArray) sets = load_handout_sets ();
  g_autofree char *sections = NULL;
  CgHandoutSet *set;

  if (!(set = cg_handout_set_find (sets, id)))
    return cg_terminal_fail (_("Unknown handout set “%s”; --list-handout-sets shows them"), id);

  *out_set = g_object_ref (set);

  sections = g_strjoinv (",", (char **)cg_handout_set_get_sections (set));
  insert_default (options, "sections", sections);
  insert_default (options, "language", cg_handout_set_get_language (set));
  insert_default (options, "second-language", cg_handout_set_get_second_language (set));
  insert_default (options, "paper", cg_handout_set_get_paper (set));
  if (cg_handout_set_get_large_print (set) && !g_variant_dict_contains (options, "large-print"))
    g_variant_dict_insert (options, "large-print", "b", TRUE);

  return 0;
}

/* The set as the options resolved it (changed in memory only), checked against the library
 * it will be printed from */
static int
check_handout_set (GVariantDict *options,
                   CgLibrary    *library,
                   const char   *language,
                   CgHandoutSet *resolved)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sections = NULL;
  const char *text = NULL;

  if (!g_variant_dict_lookup (options, "sections", "&s", &text))
    return 0;

  sections = g_strsplit (text, ",", -1);
  for (guint i = 0; sections[i] != NULL; i++)
    g_strstrip (sections[i]);
  cg_handout_set_set_sections (resolved, (const char * const *)sections);
  cg_handout_set_set_language (resolved, language);
  if (g_variant_dict_lookup (options, "second-language", "&s", &text))
    cg_handout_set_set_second_language (resolved, text);

  if (!cg_handout_set_check (resolved, library, &error))
    return cg_terminal_fail ("%s", error->message);

  return 0;
}

static int run_action (GVariantDict *options);

/**
 * cg_command_line_run:
 * @options: the parsed options of cg_command_line_get_entries()
 *
 * Returns: the exit status, or -1 if no command-line action was asked for and the
 *   application should go on to open a window
 */
int
cg_command_line_run (GVariantDict *options)
{
  int status = run_action (options);

  /* A write error on stdout (a full disk, /dev/full) fails the command, whatever it was */
  return status >= 0 ? cg_terminal_finish_stdout (status) : status;
}

static int
run_action (GVariantDict *options)
{
  g_autoptr(CgLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  const char *language = NULL;
  const char *filename = NULL;
  const char *query = NULL;
  const char *set_id = NULL;
  g_autoptr(CgHandoutSet) set = NULL;
  int status;

  if ((status = decode_text_options (options)) != 0)
    return status;

  if (g_variant_dict_contains (options, "version"))
    {
      cg_terminal_print (stdout, "%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "validate-bundle", "^&ay", &filename))
    return run_validate_bundle (filename, options);

  if (g_variant_dict_contains (options, "list-handout-sets"))
    return run_list_handout_sets ();

  if (g_variant_dict_lookup (options, "handout-set", "&s", &set_id))
    {
      if (!g_variant_dict_contains (options, "export-handout") &&
          !g_variant_dict_contains (options, "print"))
        return cg_terminal_fail ("%s", _("--handout-set goes with --export-handout or --print"));
      if ((status = apply_handout_set (options, set_id, &set)) != 0)
        return status;
    }

  if (g_variant_dict_contains (options, "chart-line"))
    {
      const char *target = NULL;

      if (g_variant_dict_lookup (options, "export-handout", "^&ay", &target) && g_str_equal (target, "-"))
        return cg_terminal_fail ("%s", _("--chart-line cannot go with --export-handout=-: standard output "
                             "holds the PDF; write the PDF to a file"));
      if (!g_variant_dict_contains (options, "export-handout") &&
          !g_variant_dict_contains (options, "print"))
        return cg_terminal_fail ("%s", _("--chart-line goes with --export-handout=FILE or --print"));
    }

  if (!g_variant_dict_contains (options, "list-sections") &&
      !g_variant_dict_contains (options, "search") &&
      !g_variant_dict_contains (options, "export-handout") &&
      !g_variant_dict_contains (options, "print") &&
      !g_variant_dict_contains (options, "reading-level"))
    return -1;

  if (!(library = open_library (options, TRUE, &error)) ||
      !(language = choose_language (library, options, &error)))
    return cg_terminal_fail ("%s", error->message);

  if (g_variant_dict_contains (options, "list-sections"))
    return run_list_sections (library, language);

  if (g_variant_dict_contains (options, "reading-level"))
    return run_reading_level (library, language, options);

  if (g_variant_dict_contains (options, "export-handout") ||
      g_variant_dict_contains (options, "print"))
    {
      if (set != NULL && (status = check_handout_set (options, library, language, set)) != 0)
        return status;
      return _cg_command_line_run_export_handout (library, language, options);
    }

  if (g_variant_dict_lookup (options, "search", "&s", &query))
    {
      g_autofree char *bounded = cg_text_bound_query (query);

      return run_search (library, language, bounded);
    }

  return cg_terminal_fail ("%s", _("This action is not available yet"));
}
