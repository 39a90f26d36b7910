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

#include <glib/gi18n.h>
#include <glib/gstdio.h>

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
  GPtrArray  *languages;  /* NULL-terminated, the source language first */
  GHashTable *bundles;    /* language → CgBundle, those loaded so far */
  GPtrArray  *extra;      /* CgBundle from disk, in the order added */
};

G_DEFINE_FINAL_TYPE (CgLibrary, cg_library, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cg_library_finalize (GObject *object)
{
  CgLibrary *self = (CgLibrary *)object;

  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->bundles, g_hash_table_unref);
  g_clear_pointer (&self->extra, g_ptr_array_unref);

  G_OBJECT_CLASS (cg_library_parent_class)->finalize (object);
}

static void
cg_library_class_init (CgLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_library_finalize;

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

  for (guint i = 0; i < self->extra->len; i++)
    if ((section = cg_bundle_lookup_section (g_ptr_array_index (self->extra, i), section_id)))
      return section;

  return NULL;
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

/* The bundles whose ids a new bundle must not reuse: the built-in content (the same ids in
 * every language, so the first language stands for all) and the extra bundles. Returns a new
 * array of borrowed bundles: the library owns them. */
static GPtrArray *
get_loaded_bundles (CgLibrary *self)
{
  GPtrArray *bundles = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  if (self->languages->len > 0)
    (void)cg_library_get_bundle (self, g_ptr_array_index (self->languages, 0), NULL);

  g_hash_table_iter_init (&iter, self->bundles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (bundles, value);

  g_ptr_array_extend (bundles, self->extra, NULL, NULL);

  return bundles;
}

static char *dup_file_id (GFile *file);

static char *
dup_origin_file_id (CgBundle *bundle)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (cg_bundle_get_origin (bundle));

  return dup_file_id (file);
}

/* With @other_files_only, bundles read from @bundle's own file do not count: that is the
 * same bundle, checked again. */
static gboolean
check_conflicts (CgLibrary  *self,
                 CgBundle   *bundle,
                 gboolean    other_files_only,
                 GError    **error)
{
  g_autoptr(GPtrArray) loaded = get_loaded_bundles (self);
  const char *origin = cg_bundle_get_origin (bundle);

  if (other_files_only)
    {
      g_autofree char *file_id = dup_origin_file_id (bundle);

      for (guint i = loaded->len; file_id != NULL && i-- > 0; )
        {
          g_autofree char *other_id = dup_origin_file_id (g_ptr_array_index (loaded, i));

          if (g_strcmp0 (file_id, other_id) == 0)
            g_ptr_array_remove_index (loaded, i);
        }
    }

  for (guint i = 0; i < loaded->len && !other_files_only; i++)
    {
      CgBundle *other = g_ptr_array_index (loaded, i);

      if (g_str_equal (cg_bundle_get_origin (other), origin))
        {
          g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_ALREADY_OPEN,
                       _("%s: This bundle is already open"), origin);
          return FALSE;
        }
    }

  for (guint t = 0; t < cg_bundle_get_n_topics (bundle); t++)
    {
      CgTopic *topic = cg_bundle_get_topic (bundle, t);

      for (guint i = 0; i < loaded->len; i++)
        {
          CgBundle *other = g_ptr_array_index (loaded, i);

          for (guint j = 0; j < cg_bundle_get_n_topics (other); j++)
            if (g_str_equal (cg_topic_get_id (cg_bundle_get_topic (other, j)), cg_topic_get_id (topic)))
              {
                /* Translators: “FILE: Topic “ID” is already in OTHER-FILE; …” */
                g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_DUPLICATE_ID,
                             _("%s: Topic “%s” is already in %s; this bundle was not added"),
                             origin, cg_topic_get_id (topic), cg_bundle_get_origin (other));
                return FALSE;
              }
        }

      for (guint s = 0; s < cg_topic_get_n_sections (topic); s++)
        {
          CgSection *section = cg_topic_get_section (topic, s);

          for (guint i = 0; i < loaded->len; i++)
            {
              CgBundle *other = g_ptr_array_index (loaded, i);

              if (cg_bundle_lookup_section (other, cg_section_get_id (section)) != NULL)
                {
                  g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_DUPLICATE_ID,
                               _("%s:%u: Section “%s” is already in %s; this bundle was not added"),
                               origin, cg_section_get_line (section), cg_section_get_id (section),
                               cg_bundle_get_origin (other));
                  return FALSE;
                }
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
 * Returns: the number of bundles added
 */
guint
cg_library_load_installed (CgLibrary *self,
                           GPtrArray *errors)
{
  g_autoptr(GPtrArray) dirs = cg_library_dup_bundle_dirs ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_added = 0;

  g_return_val_if_fail (CG_IS_LIBRARY (self), 0);

  for (guint i = 0; i < self->extra->len; i++)
    g_hash_table_add (seen, g_strdup (cg_bundle_get_origin (g_ptr_array_index (self->extra, i))));

  for (guint i = 0; i < dirs->len; i++)
    {
      const char *path = g_ptr_array_index (dirs, i);
      g_autoptr(GFile) dir = g_file_new_for_path (path);
      g_autofree char *dir_id = NULL;
      g_autoptr(GPtrArray) names = NULL;
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
          if (saved_errno != ENOENT && errors != NULL)
            /* Translators: the first %s is a folder, the second the system's reason */
            g_ptr_array_add (errors, g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                                  _("%s: This bundles folder cannot be read: %s"),
                                                  path, g_strerror (saved_errno)));
          continue;
        }

      dir_id = dup_file_id (dir);
      if (dir_id == NULL || !g_hash_table_add (seen, g_steal_pointer (&dir_id)))
        continue;

      names = cg_content_dirs_list_files (dir, ".xml", errors);

      for (guint j = 0; j < names->len; j++)
        {
          g_autoptr(GFile) file = g_file_get_child (dir, g_ptr_array_index (names, j));
          g_autofree char *file_id = dup_file_id (file);
          g_autoptr(CgBundle) bundle = NULL;
          g_autoptr(GError) error = NULL;

          if (g_hash_table_contains (seen, g_file_peek_path (file)) ||
              (file_id != NULL && !g_hash_table_add (seen, g_steal_pointer (&file_id))))
            continue;

          if (!(bundle = cg_bundle_load_file (file, &error)) ||
              !add_bundle (self, bundle, &error))
            {
              g_debug ("Skipping installed bundle: %s", error->message);
              if (errors != NULL)
                g_ptr_array_add (errors, g_steal_pointer (&error));
              continue;
            }

          n_added++;
        }
    }

  if (n_added > 0)
    g_signal_emit (self, signals[CHANGED], 0);

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
