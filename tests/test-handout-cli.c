/* test-handout-cli.c: --export-handout, checked in the PDF with poppler's tools
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built binary ($CG_BINARY) and reads its PDF back with pdftotext, pdfinfo and
 * pdffonts (poppler-utils). The expected sentences are our own copy of
 * data/content/calcinosis.xml: a handout must print the medical text as written.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cg-test-util.h"

#define CLINIC "Riverside Rheumatology Clinic\nTelephone 0123 456789"
#define NOTE "Come back in six weeks. Call us sooner if a lump turns red or hot."

static const struct {
  const char *id;
  const char *sentences[10];
} sections[] = {
  { "overview", {
      "For effective management of calcium deposits in soft tissues, understanding its "
      "causes, symptoms, diagnosis, treatment, and prevention is crucial.",
      NULL } },
  { "causes", {
      "The exact cause of calcinosis can vary depending on the underlying condition or "
      "disease.",
      "Some common causes include:",
      "Calcinosis is a common complication of systemic sclerosis (scleroderma), a "
      "connective tissue disorder that causes the skin to thicken and harden.",
      "Calcinosis may occur in individuals with dermatomyositis, an inflammatory muscle "
      "disease affecting the skin and muscles.",
      "A complication of systemic lupus erythematosus (SLE), an autoimmune disease that "
      "affects various organs and tissues, is calcinosis.",
      "Calcinosis is a condition caused by abnormal calcium and phosphate metabolism in "
      "individuals with chronic kidney disease.",
      "Calcium salts can be deposited in soft tissues as a result of trauma or injury to "
      "the affected area.",
      NULL } },
  { "symptoms", {
      "Symptoms of calcinosis may vary depending on the location and extent of the calcium "
      "deposits.",
      "Common symptoms include:",
      "Nodules or lumps under the skin that are hard and palpable",
      "Tenderness, swelling, or pain in the affected area",
      "Joints affected by calcinosis have limited range of motion",
      "Calcium deposits overlying skin ulceration or breakdown",
      "In severe cases, infections or nerve compression may occur",
      NULL } },
  { "diagnosis", {
      "Clinical evaluations, imaging studies, and laboratory tests are typically used to "
      "diagnose calcinosis.",
      "A physical examination may reveal palpable lumps or nodules that indicate calcium "
      "deposits.",
      "To visualize the extent and location of these deposits, X-rays, ultrasounds, or CT "
      "scans may be used.",
      "In addition to assessing calcium and phosphate levels, blood tests can also be "
      "performed to identify underlying systemic diseases or metabolic abnormalities that "
      "can contribute to calcinosis.",
      NULL } },
  { "treatment", {
      "Calcinosis treatment includes managing symptoms, preventing complications, and "
      "addressing the underlying cause, if possible.",
      "Calcinosis pain and inflammation may be managed with nonsteroidal anti-inflammatory "
      "drugs (NSAIDs) or analgesics.",
      "Calcium deposits may be surgically removed if they cause significant pain, "
      "impairment of function, or infection risk.",
      "Corticosteroid creams or intralesional injections of corticosteroids may reduce "
      "inflammation and promote calcium deposit resolution.",
      "In order to effectively manage calcinosis, underlying diseases or conditions, such "
      "as systemic sclerosis or chronic kidney disease, must be addressed.",
      NULL } },
  { "prevention", {
      "Calcinosis can be prevented by managing underlying conditions and minimizing risk "
      "factors that contribute to the development of calcium deposits in soft tissues.",
      "Managing systemic diseases such as systemic sclerosis, dermatomyositis, and chronic "
      "kidney disease on a regular basis",
      "Individuals with metabolic disorders affecting mineral metabolism may require "
      "dietary modifications or medications to maintain calcium and phosphate balance",
      "In high-risk environments, prevent skin and soft tissue trauma through proper safety"
      " measures and protective equipment",
      NULL } },
  { "summary", {
      "In conclusion, calcinosis is a medical condition characterized by an abnormal "
      "deposition of calcium salts in soft tissues, resulting in calcium deposits.",
      "For individuals affected by this condition and its complications to be effectively "
      "addressed, it is essential to understand its causes, symptoms, diagnosis, treatment,"
      " and prevention.",
      "Identifying and treating calcinosis and its underlying causes early can improve "
      "outcomes and quality of life.",
      NULL } },
};

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Runs a poppler tool on @path and returns its output. */
static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv_text[] = { tool, "-enc", "UTF-8", path, "-", NULL };
  const char *argv_other[] = { tool, path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, g_str_equal (tool, "pdftotext") ? (char **)argv_text : (char **)argv_other,
                NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  return out;
}

static char *
export (const char *name,
        ...)
{
  g_autofree char *option = NULL;
  char *path = tmp_path (name);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *binary = g_getenv ("CG_BINARY");
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (binary);
  option = g_strdup_printf ("--export-handout=%s", path);
  g_ptr_array_add (args, (char *)binary);
  g_ptr_array_add (args, option);
  va_start (ap, name);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **)args->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                NULL, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

static guint
get_n_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);

  return (guint)g_ascii_strtoull (line + strlen ("\nPages:") + strspn (line + 7, " "), NULL, 10);
}

static void
check_sections (const char *path,
                const char *chosen)
{
  g_autofree char *text = run_tool ("pdftotext", path);
  g_autofree char *squeezed = cg_test_squeeze (text);
  g_auto(GStrv) ids = chosen != NULL ? g_strsplit (chosen, ",", -1) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      gboolean wanted = ids == NULL || g_strv_contains ((const char * const *)ids, sections[i].id);

      for (guint j = 0; sections[i].sentences[j] != NULL; j++)
        {
          g_test_message ("%s: %s", sections[i].id, sections[i].sentences[j]);
          g_assert_cmpint (cg_test_text_contains (squeezed, sections[i].sentences[j]), ==, wanted);
        }
    }
}

static void
test_all_sections (void)
{
  g_autofree char *path = export ("all.pdf", NULL);
  g_autofree char *text = run_tool ("pdftotext", path);
  g_autofree char *info = run_tool ("pdfinfo", path);
  g_autofree char *squeezed = cg_test_squeeze (text);
  g_autofree char *footer = NULL;
  guint n_pages = get_n_pages (path);

  check_sections (path, NULL);

  g_assert_cmpuint (n_pages, >=, 2);
  footer = g_strdup_printf ("Page 1 of %u", n_pages);
  g_assert_nonnull (strstr (text, footer));
  g_clear_pointer (&footer, g_free);
  footer = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (text, footer));
  g_assert_nonnull (strstr (text, "English"));
  g_assert_true (cg_test_text_contains (squeezed, "Sources: Calcinosis Guide patient information, content version 1.0.0"));
  g_assert_nonnull (strstr (text, "Calcinosis\n"));
  g_assert_nonnull (strstr (text, "Date: "));
  g_assert_null (strstr (text, "Notes from your care team"));
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
}

static void
test_chosen_sections (void)
{
  g_autofree char *path = export ("chosen.pdf", "--sections=summary,causes", NULL);

  check_sections (path, "causes,summary");
}

static void
test_note_and_clinic (void)
{
  g_autofree char *path = export ("note.pdf", "--sections=overview",
                                  "--notes=" NOTE, "--clinic=" CLINIC, NULL);
  g_autofree char *text = run_tool ("pdftotext", path);
  g_autofree char *squeezed = cg_test_squeeze (text);

  g_assert_true (cg_test_text_contains (squeezed, NOTE));
  g_assert_true (cg_test_text_contains (squeezed, CLINIC));
  g_assert_nonnull (strstr (text, "Notes from your care team"));
  g_assert_cmpuint (get_n_pages (path), ==, 1);
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
}

static void
test_letter (void)
{
  g_autofree char *path = export ("letter.pdf", "--paper=letter", NULL);
  g_autofree char *info = run_tool ("pdfinfo", path);

  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
  check_sections (path, NULL);
}

static void
test_a4 (void)
{
  g_autofree char *path = export ("a4.pdf", "--paper=A4", NULL);
  g_autofree char *info = run_tool ("pdfinfo", path);

  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
}

static void
test_large_print (void)
{
  g_autofree char *normal = export ("normal.pdf", NULL);
  g_autofree char *large = export ("large.pdf", "--large-print", NULL);

  g_assert_cmpuint (get_n_pages (large), >, get_n_pages (normal));
  check_sections (large, NULL);
}

static void
test_fonts_embedded (void)
{
  g_autofree char *path = export ("fonts.pdf", NULL);
  g_autofree char *fonts = run_tool ("pdffonts", path);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;

  /* name type encoding emb sub uni object ID: every font after the two header lines */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      columns = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      n = g_strv_length (columns);
      g_assert_cmpuint (n, >=, 7);
      g_assert_cmpstr (columns[n - 5], ==, "yes");
      n_fonts++;
    }

  g_assert_cmpuint (n_fonts, >, 0);
}

/* Bad input: one line on stderr, exit 2 and no file. */
static void
check_bad_input (const char *path,
                 const char *option,
                 const char *message)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *export_option = g_strdup_printf ("--export-handout=%s", path);

  g_assert_cmpint (cg_test_run_binary (&out, &err, export_option, option, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, message));
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_bad_path (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "no-such-dir", "handout.pdf", NULL);
  g_autofree char *dir = tmp_path ("no-such-dir");

  check_bad_input (path, "--large-print", "No such file or directory");
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static const struct {
  const char *name;
  const char *option;
  const char *message;
} bad_inputs[] = {
  { "unknown-section", "--sections=causes,no-such-section", "no-such-section" },
  { "bad-paper", "--paper=b5", "b5" },
  { "unknown-language", "--language=xx", "xx" },
};

static void
test_bad_input (gconstpointer data)
{
  const typeof (bad_inputs[0]) *input = data;
  g_autofree char *name = g_strconcat (input->name, ".pdf", NULL);
  g_autofree char *path = tmp_path (name);

  check_bad_input (path, input->option, input->message);
}

/* Exporting over an older handout replaces it and leaves no temporary file. */
static void
test_replace (void)
{
  g_autofree char *path = tmp_path ("replace.pdf");
  g_autofree char *again = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  again = export ("replace.pdf", "--sections=overview", NULL);
  check_sections (again, "overview");

  dir = g_dir_open (tmp_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    g_assert_false (g_str_has_prefix (name, "."));
}

static void
test_spanish (void)
{
  g_autofree char *path = export ("es.pdf", "--language=es", "--sections=overview", NULL);
  g_autofree char *text = run_tool ("pdftotext", path);

  g_assert_nonnull (strstr (text, "Español"));
  g_assert_null (strstr (text, "For effective management"));
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = tmp_path (name);

      g_unlink (path);
    }
  g_rmdir (tmp_dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("cg-handout-cli-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/handout-cli/all-sections", test_all_sections);
  g_test_add_func ("/handout-cli/chosen-sections", test_chosen_sections);
  g_test_add_func ("/handout-cli/note-and-clinic", test_note_and_clinic);
  g_test_add_func ("/handout-cli/a4", test_a4);
  g_test_add_func ("/handout-cli/letter", test_letter);
  g_test_add_func ("/handout-cli/large-print", test_large_print);
  g_test_add_func ("/handout-cli/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/handout-cli/bad-path", test_bad_path);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *test_path = g_strconcat ("/handout-cli/", bad_inputs[i].name, NULL);

      g_test_add_data_func (test_path, &bad_inputs[i], test_bad_input);
    }
  g_test_add_func ("/handout-cli/replace", test_replace);
  g_test_add_func ("/handout-cli/spanish", test_spanish);

  status = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);

  return status;
}
