/* fuzz-search-terms.c: libFuzzer target for the search provider's D-Bus arguments
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with -Dfuzzing=true (clang, -fsanitize=fuzzer,address,undefined); each input goes
 * through cg_fuzz_check_search_message() (cg-fuzz-search-terms.h).
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=true
 *   ninja -C build-fuzz tests/fuzz/fuzz-search-terms
 *   build-fuzz/tests/fuzz/fuzz-search-terms -max_len=65536 -max_total_time=600 \
 *     /tmp/corpus tests/fuzz/corpus-search-terms
 */

#include "config.h"

#include "cg-fuzz-search-terms.h"
#include "cg-fuzz-target.h"

static void
cg_fuzz_check_input (GBytes *bytes)
{
  cg_fuzz_check_search_message (bytes);
}
