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

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>

#include "cg-fuzz-handout-set.h"

int LLVMFuzzerInitialize    (int            *argc,
                             char         ***argv);
int LLVMFuzzerTestOneInput  (const uint8_t  *data,
                             size_t          size);

/* GLib stops on a fatal message with SIGTRAP, which libFuzzer does not catch: made an abort,
 * so the input is saved as a crash */
static void
on_trap (int signum)
{
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical from a g_return_if_fail() is a bug the fuzzer should report as a crash */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  signal (SIGTRAP, on_trap);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);

  cg_fuzz_check_handout_set (bytes);

  return 0;
}
