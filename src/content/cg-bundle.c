/* cg-bundle.c: the immutable content model, bundle → topics → sections → blocks
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-bundle"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cg-bundle-private.h"
#include "cg-bundle.h"
#include "cg-section.h"
#include "cg-topic.h"

struct _CgBundle
{
  GObject              parent_instance;

  /* Owned */
  char                *origin;
  char                *language;
  char                *source;
  char                *content_version;
  GDateTime           *reviewed_on;  /* the optional <reviewed-on> date, at midnight UTC */
  char                *disclaimer;   /* the optional <disclaimer>, printed on its handouts */
  GHashTable          *labels;
  GPtrArray           *topics;
  GArray              *intent_cues;  /* of CgIntentCue; nullable until the first */

  CgTranslationStatus  status;
  guint                n_untranslated;
  guint                reviewed : 1;
};

G_DEFINE_FINAL_TYPE (CgBundle, cg_bundle, G_TYPE_OBJECT)

/* Languages a bundle may be written in, with their names in that language (endonyms), so a
 * handout footer names its language in words the patient reads. */
static const struct {
  const char *code;
  const char *name;
} languages[] = {
  { "ar", "العربية" }, { "bg", "Български" }, { "bn", "বাংলা" }, { "ca", "Català" },
  { "cs", "Čeština" }, { "cy", "Cymraeg" }, { "da", "Dansk" }, { "de", "Deutsch" },
  { "el", "Ελληνικά" }, { "en", "English" }, { "es", "Español" }, { "et", "Eesti" },
  { "eu", "Euskara" }, { "fa", "فارسی" }, { "fi", "Suomi" }, { "fr", "Français" },
  { "ga", "Gaeilge" }, { "gl", "Galego" }, { "he", "עברית" }, { "hi", "हिन्दी" },
  { "hr", "Hrvatski" }, { "hu", "Magyar" }, { "id", "Bahasa Indonesia" }, { "it", "Italiano" },
  { "ja", "日本語" }, { "ko", "한국어" }, { "lt", "Lietuvių" }, { "lv", "Latviešu" },
  { "nb", "Norsk bokmål" }, { "nl", "Nederlands" }, { "pl", "Polski" }, { "pt", "Português" },
  { "ro", "Română" }, { "ru", "Русский" }, { "sk", "Slovenčina" }, { "sl", "Slovenščina" },
  { "so", "Soomaali" }, { "sq", "Shqip" }, { "sr", "Српски" }, { "sv", "Svenska" },
  { "sw", "Kiswahili" }, { "ta", "தமிழ்" }, { "th", "ไทย" }, { "tl", "Tagalog" },
  { "tr", "Türkçe" }, { "uk", "Українська" }, { "ur", "اردو" }, { "vi", "Tiếng Việt" },
  { "zh", "中文" },
};

/**
 * cg_language_get_name:
 * @language: a language code such as "es" or "pt-BR"
 *
 * Returns: (nullable): the language's own name, or %NULL if the app does not know it
 */
const char *
cg_language_get_name (const char *language)
{
  gsize len;

  g_return_val_if_fail (language != NULL, NULL);

  len = strcspn (language, "-_");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (strlen (languages[i].code) == len && strncmp (languages[i].code, language, len) == 0)
      return languages[i].name;

  return NULL;
}

static void
cg_bundle_finalize (GObject *object)
{
  CgBundle *self = (CgBundle *)object;

  for (guint i = 0; i < self->topics->len; i++)
    _cg_topic_set_bundle (g_ptr_array_index (self->topics, i), NULL);

  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->content_version, g_free);
  g_clear_pointer (&self->reviewed_on, g_date_time_unref);
  g_clear_pointer (&self->disclaimer, g_free);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->intent_cues, g_array_unref);

  G_OBJECT_CLASS (cg_bundle_parent_class)->finalize (object);
}

static void
cg_bundle_class_init (CgBundleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_bundle_finalize;
}

static void
cg_bundle_init (CgBundle *self)
{
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->topics = g_ptr_array_new_with_free_func (g_object_unref);
  self->status = CG_TRANSLATION_SOURCE;
  self->reviewed = TRUE;
}

/**
 * cg_bundle_new:
 * @origin: what the bundle was read from, for messages (a file name or resource path)
 * @language: the content language code
 */
CgBundle *
cg_bundle_new (const char *origin,
               const char *language)
{
  CgBundle *self;

  g_return_val_if_fail (origin != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  self = g_object_new (CG_TYPE_BUNDLE, NULL);
  self->origin = g_strdup (origin);
  self->language = g_strdup (language);

  return self;
}

void
cg_bundle_set_provenance (CgBundle            *self,
                          const char          *source,
                          const char          *content_version,
                          CgTranslationStatus  status,
                          gboolean             reviewed,
                          guint                n_untranslated)
{
  g_return_if_fail (CG_IS_BUNDLE (self));

  g_free (self->source);
  self->source = g_strdup (source);
  g_free (self->content_version);
  self->content_version = g_strdup (content_version);
  self->status = status;
  self->reviewed = !!reviewed;
  self->n_untranslated = n_untranslated;
}

/**
 * cg_bundle_set_reviewed_on:
 * @date: (nullable): "YYYY-MM-DD", the day the content was last reviewed, or %NULL
 *
 * Returns: %FALSE, leaving the date unset, if @date is not a valid calendar date
 */
gboolean
cg_bundle_set_reviewed_on (CgBundle   *self,
                           const char *date)
{
  int year, month, day;
  char end;

  g_return_val_if_fail (CG_IS_BUNDLE (self), FALSE);

  g_clear_pointer (&self->reviewed_on, g_date_time_unref);
  if (date == NULL)
    return TRUE;

  if (sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      strlen (date) != 10 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  self->reviewed_on = g_date_time_new_utc (year, month, day, 0, 0, 0);

  return self->reviewed_on != NULL;
}

/* Returns: (nullable) (transfer none): the day the content was last reviewed, if the bundle says */
GDateTime *
cg_bundle_get_reviewed_on (CgBundle *self)
{
  g_return_val_if_fail (CG_IS_BUNDLE (self), NULL);

  return self->reviewed_on;
}

void
cg_bundle_add_label (CgBundle   *self,
                     const char *key,
                     const char *text)
{
  g_return_if_fail (CG_IS_BUNDLE (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (text != NULL);

  g_hash_table_replace (self->labels, g_strdup (key), g_strdup (text));
}

void
cg_bundle_add_topic (CgBundle *self,
                     CgTopic  *topic)
{
  g_return_if_fail (CG_IS_BUNDLE (self));
  g_return_if_fail (CG_IS_TOPIC (topic));

  g_ptr_array_add (self->topics, g_object_ref (topic));
  _cg_topic_set_bundle (topic, self);
}

static void
clear_intent_cue (gpointer data)
{
  CgIntentCue *cue = data;

  g_clear_pointer (&cue->kind, g_free);
  g_clear_pointer (&cue->cue, g_free);
}

/* From the bundle's <intents>: search takes @cue in a query to ask for the sections of @kind,
 * beside its own table of the bundle's language. */
void
cg_bundle_add_intent_cue (CgBundle   *self,
                          const char *kind,
                          const char *cue)
{
  CgIntentCue entry;

  g_return_if_fail (CG_IS_BUNDLE (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (cue != NULL);

  if (self->intent_cues == NULL)
    {
      self->intent_cues = g_array_new (FALSE, FALSE, sizeof (CgIntentCue));
      g_array_set_clear_func (self->intent_cues, clear_intent_cue);
    }

  entry.kind = g_strdup (kind);
  entry.cue = g_strdup (cue);
  g_array_append_val (self->intent_cues, entry);
}

/* Returns: (transfer none) (array length=n_cues): the bundle's intent cues, in file order */
const CgIntentCue *
cg_bundle_get_intent_cues (CgBundle *self,
                           guint    *n_cues)
{
  g_return_val_if_fail (CG_IS_BUNDLE (self), NULL);
  g_return_val_if_fail (n_cues != NULL, NULL);

  *n_cues = self->intent_cues != NULL ? self->intent_cues->len : 0;

  return self->intent_cues != NULL ? (const CgIntentCue *)(gpointer)self->intent_cues->data : NULL;
}

const char *
cg_bundle_get_origin (CgBundle *self)
{
  g_return_val_if_fail (CG_IS_BUNDLE (self), NULL);

  return self->origin;
}

const char *
cg_bundle_get_language (CgBundle *self)
{
  g_return_val_if_fail (CG_IS_BUNDLE (self), NULL);

  return self->language;
}

const char *
cg_bundle_get_source (CgBundle *self)
{
  g_return_val_if_fail (CG_IS_BUNDLE (self), NULL);

  return self->source;
}

const char *
cg_bundle_get_content_version (CgBundle *self)
{
  g_return_val_if_fail (CG_IS_BUNDLE (self), NULL);

  return self->content_version;
}

CgTranslationStatus
cg_bundle_get_translation_status (CgBundle *self)
{
  g_return_val_if_fail (CG_IS_BUNDLE (self), CG_TRANSLATION_SOURCE);

  return self->status;
}

gboolean
cg_bundle_get_reviewed (CgBundle *self)
{
  g_return_val_if_fail (CG_IS_BUNDLE (self), FALSE);

  return self->reviewed;
}

guint
cg_bundle_get_n_untranslated (CgBundle *self)
{
  g_return_val_if_fail (CG_IS_BUNDLE (self), 0);

  return self->n_untranslated;
}

/* @disclaimer: (nullable): the source's own word on what its text is for, in the bundle's
 * language; printed after the sections it gives */
void
cg_bundle_set_disclaimer (CgBundle   *self,
                          const char *disclaimer)
{
  g_return_if_fail (CG_IS_BUNDLE (self));

  g_free (self->disclaimer);
  self->disclaimer = disclaimer != NULL && *disclaimer != '\0' ? g_strdup (disclaimer) : NULL;
}

/* Returns: (nullable): the bundle's own disclaimer, from <provenance> */
const char *
cg_bundle_get_disclaimer (CgBundle *self)
{
  g_return_val_if_fail (CG_IS_BUNDLE (self), NULL);

  return self->disclaimer;
}

/* Returns: (nullable): a handout label such as "notes-heading" in the bundle's language */
const char *
cg_bundle_get_label (CgBundle   *self,
                     const char *key)
{
  g_return_val_if_fail (CG_IS_BUNDLE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->labels, key);
}

guint
cg_bundle_get_n_topics (CgBundle *self)
{
  g_return_val_if_fail (CG_IS_BUNDLE (self), 0);

  return self->topics->len;
}

/* Returns: (transfer none) */
CgTopic *
cg_bundle_get_topic (CgBundle *self,
                     guint     position)
{
  g_return_val_if_fail (CG_IS_BUNDLE (self), NULL);
  g_return_val_if_fail (position < self->topics->len, NULL);

  return g_ptr_array_index (self->topics, position);
}

/* Returns: (transfer none) (nullable): the section with @section_id in any topic */
CgSection *
cg_bundle_lookup_section (CgBundle   *self,
                          const char *section_id)
{
  g_return_val_if_fail (CG_IS_BUNDLE (self), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  for (guint i = 0; i < self->topics->len; i++)
    {
      CgSection *section = cg_topic_lookup_section (g_ptr_array_index (self->topics, i), section_id);

      if (section != NULL)
        return section;
    }

  return NULL;
}

guint
cg_bundle_get_n_sections (CgBundle *self)
{
  guint n = 0;

  g_return_val_if_fail (CG_IS_BUNDLE (self), 0);

  for (guint i = 0; i < self->topics->len; i++)
    n += cg_topic_get_n_sections (g_ptr_array_index (self->topics, i));

  return n;
}
