/* cg-terminal-text.c: what the command line prints, and how it fails
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Output is UTF-8 whatever the locale: scripts run under LC_ALL=C (cron, systemd) and read
 * section titles and set names like "Über Set", which the C locale's ASCII would turn into
 * "?ber Set". Bad input is one line, "calcinosis-guide: message", and exit status 2. A write
 * error on standard output (a full disk, /dev/full) is bad output: exit 2 with a message, never
 * 0 with half the lines missing.
 */

#define G_LOG_DOMAIN "cg-terminal-text"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cg-command-line.h"
#include "cg-terminal-text.h"

/**
 * cg_terminal_print:
 * @stream: stdout or stderr
 *
 * Prints UTF-8 text as it is; errors are looked at once, by cg_terminal_finish_stdout()
 */
void
cg_terminal_print (FILE       *stream,
                   const char *format,
                   ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  fputs (text, stream);
}

/**
 * cg_terminal_fail:
 *
 * Prints "calcinosis-guide: message" on stderr, as one line of valid UTF-8.
 *
 * Returns: %CG_EXIT_BAD_INPUT, for the caller to return
 */
int
cg_terminal_fail (const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  g_autofree char *valid = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* An option name or file name may be any bytes */
  valid = g_utf8_make_valid (message, -1);
  g_strdelimit (valid, "\r\n", ' ');
  fprintf (stderr, "%s: %s\n", PACKAGE_NAME, valid);

  return CG_EXIT_BAD_INPUT;
}

/**
 * cg_terminal_finish_stdout:
 * @status: the exit status the action ended with
 *
 * Flushes standard output and checks that everything reached it.
 *
 * Returns: @status, or %CG_EXIT_BAD_INPUT with a message if writing failed
 */
int
cg_terminal_finish_stdout (int status)
{
  int saved_errno = 0;

  errno = 0;
  if (fflush (stdout) != 0 || ferror (stdout))
    saved_errno = errno != 0 ? errno : EIO;

  if (saved_errno == 0)
    return status;

  clearerr (stdout);
  /* Translators: %s is the reason, e.g. “No space left on device” */
  return cg_terminal_fail (_("Cannot write to standard output: %s"), g_strerror (saved_errno));
}

static void
print_utf8 (const char *text)
{
  fputs (text, stdout);
}

static void
printerr_utf8 (const char *text)
{
  fputs (text, stderr);
}

/**
 * cg_terminal_use_utf8:
 *
 * Makes g_print() and g_printerr() (GOption's --help among them) write UTF-8 as it is, where
 * GLib would convert it to the locale's character set with “?” for what the locale lacks.
 */
void
cg_terminal_use_utf8 (void)
{
  g_set_print_handler (print_utf8);
  g_set_printerr_handler (printerr_utf8);
}
