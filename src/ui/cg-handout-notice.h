/* cg-handout-notice.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_HANDOUT_NOTICE (cg_handout_notice_get_type())

G_DECLARE_FINAL_TYPE (CgHandoutNotice, cg_handout_notice, CG, HANDOUT_NOTICE, GtkWidget)

void        cg_handout_notice_show_saved     (CgHandoutNotice *self,
                                              GFile           *file,
                                              const char      *chart_line);
void        cg_handout_notice_show_printed   (CgHandoutNotice *self,
                                              const char      *printer,
                                              guint            n_pages,
                                              const char      *chart_line);
void        cg_handout_notice_show_message   (CgHandoutNotice *self,
                                              const char      *message);
void        cg_handout_notice_dismiss        (CgHandoutNotice *self);
const char *cg_handout_notice_get_message    (CgHandoutNotice *self);
const char *cg_handout_notice_get_chart_line (CgHandoutNotice *self);

G_END_DECLS
