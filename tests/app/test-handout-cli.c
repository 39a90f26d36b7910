/* test-handout-cli.c: --export-handout, checked in the PDF with poppler's tools
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built binary ($CG_BINARY) and reads its PDF back with pdftotext, pdfinfo and
 * pdffonts (poppler-utils). The expected sentences come from the source text
 * (cg-test-source.h), not from the bundle: a handout must print the medical text as written.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "cg-test-source.h"
#include "cg-test-util.h"

#define CLINIC "Riverside Rheumatology Clinic\nTelephone 0123 456789"
#define NOTE "Come back in six weeks. Call us sooner if a lump turns red or hot."

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
export (const char *name,
        ...)
{
  g_autofree char *option = NULL;
  char *path = tmp_path (name);
  g_autoptr(GPtrArray) args = g_ptr_array_new_null_terminated (8, NULL, TRUE);
  g_autofree char *err = NULL;
  va_list ap;

  option = g_strdup_printf ("--export-handout=%s", path);
  g_ptr_array_add (args, option);
  va_start (ap, name);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);

  g_assert_cmpint (cg_test_run_binary_argv (NULL, &err, (const char * const *)args->pdata), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return path;
}

static guint
get_n_pages (const char *path)
{
  g_autofree char *info = cg_test_run_tool ("pdfinfo", path, NULL);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);

  return (guint)g_ascii_strtoull (line + strlen ("\nPages:") + strspn (line + 7, " "), NULL, 10);
}

/* The text above each page's footer, pages joined: a list item that runs onto the next page
 * reads on without the footer between its lines (pdftotext gives the page number first) */
static char *
dup_body_text (const char *path)
{
  g_autofree char *text = cg_test_pdf_to_text (path);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  g_autoptr(GRegex) footer = g_regex_new ("\nPage [0-9]+ of [0-9]+\n", 0, 0, NULL);
  GString *body = g_string_new (NULL);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      int start = (int)strlen (pages[i]);

      /* The footer starts with the page number, then the language and the sources */
      if (g_regex_match (footer, pages[i], 0, &match))
        g_match_info_fetch_pos (match, 0, &start, NULL);
      g_string_append_len (body, pages[i], start);
    }

  return g_string_free (body, FALSE);
}

static void
check_sections (const char *path,
                const char *chosen)
{
  g_autofree char *text = dup_body_text (path);
  g_autofree char *squeezed = cg_test_squeeze (text);
  g_auto(GStrv) ids = chosen != NULL ? g_strsplit (chosen, ",", -1) : NULL;
  g_autoptr(GPtrArray) sentences = cg_test_load_source_sentences ();

  for (guint i = 0; i < sentences->len; i++)
    {
      const CgTestSentence *sentence = g_ptr_array_index (sentences, i);
      gboolean wanted = ids == NULL ||
                        g_strv_contains ((const char * const *)ids, sentence->section_id);

      g_test_message ("%s: %s", sentence->section_id, sentence->sentence);
      g_assert_cmpint (cg_test_text_contains (squeezed, sentence->sentence), ==, wanted);
    }
}

static void
test_all_sections (void)
{
  g_autofree char *path = export ("all.pdf", NULL);
  g_autofree char *text = cg_test_pdf_to_text (path);
  g_autofree char *info = cg_test_run_tool ("pdfinfo", path, NULL);
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
  g_autofree char *text = cg_test_pdf_to_text (path);
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
  g_autofree char *info = cg_test_run_tool ("pdfinfo", path, NULL);

  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
  check_sections (path, NULL);
}

static void
test_a4 (void)
{
  g_autofree char *path = export ("a4.pdf", "--paper=A4", NULL);
  g_autofree char *info = cg_test_run_tool ("pdfinfo", path, NULL);

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
  g_autofree char *fonts = cg_test_run_tool ("pdffonts", path, NULL);
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
  { "empty-sections", "--sections=", "--sections" },
  { "only-commas", "--sections= , ", "--sections" },
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
  g_autofree char *text = cg_test_pdf_to_text (path);

  g_assert_nonnull (strstr (text, "Español"));
  g_assert_null (strstr (text, "For effective management"));
}

/* The names in the temporary folder that start with a dot: temporary files left behind */
static void
assert_no_leftovers (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)))
    g_assert_false (g_str_has_prefix (name, "."));
}

/* --export-handout=- writes the PDF, and nothing else, to standard output */
static void
test_stdout (void)
{
  g_autofree char *path = tmp_path ("stdout.pdf");
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_set_stdout_file_path (launcher, path);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("CG_BINARY"),
                                         "--export-handout=-", "--sections=overview",
                                         "--notes=" NOTE, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_cmpstr (err, ==, "");

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpmem (contents + length - 6, 6, "%%EOF\n", 6);
  check_sections (path, "overview");
}

/* A named pipe or a device at the path (/dev/null, say) is refused and left alone */
static void
test_not_regular (void)
{
  g_autofree char *fifo = tmp_path ("fifo.pdf");
  g_autofree char *device = tmp_path ("null-device.pdf");
  g_autofree char *link = tmp_path ("link-to-null.pdf");
  g_autofree char *folder = tmp_path ("folder.pdf");
  const char *paths[] = { fifo, device, link, folder, "/dev/null" };

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  /* Without the right to make a device, the test makes a link to /dev/null instead */
  if (mknod (device, S_IFCHR | 0666, makedev (1, 3)) != 0)
    g_assert_cmpint (symlink ("/dev/null", device), ==, 0);
  g_assert_cmpint (symlink ("/dev/null", link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *option = g_strdup_printf ("--export-handout=%s", paths[i]);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      mode_t before = cg_test_get_mode (paths[i]);
      GStatBuf st;

      g_test_message ("%s", paths[i]);
      g_assert_cmpint (cg_test_run_binary (&out, &err, option, "--sections=overview", NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "calcinosis-guide: "));
      g_assert_nonnull (strstr (err, paths[i]));
      g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
      g_assert_cmpuint (cg_test_get_mode (paths[i]), ==, before);
      g_assert_cmpint (g_stat (paths[i], &st), ==, 0);
      g_assert_false (S_ISREG (st.st_mode));
    }

  g_assert_true (S_ISCHR (cg_test_get_mode ("/dev/null")));
  assert_no_leftovers ();
}

/* A symbolic link is followed: the file it points to is replaced, the link stays */
static void
test_symlink (void)
{
  g_autofree char *target = tmp_path ("link-target.pdf");
  g_autofree char *link = tmp_path ("link.pdf");
  g_autofree char *path = NULL;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("link-target.pdf", link), ==, 0);

  path = export ("link.pdf", "--sections=overview", NULL);
  g_assert_true (S_ISLNK (cg_test_get_mode (link)));
  check_sections (target, "overview");
  assert_no_leftovers ();
}

/* A replaced file keeps its mode; a new handout with a note is for its owner only; without
 * one the umask applies (022 here) */
static void
test_permissions (void)
{
  g_autofree char *kept = tmp_path ("kept.pdf");
  g_autofree char *with_note = NULL;
  g_autofree char *without_note = NULL;
  g_autofree char *replaced = NULL;

  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_assert_cmpint (g_chmod (kept, 0640), ==, 0);

  with_note = export ("with-note.pdf", "--notes=" NOTE, NULL);
  without_note = export ("without-note.pdf", NULL);
  replaced = export ("kept.pdf", "--notes=" NOTE, NULL);

  g_assert_cmpuint (cg_test_get_mode (with_note) & 07777, ==, 0600);
  g_assert_cmpuint (cg_test_get_mode (without_note) & 07777, ==, 0644);
  g_assert_cmpuint (cg_test_get_mode (replaced) & 07777, ==, 0640);
}

/* A legal 254-byte file name works: the temporary file's name is no longer than that */
static void
test_long_name (void)
{
  g_autofree char *stem = g_strnfill (250, 'h');
  g_autofree char *name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *path = NULL;

  g_assert_cmpuint (strlen (name), ==, 254);
  path = export (name, "--sections=overview", NULL);
  g_free (path);
  path = export (name, "--sections=overview", NULL);
  check_sections (path, "overview");
  g_unlink (path);
}

/* Control characters in a note are dropped, not drawn as boxes, and a note is cut at the cap */
static void
test_note_cleaned (void)
{
  g_autofree char *note = g_strconcat ("--notes=Bring\a your\x1b list\f of\v medicines\x7f.\xc2\x9b ",
                                       NULL);
  g_autofree char *long_note = NULL;
  g_autofree char *path = export ("note-control.pdf", "--sections=overview", note, NULL);
  g_autofree char *text = cg_test_pdf_to_text (path);
  g_autofree char *long_path = NULL;
  g_autofree char *long_text = NULL;
  g_autofree char *hashes = g_strnfill (40000, '#');
  guint n_hashes = 0;

  g_assert_nonnull (strstr (text, "Bring your list of medicines."));

  /* 40,000 characters without a space: at most the cap is laid out and printed */
  long_note = g_strconcat ("--notes=", hashes, NULL);
  long_path = export ("note-long.pdf", "--sections=overview", long_note, NULL);
  long_text = cg_test_pdf_to_text (long_path);
  for (const char *p = long_text; *p != '\0'; p++)
    n_hashes += *p == '#';
  g_assert_cmpuint (n_hashes, ==, 2000);
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = tmp_path (name);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        g_rmdir (path);
      else
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

  /* New files without a note follow the umask: make it known */
  umask (022);
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
  g_test_add_func ("/handout-cli/stdout", test_stdout);
  g_test_add_func ("/handout-cli/not-regular", test_not_regular);
  g_test_add_func ("/handout-cli/symlink", test_symlink);
  g_test_add_func ("/handout-cli/permissions", test_permissions);
  g_test_add_func ("/handout-cli/long-name", test_long_name);
  g_test_add_func ("/handout-cli/note-cleaned", test_note_cleaned);

  status = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);

  return status;
}
