/* test-handout-export.c: handouts a patient can trust, checked in the PDF the binary writes
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs $CG_BINARY --export-handout against a library of the built-in content plus an English
 * clinic bundle installed under $XDG_DATA_HOME (as an IT department would install one), and
 * reads the PDF back with other programs than ours: pdftotext, pdfinfo (-struct) and qpdf.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cg-test-source.h"
#include "cg-test-util.h"

#define CLINIC_BUNDLE \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<bundle format=\"1\" lang=\"en\">\n" \
  "  <provenance>\n" \
  "    <source>Riverside Clinic wound care leaflet</source>\n" \
  "    <content-version>2026.2</content-version>\n" \
  "    <reviewed-on>2026-11-02</reviewed-on>\n" \
  "  </provenance>\n" \
  "  <topic id=\"wound-care\">\n" \
  "    <title>Wound care</title>\n" \
  "    <section id=\"daily-wound-care\">\n" \
  "      <title>Daily wound care</title>\n" \
  "      <p>Wash your hands before you touch the dressing.</p>\n" \
  "      <list>\n" \
  "        <item>Change the dressing every day.</item>\n" \
  "        <item>Keep the skin around it dry.</item>\n" \
  "      </list>\n" \
  "    </section>\n" \
  "  </topic>\n" \
  "</bundle>\n"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
pdf_text (const char *path)
{
  return cg_test_run_tool ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
}

/* The built-in content's version as the English bundle in the source tree declares it, read
 * as plain text (not through the loader under test); the translated bundles are made from that
 * file and keep it. Call within a test. */
static char *
dup_builtin_content_version (void)
{
  const char *path = g_test_get_filename (G_TEST_DIST, "..", "data", "content", "calcinosis.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *start, *end;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull ((start = strstr (contents, "<content-version>")));
  start += strlen ("<content-version>");
  g_assert_nonnull ((end = strstr (start, "</content-version>")));

  return g_strndup (start, end - start);
}

static gboolean
text_contains (const char *text,
               const char *sentence)
{
  g_autofree char *squeezed = cg_test_squeeze (text);

  return cg_test_text_contains (squeezed, sentence);
}

/* Where @sentence starts in the squeezed text, or -1 */
static gssize
text_position (const char *text,
               const char *sentence)
{
  g_autofree char *haystack = cg_test_squeeze (text);
  g_autofree char *needle = cg_test_squeeze (sentence);
  const char *found = strstr (haystack, needle);

  return found != NULL ? found - haystack : -1;
}

static guint
count_lines (const char *text,
             const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_equal (g_strstrip (lines[i]), line);

  return n;
}

/* Exports a handout to @name with the options; it must succeed with nothing on stderr. */
static char *
export (const char *name,
        ...)
{
  g_autofree char *option = NULL;
  char *path = tmp_path (name);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;
  int status;

  option = g_strdup_printf ("--export-handout=%s", path);
  va_start (ap, name);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  while (args->len < 4)
    g_ptr_array_add (args, NULL);

  status = cg_test_run_binary (&out, &err, option, args->pdata[0], args->pdata[1],
                               args->pdata[2], args->pdata[3], NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

/* Refused: exit 2, one line naming what was wrong, no file. */
static void
check_refused (const char *name,
               const char *option1,
               const char *option2,
               const char *option3,
               const char *fragment1,
               const char *fragment2)
{
  g_autofree char *path = tmp_path (name);
  g_autofree char *option = g_strdup_printf ("--export-handout=%s", path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cg_test_run_binary (&out, &err, option, option1, option2, option3, NULL), ==, 2);
  g_test_message ("stderr: %s", err);
  g_assert_true (g_str_has_prefix (err, "calcinosis-guide: "));
  g_assert_nonnull (strstr (err, fragment1));
  g_assert_nonnull (strstr (err, fragment2));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* One language per handout: a section with no Spanish text is refused on a Spanish handout,
 * and left out when every section is printed. */
static void
test_clinic_section_refused (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *version = NULL;
  g_autofree char *credits = NULL;

  check_refused ("refused.pdf", "--language=es", "--sections=treatment,daily-wound-care", NULL,
                 "“daily-wound-care”", "Español (es)");
  check_refused ("refused-second.pdf", "--language=en", "--second-language=es",
                 "--sections=daily-wound-care", "“daily-wound-care”", "Español (es)");

  path = export ("all-es.pdf", "--language=es", NULL);
  text = pdf_text (path);
  g_assert_true (text_contains (text, "Tratamiento"));
  g_assert_false (text_contains (text, "Daily wound care"));
  g_assert_false (text_contains (text, "Wash your hands"));
  /* Credits: only what is printed, in Spanish, no file name */
  version = dup_builtin_content_version ();
  credits = g_strdup_printf ("Fuentes: Información para pacientes de Calcinosis Guide, "
                             "versión del contenido %s", version);
  g_assert_true (text_contains (text, credits));
  g_assert_false (text_contains (text, "Riverside"));
  g_assert_null (strstr (text, ".txt"));
  g_assert_null (strstr (text, "source text"));
}

/* A handout of the built-in content and the clinic's: both credited, each topic a heading. */
static void
test_mixed_library (void)
{
  g_autofree char *path = export ("mixed.pdf", "--language=en",
                                  "--sections=treatment,daily-wound-care", NULL);
  g_autofree char *text = pdf_text (path);
  g_autofree char *info = cg_test_run_tool ("pdfinfo", path, NULL);
  g_autofree char *structure = cg_test_run_tool ("pdfinfo", "-struct", path, NULL);
  g_autoptr(GPtrArray) sentences = cg_test_load_source_sentences ();
  g_autofree char *version = dup_builtin_content_version ();
  g_autofree char *credits = NULL;

  g_assert_true (text_contains (text, "Wash your hands before you touch the dressing."));
  g_assert_true (text_contains (text, cg_test_source_first_sentence (sentences, "treatment")));
  /* The clinic bundle's version and date are this file's (CLINIC_BUNDLE above) */
  credits = g_strdup_printf ("Sources: Calcinosis Guide patient information, content version %s, "
                             "reviewed December 1, 2026; Riverside Clinic wound care leaflet, "
                             "content version 2026.2, reviewed November 2, 2026", version);
  g_assert_true (text_contains (text, credits));

  /* The title of a handout across topics, then each topic's title above its sections */
  g_assert_cmpuint (count_lines (text, "Patient information"), ==, 1);
  g_assert_cmpuint (count_lines (text, "Calcinosis"), ==, 1);
  g_assert_cmpuint (count_lines (text, "Wound care"), ==, 1);
  g_assert_cmpint (text_position (text, "Patient information"), <, text_position (text, "Calcinosis"));
  g_assert_cmpint (text_position (text, "Calcinosis"), <, text_position (text, "Treatment"));
  g_assert_cmpint (text_position (text, "Treatment"), <, text_position (text, "Wound care"));
  g_assert_cmpint (text_position (text, "Wound care"), <, text_position (text, "Daily wound care"));
  g_assert_true (g_regex_match_simple ("^Title: +Patient information$", info, G_REGEX_MULTILINE, 0));

  /* Topics are H2, their sections H3 */
  g_assert_true (g_regex_match_simple ("^  Sect\n    H2 .*\n    Sect\n      H3 ", structure,
                                       G_REGEX_MULTILINE, 0));
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* A tagged PDF a screen reader can walk: structure, bookmarks, language, metadata. */
static void
test_tagged (void)
{
  g_autofree char *path = export ("tagged.pdf", "--language=es",
                                  "--notes=Vuelva en seis semanas.", NULL);
  g_autofree char *info = cg_test_run_tool ("pdfinfo", path, NULL);
  g_autofree char *structure = cg_test_run_tool ("pdfinfo", "-struct", path, NULL);
  g_autofree char *structure_text = cg_test_run_tool ("pdfinfo", "-struct-text", path, NULL);
  g_autofree char *check = cg_test_run_tool ("qpdf", "--check", path, NULL);
  g_autofree char *catalog = cg_test_dup_pdf_catalog (path);
  g_autofree char *json = cg_test_run_tool ("qpdf", "--json", "--json-key=outlines", path, NULL);

  g_assert_true (g_regex_match_simple ("^Tagged: +yes$", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_str_has_prefix (structure, "Document\n  H1 "));
  /* The note and the seven sections, each a Sect headed by an H2 */
  g_assert_cmpuint (count_occurrences (structure, "  Sect\n    H2 "), ==, 8);
  g_assert_cmpuint (count_occurrences (structure, " H2 "), ==, 8);
  g_assert_cmpuint (count_occurrences (structure, " P "), >=, 8);
  g_assert_cmpuint (count_occurrences (structure, " L (block)"), ==, 4);
  /* Five causes, five symptoms, four treatments, three preventions */
  g_assert_cmpuint (count_occurrences (structure, " LI (block)"), ==, 17);
  g_assert_cmpuint (count_occurrences (structure, " LBody (block)"), ==, 17);
  g_assert_nonnull (strstr (structure_text, "\"Notas de su equipo de atención médica\""));
  g_assert_nonnull (strstr (structure_text, "\"Vuelva en seis semanas.\""));

  /* Appended after cairo: the file still checks, and the catalog has the language */
  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors found"));
  g_assert_nonnull (strstr (catalog, "/Lang (es)"));
  g_assert_nonnull (strstr (catalog, "/ViewerPreferences << /DisplayDocTitle true >>"));
  g_assert_nonnull (strstr (catalog, "/Outlines "));

  /* A bookmark per section and the note, in reading order */
  g_assert_cmpuint (count_occurrences (json, "\"title\": "), ==, 8);
  g_assert_cmpint (strstr (json, "\"title\": \"Notas de su equipo de atención médica\"") - json, <,
                   strstr (json, "\"title\": \"Información general\"") - json);
  g_assert_nonnull (strstr (json, "\"title\": \"Resumen\""));

  /* Metadata in the handout's language */
  g_assert_true (g_regex_match_simple ("^Title: +Calcinosis$", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Subject: +Información para pacientes: Información general, "
                                       "Causas, ", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Keywords: +depósitos de calcio, ", info,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Creator: +calcinosis-guide$", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^CreationDate: +\\S", info, G_REGEX_MULTILINE, 0));
}

/* The date in the handout language's convention, whatever the interface language. */
static void
test_date_convention (void)
{
  static const struct {
    const char *language;
    const char *pattern;
  } cases[] = {
    { "en", "^Date: (January|February|March|April|May|June|July|August|September|October|"
            "November|December) [1-9][0-9]?, 20[0-9][0-9]$" },
    { "es", "^Fecha: [1-9][0-9]? de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
            "septiembre|octubre|noviembre|diciembre) de 20[0-9][0-9]$" },
    { "fr", "^Date ?: [1-9][0-9]? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
            "octobre|novembre|décembre) 20[0-9][0-9]$" },
    { "de", "^Datum: [1-9][0-9]?\\. (Januar|Februar|März|April|Mai|Juni|Juli|August|"
            "September|Oktober|November|Dezember) 20[0-9][0-9]$" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("date-%s.pdf", cases[i].language);
      g_autofree char *option = g_strdup_printf ("--language=%s", cases[i].language);
      g_autofree char *path = export (name, option, "--sections=overview", NULL);
      g_autofree char *text = pdf_text (path);

      g_test_message ("%s", cases[i].language);
      g_assert_true (g_regex_match_simple (cases[i].pattern, text, G_REGEX_MULTILINE, 0));
    }
}

/* Spanish, then English, per section; labelled; footers in Spanish; both languages refused
 * where a section lacks either. */
static void
test_bilingual (void)
{
  g_autofree char *path = export ("bilingual.pdf", "--language=es", "--second-language=en",
                                  "--sections=symptoms,treatment", NULL);
  g_autofree char *text = pdf_text (path);
  g_autofree char *catalog = cg_test_dup_pdf_catalog (path);
  gssize es_symptoms = text_position (text, "Los síntomas de la calcinosis pueden variar");
  gssize en_heading = text_position (text, "English: Symptoms");
  gssize en_symptoms = text_position (text, "Symptoms of calcinosis may vary");
  gssize es_treatment = text_position (text, "Tratamiento");
  gssize en_treatment = text_position (text, "English: Treatment");

  g_assert_cmpint (es_symptoms, >=, 0);
  g_assert_cmpint (es_symptoms, <, en_heading);
  g_assert_cmpint (en_heading, <, en_symptoms);
  g_assert_cmpint (en_symptoms, <, es_treatment);
  g_assert_cmpint (es_treatment, <, en_treatment);
  g_assert_true (text_contains (text, "In severe cases, infections or nerve compression may occur"));

  /* Footers in the first language, naming both */
  g_assert_true (text_contains (text, "Español · English"));
  g_assert_true (text_contains (text, "Página 1 de "));
  g_assert_null (strstr (text, "Page 1 of"));
  g_assert_true (text_contains (text, "Español: Traducción no revisada por un traductor médico"));
  g_assert_nonnull (strstr (catalog, "/Lang (es)"));

  check_refused ("same-language.pdf", "--language=es", "--second-language=es", NULL,
                 "“es”", "calcinosis-guide:");
  check_refused ("unknown-second.pdf", "--language=es", "--second-language=xx", NULL,
                 "“xx”", "calcinosis-guide:");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundles = NULL;
  g_autofree char *bundle = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The library the command line reads: built-in content and an installed clinic bundle */
  tmp_dir = g_dir_make_tmp ("cg-handout-export-XXXXXX", &error);
  g_assert_no_error (error);
  bundles = g_build_filename (tmp_dir, "data", "calcinosis-guide", "bundles", NULL);
  g_assert_cmpint (g_mkdir_with_parents (bundles, 0700), ==, 0);
  bundle = g_build_filename (bundles, "riverside.xml", NULL);
  g_file_set_contents (bundle, CLINIC_BUNDLE, -1, &error);
  g_assert_no_error (error);
  {
    g_autofree char *data_home = g_build_filename (tmp_dir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  }

  g_test_add_func ("/handout-export/clinic-section-refused", test_clinic_section_refused);
  g_test_add_func ("/handout-export/mixed-library", test_mixed_library);
  g_test_add_func ("/handout-export/tagged", test_tagged);
  g_test_add_func ("/handout-export/date-convention", test_date_convention);
  g_test_add_func ("/handout-export/bilingual", test_bilingual);

  status = g_test_run ();

  {
    const char *names[] = { "refused.pdf", "refused-second.pdf", "all-es.pdf", "mixed.pdf",
                            "tagged.pdf", "date-en.pdf", "date-es.pdf", "date-fr.pdf",
                            "date-de.pdf", "bilingual.pdf", "same-language.pdf",
                            "unknown-second.pdf" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = tmp_path (names[i]);

        g_unlink (path);
      }
  }
  g_unlink (bundle);
  g_rmdir (bundles);
  {
    g_autofree char *dir = g_build_filename (tmp_dir, "data", "calcinosis-guide", NULL);
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);

    g_rmdir (dir);
    g_rmdir (data);
  }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);

  return status;
}
