/* cg-pdf-catalog.c: the document language of a finished PDF, by an incremental update
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cairo 1.16 writes a tagged PDF but has no API for the catalog's /Lang, without which a screen
 * reader reads the handout with the voice of the reader's own language, nor for
 * /ViewerPreferences /DisplayDocTitle, which shows the title instead of the file name. A PDF may
 * be changed by appending to it (ISO 32000-1, 7.5.6 "Incremental updates"): a new version of the
 * catalog object, a cross-reference section for it, and a trailer pointing back to the previous
 * one. This works on the bytes cairo wrote, before they are committed to a file.
 */

#define G_LOG_DOMAIN "cg-pdf-catalog"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cg-pdf-catalog.h"

/* startxref is within the last few bytes; cairo's trailer is short. */
#define TAIL_SIZE 1024

G_DEFINE_QUARK (cg-pdf-catalog-error-quark, cg_pdf_catalog_error)

static gboolean
malformed (GError     **error,
           const char  *what)
{
  /* Translators: %s says what is missing, e.g. "no trailer" */
  g_set_error (error, CG_PDF_CATALOG_ERROR, CG_PDF_CATALOG_ERROR_MALFORMED,
               _("Cannot set the document language of the PDF: %s"), what);
  return FALSE;
}

/* Like memmem() backwards: the last occurrence of @needle in @data[0, @length). */
static const char *
find_last (const char *data,
           gsize       length,
           const char *needle)
{
  gsize needle_len = strlen (needle);

  for (gsize i = length >= needle_len ? length - needle_len + 1 : 0; i-- > 0; )
    if (memcmp (data + i, needle, needle_len) == 0)
      return data + i;

  return NULL;
}

static const char *
find_first (const char *data,
            gsize       length,
            const char *needle)
{
  return g_strstr_len (data, length, needle);
}

/* The number after "/KEY" in the trailer dictionary, e.g. /Size 23 or /Root 21 0 R. */
static gboolean
get_trailer_number (const char *trailer,
                    gsize       length,
                    const char *key,
                    guint64    *value)
{
  const char *p = find_first (trailer, length, key);
  char *end;

  if (p == NULL)
    return FALSE;

  p += strlen (key);
  /* Not a longer key that starts the same (/Size vs /SizeX) */
  if (g_ascii_isalnum (*p))
    return FALSE;

  *value = g_ascii_strtoull (p, &end, 10);

  return end != p;
}

/* A PDF text string: ( ) and \ escaped; a language tag has nothing else to fear. */
static void
append_pdf_string (GString    *str,
                   const char *text)
{
  g_string_append_c (str, '(');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '(' || *p == ')' || *p == '\\')
        g_string_append_c (str, '\\');
      g_string_append_c (str, *p);
    }
  g_string_append_c (str, ')');
}

/**
 * cg_pdf_catalog_append_update:
 * @pdf: a complete PDF with a classic cross-reference table, as cairo writes it
 * @language: a language tag (BCP 47) such as "es" or "pt-BR"
 *
 * Appends to @pdf a new version of its catalog with `/Lang (@language)` and
 * `/ViewerPreferences << /DisplayDocTitle true >>`. The bytes already there are left as they
 * are, so the file stays valid for any reader that ignores the update.
 *
 * Returns: %FALSE, with @error set and @pdf unchanged, if @pdf is not a PDF this understands
 */
gboolean
cg_pdf_catalog_append_update (GByteArray  *pdf,
                              const char  *language,
                              GError     **error)
{
  const char *data = (const char *)pdf->data;
  gsize tail_start = pdf->len > TAIL_SIZE ? pdf->len - TAIL_SIZE : 0;
  g_autoptr(GString) update = NULL;
  const char *startxref, *trailer, *xref, *entry, *object, *endobj, *dict_end, *p;
  const char *id, *id_end;
  gsize new_xref_offset;
  guint64 xref_offset, size, root, info = 0, root_offset;
  gboolean has_info;
  gsize object_offset;
  char *end;

  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (language != NULL && *language != '\0', FALSE);

  if (pdf->len < 8 || memcmp (data, "%PDF-", 5) != 0)
    return malformed (error, "not a PDF file");

  if (!(startxref = find_last (data + tail_start, pdf->len - tail_start, "startxref")))
    return malformed (error, "no startxref");
  xref_offset = g_ascii_strtoull (startxref + strlen ("startxref"), &end, 10);
  if (end == startxref + strlen ("startxref") || xref_offset >= pdf->len)
    return malformed (error, "bad startxref");

  /* The trailer of the last section: between its "trailer" and startxref. */
  if (!(trailer = find_last (data + tail_start, startxref - (data + tail_start), "trailer")))
    return malformed (error, "no trailer (a cross-reference stream?)");
  if (!get_trailer_number (trailer, startxref - trailer, "/Size", &size) ||
      !get_trailer_number (trailer, startxref - trailer, "/Root", &root) || root >= size)
    return malformed (error, "no /Size or /Root in the trailer");
  has_info = get_trailer_number (trailer, startxref - trailer, "/Info", &info);

  /* "xref\n0 N\n" then one 20-byte entry per object: find the catalog's offset. */
  xref = data + xref_offset;
  if (pdf->len - xref_offset < 5 || memcmp (xref, "xref", 4) != 0)
    return malformed (error, "no cross-reference table at startxref");
  p = xref + 4;
  while (p < data + pdf->len && g_ascii_isspace (*p))
    p++;
  if (g_ascii_strtoull (p, &end, 10) != 0 || end == p)
    return malformed (error, "the cross-reference table does not start at object 0");
  p = end;
  if (g_ascii_strtoull (p, &end, 10) < size || end == p)
    return malformed (error, "the cross-reference table is split in sections");
  p = end;
  while (p < data + pdf->len && (*p == '\r' || *p == '\n' || *p == ' '))
    p++;
  entry = p + root * 20;
  if (entry + 20 > data + pdf->len || entry[17] != 'n')
    return malformed (error, "the catalog is not in the cross-reference table");
  root_offset = g_ascii_strtoull (entry, &end, 10);
  if (end != entry + 10 || root_offset >= xref_offset)
    return malformed (error, "bad cross-reference entry of the catalog");

  /* The catalog: "R 0 obj << … >> endobj"; its dictionary's last ">>" closes it. */
  object = data + root_offset;
  if (!(endobj = find_first (object, xref - object, "endobj")) ||
      !(dict_end = find_last (object, endobj - object, ">>")) ||
      !find_first (object, dict_end - object, "/Catalog"))
    return malformed (error, "the catalog object is not a dictionary");
  if (find_first (object, dict_end - object, "/Lang"))
    return malformed (error, "the catalog has a /Lang already");

  update = g_string_new (NULL);
  if (data[pdf->len - 1] != '\n')
    g_string_append_c (update, '\n');
  object_offset = pdf->len + update->len;
  g_string_append_len (update, object, dict_end - object);
  g_string_append (update, "   /Lang ");
  append_pdf_string (update, language);
  g_string_append (update, "\n   /ViewerPreferences << /DisplayDocTitle true >>\n>>\nendobj\n");

  /* A cross-reference section for the one changed object, entries of exactly 20 bytes, and a
   * trailer that points back to the previous section. */
  new_xref_offset = pdf->len + update->len;
  g_string_append_printf (update,
                          "xref\n"
                          "0 1\n"
                          "0000000000 65535 f \n"
                          "%" G_GUINT64_FORMAT " 1\n"
                          "%010" G_GSIZE_FORMAT " 00000 n \n"
                          "trailer\n"
                          "<< /Size %" G_GUINT64_FORMAT "\n"
                          "   /Root %" G_GUINT64_FORMAT " 0 R\n",
                          root, object_offset, size, root);
  if (has_info)
    g_string_append_printf (update, "   /Info %" G_GUINT64_FORMAT " 0 R\n", info);
  if ((id = find_first (trailer, startxref - trailer, "/ID")) &&
      (id_end = find_first (id, startxref - id, "]")))
    g_string_append_printf (update, "   %.*s\n", (int)(id_end + 1 - id), id);
  g_string_append_printf (update,
                          "   /Prev %" G_GUINT64_FORMAT "\n"
                          ">>\n"
                          "startxref\n"
                          "%" G_GSIZE_FORMAT "\n"
                          "%%%%EOF\n",
                          xref_offset, new_xref_offset);

  g_byte_array_append (pdf, (const guint8 *)update->str, update->len);

  return TRUE;
}
