/* test-i18n.c: the translated content bundles in the GResource, and the app in other languages
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bundles are made at build time from po/LANG.po (po/meson.build, build-aux/merge-bundle.py).
 * These tests read them the way the app does, through cg_library_new() and the hardened loader,
 * and run $CG_BINARY with LC_ALL=C.UTF-8 LANGUAGE=LANG (es_ES is not a generated locale on the
 * build machines, and LC_ALL=C would ignore LANGUAGE).
 */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "cg-bundle.h"
#include "cg-library.h"
#include "cg-section.h"
#include "cg-topic.h"

#include "../cg-test-util.h"

static const char * const translated_languages[] = { "de", "es", "fr", NULL };

/* Section titles as translators wrote them in po/LANG.po, in bundle order */
static const struct {
  const char *language;
  const char *titles[8];
} expected_titles[] = {
  { "en", { "Overview", "Causes", "Symptoms", "Diagnosis", "Treatment", "Prevention", "Summary", NULL } },
  { "es", { "Información general", "Causas", "Síntomas", "Diagnóstico", "Tratamiento", "Prevención", "Resumen", NULL } },
  { "fr", { "Présentation", "Causes", "Symptômes", "Diagnostic", "Traitement", "Prévention", "En résumé", NULL } },
  { "de", { "Überblick", "Ursachen", "Symptome", "Diagnose", "Behandlung", "Vorbeugung", "Zusammenfassung", NULL } },
};

static const char * const section_ids[] = {
  "overview", "causes", "symptoms", "diagnosis", "treatment", "prevention", "summary", NULL
};

static void
test_languages (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  const char * const *languages = cg_library_get_languages (library);
  const char * const expected[] = { "en", "de", "es", "fr", NULL };

  g_assert_cmpstrv (languages, expected);
}

static void
assert_same_section (CgSection *english,
                     CgSection *translated)
{
  const char * const *en_keywords = cg_section_get_keywords (english);
  const char * const *tr_keywords = cg_section_get_keywords (translated);

  g_assert_cmpstr (cg_section_get_id (translated), ==, cg_section_get_id (english));
  g_assert_cmpstr (cg_section_get_title (translated), !=, "");
  g_assert_cmpuint (g_strv_length ((char **)tr_keywords), ==, g_strv_length ((char **)en_keywords));
  g_assert_cmpuint (cg_section_get_n_blocks (translated), ==, cg_section_get_n_blocks (english));

  for (guint i = 0; i < cg_section_get_n_blocks (english); i++)
    {
      const CgBlock *en = cg_section_get_block (english, i);
      const CgBlock *tr = cg_section_get_block (translated, i);

      g_assert_cmpint (tr->kind, ==, en->kind);
      if (en->kind == CG_BLOCK_LIST)
        g_assert_cmpuint (g_strv_length (tr->items), ==, g_strv_length (en->items));
      else
        g_assert_cmpstr (tr->text, !=, en->text);
    }
}

/* Same topics, section ids in the same order, same blocks and list lengths as the English */
static void
test_parity (gconstpointer data)
{
  const char *language = data;
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GError) error = NULL;
  CgBundle *english;
  CgBundle *translated;

  english = cg_library_get_bundle (library, "en", &error);
  g_assert_no_error (error);
  translated = cg_library_get_bundle (library, language, &error);
  g_assert_no_error (error);
  g_assert_nonnull (translated);

  g_assert_cmpstr (cg_bundle_get_language (translated), ==, language);
  /* The source is a phrase patients read in the credits: translated, and never a file name */
  g_assert_cmpstr (cg_bundle_get_source (translated), !=, cg_bundle_get_source (english));
  g_assert_null (strstr (cg_bundle_get_source (translated), ".txt"));
  g_assert_nonnull (strstr (cg_bundle_get_source (translated), "Calcinosis Guide"));
  g_assert_cmpstr (cg_bundle_get_content_version (translated), ==,
                   cg_bundle_get_content_version (english));
  g_assert_cmpstr (cg_bundle_get_label (translated, "language-name"), ==,
                   cg_language_get_name (language));
  g_assert_nonnull (strstr (cg_bundle_get_label (translated, "page-footer"), "{page}"));
  g_assert_nonnull (strstr (cg_bundle_get_label (translated, "page-footer"), "{pages}"));

  g_assert_cmpuint (cg_bundle_get_n_topics (translated), ==, cg_bundle_get_n_topics (english));
  for (guint t = 0; t < cg_bundle_get_n_topics (english); t++)
    {
      CgTopic *en_topic = cg_bundle_get_topic (english, t);
      CgTopic *tr_topic = cg_bundle_get_topic (translated, t);

      g_assert_cmpstr (cg_topic_get_id (tr_topic), ==, cg_topic_get_id (en_topic));
      g_assert_cmpuint (cg_topic_get_n_sections (tr_topic), ==, cg_topic_get_n_sections (en_topic));
      for (guint s = 0; s < cg_topic_get_n_sections (en_topic); s++)
        assert_same_section (cg_topic_get_section (en_topic, s), cg_topic_get_section (tr_topic, s));
    }
}

/* What the About dialog and the handout footer show: complete, not reviewed */
static void
test_provenance (gconstpointer data)
{
  const char *language = data;
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(GError) error = NULL;
  CgBundle *bundle = cg_library_get_bundle (library, language, &error);

  g_assert_no_error (error);
  g_assert_cmpint (cg_bundle_get_translation_status (bundle), ==, CG_TRANSLATION_COMPLETE);
  g_assert_false (cg_bundle_get_reviewed (bundle));
  g_assert_cmpuint (cg_bundle_get_n_untranslated (bundle), ==, 0);
  g_assert_nonnull (cg_bundle_get_label (bundle, "unreviewed"));

  bundle = cg_library_get_bundle (library, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cg_bundle_get_translation_status (bundle), ==, CG_TRANSLATION_SOURCE);
}

/* The content follows the interface language by default */
static void
test_default_language (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  for (guint i = 0; translated_languages[i] != NULL; i++)
    {
      g_setenv ("LANGUAGE", translated_languages[i], TRUE);
      g_assert_cmpstr (cg_library_get_default_language (library), ==, translated_languages[i]);
    }

  g_setenv ("LANGUAGE", "pt:en", TRUE);
  g_assert_cmpstr (cg_library_get_default_language (library), ==, "en");

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static char *
expected_list (const char *language)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expected_titles); i++)
    if (g_str_equal (expected_titles[i].language, language))
      for (guint j = 0; section_ids[j] != NULL; j++)
        g_string_append_printf (out, "%s\t%s\n", section_ids[j], expected_titles[i].titles[j]);

  g_assert_cmpuint (out->len, >, 0);
  return g_string_free (out, FALSE);
}

/* LC_ALL=C.UTF-8 LANGUAGE=LANG calcinosis-guide --list-sections prints translated titles */
static void
test_list_sections (gconstpointer data)
{
  const char *language = data;
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *expected = expected_list (language);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", language, TRUE);
  status = cg_test_run_binary (&out, &err, "--list-sections", NULL);
  g_setenv ("LANGUAGE", saved != NULL ? saved : "en", TRUE);

  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

/* A German interface can still list (and print) the Spanish content */
static void
test_list_sections_other_language (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *expected = expected_list ("es");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);
  status = cg_test_run_binary (&out, &err, "--language=es", "--list-sections", NULL);
  g_setenv ("LANGUAGE", saved != NULL ? saved : "en", TRUE);

  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/library/languages", test_languages);
  g_test_add_func ("/i18n/library/default-language", test_default_language);

  for (guint i = 0; translated_languages[i] != NULL; i++)
    {
      g_autofree char *parity = g_strdup_printf ("/i18n/library/parity/%s", translated_languages[i]);
      g_autofree char *provenance = g_strdup_printf ("/i18n/library/provenance/%s", translated_languages[i]);

      g_test_add_data_func (parity, translated_languages[i], test_parity);
      g_test_add_data_func (provenance, translated_languages[i], test_provenance);
    }

  g_test_add_data_func ("/i18n/list-sections/en", "en", test_list_sections);
  for (guint i = 0; translated_languages[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/i18n/list-sections/%s", translated_languages[i]);

      g_test_add_data_func (path, translated_languages[i], test_list_sections);
    }
  g_test_add_func ("/i18n/list-sections/de-interface-es-content", test_list_sections_other_language);

  return g_test_run ();
}
