/* cg-content-history.c: back and forward through the places read, as in a web browser
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A place keeps the caret as well as the scroll position: a screen reader reads at the caret,
 * so Back returns to the line that was being read, not only to the section. No widgets here:
 * the content view captures and restores places.
 */

#define G_LOG_DOMAIN "cg-content-history"

#include "config.h"

#include "cg-content-history.h"

struct _CgContentHistory
{
  GObject  parent_instance;

  GQueue   back;      /* CgContentPlace, newest first */
  GQueue   forward;   /* CgContentPlace, nearest first */
  guint    max_places;
};

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (CgContentHistory, cg_content_history, G_TYPE_OBJECT)

/**
 * cg_content_place_new:
 * @section: (nullable): the section in view
 *
 * Returns: (transfer full): a place in @topic
 */
CgContentPlace *
cg_content_place_new (CgTopic   *topic,
                      CgSection *section,
                      int        caret_offset,
                      int        top_offset)
{
  CgContentPlace *place;

  g_return_val_if_fail (CG_IS_TOPIC (topic), NULL);
  g_return_val_if_fail (section == NULL || CG_IS_SECTION (section), NULL);

  place = g_new0 (CgContentPlace, 1);
  place->topic = g_object_ref (topic);
  place->section = section != NULL ? g_object_ref (section) : NULL;
  place->caret_offset = MAX (caret_offset, 0);
  place->top_offset = MAX (top_offset, 0);
  return place;
}

void
cg_content_place_free (CgContentPlace *place)
{
  if (place == NULL)
    return;

  g_clear_object (&place->topic);
  g_clear_object (&place->section);
  g_free (place);
}

static void
notify_can_go (CgContentHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_GO_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_GO_FORWARD]);
}

static void
cg_content_history_finalize (GObject *object)
{
  CgContentHistory *self = CG_CONTENT_HISTORY (object);

  g_queue_clear_full (&self->back, (GDestroyNotify) cg_content_place_free);
  g_queue_clear_full (&self->forward, (GDestroyNotify) cg_content_place_free);

  G_OBJECT_CLASS (cg_content_history_parent_class)->finalize (object);
}

static void
cg_content_history_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CgContentHistory *self = CG_CONTENT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, cg_content_history_get_can_go_back (self));
      break;

    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, cg_content_history_get_can_go_forward (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_content_history_class_init (CgContentHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_content_history_finalize;
  object_class->get_property = cg_content_history_get_property;

  properties [PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_content_history_init (CgContentHistory *self)
{
  g_queue_init (&self->back);
  g_queue_init (&self->forward);
}

/**
 * cg_content_history_new:
 * @max_places: how many places back are kept; older ones are forgotten
 */
CgContentHistory *
cg_content_history_new (guint max_places)
{
  CgContentHistory *self = g_object_new (CG_TYPE_CONTENT_HISTORY, NULL);

  self->max_places = MAX (max_places, 1);
  return self;
}

/**
 * cg_content_history_push:
 * @left: (transfer full): the place the reader leaves for another one
 *
 * Remembers @left to come back to; the places ahead are forgotten, as in a browser.
 */
void
cg_content_history_push (CgContentHistory *self,
                         CgContentPlace   *left)
{
  g_return_if_fail (CG_IS_CONTENT_HISTORY (self));
  g_return_if_fail (left != NULL);

  g_queue_push_head (&self->back, left);
  while (g_queue_get_length (&self->back) > self->max_places)
    cg_content_place_free (g_queue_pop_tail (&self->back));
  g_queue_clear_full (&self->forward, (GDestroyNotify) cg_content_place_free);
  notify_can_go (self);
}

static CgContentPlace *
go (CgContentHistory *self,
    GQueue           *from,
    GQueue           *to,
    CgContentPlace   *current)
{
  CgContentPlace *place;

  if (g_queue_is_empty (from))
    {
      cg_content_place_free (current);
      return NULL;
    }

  place = g_queue_pop_head (from);
  g_queue_push_head (to, current);
  notify_can_go (self);
  return place;
}

/**
 * cg_content_history_go_back:
 * @current: (transfer full): the place being left, to come forward to again
 *
 * Returns: (transfer full) (nullable): the place to go back to, or %NULL if there is none
 */
CgContentPlace *
cg_content_history_go_back (CgContentHistory *self,
                            CgContentPlace   *current)
{
  g_return_val_if_fail (CG_IS_CONTENT_HISTORY (self), NULL);
  g_return_val_if_fail (current != NULL, NULL);

  return go (self, &self->back, &self->forward, current);
}

/**
 * cg_content_history_go_forward:
 * @current: (transfer full): the place being left, to come back to again
 *
 * Returns: (transfer full) (nullable): the place to go forward to, or %NULL if there is none
 */
CgContentPlace *
cg_content_history_go_forward (CgContentHistory *self,
                               CgContentPlace   *current)
{
  g_return_val_if_fail (CG_IS_CONTENT_HISTORY (self), NULL);
  g_return_val_if_fail (current != NULL, NULL);

  return go (self, &self->forward, &self->back, current);
}

gboolean
cg_content_history_get_can_go_back (CgContentHistory *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->back);
}

gboolean
cg_content_history_get_can_go_forward (CgContentHistory *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->forward);
}
