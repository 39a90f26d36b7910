/* cg-fuzz-handout-set.h: what the handout-set parser must satisfy, for the fuzzer and its replay
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/fuzz/fuzz-handout-set.c runs this check on what libFuzzer makes up;
 * tests/handout/test-fuzz-handout-set.c runs it on the seed corpus and past crashes in every
 * build.
 */

#pragma once

#include <glib.h>

#include "cg-handout-set.h"
#include "cg-handout-set-parser.h"

G_BEGIN_DECLS

static inline void
cg_fuzz_assert_one_line (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
}

/* A set file parses into a set of one-line text and at most 200 sections, or is refused with
 * one line naming the file and line */
static inline void
cg_fuzz_check_handout_set (GBytes *bytes)
{
  g_autoptr(CgHandoutSet) set = g_object_new (CG_TYPE_HANDOUT_SET, NULL);
  g_autoptr(GError) error = NULL;
  const char * const *sections;
  guint n = 0;

  if (!cg_handout_set_parse (set, bytes, "fuzz.handout-set", &error))
    {
      g_assert_error (error, CG_HANDOUT_SET_ERROR, CG_HANDOUT_SET_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.handout-set:"));
      cg_fuzz_assert_one_line (error->message);
      return;
    }

  cg_fuzz_assert_one_line (cg_handout_set_get_name (set));
  g_assert_cmpuint (g_utf8_strlen (cg_handout_set_get_name (set), -1), <=, CG_HANDOUT_SET_MAX_NAME);
  sections = cg_handout_set_get_sections (set);
  for (; sections[n] != NULL; n++)
    {
      g_assert_cmpstr (sections[n], !=, "");
      cg_fuzz_assert_one_line (sections[n]);
    }
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <=, CG_HANDOUT_SET_MAX_SECTIONS);
}

G_END_DECLS
