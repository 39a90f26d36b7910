/* cg-bench-trace.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* build-aux/bench's timings, built with -Dbench_trace=true only (BENCH_TRACE in config.h):
 * other builds get these empty functions, and print nothing whatever the environment says.
 *
 * With CG_QUIT_AFTER_FIRST_FRAME set, the app prints the time of the window's first frame and
 * quits; with CG_BENCH_TRACE, it prints that time and goes on, then when the whole library is
 * searchable, and for each key typed the time until the frame showing its results is drawn. */

#if BENCH_TRACE
void cg_bench_trace_watch_window  (GtkWindow    *window,
                                   GApplication *app);
void cg_bench_trace_results_shown (GtkWidget    *window);
void cg_bench_trace_searchable    (void);
#else
static inline void cg_bench_trace_watch_window  (GtkWindow *window, GApplication *app) { }
static inline void cg_bench_trace_results_shown (GtkWidget *window) { }
static inline void cg_bench_trace_searchable    (void) { }
#endif

G_END_DECLS
