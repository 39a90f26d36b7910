/* fuzz-bundle-loader.c: libFuzzer target for the content bundle loader
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with -Dfuzzing=true (clang, -fsanitize=fuzzer,address,undefined). Each input goes
 * through cg_fuzz_check_bytes() (cg-fuzz-check.h): both entry points that see untrusted bytes,
 * and a bundle that loads is walked in full, so a model built from odd input is read as the
 * window and handouts would read it.
 *
 *   CC=clang meson setup build-fuzz -Dfuzzing=true
 *   ninja -C build-fuzz tests/fuzz/fuzz-bundle-loader
 *   build-fuzz/tests/fuzz/fuzz-bundle-loader -dict=tests/fuzz/bundle.dict \
 *     -max_len=65536 -max_total_time=600 /tmp/corpus tests/fuzz/corpus
 */

#include "config.h"

#include "cg-fuzz-check.h"
#include "cg-fuzz-target.h"

static void
cg_fuzz_check_input (GBytes *bytes)
{
  cg_fuzz_check_bytes (bytes, "fuzz.xml");
}
