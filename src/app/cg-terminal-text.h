/* cg-terminal-text.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

void cg_terminal_print         (FILE       *stream,
                                const char *format,
                                ...) G_GNUC_PRINTF (2, 3);
int  cg_terminal_fail          (const char *format,
                                ...) G_GNUC_PRINTF (1, 2);
int  cg_terminal_finish_stdout (int         status);
void cg_terminal_use_utf8      (void);

G_END_DECLS
