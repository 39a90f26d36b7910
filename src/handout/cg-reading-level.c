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

#include "cg-reading-level.h"

typedef struct
{
  char          *id;
  char          *title;
  CgReadability  level;
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

void
cg_reading_level_add_section (CgReadingLevel *self,
                              const char     *id,
                              const char     *title,
                              const char     *text)
{
  Section section = { g_strdup (id), g_strdup (title), { 0 } };

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

/* Returns: one line per section, "ID<TAB>Title<TAB>summary", then the whole handout's with
 *   an empty ID */
char *
cg_reading_level_dup_report (CgReadingLevel *self)
{
  GString *report = g_string_new (NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      const Section *section = &g_array_index (self->sections, Section, i);
      g_autofree char *summary = cg_readability_dup_summary (&section->level);

      g_string_append_printf (report, "%s\t%s\t%s\n", section->id, section->title, summary);
    }

  {
    g_autofree char *summary = cg_readability_dup_summary (cg_reading_level_get_whole (self));

    /* Translators: the line of --reading-level for the handout as a whole */
    g_string_append_printf (report, "\t%s\t%s\n", _("Whole handout"), summary);
  }

  return g_string_free (report, FALSE);
}
