/* cg-clamp.c: centres its child and keeps it to a readable line length
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no clamp widget (libadwaita's is not a dependency here). The width limit is in
 * characters of the child's own font, so it follows the zoom.
 */

#define G_LOG_DOMAIN "cg-clamp"

#include "config.h"

#include "cg-clamp.h"

#define LINE_LENGTH_CHARS 70

struct _CgClamp
{
  GtkWidget  parent_instance;

  /* Borrowed: a child of the widget */
  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (CgClamp, cg_clamp, GTK_TYPE_WIDGET)

static int
get_max_width (CgClamp *self)
{
  PangoContext *context = gtk_widget_get_pango_context (self->child);
  PangoFontMetrics *metrics;
  int char_width;
  int margins;

  metrics = pango_context_get_metrics (context, NULL, NULL);
  char_width = pango_font_metrics_get_approximate_char_width (metrics);
  pango_font_metrics_unref (metrics);

  margins = gtk_widget_get_margin_start (self->child) + gtk_widget_get_margin_end (self->child);

  return PANGO_PIXELS_CEIL (char_width * LINE_LENGTH_CHARS) + margins;
}

static GtkSizeRequestMode
cg_clamp_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cg_clamp_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  CgClamp *self = CG_CLAMP (widget);
  int max_width;

  *minimum = *natural = 0;
  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  max_width = get_max_width (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);
      *natural = MAX (*minimum, max_width);
    }
  else
    {
      /* The child is never wider than max_width, so its least height is the one at that
       * width, whatever width we are offered */
      for_size = for_size < 0 ? max_width : MIN (for_size, max_width);
      gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);
    }
}

static void
cg_clamp_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  CgClamp *self = CG_CLAMP (widget);
  int child_width;
  int child_min;
  int child_height;

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, NULL, NULL, NULL);
  child_width = MAX (child_min, MIN (width, get_max_width (self)));
  gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, child_width, &child_height, NULL, NULL, NULL);

  gtk_widget_size_allocate (self->child,
                            &(GtkAllocation) { (width - child_width) / 2, 0, child_width, MAX (height, child_height) },
                            -1);
}

static void
cg_clamp_dispose (GObject *object)
{
  CgClamp *self = (CgClamp *)object;

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (cg_clamp_parent_class)->dispose (object);
}

static void
cg_clamp_class_init (CgClampClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_clamp_dispose;

  widget_class->get_request_mode = cg_clamp_get_request_mode;
  widget_class->measure = cg_clamp_measure;
  widget_class->size_allocate = cg_clamp_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "clamp");
  /* A plain group to assistive technology: GTK 4.8 would name it "CgClamp" */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cg_clamp_init (CgClamp *self)
{
}

GtkWidget *
cg_clamp_new (void)
{
  return g_object_new (CG_TYPE_CLAMP, NULL);
}

void
cg_clamp_set_child (CgClamp   *self,
                    GtkWidget *child)
{
  g_return_if_fail (CG_IS_CLAMP (self));
  g_return_if_fail (!child || GTK_IS_WIDGET (child));

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
}
