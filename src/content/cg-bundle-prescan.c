/* cg-bundle-prescan.c: the checks of a bundle's untrusted bytes before libxml2 sees them
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * First the bytes (size, encoding), then a light scan of the markup (declarations, depth,
 * attributes). Each reports every problem it finds and returns FALSE if there was one; the
 * markup scan assumes the encoding check held.
 */

#define G_LOG_DOMAIN "cg-bundle-prescan"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cg-bundle-loader.h"
#include "cg-bundle-prescan.h"
#include "cg-bundle-reader.h"

/* Line numbers for offsets met in increasing order, so a scan stays linear however many
 * problems it reports. */
typedef struct
{
  const char *data;
  gsize       offset;
  guint       line;
} LineCounter;

static void
line_counter_init (LineCounter *counter,
                   const char  *data)
{
  counter->data = data;
  counter->offset = 0;
  counter->line = 1;
}

static guint
line_counter_at (LineCounter *counter,
                 const char  *position)
{
  gsize target = position - counter->data;

  g_assert (target >= counter->offset);

  for (const char *p = counter->data + counter->offset;
       (p = memchr (p, '\n', target - (p - counter->data))) != NULL;
       p++)
    counter->line++;

  counter->offset = target;

  return counter->line;
}

static const struct {
  const char *bom;
  gsize       len;
  const char *name;
} foreign_boms[] = {
  /* UTF-32 first: its little-endian mark starts with UTF-16's */
  { "\x00\x00\xFE\xFF", 4, "UTF-32 (big-endian)" },
  { "\xFF\xFE\x00\x00", 4, "UTF-32 (little-endian)" },
  { "\xFE\xFF", 2, "UTF-16 (big-endian)" },
  { "\xFF\xFE", 2, "UTF-16 (little-endian)" },
  /* Without a mark, "<?" in a wide encoding */
  { "\x00\x00\x00<", 4, "UTF-32 (big-endian)" },
  { "<\x00\x00\x00", 4, "UTF-32 (little-endian)" },
  { "\x00<\x00?", 4, "UTF-16 (big-endian)" },
  { "<\x00?\x00", 4, "UTF-16 (little-endian)" },
};

#define UTF8_BOM "\xEF\xBB\xBF"

/* The byte-level checks that must pass before anything parses the data: libxml2 is handed
 * UTF-8 without NUL bytes or nothing. */
gboolean
cg_bundle_prescan_encoding (const char     *data,
                            gsize           len,
                            CgBundleReport *report)
{
  LineCounter lines;
  gboolean valid = TRUE;
  gboolean blank = TRUE;
  gsize start = 0;

  if (len == 0)
    {
      cg_bundle_report_add (report, CG_BUNDLE_ERROR_EMPTY, 0, _("The file is empty"));
      return FALSE;
    }

  if (len > CG_BUNDLE_MAX_SIZE)
    {
      cg_bundle_report_add (report, CG_BUNDLE_ERROR_TOO_LARGE, 0,
                            _("The file is larger than the limit of %u MiB"),
                            CG_BUNDLE_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (foreign_boms); i++)
    if (len >= foreign_boms[i].len && memcmp (data, foreign_boms[i].bom, foreign_boms[i].len) == 0)
      {
        /* Translators: %s is an encoding such as “UTF-16 (little-endian)” */
        cg_bundle_report_add (report, CG_BUNDLE_ERROR_ENCODING, 1,
                              _("The file is encoded in %s; bundles must be saved as UTF-8"),
                              foreign_boms[i].name);
        return FALSE;
      }

  /* A UTF-8 byte order mark is harmless and libxml2 skips it */
  if (len >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    start = 3;

  line_counter_init (&lines, data);

  /* Every line with bad bytes, so an author converting from Latin-1 sees them all */
  for (gsize offset = 0; offset < len; )
    {
      const char *invalid;
      const char *newline;

      if (g_utf8_validate_len (data + offset, len - offset, &invalid))
        break;

      valid = FALSE;
      if (*invalid == '\0')
        cg_bundle_report_add (report, CG_BUNDLE_ERROR_ENCODING, line_counter_at (&lines, invalid),
                              _("The file contains a NUL byte; bundles are UTF-8 text"));
      else
        /* Translators: %02X is the hexadecimal value of the first bad byte */
        cg_bundle_report_add (report, CG_BUNDLE_ERROR_ENCODING, line_counter_at (&lines, invalid),
                              _("The file is not valid UTF-8 (byte 0x%02X); bundles must be saved as UTF-8"),
                              (guchar)*invalid);

      if ((newline = memchr (invalid, '\n', len - (invalid - data))) == NULL)
        break;
      offset = newline + 1 - data;
    }

  if (!valid)
    return FALSE;

  for (gsize i = start; i < len && blank; i++)
    blank = g_ascii_isspace (data[i]);

  if (blank)
    {
      cg_bundle_report_add (report, CG_BUNDLE_ERROR_EMPTY, 0, _("The file contains only white space"));
      return FALSE;
    }

  return TRUE;
}

static const char *
find_end (const char *p,
          const char *end,
          const char *terminator)
{
  gsize tlen = strlen (terminator);

  while (p + tlen <= end && (p = memchr (p, terminator[0], end - p)) != NULL)
    {
      if (p + tlen <= end && memcmp (p, terminator, tlen) == 0)
        return p + tlen;
      p++;
    }

  return NULL;
}

/* A light scan of the markup, before libxml2 builds anything: it refuses declarations
 * (<!DOCTYPE>, <!ENTITY>), which stops XXE, entity expansion and external DTDs at once, and
 * caps nesting and attributes, whose costs in libxml2 2.9.14 grow faster than the input (its
 * duplicate-attribute check is quadratic). Malformed markup is left for the parser to report.
 * About 80 lines, kept as one loop: every case moves the same position, depth and line count. */
gboolean
cg_bundle_prescan_markup (const char     *data,
                          gsize           len,
                          CgBundleReport *report)
{
  const char *end = data + len;
  const char *p = data;
  LineCounter lines;
  guint n_before = report->diagnostics->len + report->n_dropped;
  gboolean reported_doctype = FALSE;
  gboolean reported_depth = FALSE;
  guint depth = 0;

  line_counter_init (&lines, data);

  while (p != NULL && p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      gsize rest = end - p;

      if (rest >= 4 && memcmp (p, "<!--", 4) == 0)
        p = find_end (p + 4, end, "-->");
      else if (rest >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        p = find_end (p + 9, end, "]]>");
      else if (rest >= 2 && p[1] == '!')
        {
          /* One message for the declaration, not one per entity inside it */
          if (!reported_doctype)
            cg_bundle_report_add (report, CG_BUNDLE_ERROR_DOCTYPE, line_counter_at (&lines, p),
                                  _("Document type declarations (<!DOCTYPE>, <!ENTITY>) are not allowed in bundles"));
          reported_doctype = TRUE;
          p += 2;
        }
      else if (rest >= 2 && p[1] == '?')
        p = find_end (p + 2, end, "?>");
      else if (rest >= 2 && p[1] == '/')
        {
          if (depth > 0)
            depth--;
          p = memchr (p, '>', end - p);
        }
      else
        {
          const char *tag = p;
          guint n_attributes = 0;
          char quote = 0;

          for (p++; p < end; p++)
            {
              if (quote != 0)
                {
                  if (*p == quote)
                    quote = 0;
                }
              else if (*p == '"' || *p == '\'')
                quote = *p;
              else if (*p == '=')
                n_attributes++;
              else if (*p == '>' || *p == '<')
                break;
            }

          if (n_attributes > CG_BUNDLE_MAX_ATTRIBUTES)
            cg_bundle_report_add (report, CG_BUNDLE_ERROR_LIMIT, line_counter_at (&lines, tag),
                                  _("An element has %u attributes, more than the limit of %u"),
                                  n_attributes, CG_BUNDLE_MAX_ATTRIBUTES);

          if (p < end && *p == '>' && p[-1] != '/')
            depth++;

          /* Reported where the limit is first crossed; deeper elements add nothing new */
          if (depth > CG_BUNDLE_MAX_DEPTH && !reported_depth)
            {
              cg_bundle_report_add (report, CG_BUNDLE_ERROR_LIMIT, line_counter_at (&lines, tag),
                                    _("Elements are nested more than %u deep"), CG_BUNDLE_MAX_DEPTH);
              reported_depth = TRUE;
            }
        }
    }

  return report->diagnostics->len + report->n_dropped == n_before;
}
