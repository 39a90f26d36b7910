/* cg-section-row.c: one section in the sidebar, under its topic's heading when it is the first
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's list view has no section headers: the first row of each topic carries the heading.
 */

#define G_LOG_DOMAIN "cg-section-row"

#include "config.h"

#include "cg-section.h"
#include "cg-section-row.h"
#include "cg-topic.h"

struct _CgSectionRow
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkLabel  *topic_label;
  GtkLabel  *title_label;

  /* Owned */
  CgSection *section;

  guint      show_topic : 1;
};

enum {
  PROP_0,
  PROP_SECTION,
  PROP_SHOW_TOPIC,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CgSectionRow, cg_section_row, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

static void
update_labels (CgSectionRow *self)
{
  CgTopic *topic = self->section != NULL ? cg_section_get_topic (self->section) : NULL;

  gtk_label_set_text (self->title_label, self->section != NULL ? cg_section_get_title (self->section) : "");
  gtk_label_set_text (self->topic_label, topic != NULL ? cg_topic_get_title (topic) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->topic_label), self->show_topic && topic != NULL);
}

static void
cg_section_row_dispose (GObject *object)
{
  CgSectionRow *self = (CgSectionRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_SECTION_ROW);
  g_clear_object (&self->section);

  G_OBJECT_CLASS (cg_section_row_parent_class)->dispose (object);
}

static void
cg_section_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CgSectionRow *self = CG_SECTION_ROW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;

    case PROP_SHOW_TOPIC:
      g_value_set_boolean (value, self->show_topic);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_section_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CgSectionRow *self = CG_SECTION_ROW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      cg_section_row_set_section (self, g_value_get_object (value));
      break;

    case PROP_SHOW_TOPIC:
      cg_section_row_set_show_topic (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_section_row_class_init (CgSectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_section_row_dispose;
  object_class->get_property = cg_section_row_get_property;
  object_class->set_property = cg_section_row_set_property;

  properties [PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL,
                         CG_TYPE_SECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_TOPIC] =
    g_param_spec_boolean ("show-topic", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cg-section-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CgSectionRow, topic_label);
  gtk_widget_class_bind_template_child (widget_class, CgSectionRow, title_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sectionrow");
  /* A layout box to screen readers, never spoken by its type name */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
cg_section_row_init (CgSectionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
cg_section_row_new (void)
{
  return g_object_new (CG_TYPE_SECTION_ROW, NULL);
}

/* Returns: (transfer none) (nullable) */
CgSection *
cg_section_row_get_section (CgSectionRow *self)
{
  g_return_val_if_fail (CG_IS_SECTION_ROW (self), NULL);

  return self->section;
}

void
cg_section_row_set_section (CgSectionRow *self,
                            CgSection    *section)
{
  g_return_if_fail (CG_IS_SECTION_ROW (self));
  g_return_if_fail (section == NULL || CG_IS_SECTION (section));

  if (g_set_object (&self->section, section))
    {
      update_labels (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SECTION]);
    }
}

gboolean
cg_section_row_get_show_topic (CgSectionRow *self)
{
  g_return_val_if_fail (CG_IS_SECTION_ROW (self), FALSE);

  return self->show_topic;
}

/* Whether the topic's title shows above the section's, as the heading of a group */
void
cg_section_row_set_show_topic (CgSectionRow *self,
                               gboolean      show_topic)
{
  g_return_if_fail (CG_IS_SECTION_ROW (self));

  show_topic = !!show_topic;
  if (show_topic == self->show_topic)
    return;

  self->show_topic = show_topic;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_TOPIC]);
}
