/* cg-sidebar.c: the list of sections, grouped by topic when there are several
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-sidebar"

#include "config.h"

#include "cg-section.h"
#include "cg-sidebar.h"
#include "cg-topic.h"

struct _CgSidebar
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkStack   *stack;
  GtkListBox *sections_list;

  /* Owned */
  GPtrArray  *topics;
};

enum {
  SECTION_ACTIVATED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (CgSidebar, cg_sidebar, GTK_TYPE_WIDGET)

static guint signals [N_SIGNALS];

static CgSection *
row_get_section (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "cg-section") : NULL;
}

static GtkWidget *
create_section_row (CgSection *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (cg_section_get_title (section));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cg_section_get_title (section),
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "cg-section", g_object_ref (section), g_object_unref);

  return row;
}

/* With more than one topic, the first section of each topic gets the topic as a header. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  CgSidebar *self = user_data;
  CgTopic *topic = cg_section_get_topic (row_get_section (row));
  GtkWidget *header = NULL;

  if (self->topics != NULL && self->topics->len > 1 &&
      (before == NULL || cg_section_get_topic (row_get_section (before)) != topic))
    {
      header = gtk_label_new (cg_topic_get_title (topic));
      gtk_label_set_xalign (GTK_LABEL (header), 0.0f);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_set_margin_start (header, 12);
      gtk_widget_set_margin_top (header, 12);
      gtk_widget_set_margin_bottom (header, 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, cg_topic_get_title (topic),
                                      -1);
    }

  gtk_list_box_row_set_header (row, header);
}

static void
on_sections_list_row_selected_cb (CgSidebar     *self,
                                  GtkListBoxRow *row,
                                  GtkListBox    *list)
{
  CgSection *section = row_get_section (row);

  if (section != NULL)
    g_signal_emit (self, signals [SECTION_ACTIVATED], 0, section);
}

static void
cg_sidebar_dispose (GObject *object)
{
  CgSidebar *self = (CgSidebar *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_SIDEBAR);
  g_clear_pointer (&self->topics, g_ptr_array_unref);

  G_OBJECT_CLASS (cg_sidebar_parent_class)->dispose (object);
}

static void
cg_sidebar_class_init (CgSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_sidebar_dispose;

  /**
   * CgSidebar::section-activated:
   * @section: the section chosen, by keyboard, pointer or program
   */
  signals [SECTION_ACTIVATED] =
    g_signal_new ("section-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CG_TYPE_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cg-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, CgSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, CgSidebar, sections_list);
  gtk_widget_class_bind_template_callback (widget_class, on_sections_list_row_selected_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
}

static void
cg_sidebar_init (CgSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->sections_list, update_header, self, NULL);
}

GtkWidget *
cg_sidebar_new (void)
{
  return g_object_new (CG_TYPE_SIDEBAR, NULL);
}

/**
 * cg_sidebar_set_topics:
 * @topics: (element-type CgTopic): the topics to list, in order
 */
void
cg_sidebar_set_topics (CgSidebar *self,
                       GPtrArray *topics)
{
  GtkListBoxRow *row;

  g_return_if_fail (CG_IS_SIDEBAR (self));
  g_return_if_fail (topics != NULL);

  g_clear_pointer (&self->topics, g_ptr_array_unref);
  self->topics = g_ptr_array_ref (topics);

  /* Rows only: headers are children of the list box too. */
  while ((row = gtk_list_box_get_row_at_index (self->sections_list, 0)))
    gtk_list_box_remove (self->sections_list, GTK_WIDGET (row));

  for (guint i = 0; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        gtk_list_box_append (self->sections_list, create_section_row (cg_topic_get_section (topic, j)));
    }
}

/* Returns: (transfer none) (nullable): the selected section */
CgSection *
cg_sidebar_get_section (CgSidebar *self)
{
  g_return_val_if_fail (CG_IS_SIDEBAR (self), NULL);

  return row_get_section (gtk_list_box_get_selected_row (self->sections_list));
}

/* Selects the section and emits ::section-activated. Returns FALSE if there is no such section. */
gboolean
cg_sidebar_select_section (CgSidebar  *self,
                           const char *section_id)
{
  g_return_val_if_fail (CG_IS_SIDEBAR (self), FALSE);

  for (guint i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sections_list, i);

      if (row == NULL)
        break;

      if (g_strcmp0 (cg_section_get_id (row_get_section (row)), section_id) == 0)
        {
          gtk_list_box_select_row (self->sections_list, row);
          return TRUE;
        }
    }

  return FALSE;
}

void
cg_sidebar_focus_list (CgSidebar *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (CG_IS_SIDEBAR (self));

  if ((row = gtk_list_box_get_selected_row (self->sections_list)))
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->sections_list));
}
