/* cg-handout-dialog.c: the handout builder, what a clinician fills in at the end of a visit
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change of an option builds a fresh CgHandoutLayout; the preview, the print operation
 * and the PDF export all draw that same layout. The clinician's note is patient data: it lives
 * in the text buffer and in the layouts only, never in settings or on disk except in the
 * handout the clinician asks for, and it is cleared when the window closes.
 */

#define G_LOG_DOMAIN "cg-handout-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-bundle.h"
#include "cg-file-chooser.h"
#include "cg-handout-dialog.h"
#include "cg-handout-layout.h"
#include "cg-library.h"
#include "cg-print-operation.h"
#include "cg-readability.h"
#include "cg-section.h"
#include "cg-topic.h"

/* Typing in the note should not re-lay out the handout on every key. */
#define UPDATE_DELAY_MS 150

struct _CgHandoutDialog
{
  GtkWindow             parent_instance;

  /* Template widgets */
  GtkListBox           *section_list;
  GtkDropDown          *language_dropdown;
  GtkDropDown          *paper_dropdown;
  GtkSwitch            *large_print_switch;
  GtkTextView          *clinic_view;
  GtkTextView          *note_view;
  GtkDrawingArea       *preview;
  GtkLabel             *page_count_label;
  GtkLabel             *readability_label;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkButton            *print_button;
  GtkButton            *save_button;

  /* Owned */
  CgLibrary            *library;
  GSettings            *settings;
  GStrv                 languages;     /* parallel to the language drop-down */
  GPtrArray            *section_checks;
  CgHandoutLayout      *layout;        /* what the preview shows, rebuilt on every change */
  GCancellable         *save_cancellable;  /* while the Save as PDF chooser is open */
  GtkPrintOperation    *print_operation;
  char                 *current_section_id;

  guint                 update_source;
  guint                 set_up : 1;    /* options changed before this are not the clinician's */
};

G_DEFINE_FINAL_TYPE (CgHandoutDialog, cg_handout_dialog, GTK_TYPE_WINDOW)

static void
show_error (CgHandoutDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static const char *
get_handout_language (CgHandoutDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  if (selected < g_strv_length (self->languages))
    return self->languages[selected];

  return cg_library_get_default_language (self->library);
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
is_section_ticked (CgHandoutDialog *self,
                   const char      *section_id)
{
  for (guint i = 0; i < self->section_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->section_checks, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "section-id"), section_id) == 0)
        return gtk_check_button_get_active (check);
    }

  return FALSE;
}

/* A new layout of the current options; the handout's sections keep their bundle order. */
/* The paper drop-down's items, in the order of ui/cg-handout-dialog.ui */
static const CgPaper paper_items[] = { CG_PAPER_A4, CG_PAPER_LETTER };

static CgPaper
get_selected_paper (CgHandoutDialog *self)
{
  guint position = gtk_drop_down_get_selected (self->paper_dropdown);

  return position < G_N_ELEMENTS (paper_items) ? paper_items[position] : CG_PAPER_A4;
}

static void
set_selected_paper (CgHandoutDialog *self,
                    CgPaper          paper)
{
  for (guint i = 0; i < G_N_ELEMENTS (paper_items); i++)
    if (paper_items[i] == paper)
      gtk_drop_down_set_selected (self->paper_dropdown, i);
}

static CgHandoutLayout *
create_layout (CgHandoutDialog  *self,
               GString          *text,
               GError          **error)
{
  g_autoptr(CgHandoutLayout) layout = NULL;
  g_autofree char *note = dup_buffer_text (self->note_view);
  g_autofree char *clinic = dup_buffer_text (self->clinic_view);
  g_autoptr(GPtrArray) topics = NULL;
  CgBundle *bundle;

  if (!(bundle = cg_library_get_bundle (self->library, get_handout_language (self), error)) ||
      !(topics = cg_library_list_topics (self->library, get_handout_language (self), error)))
    return NULL;

  layout = cg_handout_layout_new (bundle);
  cg_handout_layout_set_note (layout, note);
  cg_handout_layout_set_clinic_header (layout, clinic);
  cg_handout_layout_set_large_print (layout, gtk_switch_get_active (self->large_print_switch));
  cg_handout_layout_set_paper (layout, get_selected_paper (self));

  /* Every topic: the built-in content in that language, then clinic bundles */
  for (guint i = 0; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        {
          CgSection *section = cg_topic_get_section (topic, j);
          g_autofree char *section_text = NULL;

          if (!is_section_ticked (self, cg_section_get_id (section)))
            continue;

          cg_handout_layout_add_section (layout, section);
          section_text = cg_section_dup_text (section);
          if (text != NULL)
            g_string_append (text, section_text);
        }
    }

  if (text != NULL)
    g_string_append (text, note);

  return g_steal_pointer (&layout);
}

static void
update_readability (CgHandoutDialog *self,
                    const char      *text)
{
  g_autofree char *summary = NULL;
  g_autofree char *tooltip = NULL;
  CgReadability result;

  cg_readability_estimate (text, get_handout_language (self), &result);
  summary = cg_readability_dup_summary (&result);

  if (result.available)
    /* Translators: the first %s names a readability formula, the second says how to read it */
    tooltip = g_strdup_printf (_("Estimated with the %s formula. %s"), result.formula,
                               result.reading);
  else
    tooltip = g_strdup (_("No readability formula is known for this language."));

  gtk_label_set_text (self->readability_label, summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->readability_label), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->readability_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
}

static void
update (CgHandoutDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pages = NULL;
  gboolean has_sections = FALSE;
  double width, height;
  guint n_pages;

  g_clear_object (&self->layout);

  if (!(self->layout = create_layout (self, text, &error)))
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < self->section_checks->len; i++)
    has_sections |= gtk_check_button_get_active (g_ptr_array_index (self->section_checks, i));

  cg_paper_get_size (cg_handout_layout_get_paper (self->layout), &width, &height);
  n_pages = cg_handout_layout_paginate (self->layout, width, height);

  pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages), n_pages);
  gtk_label_set_text (self->page_count_label, pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, pages,
                                  -1);
  update_readability (self, text->str);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.print", has_sections);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.save-pdf", has_sections);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static gboolean
update_timeout_cb (gpointer data)
{
  CgHandoutDialog *self = data;

  self->update_source = 0;
  update (self);

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
  queue_update (self);
}

static void
on_language_changed_cb (CgHandoutDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  /* Remembered as the clinic's default, like the paper */
  if (self->set_up && selected < g_strv_length (self->languages))
    g_settings_set_string (self->settings, "handout-language", self->languages[selected]);

  show_error (self, NULL);
  queue_update (self);
}

static void
on_section_toggled_cb (CgHandoutDialog *self)
{
  queue_update (self);
}

static void
draw_preview_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  CgHandoutDialog *self = user_data;
  double page_width, page_height;
  double scale;

  if (self->layout == NULL || cg_handout_layout_get_n_pages (self->layout) == 0)
    return;

  cg_paper_get_size (cg_handout_layout_get_paper (self->layout), &page_width, &page_height);
  scale = MIN ((width - 8) / page_width, (height - 8) / page_height);
  if (scale <= 0)
    return;

  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);

  /* A sheet of paper, whatever the theme: the handout is black on white. */
  cairo_rectangle (cr, 0, 0, page_width, page_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_set_line_width (cr, 1 / scale);
  cairo_stroke (cr);

  cg_handout_layout_draw_page (self->layout, cr, 0);
}

/**
 * cg_handout_dialog_save_pdf:
 * @file: a local file
 *
 * Writes the handout as the builder shows it to @file.
 */
gboolean
cg_handout_dialog_save_pdf (CgHandoutDialog  *self,
                            GFile            *file,
                            GError          **error)
{
  g_autoptr(CgHandoutLayout) layout = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (CG_IS_HANDOUT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(path = g_file_get_path (file)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot save to “%s”: not a local file"), g_file_peek_path (file));
      return FALSE;
    }

  if (!(layout = create_layout (self, NULL, error)))
    return FALSE;

  return cg_handout_layout_export_pdf (layout, path, error);
}

static void
on_save_chooser_done_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(CgHandoutDialog) self = user_data;
  g_autoptr(GFile) file = cg_file_chooser_run_finish (result, NULL);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->save_cancellable);

  if (file != NULL && !cg_handout_dialog_save_pdf (self, file, &error))
    show_error (self, error->message);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CgHandoutDialog *self = CG_HANDOUT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* The chooser is already open */
  if (self->save_cancellable != NULL)
    return;

  show_error (self, NULL);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  self->save_cancellable = g_cancellable_new ();
  cg_file_chooser_run (GTK_WINDOW (self), CG_FILE_CHOOSER_SAVE, _("Save Handout as PDF"),
                       /* Translators: the suggested file name of a saved handout; keep the .pdf */
                       _("calcinosis-handout.pdf"),
                       filter, self->save_cancellable, on_save_chooser_done_cb, g_object_ref (self));
}

static void
on_print_done_cb (CgHandoutDialog         *self,
                  GtkPrintOperationResult  result,
                  GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (self, error != NULL ? error->message : _("Printing failed"));
    }

  g_clear_object (&self->print_operation);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CgHandoutDialog *self = CG_HANDOUT_DIALOG (widget);
  g_autoptr(CgHandoutLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->print_operation != NULL)
    return;

  show_error (self, NULL);

  /* A layout of its own: the printer's paper may differ from the preview's. */
  if (!(layout = create_layout (self, NULL, &error)))
    {
      show_error (self, error->message);
      return;
    }

  self->print_operation = GTK_PRINT_OPERATION (cg_print_operation_new (layout));
  gtk_print_operation_set_allow_async (self->print_operation, TRUE);
  g_signal_connect_object (self->print_operation, "done",
                           G_CALLBACK (on_print_done_cb), self, G_CONNECT_SWAPPED);

  result = gtk_print_operation_run (self->print_operation,
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_clear_object (&self->print_operation);
}

static void
clear_note (CgHandoutDialog *self)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", 0);
}

static gboolean
on_close_request_cb (CgHandoutDialog *self)
{
  clear_note (self);

  return FALSE;
}

static void
add_section_rows (CgHandoutDialog *self,
                  GPtrArray       *topics)
{
  for (guint i = 0; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        {
          CgSection *section = cg_topic_get_section (topic, j);
          GtkWidget *check = gtk_check_button_new_with_label (cg_section_get_title (section));
          GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          gtk_widget_set_hexpand (check, TRUE);
          g_object_set_data_full (G_OBJECT (check), "section-id",
                                  g_strdup (cg_section_get_id (section)), g_free);
          g_signal_connect_object (check, "toggled",
                                   G_CALLBACK (on_section_toggled_cb), self, G_CONNECT_SWAPPED);
          gtk_box_append (GTK_BOX (row), check);

          if (g_strcmp0 (self->current_section_id, cg_section_get_id (section)) == 0)
            {
              /* Translators: marks the section the main window shows, in the handout builder */
              GtkWidget *label = gtk_label_new (_("Shown now"));

              gtk_widget_add_css_class (label, "dim-label");
              gtk_box_append (GTK_BOX (row), label);
              gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              _("The section shown in the main window"),
                                              -1);
            }

          gtk_widget_set_margin_start (row, 6);
          gtk_widget_set_margin_end (row, 12);
          gtk_list_box_append (self->section_list, row);
          /* One Tab stop per section, its check box ("Causes check box checked", Space
           * toggles it): the row itself takes no focus */
          gtk_widget_set_focusable (gtk_widget_get_parent (row), FALSE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row)),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, cg_section_get_title (section),
                                          -1);
          g_ptr_array_add (self->section_checks, check);
        }
    }
}

static void
on_paper_selected_cb (CgHandoutDialog *self)
{
  g_settings_set_string (self->settings, "handout-paper",
                         cg_paper_to_string (get_selected_paper (self)));
}

static void
setup (CgHandoutDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *paper_name = g_settings_get_string (self->settings, "handout-paper");
  g_autofree char *saved_language = g_settings_get_string (self->settings, "handout-language");
  const char * const *languages = cg_library_get_languages (self->library);
  const char *interface_language = cg_library_get_default_language (self->library);
  /* A clinic that hands out Spanish leaflets all day keeps Spanish; otherwise the interface's */
  const char *handout_language = cg_library_has_language (self->library, saved_language)
                               ? saved_language : interface_language;
  CgPaper paper = cg_paper_get_default ();
  g_autoptr(GPtrArray) topics = NULL;
  guint selected = 0;

  /* Section titles in the clinician's language; the ids are the same in every bundle. */
  if ((topics = cg_library_list_topics (self->library, interface_language, NULL)))
    add_section_rows (self, topics);

  self->languages = g_strdupv ((char **)languages);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *name = cg_language_get_name (languages[i]);

      gtk_string_list_append (names, name != NULL ? name : languages[i]);
      if (g_str_equal (languages[i], handout_language))
        selected = i;
    }
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->language_dropdown, selected);

  if (*paper_name != '\0')
    cg_paper_from_string (paper_name, &paper);
  set_selected_paper (self, paper);
  /* Connected only now: until the clinician picks a paper, it follows the locale. */
  g_signal_connect_object (self->paper_dropdown, "notify::selected",
                           G_CALLBACK (on_paper_selected_cb), self, G_CONNECT_SWAPPED);

  /* The clinic header, paper and large print are the clinic's defaults, so they are remembered;
   * the note is patient data and is never stored. */
  g_settings_bind (self->settings, "handout-large-print", self->large_print_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "clinic-header",
                   gtk_text_view_get_buffer (self->clinic_view), "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (gtk_text_view_get_buffer (self->clinic_view), "changed",
                           G_CALLBACK (on_option_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_option_changed_cb), self, G_CONNECT_SWAPPED);

  self->set_up = TRUE;

  g_clear_handle_id (&self->update_source, g_source_remove);
  update (self);
}

static void
cg_handout_dialog_dispose (GObject *object)
{
  CgHandoutDialog *self = (CgHandoutDialog *)object;

  if (self->note_view != NULL)
    clear_note (self);

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  if (self->print_operation != NULL)
    gtk_print_operation_cancel (self->print_operation);
  g_clear_object (&self->print_operation);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_HANDOUT_DIALOG);

  g_clear_object (&self->layout);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->section_checks, g_ptr_array_unref);
  g_clear_pointer (&self->current_section_id, g_free);

  G_OBJECT_CLASS (cg_handout_dialog_parent_class)->dispose (object);
}

static void
cg_handout_dialog_class_init (CgHandoutDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_handout_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cg-handout-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, section_list);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, large_print_switch);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, clinic_view);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, page_count_label);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, readability_label);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);

  gtk_widget_class_install_action (widget_class, "handout.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "handout.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "handout.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "handout.save-pdf", NULL);
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

static void
name_drop_down_button (GtkDropDown *dropdown)
{
  g_signal_connect (dropdown, "notify::selected-item", G_CALLBACK (on_drop_down_selected_item_cb), NULL);
  on_drop_down_selected_item_cb (dropdown);
}

static void
cg_handout_dialog_init (CgHandoutDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8 would read the mnemonic label twice ("_Print… Print…"); its text is the name */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->print_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->save_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  name_drop_down_button (self->language_dropdown);
  name_drop_down_button (self->paper_dropdown);
  /* GTK 4.8 names an empty label "GtkLabel" to screen readers; its text names it once set */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);

  self->section_checks = g_ptr_array_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_drawing_area_set_draw_func (self->preview, draw_preview_cb, self, NULL);
}

/**
 * cg_handout_dialog_new:
 * @parent: (nullable): the main window
 * @library: the content, in every language it has
 * @current_section_id: (nullable): the section the main window shows, marked in the list
 *
 * Returns: (transfer none): a new handout builder, modal to @parent; present it
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
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->library = g_object_ref (library);
  self->current_section_id = g_strdup (current_section_id);
  setup (self);

  return GTK_WINDOW (self);
}
