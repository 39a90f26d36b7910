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

#include <glib/gi18n.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-bundle-reader.h"
#include "cg-command-line.h"
#include "cg-handout-layout.h"
#include "cg-handout-set.h"
#include "cg-library.h"
#include "cg-search-fold.h"
#include "cg-search-index.h"
#include "cg-section.h"
#include "cg-topic.h"

static const GOptionEntry entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "list-sections", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the id and title of every section, one a line"), NULL },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Print the sections matching QUERY, best first"), N_("QUERY") },
  { "export-handout", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a handout to FILE.pdf"), N_("FILE.pdf") },
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
  { "validate-bundle", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a content bundle and report every problem"), N_("FILE") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Content language (en, es, fr, de)"), N_("LANG") },
  { "bundle", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use this content bundle instead of the built-in one"), N_("FILE") },
  { "handout-set", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Start the handout from this handout set; other options override it"), N_("ID") },
  { "list-handout-sets", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the id and name of every handout set, one a line"), NULL },
  { NULL }
};

const GOptionEntry *
cg_command_line_get_entries (void)
{
  return entries;
}

G_GNUC_PRINTF (1, 2)
static int
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", g_get_prgname (), message);

  return CG_EXIT_BAD_INPUT;
}

static int
run_validate_bundle (const char *filename)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (filename);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (!(bytes = cg_bundle_read_file (file, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  diagnostics = cg_bundle_check_bytes (bytes, filename);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const CgBundleDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (diagnostic->line > 0)
        g_printerr ("%s:%u: %s\n", filename, diagnostic->line, diagnostic->message);
      else
        g_printerr ("%s: %s\n", filename, diagnostic->message);
    }

  if (diagnostics->len > 0)
    return 1;

  /* Translators: %s is a file name */
  g_print (_("%s: valid bundle\n"), filename);

  return 0;
}

/* The library the other actions read: --bundle, or the built-in content. */
static CgLibrary *
open_library (GVariantDict  *options,
              const char   **language,
              GError       **error)
{
  g_autoptr(CgLibrary) library = NULL;
  const char *bundle_path = NULL;

  if (g_variant_dict_lookup (options, "bundle", "^&ay", &bundle_path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (bundle_path);

      if (!(library = cg_library_new_for_file (file, error)))
        return NULL;
    }
  else
    library = cg_library_new ();

  if (!g_variant_dict_lookup (options, "language", "&s", language))
    *language = cg_library_get_default_language (library);
  else if (!cg_library_has_language (library, *language))
    {
      g_autofree char *available = g_strjoinv (", ", (char **)cg_library_get_languages (library));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Unknown language “%s”; available: %s"), *language, available);
      return NULL;
    }

  return g_steal_pointer (&library);
}

static int
run_list_sections (CgLibrary  *library,
                   const char *language)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;

  if (!(topics = cg_library_list_topics (library, language, &error)))
    return fail ("%s", error->message);

  for (guint i = 0; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        {
          CgSection *section = cg_topic_get_section (topic, j);

          g_print ("%s\t%s\n", cg_section_get_id (section), cg_section_get_title (section));
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
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = cg_search_fold (query, -1, NULL);

  /* Blank or punctuation only: there is nothing to look for, which is not "no results" */
  if (*folded == '\0')
    return fail ("%s", _("The search query has no words to search for"));

  if (!(topics = cg_library_list_topics (library, language, &error)))
    return fail ("%s", error->message);

  index = cg_search_index_new (topics);
  hits = cg_search_index_query (index, query, 0);

  for (guint i = 0; i < hits->len; i++)
    {
      CgSearchHit *hit = g_ptr_array_index (hits, i);

      g_print ("%s\t%s\n",
               cg_section_get_id (cg_search_hit_get_section (hit)),
               cg_search_hit_get_snippet (hit));
    }

  return hits->len > 0 ? 0 : 1;
}

/* --export-handout: the same pages the handout builder prints, sections in bundle order. */
static int
run_export_handout (CgLibrary    *library,
                    const char   *language,
                    GVariantDict *options)
{
  g_autoptr(GHashTable) chosen = NULL;
  g_autoptr(CgHandoutLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  const char *filename = NULL;
  const char *text = NULL;
  CgPaper paper = cg_paper_get_default ();
  CgBundle *bundle;

  if (!g_variant_dict_lookup (options, "export-handout", "^&ay", &filename) || *filename == '\0')
    return fail ("%s", _("No file name given to --export-handout"));

  if (!(bundle = cg_library_get_bundle (library, language, &error)))
    return fail ("%s", error->message);

  if (g_variant_dict_lookup (options, "paper", "&s", &text) && !cg_paper_from_string (text, &paper))
    return fail (_("Unknown paper size “%s”; use a4 or letter"), text);

  if (g_variant_dict_lookup (options, "sections", "&s", &text))
    {
      g_auto(GStrv) ids = g_strsplit (text, ",", -1);

      chosen = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; ids[i] != NULL; i++)
        {
          CgSection *section = cg_bundle_lookup_section (bundle, g_strstrip (ids[i]));

          if (section == NULL)
            return fail (_("Unknown section “%s”; --list-sections shows them"), ids[i]);
          g_hash_table_add (chosen, (gpointer)cg_section_get_id (section));
        }
    }

  layout = cg_handout_layout_new (bundle);
  cg_handout_layout_set_paper (layout, paper);
  cg_handout_layout_set_large_print (layout, g_variant_dict_contains (options, "large-print"));
  if (g_variant_dict_lookup (options, "notes", "&s", &text))
    cg_handout_layout_set_note (layout, text);
  if (g_variant_dict_lookup (options, "clinic", "&s", &text))
    cg_handout_layout_set_clinic_header (layout, text);

  for (guint i = 0; i < cg_bundle_get_n_topics (bundle); i++)
    {
      CgTopic *topic = cg_bundle_get_topic (bundle, i);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        {
          CgSection *section = cg_topic_get_section (topic, j);

          if (chosen == NULL || g_hash_table_contains (chosen, cg_section_get_id (section)))
            cg_handout_layout_add_section (layout, section);
        }
    }

  if (!cg_handout_layout_export_pdf (layout, filename, &error))
    return fail ("%s", error->message);

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
    g_printerr ("%s: %s\n", g_get_prgname (), ((GError *)g_ptr_array_index (errors, i))->message);

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

      g_print ("%s\t%s\n", cg_handout_set_get_id (set), cg_handout_set_get_name (set));
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
    return fail (_("Unknown handout set “%s”; --list-handout-sets shows them"), id);

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
    return fail ("%s", error->message);

  return 0;
}

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
  g_autoptr(CgLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  const char *language = NULL;
  const char *filename = NULL;
  const char *query = NULL;
  const char *set_id = NULL;
  g_autoptr(CgHandoutSet) set = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "validate-bundle", "^&ay", &filename))
    return run_validate_bundle (filename);

  if (g_variant_dict_contains (options, "list-handout-sets"))
    return run_list_handout_sets ();

  if (g_variant_dict_lookup (options, "handout-set", "&s", &set_id))
    {
      int status;

      if (!g_variant_dict_contains (options, "export-handout"))
        return fail ("%s", _("--handout-set goes with --export-handout"));
      if ((status = apply_handout_set (options, set_id, &set)) != 0)
        return status;
    }

  if (!g_variant_dict_contains (options, "list-sections") &&
      !g_variant_dict_contains (options, "search") &&
      !g_variant_dict_contains (options, "export-handout"))
    return -1;

  if (!(library = open_library (options, &language, &error)))
    return fail ("%s", error->message);

  if (g_variant_dict_contains (options, "list-sections"))
    return run_list_sections (library, language);

  if (g_variant_dict_contains (options, "export-handout"))
    {
      int status;

      if (set != NULL && (status = check_handout_set (options, library, language, set)) != 0)
        return status;
      return run_export_handout (library, language, options);
    }

  if (g_variant_dict_lookup (options, "search", "&s", &query))
    return run_search (library, language, query);

  return fail ("%s", _("This action is not available yet"));
}
