/* cg-library.c: every content bundle the app knows, by language, loaded when first needed
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in content is one bundle per language under RESOURCE_PREFIX/content/LANG/. Only the
 * language shown is parsed at start-up; the others wait until a handout or search asks for them.
 */

#define G_LOG_DOMAIN "cg-library"

#include "config.h"

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-library.h"
#include "cg-resources.h"
#include "cg-topic.h"

#define CONTENT_PATH RESOURCE_PREFIX "/content/"
#define SOURCE_LANGUAGE "en"

struct _CgLibrary
{
  GObject     parent_instance;

  /* Owned */
  GPtrArray  *languages;  /* NULL-terminated, the source language first */
  GHashTable *bundles;    /* language → CgBundle, those loaded so far */
};

G_DEFINE_FINAL_TYPE (CgLibrary, cg_library, G_TYPE_OBJECT)

static void
cg_library_finalize (GObject *object)
{
  CgLibrary *self = (CgLibrary *)object;

  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->bundles, g_hash_table_unref);

  G_OBJECT_CLASS (cg_library_parent_class)->finalize (object);
}

static void
cg_library_class_init (CgLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_library_finalize;
}

static void
cg_library_init (CgLibrary *self)
{
  self->languages = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->bundles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
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
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "No content in language “%s”", language);
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

  return topics;
}

/* Returns: (transfer none) (nullable) */
CgSection *
cg_library_lookup_section (CgLibrary  *self,
                           const char *language,
                           const char *section_id)
{
  CgBundle *bundle;

  g_return_val_if_fail (CG_IS_LIBRARY (self), NULL);

  if (!(bundle = cg_library_get_bundle (self, language, NULL)))
    return NULL;

  return cg_bundle_lookup_section (bundle, section_id);
}
