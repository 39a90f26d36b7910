/* cg-language-choice.c: the builder's two language drop-downs, as language codes
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The handout language and the second language of a bilingual handout, each language named in
 * its own language ("Español"), as the patient reads it. The second drop-down starts with
 * "None"; a second language equal to the first counts as none.
 */

#define G_LOG_DOMAIN "cg-language-choice"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-bundle.h"
#include "cg-language-choice.h"
#include "cg-library.h"

struct _CgLanguageChoice
{
  GObject      parent_instance;

  GtkDropDown *language;
  GtkDropDown *second_language;
  CgLibrary   *library;
  GStrv        codes;     /* parallel to the language drop-down, after "None" in the second */
};

G_DEFINE_FINAL_TYPE (CgLanguageChoice, cg_language_choice, G_TYPE_OBJECT)

static void
cg_language_choice_dispose (GObject *object)
{
  CgLanguageChoice *self = (CgLanguageChoice *)object;

  g_clear_object (&self->language);
  g_clear_object (&self->second_language);
  g_clear_object (&self->library);
  g_clear_pointer (&self->codes, g_strfreev);

  G_OBJECT_CLASS (cg_language_choice_parent_class)->dispose (object);
}

static void
cg_language_choice_class_init (CgLanguageChoiceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cg_language_choice_dispose;
}

static void
cg_language_choice_init (CgLanguageChoice *self)
{
}

/**
 * cg_language_choice_new:
 * @language: the handout language's drop-down, filled here
 * @second_language: the second language's drop-down, filled here ("None" first)
 * @library: gives the languages, in its order
 *
 * Returns: (transfer full): the choice, on the library's first language and no second one
 */
CgLanguageChoice *
cg_language_choice_new (GtkDropDown *language,
                        GtkDropDown *second_language,
                        CgLibrary   *library)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) second_names = gtk_string_list_new (NULL);
  CgLanguageChoice *self;
  const char * const *codes;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (language), NULL);
  g_return_val_if_fail (GTK_IS_DROP_DOWN (second_language), NULL);
  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);

  self = g_object_new (CG_TYPE_LANGUAGE_CHOICE, NULL);
  self->language = g_object_ref (language);
  self->second_language = g_object_ref (second_language);
  self->library = g_object_ref (library);
  codes = cg_library_get_languages (library);
  self->codes = g_strdupv ((char **)codes);

  /* Translators: no second language on the handout */
  gtk_string_list_append (second_names, C_("second language", "None"));
  for (guint i = 0; codes[i] != NULL; i++)
    {
      const char *name = cg_language_get_name (codes[i]);

      gtk_string_list_append (names, name != NULL ? name : codes[i]);
      gtk_string_list_append (second_names, name != NULL ? name : codes[i]);
    }
  gtk_drop_down_set_model (language, G_LIST_MODEL (names));
  gtk_drop_down_set_model (second_language, G_LIST_MODEL (second_names));

  return self;
}

/* Returns: the handout language's code */
const char *
cg_language_choice_get_language (CgLanguageChoice *self)
{
  guint selected;

  g_return_val_if_fail (CG_IS_LANGUAGE_CHOICE (self), NULL);

  selected = gtk_drop_down_get_selected (self->language);
  if (selected < g_strv_length (self->codes))
    return self->codes[selected];

  return cg_library_get_default_language (self->library);
}

/* Returns: (nullable): the second language's code; %NULL for none or the first one again */
const char *
cg_language_choice_get_second_language (CgLanguageChoice *self)
{
  const char *language;
  guint selected;

  g_return_val_if_fail (CG_IS_LANGUAGE_CHOICE (self), NULL);

  selected = gtk_drop_down_get_selected (self->second_language);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > g_strv_length (self->codes))
    return NULL;

  language = self->codes[selected - 1];

  return g_str_equal (language, cg_language_choice_get_language (self)) ? NULL : language;
}

/**
 * cg_language_choice_select:
 * @language: a language of the library (others leave the first drop-down as it is)
 * @second_language: (nullable): the second language, or %NULL for none
 */
void
cg_language_choice_select (CgLanguageChoice *self,
                           const char       *language,
                           const char       *second_language)
{
  guint second = 0;

  g_return_if_fail (CG_IS_LANGUAGE_CHOICE (self));

  for (guint i = 0; self->codes[i] != NULL; i++)
    {
      if (g_strcmp0 (self->codes[i], language) == 0)
        gtk_drop_down_set_selected (self->language, i);
      /* Item 0 of the second drop-down is "None", then the languages in order */
      if (g_strcmp0 (self->codes[i], second_language) == 0)
        second = i + 1;
    }
  gtk_drop_down_set_selected (self->second_language, second);
}
