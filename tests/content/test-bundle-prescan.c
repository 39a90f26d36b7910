/* test-bundle-prescan.c: the checks of a bundle's bytes before libxml2, and the report they
 * fill, on their own: every bad line found, declarations caught however hidden, each limit
 * reported once where it is crossed, messages made safe to show and capped
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-bundle-prescan.h"
#include "cg-bundle-report.h"

typedef struct
{
  GPtrArray      *diagnostics;
  CgBundleReport  report;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify)cg_bundle_diagnostic_free);
  fixture->report.diagnostics = fixture->diagnostics;
  fixture->report.n_dropped = 0;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_ptr_array_unref (fixture->diagnostics);
}

static const CgBundleDiagnostic *
diagnostic_at (Fixture *fixture,
               guint    index)
{
  g_assert_cmpuint (index, <, fixture->diagnostics->len);
  return g_ptr_array_index (fixture->diagnostics, index);
}

static void
assert_diagnostic (Fixture       *fixture,
                   guint          index,
                   CgBundleError  code,
                   guint          line)
{
  const CgBundleDiagnostic *diagnostic = diagnostic_at (fixture, index);

  g_assert_cmpint (diagnostic->code, ==, code);
  g_assert_cmpuint (diagnostic->line, ==, line);
  g_assert_cmpstr (diagnostic->message, !=, "");
}

static gboolean
prescan_encoding (Fixture    *fixture,
                  const char *data,
                  gsize       len)
{
  return cg_bundle_prescan_encoding (data, len, &fixture->report);
}

static gboolean
prescan_markup (Fixture    *fixture,
                const char *data)
{
  return cg_bundle_prescan_markup (data, strlen (data), &fixture->report);
}

static void
test_prescan_encoding_every_line (Fixture       *fixture,
                                  gconstpointer  data)
{
  /* Latin-1 é on lines 2 and 4 (twice on line 4: one report per line), a NUL on line 5 */
  static const char bytes[] = "<bundle>\ncaf\xE9\nok\n\xE9t\xE9\n<p>\0</p>\n</bundle>\n";

  g_assert_false (prescan_encoding (fixture, bytes, sizeof bytes - 1));
  g_assert_cmpuint (fixture->diagnostics->len, ==, 3);
  assert_diagnostic (fixture, 0, CG_BUNDLE_ERROR_ENCODING, 2);
  assert_diagnostic (fixture, 1, CG_BUNDLE_ERROR_ENCODING, 4);
  g_assert_nonnull (strstr (diagnostic_at (fixture, 1)->message, "0xE9"));
  assert_diagnostic (fixture, 2, CG_BUNDLE_ERROR_ENCODING, 5);
  g_assert_nonnull (strstr (diagnostic_at (fixture, 2)->message, "NUL"));
}

static void
test_prescan_encoding_wide (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char utf16le[] = "<\0?\0x\0m\0l\0";

  g_assert_false (prescan_encoding (fixture, utf16le, sizeof utf16le - 1));
  g_assert_cmpuint (fixture->diagnostics->len, ==, 1);
  assert_diagnostic (fixture, 0, CG_BUNDLE_ERROR_ENCODING, 1);
  g_assert_nonnull (strstr (diagnostic_at (fixture, 0)->message, "UTF-16 (little-endian)"));
}

static void
test_prescan_encoding_blank (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char bom_and_space[] = "\xEF\xBB\xBF \n\t\n";
  static const char bom_and_bundle[] = "\xEF\xBB\xBF<bundle/>";

  g_assert_false (prescan_encoding (fixture, "", 0));
  g_assert_false (prescan_encoding (fixture, bom_and_space, sizeof bom_and_space - 1));
  g_assert_cmpuint (fixture->diagnostics->len, ==, 2);
  assert_diagnostic (fixture, 0, CG_BUNDLE_ERROR_EMPTY, 0);
  assert_diagnostic (fixture, 1, CG_BUNDLE_ERROR_EMPTY, 0);

  g_assert_true (prescan_encoding (fixture, bom_and_bundle, sizeof bom_and_bundle - 1));
  g_assert_cmpuint (fixture->diagnostics->len, ==, 2);
}

static void
test_prescan_markup_declarations (Fixture       *fixture,
                                  gconstpointer  data)
{
  /* Declarations spelled inside a comment, CDATA or a processing instruction are text */
  static const char hidden[] =
    "<?xml version=\"1.0\"?>\n"
    "<!-- <!DOCTYPE bundle> -->\n"
    "<bundle><p><![CDATA[<!ENTITY x \"y\">]]></p><?pi <!DOCTYPE a> ?></bundle>\n";
  /* One message for the declaration, not one per entity inside it */
  static const char declared[] =
    "<?xml version=\"1.0\"?>\n"
    "\n"
    "<!DOCTYPE bundle [\n"
    "  <!ENTITY a \"aa\">\n"
    "  <!ENTITY b \"&a;&a;\">\n"
    "]>\n"
    "<bundle/>\n";

  g_assert_true (prescan_markup (fixture, hidden));
  g_assert_cmpuint (fixture->diagnostics->len, ==, 0);

  g_assert_false (prescan_markup (fixture, declared));
  g_assert_cmpuint (fixture->diagnostics->len, ==, 1);
  assert_diagnostic (fixture, 0, CG_BUNDLE_ERROR_DOCTYPE, 3);
}

static void
test_prescan_markup_limits (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GString) deep = g_string_new ("<bundle>\n");
  g_autoptr(GString) attributes = g_string_new ("<bundle>\n\n<p");

  /* Depth CG_BUNDLE_MAX_DEPTH is allowed: <bundle> and CG_BUNDLE_MAX_DEPTH - 1 more */
  for (guint i = 1; i < CG_BUNDLE_MAX_DEPTH; i++)
    g_string_append (deep, "<p>");
  g_assert_true (prescan_markup (fixture, deep->str));
  g_assert_cmpuint (fixture->diagnostics->len, ==, 0);

  /* Crossed on line 3, reported there only, however much deeper it goes */
  g_string_append (deep, "\n<p><p><p>\n<p>");
  g_assert_false (prescan_markup (fixture, deep->str));
  g_assert_cmpuint (fixture->diagnostics->len, ==, 1);
  assert_diagnostic (fixture, 0, CG_BUNDLE_ERROR_LIMIT, 3);

  /* "=" inside a quoted value is not an attribute */
  for (guint i = 0; i < CG_BUNDLE_MAX_ATTRIBUTES; i++)
    g_string_append_printf (attributes, " a%u=\"x=y\"", i);
  g_string_append (attributes, "/>");
  g_assert_true (prescan_markup (fixture, attributes->str));
  g_assert_cmpuint (fixture->diagnostics->len, ==, 1);

  g_string_insert (attributes, attributes->len - 2, " one='more'");
  g_assert_false (prescan_markup (fixture, attributes->str));
  g_assert_cmpuint (fixture->diagnostics->len, ==, 2);
  assert_diagnostic (fixture, 1, CG_BUNDLE_ERROR_LIMIT, 3);
}

static void
test_report_sanitizes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *long_value = g_strnfill (1000, 'x');
  const CgBundleDiagnostic *diagnostic;

  /* Control characters become one space; a bidi override cannot reorder what follows */
  cg_bundle_report_add (&fixture->report, CG_BUNDLE_ERROR_MALFORMED, 7, "a\n\tb \x1B[31m%s", "\xE2\x80\xAE" "lmx.evil");
  diagnostic = diagnostic_at (fixture, 0);
  g_assert_cmpstr (diagnostic->message, ==, "a b [31m\xEF\xBF\xBDlmx.evil");
  g_assert_cmpuint (diagnostic->line, ==, 7);

  /* Bad UTF-8 made valid; long values cut, and the cut shown */
  cg_bundle_report_add (&fixture->report, CG_BUNDLE_ERROR_SCHEMA, 1, "%s \xFF", long_value);
  diagnostic = diagnostic_at (fixture, 1);
  g_assert_true (g_utf8_validate (diagnostic->message, -1, NULL));
  g_assert_true (g_str_has_suffix (diagnostic->message, "…"));
  g_assert_cmpuint (g_utf8_strlen (diagnostic->message, -1), ==, 241);
}

static void
test_report_caps (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint i = 1; i <= 130; i++)
    cg_bundle_report_add (&fixture->report, CG_BUNDLE_ERROR_SCHEMA, i, "problem %u", i);

  g_assert_cmpuint (fixture->diagnostics->len, ==, 100);
  g_assert_cmpuint (fixture->report.n_dropped, ==, 30);
  g_assert_cmpstr (diagnostic_at (fixture, 99)->message, ==, "problem 100");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/bundle-prescan/encoding/every-line", test_prescan_encoding_every_line);
  ADD ("/bundle-prescan/encoding/wide", test_prescan_encoding_wide);
  ADD ("/bundle-prescan/encoding/blank", test_prescan_encoding_blank);
  ADD ("/bundle-prescan/markup/declarations", test_prescan_markup_declarations);
  ADD ("/bundle-prescan/markup/limits", test_prescan_markup_limits);
  ADD ("/bundle-prescan/report/sanitizes", test_report_sanitizes);
  ADD ("/bundle-prescan/report/caps", test_report_caps);

#undef ADD

  return g_test_run ();
}
