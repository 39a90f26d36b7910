/* cg-handout-request.c: one handout asked for, from the builder's widgets or the command line
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The builder fills a request from its widgets, the command line from its options; layout,
 * printing, the file name and the chart line all read the same request, so they cannot
 * disagree about what was handed out. The note and the patient fields are patient data: they
 * live here for drawing and nowhere else, and nothing derived from a request for storage (file
 * name, chart line, settings) reads them.
 */

#define G_LOG_DOMAIN "cg-handout-request"

#include "config.h"

#include <string.h>

#include "cg-handout-layout.h"
#include "cg-handout-request.h"
#include "cg-reading-level.h"
#include "cg-library.h"
#include "cg-section.h"
#include "cg-topic.h"

/* Beyond this many sections a file name says "handout" rather than list them */
#define MAX_NAMED_SECTIONS 3

struct _CgHandoutRequest
{
  GObject   parent_instance;

  GStrv     sections;
  char     *language;          /* NULL: the library's default */
  char     *second_language;   /* NULL: none */
  char     *set_name;          /* NULL: no handout set applied */
  char     *clinic_header;
  char     *note;
  char     *prepared_for;
  char     *next_appointment;
  CgPaper   paper;
  gboolean  large_print;
};

G_DEFINE_FINAL_TYPE (CgHandoutRequest, cg_handout_request, G_TYPE_OBJECT)

/* g_set_str() is GLib 2.76 */
static void
replace_str (char       **field,
             const char  *text)
{
  char *copy = g_strdup (text);

  g_free (*field);
  *field = copy;
}

/* Patient data is overwritten before it is freed, so a freed block holds none of it. */
static void
clear_private (char **field)
{
  if (*field != NULL)
    memset (*field, 0, strlen (*field));
  g_clear_pointer (field, g_free);
}

static void
cg_handout_request_finalize (GObject *object)
{
  CgHandoutRequest *self = (CgHandoutRequest *)object;

  cg_handout_request_clear_patient_data (self);
  g_strfreev (self->sections);
  g_free (self->language);
  g_free (self->second_language);
  g_free (self->set_name);
  g_free (self->clinic_header);

  G_OBJECT_CLASS (cg_handout_request_parent_class)->finalize (object);
}

static void
cg_handout_request_class_init (CgHandoutRequestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cg_handout_request_finalize;
}

static void
cg_handout_request_init (CgHandoutRequest *self)
{
  self->sections = g_new0 (char *, 1);
  self->paper = cg_paper_get_default ();
}

CgHandoutRequest *
cg_handout_request_new (void)
{
  return g_object_new (CG_TYPE_HANDOUT_REQUEST, NULL);
}

const char * const *
cg_handout_request_get_sections (CgHandoutRequest *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (self), NULL);

  return (const char * const *)self->sections;
}

/* @section_ids: (nullable): NULL for none */
void
cg_handout_request_set_sections (CgHandoutRequest   *self,
                                 const char * const *section_ids)
{
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (self));

  g_strfreev (self->sections);
  self->sections = section_ids != NULL ? g_strdupv ((char **)section_ids) : g_new0 (char *, 1);
}

/* Returns: (nullable): the handout language; NULL for the library's default */
const char *
cg_handout_request_get_language (CgHandoutRequest *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (self), NULL);

  return self->language;
}

void
cg_handout_request_set_language (CgHandoutRequest *self,
                                 const char       *language)
{
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (self));

  replace_str (&self->language, language);
}

/* Returns: (nullable): the language printed after the first one, or NULL */
const char *
cg_handout_request_get_second_language (CgHandoutRequest *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (self), NULL);

  return self->second_language;
}

void
cg_handout_request_set_second_language (CgHandoutRequest *self,
                                        const char       *language)
{
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (self));

  replace_str (&self->second_language, language);
}

gboolean
cg_handout_request_get_large_print (CgHandoutRequest *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (self), FALSE);

  return self->large_print;
}

void
cg_handout_request_set_large_print (CgHandoutRequest *self,
                                    gboolean          large_print)
{
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (self));

  self->large_print = !!large_print;
}

CgPaper
cg_handout_request_get_paper (CgHandoutRequest *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (self), CG_PAPER_A4);

  return self->paper;
}

void
cg_handout_request_set_paper (CgHandoutRequest *self,
                              CgPaper           paper)
{
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (self));

  self->paper = paper;
}

/* Returns: (nullable): the name of the handout set the choice came from, if unchanged */
const char *
cg_handout_request_get_set_name (CgHandoutRequest *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (self), NULL);

  return self->set_name;
}

void
cg_handout_request_set_set_name (CgHandoutRequest *self,
                                 const char       *set_name)
{
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (self));

  replace_str (&self->set_name, set_name);
}

const char *
cg_handout_request_get_clinic_header (CgHandoutRequest *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (self), NULL);

  return self->clinic_header;
}

void
cg_handout_request_set_clinic_header (CgHandoutRequest *self,
                                      const char       *clinic_header)
{
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (self));

  replace_str (&self->clinic_header, clinic_header);
}

static void
set_private (char       **field,
             const char  *text)
{
  if (g_strcmp0 (*field, text) == 0)
    return;

  clear_private (field);
  *field = g_strdup (text);
}

const char *
cg_handout_request_get_note (CgHandoutRequest *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (self), NULL);

  return self->note;
}

void
cg_handout_request_set_note (CgHandoutRequest *self,
                             const char       *note)
{
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (self));

  set_private (&self->note, note);
}

const char *
cg_handout_request_get_prepared_for (CgHandoutRequest *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (self), NULL);

  return self->prepared_for;
}

/* @name: (nullable): the patient's first name, printed as "Prepared for" */
void
cg_handout_request_set_prepared_for (CgHandoutRequest *self,
                                     const char       *name)
{
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (self));

  set_private (&self->prepared_for, name);
}

const char *
cg_handout_request_get_next_appointment (CgHandoutRequest *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (self), NULL);

  return self->next_appointment;
}

/* @appointment: (nullable): free text, as the clinician types it ("Tuesday 12 Jan, 10:30") */
void
cg_handout_request_set_next_appointment (CgHandoutRequest *self,
                                         const char       *appointment)
{
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (self));

  set_private (&self->next_appointment, appointment);
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* Whether a note or a patient field holds anything but white space */
gboolean
cg_handout_request_has_patient_data (CgHandoutRequest *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (self), FALSE);

  return has_text (self->note) || has_text (self->prepared_for) ||
         has_text (self->next_appointment);
}

void
cg_handout_request_clear_patient_data (CgHandoutRequest *self)
{
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (self));

  clear_private (&self->note);
  clear_private (&self->prepared_for);
  clear_private (&self->next_appointment);
}

static const char *
get_language (CgHandoutRequest *self,
              CgLibrary        *library)
{
  return self->language != NULL ? self->language : cg_library_get_default_language (library);
}

/* The second language, unless it is the first one again */
static const char *
get_second_language (CgHandoutRequest *self,
                     CgLibrary        *library)
{
  return g_strcmp0 (self->second_language, get_language (self, library)) != 0
         ? self->second_language : NULL;
}

/**
 * cg_handout_request_list_sections:
 * @library: the content
 *
 * The sections the handout prints, in the handout language and bundle order: the sections
 * asked for that have text in every language of the handout. A section in another language
 * only is left out, never printed in the wrong language.
 *
 * Returns: (transfer container) (element-type CgSection): the sections; empty if none
 */
GPtrArray *
cg_handout_request_list_sections (CgHandoutRequest *self,
                                  CgLibrary        *library)
{
  const char *language = get_language (self, library);
  const char *second = get_second_language (self, library);
  g_autoptr(GPtrArray) topics = NULL;
  GPtrArray *sections = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (self), sections);
  g_return_val_if_fail (CG_IS_LIBRARY (library), sections);

  if (!(topics = cg_library_list_topics (library, language, NULL)))
    return sections;

  for (guint i = 0; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        {
          CgSection *section = cg_topic_get_section (topic, j);
          const char *id = cg_section_get_id (section);

          if (g_strv_contains ((const char * const *)self->sections, id) &&
              cg_library_section_has_language (library, id, language) &&
              (second == NULL || cg_library_section_has_language (library, id, second)))
            g_ptr_array_add (sections, g_object_ref (section));
        }
    }

  return sections;
}

/**
 * cg_handout_request_create_layout:
 * @library: the content
 * @text: (nullable): receives the handout language's text and the note, for the reading level
 *
 * Returns: (transfer full): a new layout of the request, not yet paginated; %NULL with @error
 *   set if a language of the request is not in @library
 */
CgHandoutLayout *
cg_handout_request_create_layout (CgHandoutRequest  *self,
                                  CgLibrary         *library,
                                  CgReadingLevel    *level,
                                  GError           **error)
{
  const char *language;
  const char *second_language;
  g_autoptr(CgHandoutLayout) layout = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  CgBundle *second_bundle = NULL;
  CgBundle *bundle;

  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (self), NULL);
  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);

  language = get_language (self, library);
  second_language = get_second_language (self, library);
  if (!(bundle = cg_library_get_bundle (library, language, error)) ||
      (second_language != NULL &&
       !(second_bundle = cg_library_get_bundle (library, second_language, error))))
    return NULL;

  layout = cg_handout_layout_new (bundle);
  cg_handout_layout_set_second_language (layout, second_bundle);
  cg_handout_layout_set_note (layout, self->note);
  cg_handout_layout_set_patient (layout, self->prepared_for, self->next_appointment);
  cg_handout_layout_set_clinic_header (layout, self->clinic_header);
  cg_handout_layout_set_large_print (layout, self->large_print);
  cg_handout_layout_set_paper (layout, self->paper);

  sections = cg_handout_request_list_sections (self, library);
  for (guint i = 0; i < sections->len; i++)
    {
      CgSection *section = g_ptr_array_index (sections, i);

      if (second_language != NULL)
        cg_handout_layout_add_bilingual_section (layout, section,
                                                 cg_library_lookup_section (library,
                                                                            second_language,
                                                                            cg_section_get_id (section)));
      else
        cg_handout_layout_add_section (layout, section);

      /* The reading level is estimated on the handout language's text only; the built-in
       * text is verbatim, a clinic's own sections can be simplified by the clinic */
      if (level != NULL)
        {
          g_autofree char *section_text = cg_section_dup_text (section);
          CgTopic *topic = cg_section_get_topic (section);

          cg_reading_level_add_section (level, cg_section_get_id (section),
                                        cg_section_get_title (section), section_text,
                                        topic != NULL && cg_topic_get_bundle (topic) == bundle);
        }
    }

  if (level != NULL && self->note != NULL)
    cg_reading_level_add_text (level, self->note);

  return g_steal_pointer (&layout);
}

/**
 * cg_handout_request_dup_file_name:
 * @library: the content
 *
 * A file name that says what the handout holds: topic, sections and language(s), as
 * `calcinosis-treatment-es.pdf`. Made of ids only: never the note or the patient's name.
 *
 * Returns: (transfer full): the file name, ending in .pdf
 */
char *
cg_handout_request_dup_file_name (CgHandoutRequest *self,
                                  CgLibrary        *library)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  const char *second;
  CgTopic *topic = NULL;
  gboolean one_topic = TRUE;

  g_return_val_if_fail (CG_IS_HANDOUT_REQUEST (self), NULL);
  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);

  sections = cg_handout_request_list_sections (self, library);
  for (guint i = 0; i < sections->len; i++)
    {
      CgTopic *section_topic = cg_section_get_topic (g_ptr_array_index (sections, i));

      one_topic &= topic == NULL || topic == section_topic;
      topic = section_topic;
    }

  g_string_append (name, topic != NULL && one_topic ? cg_topic_get_id (topic) : "calcinosis");
  if (sections->len == 0 || sections->len > MAX_NAMED_SECTIONS)
    g_string_append (name, "-handout");
  else
    for (guint i = 0; i < sections->len; i++)
      g_string_append_printf (name, "-%s", cg_section_get_id (g_ptr_array_index (sections, i)));

  g_string_append_printf (name, "-%s", get_language (self, library));
  if ((second = get_second_language (self, library)) != NULL)
    g_string_append_printf (name, "-%s", second);
  g_string_append (name, ".pdf");

  /* Language tags such as pt-BR: file names in lower case, as the ids are */
  return g_ascii_strdown (name->str, -1);
}
