/* cg-window-open.c: bundles opened from the Open Bundle chooser or dropped onto the window
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-file-chooser.h"
#include "cg-keep-banner.h"
#include "cg-library.h"
#include "cg-window.h"
#include "cg-window-private.h"

typedef struct
{
  CgWindow *window;
  GFile    *file;
} OpenJob;

static void
on_bundle_added_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  OpenJob *job = user_data;
  g_autoptr(CgWindow) self = job->window;
  g_autoptr(GFile) file = job->file;
  g_autoptr(GError) error = NULL;

  g_free (job);

  if (!cg_library_add_file_finish (CG_LIBRARY (object), result, &error))
    /* Counted in the banner, which says the bundle could not be opened; Details names the
     * file and line */
    cg_window_report_bundle_problem (self, error->message);
  else
    /* Opened for this session; offered for every start */
    gtk_box_append (self->info_box, cg_keep_banner_new (file));
}

/**
 * cg_window_open_bundle:
 * @file: a content bundle on disk (untrusted)
 *
 * Adds the bundle's topics beside the built-in content. The file is read and checked in a
 * worker thread: the window stays responsive and the sidebar shows a progress note until the
 * topics join it. A bad bundle is refused with a message naming the file, the line and the
 * problem; everything else keeps working. An opened bundle is offered Keep in Library.
 */
void
cg_window_open_bundle (CgWindow *self,
                       GFile    *file)
{
  OpenJob *job;

  g_return_if_fail (CG_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (OpenJob, 1);
  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  cg_library_add_file_async (cg_window_get_library (self), file, NULL, on_bundle_added_cb, job);
}

static GtkFileFilter *
create_bundle_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Content bundles"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_filter_add_suffix (filter, "xml");

  return filter;
}

static void
on_open_chooser_done_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(CgWindow) self = user_data;
  g_autoptr(GFile) file = cg_file_chooser_run_finish (result, NULL);

  if (file != NULL)
    cg_window_open_bundle (self, file);
}

/* win.open-bundle: Open Bundle…, Ctrl+O */
void
_cg_window_open_bundle_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = create_bundle_filter ();

  cg_file_chooser_run (GTK_WINDOW (widget), CG_FILE_CHOOSER_OPEN, _("Open Bundle"), NULL, filter,
                       NULL, on_open_chooser_done_cb, g_object_ref (widget));
}

static gboolean
on_drop_cb (CgWindow      *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  g_autoptr(GSList) files = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  /* Taken: whether each one joins the library is told later, as for Open Bundle… */
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    cg_window_open_bundle (self, l->data);

  return files != NULL;
}

/* Bundles dropped onto the window are opened like Open Bundle… */
void
_cg_window_add_drop_target (CgWindow *self)
{
  GtkDropTarget *drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop_target, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}
