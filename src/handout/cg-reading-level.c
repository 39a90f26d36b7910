/* cg-reading-level.c: the reading level of a handout, section by section and as a whole
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the builder shows and `--reading-level` prints: each section's figure against the
 * language's target (cg-readability.c), and the whole handout's, counted over all its text
 * at once (not an average of the sections', which would weigh a short section as a long one).
 */

#define G_LOG_DOMAIN "cg-reading-level"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-library.h"
#include "cg-reading-level.h"
#include "cg-section.h"
#include "cg-topic.h"

typedef struct
{
  char          *id;
  char          *title;
  CgReadability  level;
  gboolean       verbatim;  /* the built-in text, printed word for word from its source */
} Section;

struct _CgReadingLevel
{
  char          *language;
  GArray        *sections;  /* of Section */
  GString       *text;      /* everything, for the whole handout's figure */
  CgReadability  whole;
  gboolean       whole_done;
};

static void
clear_section (gpointer data)
{
  Section *section = data;

  g_free (section->id);
  g_free (section->title);
}

CgReadingLevel *
cg_reading_level_new (const char *language)
{
  CgReadingLevel *self = g_new0 (CgReadingLevel, 1);

  self->language = g_strdup (language);
  self->sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (self->sections, clear_section);
  self->text = g_string_new (NULL);

  return self;
}

void
cg_reading_level_free (CgReadingLevel *self)
{
  if (self == NULL)
    return;

  g_free (self->language);
  g_array_unref (self->sections);
  g_string_free (self->text, TRUE);
  g_free (self);
}

/* Text that counts toward the whole handout only, such as the clinician's note */
void
cg_reading_level_add_text (CgReadingLevel *self,
                           const char     *text)
{
  g_return_if_fail (self != NULL);

  if (text == NULL || *text == '\0')
    return;

  g_string_append (self->text, text);
  /* Text that runs on from the previous part still ends a sentence there */
  g_string_append_c (self->text, '\n');
  self->whole_done = FALSE;
}

/* @verbatim: the section is the built-in text, which the app cannot simplify */
void
cg_reading_level_add_section (CgReadingLevel *self,
                              const char     *id,
                              const char     *title,
                              const char     *text,
                              gboolean        verbatim)
{
  Section section = { g_strdup (id), g_strdup (title), { 0 }, verbatim };

  g_return_if_fail (self != NULL && text != NULL);

  cg_readability_estimate (text, self->language, &section.level);
  g_array_append_val (self->sections, section);
  cg_reading_level_add_text (self, text);
}

guint
cg_reading_level_get_n_sections (CgReadingLevel *self)
{
  return self->sections->len;
}

const CgReadability *
cg_reading_level_get_section (CgReadingLevel  *self,
                              guint            index,
                              const char     **id,
                              const char     **title)
{
  const Section *section;

  g_return_val_if_fail (index < self->sections->len, NULL);

  section = &g_array_index (self->sections, Section, index);
  if (id != NULL)
    *id = section->id;
  if (title != NULL)
    *title = section->title;

  return &section->level;
}

const CgReadability *
cg_reading_level_get_whole (CgReadingLevel *self)
{
  if (!self->whole_done)
    {
      cg_readability_estimate (self->text->str, self->language, &self->whole);
      self->whole_done = TRUE;
    }

  return &self->whole;
}

/* Returns: whether the handout or one of its sections is harder than the target */
gboolean
cg_reading_level_is_above_target (CgReadingLevel *self)
{
  const CgReadability *whole = cg_reading_level_get_whole (self);

  if (whole->available && !whole->meets_target)
    return TRUE;

  for (guint i = 0; i < self->sections->len; i++)
    {
      const CgReadability *level = &g_array_index (self->sections, Section, i).level;

      if (level->available && !level->meets_target)
        return TRUE;
    }

  return FALSE;
}

/* Returns: whether a section of the built-in text is harder than the target: what the builder
 *   then says cannot be simplified by the app */
gboolean
cg_reading_level_is_verbatim_above_target (CgReadingLevel *self)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      const Section *section = &g_array_index (self->sections, Section, i);

      if (section->verbatim && section->level.available && !section->level.meets_target)
        return TRUE;
    }

  return FALSE;
}

/**
 * cg_reading_level_lookup:
 * @id: a section id
 *
 * Returns: (nullable): the level of the section @id, if it is in the handout
 */
const CgReadability *
cg_reading_level_lookup (CgReadingLevel *self,
                         const char     *id)
{
  for (guint i = 0; i < self->sections->len; i++)
    if (g_strcmp0 (g_array_index (self->sections, Section, i).id, id) == 0)
      return &g_array_index (self->sections, Section, i).level;

  return NULL;
}

/**
 * cg_reading_level_dup_section_line:
 * @id: a section id
 *
 * Returns: (nullable): the section's figure against the target, as the builder shows it under
 *   the section's name ("grade 16.0, harder than recommended"), or %NULL if the section is not
 *   in the handout or has no figure
 */
char *
cg_reading_level_dup_section_line (CgReadingLevel *self,
                                   const char     *id)
{
  const CgReadability *level = cg_reading_level_lookup (self, id);
  g_autofree char *score = NULL;

  if (level == NULL || !level->available)
    return NULL;

  score = cg_readability_format_score (level);
  if (level->meets_target)
    /* Translators: a section's reading level, e.g. "grade 7.5, within the target" */
    return g_strdup_printf (_("%s, within the target"), score);

  /* Translators: a section's reading level, e.g. "grade 16.0, harder than recommended" */
  return g_strdup_printf (_("%s, harder than recommended"), score);
}

static void
append_report_line (GString             *report,
                    const char          *id,
                    const char          *title,
                    const CgReadability *level)
{
  g_autofree char *summary = cg_readability_dup_summary (level);
  g_autofree char *second = cg_readability_dup_second (level);

  g_string_append_printf (report, "%s\t%s\t%s\t%s\n", id, title, summary,
                          second != NULL ? second : "");
}

/* Returns: one line per section, "ID<TAB>Title<TAB>summary<TAB>other formula", then the whole
 *   handout's with an empty ID */
char *
cg_reading_level_dup_report (CgReadingLevel *self)
{
  GString *report = g_string_new (NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      const Section *section = &g_array_index (self->sections, Section, i);

      append_report_line (report, section->id, section->title, &section->level);
    }

  /* Translators: the line of --reading-level for the handout as a whole */
  append_report_line (report, "", _("Whole handout"), cg_reading_level_get_whole (self));

  return g_string_free (report, FALSE);
}

/**
 * cg_reading_level_new_for_library:
 * @chosen: (nullable): section ids, or %NULL for every section with text in @language
 *
 * The reading level of the handout these sections make, in library order: the built-in
 * content, then clinic bundles, whose plain-language sections are measured the same way.
 *
 * Returns: (transfer full) (nullable): the reading level, or %NULL with @error set
 */
CgReadingLevel *
cg_reading_level_new_for_library (CgLibrary   *library,
                                  const char  *language,
                                  GHashTable  *chosen,
                                  GError     **error)
{
  g_autoptr(GPtrArray) topics = NULL;
  CgBundle *builtin;
  CgReadingLevel *self;

  if (!(topics = cg_library_list_topics (library, language, error)) ||
      !(builtin = cg_library_get_bundle (library, language, error)))
    return NULL;

  self = cg_reading_level_new (language);
  for (guint i = 0; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        {
          CgSection *section = cg_topic_get_section (topic, j);
          const char *id = cg_section_get_id (section);
          g_autofree char *text = NULL;

          if (chosen != NULL ? !g_hash_table_contains (chosen, id)
                             : !cg_library_section_has_language (library, id, language))
            continue;
          text = cg_section_dup_text (section);
          cg_reading_level_add_section (self, id, cg_section_get_title (section), text,
                                        cg_topic_get_bundle (topic) == builtin);
        }
    }

  return self;
}
