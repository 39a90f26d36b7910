/* cg-result-row.c: one search result in the sidebar: the section, the words around the match
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-result-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-highlight.h"
#include "cg-result-row.h"
#include "cg-section.h"

struct _CgResultRow
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkLabel    *title_label;
  GtkLabel    *snippet_label;
  GtkLabel    *matched_label;

  /* Owned */
  CgSearchHit *hit;
};

enum {
  PROP_0,
  PROP_HIT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CgResultRow, cg_result_row, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

static void
set_highlighted (GtkLabel            *label,
                 const char          *text,
                 const CgSearchRange *ranges,
                 guint                n_ranges,
                 gboolean             bold)
{
  g_autoptr(PangoAttrList) attrs = cg_highlight_attributes (ranges, n_ranges);

  if (bold)
    pango_attr_list_insert_before (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_text (label, text);
  gtk_label_set_attributes (label, attrs);
}

static void
update_labels (CgResultRow *self)
{
  const CgSearchRange *ranges;
  const char *keyword;
  guint n_ranges;

  if (self->hit == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->snippet_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->matched_label), FALSE);
      return;
    }

  ranges = cg_search_hit_get_title_ranges (self->hit, &n_ranges);
  set_highlighted (self->title_label, cg_section_get_title (cg_search_hit_get_section (self->hit)),
                   ranges, n_ranges, TRUE);
  ranges = cg_search_hit_get_snippet_ranges (self->hit, &n_ranges);
  set_highlighted (self->snippet_label, cg_search_hit_get_snippet (self->hit), ranges, n_ranges, FALSE);

  if ((keyword = cg_search_hit_get_matched_keyword (self->hit)))
    {
      /* Translators: shown under a search result found only through a lay search term */
      g_autofree char *text = g_strdup_printf (_("matched: %s"), keyword);

      gtk_label_set_text (self->matched_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->matched_label), keyword != NULL);
}

static void
cg_result_row_dispose (GObject *object)
{
  CgResultRow *self = (CgResultRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_RESULT_ROW);
  g_clear_object (&self->hit);

  G_OBJECT_CLASS (cg_result_row_parent_class)->dispose (object);
}

static void
cg_result_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgResultRow *self = CG_RESULT_ROW (object);

  switch (prop_id)
    {
    case PROP_HIT:
      g_value_set_object (value, self->hit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_result_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CgResultRow *self = CG_RESULT_ROW (object);

  switch (prop_id)
    {
    case PROP_HIT:
      cg_result_row_set_hit (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_result_row_class_init (CgResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_result_row_dispose;
  object_class->get_property = cg_result_row_get_property;
  object_class->set_property = cg_result_row_set_property;

  properties [PROP_HIT] =
    g_param_spec_object ("hit", NULL, NULL,
                         CG_TYPE_SEARCH_HIT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cg-result-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CgResultRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CgResultRow, snippet_label);
  gtk_widget_class_bind_template_child (widget_class, CgResultRow, matched_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "resultrow");
  /* A layout box to screen readers, never spoken by its type name */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
cg_result_row_init (CgResultRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
}

GtkWidget *
cg_result_row_new (void)
{
  return g_object_new (CG_TYPE_RESULT_ROW, NULL);
}

/* Returns: (transfer none) (nullable) */
CgSearchHit *
cg_result_row_get_hit (CgResultRow *self)
{
  g_return_val_if_fail (CG_IS_RESULT_ROW (self), NULL);

  return self->hit;
}

void
cg_result_row_set_hit (CgResultRow *self,
                       CgSearchHit *hit)
{
  g_return_if_fail (CG_IS_RESULT_ROW (self));
  g_return_if_fail (hit == NULL || CG_IS_SEARCH_HIT (hit));

  if (g_set_object (&self->hit, hit))
    {
      update_labels (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HIT]);
    }
}

/* Returns: (transfer full): what a screen reader says for the row: the section first, then
 *   the words around the match */
char *
cg_result_row_dup_accessible_label (CgResultRow *self)
{
  const char *keyword;

  g_return_val_if_fail (CG_IS_RESULT_ROW (self), NULL);

  if (self->hit == NULL)
    return g_strdup ("");

  /* A result found by a keyword, not by the text: the keyword is said as it is shown */
  if ((keyword = cg_search_hit_get_matched_keyword (self->hit)))
    /* Translators: a search result as a screen reader says it: the section, the words around
     * the match, then the keyword that matched, as shown under the result ("matched: %s") */
    return g_strdup_printf (_("%s: %s, matched: %s"), cg_section_get_title (cg_search_hit_get_section (self->hit)),
                            cg_search_hit_get_snippet (self->hit), keyword);

  return g_strdup_printf ("%s: %s", cg_section_get_title (cg_search_hit_get_section (self->hit)),
                          cg_search_hit_get_snippet (self->hit));
}
