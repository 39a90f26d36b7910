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
run (const char *command,
     const char *arg1,
     const char *arg2,
     int        *exit_status)
{
  const char *argv[] = { command, arg1, arg2, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  if (arg2 == NULL)
    argv[2] = NULL;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  *exit_status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;

  return out;
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

/* The catalog's object number, from the trailer qpdf reads */
static char *
dup_root (const char *path)
{
  g_autofree char *trailer = NULL;
  const char *root;
  int status;

  trailer = run ("qpdf", "--show-object=trailer", path, &status);
  g_assert_cmpint (status, ==, 0);
  root = strstr (trailer, "/Root ");
  g_assert_nonnull (root);

  return g_strndup (root + 6, strcspn (root + 6, " "));
}

static void
test_lang (void)
{
  g_autoptr(GByteArray) pdf = make_pdf ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *root = NULL;
  g_autofree char *option = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *check = NULL;
  g_autofree char *info = NULL;
  guint original_len = pdf->len;
  g_autofree guint8 *original = g_memdup2 (pdf->data, pdf->len);
  int status;

  g_assert_true (cg_pdf_catalog_append_update (pdf, "es", &error));
  g_assert_no_error (error);

  /* An incremental update: the bytes cairo wrote are untouched */
  g_assert_cmpuint (pdf->len, >, original_len);
  g_assert_cmpmem (pdf->data, original_len, original, original_len);

  path = write_temp (pdf);
  check = run ("qpdf", "--check", path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors found"));

  root = dup_root (path);
  option = g_strdup_printf ("--show-object=%s", root);
  catalog = run ("qpdf", option, path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (catalog, "/Lang (es)"));
  g_assert_nonnull (strstr (catalog, "/DisplayDocTitle true"));
  /* What cairo put there is still there */
  g_assert_nonnull (strstr (catalog, "/Type /Catalog"));
  g_assert_nonnull (strstr (catalog, "/StructTreeRoot"));

  info = run ("pdfinfo", path, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_regex_match_simple ("^Title: +Calcinosis \\(test\\)$", info, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Tagged: +yes$", info, G_REGEX_MULTILINE, 0));

  g_unlink (path);
}

static void
test_language_escaped (void)
{
  g_autoptr(GByteArray) pdf = make_pdf ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *root = NULL;
  g_autofree char *option = NULL;
  g_autofree char *catalog = NULL;
  int status;

  g_assert_true (cg_pdf_catalog_append_update (pdf, "x(y)\\", &error));
  path = write_temp (pdf);
  g_free (run ("qpdf", "--check", path, &status));
  g_assert_cmpint (status, ==, 0);
  root = dup_root (path);
  option = g_strdup_printf ("--show-object=%s", root);
  catalog = run ("qpdf", option, path, &status);
  g_assert_nonnull (strstr (catalog, "/Lang (x\\(y\\)\\\\)"));
  g_unlink (path);
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
