/* cg-library.c: every content bundle the app knows, by language, loaded when first needed
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in content is one bundle per language under RESOURCE_PREFIX/content/LANG/. Only the
 * language shown is parsed at start-up; the others wait until a handout or search asks for them.
 * Extra bundles from disk (clinic content) are single-language and shown whatever the language;
 * which ids they take is CgIdRegistry's job, reading them in workers CgLoadQueue's, finding the
 * installed ones cg-installed-bundles.c's.
 */

#define G_LOG_DOMAIN "cg-library"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-id-registry.h"
#include "cg-installed-bundles.h"
#include "cg-library.h"
#include "cg-load-queue.h"
#include "cg-resources.h"
#include "cg-section.h"
#include "cg-topic.h"

#define CONTENT_PATH RESOURCE_PREFIX "/content/"
#define SOURCE_LANGUAGE "en"

struct _CgLibrary
{
  GObject       parent_instance;

  /* Owned */
  GPtrArray    *languages;  /* NULL-terminated, the source language first */
  GHashTable   *bundles;    /* language → CgBundle, those loaded so far */
  GPtrArray    *extra;      /* CgBundle from disk, in the order added */
  CgIdRegistry *ids;        /* the ids the built-in content and the extra bundles took */
  CgLoadQueue  *loads;      /* the _async loads under way */

  guint         ids_have_builtin : 1;
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

  /* The registry borrows from the bundles: it goes first */
  g_clear_object (&self->ids);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->bundles, g_hash_table_unref);
  g_clear_pointer (&self->extra, g_ptr_array_unref);
  /* Each load's task holds the library: none can be left in the queue here */
  g_clear_object (&self->loads);

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
on_loads_loading_cb (CgLibrary  *self,
                     GParamSpec *pspec,
                     CgLoadQueue *loads)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
cg_library_init (CgLibrary *self)
{
  self->languages = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->bundles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->extra = g_ptr_array_new_with_free_func (g_object_unref);
  self->ids = cg_id_registry_new ();
  self->loads = cg_load_queue_new ();
  g_signal_connect_object (self->loads, "notify::loading",
                           G_CALLBACK (on_loads_loading_cb), self, G_CONNECT_SWAPPED);
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

  return cg_id_registry_lookup_section (self->ids, section_id);
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

/* The built-in ids are the same in every language: the first language stands for all. */
static void
ensure_builtin_ids (CgLibrary *self)
{
  if (self->ids_have_builtin || self->languages->len == 0)
    return;

  cg_id_registry_set_builtin (self->ids,
                              cg_library_get_bundle (self, g_ptr_array_index (self->languages, 0), NULL));
  self->ids_have_builtin = TRUE;
}

static gboolean
add_bundle (CgLibrary  *self,
            CgBundle   *bundle,
            GError    **error)
{
  ensure_builtin_ids (self);
  if (!cg_id_registry_check (self->ids, bundle, FALSE, error))
    return FALSE;

  g_ptr_array_add (self->extra, g_object_ref (bundle));
  cg_id_registry_add (self->ids, bundle);

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

  ensure_builtin_ids (self);
  return cg_id_registry_check (self->ids, bundle, TRUE, error);
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

/* Adds the bundles of @results in order; a refused one leaves its error in place. */
static guint
add_results (CgLibrary *self,
             GArray    *results)
{
  guint n_added = 0;

  for (guint i = 0; i < results->len; i++)
    {
      CgLoadResult *result = &g_array_index (results, CgLoadResult, i);

      if (result->bundle != NULL && add_bundle (self, result->bundle, &result->error))
        n_added++;
      else if (result->error != NULL)
        g_debug ("Skipping bundle: %s", result->error->message);
    }

  return n_added;
}

/**
 * cg_library_load_installed:
 * @errors: (nullable) (element-type GError): where to add an error for each bundle skipped,
 *   e.g. g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free)
 *
 * Adds every `*.xml` bundle in the directories of cg_installed_bundles_dup_dirs(), each
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
  g_autoptr(GArray) results = cg_load_results_new ();
  guint n_added;

  g_return_val_if_fail (CG_IS_LIBRARY (self), 0);

  seen = cg_id_registry_dup_origins (self->ids);
  cg_installed_bundles_read (seen, results);
  n_added = add_results (self, results);
  cg_load_results_steal_errors (results, errors);

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

  return cg_load_queue_get_loading (self->loads);
}

/* Both run on the library's thread, in the order the loads were asked for. @task holds the
 * library. */
static void
on_file_loaded (GArray   *results,
                gpointer  user_data)
{
  GTask *task = user_data;
  CgLibrary *self = g_task_get_source_object (task);
  CgLoadResult *result = &g_array_index (results, CgLoadResult, 0);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (add_results (self, results) > 0)
    g_signal_emit (self, signals[CHANGED], 0);

  if (result->error != NULL)
    g_task_return_error (task, g_steal_pointer (&result->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_installed_loaded (GArray   *results,
                     gpointer  user_data)
{
  GTask *task = user_data;
  CgLibrary *self = g_task_get_source_object (task);
  InstalledOutcome *outcome;

  if (g_task_return_error_if_cancelled (task))
    return;

  outcome = g_new0 (InstalledOutcome, 1);
  outcome->n_added = add_results (self, results);
  if (outcome->n_added > 0)
    g_signal_emit (self, signals[CHANGED], 0);

  outcome->errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  cg_load_results_steal_errors (results, outcome->errors);
  g_task_return_pointer (task, outcome, (GDestroyNotify)installed_outcome_free);
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

  cg_load_queue_hold (self->loads);
}

void
cg_library_release_loads (CgLibrary *self)
{
  g_return_if_fail (CG_IS_LIBRARY (self));

  cg_load_queue_release (self->loads);
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
  GTask *task;

  g_return_if_fail (CG_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cg_library_add_file_async);
  cg_load_queue_push_file (self->loads, file, on_file_loaded, task, g_object_unref);
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
  GTask *task;

  g_return_if_fail (CG_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cg_library_load_installed_async);
  cg_load_queue_push_installed (self->loads, cg_id_registry_dup_origins (self->ids),
                                on_installed_loaded, task, g_object_unref);
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
