/* cg-command-line.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit status of a command-line action that was given bad input: 0 and 1 answer the question
 * asked (valid or not, hits or none), 2 says the question itself was wrong. */
#define CG_EXIT_BAD_INPUT 2

const GOptionEntry *cg_command_line_get_entries (void);
int                 cg_command_line_run         (GVariantDict *options);

G_END_DECLS
