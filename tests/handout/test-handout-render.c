/* test-handout-render.c: handouts drawn for a printer and written as PDF, page for page
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cg-bundle.h"
#include "cg-handout-layout.h"
#include "cg-library.h"
#include "cg-section.h"
#include "cg-topic.h"

#include "handout/cg-test-handout.h"

#include "cg-test-util.h"

/* The number of pages a PDF reader finds, from `pdfinfo` (cairo 1.18 puts the page objects in
 * compressed object streams, so the file's bytes do not tell) */
static guint
count_pdf_pages (const char *info)
{
  g_autoptr(GRegex) regex = g_regex_new ("^Pages: +([0-9]+)$", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *count = NULL;

  g_assert_true (g_regex_match (regex, info, 0, &match));
  count = g_match_info_fetch (match, 1);

  return (guint)g_ascii_strtoull (count, NULL, 10);
}

/* Pages drawn for a printer (a 300 dpi surface, scaled as GtkPrintContext does) and the PDF
 * file have the same count, and the ink stays inside the 20 mm margins. */
static void
check_print_and_pdf (CgPaper paper)
{
  g_autoptr(CgHandoutLayout) layout = cg_test_create_full_layout (FALSE);
  g_autofree char *dir = g_dir_make_tmp ("cg-handout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  const char *media_box;
  double width, height;
  double margin = 20.0 * 72.0 / 25.4;
  guint n_print;

  cg_paper_get_size (paper, &width, &height);
  cg_handout_layout_set_paper (layout, paper);
  n_print = cg_handout_layout_paginate (layout, width, height);

  for (guint page = 0; page < n_print; page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                             width * 300 / 72, height * 300 / 72);
      cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double x, y, w, h;

      cairo_scale (cr, 300.0 / 72.0, 300.0 / 72.0);
      cg_handout_layout_draw_page (layout, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      cr = cairo_create (recording);
      cg_handout_layout_draw_page (layout, cr, page);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
      cairo_surface_destroy (recording);
      g_assert_cmpfloat (x, >=, margin - 1);
      g_assert_cmpfloat (y, >=, margin - 1);
      g_assert_cmpfloat (x + w, <=, width - margin + 1);
      g_assert_cmpfloat (y + h, <=, height - margin + 1);
    }

  cg_handout_layout_export_pdf (layout, path, &error);
  g_assert_no_error (error);
  info = cg_test_run_tool ("pdfinfo", "-box", path, NULL);
  g_assert_cmpuint (count_pdf_pages (info), ==, n_print);
  media_box = paper == CG_PAPER_A4 ? "^MediaBox: +0\\.00 +0\\.00 +595\\.28 +841\\.89$"
                                   : "^MediaBox: +0\\.00 +0\\.00 +612\\.00 +792\\.00$";
  g_assert_true (g_regex_match_simple (media_box, info, G_REGEX_MULTILINE, 0));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_print_and_pdf_a4 (void)
{
  check_print_and_pdf (CG_PAPER_A4);
}

static void
test_print_and_pdf_letter (void)
{
  check_print_and_pdf (CG_PAPER_LETTER);
}

/* A failed export leaves nothing: no file, no temporary file. */
static void
test_export_failure (void)
{
  g_autoptr(CgHandoutLayout) layout = cg_test_create_full_layout (FALSE);
  g_autofree char *dir = g_dir_make_tmp ("cg-handout-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "handout.pdf", NULL);
  g_autofree char *subdir = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GDir *listing;

  g_assert_false (cg_handout_layout_export_pdf (layout, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The rename fails when the target is a directory: the temporary file must go. */
  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  g_assert_false (cg_handout_layout_export_pdf (layout, subdir, &error));
  g_assert_nonnull (error);

  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "handout.pdf");
  g_assert_null (g_dir_read_name (listing));
  g_dir_close (listing);

  g_assert_cmpint (g_rmdir (subdir), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A note over a page break says so, in the handout's language, on screen, paper and PDF. */
static void
test_note_continued (void)
{
  g_autoptr(CgLibrary) library = cg_library_new ();
  CgBundle *bundle = cg_library_get_bundle (library, "es", NULL);
  g_autoptr(CgHandoutLayout) layout = cg_handout_layout_new (bundle);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("cg-handout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "note.pdf", NULL);
  g_autofree char *page1 = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *pdf_page2 = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", "2", "-l", "2", path, "-", NULL };
  int wait_status;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (note, "Frase número %u de la nota. ", i + 1);
  cg_handout_layout_set_note (layout, note->str);
  cg_handout_layout_add_section (layout, cg_bundle_lookup_section (bundle, "overview"));
  cg_handout_layout_set_paper (layout, CG_PAPER_A4);
  g_assert_cmpuint (cg_handout_layout_paginate (layout, 595.275591, 841.889764), >=, 2);

  page1 = cg_handout_layout_dup_page_text (layout, 0);
  page2 = cg_handout_layout_dup_page_text (layout, 1);
  g_assert_nonnull (strstr (page1, "Notas de su equipo de atención médica\n"));
  g_assert_null (strstr (page1, "continuación"));
  /* The heading may wrap in its frame */
  g_assert_true (g_regex_match_simple ("^Notas de su equipo de atención médica\\s+\\(continuación\\)\n",
                                       page2, 0, 0));

  cg_handout_layout_export_pdf (layout, path, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &pdf_page2, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match_simple ("^Notas de su equipo de atención médica\\s+\\(continuación\\)\n",
                                       pdf_page2, 0, 0));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handout-render/print-and-pdf-a4", test_print_and_pdf_a4);
  g_test_add_func ("/handout-render/print-and-pdf-letter", test_print_and_pdf_letter);
  g_test_add_func ("/handout-render/export-failure", test_export_failure);
  g_test_add_func ("/handout-render/note-continued", test_note_continued);

  return g_test_run ();
}
