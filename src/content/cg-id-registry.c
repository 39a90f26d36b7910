/* cg-id-registry.c: which bundle has taken each topic and section id
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hash lookups, so a clinic library of thousands of sections is checked in a few milliseconds.
 */

#define G_LOG_DOMAIN "cg-id-registry"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-id-registry.h"
#include "cg-installed-bundles.h"
#include "cg-section.h"
#include "cg-topic.h"

struct _CgIdRegistry
{
  GObject     parent_instance;

  CgBundle   *builtin;      /* owned, nullable: its section ids are looked up in it */
  GHashTable *topic_ids;    /* topic id → CgBundle (borrowed): the ids taken */
  GHashTable *section_ids;  /* section id → CgSection (borrowed), of the extra bundles */
  GHashTable *origins;      /* file names of the extra bundles */
};

G_DEFINE_FINAL_TYPE (CgIdRegistry, cg_id_registry, G_TYPE_OBJECT)

static void
cg_id_registry_finalize (GObject *object)
{
  CgIdRegistry *self = (CgIdRegistry *)object;

  g_clear_object (&self->builtin);
  g_clear_pointer (&self->topic_ids, g_hash_table_unref);
  g_clear_pointer (&self->section_ids, g_hash_table_unref);
  g_clear_pointer (&self->origins, g_hash_table_unref);

  G_OBJECT_CLASS (cg_id_registry_parent_class)->finalize (object);
}

static void
cg_id_registry_class_init (CgIdRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_id_registry_finalize;
}

static void
cg_id_registry_init (CgIdRegistry *self)
{
  self->topic_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->section_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

CgIdRegistry *
cg_id_registry_new (void)
{
  return g_object_new (CG_TYPE_ID_REGISTRY, NULL);
}

/**
 * cg_id_registry_set_builtin:
 * @builtin: (nullable): the built-in content in one language
 *
 * The built-in topic and section ids are the same in every language: one language's bundle
 * stands for all. Its section ids are looked up in the bundle itself, so only its topics go in
 * the table.
 */
void
cg_id_registry_set_builtin (CgIdRegistry *self,
                            CgBundle     *builtin)
{
  g_return_if_fail (CG_IS_ID_REGISTRY (self));
  g_return_if_fail (builtin == NULL || CG_IS_BUNDLE (builtin));
  g_return_if_fail (self->builtin == NULL);

  if (builtin == NULL)
    return;

  self->builtin = g_object_ref (builtin);
  for (guint i = 0; i < cg_bundle_get_n_topics (builtin); i++)
    g_hash_table_insert (self->topic_ids,
                         (gpointer)cg_topic_get_id (cg_bundle_get_topic (builtin, i)), builtin);
}

/* The bundle that has @section_id already, if any */
static CgBundle *
lookup_section_owner (CgIdRegistry *self,
                      const char   *section_id)
{
  CgSection *section;

  if ((section = g_hash_table_lookup (self->section_ids, section_id)))
    return cg_topic_get_bundle (cg_section_get_topic (section));

  if (self->builtin != NULL && cg_bundle_lookup_section (self->builtin, section_id) != NULL)
    return self->builtin;

  return NULL;
}

static char *
dup_origin_file_id (CgBundle *bundle)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (cg_bundle_get_origin (bundle));

  return cg_installed_bundles_dup_file_id (file);
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

static gboolean
check_sections (CgIdRegistry  *self,
                CgBundle      *bundle,
                CgTopic       *topic,
                const char    *file_id,
                GError       **error)
{
  for (guint s = 0; s < cg_topic_get_n_sections (topic); s++)
    {
      CgSection *section = cg_topic_get_section (topic, s);
      CgBundle *other;

      if ((other = lookup_section_owner (self, cg_section_get_id (section))) &&
          is_other_file (other, file_id))
        {
          g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_DUPLICATE_ID,
                       _("%s:%u: Section “%s” is already in %s; this bundle was not added"),
                       cg_bundle_get_origin (bundle), cg_section_get_line (section),
                       cg_section_get_id (section), cg_bundle_get_origin (other));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * cg_id_registry_check:
 * @other_files_only: whether bundles read from @bundle's own file do not count (that is the
 *   same bundle, checked again), and a file already added is not an error
 *
 * Returns: %TRUE if @bundle could be added, else %FALSE with @error set
 *   (%CG_BUNDLE_ERROR_ALREADY_OPEN, %CG_BUNDLE_ERROR_DUPLICATE_ID) naming both files
 */
gboolean
cg_id_registry_check (CgIdRegistry  *self,
                      CgBundle      *bundle,
                      gboolean       other_files_only,
                      GError       **error)
{
  const char *origin;
  g_autofree char *file_id = NULL;

  g_return_val_if_fail (CG_IS_ID_REGISTRY (self), FALSE);
  g_return_val_if_fail (CG_IS_BUNDLE (bundle), FALSE);

  origin = cg_bundle_get_origin (bundle);
  file_id = other_files_only ? dup_origin_file_id (bundle) : NULL;

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
          is_other_file (other, file_id))
        {
          /* Translators: “FILE: Topic “ID” is already in OTHER-FILE; …” */
          g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_DUPLICATE_ID,
                       _("%s: Topic “%s” is already in %s; this bundle was not added"),
                       origin, cg_topic_get_id (topic), cg_bundle_get_origin (other));
          return FALSE;
        }

      if (!check_sections (self, bundle, topic, file_id, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cg_id_registry_add:
 * @bundle: an extra bundle that cg_id_registry_check() accepted; the caller keeps it alive
 *
 * Takes @bundle's topic and section ids and its file name.
 */
void
cg_id_registry_add (CgIdRegistry *self,
                    CgBundle     *bundle)
{
  g_return_if_fail (CG_IS_ID_REGISTRY (self));
  g_return_if_fail (CG_IS_BUNDLE (bundle));

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
}

/* Returns: (transfer none) (nullable): the extra bundles' section with @section_id */
CgSection *
cg_id_registry_lookup_section (CgIdRegistry *self,
                               const char   *section_id)
{
  g_return_val_if_fail (CG_IS_ID_REGISTRY (self), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  return g_hash_table_lookup (self->section_ids, section_id);
}

/* Returns: (transfer full): a set of the extra bundles' file names, so loading the installed
 *   bundles again skips them */
GHashTable *
cg_id_registry_dup_origins (CgIdRegistry *self)
{
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer origin;

  g_return_val_if_fail (CG_IS_ID_REGISTRY (self), NULL);

  g_hash_table_iter_init (&iter, self->origins);
  while (g_hash_table_iter_next (&iter, &origin, NULL))
    g_hash_table_add (seen, g_strdup (origin));

  return seen;
}
