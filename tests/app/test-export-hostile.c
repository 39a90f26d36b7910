/* test-export-hostile.c: exports that a full disk, a SIGKILL or a reader in a hurry meet
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests aimed at mistakes that would otherwise go unnoticed: ignoring a write error (the
 * export must fail with exit 2 and leave the old file as it was), replacing a file by
 * unlinking it and then linking the new one (another process must never find the path
 * missing), a leftover temporary file after a SIGKILL, and a note printed without its frame.
 * The whole program runs under alarm(), so a hang fails instead of stalling the suite.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "cg-output-file.h"
#include "cg-test-files.h"
#include "cg-test-util.h"

#define OLD_CONTENT "the old handout, which must survive\n"

static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { 8 * 1024, 8 * 1024 };

  /* Writing past the limit then fails with EFBIG, as on a full disk, instead of killing */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static GPtrArray *
list_temporaries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, ".cg-"))
      g_ptr_array_add (names, g_strdup (name));

  return names;
}

static int
run_export (const char  *target,
            gboolean     limit,
            char       **err)
{
  g_autofree char *option = g_strconcat ("--export-handout=", target, NULL);
  const char *argv[] = { g_getenv ("CG_BINARY"), option, "--sections=overview,causes,treatment",
                         "--notes=Take the tablets twice a day", NULL };
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL,
                limit ? limit_file_size : NULL, NULL, NULL, err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

/* A full disk: exit 2, one line naming the file, the old file unchanged, nothing left over */
static void
test_write_error (CgTestTempDir *fixture,
                  gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "handout.pdf", NULL);
  g_autofree char *fresh = g_build_filename (fixture->dir, "fresh.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) leftovers = NULL;

  g_assert_true (g_file_set_contents (target, OLD_CONTENT, -1, NULL));

  g_assert_cmpint (run_export (target, TRUE, &err), ==, 2);
  g_test_message ("%s", err);
  g_assert_true (g_str_has_prefix (err, "calcinosis-guide: "));
  g_assert_nonnull (strstr (err, "handout.pdf"));
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, OLD_CONTENT);
  g_clear_pointer (&err, g_free);

  /* A new file is not created at all */
  g_assert_cmpint (run_export (fresh, TRUE, &err), ==, 2);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  leftovers = list_temporaries (fixture->dir);
  g_assert_cmpuint (leftovers->len, ==, 0);

  /* Without the limit the same export works: the limit is what failed it */
  g_assert_cmpint (run_export (target, FALSE, NULL), ==, 0);
}

/* Polls @path until @stop_fd reaches its end; reports checks and misses on @report_fd */
G_GNUC_NORETURN static void
poll_path (const char *path,
           int         stop_fd,
           int         report_fd)
{
  guint64 counts[3] = { 0, 0, 0 };  /* checks, missing, empty */
  char byte;

  fcntl (stop_fd, F_SETFL, O_NONBLOCK);
  while (read (stop_fd, &byte, 1) < 0 && errno == EAGAIN)
    {
      struct stat st;

      counts[0]++;
      if (stat (path, &st) != 0)
        counts[1]++;
      else if (st.st_size == 0)
        counts[2]++;
    }

  (void)!write (report_fd, counts, sizeof counts);
  _exit (0);
}

/* Another process looking at the path during 200 replaces always finds a complete file */
static void
test_replace_atomic (CgTestTempDir *fixture,
                     gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "handout.pdf", NULL);
  guint64 counts[3];
  int stop[2], report[2];
  int wait_status;
  pid_t pid;

  g_assert_true (g_file_set_contents (target, OLD_CONTENT, -1, NULL));
  g_assert_cmpint (pipe (stop), ==, 0);
  g_assert_cmpint (pipe (report), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (stop[1]);
      close (report[0]);
      poll_path (target, stop[0], report[1]);
    }
  close (stop[0]);
  close (report[1]);

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(CgOutputFile) output = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf ("version %u\n", i);

      output = cg_output_file_open (target, i % 2 == 0 ? CG_OUTPUT_FILE_DEFAULT
                                                        : CG_OUTPUT_FILE_NO_TMPFILE, &error);
      g_assert_no_error (error);
      g_assert_true (cg_output_file_write (output, text, strlen (text), &error));
      g_assert_true (cg_output_file_commit (output, &error));
      g_assert_no_error (error);
    }

  close (stop[1]);
  g_assert_cmpint (read (report[0], counts, sizeof counts), ==, sizeof counts);
  close (report[0]);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);

  g_test_message ("%" G_GUINT64_FORMAT " looks during 200 replaces: %" G_GUINT64_FORMAT
                  " missing, %" G_GUINT64_FORMAT " empty", counts[0], counts[1], counts[2]);
  g_assert_cmpuint (counts[0], >, 200);
  g_assert_cmpuint (counts[1], ==, 0);
  g_assert_cmpuint (counts[2], ==, 0);
}

static gboolean
is_complete_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return length > 8 && g_str_has_prefix (contents, "%PDF-") &&
         g_strstr_len (contents + length - MIN (length, 32), MIN (length, 32), "%%EOF") != NULL;
}

static void
make_old (const char *path)
{
  struct utimbuf times = { time (NULL) - 3600, time (NULL) - 3600 };

  g_assert_cmpint (utime (path, &times), ==, 0);
}

/* SIGKILL at 30 moments of an export: the target is always a complete PDF, and whatever
 * temporary file a kill left is removed by the next export to that folder once it is stale;
 * a fresh one (another export under way) and files not of ours stay */
static void
test_kill_window (CgTestTempDir *fixture,
                  gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "handout.pdf", NULL);
  g_autofree char *option = g_strconcat ("--export-handout=", target, NULL);
  g_autofree char *stale = g_build_filename (fixture->dir, ".cg-1a2b3c4d", NULL);
  g_autofree char *busy = g_build_filename (fixture->dir, ".cg-5e6f7a8b", NULL);
  g_autofree char *not_ours = g_build_filename (fixture->dir, ".cg-notes.txt", NULL);
  const char *argv[] = { g_getenv ("CG_BINARY"), option, "--notes=Patient note", NULL };
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  g_autoptr(GPtrArray) leftovers = NULL;
  gint64 start, duration;
  guint n_killed = 0;

  g_assert_cmpint (run_export (target, FALSE, NULL), ==, 0);
  start = g_get_monotonic_time ();
  g_assert_cmpint (run_export (target, FALSE, NULL), ==, 0);
  duration = g_get_monotonic_time () - start;

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(GError) error = NULL;
      int wait_status;
      GPid pid;

      g_assert_true (g_spawn_async (NULL, (char **)argv, envp,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                    G_SPAWN_STDERR_TO_DEV_NULL,
                                    NULL, NULL, &pid, &error));
      g_usleep (duration * i / 30);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
      n_killed += WIFSIGNALED (wait_status);
      g_assert_true (is_complete_pdf (target));
    }

  leftovers = list_temporaries (fixture->dir);
  g_test_message ("an export takes %.0f ms; %u of 30 killed before the end, leaving %u "
                  "temporary files", duration / 1000.0, n_killed, leftovers->len);
  g_assert_cmpuint (n_killed, >, 0);

  /* As time would: what the kills left is now stale */
  for (guint i = 0; i < leftovers->len; i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, g_ptr_array_index (leftovers, i), NULL);

      make_old (path);
    }
  g_assert_true (g_file_set_contents (stale, "%PDF- a note", -1, NULL));
  make_old (stale);
  g_assert_true (g_file_set_contents (busy, "%PDF- being written", -1, NULL));
  g_assert_true (g_file_set_contents (not_ours, "mine", -1, NULL));
  make_old (not_ours);

  g_assert_cmpint (run_export (target, FALSE, NULL), ==, 0);
  g_clear_pointer (&leftovers, g_ptr_array_unref);
  leftovers = list_temporaries (fixture->dir);
  g_assert_cmpuint (leftovers->len, ==, 2);
  g_assert_true (g_file_test (busy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (not_ours, G_FILE_TEST_EXISTS));
  g_assert_true (is_complete_pdf (target));
}

/* The stroked rectangles of a PDF's pages ("x y w h re S" in the uncompressed content) that
 * are wider than @min_width */
static guint
count_wide_frames (const char *pdf,
                   double      min_width)
{
  g_autofree char *qdf = cg_test_run_tool ("qpdf", "--qdf", "--object-streams=disable", pdf, "-", NULL);
  g_auto(GStrv) lines = g_strsplit (qdf, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      double x, y, width, height;
      const char *re = strstr (lines[i], " re S");
      g_autofree char *operands = NULL;
      g_auto(GStrv) words = NULL;
      guint n_words;

      if (re == NULL)
        continue;
      operands = g_strndup (lines[i], re - lines[i]);
      words = g_strsplit (operands, " ", -1);
      n_words = g_strv_length (words);
      if (n_words < 4)
        continue;
      x = g_ascii_strtod (words[n_words - 4], NULL);
      y = g_ascii_strtod (words[n_words - 3], NULL);
      width = g_ascii_strtod (words[n_words - 2], NULL);
      height = g_ascii_strtod (words[n_words - 1], NULL);
      g_test_message ("frame at %.1f,%.1f: %.1f × %.1f", x, y, width, height);
      if (width > min_width && ABS (height) > 10)
        n++;
    }

  return n;
}

/* The note is drawn inside a frame as wide as the text: with a note there is one, without
 * there is none */
static void
test_note_frame (CgTestTempDir *fixture,
                 gconstpointer  data)
{
  g_autofree char *with_note = g_build_filename (fixture->dir, "note.pdf", NULL);
  g_autofree char *without = g_build_filename (fixture->dir, "plain.pdf", NULL);
  g_autofree char *with_option = g_strconcat ("--export-handout=", with_note, NULL);
  g_autofree char *without_option = g_strconcat ("--export-handout=", without, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  /* A4 is 595 points wide: the frame spans the text, over two thirds of that */
  const double min_width = 595.0 * 2 / 3;

  g_assert_cmpint (cg_test_run_binary (&out, &err, with_option, "--sections=overview", "--paper=a4",
                                       "--notes=Take the tablets twice a day", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cg_test_run_binary (&out, &err, without_option, "--sections=overview",
                                       "--paper=a4", NULL), ==, 0);

  g_assert_cmpuint (count_wide_frames (with_note, min_width), ==, 1);
  g_assert_cmpuint (count_wide_frames (without, min_width), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* All of it takes seconds; an export that hangs is killed, and fails */
  alarm (180);

#define ADD(path, func) \
  g_test_add (path, CgTestTempDir, NULL, cg_test_temp_dir_setup, func, cg_test_temp_dir_teardown)
  ADD ("/export-hostile/write-error", test_write_error);
  ADD ("/export-hostile/replace-atomic", test_replace_atomic);
  ADD ("/export-hostile/kill-window", test_kill_window);
  ADD ("/export-hostile/note-frame", test_note_frame);
#undef ADD

  return g_test_run ();
}
