/* cg-handout-layout.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cg-handout-paginate.h"
#include "cg-output-file.h"
#include "cg-paper.h"
#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_HANDOUT_LAYOUT (cg_handout_layout_get_type())

G_DECLARE_FINAL_TYPE (CgHandoutLayout, cg_handout_layout, CG, HANDOUT_LAYOUT, GObject)

CgHandoutLayout *cg_handout_layout_new               (CgBundle         *bundle);
gboolean         cg_handout_layout_add_section       (CgHandoutLayout  *self,
                                                      CgSection        *section);
void             cg_handout_layout_set_second_language (CgHandoutLayout *self,
                                                      CgBundle         *bundle);
gboolean         cg_handout_layout_add_bilingual_section (CgHandoutLayout *self,
                                                      CgSection        *section,
                                                      CgSection        *second);
void             cg_handout_layout_set_note          (CgHandoutLayout  *self,
                                                      const char       *note);
void             cg_handout_layout_set_patient       (CgHandoutLayout  *self,
                                                      const char       *prepared_for,
                                                      const char       *next_appointment);
void             cg_handout_layout_set_clinic_header (CgHandoutLayout  *self,
                                                      const char       *clinic_header);
void             cg_handout_layout_set_large_print   (CgHandoutLayout  *self,
                                                      gboolean          large_print);
void             cg_handout_layout_set_paper         (CgHandoutLayout  *self,
                                                      CgPaper           paper);
CgPaper          cg_handout_layout_get_paper         (CgHandoutLayout  *self);
void             cg_handout_layout_set_date          (CgHandoutLayout  *self,
                                                      GDateTime        *date);
guint            cg_handout_layout_paginate          (CgHandoutLayout  *self,
                                                      double            width,
                                                      double            height);
guint            cg_handout_layout_get_n_pages       (CgHandoutLayout  *self);
CgPaginate      *cg_handout_layout_get_pagination    (CgHandoutLayout  *self);
void             cg_handout_layout_draw_page         (CgHandoutLayout  *self,
                                                      cairo_t          *cr,
                                                      guint             page);
char            *cg_handout_layout_dup_page_text     (CgHandoutLayout  *self,
                                                      guint             page);
gboolean         cg_handout_layout_write_pdf         (CgHandoutLayout  *self,
                                                      CgOutputFile     *output,
                                                      GError          **error);
gboolean         cg_handout_layout_export_pdf        (CgHandoutLayout  *self,
                                                      const char       *path,
                                                      GError          **error);

char            *cg_handout_format_date              (CgBundle         *bundle,
                                                      GDateTime        *date);

G_END_DECLS
