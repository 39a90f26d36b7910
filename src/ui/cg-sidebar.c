/* cg-sidebar.c: the list of sections, grouped by topic when there are several
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both lists are list views: a clinic library of thousands of sections costs a row widget only
 * for the rows on screen. The sections come from a CgSectionList, the search results from a
 * list store of hits.
 */

#define G_LOG_DOMAIN "cg-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-result-row.h"
#include "cg-search-index.h"
#include "cg-section.h"
#include "cg-keys.h"
#include "cg-section-list.h"
#include "cg-section-row.h"
#include "cg-sidebar.h"
#include "cg-sidebar-private.h"
#include "cg-topic.h"

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

enum {
  SECTION_ACTIVATED,
  RESULT_ACTIVATED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (CgSidebar, cg_sidebar, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The row widget GTK 4.8 wraps each item in is what a screen reader reads as the list item
 * (the list view has no API for its name before 4.12). */
static void
set_item_accessible_label (GtkWidget  *row,
                           const char *label,
                           const char *description)
{
  GtkWidget *item = gtk_widget_get_parent (row);

  if (item == NULL)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* A click on the row already selected (the section in view) goes back to its heading. The
 * press is seen before the list view selects, so the row was selected before the click. */
static void
on_section_row_pressed_cb (GtkGestureClick *gesture,
                           int              n_press,
                           double           x,
                           double           y,
                           GtkListItem     *list_item)
{
  g_object_set_data (G_OBJECT (gesture), "cg-was-selected",
                     GINT_TO_POINTER (n_press == 1 && gtk_list_item_get_selected (list_item)));
}

static void
on_section_row_released_cb (GtkGestureClick *gesture,
                            int              n_press,
                            double           x,
                            double           y,
                            GtkListItem     *list_item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  CgSidebar *self = CG_SIDEBAR (gtk_widget_get_ancestor (row, CG_TYPE_SIDEBAR));
  CgSection *section = gtk_list_item_get_item (list_item);

  if (self != NULL && section != NULL && g_object_get_data (G_OBJECT (gesture), "cg-was-selected") &&
      gtk_list_item_get_selected (list_item))
    g_signal_emit (self, signals [SECTION_ACTIVATED], 0, section);
}

static void
set_row_in_view (CgSectionRow *row,
                 gboolean      in_view)
{
  if (in_view)
    gtk_widget_add_css_class (GTK_WIDGET (row), "in-view");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "in-view");
}

static void
on_section_factory_setup_cb (GtkSignalListItemFactory *factory,
                             GtkListItem              *list_item,
                             CgSidebar                *self)
{
  GtkWidget *row = cg_section_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_section_row_pressed_cb), list_item);
  g_signal_connect (click, "released", G_CALLBACK (on_section_row_released_cb), list_item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (list_item, row);
}

/* What depends on the rows around this one: the topic heading on a topic's first row, and
 * the topic in the accessible label, both only when several topics are listed */
static void
update_section_grouping (CgSidebar   *self,
                         GtkListItem *list_item)
{
  CgSectionRow *row = CG_SECTION_ROW (gtk_list_item_get_child (list_item));
  CgSection *section = gtk_list_item_get_item (list_item);
  gboolean grouped = cg_section_list_get_n_topics (self->sections) > 1;
  CgTopic *topic = cg_section_get_topic (section);

  cg_section_row_set_show_topic (row, grouped &&
                                 cg_section_list_is_topic_start (self->sections,
                                                                 gtk_list_item_get_position (list_item)));
  /* Grouped, each row says its topic: the heading is only on the first one */
  set_item_accessible_label (GTK_WIDGET (row), cg_section_get_title (section),
                             grouped && topic != NULL ? cg_topic_get_title (topic) : NULL);
}

static void
on_section_factory_bind_cb (GtkSignalListItemFactory *factory,
                            GtkListItem              *list_item,
                            CgSidebar                *self)
{
  CgSectionRow *row = CG_SECTION_ROW (gtk_list_item_get_child (list_item));
  CgSection *section = gtk_list_item_get_item (list_item);

  cg_section_row_set_section (row, section);
  set_row_in_view (row, section == self->in_view);
  update_section_grouping (self, list_item);
  g_hash_table_add (self->bound_items, list_item);
}

static void
on_section_factory_unbind_cb (GtkSignalListItemFactory *factory,
                              GtkListItem              *list_item,
                              CgSidebar                *self)
{
  cg_section_row_set_section (CG_SECTION_ROW (gtk_list_item_get_child (list_item)), NULL);
  if (self->bound_items != NULL)
    g_hash_table_remove (self->bound_items, list_item);
}

static void
on_result_factory_setup_cb (GtkSignalListItemFactory *factory,
                            GtkListItem              *list_item,
                            CgSidebar                *self)
{
  gtk_list_item_set_child (list_item, cg_result_row_new ());
}

static void
on_result_factory_bind_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item,
                           CgSidebar                *self)
{
  CgResultRow *row = CG_RESULT_ROW (gtk_list_item_get_child (list_item));
  g_autofree char *label = NULL;

  cg_result_row_set_hit (row, gtk_list_item_get_item (list_item));
  label = cg_result_row_dup_accessible_label (row);
  set_item_accessible_label (GTK_WIDGET (row), label, NULL);
}

static void
on_result_factory_unbind_cb (GtkSignalListItemFactory *factory,
                             GtkListItem              *list_item,
                             CgSidebar                *self)
{
  cg_result_row_set_hit (CG_RESULT_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_sections_selection_changed_cb (CgSidebar          *self,
                                  guint               position,
                                  guint               n_items,
                                  GtkSingleSelection *selection)
{
  CgSection *section = gtk_single_selection_get_selected_item (selection);

  if (section != NULL && !self->marking)
    g_signal_emit (self, signals [SECTION_ACTIVATED], 0, section);
}

/* Enter or a double click: the section, even the one in view (back to its heading) */
static void
on_sections_view_activate_cb (CgSidebar   *self,
                              guint        position,
                              GtkListView *view)
{
  if (gtk_single_selection_get_selected (self->sections_selection) != position)
    gtk_single_selection_set_selected (self->sections_selection, position);
  else
    g_signal_emit (self, signals [SECTION_ACTIVATED], 0,
                   gtk_single_selection_get_selected_item (self->sections_selection));
}

static void
on_results_view_activate_cb (CgSidebar   *self,
                             guint        position,
                             GtkListView *view)
{
  g_autoptr(CgSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (hit != NULL)
    g_signal_emit (self, signals [RESULT_ACTIVATED], 0, hit);
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

  if (!cg_keys_get_tab_direction (keyval, state, &direction))
    return GDK_EVENT_PROPAGATE;

  /* With the list out of the focus chain for a moment, the window moves past it */
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (list)), direction);
  gtk_widget_set_can_focus (list, TRUE);

  return moved ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Scrolls @position into view and, with @focus, puts the keyboard focus on its row */
void
_cg_sidebar_show_position (GtkListView *view,
                           guint        position,
                           gboolean     focus)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));
  gboolean focus_elsewhere = !focus && root != NULL && gtk_root_get_focus (root) != NULL &&
                             !has_focus_within (GTK_WIDGET (view));

  /* GTK 4.8's scroll-to-item also moves the keyboard focus to the item. Where the focus is
   * elsewhere (the reader in the text or the search entry, a screen reader reading there) the
   * list takes no focus meanwhile: a focus moved and given back is still announced. */
  if (focus_elsewhere)
    gtk_widget_set_can_focus (GTK_WIDGET (view), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (view), "list.scroll-to-item", "u", position);
  if (focus_elsewhere)
    gtk_widget_set_can_focus (GTK_WIDGET (view), TRUE);

  if (focus)
    gtk_widget_grab_focus (GTK_WIDGET (view));
}

static void
cg_sidebar_unrealize (GtkWidget *widget)
{
  CgSidebar *self = CG_SIDEBAR (widget);

  /* The frame clock goes with the surface: list what is left now */
  if (self->pending_hits != NULL)
    g_list_store_splice (self->results, g_list_model_get_n_items (G_LIST_MODEL (self->results)), 0,
                         self->pending_hits->pdata, self->pending_hits->len);
  _cg_sidebar_cancel_pending_hits (self);

  GTK_WIDGET_CLASS (cg_sidebar_parent_class)->unrealize (widget);
}

static void
cg_sidebar_dispose (GObject *object)
{
  CgSidebar *self = (CgSidebar *)object;

  _cg_sidebar_cancel_pending_hits (self);
  g_clear_handle_id (&self->focus_in_view_id, g_source_remove);
  g_clear_object (&self->in_view);

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_SIDEBAR);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  g_clear_object (&self->sections_selection);
  g_clear_object (&self->sections);
  g_clear_object (&self->results_selection);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (cg_sidebar_parent_class)->dispose (object);
}

static void
cg_sidebar_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CgSidebar *self = CG_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, cg_sidebar_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_sidebar_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CgSidebar *self = CG_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      cg_sidebar_set_loading (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_sidebar_class_init (CgSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_sidebar_dispose;
  object_class->get_property = cg_sidebar_get_property;
  object_class->set_property = cg_sidebar_set_property;

  widget_class->unrealize = cg_sidebar_unrealize;

  /**
   * CgSidebar:loading:
   *
   * Whether more sections are on their way (clinic bundles being read): a short note shows
   * at the bottom of the list. Not a spinner: with software rendering its frames would take
   * the processor from the loading itself.
   */
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CgSidebar::section-activated:
   * @section: the section chosen, by keyboard, pointer or cg_sidebar_select_section()
   *
   * Not emitted for cg_sidebar_mark_section().
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

  g_type_ensure (CG_TYPE_SECTION_ROW);
  g_type_ensure (CG_TYPE_RESULT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cg-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, CgSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, CgSidebar, sections_view);
  gtk_widget_class_bind_template_child (widget_class, CgSidebar, results_view);
  gtk_widget_class_bind_template_child (widget_class, CgSidebar, empty_label);
  gtk_widget_class_bind_template_child (widget_class, CgSidebar, loading_revealer);
  gtk_widget_class_bind_template_callback (widget_class, on_sections_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_view_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
}

static GtkListItemFactory *
create_factory (CgSidebar *self,
                GCallback  setup_cb,
                GCallback  bind_cb,
                GCallback  unbind_cb)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup_cb, self);
  g_signal_connect (factory, "bind", bind_cb, self);
  g_signal_connect (factory, "unbind", unbind_cb, self);

  return factory;
}

static gboolean
is_section_in_view_focused (CgSidebar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_first_child (focus) : NULL;

  return CG_IS_SECTION_ROW (row) && cg_section_row_get_section (CG_SECTION_ROW (row)) == self->in_view &&
         gtk_single_selection_get_selected_item (self->sections_selection) == self->in_view;
}

static gboolean
focus_section_in_view_cb (gpointer user_data)
{
  CgSidebar *self = user_data;

  self->focus_in_view_id = 0;
  if (self->in_view != NULL && !is_section_in_view_focused (self) &&
      has_focus_within (GTK_WIDGET (self->sections_view)))
    cg_sidebar_focus_list (self);

  return G_SOURCE_REMOVE;
}

/* Tab and Shift+Tab into the list focus the row focused last, which need not be the section in
 * view (the list marks it without selecting it while the keyboard is in the text): the focus
 * moves on to that section once GTK has finished moving it into the list. */
static void
on_sections_view_focus_enter_cb (CgSidebar               *self,
                                 GtkEventControllerFocus *controller)
{
  if (self->in_view == NULL || self->focus_in_view_id != 0 || is_section_in_view_focused (self))
    return;

  self->focus_in_view_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, focus_section_in_view_cb, self, NULL);
}

static void
cg_sidebar_init (CgSidebar *self)
{
  g_autoptr(GtkListItemFactory) section_factory = NULL;
  g_autoptr(GtkListItemFactory) result_factory = NULL;
  GtkWidget *views[2];
  GtkEventController *focus_controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->sections = cg_section_list_new ();
  self->bound_items = g_hash_table_new (NULL, NULL);
  self->sections_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sections)));
  /* The window chooses the first section shown (the one read last time) */
  gtk_single_selection_set_autoselect (self->sections_selection, FALSE);
  /* Marking a section in view leaves nothing selected (select_section()): GTK 4.18, unlike
   * 4.8, ignores an unselection the model does not allow */
  gtk_single_selection_set_can_unselect (self->sections_selection, TRUE);
  g_signal_connect_object (self->sections_selection, "selection-changed",
                           G_CALLBACK (on_sections_selection_changed_cb), self, G_CONNECT_SWAPPED);
  section_factory = create_factory (self, G_CALLBACK (on_section_factory_setup_cb),
                                    G_CALLBACK (on_section_factory_bind_cb),
                                    G_CALLBACK (on_section_factory_unbind_cb));
  gtk_list_view_set_factory (self->sections_view, section_factory);
  gtk_list_view_set_model (self->sections_view, GTK_SELECTION_MODEL (self->sections_selection));

  /* GTK 4.8 names an unnamed stack page "GtkStackPage" to screen readers, and Orca says it
   * on entering the list; an empty name is said as nothing */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_stack_get_page (self->stack, child)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                    -1);
  /* Likewise "GtkLabel" until a search sets the text (which names it from then on) */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->empty_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);

  self->results = g_list_store_new (CG_TYPE_SEARCH_HIT);
  self->results_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  result_factory = create_factory (self, G_CALLBACK (on_result_factory_setup_cb),
                                   G_CALLBACK (on_result_factory_bind_cb),
                                   G_CALLBACK (on_result_factory_unbind_cb));
  gtk_list_view_set_factory (self->results_view, result_factory);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->results_selection));

  focus_controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus_controller, "enter", G_CALLBACK (on_sections_view_focus_enter_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->sections_view), focus_controller);

  views[0] = GTK_WIDGET (self->sections_view);
  views[1] = GTK_WIDGET (self->results_view);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkEventController *controller = gtk_event_controller_key_new ();

      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect (controller, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), NULL);
      gtk_widget_add_controller (views[i], controller);
    }
}

/* The list's own row around the section's CgSectionRow, if the row has been made */
static GtkWidget *
find_section_row (GtkListView *view,
                  CgSection   *section)
{
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (view));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (CG_IS_SECTION_ROW (row) && cg_section_row_get_section (CG_SECTION_ROW (row)) == section)
        return item;
    }

  return NULL;
}

static void
set_in_view (CgSidebar *self,
             CgSection *section)
{
  GtkWidget *item;

  if (self->in_view == section)
    return;

  /* Only rows made already are marked here; rows made later get it when bound */
  if (self->in_view != NULL && (item = find_section_row (self->sections_view, self->in_view)))
    set_row_in_view (CG_SECTION_ROW (gtk_widget_get_first_child (item)), FALSE);
  g_set_object (&self->in_view, section);
  if (section != NULL && (item = find_section_row (self->sections_view, section)))
    set_row_in_view (CG_SECTION_ROW (gtk_widget_get_first_child (item)), TRUE);
}

static void
set_selected_quietly (CgSidebar *self,
                      guint      position)
{
  gboolean was_marking = self->marking;

  self->marking = TRUE;
  gtk_single_selection_set_selected (self->sections_selection, position);
  self->marking = was_marking;
}

static gboolean select_section (CgSidebar  *self,
                                const char *section_id,
                                gboolean    activate);

GtkWidget *
cg_sidebar_new (void)
{
  return g_object_new (CG_TYPE_SIDEBAR, NULL);
}

/**
 * cg_sidebar_set_topics:
 * @topics: (element-type CgTopic): the topics to list, in order
 *
 * Topics listed already keep their rows, selection and scroll position: adding a clinic
 * bundle at the end only adds rows.
 */
void
cg_sidebar_set_topics (CgSidebar *self,
                       GPtrArray *topics)
{
  g_autoptr(CgSection) in_view = NULL;
  gboolean grouped;

  g_return_if_fail (CG_IS_SIDEBAR (self));
  g_return_if_fail (topics != NULL);

  if (self->in_view != NULL)
    in_view = g_object_ref (self->in_view);

  /* Rows that change are selected again by the model: that is no choice of the reader's */
  self->marking = TRUE;
  grouped = cg_section_list_get_n_topics (self->sections) > 1;
  cg_section_list_set_topics (self->sections, topics);
  /* GTK 4.12 and later keep the rows of items that stay, without binding them again: the first
   * topic's rows gain or lose their heading here */
  if (grouped != (cg_section_list_get_n_topics (self->sections) > 1))
    {
      GHashTableIter iter;
      gpointer list_item;

      g_hash_table_iter_init (&iter, self->bound_items);
      while (g_hash_table_iter_next (&iter, &list_item, NULL))
        update_section_grouping (self, list_item);
    }
  if (in_view != NULL && !select_section (self, cg_section_get_id (in_view), FALSE))
    set_in_view (self, NULL);
  self->marking = FALSE;
}

/* Returns: (transfer none) (nullable): the section in view, marked in the list */
CgSection *
cg_sidebar_get_section (CgSidebar *self)
{
  g_return_val_if_fail (CG_IS_SIDEBAR (self), NULL);

  return self->in_view;
}

static gboolean
select_section (CgSidebar  *self,
                const char *section_id,
                gboolean    activate)
{
  guint position = cg_section_list_find (self->sections, section_id);
  g_autoptr(CgSection) section = NULL;
  guint selected;

  if (position == G_MAXUINT)
    return FALSE;

  section = g_list_model_get_item (G_LIST_MODEL (self->sections), position);
  set_in_view (self, section);
  selected = gtk_single_selection_get_selected (self->sections_selection);

  if (activate)
    {
      if (selected != position)
        gtk_single_selection_set_selected (self->sections_selection, position);
      else
        g_signal_emit (self, signals [SECTION_ACTIVATED], 0,
                       gtk_single_selection_get_selected_item (self->sections_selection));
    }
  else if (selected != position)
    {
      /* The text moved on: the list marks the section in view. Selecting it would also have a
       * screen reader (Orca) leave the text for the list at each section the reader reads into;
       * so, with the keyboard elsewhere, the row is marked in view and nothing stays selected
       * (the list is selected again when it gets the focus, cg_sidebar_focus_list()). */
      set_selected_quietly (self, has_focus_within (GTK_WIDGET (self->sections_view)) ?
                                  position : GTK_INVALID_LIST_POSITION);
    }

  _cg_sidebar_show_position (self->sections_view, position, FALSE);

  return TRUE;
}

/* Selects the section, scrolls to it and emits ::section-activated. Returns FALSE if there
 * is no such section. */
gboolean
cg_sidebar_select_section (CgSidebar  *self,
                           const char *section_id)
{
  g_return_val_if_fail (CG_IS_SIDEBAR (self), FALSE);

  return select_section (self, section_id, TRUE);
}

/* Marks the section as the one in view (selected, scrolled to) without ::section-activated,
 * e.g. when the reader scrolls the text into the next section. */
gboolean
cg_sidebar_mark_section (CgSidebar  *self,
                         const char *section_id)
{
  g_return_val_if_fail (CG_IS_SIDEBAR (self), FALSE);

  return select_section (self, section_id, FALSE);
}

/* Focuses the section in view. GTK 4.8 has no call to focus a list's row; grabbing the view
 * alone would focus the row focused last, not the section in view, and a screen reader would
 * say a section that is not selected. */
void
cg_sidebar_focus_list (CgSidebar *self)
{
  CgSection *section;
  GtkWidget *row;
  guint position;

  g_return_if_fail (CG_IS_SIDEBAR (self));

  /* The section in view, selected again (see select_section()) before its row is focused */
  section = self->in_view;
  position = section != NULL ? cg_section_list_find (self->sections, cg_section_get_id (section)) : G_MAXUINT;
  if (position != G_MAXUINT)
    {
      set_selected_quietly (self, position);
      _cg_sidebar_show_position (self->sections_view, position, FALSE);
    }

  if (section == NULL || !(row = find_section_row (self->sections_view, section)) ||
      !gtk_widget_grab_focus (row))
    gtk_widget_grab_focus (GTK_WIDGET (self->sections_view));
}

/* Activates the selected result, e.g. on Enter in the search entry. */
gboolean
cg_sidebar_activate_result (CgSidebar *self)
{
  CgSearchHit *hit;

  g_return_val_if_fail (CG_IS_SIDEBAR (self), FALSE);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results") ||
      !(hit = gtk_single_selection_get_selected_item (self->results_selection)))
    return FALSE;

  g_signal_emit (self, signals [RESULT_ACTIVATED], 0, hit);
  return TRUE;
}

gboolean
cg_sidebar_get_loading (CgSidebar *self)
{
  g_return_val_if_fail (CG_IS_SIDEBAR (self), FALSE);

  return gtk_revealer_get_reveal_child (self->loading_revealer);
}

void
cg_sidebar_set_loading (CgSidebar *self,
                        gboolean   loading)
{
  g_return_if_fail (CG_IS_SIDEBAR (self));

  loading = !!loading;
  if (loading == cg_sidebar_get_loading (self))
    return;

  gtk_revealer_set_reveal_child (self->loading_revealer, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}
