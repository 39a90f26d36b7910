/* cg-library.c: every content bundle the app knows, by language, loaded when first needed
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in content is one bundle per language under RESOURCE_PREFIX/content/LANG/. Only the
 * language shown is parsed at start-up; the others wait until a handout or search asks for them.
 * Extra bundles from disk (clinic content) are single-language and shown whatever the language;
 * ids are the key the sidebar, settings and handouts use, so no two bundles may share one.
 */

#define G_LOG_DOMAIN "cg-library"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-content-dirs.h"
#include "cg-library.h"
#include "cg-resources.h"
#include "cg-section.h"
#include "cg-topic.h"

#define CONTENT_PATH RESOURCE_PREFIX "/content/"
#define SOURCE_LANGUAGE "en"

struct _CgLibrary
{
  GObject     parent_instance;

  /* Owned */
  GPtrArray  *languages;    /* NULL-terminated, the source language first */
  GHashTable *bundles;      /* language → CgBundle, those loaded so far */
  GPtrArray  *extra;        /* CgBundle from disk, in the order added */
  GHashTable *topic_ids;    /* topic id → CgBundle (borrowed): the ids taken */
  GHashTable *section_ids;  /* section id → CgSection (borrowed), of the extra bundles */
  GHashTable *origins;      /* file names of the extra bundles */
  GQueue     *jobs;         /* LoadJob: loads under way in worker threads, in the order asked */

  guint       n_holds;      /* while above 0, loads wait to start (cg_library_hold_loads()) */
  guint       ids_have_builtin : 1;
};

G_DEFINE_FINAL_TYPE (CgLibrary, cg_library, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One bundle file read in a worker: the bundle, or why it was skipped */
typedef struct
{
  CgBundle *bundle;
  GError   *error;
} LoadResult;

static void
load_result_clear (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->bundle);
  g_clear_error (&result->error);
}

/* A load asked for with cg_library_add_file_async() or cg_library_load_installed_async().
 * Loads run side by side; their bundles join the library in the order the loads were asked
 * for, so the first of two bundles with the same ids is the one kept, as with the synchronous
 * calls. */
typedef struct
{
  CgLibrary  *library;     /* borrowed: the caller's task holds it */
  GTask      *task;        /* the caller's */
  GFile      *file;        /* one bundle, or NULL for the installed ones */
  GHashTable *seen;        /* installed: origins and file ids to skip */
  GArray     *results;     /* of LoadResult, in file order; filled by the worker */
  gboolean    started;
  gboolean    done;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->task);
  g_clear_object (&job->file);
  g_clear_pointer (&job->seen, g_hash_table_unref);
  g_clear_pointer (&job->results, g_array_unref);
  g_free (job);
}

/* What cg_library_load_installed_finish() hands back */
typedef struct
{
  guint      n_added;
  GPtrArray *errors;
} InstalledOutcome;

static void
installed_outcome_free (InstalledOutcome *outcome)
{
  g_clear_pointer (&outcome->errors, g_ptr_array_unref);
  g_free (outcome);
}

static void
cg_library_finalize (GObject *object)
{
  CgLibrary *self = (CgLibrary *)object;

  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->bundles, g_hash_table_unref);
  g_clear_pointer (&self->extra, g_ptr_array_unref);
  g_clear_pointer (&self->topic_ids, g_hash_table_unref);
  g_clear_pointer (&self->section_ids, g_hash_table_unref);
  g_clear_pointer (&self->origins, g_hash_table_unref);
  /* Each job's worker task holds the library: none can be left here */
  g_assert (g_queue_is_empty (self->jobs));
  g_clear_pointer (&self->jobs, g_queue_free);

  G_OBJECT_CLASS (cg_library_parent_class)->finalize (object);
}

static void
cg_library_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CgLibrary *self = CG_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, cg_library_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_library_class_init (CgLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_library_finalize;
  object_class->get_property = cg_library_get_property;

  /**
   * CgLibrary:loading:
   *
   * Whether bundles are being read in the background (cg_library_add_file_async(),
   * cg_library_load_installed_async()): views show a quiet progress indication meanwhile.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CgLibrary::changed:
   *
   * Extra bundles were added: the topics cg_library_list_topics() returns changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
cg_library_init (CgLibrary *self)
{
  self->languages = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->bundles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->extra = g_ptr_array_new_with_free_func (g_object_unref);
  self->topic_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->section_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->jobs = g_queue_new ();
}

static int
compare_languages (gconstpointer a,
                   gconstpointer b)
{
  const char *lang_a = *(const char * const *)a;
  const char *lang_b = *(const char * const *)b;

  /* The source language first, then alphabetical */
  if (g_str_equal (lang_a, SOURCE_LANGUAGE))
    return -1;
  if (g_str_equal (lang_b, SOURCE_LANGUAGE))
    return 1;
  return g_strcmp0 (lang_a, lang_b);
}

/**
 * cg_library_new:
 *
 * Returns: (transfer full): a library of the built-in content in every language it ships in
 */
CgLibrary *
cg_library_new (void)
{
  CgLibrary *self = g_object_new (CG_TYPE_LIBRARY, NULL);
  g_auto(GStrv) children = NULL;

  /* Bundles are parsed in worker threads too: libxml2 sets up its globals here, once, on the
   * thread that creates the library, rather than racing to do it in two workers. */
  xmlInitParser ();

  /* Referencing the resource keeps the linker from dropping it from the static library. */
  (void)cg_get_resource ();
  children = g_resources_enumerate_children (CONTENT_PATH, 0, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    if (g_str_has_suffix (children[i], "/"))
      g_ptr_array_add (self->languages, g_strndup (children[i], strlen (children[i]) - 1));

  g_ptr_array_sort (self->languages, compare_languages);

  return self;
}

/**
 * cg_library_new_for_file:
 *
 * Returns: (transfer full): a library holding only the bundle in @file, in its own language
 */
CgLibrary *
cg_library_new_for_file (GFile   *file,
                         GError **error)
{
  g_autoptr(CgLibrary) self = NULL;
  g_autoptr(CgBundle) bundle = NULL;
  g_autofree char *language = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(bundle = cg_bundle_load_file (file, error)))
    return NULL;

  language = g_strdup (cg_bundle_get_language (bundle));
  self = g_object_new (CG_TYPE_LIBRARY, NULL);
  g_ptr_array_add (self->languages, g_strdup (language));
  g_hash_table_insert (self->bundles, g_steal_pointer (&language), g_steal_pointer (&bundle));

  return g_steal_pointer (&self);
}

/* Returns: (transfer none): the content languages, the source language first */
const char * const *
cg_library_get_languages (CgLibrary *self)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  return (const char * const *)self->languages->pdata;
}

gboolean
cg_library_has_language (CgLibrary  *self,
                         const char *language)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), FALSE);

  return language != NULL &&
         g_strv_contains ((const char * const *)self->languages->pdata, language);
}

/**
 * cg_library_get_default_language:
 *
 * Returns: the content language that best matches the interface language (LANGUAGE, LC_ALL,
 *   LC_MESSAGES, LANG), or the first language of the library
 */
const char *
cg_library_get_default_language (CgLibrary *self)
{
  const char * const *names = g_get_language_names ();

  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  for (guint i = 0; names[i] != NULL; i++)
    for (guint j = 0; j < self->languages->len; j++)
      {
        const char *language = g_ptr_array_index (self->languages, j);

        /* "es_ES.UTF-8" → "es_ES" → "es" are all in the list; match whole codes only */
        if (g_str_equal (names[i], language))
          return language;
      }

  if (self->languages->len > 0)
    return g_ptr_array_index (self->languages, 0);

  return SOURCE_LANGUAGE;
}

/**
 * cg_library_get_bundle:
 * @language: a language of cg_library_get_languages()
 *
 * Returns: (transfer none): the bundle in @language, loaded on first use
 */
CgBundle *
cg_library_get_bundle (CgLibrary   *self,
                       const char  *language,
                       GError     **error)
{
  g_autofree char *path = NULL;
  CgBundle *bundle;

  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if ((bundle = g_hash_table_lookup (self->bundles, language)))
    return bundle;

  if (!cg_library_has_language (self, language))
    {
      /* Translators: %s is a language code such as “pt-BR” */
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_NO_CONTENT,
                   _("No content in language “%s”"), language);
      return NULL;
    }

  path = g_strdup_printf (CONTENT_PATH "%s/calcinosis.xml", language);
  if (!(bundle = cg_bundle_load_resource (path, error)))
    return NULL;

  g_hash_table_insert (self->bundles, g_strdup (language), bundle);

  return bundle;
}

/**
 * cg_library_list_topics:
 * @language: a language of cg_library_get_languages()
 *
 * The built-in topics in @language, then every extra bundle's topics in the order the bundles
 * were added (extra bundles are shown whatever their language).
 *
 * Returns: (transfer container) (element-type CgTopic): the topics to show in @language
 */
GPtrArray *
cg_library_list_topics (CgLibrary   *self,
                        const char  *language,
                        GError     **error)
{
  GPtrArray *topics;
  CgBundle *bundle;

  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  if (!(bundle = cg_library_get_bundle (self, language, error)))
    return NULL;

  topics = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < cg_bundle_get_n_topics (bundle); i++)
    g_ptr_array_add (topics, g_object_ref (cg_bundle_get_topic (bundle, i)));

  for (guint i = 0; i < self->extra->len; i++)
    {
      CgBundle *extra = g_ptr_array_index (self->extra, i);

      for (guint j = 0; j < cg_bundle_get_n_topics (extra); j++)
        g_ptr_array_add (topics, g_object_ref (cg_bundle_get_topic (extra, j)));
    }

  return topics;
}

/**
 * cg_library_lookup_section:
 *
 * Looks in the built-in content in @language, then in the extra bundles.
 *
 * Returns: (transfer none) (nullable): the section with @section_id
 */
CgSection *
cg_library_lookup_section (CgLibrary  *self,
                           const char *language,
                           const char *section_id)
{
  CgBundle *bundle;
  CgSection *section;

  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  if (language != NULL && (bundle = cg_library_get_bundle (self, language, NULL)) &&
      (section = cg_bundle_lookup_section (bundle, section_id)))
    return section;

  return g_hash_table_lookup (self->section_ids, section_id);
}

/**
 * cg_library_section_has_language:
 * @section_id: a section id of the library
 * @language: a language code
 *
 * Whether the section has its text in @language: the built-in content has every section in
 * every language it ships in (strings a partial translation lacks fall back to English, and the
 * bundle says so); an extra bundle has its sections in its own language only. A handout in
 * @language must leave out a section for which this is %FALSE rather than print it in another
 * language.
 *
 * Returns: %TRUE if the section exists and has text in @language
 */
gboolean
cg_library_section_has_language (CgLibrary  *self,
                                 const char *section_id,
                                 const char *language)
{
  CgBundle *bundle;

  g_return_val_if_fail (CG_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (section_id != NULL, FALSE);

  if (language == NULL)
    return FALSE;

  if (cg_library_has_language (self, language) &&
      (bundle = cg_library_get_bundle (self, language, NULL)) &&
      cg_bundle_lookup_section (bundle, section_id) != NULL)
    return TRUE;

  for (guint i = 0; i < self->extra->len; i++)
    {
      CgBundle *extra = g_ptr_array_index (self->extra, i);

      if (cg_bundle_lookup_section (extra, section_id) != NULL)
        return g_str_equal (cg_bundle_get_language (extra), language);
    }

  return FALSE;
}

/**
 * cg_library_get_section_language:
 * @section_id: a section id of the library
 *
 * Returns: (nullable): the one language an extra bundle's section is written in, or %NULL for
 *   a built-in section (in every language of the library) or an unknown id
 */
const char *
cg_library_get_section_language (CgLibrary  *self,
                                 const char *section_id)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  for (guint i = 0; i < self->extra->len; i++)
    {
      CgBundle *extra = g_ptr_array_index (self->extra, i);

      if (cg_bundle_lookup_section (extra, section_id) != NULL)
        return cg_bundle_get_language (extra);
    }

  return NULL;
}

/* The built-in topic ids are the same in every language: the first language stands for all.
 * Its section ids are looked up in its own bundle, so only the topics go in the table. */
static void
ensure_builtin_ids (CgLibrary *self)
{
  CgBundle *builtin;

  if (self->ids_have_builtin || self->languages->len == 0)
    return;

  if ((builtin = cg_library_get_bundle (self, g_ptr_array_index (self->languages, 0), NULL)))
    for (guint i = 0; i < cg_bundle_get_n_topics (builtin); i++)
      g_hash_table_insert (self->topic_ids,
                           (gpointer)cg_topic_get_id (cg_bundle_get_topic (builtin, i)), builtin);

  self->ids_have_builtin = TRUE;
}

/* The bundle that has @section_id already, if any */
static CgBundle *
lookup_section_owner (CgLibrary  *self,
                      const char *section_id)
{
  CgSection *section;
  CgBundle *builtin;

  if ((section = g_hash_table_lookup (self->section_ids, section_id)))
    return cg_topic_get_bundle (cg_section_get_topic (section));

  if (self->languages->len > 0 &&
      (builtin = g_hash_table_lookup (self->bundles, g_ptr_array_index (self->languages, 0))) &&
      cg_bundle_lookup_section (builtin, section_id) != NULL)
    return builtin;

  return NULL;
}

static char *dup_file_id (GFile *file);

static char *
dup_origin_file_id (CgBundle *bundle)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (cg_bundle_get_origin (bundle));

  return dup_file_id (file);
}

/* Whether @other was read from another file than the one whose id is @file_id */
static gboolean
is_other_file (CgBundle   *other,
               const char *file_id)
{
  g_autofree char *other_id = NULL;

  if (file_id == NULL)
    return TRUE;

  other_id = dup_origin_file_id (other);
  return g_strcmp0 (file_id, other_id) != 0;
}

/* Hash lookups, so a clinic library of thousands of sections is checked in a few milliseconds.
 * With @other_files_only, bundles read from @bundle's own file do not count: that is the same
 * bundle, checked again. */
static gboolean
check_conflicts (CgLibrary  *self,
                 CgBundle   *bundle,
                 gboolean    other_files_only,
                 GError    **error)
{
  const char *origin = cg_bundle_get_origin (bundle);
  g_autofree char *file_id = other_files_only ? dup_origin_file_id (bundle) : NULL;

  ensure_builtin_ids (self);

  if (!other_files_only && g_hash_table_contains (self->origins, origin))
    {
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_ALREADY_OPEN,
                   _("%s: This bundle is already open"), origin);
      return FALSE;
    }

  for (guint t = 0; t < cg_bundle_get_n_topics (bundle); t++)
    {
      CgTopic *topic = cg_bundle_get_topic (bundle, t);
      CgBundle *other;

      if ((other = g_hash_table_lookup (self->topic_ids, cg_topic_get_id (topic))) &&
          (!other_files_only || is_other_file (other, file_id)))
        {
          /* Translators: “FILE: Topic “ID” is already in OTHER-FILE; …” */
          g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_DUPLICATE_ID,
                       _("%s: Topic “%s” is already in %s; this bundle was not added"),
                       origin, cg_topic_get_id (topic), cg_bundle_get_origin (other));
          return FALSE;
        }

      for (guint s = 0; s < cg_topic_get_n_sections (topic); s++)
        {
          CgSection *section = cg_topic_get_section (topic, s);

          if ((other = lookup_section_owner (self, cg_section_get_id (section))) &&
              (!other_files_only || is_other_file (other, file_id)))
            {
              g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_DUPLICATE_ID,
                           _("%s:%u: Section “%s” is already in %s; this bundle was not added"),
                           origin, cg_section_get_line (section), cg_section_get_id (section),
                           cg_bundle_get_origin (other));
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
add_bundle (CgLibrary  *self,
            CgBundle   *bundle,
            GError    **error)
{
  if (!check_conflicts (self, bundle, FALSE, error))
    return FALSE;

  g_ptr_array_add (self->extra, g_object_ref (bundle));
  g_hash_table_add (self->origins, g_strdup (cg_bundle_get_origin (bundle)));

  for (guint t = 0; t < cg_bundle_get_n_topics (bundle); t++)
    {
      CgTopic *topic = cg_bundle_get_topic (bundle, t);

      g_hash_table_insert (self->topic_ids, (gpointer)cg_topic_get_id (topic), bundle);
      for (guint s = 0; s < cg_topic_get_n_sections (topic); s++)
        {
          CgSection *section = cg_topic_get_section (topic, s);

          g_hash_table_insert (self->section_ids, (gpointer)cg_section_get_id (section), section);
        }
    }

  return TRUE;
}

/**
 * cg_library_add_bundle:
 * @bundle: a bundle loaded with cg_bundle_load_file(), e.g. in a worker thread
 *
 * Adds @bundle after the ones already there, unless one of its topic or section ids is
 * taken, and emits #CgLibrary::changed.
 *
 * Returns: %TRUE if added, else %FALSE with @error set (%CG_BUNDLE_ERROR_ALREADY_OPEN,
 *   %CG_BUNDLE_ERROR_DUPLICATE_ID)
 */
gboolean
cg_library_add_bundle (CgLibrary  *self,
                       CgBundle   *bundle,
                       GError    **error)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CG_IS_BUNDLE (bundle), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!add_bundle (self, bundle, error))
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * cg_library_check_bundle:
 * @bundle: a bundle loaded with cg_bundle_load_bytes() or cg_bundle_load_file()
 *
 * Whether @bundle could join the library: none of its topic or section ids is taken by the
 * built-in content or a bundle from another file. The library does not change, so a bundle
 * already installed can be checked against the others.
 *
 * Returns: %TRUE if it could be added, else %FALSE with @error set as cg_library_add_bundle()
 *   sets it
 */
gboolean
cg_library_check_bundle (CgLibrary  *self,
                         CgBundle   *bundle,
                         GError    **error)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (CG_IS_BUNDLE (bundle), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_conflicts (self, bundle, TRUE, error);
}

/**
 * cg_library_add_file:
 * @file: a bundle file from disk, untrusted
 *
 * Loads @file with the hardened loader and adds it as cg_library_add_bundle() does. Reads at
 * most 8 MiB from the calling thread.
 *
 * Returns: %TRUE if added, else %FALSE with @error set in the #CG_BUNDLE_ERROR domain, its
 *   message "FILE:LINE: problem", ready to show
 */
gboolean
cg_library_add_file (CgLibrary  *self,
                     GFile      *file,
                     GError    **error)
{
  g_autoptr(CgBundle) bundle = NULL;

  g_return_val_if_fail (CG_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(bundle = cg_bundle_load_file (file, error)))
    return FALSE;

  return cg_library_add_bundle (self, bundle, error);
}

/**
 * cg_library_dup_bundle_dirs:
 *
 * Returns: (transfer full) (element-type filename): where installed bundles are looked for, in
 *   order: $XDG_DATA_HOME/calcinosis-guide/bundles, then the same under each $XDG_DATA_DIRS,
 *   then under each Flatpak content extension (see cg-content-dirs.c)
 */
GPtrArray *
cg_library_dup_bundle_dirs (void)
{
  g_autoptr(GPtrArray) data_dirs = cg_content_dirs_dup_data_dirs (CONTENT_EXTENSIONS_DIR);
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < data_dirs->len; i++)
    g_ptr_array_add (dirs, g_build_filename (g_ptr_array_index (data_dirs, i),
                                             CG_LIBRARY_BUNDLES_SUBDIR, NULL));

  return dirs;
}

static char *
dup_file_id (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info ? g_strdup (g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE)) : NULL;
}

/* The names of what is there already, so loading the installed bundles again skips them */
static GHashTable *
dup_seen (CgLibrary *self)
{
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer origin;

  g_hash_table_iter_init (&iter, self->origins);
  while (g_hash_table_iter_next (&iter, &origin, NULL))
    g_hash_table_add (seen, g_strdup (origin));

  return seen;
}

/* Reads and validates every installed bundle not in @seen, into @results in file order. Touches
 * nothing of the library: runs in a worker thread as well as in the caller's. */
static void
read_installed (GHashTable *seen,
                GArray     *results)
{
  g_autoptr(GPtrArray) dirs = cg_library_dup_bundle_dirs ();

  for (guint i = 0; i < dirs->len; i++)
    {
      const char *path = g_ptr_array_index (dirs, i);
      g_autoptr(GFile) dir = g_file_new_for_path (path);
      g_autofree char *dir_id = NULL;
      g_autoptr(GPtrArray) names = NULL;
      g_autoptr(GPtrArray) dir_errors = g_ptr_array_new ();
      GStatBuf st;
      int saved_errno = 0;

      /* Most of these folders do not exist, and need not; one that exists but cannot be read
       * (or a $XDG_DATA_HOME that cannot) hides bundles someone installed: say so. */
      if (g_stat (path, &st) != 0)
        saved_errno = errno;
      else if (!S_ISDIR (st.st_mode))
        saved_errno = ENOTDIR;
      else if (g_access (path, R_OK | X_OK) != 0)
        saved_errno = errno;

      if (saved_errno != 0)
        {
          if (saved_errno != ENOENT)
            {
              /* Translators: the first %s is a folder, the second the system's reason */
              LoadResult result = { NULL, g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                                       _("%s: This bundles folder cannot be read: %s"),
                                                       path, g_strerror (saved_errno)) };
              g_array_append_val (results, result);
            }
          continue;
        }

      dir_id = dup_file_id (dir);
      if (dir_id == NULL || !g_hash_table_add (seen, g_steal_pointer (&dir_id)))
        continue;

      names = cg_content_dirs_list_files (dir, ".xml", dir_errors);
      for (guint j = 0; j < dir_errors->len; j++)
        {
          LoadResult result = { NULL, g_ptr_array_index (dir_errors, j) };
          g_array_append_val (results, result);
        }

      for (guint j = 0; j < names->len; j++)
        {
          g_autoptr(GFile) file = g_file_get_child (dir, g_ptr_array_index (names, j));
          g_autofree char *file_id = dup_file_id (file);
          LoadResult result = { NULL, NULL };

          if (g_hash_table_contains (seen, g_file_peek_path (file)) ||
              (file_id != NULL && !g_hash_table_add (seen, g_steal_pointer (&file_id))))
            continue;

          result.bundle = cg_bundle_load_file (file, &result.error);
          g_array_append_val (results, result);
        }
    }
}

/* Adds the bundles of @results in order; a refused one leaves its error in place. */
static guint
add_results (CgLibrary *self,
             GArray    *results)
{
  guint n_added = 0;

  for (guint i = 0; i < results->len; i++)
    {
      LoadResult *result = &g_array_index (results, LoadResult, i);

      if (result->bundle != NULL && add_bundle (self, result->bundle, &result->error))
        n_added++;
      else if (result->error != NULL)
        g_debug ("Skipping bundle: %s", result->error->message);
    }

  return n_added;
}

static void
steal_errors (GArray    *results,
              GPtrArray *errors)
{
  for (guint i = 0; i < results->len; i++)
    {
      LoadResult *result = &g_array_index (results, LoadResult, i);

      if (result->error != NULL && errors != NULL)
        g_ptr_array_add (errors, g_steal_pointer (&result->error));
    }
}

static GArray *
load_results_new (void)
{
  GArray *results = g_array_new (FALSE, TRUE, sizeof (LoadResult));

  g_array_set_clear_func (results, load_result_clear);

  return results;
}

/**
 * cg_library_load_installed:
 * @errors: (nullable) (element-type GError): where to add an error for each bundle skipped,
 *   e.g. g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free)
 *
 * Adds every `*.xml` bundle in the directories of cg_library_dup_bundle_dirs(), each
 * directory's files in name order. A bad bundle is skipped and its error (with the file and
 * line) added to @errors; the others are still added. A directory or file seen twice (the
 * same directory listed twice in $XDG_DATA_DIRS, a symbolic link), or a bundle already added,
 * is skipped silently, so calling this again picks up new files only. Emits
 * #CgLibrary::changed once if anything was added.
 *
 * Reads the files in the calling thread; cg_library_load_installed_async() does the same in a
 * worker thread.
 *
 * Returns: the number of bundles added
 */
guint
cg_library_load_installed (CgLibrary *self,
                           GPtrArray *errors)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GArray) results = load_results_new ();
  guint n_added;

  g_return_val_if_fail (CG_IS_LIBRARY (self), 0);

  seen = dup_seen (self);
  read_installed (seen, results);
  n_added = add_results (self, results);
  steal_errors (results, errors);

  if (n_added > 0)
    g_signal_emit (self, signals[CHANGED], 0);

  return n_added;
}

/* Loading in worker threads */

/**
 * cg_library_get_loading:
 *
 * Returns: whether bundles are being read in the background
 */
gboolean
cg_library_get_loading (CgLibrary *self)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), FALSE);

  return !g_queue_is_empty (self->jobs);
}

static void
load_job_thread (GTask        *worker,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  LoadJob *job = task_data;

  if (job->file != NULL)
    {
      LoadResult result = { NULL, NULL };

      result.bundle = cg_bundle_load_file (job->file, &result.error);
      g_array_append_val (job->results, result);
    }
  else
    read_installed (job->seen, job->results);

#ifdef __GLIBC__
  /* The parser's document tree is gone: give its pages back rather than keep them as the
   * high-water mark of the process for as long as it runs. */
  malloc_trim (0);
#endif

  g_task_return_boolean (worker, TRUE);
}

/* Adds the bundles of the finished loads at the head of the queue, in the order asked for. */
static void
commit_jobs (CgLibrary *self)
{
  LoadJob *job;

  while ((job = g_queue_peek_head (self->jobs)) != NULL && job->done)
    {
      guint n_added = 0;

      g_queue_pop_head (self->jobs);

      if (!g_task_return_error_if_cancelled (job->task))
        {
          n_added = add_results (self, job->results);
          if (n_added > 0)
            g_signal_emit (self, signals[CHANGED], 0);

          if (job->file != NULL)
            {
              LoadResult *result = &g_array_index (job->results, LoadResult, 0);

              if (result->error != NULL)
                g_task_return_error (job->task, g_steal_pointer (&result->error));
              else
                g_task_return_boolean (job->task, TRUE);
            }
          else
            {
              InstalledOutcome *outcome = g_new0 (InstalledOutcome, 1);

              outcome->n_added = n_added;
              outcome->errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
              steal_errors (job->results, outcome->errors);
              g_task_return_pointer (job->task, outcome, (GDestroyNotify)installed_outcome_free);
            }
        }

      load_job_free (job);
    }

  if (g_queue_is_empty (self->jobs))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_load_job_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  LoadJob *job = user_data;

  job->done = TRUE;
  commit_jobs (job->library);
}

/* The worker task refers to nothing but @data: GLib drops its last reference in the worker
 * thread, and the library must only ever be released on its own thread. */
static void
run_in_worker (GTaskThreadFunc      thread_func,
               gpointer             data,
               GAsyncReadyCallback  done_cb,
               gpointer             done_data)
{
  g_autoptr(GTask) worker = g_task_new (NULL, NULL, done_cb, done_data);

  g_task_set_source_tag (worker, run_in_worker);
  g_task_set_task_data (worker, data, NULL);
  g_task_run_in_thread (worker, thread_func);
}

static void
start_waiting_jobs (CgLibrary *self)
{
  for (GList *l = self->jobs->head; l != NULL && self->n_holds == 0; l = l->next)
    {
      LoadJob *job = l->data;

      if (!job->started)
        {
          job->started = TRUE;
          run_in_worker (load_job_thread, job, on_load_job_done_cb, job);
        }
    }
}

static void
start_job (CgLibrary *self,
           LoadJob   *job)
{
  gboolean was_loading = cg_library_get_loading (self);

  job->library = self;
  job->results = load_results_new ();
  g_queue_push_tail (self->jobs, job);
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  start_waiting_jobs (self);
}

/**
 * cg_library_hold_loads:
 *
 * Until as many cg_library_release_loads(), loads asked for with the _async functions wait to
 * start (#CgLibrary:loading is %TRUE meanwhile). A window holds them until it has drawn its
 * first frame, so parsing a clinic library does not compete with it for the processor.
 */
void
cg_library_hold_loads (CgLibrary *self)
{
  g_return_if_fail (CG_IS_LIBRARY (self));

  self->n_holds++;
}

void
cg_library_release_loads (CgLibrary *self)
{
  g_return_if_fail (CG_IS_LIBRARY (self));
  g_return_if_fail (self->n_holds > 0);

  if (--self->n_holds == 0)
    start_waiting_jobs (self);
}

/**
 * cg_library_add_file_async:
 * @file: a bundle file from disk, untrusted
 *
 * As cg_library_add_file(), but the file is read, validated and turned into topics in a
 * worker thread; the bundle joins the library (and #CgLibrary::changed is emitted) on the
 * thread that called this, once it is ready and every load asked for before it is in.
 */
void
cg_library_add_file_async (CgLibrary           *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  LoadJob *job;

  g_return_if_fail (CG_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (LoadJob, 1);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, cg_library_add_file_async);
  job->file = g_object_ref (file);
  start_job (self, job);
}

/**
 * cg_library_add_file_finish:
 *
 * Returns: %TRUE if the bundle was added, else %FALSE with @error set as cg_library_add_file()
 *   sets it
 */
gboolean
cg_library_add_file_finish (CgLibrary     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cg_library_load_installed_async:
 *
 * As cg_library_load_installed(), but the files are read in a worker thread.
 */
void
cg_library_load_installed_async (CgLibrary           *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  LoadJob *job;

  g_return_if_fail (CG_IS_LIBRARY (self));

  job = g_new0 (LoadJob, 1);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, cg_library_load_installed_async);
  job->seen = dup_seen (self);
  start_job (self, job);
}

/**
 * cg_library_load_installed_finish:
 * @errors: (nullable) (element-type GError): where to add an error for each bundle skipped
 *
 * Returns: the number of bundles added
 */
guint
cg_library_load_installed_finish (CgLibrary     *self,
                                  GAsyncResult  *result,
                                  GPtrArray     *errors)
{
  g_autoptr(GError) error = NULL;
  InstalledOutcome *outcome;
  guint n_added;

  g_return_val_if_fail (CG_IS_LIBRARY (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  if (!(outcome = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      if (errors != NULL)
        g_ptr_array_add (errors, g_steal_pointer (&error));
      return 0;
    }

  n_added = outcome->n_added;
  if (errors != NULL)
    g_ptr_array_extend_and_steal (errors, g_steal_pointer (&outcome->errors));
  installed_outcome_free (outcome);

  return n_added;
}

guint
cg_library_get_n_extra_bundles (CgLibrary *self)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), 0);

  return self->extra->len;
}

/* Returns: (transfer none): the extra bundle at @position, in the order added */
CgBundle *
cg_library_get_extra_bundle (CgLibrary *self,
                             guint      position)
{
  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (position < self->extra->len, NULL);

  return g_ptr_array_index (self->extra, position);
}
