/* test-content-history.c: Back and Forward return to the line being read, not only the section
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cg-content-history.h"

typedef struct
{
  CgTopic   *topic;
  CgSection *sections[3];
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->topic = cg_topic_new ("topic", "Topic");
  for (guint i = 0; i < G_N_ELEMENTS (fixture->sections); i++)
    {
      g_autofree char *id = g_strdup_printf ("section-%u", i);

      fixture->sections[i] = cg_section_new (id, id, 1);
    }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture->sections); i++)
    g_clear_object (&fixture->sections[i]);
  g_clear_object (&fixture->topic);
}

static CgContentPlace *
place (Fixture *fixture,
       guint    section,
       int      caret)
{
  return cg_content_place_new (fixture->topic, fixture->sections[section], caret, caret - 10);
}

/* Read in section 0 at character 120, went to 1, read to 250, went to 2: Back gives 250 in
 * section 1, Back again 120 in section 0, Forward 250 again */
static void
test_history_caret (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CgContentHistory) history = cg_content_history_new (10);
  g_autoptr(CgContentPlace) back = NULL;
  g_autoptr(CgContentPlace) back_again = NULL;
  g_autoptr(CgContentPlace) forward = NULL;

  g_assert_false (cg_content_history_get_can_go_back (history));
  cg_content_history_push (history, place (fixture, 0, 120));
  cg_content_history_push (history, place (fixture, 1, 250));
  g_assert_true (cg_content_history_get_can_go_back (history));
  g_assert_false (cg_content_history_get_can_go_forward (history));

  back = cg_content_history_go_back (history, place (fixture, 2, 400));
  g_assert_nonnull (back);
  g_assert_true (back->section == fixture->sections[1]);
  g_assert_cmpint (back->caret_offset, ==, 250);
  g_assert_cmpint (back->top_offset, ==, 240);
  g_assert_true (cg_content_history_get_can_go_forward (history));

  back_again = cg_content_history_go_back (history, place (fixture, 1, back->caret_offset));
  g_assert_true (back_again->section == fixture->sections[0]);
  g_assert_cmpint (back_again->caret_offset, ==, 120);
  g_assert_false (cg_content_history_get_can_go_back (history));
  g_assert_null (cg_content_history_go_back (history, place (fixture, 0, 120)));

  forward = cg_content_history_go_forward (history, place (fixture, 0, 130));
  g_assert_true (forward->section == fixture->sections[1]);
  g_assert_cmpint (forward->caret_offset, ==, 250);
}

/* A new place after going back forgets the places ahead; the oldest go past the limit */
static void
test_history_limits (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CgContentHistory) history = cg_content_history_new (2);
  g_autoptr(CgContentPlace) back = NULL;
  g_autoptr(CgContentPlace) oldest = NULL;

  cg_content_history_push (history, place (fixture, 0, 100));
  cg_content_history_push (history, place (fixture, 1, 200));
  cg_content_history_push (history, place (fixture, 2, 300));

  back = cg_content_history_go_back (history, place (fixture, 0, 50));
  g_assert_cmpint (back->caret_offset, ==, 300);
  cg_content_history_push (history, place (fixture, 2, 310));
  g_assert_false (cg_content_history_get_can_go_forward (history));

  /* Two places kept: 310, then 200; 100 is gone */
  g_clear_pointer (&back, cg_content_place_free);
  back = cg_content_history_go_back (history, place (fixture, 0, 0));
  oldest = cg_content_history_go_back (history, place (fixture, 2, 310));
  g_assert_cmpint (back->caret_offset, ==, 310);
  g_assert_cmpint (oldest->caret_offset, ==, 200);
  g_assert_false (cg_content_history_get_can_go_back (history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/content-history/caret", Fixture, NULL, fixture_setup, test_history_caret, fixture_teardown);
  g_test_add ("/content-history/limits", Fixture, NULL, fixture_setup, test_history_limits, fixture_teardown);

  return g_test_run ();
}
