/* cg-handout-dialog.c: the handout builder, what a clinician fills in at the end of a visit
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change of an option builds a fresh CgHandoutLayout; the preview, the print operation
 * and the PDF export all draw that same layout. The clinician's note is patient data: it lives
 * in the text buffer and in the layouts only, never in settings or on disk except in the
 * handout the clinician asks for, and it is cleared when the window closes — after asking,
 * unless it was printed or saved since it was last changed.
 *
 * The builder is a window of its own, not modal, so the guide stays readable while the note
 * is written; the main window keeps one builder and raises it again.
 */

#define G_LOG_DOMAIN "cg-handout-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-bundle.h"
#include "cg-file-chooser.h"
#include "cg-accessible.h"
#include "cg-handout-dialog.h"
#include "cg-handout-layout.h"
#include "cg-handout-note.h"
#include "cg-handout-set.h"
#include "cg-handout-set-chooser.h"
#include "cg-library.h"
#include "cg-print-operation.h"
#include "cg-readability.h"
#include "cg-section.h"
#include "cg-topic.h"

/* Typing in the note should not re-lay out the handout on every key; a tick should show at
 * once. */
#define UPDATE_DELAY_MS 150

/* Below this width the preview goes behind the Preview toggle, so the builder fits a netbook
 * or half a screen. */
#define NARROW_WIDTH 900



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
  GtkRevealer          *saved_revealer;
  GtkLabel             *saved_label;
  CgHandoutSetChooser  *set_chooser;
  GtkLabel             *note_count_label;

  /* Owned */
  CgLibrary            *library;
  GSettings            *settings;
  GStrv                 languages;     /* parallel to the language drop-down */
  GPtrArray            *section_checks;
  CgHandoutLayout      *layout;        /* what the preview shows, rebuilt on every change */
  GCancellable         *save_cancellable;  /* while the Save as PDF chooser is open */
  GtkPrintOperation    *print_operation;
  char                 *current_section_id;
  GFile                *saved_file;    /* the last PDF saved, for Open and Show in Files */

  guint                 current_page;
  guint                 update_source;
  guint                 narrow_source;
  guint                 set_up : 1;    /* options changed before this are not the clinician's */
  guint                 narrow : 1;
  guint                 note_used : 1; /* printed or saved since the note last changed */
  guint                 applying : 1;  /* ticks and options set by the code, not the clinician */
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

/* (nullable): the second language of a bilingual handout; item 0 is "None" */
static const char *
get_second_language (CgHandoutDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->second_language_dropdown);
  const char *language;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length (self->languages))
    return NULL;

  language = self->languages[selected - 1];

  return g_str_equal (language, get_handout_language (self)) ? NULL : language;
}

/* A section with no text in a language of the handout is left out, never printed in another
 * language; see update_section_availability(). */
static gboolean
is_section_available (CgHandoutDialog *self,
                      const char      *section_id)
{
  const char *second = get_second_language (self);

  return cg_library_section_has_language (self->library, section_id, get_handout_language (self)) &&
         (second == NULL || cg_library_section_has_language (self->library, section_id, second));
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
        return gtk_check_button_get_active (check) && is_section_available (self, section_id);
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
  const char *second_language = get_second_language (self);
  CgBundle *second_bundle = NULL;
  CgBundle *bundle;

  if (!(bundle = cg_library_get_bundle (self->library, get_handout_language (self), error)) ||
      !(topics = cg_library_list_topics (self->library, get_handout_language (self), error)) ||
      (second_language != NULL &&
       !(second_bundle = cg_library_get_bundle (self->library, second_language, error))))
    return NULL;

  layout = cg_handout_layout_new (bundle);
  cg_handout_layout_set_second_language (layout, second_bundle);
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

          if (second_language != NULL)
            cg_handout_layout_add_bilingual_section (layout, section,
                                                     cg_library_lookup_section (self->library,
                                                                                second_language,
                                                                                cg_section_get_id (section)));
          else
            cg_handout_layout_add_section (layout, section);
          /* The reading level is estimated on the handout language's text only */
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
update_page_label (CgHandoutDialog *self)
{
  guint n_pages = self->layout != NULL ? cg_handout_layout_get_n_pages (self->layout) : 0;
  g_autofree char *pages = NULL;

  /* Translators: the preview's position, e.g. “Page 2 of 3” */
  pages = g_strdup_printf (_("Page %u of %u"), MIN (self->current_page + 1, n_pages), n_pages);
  gtk_label_set_text (self->page_count_label, pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, pages,
                                  -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.previous-page", self->current_page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.next-page",
                                 self->current_page + 1 < n_pages);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
update (CgHandoutDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean has_sections = FALSE;
  double width, height;
  guint n_pages;

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_object (&self->layout);

  if (!(self->layout = create_layout (self, text, &error)))
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < self->section_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->section_checks, i);

      has_sections |= is_section_ticked (self, g_object_get_data (G_OBJECT (check), "section-id"));
    }

  cg_paper_get_size (cg_handout_layout_get_paper (self->layout), &width, &height);
  n_pages = cg_handout_layout_paginate (self->layout, width, height);
  if (self->current_page >= n_pages)
    self->current_page = n_pages > 0 ? n_pages - 1 : 0;

  update_page_label (self);
  update_readability (self, text->str);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.print", has_sections);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.save-pdf", has_sections);
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

/* Sections without text in the handout's language(s) cannot be ticked, and say why. */
static void
update_section_availability (CgHandoutDialog *self)
{
  for (guint i = 0; i < self->section_checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->section_checks, i);
      GtkLabel *reason = g_object_get_data (G_OBJECT (check), "reason-label");
      const char *id = g_object_get_data (G_OBJECT (check), "section-id");
      const char *language = cg_library_get_section_language (self->library, id);
      const char *name = language != NULL ? cg_language_get_name (language) : NULL;
      gboolean available = is_section_available (self, id);
      g_autofree char *text = NULL;

      if (!available)
        /* Translators: %s is a language name; the section is not printed on this handout */
        text = g_strdup_printf (_("Only in %s: left out of this handout"),
                                name != NULL ? name : language != NULL ? language : "?");

      gtk_widget_set_sensitive (check, available);
      gtk_label_set_text (reason, text != NULL ? text : "");
      gtk_widget_set_visible (GTK_WIDGET (reason), text != NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text != NULL ? text : "",
                                      -1);
    }
}

static void
on_second_language_changed_cb (CgHandoutDialog *self)
{
  update_section_availability (self);
  queue_update (self);
}

static void
on_language_changed_cb (CgHandoutDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  /* Remembered as the clinic's default, like the paper */
  if (self->set_up && !self->applying && selected < g_strv_length (self->languages))
    g_settings_set_string (self->settings, "handout-language", self->languages[selected]);

  show_error (self, NULL);
  if (self->section_checks != NULL)
    update_section_availability (self);
  update (self);
}

static void
on_section_toggled_cb (CgHandoutDialog *self)
{
  if (!self->applying)
    update (self);
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

  self->note_used = FALSE;
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

  if (self->layout == NULL || self->current_page >= cg_handout_layout_get_n_pages (self->layout))
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

  cg_handout_layout_draw_page (self->layout, cr, self->current_page);
}

static void
turn_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CgHandoutDialog *self = CG_HANDOUT_DIALOG (widget);
  guint n_pages = self->layout != NULL ? cg_handout_layout_get_n_pages (self->layout) : 0;

  if (g_str_equal (action_name, "handout.next-page") && self->current_page + 1 < n_pages)
    self->current_page++;
  else if (g_str_equal (action_name, "handout.previous-page") && self->current_page > 0)
    self->current_page--;

  update_page_label (self);
}

/* The ids of the ticked sections, in list order */
static GStrv
dup_ticked_ids (CgHandoutDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->section_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->section_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "section-id"));
    }

  return g_strv_builder_end (builder);
}

/* The handout was made: the next builder starts from these sections, and closing no longer
 * needs to ask about the note. */
static void
remember_handout (CgHandoutDialog *self)
{
  g_auto(GStrv) ids = dup_ticked_ids (self);

  g_settings_set_strv (self->settings, "handout-sections", (const char * const *)ids);
  self->note_used = TRUE;
}

static void
show_saved (CgHandoutDialog *self,
            GFile           *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *message = NULL;

  g_set_object (&self->saved_file, file);
  /* Translators: %s is the file name of the handout just saved */
  message = g_strdup_printf (_("Saved “%s”"), basename);
  gtk_label_set_text (self->saved_label, message);
  gtk_revealer_set_reveal_child (self->saved_revealer, TRUE);
  /* A revealed notice is not reported to screen readers: said once, with the file name */
  cg_accessible_announce_now (GTK_WIDGET (self), message);
}

/**
 * cg_handout_dialog_save_pdf:
 * @file: a local file
 *
 * Writes the handout as the builder shows it to @file, then says so with Open and Show in
 * Files. The next builder starts from these sections.
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

  if (!(layout = create_layout (self, NULL, error)) ||
      !cg_handout_layout_export_pdf (layout, path, error))
    return FALSE;

  remember_handout (self);
  show_saved (self, file);

  return TRUE;
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
show_launch_error (CgHandoutDialog *self,
                   GFile           *file,
                   const GError    *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *message = NULL;

  /* Translators: the first %s is a file or folder, the second the reason */
  message = g_strdup_printf (_("Could not open “%s”: %s"), name, error->message);
  show_error (self, message);
}

static void
on_launch_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  CgHandoutDialog *self = g_task_get_source_object (task);

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    show_launch_error (self, g_task_get_task_data (task), error);
}

/* Opens @file with the desktop's default application: the OpenURI portal inside Flatpak. */
static void
launch_default (CgHandoutDialog *self,
                GFile           *file)
{
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autofree char *uri = g_file_get_uri (file);
  GTask *task = g_task_new (self, NULL, NULL, NULL);

  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_launch_done_cb, task);
}

static void
open_saved_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CgHandoutDialog *self = CG_HANDOUT_DIALOG (widget);

  if (self->saved_file != NULL)
    launch_default (self, self->saved_file);
}

static void
on_show_items_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(CgHandoutDialog) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GFile) folder = NULL;

  if ((reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, NULL)))
    return;

  /* No file manager that selects the file (or none reachable from the sandbox): open the
   * folder instead */
  if (self->saved_file != NULL && (folder = g_file_get_parent (self->saved_file)))
    launch_default (self, folder);
}

/* The file manager's ShowItems opens the folder with the handout selected. */
static void
show_saved_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CgHandoutDialog *self = CG_HANDOUT_DIALOG (widget);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };

  if (self->saved_file == NULL)
    return;

  if (!(bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL)))
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->saved_file);

      launch_default (self, folder);
      return;
    }

  uri = g_file_get_uri (self->saved_file);
  uris[0] = uri;
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                          on_show_items_done_cb, g_object_ref (self));
}

static void
on_saved_close_clicked_cb (CgHandoutDialog *self)
{
  gtk_revealer_set_reveal_child (self->saved_revealer, FALSE);
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
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
      const char *printer = settings != NULL ? gtk_print_settings_get_printer (settings) : NULL;
      g_autofree char *message = printer != NULL
        /* Translators: said by a screen reader once a handout is printed; %s is the printer */
        ? g_strdup_printf (_("Handout sent to “%s”"), printer)
        : g_strdup (_("Handout sent to the printer"));

      remember_handout (self);
      cg_accessible_announce_now (GTK_WIDGET (self), message);
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
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    remember_handout (self);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_clear_object (&self->print_operation);
}

static void
clear_note (CgHandoutDialog *self)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", 0);
}

static gboolean
has_unused_note (CgHandoutDialog *self)
{
  return !self->note_used &&
         gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->note_view)) > 0;
}

static gboolean
on_close_request_cb (CgHandoutDialog *self)
{
  /* A note typed and never printed or saved would be lost for good: ask first */
  if (has_unused_note (self))
    {
      gtk_revealer_set_reveal_child (self->discard_revealer, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->keep_editing_button));
      return TRUE;
    }

  clear_note (self);
  gtk_revealer_set_reveal_child (self->discard_revealer, FALSE);

  return FALSE;
}

static void
on_keep_editing_clicked_cb (CgHandoutDialog *self)
{
  gtk_revealer_set_reveal_child (self->discard_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
on_discard_clicked_cb (CgHandoutDialog *self)
{
  clear_note (self);
  gtk_window_close (GTK_WINDOW (self));
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
          GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          GtkWidget *reason = gtk_label_new (NULL);

          gtk_widget_set_hexpand (check, TRUE);
          g_object_set_data_full (G_OBJECT (check), "section-id",
                                  g_strdup (cg_section_get_id (section)), g_free);
          g_signal_connect_object (check, "toggled",
                                   G_CALLBACK (on_section_toggled_cb), self, G_CONNECT_SWAPPED);
          /* Why the section cannot go on this handout, under its name */
          gtk_label_set_xalign (GTK_LABEL (reason), 0);
          gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
          gtk_widget_set_margin_start (reason, 28);
          gtk_widget_add_css_class (reason, "dim-label");
          gtk_widget_add_css_class (reason, "caption");
          gtk_widget_set_visible (reason, FALSE);
          g_object_set_data (G_OBJECT (check), "reason-label", reason);
          gtk_widget_set_hexpand (column, TRUE);
          gtk_box_append (GTK_BOX (column), check);
          gtk_box_append (GTK_BOX (column), reason);
          gtk_box_append (GTK_BOX (row), column);

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

/* Ticks exactly the sections in @ids (NULL-terminated), and lays the handout out once. */
static void
tick_sections (CgHandoutDialog    *self,
               const char * const *ids)
{
  self->applying = TRUE;
  for (guint i = 0; i < self->section_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->section_checks, i);
      const char *id = g_object_get_data (G_OBJECT (check), "section-id");

      gtk_check_button_set_active (check, ids == NULL || g_strv_contains (ids, id));
    }
  self->applying = FALSE;

  update (self);
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
    tick_sections (self, NULL);
  else if (g_str_equal (action_name, "handout.select-none"))
    tick_sections (self, none);
  else if (self->current_section_id != NULL)
    tick_sections (self, current);
}

/**
 * cg_handout_dialog_select_only:
 * @section_id: (nullable): the section the main window shows now
 *
 * Ticks @section_id alone and marks it as the one shown, as Ctrl+Shift+E from the main window
 * does before saving.
 */
void
cg_handout_dialog_select_only (CgHandoutDialog *self,
                               const char      *section_id)
{
  const char *ids[] = { section_id, NULL };

  g_return_if_fail (CG_IS_HANDOUT_DIALOG (self));

  if (section_id != NULL)
    tick_sections (self, ids);
}

static void
on_paper_selected_cb (CgHandoutDialog *self)
{
  if (!self->applying)
    g_settings_set_string (self->settings, "handout-paper",
                           cg_paper_to_string (get_selected_paper (self)));
}

static void
select_language (CgHandoutDialog *self,
                 const char      *language)
{
  for (guint i = 0; self->languages[i] != NULL; i++)
    if (g_str_equal (self->languages[i], language))
      gtk_drop_down_set_selected (self->language_dropdown, i);
}

/* Handout sets: the chooser applies a set the library can print, and asks for the current
 * choice when saving one */

static void
on_set_chooser_apply_cb (CgHandoutDialog *self,
                         CgHandoutSet    *set)
{
  const char *language = cg_handout_set_get_language (set);
  const char *paper_name = cg_handout_set_get_paper (set);
  CgPaper paper = cg_paper_get_default ();

  const char *second_language = cg_handout_set_get_second_language (set);
  guint second = 0;

  self->applying = TRUE;
  select_language (self, language != NULL ? language
                                          : cg_library_get_default_language (self->library));
  /* Item 0 of the second-language drop-down is "None", then the languages in order */
  for (guint i = 0; second_language != NULL && self->languages[i] != NULL; i++)
    if (g_str_equal (self->languages[i], second_language))
      second = i + 1;
  gtk_drop_down_set_selected (self->second_language_dropdown, second);
  if (paper_name != NULL)
    cg_paper_from_string (paper_name, &paper);
  set_selected_paper (self, paper);
  gtk_switch_set_active (self->large_print_switch, cg_handout_set_get_large_print (set));
  self->applying = FALSE;

  tick_sections (self, cg_handout_set_get_sections (set));
}

/* The builder's current choice as a set: never the note. */
static void
on_set_chooser_fill_cb (CgHandoutDialog *self,
                        CgHandoutSet    *set)
{
  g_auto(GStrv) ids = dup_ticked_ids (self);

  cg_handout_set_set_sections (set, (const char * const *)ids);
  cg_handout_set_set_language (set, get_handout_language (self));
  cg_handout_set_set_second_language (set, get_second_language (self));
  cg_handout_set_set_large_print (set, gtk_switch_get_active (self->large_print_switch));
  cg_handout_set_set_paper (set, cg_paper_to_string (get_selected_paper (self)));
}

/* Narrow windows: the options and the preview take turns behind the Preview toggle. */

static void
update_panes (CgHandoutDialog *self)
{
  gboolean show_preview = gtk_toggle_button_get_active (self->preview_toggle);

  gtk_widget_set_visible (GTK_WIDGET (self->preview_toggle), self->narrow);
  gtk_widget_set_visible (self->panes_separator, !self->narrow);
  gtk_widget_set_visible (self->form, !self->narrow || !show_preview);
  gtk_widget_set_visible (self->preview_column, !self->narrow || show_preview);
}

static void
on_preview_toggle_active_cb (CgHandoutDialog *self)
{
  update_panes (self);
}

static gboolean
update_narrow_cb (gpointer data)
{
  CgHandoutDialog *self = data;

  self->narrow_source = 0;
  self->narrow = gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_WIDTH;
  update_panes (self);

  return G_SOURCE_REMOVE;
}

static void
cg_handout_dialog_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  CgHandoutDialog *self = CG_HANDOUT_DIALOG (widget);

  GTK_WIDGET_CLASS (cg_handout_dialog_parent_class)->size_allocate (widget, width, height, baseline);

  /* Not while allocating: showing and hiding children queues a new allocation */
  if ((width < NARROW_WIDTH) != self->narrow && self->narrow_source == 0)
    self->narrow_source = g_idle_add (update_narrow_cb, self);
}

static void
setup (CgHandoutDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) second_names = NULL;
  g_autofree char *paper_name = g_settings_get_string (self->settings, "handout-paper");
  g_autofree char *saved_language = g_settings_get_string (self->settings, "handout-language");
  g_auto(GStrv) last_sections = g_settings_get_strv (self->settings, "handout-sections");
  const char * const *languages = cg_library_get_languages (self->library);
  const char *interface_language = cg_library_get_default_language (self->library);
  /* A clinic that hands out Spanish leaflets all day keeps Spanish; otherwise the interface's */
  const char *handout_language = cg_library_has_language (self->library, saved_language)
                               ? saved_language : interface_language;
  const char *current[] = { self->current_section_id, NULL };
  CgPaper paper = cg_paper_get_default ();
  g_autoptr(GPtrArray) topics = NULL;
  guint selected = 0;

  /* Section titles in the clinician's language; the ids are the same in every bundle. */
  if ((topics = cg_library_list_topics (self->library, interface_language, NULL)))
    add_section_rows (self, topics);

  /* The sections of the last handout made; the first time, the one being read */
  self->applying = TRUE;
  for (guint i = 0; i < self->section_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->section_checks, i);
      const char *id = g_object_get_data (G_OBJECT (check), "section-id");

      if (last_sections[0] != NULL)
        gtk_check_button_set_active (check, g_strv_contains ((const char * const *)last_sections, id));
      else
        gtk_check_button_set_active (check, current[0] == NULL || g_str_equal (current[0], id));
    }
  self->applying = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout.select-current", current[0] != NULL);

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

  /* Second language: "None", then the same languages */
  second_names = gtk_string_list_new (NULL);
  /* Translators: no second language on the handout */
  gtk_string_list_append (second_names, C_("second language", "None"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (names)); i++)
    gtk_string_list_append (second_names, gtk_string_list_get_string (names, i));
  gtk_drop_down_set_model (self->second_language_dropdown, G_LIST_MODEL (second_names));
  gtk_drop_down_set_selected (self->second_language_dropdown, 0);
  update_section_availability (self);

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
                           G_CALLBACK (on_note_changed_cb), self, G_CONNECT_SWAPPED);
  on_note_changed_cb (self);

  /* Choosing sections is what the builder is for: the focus starts on the first one */

  cg_handout_set_chooser_set_library (self->set_chooser, self->library);
  cg_handout_set_chooser_reload (self->set_chooser, NULL);

  self->set_up = TRUE;

  update (self);
}

static void
cg_handout_dialog_dispose (GObject *object)
{
  CgHandoutDialog *self = (CgHandoutDialog *)object;

  if (self->note_view != NULL)
    clear_note (self);

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_handle_id (&self->narrow_source, g_source_remove);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  if (self->print_operation != NULL)
    gtk_print_operation_cancel (self->print_operation);
  g_clear_object (&self->print_operation);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_HANDOUT_DIALOG);

  g_clear_object (&self->layout);
  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_object (&self->saved_file);
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
  widget_class->size_allocate = cg_handout_dialog_size_allocate;

  g_type_ensure (CG_TYPE_HANDOUT_SET_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cg-handout-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, section_list);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, second_language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, large_print_switch);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, clinic_view);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, note_view);
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
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, saved_revealer);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, saved_label);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, set_chooser);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutDialog, note_count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_second_language_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_toggle_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_editing_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_discard_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_saved_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_set_chooser_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_set_chooser_fill_cb);

  gtk_widget_class_install_action (widget_class, "handout.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "handout.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "handout.open-saved", NULL, open_saved_action);
  gtk_widget_class_install_action (widget_class, "handout.show-saved", NULL, show_saved_action);
  gtk_widget_class_install_action (widget_class, "handout.previous-page", NULL, turn_page_action);
  gtk_widget_class_install_action (widget_class, "handout.next-page", NULL, turn_page_action);
  gtk_widget_class_install_action (widget_class, "handout.select-current", NULL, select_sections_action);
  gtk_widget_class_install_action (widget_class, "handout.select-all", NULL, select_sections_action);
  gtk_widget_class_install_action (widget_class, "handout.select-none", NULL, select_sections_action);
  gtk_widget_class_install_action (widget_class, "handout.escape", NULL, escape_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "handout.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
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

static void
cg_handout_dialog_init (CgHandoutDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  reset_mnemonic_button_labels (GTK_WIDGET (self));
  name_drop_down_button (self->language_dropdown);
  name_drop_down_button (self->second_language_dropdown);
  name_drop_down_button (self->paper_dropdown);
  /* GTK 4.8 names an empty label "GtkLabel" to screen readers; its text names it once set */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->saved_label),
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
 * Returns: (transfer none): a new handout builder, a window of its own beside @parent, not
 *   modal; present it
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
  setup (self);

  return GTK_WINDOW (self);
}
