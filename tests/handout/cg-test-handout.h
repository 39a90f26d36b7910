/* cg-test-handout.h: the handouts the handout tests lay out
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cg-bundle.h"
#include "cg-handout-layout.h"
#include "cg-library.h"
#include "cg-topic.h"

/* The built-in English bundle, from a library kept for the whole test program */
static inline CgBundle *
cg_test_get_english_bundle (void)
{
  static CgLibrary *library;
  g_autoptr(GError) error = NULL;
  CgBundle *bundle;

  if (library == NULL)
    library = cg_library_new ();

  bundle = cg_library_get_bundle (library, "en", &error);
  g_assert_no_error (error);

  return bundle;
}

/* Every section of the built-in content, a clinic header and a note, on a fixed date */
static inline CgHandoutLayout *
cg_test_create_full_layout (gboolean large_print)
{
  CgBundle *bundle = cg_test_get_english_bundle ();
  CgHandoutLayout *layout = cg_handout_layout_new (bundle);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 9, 10, 0, 0);

  for (guint i = 0; i < cg_bundle_get_n_topics (bundle); i++)
    {
      CgTopic *topic = cg_bundle_get_topic (bundle, i);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        cg_handout_layout_add_section (layout, cg_topic_get_section (topic, j));
    }

  cg_handout_layout_set_date (layout, date);
  cg_handout_layout_set_large_print (layout, large_print);
  cg_handout_layout_set_clinic_header (layout, "Riverside Clinic\nTelephone 0123 456789");
  cg_handout_layout_set_note (layout, "Come back in six weeks. Call us if a lump turns red.");

  return layout;
}
