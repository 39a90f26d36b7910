/* cg-atspi-bus.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CG_TYPE_ATSPI_BUS (cg_atspi_bus_get_type ())

G_DECLARE_FINAL_TYPE (CgAtspiBus, cg_atspi_bus, CG, ATSPI_BUS, GObject)

CgAtspiBus *cg_atspi_bus_get_for_display (GdkDisplay  *display);
gboolean    cg_atspi_bus_get_joined      (CgAtspiBus  *self);
void        cg_atspi_bus_quiet_name      (CgAtspiBus  *self,
                                          const char  *name);
void        cg_atspi_bus_quiet_next_description
                                         (CgAtspiBus  *self,
                                          const char  *description);
void        cg_atspi_bus_quiet_next_caret_move
                                         (CgAtspiBus  *self,
                                          int          offset);
gboolean    cg_atspi_bus_scroll_text     (GtkTextView *text_view,
                                          int          start_offset,
                                          int          end_offset);

G_END_DECLS
