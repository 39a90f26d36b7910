/* test-bundle-loader.c: broken bundles are refused with the file, the line and a clear reason
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-section.h"
#include "cg-topic.h"

static CgBundle *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cg_bundle_load_file (file, error);
}

/* The message starts with "…/NAME:LINE: " and holds @fragment after it: in the message, not
 * in the file name. */
static void
assert_fixture_error (const char    *name,
                      CgBundleError  code,
                      guint          line,
                      const char    *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = load_fixture (name, &error);
  g_autofree char *prefix = g_strdup_printf ("%s:%u: ", name, line);
  const char *message;

  g_assert_null (bundle);
  g_assert_error (error, CG_BUNDLE_ERROR, (int)code);
  g_test_message ("%s", error->message);
  g_assert_nonnull ((message = strstr (error->message, prefix)));
  g_assert_nonnull (strstr (message + strlen (prefix), fragment));
}

static void
test_loader_malformed (void)
{
  assert_fixture_error ("malformed.xml", CG_BUNDLE_ERROR_MALFORMED, 10, "mismatch");
}

static void
test_loader_wrong_root (void)
{
  assert_fixture_error ("wrong-root.xml", CG_BUNDLE_ERROR_WRONG_ROOT, 2, "<html>");
}

static void
test_loader_missing_title (void)
{
  /* The schema's words: "title" alone would be found in the file name */
  assert_fixture_error ("missing-title.xml", CG_BUNDLE_ERROR_SCHEMA, 10, "Expected is ( title )");
}

static void
test_loader_duplicate_ids (void)
{
  assert_fixture_error ("duplicate-ids.xml", CG_BUNDLE_ERROR_DUPLICATE_ID, 13, "“same”");
}

static void
test_loader_doctype (void)
{
  assert_fixture_error ("doctype.xml", CG_BUNDLE_ERROR_DOCTYPE, 2, "DOCTYPE");
}

static void
test_loader_unknown_language (void)
{
  assert_fixture_error ("unknown-language.xml", CG_BUNDLE_ERROR_UNKNOWN_LANGUAGE, 2, "“qq”");
}

static void
assert_bytes_error (const char    *data,
                    gsize          len,
                    CgBundleError  code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = cg_bundle_load_bytes (bytes, "input.xml", &error);

  g_assert_null (bundle);
  g_assert_error (error, CG_BUNDLE_ERROR, (int)code);
  g_assert_true (g_str_has_prefix (error->message, "input.xml"));
}

static void
test_loader_bad_bytes (void)
{
  assert_bytes_error ("", 0, CG_BUNDLE_ERROR_EMPTY);
  assert_bytes_error (" \n\t\n", 4, CG_BUNDLE_ERROR_EMPTY);
  assert_bytes_error ("<bundle>\0</bundle>", 18, CG_BUNDLE_ERROR_ENCODING);
  assert_bytes_error ("<bundle>\xff\xfe</bundle>", 19, CG_BUNDLE_ERROR_ENCODING);
  assert_bytes_error ("\xff\xfe<\0b\0", 6, CG_BUNDLE_ERROR_ENCODING);
  assert_bytes_error ("<bundle format=\"1\" lang=\"en\">", 29, CG_BUNDLE_ERROR_MALFORMED);
}

static void
test_loader_valid_clinic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = load_fixture ("clinic.xml", &error);
  CgSection *section;
  const CgBlock *block;

  g_assert_no_error (error);
  g_assert_nonnull (bundle);
  g_assert_cmpstr (cg_bundle_get_source (bundle), ==, "Example Clinic");
  g_assert_cmpuint (cg_bundle_get_n_sections (bundle), ==, 2);

  section = cg_bundle_lookup_section (bundle, "before-visit");
  g_assert_cmpuint (cg_section_get_line (section), ==, 10);
  block = cg_section_get_block (section, 1);
  g_assert_cmpint (block->kind, ==, CG_BLOCK_LIST);
  g_assert_cmpstr (block->items[1], ==, "Your insurance card");

  /* Markup in a bundle is text, kept as written */
  section = cg_bundle_lookup_section (bundle, "markup-literal");
  g_assert_cmpstr (cg_section_get_title (section), ==, "Text with <span size=\"9999999\">markup</span> & symbols");
  block = cg_section_get_block (section, 0);
  g_assert_cmpstr (block->text, ==, "Shown literally: <b>not bold</b> and <span size=\"9999999\">big</span>.");
}

/* Search aids: the questions a section answers, its kinds, and the bundle's question words */
static void
test_loader_questions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = load_fixture ("clinic-questions.xml", &error);
  const CgIntentCue *cues;
  const char * const *questions;
  const char * const *kinds;
  CgSection *section;
  guint n_cues;

  g_assert_no_error (error);

  cues = cg_bundle_get_intent_cues (bundle, &n_cues);
  g_assert_cmpuint (n_cues, ==, 3);
  g_assert_cmpstr (cues[0].kind, ==, "visit");
  g_assert_cmpstr (cues[0].cue, ==, "appointment");
  g_assert_cmpstr (cues[1].kind, ==, "visit");
  g_assert_cmpstr (cues[1].cue, ==, "when do I come");
  g_assert_cmpstr (cues[2].kind, ==, "costs");
  g_assert_cmpstr (cues[2].cue, ==, "how much");

  section = cg_bundle_lookup_section (bundle, "clinic-visit");
  questions = cg_section_get_questions (section);
  g_assert_cmpuint (g_strv_length ((char **)questions), ==, 2);
  g_assert_cmpstr (questions[1], ==, "Can someone drive me home?");
  kinds = cg_section_get_kinds (section);
  g_assert_cmpuint (g_strv_length ((char **)kinds), ==, 1);
  g_assert_cmpstr (kinds[0], ==, "visit");
  /* Questions are no body text: the section has one paragraph */
  g_assert_cmpuint (cg_section_get_n_blocks (section), ==, 1);

  /* A list of kinds, white space as XSD collapses it */
  kinds = cg_section_get_kinds (cg_bundle_lookup_section (bundle, "clinic-dressings"));
  g_assert_cmpuint (g_strv_length ((char **)kinds), ==, 2);
  g_assert_cmpstr (kinds[0], ==, "treatment");
  g_assert_cmpstr (kinds[1], ==, "wound-care");

  /* None: empty lists, not NULL */
  section = cg_bundle_lookup_section (bundle, "clinic-fees");
  g_assert_nonnull (cg_section_get_questions (section));
  g_assert_null (cg_section_get_questions (section)[0]);
  g_assert_cmpstr (cg_section_get_kinds (section)[0], ==, "costs");

  g_clear_object (&bundle);
  bundle = load_fixture ("clinic.xml", &error);
  g_assert_no_error (error);
  g_assert_null (cg_bundle_get_intent_cues (bundle, &n_cues));
  g_assert_cmpuint (n_cues, ==, 0);
  g_assert_null (cg_section_get_kinds (cg_bundle_lookup_section (bundle, "before-visit"))[0]);
}

/* Search aids are checked like the rest: each mistake with its line */
static void
test_loader_questions_invalid (void)
{
  static const char data[] =
    "<bundle format=\"1\" lang=\"en\">\n"
    "  <provenance><source>S</source><content-version>1</content-version></provenance>\n"
    "  <intents><intent><cue>why</cue></intent></intents>\n"
    "  <topic id=\"t\"><title>T</title>\n"
    "    <section id=\"a\" kind=\"Causes!\"><title>A</title><p>x</p></section>\n"
    "    <section id=\"b\"><title>B</title><questions><q>  </q></questions><p>y</p></section>\n"
    "    <section id=\"c\"><title>C</title><p>z</p><questions><q>Late?</q></questions></section>\n"
    "  </topic>\n"
    "</bundle>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);
  g_autoptr(GPtrArray) diagnostics = cg_bundle_check_bytes (bytes, "questions.xml");
  static const guint lines[] = { 3, 5, 6, 7 };

  for (guint i = 0; i < diagnostics->len; i++)
    g_test_message ("%s", ((CgBundleDiagnostic *)g_ptr_array_index (diagnostics, i))->message);

  g_assert_cmpuint (diagnostics->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      const CgBundleDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      g_assert_cmpint (diagnostic->code, ==, CG_BUNDLE_ERROR_SCHEMA);
      g_assert_cmpuint (diagnostic->line, ==, lines[i]);
    }
}

/* For bundle authors: every problem, not just the first. */
static void
test_loader_check_reports_all (void)
{
  static const char data[] =
    "<?xml version=\"1.0\"?>\n"
    "<bundle format=\"1\" lang=\"en\">\n"
    "  <provenance><source>S</source><content-version>1</content-version></provenance>\n"
    "  <topic id=\"t\"><title>T</title>\n"
    "    <section id=\"a\"><title>A</title><p>x</p><bogus/></section>\n"
    "    <section id=\"BAD ID\"><title>B</title><p>y</p></section>\n"
    "  </topic>\n"
    "</bundle>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);
  g_autoptr(GPtrArray) diagnostics = cg_bundle_check_bytes (bytes, "authored.xml");
  const CgBundleDiagnostic *first, *second;

  g_assert_cmpuint (diagnostics->len, >=, 2);
  first = g_ptr_array_index (diagnostics, 0);
  second = g_ptr_array_index (diagnostics, 1);
  g_assert_cmpint (first->code, ==, CG_BUNDLE_ERROR_SCHEMA);
  g_assert_cmpuint (first->line, ==, 5);
  g_assert_nonnull (strstr (first->message, "bogus"));
  g_assert_cmpuint (second->line, ==, 6);
}

/* Every line with bad bytes, then nothing else: the parser never sees them. */
static void
test_loader_check_reports_all_bytes (void)
{
  static const char data[] = "<bundle>\ncaf\xe9\nok\n\0\nmore \xff\n</bundle>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);
  g_autoptr(GPtrArray) diagnostics = cg_bundle_check_bytes (bytes, "latin1.xml");
  static const guint lines[] = { 2, 4, 5 };

  g_assert_cmpuint (diagnostics->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      const CgBundleDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      g_assert_cmpint (diagnostic->code, ==, CG_BUNDLE_ERROR_ENCODING);
      g_assert_cmpuint (diagnostic->line, ==, lines[i]);
    }
}

/* Schema errors, duplicate ids and an unknown language together, in line order. */
static void
test_loader_check_reports_all_kinds (void)
{
  static const char data[] =
    "<bundle format=\"1\" lang=\"qq\">\n"
    "  <provenance><source>S</source><content-version>1</content-version></provenance>\n"
    "  <topic id=\"t\"><title>T</title><section id=\"a\"><title>A</title><p>x</p></section></topic>\n"
    "  <topic id=\"t\"><section id=\"a\"><title>A</title><p>x</p></section></topic>\n"
    "</bundle>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);
  g_autoptr(GPtrArray) diagnostics = cg_bundle_check_bytes (bytes, "kinds.xml");
  static const struct { CgBundleError code; guint line; } expected[] = {
    { CG_BUNDLE_ERROR_UNKNOWN_LANGUAGE, 1 },
    { CG_BUNDLE_ERROR_SCHEMA, 4 },
    { CG_BUNDLE_ERROR_DUPLICATE_ID, 4 },
    { CG_BUNDLE_ERROR_DUPLICATE_ID, 4 },
  };

  g_assert_cmpuint (diagnostics->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const CgBundleDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      g_test_message ("%u: %s", diagnostic->line, diagnostic->message);
      g_assert_cmpint (diagnostic->code, ==, expected[i].code);
      g_assert_cmpuint (diagnostic->line, ==, expected[i].line);
    }
}

static void
test_loader_not_regular (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-loader-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "bundle.fifo", NULL);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = NULL;

  bundle = cg_bundle_load_file (dir_file, &error);
  g_assert_null (bundle);
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  /* A FIFO with no writer would block a plain open() forever */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  bundle = cg_bundle_load_file (fifo_file, &error);
  g_assert_null (bundle);
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  g_unlink (fifo);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader/malformed", test_loader_malformed);
  g_test_add_func ("/loader/wrong-root", test_loader_wrong_root);
  g_test_add_func ("/loader/missing-title", test_loader_missing_title);
  g_test_add_func ("/loader/duplicate-ids", test_loader_duplicate_ids);
  g_test_add_func ("/loader/doctype", test_loader_doctype);
  g_test_add_func ("/loader/unknown-language", test_loader_unknown_language);
  g_test_add_func ("/loader/bad-bytes", test_loader_bad_bytes);
  g_test_add_func ("/loader/valid-clinic", test_loader_valid_clinic);
  g_test_add_func ("/loader/questions", test_loader_questions);
  g_test_add_func ("/loader/questions-invalid", test_loader_questions_invalid);
  g_test_add_func ("/loader/check-reports-all", test_loader_check_reports_all);
  g_test_add_func ("/loader/check-reports-all-bytes", test_loader_check_reports_all_bytes);
  g_test_add_func ("/loader/check-reports-all-kinds", test_loader_check_reports_all_kinds);
  g_test_add_func ("/loader/not-regular", test_loader_not_regular);

  return g_test_run ();
}
