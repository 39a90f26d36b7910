/* test-bundle-hostile.c: hostile, broken and odd bundles from disk
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each fixture in tests/fixtures/hostile/ (written by build-aux/make-hostile-fixtures) is
 * refused with its exact error code and line, or, when valid but odd, loaded with its text
 * kept literally. The large cases, the FIFO and the directory are made here at test time.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-bundle-reader.h"
#include "cg-library.h"
#include "cg-section.h"
#include "cg-topic.h"

#include "cg-test-files.h"

typedef struct
{
  const char    *name;
  CgBundleError  code;
  guint          line;      /* 0: the message has no line */
  const char    *fragment;  /* in the message */
} HostileCase;

static const HostileCase hostile_cases[] = {
  { "empty.xml", CG_BUNDLE_ERROR_EMPTY, 0, "empty" },
  { "whitespace.xml", CG_BUNDLE_ERROR_EMPTY, 0, "white space" },
  { "bom-utf8-only.xml", CG_BUNDLE_ERROR_EMPTY, 0, "white space" },
  { "bom-utf16le.xml", CG_BUNDLE_ERROR_ENCODING, 1, "UTF-16 (little-endian)" },
  { "bom-utf16be.xml", CG_BUNDLE_ERROR_ENCODING, 1, "UTF-16 (big-endian)" },
  { "bom-utf32le.xml", CG_BUNDLE_ERROR_ENCODING, 1, "UTF-32 (little-endian)" },
  { "bom-utf32be.xml", CG_BUNDLE_ERROR_ENCODING, 1, "UTF-32 (big-endian)" },
  { "utf16-no-bom.xml", CG_BUNDLE_ERROR_ENCODING, 1, "UTF-16" },
  { "truncated.xml", CG_BUNDLE_ERROR_MALFORMED, 11, "Premature end of data" },
  { "binary-garbage.png.xml", CG_BUNDLE_ERROR_ENCODING, 1, "not valid UTF-8 (byte 0x89)" },
  { "invalid-utf8.xml", CG_BUNDLE_ERROR_ENCODING, 11, "not valid UTF-8 (byte 0xE9)" },
  { "overlong-utf8.xml", CG_BUNDLE_ERROR_ENCODING, 11, "not valid UTF-8 (byte 0xC0)" },
  { "surrogate-utf8.xml", CG_BUNDLE_ERROR_ENCODING, 11, "not valid UTF-8 (byte 0xED)" },
  { "nul-byte.xml", CG_BUNDLE_ERROR_ENCODING, 11, "NUL byte" },
  { "xxe-local-file.xml", CG_BUNDLE_ERROR_DOCTYPE, 2, "<!DOCTYPE>" },
  { "billion-laughs.xml", CG_BUNDLE_ERROR_DOCTYPE, 2, "<!DOCTYPE>" },
  { "external-dtd.xml", CG_BUNDLE_ERROR_DOCTYPE, 2, "<!DOCTYPE>" },
  { "parameter-entity.xml", CG_BUNDLE_ERROR_DOCTYPE, 2, "<!DOCTYPE>" },
  { "entity-declaration.xml", CG_BUNDLE_ERROR_DOCTYPE, 7, "<!ENTITY>" },
  { "undefined-entity.xml", CG_BUNDLE_ERROR_MALFORMED, 11, "Entity 'secret' not defined" },
  { "char-ref-nul.xml", CG_BUNDLE_ERROR_MALFORMED, 11, "invalid xmlChar value 0" },
  { "control-char.xml", CG_BUNDLE_ERROR_MALFORMED, 11, "invalid Char value 27" },
  { "mismatched-tags.xml", CG_BUNDLE_ERROR_MALFORMED, 11, "mismatch" },
  { "unclosed-attribute.xml", CG_BUNDLE_ERROR_MALFORMED, 10, "attributes" },
  { "xinclude.xml", CG_BUNDLE_ERROR_SCHEMA, 11, "XInclude}include': This element is not expected" },
  { "wrong-root.xml", CG_BUNDLE_ERROR_WRONG_ROOT, 2, "<html>, not <bundle>" },
  { "namespaced-root.xml", CG_BUNDLE_ERROR_WRONG_ROOT, 2, "namespace “http://example.invalid/bundle”" },
  { "missing-title.xml", CG_BUNDLE_ERROR_SCHEMA, 10, "Expected is ( title )" },
  { "missing-provenance.xml", CG_BUNDLE_ERROR_SCHEMA, 3, "Expected is ( provenance )" },
  { "unknown-elements.xml", CG_BUNDLE_ERROR_SCHEMA, 12, "'script': This element is not expected" },
  { "bad-format.xml", CG_BUNDLE_ERROR_SCHEMA, 2, "'format'" },
  { "duplicate-topic-ids.xml", CG_BUNDLE_ERROR_DUPLICATE_ID, 14, "Duplicate topic id “t” (first used on line 7)" },
  { "duplicate-section-ids.xml", CG_BUNDLE_ERROR_DUPLICATE_ID, 16, "Duplicate section id “same” (first used on line 9)" },
  { "duplicate-ids-whitespace.xml", CG_BUNDLE_ERROR_DUPLICATE_ID, 13, "Duplicate section id “same” (first used on line 9)" },
  { "unknown-language.xml", CG_BUNDLE_ERROR_UNKNOWN_LANGUAGE, 2, "“xx”" },
};

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", name, NULL);
}

static CgBundle *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cg_bundle_load_file (file, error);
}

static void
test_hostile_case (gconstpointer data)
{
  const HostileCase *hostile = data;
  g_autofree char *path = fixture_path (hostile->name);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = load_path (path, &error);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  const CgBundleDiagnostic *first;
  gsize len;

  g_assert_null (bundle);
  g_assert_error (error, CG_BUNDLE_ERROR, (int)hostile->code);
  cg_test_assert_error_message (error, path, hostile->line, hostile->fragment);

  /* --validate-bundle reports the same first problem */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  diagnostics = cg_bundle_check_bytes (bytes, hostile->name);
  g_assert_cmpuint (diagnostics->len, >=, 1);
  first = g_ptr_array_index (diagnostics, 0);
  g_assert_cmpint (first->code, ==, hostile->code);
  g_assert_cmpuint (first->line, ==, hostile->line);
}

/* Valid but odd: loads, and the text is the text, never markup. */
static CgSection *
load_only_section (const char  *name,
                   CgBundle   **bundle_out)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  CgBundle *bundle = load_path (path, &error);
  CgTopic *topic;

  g_assert_no_error (error);
  g_assert_nonnull (bundle);
  g_assert_cmpuint (cg_bundle_get_n_topics (bundle), ==, 1);
  topic = cg_bundle_get_topic (bundle, 0);
  g_assert_cmpuint (cg_topic_get_n_sections (topic), ==, 1);
  *bundle_out = bundle;

  return cg_topic_get_section (topic, 0);
}

static void
test_odd_markup_text (void)
{
  g_autoptr(CgBundle) bundle = NULL;
  CgSection *section = load_only_section ("markup-text.xml", &bundle);
  const CgBlock *block;

  g_assert_cmpstr (cg_section_get_title (section), ==, "A <b>title</b> & more");
  block = cg_section_get_block (section, 0);
  g_assert_cmpstr (block->text, ==, "<span size=\"9999999\">huge</span> <i>and</i> &amp; <b>bold</b>");
  block = cg_section_get_block (section, 1);
  g_assert_cmpint (block->kind, ==, CG_BLOCK_LIST);
  g_assert_cmpstr (block->items[0], ==, "<a href=\"http://example.invalid\">link</a>");
}

static void
test_odd_long_word (void)
{
  g_autoptr(CgBundle) bundle = NULL;
  CgSection *section = load_only_section ("long-word.xml", &bundle);
  const CgBlock *block = cg_section_get_block (section, 0);
  g_autofree char *word = g_strnfill (5000, 'a');
  g_autofree char *expected = g_strdup_printf ("Before %s after.", word);

  g_assert_cmpstr (block->text, ==, expected);
}

static void
test_odd_rtl_combining (void)
{
  g_autoptr(CgBundle) bundle = NULL;
  CgSection *section = load_only_section ("rtl-combining.xml", &bundle);
  const CgBlock *block = cg_section_get_block (section, 0);

  g_assert_cmpstr (cg_bundle_get_language (bundle), ==, "he");
  g_assert_cmpstr (cg_topic_get_title (cg_bundle_get_topic (bundle, 0)), ==, "ערכה");
  g_assert_cmpstr (cg_section_get_title (section), ==, "מידע للمريض");
  /* Bidi controls, combining marks, emoji and joiners are content: kept byte for byte */
  g_assert_cmpstr (block->text, ==,
                   "العربية עברית mixed \u202eevil\u202c e\u0301 Z\u0351\u0352\u0353\u0354\u0355\u0356 "
                   "\U0001F600 \u200d");
}

static void
test_odd_bom_utf8 (void)
{
  g_autoptr(CgBundle) bundle = NULL;
  CgSection *section = load_only_section ("bom-utf8.xml", &bundle);

  g_assert_cmpstr (cg_section_get_title (section), ==, "Section");
}

/* Tokens are compared as XSD compares them, white space collapsed (found by the fuzzer). */
static void
test_odd_token_whitespace (void)
{
  g_autoptr(CgBundle) bundle = NULL;
  CgSection *section = load_only_section ("token-whitespace.xml", &bundle);

  g_assert_cmpstr (cg_bundle_get_language (bundle), ==, "en");
  g_assert_cmpstr (cg_topic_get_id (cg_bundle_get_topic (bundle, 0)), ==, "t");
  g_assert_cmpstr (cg_section_get_id (section), ==, "s");
}

/* "<!DOCTYPE" inside a comment or a processing instruction is not a declaration. */
static void
test_odd_comment_lookalikes (void)
{
  g_autoptr(CgBundle) bundle = NULL;
  CgSection *section = load_only_section ("comment-lookalikes.xml", &bundle);

  g_assert_cmpstr (cg_section_get_block (section, 0)->text, ==, "Text.");
}

/* With the schema given, libxml2 ignores schema location hints: a hint naming a FIFO would
 * block forever if it were opened. */
static void
test_odd_xsi_schema_location (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-hostile-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "schema.xsd", NULL);
  g_autofree char *path = fixture_path ("xsi-schema-location.xml");
  g_autofree char *contents = NULL;
  g_autofree char *hinted = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = NULL;
  g_autoptr(GString) str = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  str = g_string_new (contents);
  hinted = g_strconcat ("file://", fifo, NULL);
  g_string_replace (str, "file:///etc/passwd", hinted, 1);
  bytes = g_bytes_new (str->str, str->len);

  bundle = cg_bundle_load_bytes (bytes, "xsi.xml", &error);
  g_assert_no_error (error);
  g_assert_nonnull (bundle);

  g_unlink (fifo);
  g_rmdir (dir);
}

/* The large cases, made here rather than committed. */

static void
assert_bytes_refused (GString       *str,
                      CgBundleError  code,
                      guint          line,
                      const char    *fragment)
{
  g_autoptr(GBytes) bytes = g_bytes_new (str->str, str->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = NULL;
  gint64 start = g_get_monotonic_time ();

  bundle = cg_bundle_load_bytes (bytes, "generated.xml", &error);
  g_test_message ("%" G_GSIZE_FORMAT " bytes refused in %.1f ms", str->len,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_null (bundle);
  g_assert_error (error, CG_BUNDLE_ERROR, (int)code);
  cg_test_assert_error_message (error, "generated.xml", line, fragment);
  /* Linear: well under a second natively, seconds under valgrind; quadratic work on these
   * inputs (10^10 steps) would take minutes */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
}

static GString *
start_bundle (void)
{
  return g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<bundle format=\"1\" lang=\"en\">\n"
                       "  <provenance><source>S</source><content-version>1</content-version></provenance>\n");
}

static void
test_generated_deep_nesting (void)
{
  g_autoptr(GString) str = g_string_new ("<bundle format=\"1\" lang=\"en\">\n");

  /* Depth 33 is crossed by the 32nd <p>, on line 33 */
  for (guint i = 0; i < 10000; i++)
    g_string_append (str, "<p>\n");
  for (guint i = 0; i < 10000; i++)
    g_string_append (str, "</p>");
  g_string_append (str, "</bundle>\n");

  assert_bytes_refused (str, CG_BUNDLE_ERROR_LIMIT, 33, "nested more than 32 deep");
}

static void
test_generated_many_attributes (void)
{
  g_autoptr(GString) str = start_bundle ();

  g_string_append (str, "  <topic id=\"t\"");
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (str, " a%u=\"%u\"", i, i);
  g_string_append (str, "/>\n</bundle>\n");

  assert_bytes_refused (str, CG_BUNDLE_ERROR_LIMIT, 4, "100001 attributes, more than the limit of 16");
}

/* Billion laughs' cousin: one big entity used many times. Refused at the declaration. */
static void
test_generated_quadratic_blowup (void)
{
  g_autoptr(GString) str = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE bundle [\n  <!ENTITY a \"");

  for (guint i = 0; i < 50000; i++)
    g_string_append_c (str, 'a');
  g_string_append (str, "\">\n]>\n<bundle format=\"1\" lang=\"en\"><provenance><source>");
  for (guint i = 0; i < 50000; i++)
    g_string_append (str, "&a;");
  g_string_append (str, "</source></provenance></bundle>\n");

  assert_bytes_refused (str, CG_BUNDLE_ERROR_DOCTYPE, 2, "<!DOCTYPE>");
}

/* 7 MiB in one paragraph: under the file cap, over the schema's text length; the message
 * quoting the value stays short. */
static void
test_generated_huge_text_node (void)
{
  g_autoptr(GString) str = start_bundle ();

  g_string_append (str, "  <topic id=\"t\">\n    <title>T</title>\n    <section id=\"s\">\n"
                        "      <title>S</title>\n      <p>");
  for (guint i = 0; i < 7 * 1024 * 1024 / 8; i++)
    g_string_append (str, "Lorem ip");
  g_string_append (str, "</p>\n    </section>\n  </topic>\n</bundle>\n");

  assert_bytes_refused (str, CG_BUNDLE_ERROR_SCHEMA, 8, "maxLength");
}

static void
test_generated_too_large_bytes (void)
{
  g_autoptr(GString) str = start_bundle ();

  while (str->len <= CG_BUNDLE_MAX_SIZE)
    g_string_append (str, "<!-- padding, padding, padding -->\n");

  assert_bytes_refused (str, CG_BUNDLE_ERROR_TOO_LARGE, 0, "8 MiB");
}

/* --validate-bundle lists every problem, but not without end. */
static void
test_generated_many_errors (void)
{
  g_autoptr(GString) str = start_bundle ();
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const CgBundleDiagnostic *last;

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (str, "  <topic id=\"same\"><title>T</title><section id=\"s%u\"><title>S</title><p>x</p></section></topic>\n", i);
  g_string_append (str, "</bundle>\n");
  bytes = g_bytes_new (str->str, str->len);

  diagnostics = cg_bundle_check_bytes (bytes, "many.xml");
  g_assert_cmpuint (diagnostics->len, ==, 101);
  g_assert_cmpint (((CgBundleDiagnostic *)g_ptr_array_index (diagnostics, 0))->line, ==, 5);
  last = g_ptr_array_index (diagnostics, 100);
  g_assert_cmpstr (last->message, ==, "399 more problems not shown");
}

static void
test_generated_fifo (CgTestTempDir *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "bundle.xml", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = NULL;
  gint64 start;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  /* With no writer, a blocking open() would never return: the test would time out */
  start = g_get_monotonic_time ();
  bundle = load_path (path, &error);
  g_test_message ("FIFO refused in %.2f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_null (bundle);
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_NOT_REGULAR);
  cg_test_assert_error_message (error, path, 0, "named pipe");
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_clear_error (&error);

  /* Nor through a symbolic link */
  g_assert_cmpint (symlink (path, link), ==, 0);
  bundle = load_path (link, &error);
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_NOT_REGULAR);
}

static void
test_generated_directory (CgTestTempDir *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "folder.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  bundle = load_path (path, &error);
  g_assert_null (bundle);
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_NOT_REGULAR);
  cg_test_assert_error_message (error, path, 0, "folder");
}

static void
test_generated_device (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = NULL;

  /* Endless input: only the type check stops it */
  bundle = load_path ("/dev/zero", &error);
  g_assert_null (bundle);
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_NOT_REGULAR);
  cg_test_assert_error_message (error, "/dev/zero", 0, "device");
}

/* A 50 MB file is refused from its size alone, before any byte is read. */
static void
test_generated_huge_file (CgTestTempDir *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = NULL;
  gint64 start, elapsed;
  int fd;

  /* Sparse: a bundle start, then a hole up to 50 MB */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "<bundle>", 8), ==, 8);
  g_assert_cmpint (ftruncate (fd, 50 * 1000 * 1000), ==, 0);
  close (fd);

  start = g_get_monotonic_time ();
  bundle = load_path (path, &error);
  elapsed = g_get_monotonic_time () - start;

  g_test_message ("50 MB file refused in %.3f ms", elapsed / 1000.0);
  g_assert_null (bundle);
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_TOO_LARGE);
  /* g_format_size() puts a no-break space before the unit */
  cg_test_assert_error_message (error, path, 0, "The file is 50.0\u00a0MB, larger than the limit of 8 MiB");
  /* The issue asks for under 100 ms; allow for slow CI machines and valgrind */
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);
}

/* One byte over the cap, read for real (not sparse): refused. */
static void
test_generated_cap_plus_one (CgTestTempDir *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "over.xml", NULL);
  g_autofree char *contents = g_malloc0 (CG_BUNDLE_MAX_SIZE + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  memset (contents, ' ', CG_BUNDLE_MAX_SIZE + 1);
  g_assert_true (g_file_set_contents (path, contents, CG_BUNDLE_MAX_SIZE + 1, NULL));
  bytes = cg_bundle_read_file (file, &error);
  g_assert_null (bytes);
  g_assert_error (error, CG_FILE_READER_ERROR, CG_FILE_READER_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* At the cap exactly, it is read (and then found to be only white space) */
  g_assert_true (g_file_set_contents (path, contents, CG_BUNDLE_MAX_SIZE, NULL));
  bytes = cg_bundle_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, CG_BUNDLE_MAX_SIZE);
}

static void
test_generated_unreadable (CgTestTempDir *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CgBundle) bundle = load_path (path, &error);

  g_assert_null (bundle);
  g_assert_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_READ);
  cg_test_assert_error_message (error, path, 0, g_strerror (ENOENT));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/hostile/fixture/%s", hostile_cases[i].name);
      g_test_add_data_func (path, &hostile_cases[i], test_hostile_case);
    }

  g_test_add_func ("/hostile/odd/markup-text", test_odd_markup_text);
  g_test_add_func ("/hostile/odd/long-word", test_odd_long_word);
  g_test_add_func ("/hostile/odd/rtl-combining", test_odd_rtl_combining);
  g_test_add_func ("/hostile/odd/bom-utf8", test_odd_bom_utf8);
  g_test_add_func ("/hostile/odd/token-whitespace", test_odd_token_whitespace);
  g_test_add_func ("/hostile/odd/comment-lookalikes", test_odd_comment_lookalikes);
  g_test_add_func ("/hostile/odd/xsi-schema-location", test_odd_xsi_schema_location);

  g_test_add_func ("/hostile/generated/deep-nesting", test_generated_deep_nesting);
  g_test_add_func ("/hostile/generated/many-attributes", test_generated_many_attributes);
  g_test_add_func ("/hostile/generated/quadratic-blowup", test_generated_quadratic_blowup);
  g_test_add_func ("/hostile/generated/huge-text-node", test_generated_huge_text_node);
  g_test_add_func ("/hostile/generated/too-large-bytes", test_generated_too_large_bytes);
  g_test_add_func ("/hostile/generated/many-errors", test_generated_many_errors);
  g_test_add_func ("/hostile/generated/device", test_generated_device);
  g_test_add ("/hostile/generated/fifo", CgTestTempDir, NULL, cg_test_temp_dir_setup, test_generated_fifo, cg_test_temp_dir_teardown);
  g_test_add ("/hostile/generated/directory", CgTestTempDir, NULL, cg_test_temp_dir_setup, test_generated_directory, cg_test_temp_dir_teardown);
  g_test_add ("/hostile/generated/huge-file", CgTestTempDir, NULL, cg_test_temp_dir_setup, test_generated_huge_file, cg_test_temp_dir_teardown);
  g_test_add ("/hostile/generated/cap-plus-one", CgTestTempDir, NULL, cg_test_temp_dir_setup, test_generated_cap_plus_one, cg_test_temp_dir_teardown);
  g_test_add ("/hostile/generated/unreadable", CgTestTempDir, NULL, cg_test_temp_dir_setup, test_generated_unreadable, cg_test_temp_dir_teardown);

  return g_test_run ();
}
