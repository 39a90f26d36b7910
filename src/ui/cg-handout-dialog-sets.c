/* cg-handout-dialog-sets.c: handout sets and Same as Last Handout in the builder
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-handout-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-handout-dialog.h"
#include "cg-handout-dialog-private.h"
#include "cg-handout-set.h"
#include "cg-last-handout.h"

/* Handout sets: the chooser applies a set the library can print; the builder keeps it while
 * the choice matches it, and names what it changed */

/* A choice made by hand that differs from the set: the chooser goes back to "None" */
void
_cg_handout_dialog_check_applied_set (CgHandoutDialog *self)
{
  g_autoptr(CgHandoutRequest) request = NULL;

  if (self->applying || self->checklist == NULL)
    return;

  request = _cg_handout_dialog_create_request (self);
  cg_handout_set_chooser_check_choice (self->set_chooser, request);
}

static void
on_set_chooser_apply_cb (CgHandoutDialog *self,
                         CgHandoutSet    *set)
{
  g_autoptr(CgHandoutRequest) before = _cg_handout_dialog_create_request (self);
  const char *language = cg_handout_set_get_language (set);
  const char *paper_name = cg_handout_set_get_paper (set);
  g_autofree char *message = NULL;
  CgPaper paper = cg_paper_get_default ();

  self->applying = TRUE;
  cg_language_choice_select (self->language_choice,
                             language != NULL ? language : cg_library_get_default_language (self->library),
                             cg_handout_set_get_second_language (set));
  if (paper_name != NULL)
    cg_paper_from_string (paper_name, &paper);
  _cg_handout_dialog_set_selected_paper (self, paper);
  gtk_switch_set_active (self->large_print_switch, cg_handout_set_get_large_print (set));
  cg_section_checklist_set_ticked (self->checklist, cg_handout_set_get_sections (set));
  self->applying = FALSE;

  /* Said, not done silently: what the set changed beyond the sections */
  message = cg_handout_set_chooser_dup_change_message (self->set_chooser, set, before);
  cg_handout_notice_show_message (self->notice, message);
  _cg_handout_dialog_update_section_availability (self);
  _cg_handout_dialog_update (self);
}

/* The builder's current choice as a set: never the note or patient fields. */
static void
on_set_chooser_fill_cb (CgHandoutDialog *self,
                        CgHandoutSet    *set)
{
  g_auto(GStrv) ids = cg_section_checklist_dup_ticked (self->checklist);

  cg_handout_set_set_sections (set, (const char * const *)ids);
  cg_handout_set_set_language (set, _cg_handout_dialog_get_handout_language (self));
  cg_handout_set_set_second_language (set, _cg_handout_dialog_get_second_language (self));
  cg_handout_set_set_large_print (set, gtk_switch_get_active (self->large_print_switch));
  cg_handout_set_set_paper (set, cg_paper_to_string (_cg_handout_dialog_get_selected_paper (self)));
}

static void
same_as_last_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CgHandoutDialog *self = CG_HANDOUT_DIALOG (widget);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(CgHandoutRequest) last = cg_last_handout_recall (self->settings, self->library, missing);
  const char *language = cg_handout_request_get_language (last);

  /* Never an empty builder without a word: what is gone is said */
  if (missing->len > 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s lists section ids of the last handout the library no longer has */
      message = g_strdup_printf (_("Left out of the last handout’s choice, no longer in the library: %s"),
                                 missing->str);
      cg_handout_notice_show_message (self->notice, message);
    }
  if (cg_handout_request_get_sections (last)[0] == NULL)
    return;

  self->applying = TRUE;
  cg_language_choice_select (self->language_choice,
                             language != NULL ? language : _cg_handout_dialog_get_handout_language (self),
                             cg_handout_request_get_second_language (last));
  gtk_switch_set_active (self->large_print_switch, cg_handout_request_get_large_print (last));
  cg_section_checklist_set_ticked (self->checklist, cg_handout_request_get_sections (last));
  self->applying = FALSE;

  cg_handout_set_chooser_select_none (self->set_chooser);
  _cg_handout_dialog_update_section_availability (self);
  _cg_handout_dialog_update (self);
}

void
_cg_handout_dialog_class_init_sets (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_set_chooser_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_set_chooser_fill_cb);

  gtk_widget_class_install_action (widget_class, "handout.same-as-last", NULL, same_as_last_action);
}
