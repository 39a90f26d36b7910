/* cg-content-view.c: one section as readable, selectable, wrapped text
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each heading, paragraph and list item is its own label: screen readers get a heading role and
 * one text per paragraph, labels wrap at about 70 characters for comfortable reading, and
 * bundle text is set as plain text, never parsed as markup.
 */

#define G_LOG_DOMAIN "cg-content-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-clamp.h"
#include "cg-content-view.h"
#include "cg-highlight.h"
#include "cg-search-index.h"
#include "cg-section.h"

#define ZOOM_MIN 0.5
#define ZOOM_MAX 2.0

struct _CgContentView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkViewport       *viewport;

  /* Borrowed: children of the viewport */
  GtkBox            *column;

  /* Owned */
  CgSection         *section;
  GPtrArray         *labels;        /* title first, then each paragraph and list item in order */
  GArray            *block_labels;  /* block index → index in labels of its first label */
  char              *zoom_class;

  /* The label and byte offset to scroll to once the view is laid out */
  GtkLabel          *scroll_label;
  guint              scroll_index;
  guint              scroll_tick_id;
  guint              scroll_frames_left;

  double             zoom;
};

enum {
  PROP_0,
  PROP_SECTION,
  PROP_ZOOM,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CgContentView, cg_content_view, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

static GtkWidget *
create_text_label (const char *text,
                   const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Plain text: a bundle's "<span>" must show as written, not be interpreted. */
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  /* Few characters at the minimum, so a narrow window wraps instead of scrolling sideways */
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* The view takes the focus as a whole: Tab should not stop at every paragraph */
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
clear_column (CgContentView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->column))))
    gtk_box_remove (self->column, child);

  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->block_labels, 0);
  self->scroll_label = NULL;
}

static void
add_list (CgContentView *self,
          const CgBlock *block)
{
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("List"),
                                  -1);

  for (guint i = 0; block->items[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      GtkWidget *bullet = gtk_label_new ("•");
      GtkWidget *label = create_text_label (block->items[i], "content-text");

      gtk_widget_add_css_class (bullet, "bullet");
      gtk_widget_set_valign (bullet, GTK_ALIGN_START);
      gtk_widget_set_margin_start (bullet, 8);
      /* The bullet is decoration; readers announce the item text. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (bullet),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (row), bullet);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (list), row);
      g_ptr_array_add (self->labels, label);
    }

  gtk_box_append (self->column, list);
}

static void
rebuild (CgContentView *self)
{
  GtkWidget *title;
  GtkAdjustment *vadjustment;

  clear_column (self);

  if (self->section == NULL)
    return;

  title = g_object_new (GTK_TYPE_LABEL,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                        NULL);
  gtk_label_set_text (GTK_LABEL (title), cg_section_get_title (self->section));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (title), TRUE);
  gtk_widget_set_focusable (title, FALSE);
  gtk_widget_add_css_class (title, "section-title");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 1,
                                  -1);
  gtk_box_append (self->column, title);
  g_ptr_array_add (self->labels, title);

  for (guint i = 0; i < cg_section_get_n_blocks (self->section); i++)
    {
      const CgBlock *block = cg_section_get_block (self->section, i);

      g_array_append_val (self->block_labels, self->labels->len);

      if (block->kind == CG_BLOCK_LIST)
        add_list (self, block);
      else
        {
          GtkWidget *label = create_text_label (block->text, "content-text");

          gtk_box_append (self->column, label);
          g_ptr_array_add (self->labels, label);
        }
    }

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (vadjustment, 0);
}

/* Arrow and page keys scroll the text when the view has the focus. */
static gboolean
scroll_binding_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  CgContentView *self = CG_CONTENT_VIEW (widget);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (vadjustment);
  double step = gtk_adjustment_get_step_increment (vadjustment);
  double page = gtk_adjustment_get_page_increment (vadjustment);
  int direction;
  gboolean by_page;

  g_variant_get (args, "(ib)", &direction, &by_page);

  if (direction == 0)
    value = by_page ? gtk_adjustment_get_upper (vadjustment) : gtk_adjustment_get_lower (vadjustment);
  else
    value += direction * (by_page ? page : MAX (step, 40));

  gtk_adjustment_set_value (vadjustment, value);

  return TRUE;
}

static void
cg_content_view_dispose (GObject *object)
{
  CgContentView *self = (CgContentView *)object;

  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  self->scroll_label = NULL;
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->block_labels, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_CONTENT_VIEW);
  g_clear_object (&self->section);
  g_clear_pointer (&self->zoom_class, g_free);

  G_OBJECT_CLASS (cg_content_view_parent_class)->dispose (object);
}

static void
cg_content_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CgContentView *self = CG_CONTENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_content_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CgContentView *self = CG_CONTENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      cg_content_view_set_section (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      cg_content_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_content_view_class_init (CgContentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_content_view_dispose;
  object_class->get_property = cg_content_view_get_property;
  object_class->set_property = cg_content_view_set_property;

  properties [PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL,
                         CG_TYPE_SECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         ZOOM_MIN, ZOOM_MAX, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cg-content-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CgContentView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CgContentView, viewport);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "contentview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /* (direction, by page): direction 0 with by page jumps to the end, without to the start */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, scroll_binding_cb, "(ib)", -1, FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, scroll_binding_cb, "(ib)", 1, FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, scroll_binding_cb, "(ib)", -1, TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, scroll_binding_cb, "(ib)", 1, TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, scroll_binding_cb, "(ib)", 1, TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, scroll_binding_cb, "(ib)", 0, FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, scroll_binding_cb, "(ib)", 0, TRUE);
}

static void
cg_content_view_init (CgContentView *self)
{
  GtkWidget *clamp;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->column = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_margin_top (GTK_WIDGET (self->column), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->column), 36);
  gtk_widget_set_margin_start (GTK_WIDGET (self->column), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (self->column), 24);
  gtk_widget_add_css_class (GTK_WIDGET (self->column), "content-column");
  clamp = cg_clamp_new ();
  cg_clamp_set_child (CG_CLAMP (clamp), GTK_WIDGET (self->column));
  gtk_viewport_set_child (self->viewport, clamp);

  self->labels = g_ptr_array_new ();
  self->block_labels = g_array_new (FALSE, FALSE, sizeof (guint));
  self->zoom = 1.0;
  cg_content_view_set_zoom (self, 1.0);
}

GtkWidget *
cg_content_view_new (void)
{
  return g_object_new (CG_TYPE_CONTENT_VIEW, NULL);
}

/* Returns: (transfer none) (nullable) */
CgSection *
cg_content_view_get_section (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), NULL);

  return self->section;
}

void
cg_content_view_set_section (CgContentView *self,
                             CgSection     *section)
{
  g_return_if_fail (CG_IS_CONTENT_VIEW (self));
  g_return_if_fail (!section || CG_IS_SECTION (section));

  if (g_set_object (&self->section, section))
    {
      rebuild (self);
      if (section != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, cg_section_get_title (section),
                                        -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SECTION]);
    }
}

double
cg_content_view_get_zoom (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), 1.0);

  return self->zoom;
}

/* Zoom moves in steps of 10 %, each a CSS class of style.css. */
void
cg_content_view_set_zoom (CgContentView *self,
                          double         zoom)
{
  int percent;

  g_return_if_fail (CG_IS_CONTENT_VIEW (self));

  percent = (int)(CLAMP (zoom, ZOOM_MIN, ZOOM_MAX) * 10.0 + 0.5) * 10;
  zoom = percent / 100.0;

  if (self->zoom_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->column), self->zoom_class);
  g_free (self->zoom_class);
  self->zoom_class = g_strdup_printf ("zoom-%d", percent);
  gtk_widget_add_css_class (GTK_WIDGET (self->column), self->zoom_class);

  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
    }
}

/**
 * cg_content_view_dup_text:
 *
 * Returns: the text shown, one heading, paragraph or list item a line (for tests and copying)
 */
char *
cg_content_view_dup_text (CgContentView *self)
{
  GString *str;

  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), NULL);

  str = g_string_new (NULL);
  for (guint i = 0; i < self->labels->len; i++)
    g_string_append_printf (str, "%s\n", gtk_label_get_text (g_ptr_array_index (self->labels, i)));

  return g_string_free (str, FALSE);
}

/* Runs on the frame after the highlights were set, when the labels have their layout. */
static gboolean
scroll_to_match_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  CgContentView *self = CG_CONTENT_VIEW (widget);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;
  PangoRectangle pos;
  int offset_y;

  /* Tick callbacks run before layout: new labels get their size on the frame after this one */
  if (self->scroll_label != NULL && gtk_widget_get_width (GTK_WIDGET (self->scroll_label)) == 0 &&
      self->scroll_frames_left-- > 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;

  /* Bounds in the scrolled child's coordinates, which the adjustment's values are in */
  if (self->scroll_label == NULL ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self->scroll_label),
                                  gtk_viewport_get_child (self->viewport), &bounds))
    return G_SOURCE_REMOVE;

  pango_layout_index_to_pos (gtk_label_get_layout (self->scroll_label), self->scroll_index, &pos);
  gtk_label_get_layout_offsets (self->scroll_label, NULL, &offset_y);

  /* Keep a line or two of context above and below the match */
  gtk_adjustment_clamp_page (vadjustment,
                             bounds.origin.y + offset_y + PANGO_PIXELS (pos.y) - 48,
                             bounds.origin.y + offset_y + PANGO_PIXELS (pos.y + pos.height) + 48);
  self->scroll_label = NULL;

  return G_SOURCE_REMOVE;
}

/**
 * cg_content_view_set_highlights:
 * @hit: (nullable): a search result for the section shown, or %NULL to clear the highlights
 *
 * Highlights every match of @hit and scrolls to its best passage (or the first match).
 */
void
cg_content_view_set_highlights (CgContentView *self,
                                CgSearchHit   *hit)
{
  g_autoptr(GPtrArray) ranges = NULL;
  const CgSearchMatch *matches = NULL;
  const CgSearchRange *title_ranges = NULL;
  guint n_matches = 0;
  guint n_title_ranges = 0;
  GtkLabel *best_label = NULL;   /* where the best passage starts: scroll there */
  guint best_index = 0;

  g_return_if_fail (CG_IS_CONTENT_VIEW (self));
  g_return_if_fail (!hit || CG_IS_SEARCH_HIT (hit));

  /* One array of ranges per label, in label order */
  ranges = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  for (guint i = 0; i < self->labels->len; i++)
    g_ptr_array_add (ranges, g_array_new (FALSE, FALSE, sizeof (CgSearchRange)));

  if (hit != NULL && cg_search_hit_get_section (hit) == self->section && self->labels->len > 0)
    {
      title_ranges = cg_search_hit_get_title_ranges (hit, &n_title_ranges);
      g_array_append_vals (g_ptr_array_index (ranges, 0), title_ranges, n_title_ranges);

      matches = cg_search_hit_get_matches (hit, &n_matches);
      for (guint i = 0; i < n_matches; i++)
        {
          CgSearchRange range = { matches[i].start, matches[i].end };
          guint label;

          if (matches[i].block >= self->block_labels->len)
            continue;
          label = g_array_index (self->block_labels, guint, matches[i].block) + matches[i].item;
          if (label < self->labels->len)
            {
              g_array_append_val (g_ptr_array_index (ranges, label), range);
              if (i == cg_search_hit_get_best_match (hit))
                {
                  best_label = g_ptr_array_index (self->labels, label);
                  best_index = range.start;
                }
            }
        }
    }

  self->scroll_label = NULL;
  for (guint i = 0; i < self->labels->len; i++)
    {
      GArray *label_ranges = g_ptr_array_index (ranges, i);
      g_autoptr(PangoAttrList) attrs = NULL;

      if (label_ranges->len > 0)
        attrs = cg_highlight_attributes ((const CgSearchRange *)(gpointer)label_ranges->data, label_ranges->len);
      gtk_label_set_attributes (g_ptr_array_index (self->labels, i), attrs);

      if (self->scroll_label == NULL && label_ranges->len > 0)
        {
          self->scroll_label = g_ptr_array_index (self->labels, i);
          self->scroll_index = g_array_index (label_ranges, CgSearchRange, 0).start;
        }
    }

  if (best_label != NULL)
    {
      self->scroll_label = best_label;
      self->scroll_index = best_index;
    }

  self->scroll_frames_left = 3;
  if (self->scroll_label != NULL && self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_match_cb, NULL, NULL);
}

/* Returns: how many labels have highlighted matches (for tests) */
guint
cg_content_view_get_n_highlighted (CgContentView *self)
{
  guint n = 0;

  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), 0);

  for (guint i = 0; i < self->labels->len; i++)
    if (gtk_label_get_attributes (g_ptr_array_index (self->labels, i)) != NULL)
      n++;

  return n;
}
