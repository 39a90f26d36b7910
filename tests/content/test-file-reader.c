/* test-file-reader.c: every file the app reads is a regular file under a size cap, and
 * reading one never blocks
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hang is the failure looked for here: the whole program runs under alarm(), so a reader
 * that blocked on a named pipe or read /dev/zero for ever fails the test instead of stalling
 * the suite.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "cg-file-reader.h"
#include "cg-test-files.h"

#define CAP (64 * 1024)

static CgFileReader *
new_reader (void)
{
  return cg_file_reader_new (CAP, "a handout set is a text file");
}

static GBytes *
read_path (const char  *path,
           GError     **error)
{
  g_autoptr(CgFileReader) reader = new_reader ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cg_file_reader_read (reader, file, error);
}

static void
assert_refused (const char        *path,
                CgFileReaderError  code,
                const char        *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_path (path, &error);

  g_assert_null (bytes);
  g_assert_error (error, CG_FILE_READER_ERROR, code);
  cg_test_assert_error_message (error, path, 0, fragment);
}

static void
test_regular (CgTestTempDir *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "set.handout-set", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_set_contents (path, "[Handout Set]\n", -1, NULL));
  bytes = read_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "[Handout Set]\n", 14);
}

/* With no writer, a blocking open() never returns: alarm() would end the test */
static void
test_fifo (CgTestTempDir *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "x.handout-set", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.handout-set", NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_refused (path, CG_FILE_READER_ERROR_NOT_REGULAR, "named pipe");
  assert_refused (path, CG_FILE_READER_ERROR_NOT_REGULAR, "a handout set is a text file");

  g_assert_cmpint (symlink (path, link), ==, 0);
  assert_refused (link, CG_FILE_READER_ERROR_NOT_REGULAR, "named pipe");
}

/* Endless input behind a harmless-looking name: only the type check stops it */
static void
test_dev_zero_link (CgTestTempDir *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "zero.handout-set", NULL);

  g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
  assert_refused (path, CG_FILE_READER_ERROR_NOT_REGULAR, "device");
}

static void
test_folder_and_socket (CgTestTempDir *fixture,
                        gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.handout-set", NULL);
  g_autofree char *socket_path = g_build_filename (fixture->dir, "s.handout-set", NULL);
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int fd;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_refused (folder, CG_FILE_READER_ERROR_NOT_REGULAR, "folder");

  g_assert_cmpuint (strlen (socket_path), <, sizeof address.sun_path);
  strcpy (address.sun_path, socket_path);
  fd = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (bind (fd, (struct sockaddr *)&address, sizeof address), ==, 0);
  /* A socket cannot be opened like a file at all: refused by open() or by the type check */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = read_path (socket_path, &error);

    g_assert_null (bytes);
    g_assert_true (error->domain == CG_FILE_READER_ERROR);
    g_assert_true (error->code == CG_FILE_READER_ERROR_NOT_REGULAR ||
                   error->code == CG_FILE_READER_ERROR_READ);
    g_assert_true (g_str_has_prefix (error->message, socket_path));
  }
  close (fd);
}

static void
test_symlink_loop (CgTestTempDir *fixture,
                   gconstpointer  data)
{
  g_autofree char *a = g_build_filename (fixture->dir, "a.handout-set", NULL);
  g_autofree char *b = g_build_filename (fixture->dir, "b.handout-set", NULL);

  g_assert_cmpint (symlink (b, a), ==, 0);
  g_assert_cmpint (symlink (a, b), ==, 0);
  assert_refused (a, CG_FILE_READER_ERROR_LOOP, "loop");
}

/* A sparse 400 MB file is refused from its size alone; the cap itself is read, one byte over
 * is not */
static void
test_size_cap (CgTestTempDir *fixture,
               gconstpointer  data)
{
  g_autofree char *huge = g_build_filename (fixture->dir, "huge.handout-set", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "cap.handout-set", NULL);
  g_autofree char *contents = g_malloc (CAP + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int fd;

  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 400 * 1000 * 1000), ==, 0);
  close (fd);
  assert_refused (huge, CG_FILE_READER_ERROR_TOO_LARGE, "larger than the limit of 64 KiB");

  memset (contents, '#', CAP + 1);
  g_assert_true (g_file_set_contents (path, contents, CAP + 1, NULL));
  assert_refused (path, CG_FILE_READER_ERROR_TOO_LARGE, "64 KiB");

  g_assert_true (g_file_set_contents (path, contents, CAP, NULL));
  bytes = read_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, CAP);
}

static void
test_missing (CgTestTempDir *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing.handout-set", NULL);

  assert_refused (path, CG_FILE_READER_ERROR_READ, g_strerror (ENOENT));
}

static void
on_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **out = user_data;
  g_autoptr(GBytes) bytes = cg_file_reader_read_finish (CG_FILE_READER (object), result, out);

  g_assert_null (bytes);
  g_assert_nonnull (*out);
}

/* The worker-thread read refuses the same way, and the main loop goes on meanwhile */
static void
test_async_fifo (CgTestTempDir *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "x.handout-set", NULL);
  g_autoptr(CgFileReader) reader = new_reader ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GError *error = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  cg_file_reader_read_async (reader, file, NULL, on_read_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, CG_FILE_READER_ERROR, CG_FILE_READER_ERROR_NOT_REGULAR);
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Everything here takes milliseconds; a reader that blocks is killed, and fails */
  alarm (20);

#define ADD(path, func) \
  g_test_add (path, CgTestTempDir, NULL, cg_test_temp_dir_setup, func, cg_test_temp_dir_teardown)
  ADD ("/file-reader/regular", test_regular);
  ADD ("/file-reader/fifo", test_fifo);
  ADD ("/file-reader/dev-zero-link", test_dev_zero_link);
  ADD ("/file-reader/folder-and-socket", test_folder_and_socket);
  ADD ("/file-reader/symlink-loop", test_symlink_loop);
  ADD ("/file-reader/size-cap", test_size_cap);
  ADD ("/file-reader/missing", test_missing);
  ADD ("/file-reader/async-fifo", test_async_fifo);
#undef ADD

  return g_test_run ();
}
