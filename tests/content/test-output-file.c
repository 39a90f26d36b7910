/* test-output-file.c: output files are replaced whole, only when regular, and never left half
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs twice: with an unnamed temporary file (O_TMPFILE) and with the named
 * temporary file used where a file system lacks it.
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cg-output-file.h"

#include "cg-test-files.h"
#include "cg-test-util.h"

#define CONTENTS "%PDF-1.5 new handout\n"

static char *tmp_dir;

typedef struct
{
  char              *dir;    /* a fresh folder for this test */
  CgOutputFileFlags  flags;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("t%u", counter++);

  fixture->dir = g_build_filename (tmp_dir, name, NULL);
  fixture->flags = GPOINTER_TO_UINT (data);
  g_assert_cmpint (g_mkdir (fixture->dir, 0755), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cg_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names in the fixture's folder, sorted, comma-separated: leftovers show up here */
static char *
list_dir (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    g_ptr_array_add (names, (char *)name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (",", (char **)names->pdata);
}

static gboolean
write_file (const char         *path,
            CgOutputFileFlags   flags,
            GError            **error)
{
  g_autoptr(CgOutputFile) file = NULL;

  if (!(file = cg_output_file_open (path, flags, error)))
    return FALSE;

  return cg_output_file_write (file, CONTENTS, strlen (CONTENTS), error) &&
         cg_output_file_commit (file, error);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_new_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "handout.pdf");
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (write_file (path, fixture->flags, &error));
  g_assert_no_error (error);
  assert_contents (path, CONTENTS);

  listing = list_dir (fixture);
  g_assert_cmpstr (listing, ==, "handout.pdf");
}

/* The old file stays whole until the new one replaces it; a file never committed leaves
 * nothing, and the old file is unchanged */
static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "handout.pdf");
  g_autofree char *listing = NULL;
  g_autoptr(CgOutputFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  file = cg_output_file_open (path, fixture->flags, &error);
  g_assert_no_error (error);
  g_assert_true (cg_output_file_write (file, CONTENTS, strlen (CONTENTS), &error));
  assert_contents (path, "old");
  g_clear_pointer (&file, cg_output_file_free);
  assert_contents (path, "old");
  listing = list_dir (fixture);
  g_assert_cmpstr (listing, ==, "handout.pdf");

  g_assert_true (write_file (path, fixture->flags, &error));
  assert_contents (path, CONTENTS);
  g_free (listing);
  listing = list_dir (fixture);
  g_assert_cmpstr (listing, ==, "handout.pdf");
}

/* A replaced file keeps its mode; a new one holding patient data is 0600 whatever the umask;
 * any other new file follows the umask */
static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *kept = fixture_path (fixture, "kept.pdf");
  g_autofree char *kept_private = fixture_path (fixture, "kept-private.pdf");
  g_autofree char *private = fixture_path (fixture, "private.pdf");
  g_autofree char *public = fixture_path (fixture, "public.pdf");
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);

  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_assert_cmpint (g_chmod (kept, 0640), ==, 0);
  g_assert_true (g_file_set_contents (kept_private, "old", -1, NULL));
  g_assert_cmpint (g_chmod (kept_private, 0644), ==, 0);

  g_assert_true (write_file (kept, fixture->flags, &error));
  g_assert_true (write_file (kept_private, fixture->flags | CG_OUTPUT_FILE_PRIVATE, &error));
  g_assert_true (write_file (private, fixture->flags | CG_OUTPUT_FILE_PRIVATE, &error));
  g_assert_true (write_file (public, fixture->flags, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (cg_test_get_mode (kept) & 07777, ==, 0640);
  g_assert_cmpuint (cg_test_get_mode (kept_private) & 07777, ==, 0644);
  g_assert_cmpuint (cg_test_get_mode (private) & 07777, ==, 0600);
  g_assert_cmpuint (cg_test_get_mode (public) & 07777, ==, 0644);

  umask (027);
  g_unlink (public);
  g_assert_true (write_file (public, fixture->flags, &error));
  g_assert_cmpuint (cg_test_get_mode (public) & 07777, ==, 0640);

  umask (old_umask);
}

/* A symbolic link is followed: its target is replaced and the link stays a link, also when
 * relative, chained, or pointing at a file not there yet */
static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *target = fixture_path (fixture, "target.pdf");
  g_autofree char *link = fixture_path (fixture, "link.pdf");
  g_autofree char *chain = fixture_path (fixture, "chain.pdf");
  g_autofree char *dangling = fixture_path (fixture, "dangling.pdf");
  g_autofree char *new_target = fixture_path (fixture, "new-target.pdf");
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("target.pdf", link), ==, 0);
  g_assert_cmpint (symlink (link, chain), ==, 0);
  g_assert_cmpint (symlink ("new-target.pdf", dangling), ==, 0);

  g_assert_true (write_file (link, fixture->flags, &error));
  g_assert_no_error (error);
  g_assert_true (S_ISLNK (cg_test_get_mode (link)));
  assert_contents (target, CONTENTS);

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_true (write_file (chain, fixture->flags, &error));
  g_assert_true (S_ISLNK (cg_test_get_mode (chain)));
  g_assert_true (S_ISLNK (cg_test_get_mode (link)));
  assert_contents (target, CONTENTS);

  g_assert_true (write_file (dangling, fixture->flags, &error));
  g_assert_true (S_ISLNK (cg_test_get_mode (dangling)));
  assert_contents (new_target, CONTENTS);

  listing = list_dir (fixture);
  g_assert_cmpstr (listing, ==, "chain.pdf,dangling.pdf,link.pdf,new-target.pdf,target.pdf");
}

static void
assert_refused (Fixture    *fixture,
                const char *path,
                int         code)
{
  g_autofree char *before = list_dir (fixture);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st_before, st_after;

  g_assert_cmpint (g_stat (path, &st_before), ==, 0);
  g_assert_false (write_file (path, fixture->flags, &error));
  g_assert_error (error, G_IO_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));

  /* Left alone: the same kind of thing, the same inode, nothing beside it */
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpuint (st_after.st_mode, ==, st_before.st_mode);
  g_assert_cmpuint (st_after.st_ino, ==, st_before.st_ino);
  after = list_dir (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* /dev/null and its kind are never turned into a PDF */
static void
test_not_regular (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *fifo = fixture_path (fixture, "fifo.pdf");
  g_autofree char *device = fixture_path (fixture, "null.pdf");
  g_autofree char *link_to_device = fixture_path (fixture, "link-to-null.pdf");
  g_autofree char *folder = fixture_path (fixture, "folder.pdf");
  g_autofree char *socket_path = fixture_path (fixture, "socket.pdf");
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int sock;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  assert_refused (fixture, fifo, G_IO_ERROR_NOT_REGULAR_FILE);

  /* A character device like /dev/null (1, 3); without the right to make one, /dev/null itself
   * through a link */
  if (mknod (device, S_IFCHR | 0666, makedev (1, 3)) == 0)
    assert_refused (fixture, device, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (symlink ("/dev/null", link_to_device), ==, 0);
  assert_refused (fixture, link_to_device, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (S_ISCHR (cg_test_get_mode ("/dev/null")));

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  assert_refused (fixture, folder, G_IO_ERROR_IS_DIRECTORY);

  g_assert_cmpuint (strlen (socket_path), <, sizeof address.sun_path);
  strcpy (address.sun_path, socket_path);
  sock = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (sock, >=, 0);
  g_assert_cmpint (bind (sock, (struct sockaddr *)&address, sizeof address), ==, 0);
  assert_refused (fixture, socket_path, G_IO_ERROR_NOT_REGULAR_FILE);
  close (sock);
}

/* The temporary name must not be longer than the target's: a legal 254-byte name works */
static void
test_long_name (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *stem = g_strnfill (250, 'h');
  g_autofree char *name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (strlen (name), ==, 254);
  g_assert_true (write_file (path, fixture->flags, &error));
  g_assert_no_error (error);
  assert_contents (path, CONTENTS);

  /* and again, replacing it */
  g_assert_true (write_file (path, fixture->flags, &error));
  g_assert_no_error (error);
}

/* The child writes half a handout, tells the parent, and waits to be killed */
static G_GNUC_NORETURN void
write_half_and_wait (const char        *path,
                     CgOutputFileFlags  flags,
                     int                ready_fd)
{
  g_autoptr(CgOutputFile) file = cg_output_file_open (path, flags, NULL);
  g_autofree char *half = g_strnfill (200 * 1024, 'x');

  if (file == NULL || !cg_output_file_write (file, half, strlen (half), NULL))
    _exit (1);

  (void)!write (ready_fd, "r", 1);
  for (;;)
    pause ();
}

/* A killed export leaves nothing: no file at the path and no temporary file beside it, and a
 * file that was there stays as it was */
static void
test_killed (Fixture       *fixture,
             gconstpointer  data)
{
  const int signals[] = { SIGTERM, SIGINT, SIGHUP, SIGKILL };
  g_autofree char *new_path = fixture_path (fixture, "new.pdf");
  g_autofree char *old_path = fixture_path (fixture, "old.pdf");

  g_assert_true (g_file_set_contents (old_path, "old", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    for (guint j = 0; j < 2; j++)
      {
        const char *path = j == 0 ? new_path : old_path;
        g_autofree char *listing = NULL;
        int ready[2];
        char byte;
        int status;
        pid_t pid;

        /* SIGKILL cannot be caught: only the unnamed temporary file survives it */
        if (signals[i] == SIGKILL && (fixture->flags & CG_OUTPUT_FILE_NO_TMPFILE))
          continue;

        g_test_message ("signal %d, %s", signals[i], path);
        g_assert_cmpint (pipe (ready), ==, 0);
        pid = fork ();
        g_assert_cmpint (pid, >=, 0);
        if (pid == 0)
          {
            close (ready[0]);
            write_half_and_wait (path, fixture->flags, ready[1]);
          }

        close (ready[1]);
        g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
        close (ready[0]);

        g_assert_cmpint (kill (pid, signals[i]), ==, 0);
        g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
        g_assert_true (WIFSIGNALED (status));
        g_assert_cmpint (WTERMSIG (status), ==, signals[i]);

        listing = list_dir (fixture);
        g_assert_cmpstr (listing, ==, "old.pdf");
        assert_contents (old_path, "old");
      }
}

static void
add_tests (const char        *mode,
           CgOutputFileFlags  flags)
{
  static const struct {
    const char *name;
    void (*func) (Fixture *, gconstpointer);
  } tests[] = {
    { "new-file", test_new_file },
    { "replace", test_replace },
    { "permissions", test_permissions },
    { "symlink", test_symlink },
    { "not-regular", test_not_regular },
    { "long-name", test_long_name },
    { "killed", test_killed },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      g_autofree char *path = g_strdup_printf ("/output-file/%s/%s", mode, tests[i].name);

      g_test_add (path, Fixture, GUINT_TO_POINTER (flags),
                  fixture_set_up, tests[i].func, fixture_tear_down);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Short, so a socket path fits in sun_path */
  tmp_dir = g_dir_make_tmp ("cg-out-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  add_tests ("tmpfile", CG_OUTPUT_FILE_DEFAULT);
  add_tests ("named", CG_OUTPUT_FILE_NO_TMPFILE);

  status = g_test_run ();

  cg_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
