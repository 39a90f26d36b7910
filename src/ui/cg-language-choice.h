/* cg-language-choice.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_LANGUAGE_CHOICE (cg_language_choice_get_type())

G_DECLARE_FINAL_TYPE (CgLanguageChoice, cg_language_choice, CG, LANGUAGE_CHOICE, GObject)

CgLanguageChoice *cg_language_choice_new                 (GtkDropDown      *language,
                                                          GtkDropDown      *second_language,
                                                          CgLibrary        *library);
const char       *cg_language_choice_get_language        (CgLanguageChoice *self);
const char       *cg_language_choice_get_second_language (CgLanguageChoice *self);
void              cg_language_choice_select              (CgLanguageChoice *self,
                                                          const char       *language,
                                                          const char       *second_language);

G_END_DECLS
