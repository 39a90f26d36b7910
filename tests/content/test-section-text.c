/* test-section-text.c: a section as the text Copy Section gives and the lines a reading-level
 * estimate reads
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-section.h"
#include "cg-section-text.h"
#include "cg-topic.h"

/* Not medical text: the formatter's job is the layout around the words */
static const char bundle_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<bundle format=\"1\" lang=\"en\">\n"
  "  <provenance><source>Clinic</source><content-version>1</content-version></provenance>\n"
  "  <topic id=\"visits\">\n"
  "    <title>Visits</title>\n"
  "    <section id=\"opening-hours\">\n"
  "      <title>Opening hours</title>\n"
  "      <p>The clinic opens on weekdays.</p>\n"
  "      <p>Bring:</p>\n"
  "      <list><item>your card</item><item>your letters</item><item>a friend</item></list>\n"
  "      <list><item>a second list</item></list>\n"
  "      <p>Parking is free.</p>\n"
  "    </section>\n"
  "  </topic>\n"
  "</bundle>\n";

static CgSection *
load_section (CgBundle **bundle)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (bundle_xml, sizeof bundle_xml - 1);
  g_autoptr(GError) error = NULL;

  *bundle = cg_bundle_load_bytes (bytes, "visits.xml", &error);
  g_assert_no_error (error);

  return cg_topic_get_section (cg_bundle_get_topic (*bundle, 0), 0);
}

static void
test_section_text_copy (void)
{
  g_autoptr(CgBundle) bundle = NULL;
  CgSection *section = load_section (&bundle);
  g_autofree char *text = cg_section_text_format (section, CG_SECTION_TEXT_COPY);

  /* Heading, blank lines between blocks (two lists apart too), one line a list item */
  g_assert_cmpstr (text, ==,
                   "Opening hours\n"
                   "\n"
                   "The clinic opens on weekdays.\n"
                   "\n"
                   "Bring:\n"
                   "\n"
                   "• your card\n"
                   "• your letters\n"
                   "• a friend\n"
                   "\n"
                   "• a second list\n"
                   "\n"
                   "Parking is free.");
}

static void
test_section_text_lines (void)
{
  g_autoptr(CgBundle) bundle = NULL;
  CgSection *section = load_section (&bundle);
  g_autofree char *text = cg_section_text_format (section, CG_SECTION_TEXT_LINES);
  g_autofree char *dup = cg_section_dup_text (section);

  g_assert_cmpstr (text, ==,
                   "The clinic opens on weekdays.\n"
                   "Bring:\n"
                   "your card\n"
                   "your letters\n"
                   "a friend\n"
                   "a second list\n"
                   "Parking is free.\n");
  g_assert_cmpstr (dup, ==, text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/section-text/copy", test_section_text_copy);
  g_test_add_func ("/section-text/lines", test_section_text_lines);

  return g_test_run ();
}
