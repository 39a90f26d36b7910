/* cg-test-subprocess.h: a fixture test run in a subprocess of its own
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GLib caches the XDG folders once per process, so a test that points them at folders of its
 * own runs in its own subprocess. The including file defines Fixture, fixture_set_up() and
 * fixture_tear_down().
 */

#pragma once

#include <glib.h>

static inline void
cg_test_run_in_subprocess (gconstpointer data)
{
  g_autofree char *path = g_strconcat (data, "/subprocess", NULL);

  g_test_trap_subprocess (path, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

#define ADD_TEST(path, func) \
  G_STMT_START { \
    g_test_add (path "/subprocess", Fixture, NULL, fixture_set_up, func, fixture_tear_down); \
    g_test_add_data_func (path, path, cg_test_run_in_subprocess); \
  } G_STMT_END
