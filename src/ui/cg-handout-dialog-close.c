/* cg-handout-dialog-close.c: the builder's closing question (Discard / Keep Editing) and New Patient
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-handout-dialog"

#include "config.h"

#include "cg-handout-dialog.h"
#include "cg-handout-dialog-private.h"

void
_cg_handout_dialog_clear_patient_data (CgHandoutDialog *self)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", 0);
  gtk_editable_set_text (self->prepared_for_entry, "");
  gtk_editable_set_text (self->appointment_entry, "");
}

static gboolean
has_unused_patient_data (CgHandoutDialog *self)
{
  g_autoptr(CgHandoutRequest) request = NULL;

  if (self->done)
    return FALSE;

  request = _cg_handout_dialog_create_request (self);

  return cg_handout_request_has_patient_data (request);
}

/* New Patient: nothing of the last patient stays, and the choices start again */
static void
new_patient_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CgHandoutDialog *self = CG_HANDOUT_DIALOG (widget);

  _cg_handout_dialog_clear_patient_data (self);
  self->done = FALSE;
  self->close_parent = FALSE;
  gtk_revealer_set_reveal_child (self->discard_revealer, FALSE);
  cg_handout_notice_dismiss (self->notice);
  _cg_handout_dialog_show_error (self, NULL);
  _cg_handout_dialog_start_fresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->prepared_for_entry));
}

/* Closing: nothing of the patient outlives the window */

static gboolean
on_close_request_cb (CgHandoutDialog *self)
{
  /* Patient data typed and never printed or saved would be lost for good: ask first */
  if (has_unused_patient_data (self))
    {
      gtk_revealer_set_reveal_child (self->discard_revealer, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->keep_editing_button));
      return TRUE;
    }

  _cg_handout_dialog_clear_patient_data (self);
  cg_handout_notice_dismiss (self->notice);
  gtk_revealer_set_reveal_child (self->discard_revealer, FALSE);

  return FALSE;
}

static void
on_keep_editing_clicked_cb (CgHandoutDialog *self)
{
  self->close_parent = FALSE;
  gtk_revealer_set_reveal_child (self->discard_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
on_discard_clicked_cb (CgHandoutDialog *self)
{
  g_autoptr(GtkWindow) parent = self->close_parent && self->parent != NULL
                                ? g_object_ref (self->parent) : NULL;

  _cg_handout_dialog_clear_patient_data (self);
  gtk_window_close (GTK_WINDOW (self));
  /* Asked while closing the main window or quitting: that goes on now */
  if (parent != NULL)
    gtk_window_close (parent);
}

/**
 * cg_handout_dialog_close_with_parent:
 *
 * The main window is closing, or the application quitting: the builder closes too. If a
 * note or patient field was typed and never printed or saved, it asks first (Discard / Keep
 * Editing, focused); Discard then closes the main window as well.
 *
 * Returns: %TRUE if the builder is asking, and the main window must stay open for now
 */
gboolean
cg_handout_dialog_close_with_parent (CgHandoutDialog *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_DIALOG (self), FALSE);

  if (has_unused_patient_data (self))
    {
      self->close_parent = TRUE;
      gtk_window_present (GTK_WINDOW (self));
      on_close_request_cb (self);
      return TRUE;
    }

  gtk_window_close (GTK_WINDOW (self));

  return FALSE;
}

/* Esc answers the question "Keep editing" rather than asking it again. */
static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgHandoutDialog *self = CG_HANDOUT_DIALOG (widget);

  if (gtk_revealer_get_reveal_child (self->discard_revealer))
    on_keep_editing_clicked_cb (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

void
_cg_handout_dialog_class_init_close (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_editing_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_discard_clicked_cb);

  gtk_widget_class_install_action (widget_class, "handout.new-patient", NULL, new_patient_action);
  gtk_widget_class_install_action (widget_class, "handout.escape", NULL, escape_action);
}
