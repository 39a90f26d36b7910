/* test-pdf-catalog.c: /Lang and /ViewerPreferences appended to a finished PDF
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The updated file is checked by other programs than ours: qpdf --check (structure and
 * cross-reference), qpdf --show-object (the catalog's new entries) and poppler's pdfinfo.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cg-pdf-catalog.h"

#include "cg-test-util.h"

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* A small tagged PDF as cairo writes it, titled so DisplayDocTitle has something to show */
static GByteArray *
make_pdf (void)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, pdf, 200, 200);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Calcinosis (test)");
  cairo_tag_begin (cr, "Document", "");
  cairo_tag_begin (cr, "P", "");
  cairo_move_to (cr, 20, 40);
  cairo_show_text (cr, "Hola");
  cairo_tag_end (cr, "P");
  cairo_tag_end (cr, "Document");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return pdf;
}

static char *
write_temp (GByteArray *pdf)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("test-pdf-catalog-XXXXXX.pdf", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, (const char *)pdf->data, pdf->len, &error);
  g_assert_no_error (error);

  return path;
}

/* qpdf --check accepts the file and its catalog says so */
static char *
check_and_dup_catalog (GByteArray *pdf)
{
  g_autofree char *path = write_temp (pdf);
  g_autofree char *check = cg_test_run_tool ("qpdf", "--check", path, NULL);
  char *catalog;

  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors found"));
  catalog = cg_test_dup_pdf_catalog (path);
  g_unlink (path);

  return catalog;
}

static void
test_lang (void)
{
  g_autoptr(GByteArray) pdf = make_pdf ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *info = NULL;
  guint original_len = pdf->len;
  g_autofree guint8 *original = g_memdup2 (pdf->data, pdf->len);

  g_assert_true (cg_pdf_catalog_append_update (pdf, "es", &error));
  g_assert_no_error (error);

  /* An incremental update: the bytes cairo wrote are untouched */
  g_assert_cmpuint (pdf->len, >, original_len);
  g_assert_cmpmem (pdf->data, original_len, original, original_len);

  catalog = check_and_dup_catalog (pdf);
  g_assert_nonnull (strstr (catalog, "/Lang (es)"));
  g_assert_nonnull (strstr (catalog, "/DisplayDocTitle true"));
  /* What cairo put there is still there */
  g_assert_nonnull (strstr (catalog, "/Type /Catalog"));
  g_assert_nonnull (strstr (catalog, "/StructTreeRoot"));

  path = write_temp (pdf);
  info = cg_test_run_tool ("pdfinfo", path, NULL);
  g_assert_true (g_regex_match_simple ("^Title: +Calcinosis \\(test\\)$", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Tagged: +yes$", info, G_REGEX_MULTILINE, 0));
  g_unlink (path);
}

static void
test_language_escaped (void)
{
  g_autoptr(GByteArray) pdf = make_pdf ();
  g_autoptr(GError) error = NULL;
  g_autofree char *catalog = NULL;

  g_assert_true (cg_pdf_catalog_append_update (pdf, "x(y)\\", &error));
  catalog = check_and_dup_catalog (pdf);
  g_assert_nonnull (strstr (catalog, "/Lang (x\\(y\\)\\\\)"));
}

static void
test_twice_refused (void)
{
  g_autoptr(GByteArray) pdf = make_pdf ();
  g_autoptr(GError) error = NULL;
  guint len;

  g_assert_true (cg_pdf_catalog_append_update (pdf, "de", &error));
  len = pdf->len;
  g_assert_false (cg_pdf_catalog_append_update (pdf, "fr", &error));
  g_assert_error (error, CG_PDF_CATALOG_ERROR, CG_PDF_CATALOG_ERROR_MALFORMED);
  g_assert_cmpuint (pdf->len, ==, len);
}

static void
test_not_a_pdf (void)
{
  const char *inputs[] = {
    "",
    "hello",
    "%PDF-1.5\n1 0 obj << >> endobj\n",
    "%PDF-1.5\ntrailer << /Size 2 /Root 1 0 R >>\nstartxref\n999999\n%%EOF\n",
    "%PDF-1.5\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \n"
    "trailer << /Size 2 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GByteArray) pdf = g_byte_array_new ();
      g_autoptr(GError) error = NULL;

      g_byte_array_append (pdf, (const guint8 *)inputs[i], strlen (inputs[i]));
      g_assert_false (cg_pdf_catalog_append_update (pdf, "en", &error));
      g_assert_error (error, CG_PDF_CATALOG_ERROR, CG_PDF_CATALOG_ERROR_MALFORMED);
      g_assert_cmpuint (pdf->len, ==, strlen (inputs[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-catalog/lang", test_lang);
  g_test_add_func ("/pdf-catalog/language-escaped", test_language_escaped);
  g_test_add_func ("/pdf-catalog/twice-refused", test_twice_refused);
  g_test_add_func ("/pdf-catalog/not-a-pdf", test_not_a_pdf);

  return g_test_run ();
}
