/* cg-handout-notice.c: one line in the builder saying what became of the handout
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After saving: the file's name, Open and Show in Files. After printing: the printer and the
 * number of pages, so the clinician knows where to collect it. Both offer Copy Chart Line. The
 * same line tells what a handout set changed. The chart line is copied only when asked: the
 * clipboard is shared with every other application.
 */

#define G_LOG_DOMAIN "cg-handout-notice"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-accessible.h"
#include "cg-handout-notice.h"

struct _CgHandoutNotice
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkLabel  *message_label;
  GtkWidget *open_button;
  GtkWidget *show_in_files_button;
  GtkWidget *chart_line_button;

  /* Owned */
  GFile     *file;        /* the handout saved, for Open and Show in Files */
  char      *chart_line;
};

G_DEFINE_FINAL_TYPE (CgHandoutNotice, cg_handout_notice, GTK_TYPE_WIDGET)

static void
show (CgHandoutNotice *self,
      const char      *message,
      GFile           *file,
      const char      *chart_line)
{
  g_set_object (&self->file, file);
  g_free (self->chart_line);
  self->chart_line = g_strdup (chart_line);

  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (self->open_button, file != NULL);
  gtk_widget_set_visible (self->show_in_files_button, file != NULL);
  gtk_widget_set_visible (self->chart_line_button, chart_line != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  /* Said by screen readers as it changes: the label of a status is its message */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, message,
                                  -1);
  /* A notice that appears is not reported to screen readers by GTK 4.8: said once, with the
   * file or printer name */
  cg_accessible_announce_now (GTK_WIDGET (self), message);
}

/**
 * cg_handout_notice_show_saved:
 * @file: the handout saved
 * @chart_line: (nullable): the line to offer for the chart
 */
void
cg_handout_notice_show_saved (CgHandoutNotice *self,
                              GFile           *file,
                              const char      *chart_line)
{
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (CG_IS_HANDOUT_NOTICE (self));
  g_return_if_fail (G_IS_FILE (file));

  basename = g_file_get_basename (file);
  /* Translators: %s is the file name of the handout just saved */
  message = g_strdup_printf (_("Saved “%s”"), basename);
  show (self, message, file, chart_line);
}

/**
 * cg_handout_notice_show_printed:
 * @printer: the printer's name, as the print dialog shows it
 * @n_pages: the pages sent
 * @chart_line: (nullable): the line to offer for the chart
 */
void
cg_handout_notice_show_printed (CgHandoutNotice *self,
                                const char      *printer,
                                guint            n_pages,
                                const char      *chart_line)
{
  g_autofree char *message = NULL;

  g_return_if_fail (CG_IS_HANDOUT_NOTICE (self));
  g_return_if_fail (printer != NULL);

  /* Translators: after printing, e.g. “Sent to FrontDesk (2 pages)” */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sent to %s (%u page)",
                                          "Sent to %s (%u pages)", n_pages),
                             printer, n_pages);
  show (self, message, NULL, chart_line);
}

/* A message with no buttons but Close: what a handout set changed, or a problem */
void
cg_handout_notice_show_message (CgHandoutNotice *self,
                                const char      *message)
{
  g_return_if_fail (CG_IS_HANDOUT_NOTICE (self));
  g_return_if_fail (message != NULL);

  show (self, message, NULL, NULL);
}

void
cg_handout_notice_dismiss (CgHandoutNotice *self)
{
  g_return_if_fail (CG_IS_HANDOUT_NOTICE (self));

  g_clear_object (&self->file);
  g_clear_pointer (&self->chart_line, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Returns: (nullable): the message shown, or NULL when hidden */
const char *
cg_handout_notice_get_message (CgHandoutNotice *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_NOTICE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_text (self->message_label) : NULL;
}

/* Returns: (nullable): the chart line offered now */
const char *
cg_handout_notice_get_chart_line (CgHandoutNotice *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_NOTICE (self), NULL);

  return self->chart_line;
}

static void
on_close_clicked_cb (CgHandoutNotice *self)
{
  cg_handout_notice_dismiss (self);
}

static void
show_launch_error (CgHandoutNotice *self,
                   GFile           *file,
                   const GError    *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *message = NULL;

  /* Translators: the first %s is a file or folder, the second the reason */
  message = g_strdup_printf (_("Could not open “%s”: %s"), name, error->message);
  cg_handout_notice_show_message (self, message);
}

static void
on_launch_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  CgHandoutNotice *self = g_task_get_source_object (task);

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    show_launch_error (self, g_task_get_task_data (task), error);
}

/* Opens @file with the desktop's default application: the OpenURI portal inside Flatpak. */
static void
launch_default (CgHandoutNotice *self,
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
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgHandoutNotice *self = CG_HANDOUT_NOTICE (widget);

  if (self->file != NULL)
    launch_default (self, self->file);
}

typedef struct
{
  CgHandoutNotice *notice;
  GFile           *file;
} ShowItems;

static void
on_show_items_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ShowItems *show_items = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GFile) folder = NULL;

  /* No file manager that selects the file (or none reachable from the sandbox): open the
   * folder instead */
  if (!(reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, NULL)) &&
      (folder = g_file_get_parent (show_items->file)))
    launch_default (show_items->notice, folder);

  g_object_unref (show_items->notice);
  g_object_unref (show_items->file);
  g_free (show_items);
}

/* The file manager's ShowItems opens the folder with the handout selected. */
static void
show_in_files_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CgHandoutNotice *self = CG_HANDOUT_NOTICE (widget);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };
  ShowItems *show_items;

  if (self->file == NULL)
    return;

  if (!(bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL)))
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      launch_default (self, folder);
      return;
    }

  uri = g_file_get_uri (self->file);
  uris[0] = uri;
  show_items = g_new0 (ShowItems, 1);
  show_items->notice = g_object_ref (self);
  show_items->file = g_object_ref (self->file);
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                          on_show_items_done_cb, show_items);
}

static void
copy_chart_line_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CgHandoutNotice *self = CG_HANDOUT_NOTICE (widget);
  g_autofree char *message = NULL;

  if (self->chart_line == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->chart_line);
  /* Translators: after Copy Chart Line; the line follows */
  message = g_strdup_printf (_("Copied: %s"), self->chart_line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, message,
                                  -1);
  gtk_widget_set_tooltip_text (self->chart_line_button, message);
}

static void
cg_handout_notice_dispose (GObject *object)
{
  CgHandoutNotice *self = (CgHandoutNotice *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_HANDOUT_NOTICE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->file);
  g_clear_pointer (&self->chart_line, g_free);

  G_OBJECT_CLASS (cg_handout_notice_parent_class)->dispose (object);
}

static void
cg_handout_notice_class_init (CgHandoutNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_handout_notice_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cg-handout-notice.ui");
  gtk_widget_class_bind_template_child (widget_class, CgHandoutNotice, message_label);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutNotice, open_button);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutNotice, show_in_files_button);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutNotice, chart_line_button);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked_cb);

  gtk_widget_class_install_action (widget_class, "notice.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "notice.show-in-files", NULL, show_in_files_action);
  gtk_widget_class_install_action (widget_class, "notice.copy-chart-line", NULL, copy_chart_line_action);
}

static void
cg_handout_notice_init (CgHandoutNotice *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 names an empty label "GtkLabel" to screen readers; its text names it once set */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);
}
