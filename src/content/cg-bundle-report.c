/* cg-bundle-report.c: the diagnostics a bundle check collects, capped and made safe to show
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-bundle-report"

#include "config.h"

#include "cg-bundle-report.h"

/* A file with thousands of errors is not worth listing in full, and libxml2's messages quote
 * values that can be megabytes long. */
#define MAX_DIAGNOSTICS 100
#define MAX_MESSAGE_CHARS 240

/* Messages go to a terminal and into a label: no control characters, no bidi overrides that
 * could reorder the file name, bounded length. */
static char *
sanitize_message (const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message != NULL ? message : "", -1);
  GString *str = g_string_new (NULL);
  guint n_chars = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars == MAX_MESSAGE_CHARS)
        {
          g_string_append (str, "…");
          break;
        }

      if (g_unichar_iscntrl (c))
        c = ' ';
      else if (c == 0x061C || c == 0x200E || c == 0x200F ||
               (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        c = 0xFFFD;

      if (c == ' ' && (str->len == 0 || str->str[str->len - 1] == ' '))
        continue;

      g_string_append_unichar (str, c);
      n_chars++;
    }

  if (str->len > 0 && str->str[str->len - 1] == ' ')
    g_string_truncate (str, str->len - 1);

  return g_string_free (str, FALSE);
}

void
cg_bundle_report_add (CgBundleReport *report,
                      CgBundleError   code,
                      guint           line,
                      const char     *format,
                      ...)
{
  CgBundleDiagnostic *diagnostic;
  g_autofree char *message = NULL;
  va_list args;

  if (report->diagnostics->len >= MAX_DIAGNOSTICS)
    {
      report->n_dropped++;
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  diagnostic = g_new0 (CgBundleDiagnostic, 1);
  diagnostic->code = code;
  diagnostic->line = line;
  diagnostic->message = sanitize_message (message);
  g_ptr_array_add (report->diagnostics, diagnostic);
}
