/* cg-handout-dialog.c: the handout builder, what a clinician fills in at the end of a visit
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One patient at a time: every builder starts fresh (the section in view, the clinic's
 * handout language, normal print, no note), and the last handout is offered by "Same as Last
 * Handout", never applied by itself. The widgets fill a CgHandoutRequest on every change; the
 * preview, the print operation, the PDF, its file name and the chart line all come from that
 * request.
 *
 * The note, "Prepared for" and "Next appointment" are patient data: they live in the widgets
 * and the request only, never in settings, files or logs except the handout asked for. They
 * are cleared when the window closes — after asking, unless the handout was printed or saved
 * since they last changed — and by New Patient. Closing the main window or quitting closes
 * the builder the same way (cg_handout_dialog_close_with_parent()).
 *
 * The builder is a window of its own, not modal, so the guide stays readable while the note
 * is written; the main window keeps one builder and raises it again.
 *
 * The closing question and New Patient are in cg-handout-dialog-close.c, the panes and the
 * default width in cg-handout-dialog-panes.c, handout sets and Same as Last Handout in
 * cg-handout-dialog-sets.c.
 */

#define G_LOG_DOMAIN "cg-handout-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-bundle.h"
#include "cg-chart-line.h"
#include "cg-handout-dialog.h"
#include "cg-handout-dialog-private.h"
#include "cg-handout-layout.h"
#include "cg-handout-note.h"
#include "cg-handout-notice.h"
#include "cg-handout-output.h"
#include "cg-handout-request.h"
#include "cg-handout-set.h"
#include "cg-handout-set-chooser.h"
#include "cg-language-choice.h"
#include "cg-last-handout.h"
#include "cg-library.h"
#include "cg-reading-level.h"
#include "cg-narrow-watch.h"
#include "cg-handout-preview.h"
#include "cg-section-checklist.h"

/* Typing in the note should not re-lay out the handout on every key; a tick should show at
 * once. */
#define UPDATE_DELAY_MS 150

G_DEFINE_FINAL_TYPE (CgHandoutDialog, cg_handout_dialog, GTK_TYPE_WINDOW)

void
_cg_handout_dialog_show_error (CgHandoutDialog *self,
                               const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* The drop-downs report changes while their models are set, before the choice exists */
const char *
_cg_handout_dialog_get_handout_language (CgHandoutDialog *self)
{
  return self->language_choice != NULL ? cg_language_choice_get_language (self->language_choice)
                                       : cg_library_get_default_language (self->library);
}

/* (nullable): the second language of a bilingual handout */
const char *
_cg_handout_dialog_get_second_language (CgHandoutDialog *self)
{
  return self->language_choice != NULL
         ? cg_language_choice_get_second_language (self->language_choice) : NULL;
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The paper drop-down's items, in the order of ui/cg-handout-dialog.ui */
static const CgPaper paper_items[] = { CG_PAPER_A4, CG_PAPER_LETTER };

CgPaper
_cg_handout_dialog_get_selected_paper (CgHandoutDialog *self)
{
  guint position = gtk_drop_down_get_selected (self->paper_dropdown);

  return position < G_N_ELEMENTS (paper_items) ? paper_items[position] : CG_PAPER_A4;
}

void
_cg_handout_dialog_set_selected_paper (CgHandoutDialog *self,
                                       CgPaper          paper)
{
  for (guint i = 0; i < G_N_ELEMENTS (paper_items); i++)
    if (paper_items[i] == paper)
      gtk_drop_down_set_selected (self->paper_dropdown, i);
}

/* The handout the widgets show now */
CgHandoutRequest *
_cg_handout_dialog_create_request (CgHandoutDialog *self)
{
  CgHandoutRequest *request = cg_handout_request_new ();
  g_auto(GStrv) ids = cg_section_checklist_dup_ticked (self->checklist);
  g_autofree char *note = dup_buffer_text (self->note_view);
  g_autofree char *clinic = dup_buffer_text (self->clinic_view);

  cg_handout_request_set_sections (request, (const char * const *)ids);
  cg_handout_request_set_language (request, _cg_handout_dialog_get_handout_language (self));
  cg_handout_request_set_second_language (request, _cg_handout_dialog_get_second_language (self));
  cg_handout_request_set_large_print (request, gtk_switch_get_active (self->large_print_switch));
  cg_handout_request_set_paper (request, _cg_handout_dialog_get_selected_paper (self));
  cg_handout_request_set_clinic_header (request, clinic);
  cg_handout_request_set_note (request, note);
  cg_handout_request_set_prepared_for (request, gtk_editable_get_text (self->prepared_for_entry));
  cg_handout_request_set_next_appointment (request, gtk_editable_get_text (self->appointment_entry));
  if (cg_handout_set_chooser_get_applied (self->set_chooser) != NULL)
    cg_handout_request_set_set_name (request,
                                     cg_handout_set_get_name (cg_handout_set_chooser_get_applied (self->set_chooser)));

  return request;
}

static void
update_page_actions (CgHandoutDialog *self)
{
  guint page = cg_handout_preview_get_page (self->preview_pages);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.previous-page", page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.next-page",
                                 page + 1 < cg_handout_preview_get_n_pages (self->preview_pages));
}

static void
turn_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CgHandoutDialog *self = CG_HANDOUT_DIALOG (widget);

  cg_handout_preview_turn_page (self->preview_pages,
                                g_str_equal (action_name, "handout.next-page") ? 1 : -1);
  update_page_actions (self);
}

/* The focus lands on a drop-down's inner button, which GTK 4.8 leaves unnamed. Orca says the
 * drop-down's own name first ("Paper combo box"); the button says the choice ("A4"), so the
 * name is not heard twice. */
static void
on_drop_down_selected_item_cb (GtkDropDown *dropdown)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
  gpointer item = gtk_drop_down_get_selected_item (dropdown);

  if (GTK_IS_TOGGLE_BUTTON (button) && GTK_IS_STRING_OBJECT (item))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_string_object_get_string (item),
                                    -1);
}

/* GTK 4.8 names a button with a mnemonic by its raw label and its text ("_Print… Print…");
 * without the label property, the text alone names it. */
static void
reset_mnemonic_button_labels (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    reset_mnemonic_button_labels (child);
}

static void
name_drop_down_button (GtkDropDown *dropdown)
{
  g_signal_connect (dropdown, "notify::selected-item", G_CALLBACK (on_drop_down_selected_item_cb), NULL);
  on_drop_down_selected_item_cb (dropdown);
}

/* Below the sections: the app cannot simplify the built-in text (shown when a section of it is
 * harder than the target) */
static void
update_verbatim_notice (CgHandoutDialog *self,
                        gboolean         above_target)
{
  GtkWidget *list = GTK_WIDGET (self->section_list);
  GtkWidget *notice = g_object_get_data (G_OBJECT (list), "verbatim-notice");

  if (notice == NULL)
    {
      notice = gtk_label_new (cg_readability_verbatim_notice ());
      gtk_label_set_wrap (GTK_LABEL (notice), TRUE);
      gtk_label_set_xalign (GTK_LABEL (notice), 0);
      gtk_widget_insert_after (notice, gtk_widget_get_parent (list), list);
      g_object_set_data (G_OBJECT (list), "verbatim-notice", notice);
    }
  gtk_widget_set_visible (notice, above_target);
}

void
_cg_handout_dialog_update (CgHandoutDialog *self)
{
  g_autoptr(CgHandoutRequest) request = _cg_handout_dialog_create_request (self);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(CgReadingLevel) level = cg_reading_level_new (_cg_handout_dialog_get_handout_language (self));
  g_autoptr(CgHandoutLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->update_source, g_source_remove);

  if (!(layout = cg_handout_request_create_layout (request, self->library, level, &error)))
    {
      _cg_handout_dialog_show_error (self, error->message);
      return;
    }

  cg_handout_preview_set_layout (self->preview_pages, layout, level);
  cg_section_checklist_show_levels (self->checklist, level);
  update_verbatim_notice (self, cg_reading_level_is_verbatim_above_target (level));
  update_page_actions (self);

  sections = cg_handout_request_list_sections (request, self->library);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.print", sections->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.save-pdf", sections->len > 0);
}

static gboolean
update_timeout_cb (gpointer data)
{
  CgHandoutDialog *self = data;

  self->update_source = 0;
  _cg_handout_dialog_update (self);

  return G_SOURCE_REMOVE;
}

static void
queue_update (CgHandoutDialog *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  self->update_source = g_timeout_add (UPDATE_DELAY_MS, update_timeout_cb, self);
}

static void
on_option_changed_cb (CgHandoutDialog *self)
{
  _cg_handout_dialog_check_applied_set (self);
  queue_update (self);
}

void
_cg_handout_dialog_update_section_availability (CgHandoutDialog *self)
{
  if (self->checklist != NULL)
    cg_section_checklist_update_availability (self->checklist, self->library,
                                              _cg_handout_dialog_get_handout_language (self),
                                              _cg_handout_dialog_get_second_language (self));
}

static void
on_second_language_changed_cb (CgHandoutDialog *self)
{
  _cg_handout_dialog_update_section_availability (self);
  on_option_changed_cb (self);
}

static void
on_language_changed_cb (CgHandoutDialog *self)
{
  _cg_handout_dialog_show_error (self, NULL);
  _cg_handout_dialog_update_section_availability (self);
  if (self->checklist != NULL)
    {
      _cg_handout_dialog_check_applied_set (self);
      _cg_handout_dialog_update (self);
    }
}

static void
on_sections_changed_cb (CgHandoutDialog *self)
{
  _cg_handout_dialog_check_applied_set (self);
  _cg_handout_dialog_update (self);
}

/* The note or a patient field changed: the handout must be made again before closing
 * without asking */
static void
on_patient_data_changed_cb (CgHandoutDialog *self)
{
  self->done = FALSE;
  queue_update (self);
}

static void
on_note_changed_cb (CgHandoutDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  int n_chars = gtk_text_buffer_get_char_count (buffer);
  g_autofree char *count = NULL;

  if (n_chars > CG_HANDOUT_NOTE_MAX_CHARS)
    {
      GtkTextIter start, end;

      /* Re-enters this handler once, with the note at the cap */
      gtk_text_buffer_get_iter_at_offset (buffer, &start, CG_HANDOUT_NOTE_MAX_CHARS);
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_delete (buffer, &start, &end);
      gtk_widget_error_bell (GTK_WIDGET (self->note_view));
      return;
    }

  /* Translators: characters used in the note, of the most it takes, e.g. “120 / 2000” */
  count = g_strdup_printf (_("%d / %d"), n_chars, CG_HANDOUT_NOTE_MAX_CHARS);
  gtk_label_set_text (self->note_count_label, count);

  on_patient_data_changed_cb (self);
}

/* The clinic's handout language (a setting an administrator sets), else the interface's */
static const char *
get_default_language (CgHandoutDialog *self)
{
  g_autofree char *clinic = g_settings_get_string (self->settings, "handout-language");
  const char * const *languages = cg_library_get_languages (self->library);

  for (guint i = 0; languages[i] != NULL; i++)
    if (g_str_equal (languages[i], clinic))
      return languages[i];

  return cg_library_get_default_language (self->library);
}

/* A new handout: the section in view alone (every section when none is in view), the
 * default language, no second language, normal print, no set. The paper and clinic header
 * are the clinic's and stay. */
void
_cg_handout_dialog_start_fresh (CgHandoutDialog *self)
{
  const char *current[] = { self->current_section_id, NULL };

  self->applying = TRUE;
  cg_language_choice_select (self->language_choice, get_default_language (self), NULL);
  gtk_switch_set_active (self->large_print_switch, FALSE);
  cg_section_checklist_set_ticked (self->checklist, current[0] != NULL ? current : NULL);
  self->applying = FALSE;

  cg_handout_set_chooser_select_none (self->set_chooser);
  _cg_handout_dialog_update_section_availability (self);
  _cg_handout_dialog_update (self);
}

/* Saving and printing: CgHandoutOutput does it, the builder says what became of it */

static void
on_output_made_cb (CgHandoutDialog   *self,
                   CgHandoutRequest  *request,
                   CgChartLineAction  action,
                   GFile             *file,
                   const char        *printer,
                   guint              n_pages)
{
  g_autofree char *chart_line = cg_chart_line_format (request, self->library, action, NULL);

  /* The handout made, not the widgets now: the print dialog may have been open a while */
  cg_last_handout_remember (self->settings, request);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.same-as-last", TRUE);
  self->done = TRUE;
  _cg_handout_dialog_show_error (self, NULL);
  if (file != NULL)
    cg_handout_notice_show_saved (self->notice, file, chart_line);
  else
    cg_handout_notice_show_printed (self->notice, printer, n_pages, chart_line);
}

static void
on_output_failed_cb (CgHandoutDialog *self,
                     const char      *message)
{
  cg_handout_notice_dismiss (self->notice);
  _cg_handout_dialog_show_error (self, message);
}

/**
 * cg_handout_dialog_dup_save_path:
 *
 * Returns: (transfer full): where Save as PDF suggests saving the handout shown: the folder
 *   used last (Documents the first time) and a name of topic, sections and language
 */
char *
cg_handout_dialog_dup_save_path (CgHandoutDialog *self)
{
  g_autoptr(CgHandoutRequest) request = NULL;

  g_return_val_if_fail (CG_IS_HANDOUT_DIALOG (self), NULL);

  request = _cg_handout_dialog_create_request (self);

  return cg_handout_output_dup_save_path (self->output, request);
}

/**
 * cg_handout_dialog_save_pdf:
 * @file: a local file
 *
 * Writes the handout as the builder shows it to @file, then says so with Open, Show in Files
 * and Copy Chart Line. Same as Last Handout offers these choices from now on.
 */
gboolean
cg_handout_dialog_save_pdf (CgHandoutDialog  *self,
                            GFile            *file,
                            GError          **error)
{
  g_autoptr(CgHandoutRequest) request = NULL;

  g_return_val_if_fail (CG_IS_HANDOUT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  request = _cg_handout_dialog_create_request (self);

  return cg_handout_output_save (self->output, request, file, error);
}

/**
 * cg_handout_dialog_print_to:
 * @printer: a printer's name
 *
 * Prints the handout on @printer without the print dialog, then says so (or names the
 * printer's error) in the builder, as after printing from the dialog.
 */
void
cg_handout_dialog_print_to (CgHandoutDialog *self,
                            const char      *printer)
{
  g_autoptr(CgHandoutRequest) request = NULL;

  g_return_if_fail (CG_IS_HANDOUT_DIALOG (self));
  g_return_if_fail (printer != NULL);

  _cg_handout_dialog_show_error (self, NULL);
  request = _cg_handout_dialog_create_request (self);
  cg_handout_output_print_to (self->output, request, printer);
}

static void
output_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgHandoutDialog *self = CG_HANDOUT_DIALOG (widget);
  g_autoptr(CgHandoutRequest) request = _cg_handout_dialog_create_request (self);

  _cg_handout_dialog_show_error (self, NULL);
  if (g_str_equal (action_name, "handout.print"))
    cg_handout_output_print (self->output, request);
  else
    cg_handout_output_choose_file (self->output, request);
}

static void
select_sections_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CgHandoutDialog *self = CG_HANDOUT_DIALOG (widget);
  const char *none[] = { NULL };
  const char *current[] = { self->current_section_id, NULL };

  if (g_str_equal (action_name, "handout.select-all"))
    cg_section_checklist_set_ticked (self->checklist, NULL);
  else if (g_str_equal (action_name, "handout.select-none"))
    cg_section_checklist_set_ticked (self->checklist, none);
  else if (self->current_section_id != NULL)
    cg_section_checklist_set_ticked (self->checklist, current);

  on_sections_changed_cb (self);
}

/**
 * cg_handout_dialog_select_only:
 * @section_id: (nullable): the section the main window shows now
 *
 * A fresh handout of @section_id alone, as Ctrl+Shift+E from the main window makes before
 * saving: the default language, normal print. The note and patient fields stay.
 */
void
cg_handout_dialog_select_only (CgHandoutDialog *self,
                               const char      *section_id)
{
  g_return_if_fail (CG_IS_HANDOUT_DIALOG (self));

  if (section_id == NULL)
    return;

  g_free (self->current_section_id);
  self->current_section_id = g_strdup (section_id);
  _cg_handout_dialog_start_fresh (self);
}

static void
on_paper_selected_cb (CgHandoutDialog *self)
{
  /* The paper is the clinic's, remembered like the clinic header */
  if (!self->applying)
    g_settings_set_string (self->settings, "handout-paper",
                           cg_paper_to_string (_cg_handout_dialog_get_selected_paper (self)));
}

static void
cg_handout_dialog_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  CgHandoutDialog *self = CG_HANDOUT_DIALOG (widget);

  GTK_WIDGET_CLASS (cg_handout_dialog_parent_class)->size_allocate (widget, width, height, baseline);

  cg_narrow_watch_allocated (&self->narrow_watch, width);
}

static void
setup (CgHandoutDialog *self)
{
  g_autofree char *paper_name = g_settings_get_string (self->settings, "handout-paper");
  const char *interface_language = cg_library_get_default_language (self->library);
  CgPaper paper = cg_paper_get_default ();
  g_autoptr(GPtrArray) topics = NULL;

  /* Section titles in the clinician's language; the ids are the same in every bundle. */
  if (!(topics = cg_library_list_topics (self->library, interface_language, NULL)))
    topics = g_ptr_array_new ();
  self->checklist = cg_section_checklist_new (self->section_list, topics, self->current_section_id);
  g_signal_connect_object (self->checklist, "changed",
                           G_CALLBACK (on_sections_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.select-current",
                                 self->current_section_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.same-as-last",
                                 cg_last_handout_exists (self->settings));

  self->language_choice = cg_language_choice_new (self->language_dropdown,
                                                  self->second_language_dropdown, self->library);

  if (*paper_name != '\0')
    cg_paper_from_string (paper_name, &paper);
  _cg_handout_dialog_set_selected_paper (self, paper);
  /* Connected only now: until the clinician picks a paper, it follows the locale. */
  g_signal_connect_object (self->paper_dropdown, "notify::selected",
                           G_CALLBACK (on_paper_selected_cb), self, G_CONNECT_SWAPPED);

  /* The clinic header and paper are the clinic's defaults, so they are remembered; the note
   * and patient fields are patient data and are never stored. */
  g_settings_bind (self->settings, "clinic-header",
                   gtk_text_view_get_buffer (self->clinic_view), "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (gtk_text_view_get_buffer (self->clinic_view), "changed",
                           G_CALLBACK (on_option_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_changed_cb), self, G_CONNECT_SWAPPED);
  on_note_changed_cb (self);

  cg_handout_set_chooser_set_library (self->set_chooser, self->library);
  cg_handout_set_chooser_reload (self->set_chooser, NULL);

  self->set_up = TRUE;
  self->done = FALSE;

  _cg_handout_dialog_start_fresh (self);
}

static void
cg_handout_dialog_dispose (GObject *object)
{
  CgHandoutDialog *self = (CgHandoutDialog *)object;

  if (self->note_view != NULL)
    _cg_handout_dialog_clear_patient_data (self);

  g_clear_handle_id (&self->update_source, g_source_remove);
  cg_narrow_watch_clear (&self->narrow_watch);
  if (self->output != NULL)
    cg_handout_output_cancel (self->output);
  g_clear_object (&self->output);
  g_clear_weak_pointer (&self->parent);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_HANDOUT_DIALOG);

  g_clear_object (&self->checklist);
  g_clear_object (&self->preview_pages);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_object (&self->language_choice);
  g_clear_pointer (&self->current_section_id, g_free);

  G_OBJECT_CLASS (cg_handout_dialog_parent_class)->dispose (object);
}

static void
cg_handout_dialog_class_init (CgHandoutDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_handout_dialog_dispose;
  widget_class->size_allocate = cg_handout_dialog_size_allocate;

  g_type_ensure (CG_TYPE_HANDOUT_SET_CHOOSER);
  g_type_ensure (CG_TYPE_HANDOUT_NOTICE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cg-handout-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, section_list);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, second_language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, large_print_switch);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, clinic_view);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, prepared_for_entry);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, appointment_entry);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, page_count_label);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, readability_label);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, preview_toggle);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, form);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, panes_separator);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, preview_column);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, discard_revealer);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, keep_editing_button);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, notice);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, set_chooser);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, note_count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_second_language_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_patient_data_changed_cb);

  gtk_widget_class_install_action (widget_class, "handout.print", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "handout.save-pdf", NULL, output_action);
  gtk_widget_class_install_action (widget_class, "handout.previous-page", NULL, turn_page_action);
  gtk_widget_class_install_action (widget_class, "handout.next-page", NULL, turn_page_action);
  gtk_widget_class_install_action (widget_class, "handout.select-current", NULL, select_sections_action);
  gtk_widget_class_install_action (widget_class, "handout.select-all", NULL, select_sections_action);
  gtk_widget_class_install_action (widget_class, "handout.select-none", NULL, select_sections_action);
  _cg_handout_dialog_class_init_sets (widget_class);
  _cg_handout_dialog_class_init_close (widget_class);
  _cg_handout_dialog_class_init_panes (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "handout.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "handout.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "handout.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "handout.new-patient", NULL);
}

static void
cg_handout_dialog_init (CgHandoutDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _cg_handout_dialog_init_panes (self);

  reset_mnemonic_button_labels (GTK_WIDGET (self));
  name_drop_down_button (self->language_dropdown);
  name_drop_down_button (self->second_language_dropdown);
  name_drop_down_button (self->paper_dropdown);
  /* GTK 4.8 names an empty label "GtkLabel" to screen readers; its text names it once set */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);

  self->settings = g_settings_new (APP_ID);

  self->preview_pages = cg_handout_preview_new (self->preview, self->page_count_label,
                                                self->readability_label);
}

/**
 * cg_handout_dialog_new:
 * @parent: (nullable): the main window
 * @library: the content, in every language it has
 * @current_section_id: (nullable): the section the main window shows, ticked alone
 *
 * Returns: (transfer none): a new handout builder, a window of its own beside @parent, not
 *   modal, starting fresh; present it
 */
GtkWindow *
cg_handout_dialog_new (GtkWindow  *parent,
                       CgLibrary  *library,
                       const char *current_section_id)
{
  CgHandoutDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CG_IS_LIBRARY (library), NULL);

  self = g_object_new (CG_TYPE_HANDOUT_DIALOG,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->library = g_object_ref (library);
  self->current_section_id = g_strdup (current_section_id);
  g_set_weak_pointer (&self->parent, parent);
  _cg_handout_dialog_set_default_width (self);
  self->output = cg_handout_output_new (GTK_WINDOW (self), library, self->settings);
  g_signal_connect_object (self->output, "made", G_CALLBACK (on_output_made_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->output, "failed", G_CALLBACK (on_output_failed_cb), self, G_CONNECT_SWAPPED);
  setup (self);

  return GTK_WINDOW (self);
}
