/* test-handout-note.c: notes and clinic headers as a handout prints them
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cg-handout-note.h"

static void
test_control_characters (void)
{
  /* BEL, ESC, FF, VT, DEL, C1 (U+0085 NEL, U+009B CSI), CR of a CR LF line end */
  g_autofree char *clean = cg_handout_text_clean ("Call\a us\x1b[31m\f\v\x7f on\xc2\x85 Mon\xc2\x9b"
                                                  "day.\r\nLine 2\twith tab, café", 0);

  g_assert_cmpstr (clean, ==, "Call us[31m on Monday.\nLine 2\twith tab, café");
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *clean = cg_handout_text_clean ("caf\xe9", 0);

  g_assert_true (g_utf8_validate (clean, -1, NULL));
  g_assert_true (g_str_has_prefix (clean, "caf"));
}

/* A 40,000-character note without spaces is cut to the cap, counted in characters */
static void
test_cap (void)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *clean = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (note, "é\a");

  clean = cg_handout_text_clean (note->str, CG_HANDOUT_NOTE_MAX_CHARS);
  g_assert_cmpuint (g_utf8_strlen (clean, -1), ==, CG_HANDOUT_NOTE_MAX_CHARS);
  g_assert_cmpuint (strlen (clean), ==, 2 * CG_HANDOUT_NOTE_MAX_CHARS);
  g_assert_null (cg_handout_text_clean (NULL, 10));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handout-note/control-characters", test_control_characters);
  g_test_add_func ("/handout-note/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/handout-note/cap", test_cap);

  return g_test_run ();
}
