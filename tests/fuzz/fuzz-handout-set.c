/* fuzz-handout-set.c: libFuzzer target for the handout-set file parser
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with -Dfuzzing=true (clang, -fsanitize=fuzzer,address,undefined); each input goes
 * through cg_fuzz_check_handout_set() (cg-fuzz-handout-set.h).
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=true
 *   ninja -C build-fuzz tests/fuzz/fuzz-handout-set
 *   build-fuzz/tests/fuzz/fuzz-handout-set -max_len=65536 -max_total_time=600 \
 *     /tmp/corpus tests/fuzz/corpus-handout-set
 */

#include "config.h"

#include "cg-fuzz-handout-set.h"
#include "cg-fuzz-target.h"

static void
cg_fuzz_check_input (GBytes *bytes)
{
  cg_fuzz_check_handout_set (bytes);
}
