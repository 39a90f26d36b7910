/* cg-sidebar.c: the list of sections, grouped by topic when there are several
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-highlight.h"
#include "cg-search-index.h"
#include "cg-section.h"
#include "cg-sidebar.h"
#include "cg-topic.h"

struct _CgSidebar
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkStack   *stack;
  GtkListBox *sections_list;
  GtkListBox *results_list;
  GtkLabel   *empty_label;

  /* Owned */
  GPtrArray  *topics;

  guint       marking : 1;  /* selecting the section in view, not choosing one */
};

enum {
  SECTION_ACTIVATED,
  RESULT_ACTIVATED,
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

  if (section != NULL && !self->marking)
    g_signal_emit (self, signals [SECTION_ACTIVATED], 0, section);
}

/* A click or Enter on the section already selected (the one in view): back to its heading */
static void
on_sections_list_row_activated_cb (CgSidebar     *self,
                                   GtkListBoxRow *row,
                                   GtkListBox    *list)
{
  CgSection *section = row_get_section (row);

  if (section != NULL && gtk_list_box_row_is_selected (row))
    g_signal_emit (self, signals [SECTION_ACTIVATED], 0, section);
}

static void
on_results_list_row_activated_cb (CgSidebar     *self,
                                  GtkListBoxRow *row,
                                  GtkListBox    *list)
{
  CgSearchHit *hit = g_object_get_data (G_OBJECT (row), "cg-search-hit");

  g_signal_emit (self, signals [RESULT_ACTIVATED], 0, hit);
}

static GtkWidget *
create_result_row (CgSearchHit *hit)
{
  CgSection *section = cg_search_hit_get_section (hit);
  const CgSearchRange *ranges;
  const char *keyword = cg_search_hit_get_matched_keyword (hit);
  g_autoptr(PangoAttrList) title_attrs = NULL;
  g_autoptr(PangoAttrList) snippet_attrs = NULL;
  g_autofree char *accessible_label = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (cg_section_get_title (section));
  GtkWidget *snippet = gtk_label_new (cg_search_hit_get_snippet (hit));
  guint n_ranges;

  ranges = cg_search_hit_get_title_ranges (hit, &n_ranges);
  title_attrs = cg_highlight_attributes (ranges, n_ranges);
  pango_attr_list_insert_before (title_attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (GTK_LABEL (title), title_attrs);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_box_append (GTK_BOX (box), title);

  ranges = cg_search_hit_get_snippet_ranges (hit, &n_ranges);
  snippet_attrs = cg_highlight_attributes (ranges, n_ranges);
  gtk_label_set_attributes (GTK_LABEL (snippet), snippet_attrs);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 4);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (snippet), 30);
  gtk_widget_add_css_class (snippet, "caption");
  gtk_box_append (GTK_BOX (box), snippet);

  if (keyword != NULL)
    {
      /* Translators: shown under a search result found only through a lay search term */
      g_autofree char *text = g_strdup_printf (_("matched: %s"), keyword);
      GtkWidget *matched = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (matched), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (matched), TRUE);
      gtk_widget_add_css_class (matched, "caption");
      gtk_widget_add_css_class (matched, "dim-label");
      gtk_box_append (GTK_BOX (box), matched);
    }

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Readers announce the section first, then the words around the match */
  accessible_label = g_strdup_printf ("%s: %s", cg_section_get_title (section), cg_search_hit_get_snippet (hit));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "cg-search-hit", g_object_ref (hit), g_object_unref);

  return row;
}

/* Tab leaves the list instead of walking (and selecting) row by row, so the reader can move
 * from the sections to the text without changing the section shown. */
static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkDirectionType direction;
  gboolean moved;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_ISO_Left_Tab ||
      ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK)))
    direction = GTK_DIR_TAB_BACKWARD;
  else if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = GTK_DIR_TAB_FORWARD;
  else
    return GDK_EVENT_PROPAGATE;

  /* With the list out of the focus chain for a moment, the window moves past it */
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (list)), direction);
  gtk_widget_set_can_focus (list, TRUE);

  return moved ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
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

  /**
   * CgSidebar::result-activated:
   * @hit: the search result chosen with Enter or a click
   */
  signals [RESULT_ACTIVATED] =
    g_signal_new ("result-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CG_TYPE_SEARCH_HIT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cg-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, CgSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, CgSidebar, sections_list);
  gtk_widget_class_bind_template_child (widget_class, CgSidebar, results_list);
  gtk_widget_class_bind_template_child (widget_class, CgSidebar, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_sections_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sections_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_list_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
}

static void
cg_sidebar_init (CgSidebar *self)
{
  GtkWidget *lists[2];

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->sections_list, update_header, self, NULL);

  lists[0] = GTK_WIDGET (self->sections_list);
  lists[1] = GTK_WIDGET (self->results_list);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GtkEventController *controller = gtk_event_controller_key_new ();

      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect (controller, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), NULL);
      gtk_widget_add_controller (lists[i], controller);
    }
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

/**
 * cg_sidebar_mark_section:
 * @section_id: (nullable): the section in view
 *
 * Selects the section's row, as the document scrolls, without emitting ::section-activated.
 */
void
cg_sidebar_mark_section (CgSidebar  *self,
                         const char *section_id)
{
  g_return_if_fail (CG_IS_SIDEBAR (self));

  self->marking = TRUE;
  if (!cg_sidebar_select_section (self, section_id))
    gtk_list_box_unselect_all (self->sections_list);
  self->marking = FALSE;
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

/**
 * cg_sidebar_show_results:
 * @query: the query, as typed
 * @hits: (element-type CgSearchHit): the results, best first
 *
 * Shows the results instead of the sections, or a "No results" page.
 */
void
cg_sidebar_show_results (CgSidebar  *self,
                         const char *query,
                         GPtrArray  *hits)
{
  g_autofree char *count = NULL;
  GtkListBoxRow *row;

  g_return_if_fail (CG_IS_SIDEBAR (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (hits != NULL);

  while ((row = gtk_list_box_get_row_at_index (self->results_list, 0)))
    gtk_list_box_remove (self->results_list, GTK_WIDGET (row));

  if (hits->len == 0)
    {
      /* Translators: %s is the search query */
      g_autofree char *text = g_strdup_printf (_("No results for “%s”"), query);

      gtk_label_set_text (self->empty_label, text);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->results_list, create_result_row (g_ptr_array_index (hits, i)));

  gtk_list_box_select_row (self->results_list, gtk_list_box_get_row_at_index (self->results_list, 0));

  /* GTK 4.8 cannot announce; the count is exposed as the list's description instead */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", hits->len), hits->len);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results_list),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count,
                                  -1);
  gtk_stack_set_visible_child_name (self->stack, "results");
}

/* Back to the list of sections, as it was before the search. */
void
cg_sidebar_show_sections (CgSidebar *self)
{
  g_return_if_fail (CG_IS_SIDEBAR (self));

  gtk_stack_set_visible_child_name (self->stack, "sections");
}

gboolean
cg_sidebar_get_showing_results (CgSidebar *self)
{
  g_return_val_if_fail (CG_IS_SIDEBAR (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "sections") != 0;
}

/* Moves the keyboard focus to the results, e.g. on Down in the search entry. */
gboolean
cg_sidebar_focus_results (CgSidebar *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CG_IS_SIDEBAR (self), FALSE);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results") ||
      !(row = gtk_list_box_get_selected_row (self->results_list)))
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

/* Activates the selected result, e.g. on Enter in the search entry. */
gboolean
cg_sidebar_activate_result (CgSidebar *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CG_IS_SIDEBAR (self), FALSE);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results") ||
      !(row = gtk_list_box_get_selected_row (self->results_list)))
    return FALSE;

  g_signal_emit (self, signals [RESULT_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "cg-search-hit"));
  return TRUE;
}

/* Returns: how many results are listed (0 while the sections or "No results" are shown) */
guint
cg_sidebar_get_n_results (CgSidebar *self)
{
  guint n = 0;

  g_return_val_if_fail (CG_IS_SIDEBAR (self), 0);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    while (gtk_list_box_get_row_at_index (self->results_list, n) != NULL)
      n++;

  return n;
}
