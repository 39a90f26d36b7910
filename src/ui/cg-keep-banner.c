/* cg-keep-banner.c: after Open Bundle…, the offer to keep the bundle for the next start
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An opened bundle lasts this session only; "Keep in Library" copies it, checked, into the
 * folder of installed bundles (cg_bundle_keep_in_library()), and the banner says where it went
 * or why it was refused.
 */

#define G_LOG_DOMAIN "cg-keep-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-bundle-keeper.h"
#include "cg-keep-banner.h"

struct _CgKeepBanner
{
  GtkWidget  parent_instance;

  GtkLabel  *label;
  GtkWidget *keep_button;
  GFile     *file;
};

G_DEFINE_FINAL_TYPE (CgKeepBanner, cg_keep_banner, GTK_TYPE_WIDGET)

static void
set_message (CgKeepBanner *self,
             const char   *message)
{
  gtk_label_set_text (self->label, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, message,
                                  -1);
}

/**
 * cg_keep_banner_keep:
 *
 * What Keep in Library does: copies the bundle into the library and says so, or names the
 * problem.
 *
 * Returns: whether the bundle was kept
 */
gboolean
cg_keep_banner_keep (CgKeepBanner *self)
{
  g_autoptr(GFile) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CG_IS_KEEP_BANNER (self), FALSE);

  if ((kept = cg_bundle_keep_in_library (self->file, &error)))
    {
      g_autofree char *basename = g_file_get_basename (kept);

      /* Translators: %s is the file name of a bundle copied into the library */
      message = g_strdup_printf (_("“%s” is kept in the library and opens at every start"), basename);
    }
  else
    /* Translators: %s says why, naming the file and line */
    message = g_strdup_printf (_("Not kept in the library: %s"), error->message);

  set_message (self, message);
  gtk_widget_set_visible (self->keep_button, FALSE);

  return kept != NULL;
}

static void
on_keep_clicked_cb (CgKeepBanner *self)
{
  cg_keep_banner_keep (self);
}

static void
on_dismiss_clicked_cb (CgKeepBanner *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (GTK_IS_BOX (parent))
    gtk_box_remove (GTK_BOX (parent), GTK_WIDGET (self));
}

/* Returns: the banner's message now */
const char *
cg_keep_banner_get_message (CgKeepBanner *self)
{
  g_return_val_if_fail (CG_IS_KEEP_BANNER (self), NULL);

  return gtk_label_get_text (self->label);
}

static void
cg_keep_banner_dispose (GObject *object)
{
  CgKeepBanner *self = (CgKeepBanner *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (cg_keep_banner_parent_class)->dispose (object);
}

static void
cg_keep_banner_class_init (CgKeepBannerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cg_keep_banner_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
cg_keep_banner_init (CgKeepBanner *self)
{
  GtkWidget *dismiss = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "message-banner");

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0.0f);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));

  self->keep_button = gtk_button_new_with_mnemonic (_("_Keep in Library"));
  gtk_widget_set_valign (self->keep_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->keep_button, _("Check the bundle and open it at every start"));
  g_signal_connect_swapped (self->keep_button, "clicked", G_CALLBACK (on_keep_clicked_cb), self);
  gtk_widget_set_parent (self->keep_button, GTK_WIDGET (self));

  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_widget_set_tooltip_text (dismiss, _("Dismiss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dismiss),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss message"),
                                  -1);
  g_signal_connect_swapped (dismiss, "clicked", G_CALLBACK (on_dismiss_clicked_cb), self);
  gtk_widget_set_parent (dismiss, GTK_WIDGET (self));
}

/**
 * cg_keep_banner_new:
 * @file: the bundle just opened
 *
 * Returns: (transfer floating): a banner naming @file with Keep in Library
 */
GtkWidget *
cg_keep_banner_new (GFile *file)
{
  CgKeepBanner *self;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CG_TYPE_KEEP_BANNER, NULL);
  self->file = g_object_ref (file);
  basename = g_file_get_basename (file);
  /* Translators: %s is a bundle's file name; the banner offers Keep in Library */
  message = g_strdup_printf (_("“%s” is open for this session only"), basename);
  set_message (self, message);

  return GTK_WIDGET (self);
}
