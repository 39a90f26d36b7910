/* cg-section.c: one section of a topic (heading, keywords, questions and body blocks)
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-section"

#include "config.h"

#include "cg-bundle-private.h"
#include "cg-section.h"
#include "cg-section-text.h"

struct _CgSection
{
  GObject    parent_instance;

  /* Owned */
  char      *id;
  char      *title;
  GPtrArray *keywords;  /* NULL-terminated array of char* */
  GPtrArray *questions; /* nullable until the first: NULL-terminated array of char* */
  GPtrArray *kinds;     /* the same */
  GArray    *blocks;    /* of CgBlock */

  /* Borrowed: the topic owns its sections, so it outlives them while the bundle is alive */
  CgTopic   *topic;

  guint      line;
};

G_DEFINE_FINAL_TYPE (CgSection, cg_section, G_TYPE_OBJECT)

static void
clear_block (gpointer data)
{
  CgBlock *block = data;

  g_clear_pointer (&block->text, g_free);
  g_clear_pointer (&block->items, g_strfreev);
}

static void
cg_section_finalize (GObject *object)
{
  CgSection *self = (CgSection *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->keywords, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_array_unref);

  G_OBJECT_CLASS (cg_section_parent_class)->finalize (object);
}

static void
cg_section_class_init (CgSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_section_finalize;
}

static void
cg_section_init (CgSection *self)
{
  /* Room for one, so an empty list is still a NULL-terminated array, not NULL */
  self->keywords = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->blocks = g_array_new (FALSE, TRUE, sizeof (CgBlock));
  g_array_set_clear_func (self->blocks, clear_block);
}

CgSection *
cg_section_new (const char *id,
                const char *title,
                guint       line)
{
  CgSection *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (CG_TYPE_SECTION, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->line = line;

  return self;
}

void
cg_section_add_keyword (CgSection  *self,
                        const char *keyword)
{
  g_return_if_fail (CG_IS_SECTION (self));
  g_return_if_fail (keyword != NULL);

  g_ptr_array_add (self->keywords, g_strdup (keyword));
}

/* Most sections of a large clinic library have no questions or kinds: nothing is allocated for
 * them until the first. */
static void
add_string (GPtrArray  **strings,
            const char  *string)
{
  if (*strings == NULL)
    *strings = g_ptr_array_new_null_terminated (1, g_free, TRUE);

  g_ptr_array_add (*strings, g_strdup (string));
}

static const char * const *
get_strings (GPtrArray *strings)
{
  static const char * const none[] = { NULL };

  return strings != NULL ? (const char * const *)strings->pdata : none;
}

/* A question a patient might ask that the section answers: a search aid, never shown as
 * medical text. */
void
cg_section_add_question (CgSection  *self,
                         const char *question)
{
  g_return_if_fail (CG_IS_SECTION (self));
  g_return_if_fail (question != NULL);

  add_string (&self->questions, question);
}

/* A kind of question the section answers, such as "causes": search leans to it when a query
 * asks that kind of question ("why…"). */
void
cg_section_add_kind (CgSection  *self,
                     const char *kind)
{
  g_return_if_fail (CG_IS_SECTION (self));
  g_return_if_fail (kind != NULL);

  add_string (&self->kinds, kind);
}

/* Takes a deep copy of @block. */
void
cg_section_add_block (CgSection     *self,
                      const CgBlock *block)
{
  CgBlock copy;

  g_return_if_fail (CG_IS_SECTION (self));
  g_return_if_fail (block != NULL);

  copy.kind = block->kind;
  copy.line = block->line;
  copy.text = g_strdup (block->text);
  copy.items = g_strdupv (block->items);
  g_array_append_val (self->blocks, copy);
}

const char *
cg_section_get_id (CgSection *self)
{
  g_return_val_if_fail (CG_IS_SECTION (self), NULL);

  return self->id;
}

const char *
cg_section_get_title (CgSection *self)
{
  g_return_val_if_fail (CG_IS_SECTION (self), NULL);

  return self->title;
}

guint
cg_section_get_line (CgSection *self)
{
  g_return_val_if_fail (CG_IS_SECTION (self), 0);

  return self->line;
}

/* Returns: (transfer none): the lay search terms, NULL-terminated, possibly empty */
const char * const *
cg_section_get_keywords (CgSection *self)
{
  g_return_val_if_fail (CG_IS_SECTION (self), NULL);

  return (const char * const *)self->keywords->pdata;
}

/* Returns: (transfer none): the questions the section answers, NULL-terminated, possibly empty */
const char * const *
cg_section_get_questions (CgSection *self)
{
  g_return_val_if_fail (CG_IS_SECTION (self), NULL);

  return get_strings (self->questions);
}

/* Returns: (transfer none): the kinds of question the section answers, NULL-terminated,
 *   possibly empty */
const char * const *
cg_section_get_kinds (CgSection *self)
{
  g_return_val_if_fail (CG_IS_SECTION (self), NULL);

  return get_strings (self->kinds);
}

guint
cg_section_get_n_blocks (CgSection *self)
{
  g_return_val_if_fail (CG_IS_SECTION (self), 0);

  return self->blocks->len;
}

const CgBlock *
cg_section_get_block (CgSection *self,
                      guint      position)
{
  g_return_val_if_fail (CG_IS_SECTION (self), NULL);
  g_return_val_if_fail (position < self->blocks->len, NULL);

  return &g_array_index (self->blocks, CgBlock, position);
}

/* Returns: (transfer none) (nullable): the topic holding this section */
CgTopic *
cg_section_get_topic (CgSection *self)
{
  g_return_val_if_fail (CG_IS_SECTION (self), NULL);

  return self->topic;
}

void
_cg_section_set_topic (CgSection *self,
                       CgTopic   *topic)
{
  g_return_if_fail (CG_IS_SECTION (self));

  self->topic = topic;
}

/* Returns: the body as plain text, one block or list item a line, without the title */
char *
cg_section_dup_text (CgSection *self)
{
  g_return_val_if_fail (CG_IS_SECTION (self), NULL);

  return cg_section_text_format (self, CG_SECTION_TEXT_LINES);
}
