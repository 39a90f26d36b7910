/* cg-handout-dialog-private.h: CgHandoutDialog's fields, for the files that make up the builder
 *
 * The builder is one class in several files (cg-handout-dialog.c, cg-handout-dialog-close.c,
 * cg-handout-dialog-panes.c and cg-handout-dialog-sets.c), as the main window is: each file
 * sees the struct here.
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cg-handout-dialog.h"
#include "cg-handout-notice.h"
#include "cg-handout-output.h"
#include "cg-handout-preview.h"
#include "cg-handout-request.h"
#include "cg-handout-set-chooser.h"
#include "cg-language-choice.h"
#include "cg-library.h"
#include "cg-narrow-watch.h"
#include "cg-section-checklist.h"

G_BEGIN_DECLS

struct _CgHandoutDialog
{
  GtkWindow             parent_instance;

  /* Template widgets */
  GtkListBox           *section_list;
  GtkDropDown          *language_dropdown;
  GtkDropDown          *second_language_dropdown;
  GtkDropDown          *paper_dropdown;
  GtkSwitch            *large_print_switch;
  GtkTextView          *clinic_view;
  GtkTextView          *note_view;
  GtkEditable          *prepared_for_entry;
  GtkEditable          *appointment_entry;
  GtkDrawingArea       *preview;
  GtkLabel             *page_count_label;
  GtkLabel             *readability_label;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkToggleButton      *preview_toggle;
  GtkWidget            *form;
  GtkWidget            *panes_separator;
  GtkWidget            *preview_column;
  GtkRevealer          *discard_revealer;
  GtkButton            *keep_editing_button;
  CgHandoutNotice      *notice;
  CgHandoutSetChooser  *set_chooser;
  GtkLabel             *note_count_label;

  /* Owned */
  CgLibrary            *library;
  GSettings            *settings;
  CgLanguageChoice     *language_choice;
  CgSectionChecklist   *checklist;
  CgHandoutPreview     *preview_pages; /* the layout made on every change, a page at a time */
  CgHandoutOutput      *output;
  char                 *current_section_id;
  GtkWindow            *parent;        /* (weak) the main window */
  CgNarrowWatch         narrow_watch;

  guint                 update_source;
  guint                 set_up : 1;    /* options changed before this are not the clinician's */
  guint                 done : 1;      /* printed or saved since the patient data last changed */
  guint                 applying : 1;  /* ticks and options set by the code, not the clinician */
  guint                 close_parent : 1; /* Discard closes the main window too */
};

/* cg-handout-dialog.c */
void               _cg_handout_dialog_show_error                (CgHandoutDialog *self,
                                                                 const char      *message);
const char        *_cg_handout_dialog_get_handout_language      (CgHandoutDialog *self);
const char        *_cg_handout_dialog_get_second_language       (CgHandoutDialog *self);
CgPaper            _cg_handout_dialog_get_selected_paper        (CgHandoutDialog *self);
void               _cg_handout_dialog_set_selected_paper        (CgHandoutDialog *self,
                                                                 CgPaper          paper);
CgHandoutRequest  *_cg_handout_dialog_create_request            (CgHandoutDialog *self);
void               _cg_handout_dialog_update                    (CgHandoutDialog *self);
void               _cg_handout_dialog_update_section_availability (CgHandoutDialog *self);
void               _cg_handout_dialog_start_fresh               (CgHandoutDialog *self);

/* cg-handout-dialog-close.c: the closing question, New Patient */
void               _cg_handout_dialog_clear_patient_data        (CgHandoutDialog *self);
void               _cg_handout_dialog_class_init_close          (GtkWidgetClass  *widget_class);

/* cg-handout-dialog-panes.c: narrow windows and the default width */
void               _cg_handout_dialog_init_panes                (CgHandoutDialog *self);
void               _cg_handout_dialog_set_default_width         (CgHandoutDialog *self);
void               _cg_handout_dialog_class_init_panes          (GtkWidgetClass  *widget_class);

/* cg-handout-dialog-sets.c: handout sets and Same as Last Handout */
void               _cg_handout_dialog_check_applied_set         (CgHandoutDialog *self);
void               _cg_handout_dialog_class_init_sets           (GtkWidgetClass  *widget_class);

G_END_DECLS
