/* test-handout-set-hostile.c: handout-set files written by an attacker or an unlucky clinic
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A set folder may hold a named pipe, a link to /dev/zero, a huge or binary file, misspelt
 * keys, names that break lines, thousands of sections or of files. Each is refused with its
 * file (and line), the good sets still load, and nothing blocks: the program runs under
 * alarm(), so a hang fails instead of stalling the suite.
 */

#include "config.h"

#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cg-file-reader.h"
#include "cg-handout-set.h"
#include "cg-handout-set-parser.h"
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

  fixture->root = g_dir_make_tmp ("cg-set-hostile-XXXXXX", NULL);
  g_assert_nonnull (fixture->root);
  config = g_build_filename (fixture->root, "config", NULL);
  share = g_build_filename (fixture->root, "share", NULL);
  fixture->user_dir = g_build_filename (config, CG_HANDOUT_SETS_SUBDIR, NULL);
  fixture->clinic_dir = g_build_filename (share, CG_HANDOUT_SETS_SUBDIR, NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->user_dir, 0755), ==, 0);
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
  cg_test_remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->user_dir);
  g_free (fixture->clinic_dir);
}

static char *
set_path (const char *dir,
          const char *id)
{
  g_autofree char *basename = g_strconcat (id, CG_HANDOUT_SET_SUFFIX, NULL);

  return g_build_filename (dir, basename, NULL);
}

static void
write_set (const char *dir,
           const char *id,
           const char *contents,
           gssize      length)
{
  g_autofree char *path = set_path (dir, id);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

#define GOOD "[Handout Set]\nName=Good\nSections=overview\n"

static char *
make_sections (guint n)
{
  g_autoptr(GString) text = g_string_new ("[Handout Set]\nName=Many\nSections=");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "section-%u;", i);
  g_string_append_c (text, '\n');

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_error_for (GPtrArray  *errors,
                  const char *path,
                  const char *fragment)
{
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *error = g_ptr_array_index (errors, i);

      if (g_str_has_prefix (error->message, path))
        {
          g_test_message ("%s", error->message);
          g_assert_nonnull (strstr (error->message, fragment));
          g_assert_null (strchr (error->message, '\n'));
          return;
        }
    }

  g_error ("no error names %s", path);
}

/* Every kind of bad file is refused, named, and the good set still loads */
static void
test_hostile_files (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char binary[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\xff\xfe[Handout Set]\n";
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GPtrArray) sets = NULL;
  g_autofree char *fifo = set_path (fixture->user_dir, "fifo");
  g_autofree char *zero = set_path (fixture->user_dir, "zero");
  g_autofree char *huge = set_path (fixture->user_dir, "huge");
  g_autofree char *many = make_sections (CG_HANDOUT_SET_MAX_SECTIONS + 1);
  g_autofree char *enough = make_sections (CG_HANDOUT_SET_MAX_SECTIONS);
  g_autofree char *path = NULL;
  int fd;

  write_set (fixture->clinic_dir, "good", GOOD, -1);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (ftruncate (fd, 400 * 1000 * 1000), ==, 0);
  close (fd);
  write_set (fixture->user_dir, "binary", binary, sizeof binary - 1);
  write_set (fixture->user_dir, "misspelt",
             "[Handout Set]\nName=M\nSections=overview\nLargePrnt=true\n", -1);
  write_set (fixture->user_dir, "unknown",
             "[Handout Set]\nName=U\nColour=blue\nSections=overview\n", -1);
  write_set (fixture->user_dir, "newline",
             "[Handout Set]\nSections=overview\nName=First\\nSecond\n", -1);
  write_set (fixture->user_dir, "control",
             "[Handout Set]\nName=Bell\x07here\nSections=overview\n", -1);
  /* GLib 2.74 itself warns on this one, unless it is refused before GKeyFile parses it */
  write_set (fixture->user_dir, "escape", "[Handout Set]\nName=a\\qb\\\nSections=overview\n", -1);
  write_set (fixture->user_dir, "many", many, -1);
  write_set (fixture->user_dir, "enough", enough, -1);

  sets = cg_handout_set_load_all (errors);

  g_assert_cmpuint (sets->len, ==, 2);
  g_assert_nonnull (cg_handout_set_find (sets, "good"));
  g_assert_cmpuint (g_strv_length ((char **)cg_handout_set_get_sections (cg_handout_set_find (sets, "enough"))),
                    ==, CG_HANDOUT_SET_MAX_SECTIONS);
  g_assert_cmpuint (errors->len, ==, 10);

  assert_error_for (errors, fifo, "named pipe");
  assert_error_for (errors, zero, "device");
  assert_error_for (errors, huge, "larger than the limit of 64 KiB");
  g_clear_pointer (&path, g_free);
  path = set_path (fixture->user_dir, "binary");
  assert_error_for (errors, path, ":1: The file is not UTF-8 text");
  g_clear_pointer (&path, g_free);
  path = set_path (fixture->user_dir, "misspelt");
  assert_error_for (errors, path, ":4: Unknown key LargePrnt; did you mean LargePrint?");
  g_clear_pointer (&path, g_free);
  path = set_path (fixture->user_dir, "unknown");
  assert_error_for (errors, path, ":3: Unknown key Colour;");
  g_clear_pointer (&path, g_free);
  path = set_path (fixture->user_dir, "newline");
  assert_error_for (errors, path, ":3: Name has a line break");
  g_clear_pointer (&path, g_free);
  path = set_path (fixture->user_dir, "control");
  assert_error_for (errors, path, ":2: Name has a line break or a control character");
  g_clear_pointer (&path, g_free);
  path = set_path (fixture->user_dir, "escape");
  assert_error_for (errors, path, ":2: Name has a backslash that is not");
  g_clear_pointer (&path, g_free);
  path = set_path (fixture->user_dir, "many");
  assert_error_for (errors, path, ":3: The set names 201 sections, more than the limit of 200");
}

/* A folder of thousands of files is read only so far */
static void
test_too_many_sets (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GPtrArray) sets = NULL;

  for (guint i = 0; i < CG_HANDOUT_SETS_MAX_PER_DIR + 1; i++)
    {
      g_autofree char *id = g_strdup_printf ("set-%04u", i);

      write_set (fixture->clinic_dir, id, GOOD, -1);
    }

  sets = cg_handout_set_load_all (errors);
  g_assert_cmpuint (sets->len, ==, CG_HANDOUT_SETS_MAX_PER_DIR);
  g_assert_cmpuint (errors->len, ==, 1);
  assert_error_for (errors, fixture->clinic_dir, "More than 500 handout sets");
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);

  *out = cg_handout_set_load_all_finish (result, errors, NULL);
  g_assert_cmpuint (errors->len, ==, 1);
}

/* What the builder does: the folders are read in a worker thread */
static void
test_load_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *fifo = set_path (fixture->user_dir, "fifo");
  g_autoptr(GPtrArray) sets = NULL;

  write_set (fixture->clinic_dir, "good", GOOD, -1);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  cg_handout_set_load_all_async (NULL, on_loaded_cb, &sets);
  while (sets == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (sets->len, ==, 1);
}

/* --list-handout-sets names each bad file on stderr and lists the rest, one line a set */
static void
test_command_line (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *fifo = set_path (fixture->user_dir, "fifo");
  g_autofree char *misspelt = set_path (fixture->user_dir, "misspelt");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *fifo_line = NULL;
  g_autofree char *misspelt_line = NULL;

  write_set (fixture->clinic_dir, "good", GOOD, -1);
  write_set (fixture->user_dir, "misspelt",
             "[Handout Set]\nName=M\nSections=overview\nLargePrnt=true\n", -1);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  g_assert_cmpint (cg_test_run_binary (&out, &err, "--list-handout-sets", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "good\tGood\n");
  fifo_line = g_strdup_printf ("calcinosis-guide: %s: Not a regular file (a named pipe)", fifo);
  misspelt_line = g_strdup_printf ("calcinosis-guide: %s:4: Unknown key LargePrnt", misspelt);
  g_assert_nonnull (strstr (err, fifo_line));
  g_assert_nonnull (strstr (err, misspelt_line));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Each test takes well under a second; one that blocks on a pipe or reads /dev/zero for
   * ever is killed, and fails */
  alarm (20);

  ADD_TEST ("/handout-set-hostile/files", test_hostile_files);
  ADD_TEST ("/handout-set-hostile/too-many-sets", test_too_many_sets);
  ADD_TEST ("/handout-set-hostile/load-async", test_load_async);
  ADD_TEST ("/handout-set-hostile/command-line", test_command_line);

  return g_test_run ();
}
