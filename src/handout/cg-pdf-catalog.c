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
 *
 * Cairo 1.16 writes a classic cross-reference table. Cairo 1.18 (Debian 13, the GNOME runtime)
 * writes PDF 1.7 with a cross-reference stream and the catalog inside a compressed object stream
 * (7.5.7, 7.5.8); the update then reads the catalog from there and ends with a cross-reference
 * stream of its own. Restricting cairo to PDF 1.4 would keep the table, but drops the
 * /ActualText that lets a reader copy "ff" out of a ligature.
 */

#define G_LOG_DOMAIN "cg-pdf-catalog"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
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

/* Appends "R 0 obj", the catalog dictionary @dict (up to its closing ">>", left out) with the
 * language and DisplayDocTitle added, and "endobj" */
static void
append_catalog_object (GString    *update,
                       guint64     root,
                       const char *dict,
                       gsize       dict_len,
                       const char *language)
{
  g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n", root);
  g_string_append_len (update, dict, dict_len);
  g_string_append (update, "   /Lang ");
  append_pdf_string (update, language);
  g_string_append (update, "\n   /ViewerPreferences << /DisplayDocTitle true >>\n>>\nendobj\n");
}

/* A catalog dictionary this may change: "<< /Type /Catalog … >>" without a /Lang yet */
static gboolean
check_catalog (const char  *dict,
               gsize        dict_len,
               GError     **error)
{
  if (dict_len < 2 || memcmp (dict, "<<", 2) != 0 || !find_first (dict, dict_len, "/Catalog"))
    return malformed (error, "the catalog object is not a dictionary");
  if (find_first (dict, dict_len, "/Lang"))
    return malformed (error, "the catalog has a /Lang already");

  return TRUE;
}

/* "xref\n0 N\n" then one 20-byte entry per object: the catalog's (object @root) offset. */
static gboolean
find_catalog_in_xref_table (GByteArray  *pdf,
                            guint64      xref_offset,
                            guint64      size,
                            guint64      root,
                            guint64     *root_offset,
                            GError     **error)
{
  const char *data = (const char *)pdf->data;
  const char *xref = data + xref_offset;
  const char *entry, *p;
  char *end;

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
  *root_offset = g_ascii_strtoull (entry, &end, 10);
  if (end != entry + 10 || *root_offset >= xref_offset)
    return malformed (error, "bad cross-reference entry of the catalog");

  return TRUE;
}

/* After a classic cross-reference table (cairo 1.16) */
static gboolean
append_after_xref_table (GByteArray  *pdf,
                         const char  *language,
                         const char  *startxref,
                         guint64      xref_offset,
                         GError     **error)
{
  const char *data = (const char *)pdf->data;
  gsize tail_start = pdf->len > TAIL_SIZE ? pdf->len - TAIL_SIZE : 0;
  g_autoptr(GString) update = NULL;
  const char *trailer, *xref, *object, *endobj, *dict, *dict_end;
  const char *id, *id_end;
  gsize new_xref_offset;
  guint64 size, root, info = 0, root_offset;
  gboolean has_info;
  gsize object_offset;

  /* The trailer of the last section: between its "trailer" and startxref. */
  if (!(trailer = find_last (data + tail_start, startxref - (data + tail_start), "trailer")))
    return malformed (error, "no trailer (a cross-reference stream?)");
  if (!get_trailer_number (trailer, startxref - trailer, "/Size", &size) ||
      !get_trailer_number (trailer, startxref - trailer, "/Root", &root) || root >= size)
    return malformed (error, "no /Size or /Root in the trailer");
  has_info = get_trailer_number (trailer, startxref - trailer, "/Info", &info);

  xref = data + xref_offset;
  if (!find_catalog_in_xref_table (pdf, xref_offset, size, root, &root_offset, error))
    return FALSE;

  /* The catalog: "R 0 obj << … >> endobj"; its dictionary's last ">>" closes it. */
  object = data + root_offset;
  if (!(endobj = find_first (object, xref - object, "endobj")) ||
      !(dict = find_first (object, endobj - object, "<<")) ||
      !(dict_end = find_last (object, endobj - object, ">>")) || dict_end < dict)
    return malformed (error, "the catalog object is not a dictionary");
  if (!check_catalog (dict, dict_end + 2 - dict, error))
    return FALSE;

  update = g_string_new (NULL);
  if (data[pdf->len - 1] != '\n')
    g_string_append_c (update, '\n');
  object_offset = pdf->len + update->len;
  append_catalog_object (update, root, dict, dict_end - dict, language);

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

/* --- Cross-reference streams and object streams (cairo 1.18) ------------------------------ */

/* Sections followed through /Prev; cairo writes one, each update one more */
#define MAX_SECTIONS 32
/* A decoded stream larger than this is not one cairo wrote for a handout */
#define MAX_DECODED_SIZE (64 * 1024 * 1024)

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (g_ascii_isspace (*p) || *p == '\0'))
    p++;
  return p;
}

/* The end of the dictionary starting at @p ("<<"), just past its ">>": strings and hex strings
 * skipped, nested dictionaries counted. %NULL if it does not end before @end. */
static const char *
find_dict_end (const char *p,
               const char *end)
{
  guint depth = 0;

  while (p < end)
    {
      if (p + 1 < end && p[0] == '<' && p[1] == '<')
        {
          depth++;
          p += 2;
        }
      else if (p + 1 < end && p[0] == '>' && p[1] == '>')
        {
          p += 2;
          if (depth == 0)
            return NULL;
          if (--depth == 0)
            return p;
        }
      else if (*p == '<')
        {
          while (p < end && *p != '>')
            p++;
          p++;
        }
      else if (*p == '(')
        {
          guint parens = 0;

          for (; p < end; p++)
            {
              if (*p == '\\')
                p++;
              else if (*p == '(')
                parens++;
              else if (*p == ')' && --parens == 0)
                break;
            }
          p++;
        }
      else
        p++;
    }

  return NULL;
}

/* The body of object @number at @offset: just past "NUMBER 0 obj" */
static const char *
find_object_body (GByteArray *pdf,
                  guint64     offset,
                  guint64     number)
{
  const char *data = (const char *)pdf->data;
  const char *end = data + pdf->len;
  const char *p;
  char *next;

  if (offset >= pdf->len)
    return NULL;
  p = data + offset;
  if (g_ascii_strtoull (p, &next, 10) != number || next == p)
    return NULL;
  p = skip_space (next, end);
  if (g_ascii_strtoull (p, &next, 10) != 0 || next == p)
    return NULL;
  p = skip_space (next, end);
  if (end - p < 3 || memcmp (p, "obj", 3) != 0)
    return NULL;

  return skip_space (p + 3, end);
}

static GBytes *
inflate (const char  *data,
         gsize        length,
         GError     **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize read_total = 0;

  for (;;)
    {
      guint8 buffer[16384];
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (decompressor), data + read_total,
                                    length - read_total, buffer, sizeof buffer,
                                    G_CONVERTER_INPUT_AT_END, &bytes_read, &bytes_written, NULL);
      if (result == G_CONVERTER_ERROR || out->len + bytes_written > MAX_DECODED_SIZE)
        {
          malformed (error, "a stream that does not decompress");
          return NULL;
        }
      read_total += bytes_read;
      g_byte_array_append (out, buffer, bytes_written);
      if (result == G_CONVERTER_FINISHED)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

typedef struct
{
  const char *dict;       /* "<< … >>" in the PDF */
  gsize       dict_len;
  GBytes     *contents;   /* decoded */
} PdfStream;

static void
pdf_stream_clear (PdfStream *stream)
{
  g_clear_pointer (&stream->contents, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdfStream, pdf_stream_clear)

typedef struct
{
  PdfStream stream;
  guint     widths[3];
  guint64   index[2 * MAX_SECTIONS];   /* first object, count; … */
  guint     n_ranges;
} XRefStream;

static void
xref_stream_clear (XRefStream *xref)
{
  pdf_stream_clear (&xref->stream);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XRefStream, xref_stream_clear)

static gboolean lookup_object (GByteArray *pdf, guint64 xref_offset, guint64 number,
                               guint64 *type, guint64 *field2, guint64 *field3, GError **error);

/* The integer value of /Length: direct, or an object "N 0 obj LENGTH endobj" */
static gboolean
get_stream_length (GByteArray  *pdf,
                   guint64      xref_offset,
                   const char  *dict,
                   gsize        dict_len,
                   guint64     *length,
                   GError     **error)
{
  const char *p = find_first (dict, dict_len, "/Length");
  const char *end = dict + dict_len;
  guint64 type, offset, unused;
  char *next;

  if (p == NULL || !get_trailer_number (p, end - p, "/Length", length))
    return malformed (error, "a stream without /Length");
  p = skip_space (p + strlen ("/Length"), end);
  g_ascii_strtoull (p, &next, 10);
  p = skip_space (next, end);
  /* "/Length 22 0 R": the length is object 22 */
  if (end - p >= 1 && g_ascii_isdigit (*p))
    {
      const char *body;
      guint64 number = *length;

      if (!lookup_object (pdf, xref_offset, number, &type, &offset, &unused, error))
        return FALSE;
      if (type != 1 || !(body = find_object_body (pdf, offset, number)))
        return malformed (error, "a stream whose /Length cannot be found");
      *length = g_ascii_strtoull (body, &next, 10);
      if (next == body)
        return malformed (error, "a stream whose /Length cannot be found");
    }

  return TRUE;
}

/* The stream object at @body ("<< … >> stream … endstream"), decoded */
static gboolean
read_stream (GByteArray  *pdf,
             guint64      xref_offset,
             const char  *body,
             PdfStream   *stream,
             GError     **error)
{
  const char *data = (const char *)pdf->data;
  const char *end = data + pdf->len;
  const char *dict_end, *p;
  guint64 length;

  if (body == NULL || end - body < 2 || memcmp (body, "<<", 2) != 0 ||
      !(dict_end = find_dict_end (body, end)))
    return malformed (error, "a stream object without a dictionary");
  stream->dict = body;
  stream->dict_len = dict_end - body;

  p = skip_space (dict_end, end);
  if (end - p < 6 || memcmp (p, "stream", 6) != 0)
    return malformed (error, "a stream object without a stream");
  p += 6;
  if (p < end && *p == '\r')
    p++;
  if (p < end && *p == '\n')
    p++;

  if (!get_stream_length (pdf, xref_offset, stream->dict, stream->dict_len, &length, error))
    return FALSE;
  if (length > (guint64)(end - p))
    return malformed (error, "a stream longer than the file");

  if (!find_first (stream->dict, stream->dict_len, "/Filter"))
    stream->contents = g_bytes_new (p, length);
  else if (find_first (stream->dict, stream->dict_len, "/FlateDecode") &&
           !find_first (stream->dict, stream->dict_len, "/DecodeParms"))
    stream->contents = inflate (p, length, error);
  else
    return malformed (error, "a stream encoded in a way this does not read");

  return stream->contents != NULL;
}

/* The integers of "/KEY [a b c …]" into @values; how many there were */
static guint
get_dict_array (const char *dict,
                gsize       dict_len,
                const char *key,
                guint64    *values,
                guint       n_values)
{
  const char *end = dict + dict_len;
  const char *p = find_first (dict, dict_len, key);
  guint n = 0;
  char *next;

  if (p == NULL)
    return 0;
  p = skip_space (p + strlen (key), end);
  if (p >= end || *p != '[')
    return 0;
  for (p++; n < n_values; n++)
    {
      p = skip_space (p, end);
      values[n] = g_ascii_strtoull (p, &next, 10);
      if (next == p)
        break;
      p = next;
    }

  return n;
}

static gboolean
read_xref_stream (GByteArray  *pdf,
                  guint64      offset,
                  XRefStream  *xref,
                  GError     **error)
{
  const char *data = (const char *)pdf->data;
  const char *body;
  guint64 number, widths[3], size;
  char *next;

  number = g_ascii_strtoull (data + offset, &next, 10);
  body = next != data + offset ? find_object_body (pdf, offset, number) : NULL;
  if (!read_stream (pdf, offset, body, &xref->stream, error))
    return FALSE;
  if (!find_first (xref->stream.dict, xref->stream.dict_len, "/XRef"))
    return malformed (error, "no cross-reference table or stream at startxref");

  if (get_dict_array (xref->stream.dict, xref->stream.dict_len, "/W", widths, 3) != 3 ||
      widths[0] > 8 || widths[1] > 8 || widths[2] > 8 ||
      !get_trailer_number (xref->stream.dict, xref->stream.dict_len, "/Size", &size))
    return malformed (error, "a cross-reference stream without /W or /Size");
  for (guint i = 0; i < 3; i++)
    xref->widths[i] = widths[i];

  xref->n_ranges = get_dict_array (xref->stream.dict, xref->stream.dict_len, "/Index",
                                   xref->index, G_N_ELEMENTS (xref->index)) / 2;
  if (xref->n_ranges == 0)
    {
      xref->index[0] = 0;
      xref->index[1] = size;
      xref->n_ranges = 1;
    }

  return TRUE;
}

static guint64
read_field (const guint8 *p,
            guint         width)
{
  guint64 value = 0;

  for (guint i = 0; i < width; i++)
    value = value << 8 | p[i];

  return value;
}

/* Where object @number is, from the newest cross-reference stream back through /Prev: type 1,
 * at byte @field2; type 2, in object stream @field2 at index @field3 */
static gboolean
lookup_object (GByteArray  *pdf,
               guint64      xref_offset,
               guint64      number,
               guint64     *type,
               guint64     *field2,
               guint64     *field3,
               GError     **error)
{
  for (guint section = 0; section < MAX_SECTIONS; section++)
    {
      g_auto(XRefStream) xref = { { 0 } };
      gsize entry_size, n_bytes;
      const guint8 *entries;
      guint64 position = 0;

      if (!read_xref_stream (pdf, xref_offset, &xref, error))
        return FALSE;
      entries = g_bytes_get_data (xref.stream.contents, &n_bytes);
      entry_size = xref.widths[0] + xref.widths[1] + xref.widths[2];

      for (guint i = 0; i < xref.n_ranges; i++)
        {
          guint64 first = xref.index[2 * i], count = xref.index[2 * i + 1];

          if (number >= first && number - first < count)
            {
              const guint8 *entry = entries + (position + number - first) * entry_size;

              if ((position + number - first + 1) * entry_size > n_bytes)
                return malformed (error, "a cross-reference stream shorter than its /Index");
              *type = xref.widths[0] == 0 ? 1 : read_field (entry, xref.widths[0]);
              *field2 = read_field (entry + xref.widths[0], xref.widths[1]);
              *field3 = read_field (entry + xref.widths[0] + xref.widths[1], xref.widths[2]);
              return TRUE;
            }
          position += count;
        }

      if (!get_trailer_number (xref.stream.dict, xref.stream.dict_len, "/Prev", &xref_offset))
        break;
    }

  return malformed (error, "an object missing from the cross-reference streams");
}

/* Object @index of object stream @number: its text, in @contents */
static gboolean
read_compressed_object (GByteArray  *pdf,
                        guint64      xref_offset,
                        guint64      number,
                        guint64      stream_number,
                        guint64      index,
                        GBytes     **contents,
                        gsize       *start,
                        gsize       *end,
                        GError     **error)
{
  g_auto(PdfStream) stream = { 0 };
  guint64 type, offset, unused, n, first, object, object_offset, next_offset = G_MAXUINT64;
  const char *text, *p;
  gsize length;
  char *next;

  if (!lookup_object (pdf, xref_offset, stream_number, &type, &offset, &unused, error))
    return FALSE;
  if (type != 1)
    return malformed (error, "an object stream inside an object stream");
  if (!read_stream (pdf, xref_offset, find_object_body (pdf, offset, stream_number), &stream, error))
    return FALSE;
  if (!get_trailer_number (stream.dict, stream.dict_len, "/N", &n) ||
      !get_trailer_number (stream.dict, stream.dict_len, "/First", &first) || index >= n)
    return malformed (error, "an object stream without /N or /First");

  /* The header: "NUMBER OFFSET" pairs, offsets from /First */
  text = g_bytes_get_data (stream.contents, &length);
  p = text;
  for (guint64 i = 0; i <= index + 1 && i < n; i++)
    {
      object = g_ascii_strtoull (p, &next, 10);
      p = next;
      object_offset = g_ascii_strtoull (p, &next, 10);
      if (next == p || next > text + length)
        return malformed (error, "an object stream with a broken header");
      p = next;
      if (i == index && object != number)
        return malformed (error, "an object stream without the object its entry names");
      if (i == index)
        *start = first + object_offset;
      else if (i == index + 1)
        next_offset = first + object_offset;
    }
  *end = MIN (next_offset, length);
  if (*start >= *end)
    return malformed (error, "an object stream with a broken header");

  *contents = g_steal_pointer (&stream.contents);

  return TRUE;
}

/* The catalog's dictionary, "<<" to just past ">>": in the file, or in @compressed, the object
 * stream it is in, decoded */
static gboolean
find_catalog (GByteArray   *pdf,
              guint64       xref_offset,
              guint64       root,
              GBytes      **compressed,
              const char  **dict,
              const char  **dict_end,
              GError      **error)
{
  const char *data = (const char *)pdf->data;
  guint64 type, field2, field3;
  gsize start = 0, end = 0;

  if (!lookup_object (pdf, xref_offset, root, &type, &field2, &field3, error))
    return FALSE;
  if (type == 1)
    {
      if (!(*dict = find_object_body (pdf, field2, root)))
        return malformed (error, "the catalog object is not a dictionary");
    }
  else if (type == 2)
    {
      if (!read_compressed_object (pdf, xref_offset, root, field2, field3, compressed,
                                   &start, &end, error))
        return FALSE;
      *dict = (const char *)g_bytes_get_data (*compressed, NULL) + start;
    }
  else
    return malformed (error, "the catalog is not in the cross-reference stream");

  if (!(*dict_end = find_dict_end (*dict, type == 1 ? data + pdf->len : *dict + (end - start))))
    return malformed (error, "the catalog object is not a dictionary");

  return check_catalog (*dict, *dict_end - *dict, error);
}

/* After a cross-reference stream (cairo 1.18): the new catalog, then a cross-reference stream
 * of two entries, the catalog and the stream itself */
static gboolean
append_after_xref_stream (GByteArray  *pdf,
                          const char  *language,
                          guint64      xref_offset,
                          GError     **error)
{
  const char *data = (const char *)pdf->data;
  g_auto(XRefStream) xref = { { 0 } };
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(GString) update = NULL;
  guint64 size, root, info = 0;
  const char *dict = NULL, *dict_end = NULL, *id, *id_end;
  gsize object_offset, stream_offset;
  gboolean has_info;
  guint8 entries[14];

  if (!read_xref_stream (pdf, xref_offset, &xref, error))
    return FALSE;
  if (!get_trailer_number (xref.stream.dict, xref.stream.dict_len, "/Size", &size) ||
      !get_trailer_number (xref.stream.dict, xref.stream.dict_len, "/Root", &root) || root >= size)
    return malformed (error, "no /Size or /Root in the cross-reference stream");
  has_info = get_trailer_number (xref.stream.dict, xref.stream.dict_len, "/Info", &info);

  if (!find_catalog (pdf, xref_offset, root, &compressed, &dict, &dict_end, error))
    return FALSE;

  update = g_string_new (NULL);
  if (data[pdf->len - 1] != '\n')
    g_string_append_c (update, '\n');
  object_offset = pdf->len + update->len;
  append_catalog_object (update, root, dict, dict_end - 2 - dict, language);

  /* Entries of 1 + 4 + 2 bytes: type 1, the offset, generation 0 */
  stream_offset = pdf->len + update->len;
  if (stream_offset > G_MAXUINT32)
    return malformed (error, "a file too large");
  entries[0] = entries[7] = 1;
  for (guint i = 0; i < 4; i++)
    {
      entries[1 + i] = (guint8)(object_offset >> (24 - 8 * i));
      entries[8 + i] = (guint8)(stream_offset >> (24 - 8 * i));
    }
  entries[5] = entries[6] = entries[12] = entries[13] = 0;

  g_string_append_printf (update,
                          "%" G_GUINT64_FORMAT " 0 obj\n"
                          "<< /Type /XRef\n"
                          "   /Size %" G_GUINT64_FORMAT "\n"
                          "   /W [1 4 2]\n"
                          "   /Index [%" G_GUINT64_FORMAT " 1 %" G_GUINT64_FORMAT " 1]\n"
                          "   /Root %" G_GUINT64_FORMAT " 0 R\n",
                          size, size + 1, root, size, root);
  if (has_info)
    g_string_append_printf (update, "   /Info %" G_GUINT64_FORMAT " 0 R\n", info);
  if ((id = find_first (xref.stream.dict, xref.stream.dict_len, "/ID")) &&
      (id_end = find_first (id, xref.stream.dict + xref.stream.dict_len - id, "]")))
    g_string_append_printf (update, "   %.*s\n", (int)(id_end + 1 - id), id);
  g_string_append_printf (update,
                          "   /Prev %" G_GUINT64_FORMAT "\n"
                          "   /Length %u\n"
                          ">>\n"
                          "stream\n",
                          xref_offset, (guint)sizeof entries);
  g_string_append_len (update, (const char *)entries, sizeof entries);
  g_string_append_printf (update,
                          "\nendstream\n"
                          "endobj\n"
                          "startxref\n"
                          "%" G_GSIZE_FORMAT "\n"
                          "%%%%EOF\n",
                          stream_offset);

  g_byte_array_append (pdf, (const guint8 *)update->str, update->len);

  return TRUE;
}

/**
 * cg_pdf_catalog_append_update:
 * @pdf: a complete PDF as cairo writes it: with a classic cross-reference table (cairo 1.16),
 *   or a cross-reference stream and object streams (cairo 1.18)
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
  const char *data;
  gsize tail_start;
  const char *startxref;
  guint64 xref_offset;
  char *end;

  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (language != NULL && *language != '\0', FALSE);

  data = (const char *)pdf->data;
  tail_start = pdf->len > TAIL_SIZE ? pdf->len - TAIL_SIZE : 0;

  if (pdf->len < 8 || memcmp (data, "%PDF-", 5) != 0)
    return malformed (error, "not a PDF file");

  if (!(startxref = find_last (data + tail_start, pdf->len - tail_start, "startxref")))
    return malformed (error, "no startxref");
  xref_offset = g_ascii_strtoull (startxref + strlen ("startxref"), &end, 10);
  if (end == startxref + strlen ("startxref") || xref_offset >= pdf->len)
    return malformed (error, "bad startxref");

  if (pdf->len - xref_offset >= 4 && memcmp (data + xref_offset, "xref", 4) == 0)
    return append_after_xref_table (pdf, language, startxref, xref_offset, error);

  return append_after_xref_stream (pdf, language, xref_offset, error);
}
