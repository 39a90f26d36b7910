/* cg-text-scroll-reply.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean cg_text_scroll_reply_install (GtkWidget   *widget);
gboolean cg_text_scroll_reply_scroll  (GtkTextView *text_view,
                                       int          start_offset,
                                       int          end_offset);

G_END_DECLS
