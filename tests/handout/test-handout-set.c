/* test-handout-set.c: handout sets read, saved, renamed, deleted, checked against the library
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test gets its own $XDG_CONFIG_HOME (the user's sets) and $XDG_DATA_DIRS (the clinic's),
 * so nothing of the machine's is read or changed.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cg-handout-set.h"
#include "cg-library.h"
#include "cg-test-files.h"
#include "cg-test-util.h"
#include "cg-test-subprocess.h"

typedef struct
{
  char *root;
  char *user_dir;    /* $XDG_CONFIG_HOME/calcinosis-guide/handout-sets */
  char *clinic_dir;  /* $XDG_DATA_DIRS/calcinosis-guide/handout-sets */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *config = NULL;
  g_autofree char *share = NULL;
  g_autoptr(GError) error = NULL;

  (void)data;

  fixture->root = g_dir_make_tmp ("cg-handout-set-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_build_filename (fixture->root, "config", NULL);
  share = g_build_filename (fixture->root, "share", NULL);
  fixture->user_dir = g_build_filename (config, CG_HANDOUT_SETS_SUBDIR, NULL);
  fixture->clinic_dir = g_build_filename (share, CG_HANDOUT_SETS_SUBDIR, NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->clinic_dir, 0755), ==, 0);

  /* GLib reads these once per process: tests run in subprocesses (see main) */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_DIRS", share, TRUE);
  g_setenv ("XDG_DATA_HOME", fixture->root, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  (void)data;

  cg_test_remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->user_dir);
  g_free (fixture->clinic_dir);
}

static GFile *
write_set (const char *dir,
           const char *id,
           const char *contents)
{
  g_autofree char *basename = g_strconcat (id, CG_HANDOUT_SET_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (dir, basename, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

#define NEW_DIAGNOSIS \
  "# Given at the first visit\n" \
  "[Handout Set]\n" \
  "Name=New diagnosis\n" \
  "Name[es]=Nuevo diagnóstico\n" \
  "Sections=overview;causes;treatment\n" \
  "Language=es\n" \
  "LargePrint=false\n" \
  "Paper=a4\n"

static void
test_read (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GFile) file = write_set (fixture->clinic_dir, "new-diagnosis", NEW_DIAGNOSIS);
  g_autoptr(CgHandoutSet) set = NULL;
  g_autoptr(GError) error = NULL;
  const char * const expected[] = { "overview", "causes", "treatment", NULL };

  (void)data;

  set = cg_handout_set_new_from_file (file, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cg_handout_set_get_id (set), ==, "new-diagnosis");
  g_assert_cmpstr (cg_handout_set_get_name (set), ==, "New diagnosis");
  g_assert_cmpstrv (cg_handout_set_get_sections (set), expected);
  g_assert_cmpstr (cg_handout_set_get_language (set), ==, "es");
  g_assert_null (cg_handout_set_get_second_language (set));
  g_assert_false (cg_handout_set_get_large_print (set));
  g_assert_cmpstr (cg_handout_set_get_paper (set), ==, "a4");
  g_assert_true (cg_handout_set_is_read_only (set));
}

/* The name follows the interface language, from Name[LANG] */
static void
test_translated_name (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = write_set (fixture->clinic_dir, "new-diagnosis", NEW_DIAGNOSIS);
  g_autoptr(CgHandoutSet) set = NULL;
  g_autoptr(GError) error = NULL;

  (void)data;

  g_setenv ("LANGUAGE", "es", TRUE);
  set = cg_handout_set_new_from_file (file, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cg_handout_set_get_name (set), ==, "Nuevo diagnóstico");
}

static void
test_save_rename_delete (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CgHandoutSet) set = cg_handout_set_new ("Before surgery");
  g_autoptr(CgHandoutSet) second = cg_handout_set_new ("Before surgery");
  g_autoptr(CgHandoutSet) reread = NULL;
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char * const sections[] = { "treatment", "prevention", NULL };

  (void)fixture;
  (void)data;

  g_assert_cmpstr (cg_handout_set_get_id (set), ==, "before-surgery");
  cg_handout_set_set_sections (set, sections);
  cg_handout_set_set_language (set, "fr");
  cg_handout_set_set_second_language (set, "en");
  cg_handout_set_set_large_print (set, TRUE);
  cg_handout_set_set_paper (set, "letter");
  cg_handout_set_save (set, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (cg_handout_set_get_file (set), NULL));

  /* A second set of the same name never replaces the first */
  cg_handout_set_set_sections (second, sections);
  cg_handout_set_save (second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cg_handout_set_get_id (second), ==, "before-surgery-2");

  /* No note ever: the file holds exactly the set's keys */
  g_file_load_contents (cg_handout_set_get_file (set), NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (contents, "Note"));

  reread = cg_handout_set_new_from_file (cg_handout_set_get_file (set), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (cg_handout_set_get_sections (reread), sections);
  g_assert_cmpstr (cg_handout_set_get_language (reread), ==, "fr");
  g_assert_cmpstr (cg_handout_set_get_second_language (reread), ==, "en");
  g_assert_true (cg_handout_set_get_large_print (reread));
  g_assert_cmpstr (cg_handout_set_get_paper (reread), ==, "letter");

  /* Rename keeps the file (and id) */
  cg_handout_set_set_name (reread, "Before an operation");
  cg_handout_set_save (reread, &error);
  g_assert_no_error (error);
  sets = cg_handout_set_load_all (NULL);
  g_assert_cmpuint (sets->len, ==, 2);
  g_assert_cmpstr (cg_handout_set_get_name (cg_handout_set_find (sets, "before-surgery")), ==,
                   "Before an operation");

  cg_handout_set_delete (reread, &error);
  g_assert_no_error (error);
  g_clear_pointer (&sets, g_ptr_array_unref);
  sets = cg_handout_set_load_all (NULL);
  g_assert_cmpuint (sets->len, ==, 1);
  g_assert_null (cg_handout_set_find (sets, "before-surgery"));
  g_assert_nonnull (cg_handout_set_find (sets, "before-surgery-2"));
}

/* A clinic's set is shown but never changed; a user's set of the same id hides it */
static void
test_clinic_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) clinic = write_set (fixture->clinic_dir, "new-diagnosis", NEW_DIAGNOSIS);
  g_autoptr(GPtrArray) sets = cg_handout_set_load_all (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) user = NULL;
  CgHandoutSet *set;

  (void)data;

  g_assert_cmpuint (sets->len, ==, 1);
  set = g_ptr_array_index (sets, 0);
  g_assert_true (cg_handout_set_is_read_only (set));

  g_assert_false (cg_handout_set_save (set, &error));
  g_assert_error (error, CG_HANDOUT_SET_ERROR, CG_HANDOUT_SET_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cg_handout_set_delete (set, &error));
  g_assert_error (error, CG_HANDOUT_SET_ERROR, CG_HANDOUT_SET_ERROR_READ_ONLY);
  g_assert_true (g_file_query_exists (clinic, NULL));

  user = write_set (fixture->user_dir, "new-diagnosis",
                    "[Handout Set]\nName=Mine\nSections=overview\n");
  g_clear_pointer (&sets, g_ptr_array_unref);
  sets = cg_handout_set_load_all (NULL);
  g_assert_cmpuint (sets->len, ==, 1);
  set = g_ptr_array_index (sets, 0);
  g_assert_cmpstr (cg_handout_set_get_name (set), ==, "Mine");
  g_assert_false (cg_handout_set_is_read_only (set));
}

/* Hand-written files: every problem names the file and line; good files still load */
static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct {
    const char *id;
    const char *contents;
    const char *where;
  } cases[] = {
    { "not-a-key", "[Handout Set]\nName=A\nSections=overview\nthis line is wrong\n", ":4: " },
    { "no-group", "# nothing\n[Other]\nName=B\n", ":1: " },
    { "no-name", "[Handout Set]\nSections=overview\n", ":1: " },
    { "no-sections", "\n[Handout Set]\nName=C\nSections=;\n", ":4: " },
    { "bad-paper", "[Handout Set]\nName=D\nSections=overview\nPaper=a5\n", ":4: " },
    { "bad-bool", "[Handout Set]\nName=E\nSections=overview\n\nLargePrint=maybe\n", ":5: " },
    { "not-utf8", "[Handout Set]\nName=\xff\xfe\nSections=overview\n", ":1: " },
  };
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GFile) good = write_set (fixture->clinic_dir, "good", NEW_DIAGNOSIS);

  (void)data;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = write_set (fixture->user_dir, cases[i].id, cases[i].contents);
      g_autoptr(CgHandoutSet) set = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *basename = g_strconcat (cases[i].id, CG_HANDOUT_SET_SUFFIX,
                                               cases[i].where, NULL);

      set = cg_handout_set_new_from_file (file, FALSE, &error);
      g_test_message ("%s: %s", cases[i].id, error ? error->message : "(no error)");
      g_assert_null (set);
      g_assert_error (error, CG_HANDOUT_SET_ERROR, CG_HANDOUT_SET_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, basename));
    }

  sets = cg_handout_set_load_all (errors);
  g_assert_cmpuint (sets->len, ==, 1);
  g_assert_cmpuint (errors->len, ==, G_N_ELEMENTS (cases));
}

/* A set naming what the library lacks says what is missing */
static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  g_autoptr(CgHandoutSet) set = cg_handout_set_new ("Check");
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  const char * const good[] = { "overview", "summary", NULL };
  const char * const bad[] = { "overview", "wound-care", "diet", NULL };

  (void)fixture;
  (void)data;

  cg_handout_set_set_sections (set, good);
  cg_handout_set_set_language (set, "de");
  g_assert_null (cg_handout_set_dup_missing (set, library));
  g_assert_true (cg_handout_set_check (set, library, &error));
  g_assert_no_error (error);

  cg_handout_set_set_sections (set, bad);
  missing = cg_handout_set_dup_missing (set, library);
  g_assert_nonnull (strstr (missing, "wound-care"));
  g_assert_nonnull (strstr (missing, "diet"));
  g_assert_null (strstr (missing, "overview"));
  g_assert_false (cg_handout_set_check (set, library, &error));
  g_assert_error (error, CG_HANDOUT_SET_ERROR, CG_HANDOUT_SET_ERROR_MISSING);
  g_clear_error (&error);
  g_clear_pointer (&missing, g_free);

  cg_handout_set_set_sections (set, good);
  cg_handout_set_set_language (set, "pt");
  missing = cg_handout_set_dup_missing (set, library);
  g_assert_nonnull (strstr (missing, "“pt”"));
  g_clear_pointer (&missing, g_free);

  cg_handout_set_set_language (set, "es");
  cg_handout_set_set_second_language (set, "xx");
  missing = cg_handout_set_dup_missing (set, library);
  g_assert_nonnull (strstr (missing, "“xx”"));
}

static char *
dup_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  return text;
}

/* --list-handout-sets and --handout-set: the same sets the builder offers */
static void
test_command_line (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) clinic = write_set (fixture->clinic_dir, "new-diagnosis", NEW_DIAGNOSIS);
  g_autoptr(GFile) user = write_set (fixture->user_dir, "before-surgery",
                                     "[Handout Set]\nName=Before surgery\n"
                                     "Sections=treatment\nLanguage=en\n");
  g_autoptr(GFile) bad = write_set (fixture->user_dir, "broken", "[Handout Set]\nName=X\n");
  g_autofree char *pdf = g_build_filename (fixture->root, "handout.pdf", NULL);
  g_autofree char *export_arg = g_strconcat ("--export-handout=", pdf, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;

  (void)data;

  /* Sorted by name; a bad file is reported with its file and line, the rest still listed */
  g_assert_cmpint (cg_test_run_binary (&out, &err, "--list-handout-sets", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "before-surgery\tBefore surgery\nnew-diagnosis\tNew diagnosis\n");
  g_assert_nonnull (strstr (err, "broken.handout-set:1: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The set's sections and language */
  g_assert_cmpint (cg_test_run_binary (&out, &err, export_arg, "--handout-set=new-diagnosis",
                                       NULL), ==, 0);
  text = dup_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Tratamiento"));
  g_assert_null (strstr (text, "Prevención"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Explicit options override the set */
  g_assert_cmpint (cg_test_run_binary (&out, &err, export_arg, "--handout-set=new-diagnosis",
                                       "--language=en", "--sections=prevention", NULL), ==, 0);
  text = dup_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Prevention"));
  g_assert_null (strstr (text, "Treatment"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (g_remove (pdf), ==, 0);

  /* Unknown, broken and incomplete sets: exit 2 naming the set, no file written */
  g_assert_cmpint (cg_test_run_binary (&out, &err, export_arg, "--handout-set=nothing", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err, "“nothing”"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cg_test_run_binary (&out, &err, export_arg, "--handout-set=broken", NULL),
                   ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  write_set (fixture->user_dir, "incomplete",
             "[Handout Set]\nName=Incomplete\nSections=overview;wound-care\nLanguage=de\n");
  g_assert_cmpint (cg_test_run_binary (&out, &err, export_arg, "--handout-set=incomplete", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (err, "“incomplete”"));
  g_assert_nonnull (strstr (err, "wound-care"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/handout-set/read", test_read);
  ADD_TEST ("/handout-set/translated-name", test_translated_name);
  ADD_TEST ("/handout-set/save-rename-delete", test_save_rename_delete);
  ADD_TEST ("/handout-set/clinic-read-only", test_clinic_read_only);
  ADD_TEST ("/handout-set/bad-files", test_bad_files);
  ADD_TEST ("/handout-set/missing", test_missing);
  ADD_TEST ("/handout-set/command-line", test_command_line);

  return g_test_run ();
}
