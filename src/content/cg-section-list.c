/* cg-section-list.c: every section of a list of topics, as one flat GListModel
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the sidebar shows, without a widget or an object per section: the topics and, per
 * topic, the position of its first section. A list view asks for the few items it shows.
 */

#define G_LOG_DOMAIN "cg-section-list"

#include "config.h"

#include "cg-section.h"
#include "cg-section-list.h"
#include "cg-topic.h"

struct _CgSectionList
{
  GObject    parent_instance;

  /* Owned */
  GPtrArray *topics;  /* of CgTopic */
  GArray    *starts;  /* of guint: the position of each topic's first section, then the total */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CgSectionList, cg_section_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static guint
get_n_items (CgSectionList *self)
{
  return g_array_index (self->starts, guint, self->starts->len - 1);
}

/* The topic holding @position, which must be below get_n_items() */
static guint
find_topic (CgSectionList *self,
            guint          position)
{
  const guint *starts = (const guint *)(gpointer)self->starts->data;
  guint lo = 0;
  guint hi = self->topics->len;

  /* The last topic whose first position is not after @position; empty topics are skipped
   * because the next one starts at the same place. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (starts[mid] <= position)
        lo = mid;
      else
        hi = mid;
    }

  while (lo + 1 < self->topics->len && starts[lo + 1] <= position)
    lo++;

  return lo;
}

static GType
cg_section_list_get_item_type (GListModel *model)
{
  return CG_TYPE_SECTION;
}

static guint
cg_section_list_get_n_items (GListModel *model)
{
  return get_n_items (CG_SECTION_LIST (model));
}

static gpointer
cg_section_list_get_item (GListModel *model,
                          guint       position)
{
  CgSection *section = cg_section_list_peek_section (CG_SECTION_LIST (model), position);

  return section != NULL ? g_object_ref (section) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cg_section_list_get_item_type;
  iface->get_n_items = cg_section_list_get_n_items;
  iface->get_item = cg_section_list_get_item;
}

static void
cg_section_list_finalize (GObject *object)
{
  CgSectionList *self = (CgSectionList *)object;

  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->starts, g_array_unref);

  G_OBJECT_CLASS (cg_section_list_parent_class)->finalize (object);
}

static void
cg_section_list_class_init (CgSectionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_section_list_finalize;
}

static void
cg_section_list_init (CgSectionList *self)
{
  guint zero = 0;

  self->topics = g_ptr_array_new_with_free_func (g_object_unref);
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (self->starts, zero);
}

CgSectionList *
cg_section_list_new (void)
{
  return g_object_new (CG_TYPE_SECTION_LIST, NULL);
}

/**
 * cg_section_list_set_topics:
 * @topics: (element-type CgTopic): the topics, in order
 *
 * Lists the sections of @topics. Topics the list starts with already keep their items, so
 * adding a clinic bundle after the others only adds items (and a list view keeps its
 * selection and scroll position). When the list goes from one topic to several, the first
 * item changes too: it gets a topic heading.
 */
void
cg_section_list_set_topics (CgSectionList *self,
                            GPtrArray     *topics)
{
  guint n_before;
  guint n_kept = 0;
  guint kept_items;
  gboolean headings_before;

  g_return_if_fail (CG_IS_SECTION_LIST (self));
  g_return_if_fail (topics != NULL);

  n_before = get_n_items (self);
  headings_before = self->topics->len > 1;

  while (n_kept < self->topics->len && n_kept < topics->len &&
         g_ptr_array_index (self->topics, n_kept) == g_ptr_array_index (topics, n_kept))
    n_kept++;

  g_ptr_array_set_size (self->topics, n_kept);
  g_array_set_size (self->starts, n_kept + 1);
  kept_items = g_array_index (self->starts, guint, n_kept);

  for (guint i = n_kept; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);
      guint end = g_array_index (self->starts, guint, self->starts->len - 1) + cg_topic_get_n_sections (topic);

      g_ptr_array_add (self->topics, g_object_ref (topic));
      g_array_append_val (self->starts, end);
    }

  if (kept_items > 0 && headings_before != (self->topics->len > 1))
    {
      /* The first item gains or loses its heading: say it changed, with the rest */
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n_before, get_n_items (self));
      return;
    }

  if (n_before != kept_items || get_n_items (self) != kept_items)
    g_list_model_items_changed (G_LIST_MODEL (self), kept_items,
                                n_before - kept_items, get_n_items (self) - kept_items);
}

guint
cg_section_list_get_n_topics (CgSectionList *self)
{
  g_return_val_if_fail (CG_IS_SECTION_LIST (self), 0);

  return self->topics->len;
}

/* Returns: (transfer none) (nullable): the section at @position */
CgSection *
cg_section_list_peek_section (CgSectionList *self,
                              guint          position)
{
  guint topic;

  g_return_val_if_fail (CG_IS_SECTION_LIST (self), NULL);

  if (position >= get_n_items (self))
    return NULL;

  topic = find_topic (self, position);

  return cg_topic_get_section (g_ptr_array_index (self->topics, topic),
                               position - g_array_index (self->starts, guint, topic));
}

/* Returns: whether @position is the first section of its topic, where a heading goes */
gboolean
cg_section_list_is_topic_start (CgSectionList *self,
                                guint          position)
{
  g_return_val_if_fail (CG_IS_SECTION_LIST (self), FALSE);

  if (position >= get_n_items (self))
    return FALSE;

  return g_array_index (self->starts, guint, find_topic (self, position)) == position;
}

/* Returns: the position of the section with @section_id, or GTK_INVALID_LIST_POSITION's value
 *   (G_MAXUINT) if there is none */
guint
cg_section_list_find (CgSectionList *self,
                      const char    *section_id)
{
  g_return_val_if_fail (CG_IS_SECTION_LIST (self), G_MAXUINT);

  if (section_id == NULL)
    return G_MAXUINT;

  for (guint t = 0; t < self->topics->len; t++)
    {
      CgTopic *topic = g_ptr_array_index (self->topics, t);

      for (guint s = 0; s < cg_topic_get_n_sections (topic); s++)
        if (g_str_equal (cg_section_get_id (cg_topic_get_section (topic, s)), section_id))
          return g_array_index (self->starts, guint, t) + s;
    }

  return G_MAXUINT;
}
