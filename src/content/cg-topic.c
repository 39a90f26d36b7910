/* cg-topic.c: a topic of a bundle, an ordered list of sections
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-topic"

#include "config.h"

#include "cg-bundle-private.h"
#include "cg-section.h"
#include "cg-topic.h"

struct _CgTopic
{
  GObject    parent_instance;

  /* Owned */
  char      *id;
  char      *title;
  GPtrArray *sections;

  /* Borrowed: the bundle owns its topics */
  CgBundle  *bundle;
};

G_DEFINE_FINAL_TYPE (CgTopic, cg_topic, G_TYPE_OBJECT)

static void
cg_topic_finalize (GObject *object)
{
  CgTopic *self = (CgTopic *)object;

  for (guint i = 0; i < self->sections->len; i++)
    _cg_section_set_topic (g_ptr_array_index (self->sections, i), NULL);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (cg_topic_parent_class)->finalize (object);
}

static void
cg_topic_class_init (CgTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_topic_finalize;
}

static void
cg_topic_init (CgTopic *self)
{
  self->sections = g_ptr_array_new_with_free_func (g_object_unref);
}

CgTopic *
cg_topic_new (const char *id,
              const char *title)
{
  CgTopic *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (CG_TYPE_TOPIC, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);

  return self;
}

void
cg_topic_add_section (CgTopic   *self,
                      CgSection *section)
{
  g_return_if_fail (CG_IS_TOPIC (self));
  g_return_if_fail (CG_IS_SECTION (section));

  g_ptr_array_add (self->sections, g_object_ref (section));
  _cg_section_set_topic (section, self);
}

const char *
cg_topic_get_id (CgTopic *self)
{
  g_return_val_if_fail (CG_IS_TOPIC (self), NULL);

  return self->id;
}

const char *
cg_topic_get_title (CgTopic *self)
{
  g_return_val_if_fail (CG_IS_TOPIC (self), NULL);

  return self->title;
}

guint
cg_topic_get_n_sections (CgTopic *self)
{
  g_return_val_if_fail (CG_IS_TOPIC (self), 0);

  return self->sections->len;
}

/* Returns: (transfer none) */
CgSection *
cg_topic_get_section (CgTopic *self,
                      guint    position)
{
  g_return_val_if_fail (CG_IS_TOPIC (self), NULL);
  g_return_val_if_fail (position < self->sections->len, NULL);

  return g_ptr_array_index (self->sections, position);
}

/* Returns: (transfer none) (nullable) */
CgSection *
cg_topic_lookup_section (CgTopic    *self,
                         const char *section_id)
{
  g_return_val_if_fail (CG_IS_TOPIC (self), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      CgSection *section = g_ptr_array_index (self->sections, i);

      if (g_strcmp0 (cg_section_get_id (section), section_id) == 0)
        return section;
    }

  return NULL;
}

/* Returns: (transfer none) (nullable) */
CgBundle *
cg_topic_get_bundle (CgTopic *self)
{
  g_return_val_if_fail (CG_IS_TOPIC (self), NULL);

  return self->bundle;
}

void
_cg_topic_set_bundle (CgTopic  *self,
                      CgBundle *bundle)
{
  g_return_if_fail (CG_IS_TOPIC (self));

  self->bundle = bundle;
}
