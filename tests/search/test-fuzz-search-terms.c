/* test-fuzz-search-terms.c: the seed corpus and past crashes of the fuzzer of the search provider's D-Bus arguments,
 * replayed in every build
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same check as tests/fuzz/fuzz-search-terms.c (cg-fuzz-search-terms.h), without libFuzzer: each
 * file must not crash, leak or warn (G_DEBUG=fatal-warnings). Under ASan or valgrind this is
 * the regression suite for whatever the fuzzer found.
 */

#include "config.h"

#include "fuzz/cg-fuzz-replay.h"
#include "fuzz/cg-fuzz-search-terms.h"

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The seed corpus must be there; the regressions may be none yet */
  g_assert_cmpuint (cg_fuzz_replay_add_directory ("corpus-search-terms", cg_fuzz_check_search_message), >, 0);
  cg_fuzz_replay_add_directory ("regressions-search-terms", cg_fuzz_check_search_message);

  return g_test_run ();
}
