/* cg-bundle-banner.c: one message for every bundle that could not be opened
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Twenty broken bundles on a clinic workstation are one problem for the clinician: "20 bundles
 * could not be opened", one line, with Details listing each as FILE:LINE: message for whoever
 * fixes them. One label holds the whole list, so a hundred problems cost no more widgets than
 * one and do not slow the window's start.
 */

#define G_LOG_DOMAIN "cg-bundle-banner"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cg-bundle-banner.h"

struct _CgBundleBanner
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkLabel        *summary_label;
  GtkToggleButton *details_button;
  GtkLabel        *details_label;

  /* Owned */
  GString         *details;     /* one problem a line */
  guint            n_problems;
  guint            n_files;     /* of them, files other than bundles (handout sets) */
};

G_DEFINE_FINAL_TYPE (CgBundleBanner, cg_bundle_banner, GTK_TYPE_WIDGET)

static void
update (CgBundleBanner *self)
{
  g_autofree char *summary = NULL;

  if (self->n_files == 0)
    /* Translators: shown once for all the bundles that could not be opened; Details lists them */
    summary = g_strdup_printf (ngettext ("%u bundle could not be opened",
                                         "%u bundles could not be opened",
                                         self->n_problems),
                               self->n_problems);
  else
    /* Translators: shown once for all the files (bundles, handout sets) that could not be
     * read; Details lists them */
    summary = g_strdup_printf (ngettext ("%u file could not be read",
                                         "%u files could not be read",
                                         self->n_problems),
                               self->n_problems);

  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->details_label, self->details->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_problems > 0);
}

static void
on_dismiss_button_clicked_cb (CgBundleBanner *self)
{
  g_string_truncate (self->details, 0);
  self->n_problems = 0;
  self->n_files = 0;
  gtk_toggle_button_set_active (self->details_button, FALSE);
  update (self);
}

static void
cg_bundle_banner_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), CG_TYPE_BUNDLE_BANNER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cg_bundle_banner_parent_class)->dispose (object);
}

static void
cg_bundle_banner_finalize (GObject *object)
{
  CgBundleBanner *self = (CgBundleBanner *)object;

  g_string_free (self->details, TRUE);

  G_OBJECT_CLASS (cg_bundle_banner_parent_class)->finalize (object);
}

static void
cg_bundle_banner_class_init (CgBundleBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_bundle_banner_dispose;
  object_class->finalize = cg_bundle_banner_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cg-bundle-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, CgBundleBanner, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CgBundleBanner, details_button);
  gtk_widget_class_bind_template_child (widget_class, CgBundleBanner, details_label);
  gtk_widget_class_bind_template_callback (widget_class, on_dismiss_button_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "bundlebanner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
cg_bundle_banner_init (CgBundleBanner *self)
{
  self->details = g_string_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cg_bundle_banner_new (void)
{
  return g_object_new (CG_TYPE_BUNDLE_BANNER, NULL);
}

/**
 * cg_bundle_banner_add_problem:
 * @message: one bundle's problem, "FILE:LINE: message"
 *
 * Counts the bundle in the banner, lists it under Details, and shows the banner until it is
 * dismissed.
 */
void
cg_bundle_banner_add_problem (CgBundleBanner *self,
                              const char     *message)
{
  g_return_if_fail (CG_IS_BUNDLE_BANNER (self));
  g_return_if_fail (message != NULL);

  if (self->details->len > 0)
    g_string_append_c (self->details, '\n');
  g_string_append (self->details, message);
  self->n_problems++;

  update (self);
}

guint
cg_bundle_banner_get_n_problems (CgBundleBanner *self)
{
  g_return_val_if_fail (CG_IS_BUNDLE_BANNER (self), 0);

  return self->n_problems;
}

/* Returns: (transfer full): the problems listed under Details, one a line */
char *
cg_bundle_banner_dup_details (CgBundleBanner *self)
{
  g_return_val_if_fail (CG_IS_BUNDLE_BANNER (self), NULL);

  return g_strdup (self->details->str);
}

static gboolean
lists_problem (CgBundleBanner *self,
               const char     *message)
{
  gsize length = strlen (message);

  for (const char *line = self->details->str; line != NULL && *line != '\0'; )
    {
      const char *end = strchr (line, '\n');
      gsize line_length = end != NULL ? (gsize)(end - line) : strlen (line);

      if (line_length == length && memcmp (line, message, length) == 0)
        return TRUE;
      line = end != NULL ? end + 1 : NULL;
    }

  return FALSE;
}

/**
 * cg_bundle_banner_add_file_problem:
 * @message: a problem of another file the app reads, "FILE:LINE: message" (a handout set)
 *
 * As cg_bundle_banner_add_problem(), the banner then counting files rather than bundles. A
 * problem already listed is not listed again: the handout builder reads its sets again after
 * each change.
 */
void
cg_bundle_banner_add_file_problem (CgBundleBanner *self,
                                   const char     *message)
{
  g_return_if_fail (CG_IS_BUNDLE_BANNER (self));
  g_return_if_fail (message != NULL);

  if (lists_problem (self, message))
    return;

  self->n_files++;
  cg_bundle_banner_add_problem (self, message);
}
