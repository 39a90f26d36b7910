/* cg-output-file.c: writing a file so that nobody ever sees half of it
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Handouts are written to an unnamed temporary file (O_TMPFILE) in the target's folder and
 * linked into place when complete, so an export killed at any moment, even by SIGKILL, leaves
 * nothing behind. Where the file system has no O_TMPFILE, a named temporary file with a short
 * name (so a 254-byte target name still fits) is used, and SIGTERM, SIGINT and SIGHUP remove it
 * before the process dies. What a SIGKILL leaves is removed by the next export to that folder
 * (sweep_stale_temporaries()).
 *
 * Only a regular file is replaced: a named pipe, device, socket or folder at the path is left
 * alone and refused, so an export to /dev/null never turns it into a PDF. A symbolic link is
 * followed and its target replaced; the link stays a link. A replaced file keeps its mode and,
 * where allowed, its owner; a new file of patient data is 0600.
 */

#define G_LOG_DOMAIN "cg-output-file"

/* O_TMPFILE */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cg-output-file.h"

/* cairo hands over a PDF in many small pieces */
#define BUFFER_SIZE (64 * 1024)
#define MAX_SYMLINK_HOPS 40
#define MAX_PENDING 8
/* A temporary file of ours untouched this long belongs to an export that was killed */
#define CG_OUTPUT_FILE_STALE_SECONDS (10 * 60)

struct _CgOutputFile
{
  int         fd;
  gboolean    owns_fd;
  char       *target;        /* the path written, symbolic links resolved */
  char       *display_name;  /* for messages: the path as given */
  char       *tmp_path;      /* a named temporary file, registered for removal on signals */
  gboolean    is_tmpfile;    /* fd is an unnamed O_TMPFILE */
  gboolean    exists;        /* target exists and is replaced */
  mode_t      mode;          /* the mode to give the file, for a replaced file */
  GByteArray *buffer;
  int         saved_errno;   /* the first write error */
};

/* Named temporary files to remove if the process is told to stop. Signal handlers may only
 * unlink fixed buffers, so the paths live in static storage. */
static char pending_paths[MAX_PENDING][PATH_MAX];
static volatile sig_atomic_t pending_used[MAX_PENDING];
static struct sigaction previous_actions[3];
static const int cleanup_signals[3] = { SIGTERM, SIGINT, SIGHUP };
G_LOCK_DEFINE_STATIC (pending);

static void
on_stop_signal (int signum)
{
  for (guint i = 0; i < MAX_PENDING; i++)
    if (pending_used[i])
      unlink (pending_paths[i]);

  /* Die of the signal, as the process would have without this handler */
  for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
    if (cleanup_signals[i] == signum)
      sigaction (signum, &previous_actions[i], NULL);
  raise (signum);
}

static void
install_signal_handlers (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      for (guint i = 0; i < G_N_ELEMENTS (cleanup_signals); i++)
        {
          struct sigaction action = { 0 };

          sigaction (cleanup_signals[i], NULL, &previous_actions[i]);
          /* An ignored signal (nohup) stays ignored; a handler someone else set stays theirs */
          if (previous_actions[i].sa_handler != SIG_DFL)
            continue;

          action.sa_handler = on_stop_signal;
          sigemptyset (&action.sa_mask);
          action.sa_flags = SA_RESETHAND;
          sigaction (cleanup_signals[i], &action, NULL);
        }

      g_once_init_leave (&installed, 1);
    }
}

static void
register_pending (const char *path)
{
  install_signal_handlers ();

  if (strlen (path) >= PATH_MAX)
    return;

  G_LOCK (pending);
  for (guint i = 0; i < MAX_PENDING; i++)
    if (!pending_used[i])
      {
        memcpy (pending_paths[i], path, strlen (path) + 1);
        pending_used[i] = 1;
        break;
      }
  G_UNLOCK (pending);
}

static void
unregister_pending (const char *path)
{
  G_LOCK (pending);
  for (guint i = 0; i < MAX_PENDING; i++)
    if (pending_used[i] && strcmp (pending_paths[i], path) == 0)
      {
        pending_used[i] = 0;
        break;
      }
  G_UNLOCK (pending);
}

static gboolean
set_error (GError     **error,
           int          code,
           const char  *display_name,
           const char  *reason)
{
  /* Translators: the first %s is a file name, the second the reason */
  g_set_error (error, G_IO_ERROR, code, _("Cannot write “%s”: %s"), display_name, reason);

  return FALSE;
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *display_name)
{
  return set_error (error, g_io_error_from_errno (saved_errno), display_name, g_strerror (saved_errno));
}

static const char *
describe_non_regular (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("it is a folder, not a file; nothing was changed");
  if (S_ISFIFO (mode))
    return _("it is a named pipe, not a regular file; nothing was changed");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("it is a device, not a regular file; nothing was changed");
  if (S_ISSOCK (mode))
    return _("it is a socket, not a regular file; nothing was changed");
  return _("it is not a regular file; nothing was changed");
}

/* Follows symbolic links from @path to the path that will be written. Sets @st and @exists
 * for what is there. */
static char *
resolve_target (const char  *path,
                const char  *display_name,
                GStatBuf    *st,
                gboolean    *exists,
                GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops <= MAX_SYMLINK_HOPS; hops++)
    {
      g_autofree char *link = NULL;

      if (g_lstat (current, st) != 0)
        {
          int saved_errno = errno;

          if (saved_errno != ENOENT)
            {
              set_errno_error (error, saved_errno, display_name);
              return NULL;
            }

          *exists = FALSE;
          return g_steal_pointer (&current);
        }

      if (!S_ISLNK (st->st_mode))
        {
          *exists = TRUE;
          return g_steal_pointer (&current);
        }

      if (!(link = g_file_read_link (current, NULL)))
        {
          set_errno_error (error, EIO, display_name);
          return NULL;
        }

      if (!g_path_is_absolute (link))
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, link, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
    }

  set_errno_error (error, ELOOP, display_name);

  return NULL;
}

/* A fresh name in @dir, short so that any legal target name still fits beside it */
static char *
make_tmp_template (const char *dir)
{
  return g_build_filename (dir, ".cg-XXXXXX", NULL);
}

/* ".cg-" then 6 (g_mkstemp_full()) or 8 (a linked O_TMPFILE) letters and digits: the names
 * this file gives its temporary files, and no others */
static gboolean
is_own_temporary_name (const char *name)
{
  gsize length;

  if (!g_str_has_prefix (name, ".cg-"))
    return FALSE;

  length = strlen (name + 4);
  if (length != 6 && length != 8)
    return FALSE;

  for (const char *p = name + 4; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/* A SIGKILL can land between linking a finished file under its temporary name and renaming it
 * over the target (or while a named temporary file is written, where there is no O_TMPFILE):
 * no handler runs, and the file, perhaps holding a patient's note, stays. Before each export,
 * such leftovers in the folder are removed: our names only, regular files of this user only,
 * and only when untouched for CG_OUTPUT_FILE_STALE_SECONDS, far longer than any export writes
 * without a pause, so another export under way is never disturbed. */
static void
sweep_stale_temporaries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  int dir_fd;

  if (listing == NULL)
    return;

  if ((dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
    return;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      struct stat st;

      if (!is_own_temporary_name (name) ||
          fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
          !S_ISREG (st.st_mode) || st.st_uid != geteuid () ||
          now - (gint64)st.st_mtime < CG_OUTPUT_FILE_STALE_SECONDS)
        continue;

      if (unlinkat (dir_fd, name, 0) == 0)
        g_debug ("Removed %s/%s, left by an export that was killed", dir, name);
    }

  close (dir_fd);
}

static gboolean
can_link_tmpfile (void)
{
  /* linkat() of an O_TMPFILE goes through /proc/self/fd without CAP_DAC_READ_SEARCH */
  return g_access ("/proc/self/fd", X_OK) == 0;
}

/**
 * cg_output_file_open:
 * @path: the file to write (created or replaced when committed)
 * @flags: %CG_OUTPUT_FILE_PRIVATE for patient data
 *
 * Returns: (transfer full): a file to write to and then commit, or %NULL with @error set
 *   ("Cannot write “PATH”: reason", %G_IO_ERROR_NOT_REGULAR_FILE for a pipe, device or
 *   socket, %G_IO_ERROR_IS_DIRECTORY for a folder)
 */
CgOutputFile *
cg_output_file_open (const char         *path,
                     CgOutputFileFlags   flags,
                     GError            **error)
{
  g_autoptr(CgOutputFile) self = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;
  gboolean exists = FALSE;
  mode_t create_mode;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (path);

  self = g_new0 (CgOutputFile, 1);
  self->fd = -1;
  self->owns_fd = TRUE;
  self->display_name = g_steal_pointer (&display_name);
  self->buffer = g_byte_array_sized_new (BUFFER_SIZE);

  if (!(self->target = resolve_target (path, self->display_name, &st, &exists, error)))
    return NULL;

  if (exists && !S_ISREG (st.st_mode))
    {
      set_error (error, S_ISDIR (st.st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                 self->display_name, describe_non_regular (st.st_mode));
      return NULL;
    }

  self->exists = exists;
  self->mode = exists ? (st.st_mode & 07777) : 0;
  /* A new file: patient data for its owner only, anything else as the umask says */
  create_mode = exists ? 0600 : (flags & CG_OUTPUT_FILE_PRIVATE) ? 0600 : 0666;
  dir = g_path_get_dirname (self->target);
  sweep_stale_temporaries (dir);

#ifdef O_TMPFILE
  if (!(flags & CG_OUTPUT_FILE_NO_TMPFILE) && can_link_tmpfile ())
    {
      self->fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, create_mode);
      if (self->fd >= 0)
        self->is_tmpfile = TRUE;
      /* These say "no O_TMPFILE here"; anything else is a real failure */
      else if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL && errno != ENOTSUP)
        {
          set_errno_error (error, errno, self->display_name);
          return NULL;
        }
    }
#endif

  if (self->fd < 0)
    {
      g_autofree char *tmp_path = make_tmp_template (dir);

      if ((self->fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, create_mode)) < 0)
        {
          set_errno_error (error, errno, self->display_name);
          return NULL;
        }

      self->tmp_path = g_steal_pointer (&tmp_path);
      register_pending (self->tmp_path);
    }

  /* A replaced file keeps its owner where the user may give it (root replacing a user's file) */
  if (exists && (st.st_uid != geteuid () || st.st_gid != getegid ()))
    (void)!fchown (self->fd, st.st_uid, st.st_gid);

  return g_steal_pointer (&self);
}

/**
 * cg_output_file_new_for_fd:
 * @fd: an open file descriptor, e.g. STDOUT_FILENO; not closed
 * @display_name: what messages call it
 *
 * Returns: (transfer full): an output that writes straight to @fd
 */
CgOutputFile *
cg_output_file_new_for_fd (int         fd,
                           const char *display_name)
{
  CgOutputFile *self = g_new0 (CgOutputFile, 1);

  self->fd = fd;
  self->display_name = g_strdup (display_name);
  self->buffer = g_byte_array_sized_new (BUFFER_SIZE);

  return self;
}

/* Returns: the path written when committed (symbolic links resolved), or %NULL for a stream */
const char *
cg_output_file_get_target (CgOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->target;
}

/* Returns: the file's name as messages give it */
const char *
cg_output_file_get_display_name (CgOutputFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

static gboolean
flush_buffer (CgOutputFile *self)
{
  const guint8 *data = self->buffer->data;
  gsize length = self->buffer->len;

  while (length > 0 && self->saved_errno == 0)
    {
      gssize n = write (self->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          self->saved_errno = n < 0 ? errno : EIO;
          break;
        }
      data += n;
      length -= n;
    }

  g_byte_array_set_size (self->buffer, 0);

  return self->saved_errno == 0;
}

gboolean
cg_output_file_write (CgOutputFile  *self,
                      const void    *data,
                      gsize          length,
                      GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->saved_errno == 0 && length > 0)
    {
      g_byte_array_append (self->buffer, data, length);
      if (self->buffer->len >= BUFFER_SIZE)
        flush_buffer (self);
    }

  if (self->saved_errno != 0)
    return set_errno_error (error, self->saved_errno, self->display_name);

  return TRUE;
}

/* Links the finished unnamed file at @path; fails with EEXIST if something is there. */
static int
link_tmpfile (int         fd,
              const char *path)
{
  g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", fd);

  return linkat (AT_FDCWD, proc_path, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
}

/* Puts the finished file in place: a new name is linked straight to the target; an existing
 * file is replaced by rename(), which is atomic. */
static int
move_into_place (CgOutputFile *self)
{
  g_autofree char *dir = NULL;
  int saved_errno;

  if (self->tmp_path == NULL)
    {
      if (!self->exists && (saved_errno = link_tmpfile (self->fd, self->target)) != EEXIST)
        return saved_errno;

      /* Give the unnamed file a short-lived name beside the target, then rename it over */
      dir = g_path_get_dirname (self->target);
      for (guint attempt = 0; attempt < 100 && self->tmp_path == NULL; attempt++)
        {
          g_autofree char *tmp_path = g_strdup_printf ("%s/.cg-%08x", dir, g_random_int ());

          register_pending (tmp_path);
          if ((saved_errno = link_tmpfile (self->fd, tmp_path)) == 0)
            self->tmp_path = g_steal_pointer (&tmp_path);
          else
            {
              unregister_pending (tmp_path);
              if (saved_errno != EEXIST)
                return saved_errno;
            }
        }

      if (self->tmp_path == NULL)
        return EEXIST;
    }

  if (g_rename (self->tmp_path, self->target) != 0)
    return errno;

  unregister_pending (self->tmp_path);
  g_clear_pointer (&self->tmp_path, g_free);

  return 0;
}

/**
 * cg_output_file_commit:
 *
 * Writes what is buffered and puts the file in place. After a failure nothing is left behind
 * and the file at the path, if any, is unchanged.
 */
gboolean
cg_output_file_commit (CgOutputFile  *self,
                       GError       **error)
{
  int saved_errno;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!flush_buffer (self))
    return set_errno_error (error, self->saved_errno, self->display_name);

  /* A stream: nothing to put in place */
  if (self->target == NULL)
    return TRUE;

  if ((self->exists && fchmod (self->fd, self->mode) != 0) || fsync (self->fd) != 0)
    return set_errno_error (error, errno, self->display_name);

  if ((saved_errno = move_into_place (self)) != 0)
    return set_errno_error (error, saved_errno, self->display_name);

  if (close (self->fd) != 0)
    {
      self->fd = -1;
      return set_errno_error (error, errno, self->display_name);
    }
  self->fd = -1;

  return TRUE;
}

/* Frees @self; a file not committed is discarded. */
void
cg_output_file_free (CgOutputFile *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0 && self->owns_fd)
    close (self->fd);

  if (self->tmp_path != NULL)
    {
      g_unlink (self->tmp_path);
      unregister_pending (self->tmp_path);
    }

  g_byte_array_unref (self->buffer);
  g_free (self->target);
  g_free (self->display_name);
  g_free (self->tmp_path);
  g_free (self);
}
