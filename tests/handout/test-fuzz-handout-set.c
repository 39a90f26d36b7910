/* test-fuzz-handout-set.c: the seed corpus and past crashes of the fuzzer of the handout-set parser,
 * replayed in every build
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same check as tests/fuzz/fuzz-handout-set.c (cg-fuzz-handout-set.h), without libFuzzer: each
 * file must not crash, leak or warn (G_DEBUG=fatal-warnings). Under ASan or valgrind this is
 * the regression suite for whatever the fuzzer found.
 */

#include "config.h"

#include "fuzz/cg-fuzz-replay.h"
#include "fuzz/cg-fuzz-handout-set.h"

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The seed corpus must be there; the regressions may be none yet */
  g_assert_cmpuint (cg_fuzz_replay_add_directory ("corpus-handout-set", cg_fuzz_check_handout_set), >, 0);
  cg_fuzz_replay_add_directory ("regressions-handout-set", cg_fuzz_check_handout_set);

  return g_test_run ();
}
