/* cg-fuzz-target.h: the libFuzzer entry points every target shares
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A target includes this once and defines cg_fuzz_check_input(): what each input goes through.
 */

#pragma once

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>

#include <glib.h>

static void cg_fuzz_check_input (GBytes *bytes);

int LLVMFuzzerInitialize    (int            *argc,
                             char         ***argv);
int LLVMFuzzerTestOneInput  (const uint8_t  *data,
                             size_t          size);

/* GLib stops on a fatal message with SIGTRAP, which libFuzzer does not catch: made an abort,
 * so the input is saved as a crash */
G_NORETURN static void
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

  cg_fuzz_check_input (bytes);

  return 0;
}
