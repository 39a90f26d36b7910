/* cg-content-view.c: a topic as one document, read and selected like a page
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole topic is one read-only GtkTextView with a visible caret: its title, then each
 * section's heading, paragraphs and list items, one buffer line each. That gives what separate
 * labels cannot: a selection across paragraphs and sections, and a screen reader that reads the
 * document line by line and all through (GTK exposes a text view's text, caret and selection over
 * AT-SPI). Bundle text is inserted as plain text and styled with tags, never parsed as markup.
 *
 * The view knows which section is in view (the "section" property), scrolls to a section or a
 * search match when asked, walks the highlighted matches, and keeps the back/forward history of
 * those navigations.
 */

#define G_LOG_DOMAIN "cg-content-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cg-accessible.h"
#include "cg-atspi-bus.h"
#include "cg-bundle.h"
#include "cg-content-view-private.h"
#include "cg-highlight.h"
#include "cg-search-index.h"
#include "cg-section.h"
#include "cg-section-text.h"
#include "cg-topic.h"


enum {
  PROP_0,
  PROP_SECTION,
  PROP_TOPIC,
  PROP_ZOOM,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CgContentView, cg_content_view, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

static void
section_info_clear (gpointer data)
{
  SectionInfo *info = data;

  g_clear_object (&info->section);
  g_clear_pointer (&info->block_lines, g_array_unref);
}

SectionInfo *
_cg_content_view_get_section_info (CgContentView *self,
                                   guint          index)
{
  return index < self->sections->len ? &g_array_index (self->sections, SectionInfo, index) : NULL;
}

guint
_cg_content_view_find_section (CgContentView *self,
                               CgSection     *section)
{
  for (guint i = 0; i < self->sections->len; i++)
    if (g_array_index (self->sections, SectionInfo, i).section == section)
      return i;

  return G_MAXUINT;
}

/* The section a line belongs to; the topic's title counts as part of the first section. */
guint
_cg_content_view_section_at_line (CgContentView *self,
                                  int            line)
{
  guint found = self->sections->len > 0 ? 0 : G_MAXUINT;

  for (guint i = 0; i < self->sections->len; i++)
    {
      if ((int)g_array_index (self->sections, SectionInfo, i).heading_line > line)
        break;
      found = i;
    }

  return found;
}

/* The text is named after the section in view, so a screen reader entering it (opening a
 * search result, Tab) says which section it is in. The name changes quietly as the reader reads
 * on: the heading line says the new section. */
void
_cg_content_view_name_text_view (CgContentView *self)
{
  SectionInfo *info = _cg_content_view_get_section_info (self, self->section_in_view);
  const char *name = info != NULL ? cg_section_get_title (info->section)
                                  : self->topic != NULL ? cg_topic_get_title (self->topic) : NULL;
  CgAtspiBus *bus = cg_atspi_bus_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

  if (name == NULL)
    return;
  if (bus != NULL)
    cg_atspi_bus_quiet_name (bus, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
set_section_in_view (CgContentView *self,
                     guint          index)
{
  if (index == self->section_in_view)
    return;

  self->section_in_view = index;
  _cg_content_view_name_text_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SECTION]);
}

/* The section in view is the one navigated to, until the reader scrolls, clicks or moves the
 * caret; then the one holding the caret while it is on screen and the text has the focus (a
 * keyboard or screen-reader user reads where the caret is); otherwise the one a quarter down
 * the page, where the eye is. */
void
_cg_content_view_update_section_in_view (CgContentView *self)
{
  GdkRectangle visible;
  GtkTextIter iter;
  int y, height;

  if (self->sections->len == 0)
    {
      set_section_in_view (self, G_MAXUINT);
      return;
    }

  if (self->pinned_section != G_MAXUINT)
    {
      set_section_in_view (self, self->pinned_section);
      return;
    }

  gtk_text_view_get_visible_rect (self->text_view, &visible);

  if (gtk_widget_is_focus (GTK_WIDGET (self->text_view)))
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
      gtk_text_view_get_line_yrange (self->text_view, &iter, &y, &height);
      if (y + height > visible.y && y < visible.y + visible.height)
        {
          set_section_in_view (self, _cg_content_view_section_at_line (self, gtk_text_iter_get_line (&iter)));
          return;
        }
    }

  gtk_text_view_get_line_at_y (self->text_view, &iter, visible.y + visible.height / 4, NULL);
  set_section_in_view (self, _cg_content_view_section_at_line (self, gtk_text_iter_get_line (&iter)));
}

/* The reader moved: the section in view follows the page again. */
static void
unpin (CgContentView *self)
{
  self->scroll_pending = FALSE;
  /* A context menu opened before and dismissed no longer says which section to copy */
  self->has_context_point = FALSE;

  if (self->pinned_section == G_MAXUINT)
    return;

  self->pinned_section = G_MAXUINT;
  _cg_content_view_update_section_in_view (self);
}

static void
scroll_to_mark (CgContentView *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, self->scroll_mark);

  if (gtk_text_iter_is_start (&iter))
    gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), 0);
  else if (self->scroll_to_top)
    gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE, 0.0, 0.0);
  else
    gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.15, FALSE, 0.0, 0.0);
}

void
_cg_content_view_place_cursor (CgContentView     *self,
                               const GtkTextIter *iter)
{
  self->placing_cursor = TRUE;
  gtk_text_buffer_place_cursor (self->buffer, iter);
  self->placing_cursor = FALSE;
}

void
_cg_content_view_scroll_to_iter (CgContentView     *self,
                                 const GtkTextIter *iter,
                                 gboolean           to_top)
{
  gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, iter);
  /* A mark, not an iter: the view scrolls once the lines around it are measured. Lines above
   * it are measured later, in idle time, and shift it: until the reader moves, each change of
   * the document's height scrolls to the mark again (see on_vadjustment_changed_cb()). */
  self->scroll_pending = TRUE;
  self->scroll_to_top = !!to_top;
  scroll_to_mark (self);
}

/* Copy puts the selection on the clipboard as plain text with blank lines between blocks,
 * rather than the buffer's one line per block. */
static void
on_text_view_copy_clipboard_cb (CgContentView *self,
                                GtkTextView   *text_view)
{
  g_autofree char *text = cg_content_view_dup_selected_text (self);

  g_signal_stop_emission_by_name (text_view, "copy-clipboard");

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (text_view)), text);
}

static void
on_buffer_mark_set_cb (CgContentView *self,
                       GtkTextIter   *location,
                       GtkTextMark   *mark,
                       GtkTextBuffer *buffer)
{
  if (mark != gtk_text_buffer_get_insert (buffer))
    return;

  _cg_content_view_describe_caret_line (self, location);
  if (self->placing_cursor)
    return;

  /* The reader moved the caret (keys, pointer or a screen reader): it leads from now on */
  self->pinned_section = G_MAXUINT;
  self->scroll_pending = FALSE;
  self->has_context_point = FALSE;
  _cg_content_view_update_section_in_view (self);
}

static void
on_vadjustment_value_changed_cb (CgContentView *self,
                                 GtkAdjustment *adjustment)
{
  _cg_content_view_update_section_in_view (self);
}

/* The document's height or the page changed (lines measured, zoom, window size) */
static void
on_vadjustment_changed_cb (CgContentView *self,
                           GtkAdjustment *adjustment)
{
  /* Not while unmapping: GtkScrolledWindow then ends the adjustment's animation, and a new
   * scroll from inside that would trip it */
  if (self->scroll_pending && gtk_widget_get_mapped (GTK_WIDGET (self)))
    scroll_to_mark (self);

  _cg_content_view_update_section_in_view (self);
}

static void
on_text_view_vadjustment_cb (CgContentView *self,
                             GParamSpec    *pspec,
                             GtkTextView   *text_view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view));

  if (adjustment == NULL)
    return;

  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (on_vadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed",
                           G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
}

static gboolean
on_scroll_cb (CgContentView            *self,
              double                    dx,
              double                    dy,
              GtkEventControllerScroll *controller)
{
  unpin (self);
  return GDK_EVENT_PROPAGATE;
}

static void
on_scroller_pressed_cb (CgContentView   *self,
                        int              n_press,
                        double           x,
                        double           y,
                        GtkGestureClick *gesture)
{
  /* A scrollbar or the text: the reader takes over */
  unpin (self);

  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_SECONDARY)
    {
      double text_x, text_y;
      int buffer_x, buffer_y;

      /* The context menu's Copy Section copies the section under the pointer */
      if (gtk_widget_translate_coordinates (GTK_WIDGET (self->scroller), GTK_WIDGET (self->text_view),
                                            x, y, &text_x, &text_y))
        {
          gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                                 (int)text_x, (int)text_y, &buffer_x, &buffer_y);
          self->context_y = buffer_y;
          self->has_context_point = TRUE;
        }
    }
}

static void
cg_content_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CgContentView *self = CG_CONTENT_VIEW (widget);

  _cg_content_view_update_metrics (self, width);
  gtk_widget_size_allocate (GTK_WIDGET (self->scroller),
                            &(GtkAllocation) { 0, 0, width, height }, baseline);
  _cg_content_view_update_section_in_view (self);
}

static void
cg_content_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CgContentView *self = CG_CONTENT_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->scroller), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
on_history_notify_cb (CgContentView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_GO_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_GO_FORWARD]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.go-back", cg_content_history_get_can_go_back (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.go-forward", cg_content_history_get_can_go_forward (self->history));
}

void
_cg_content_view_show_topic (CgContentView *self,
                             CgTopic       *topic)
{
  if (g_set_object (&self->topic, topic))
    {
      _cg_content_view_rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOPIC]);
    }
}

/* GtkScrolledWindow ends a scroll animation when it is unmapped by jumping to its target; the
 * text view, answering that jump, sets the adjustment again, and GTK 4.8 then disconnects the
 * animation's frame clock handler twice (a critical). Ending the animation first avoids it. */
static void
cg_content_view_unmap (GtkWidget *widget)
{
  CgContentView *self = CG_CONTENT_VIEW (widget);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));

  self->scroll_pending = FALSE;
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment));

  GTK_WIDGET_CLASS (cg_content_view_parent_class)->unmap (widget);
}

/* Orca's Say All scrolls the text it reads, and GTK 4.8 leaves that request unanswered. GTK
 * may join the accessibility bus only after the view is mapped; it has by the time the text
 * takes the focus, before any Say All. */
static void
install_scroll_reply (CgContentView *self)
{
  if (!self->scroll_reply_installed)
    self->scroll_reply_installed = cg_atspi_bus_get_for_display (gtk_widget_get_display (GTK_WIDGET (self))) != NULL;
}

static gboolean
install_scroll_reply_idle_cb (gpointer user_data)
{
  install_scroll_reply (CG_CONTENT_VIEW (user_data));
  return G_SOURCE_REMOVE;
}

/* GTK joins the bus as the window is shown, after its children are mapped */
static void
cg_content_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cg_content_view_parent_class)->map (widget);

  if (!CG_CONTENT_VIEW (widget)->scroll_reply_installed)
    g_idle_add_full (G_PRIORITY_LOW, install_scroll_reply_idle_cb, g_object_ref (widget), g_object_unref);
}

static gboolean
cg_content_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (CG_CONTENT_VIEW (widget)->text_view));
}

static void
copy_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  cg_content_view_copy_section (CG_CONTENT_VIEW (widget));
}

static void
navigate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  CgContentView *self = CG_CONTENT_VIEW (widget);

  if (g_str_equal (action_name, "content.go-back"))
    cg_content_view_go_back (self);
  else if (g_str_equal (action_name, "content.go-forward"))
    cg_content_view_go_forward (self);
  else if (g_str_equal (action_name, "content.find-next"))
    cg_content_view_find_next (self);
  else
    cg_content_view_find_previous (self);
}

static void
cg_content_view_dispose (GObject *object)
{
  CgContentView *self = (CgContentView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_CONTENT_VIEW);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_object (&self->history);
  g_clear_object (&self->topic);
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
      g_value_set_object (value, cg_content_view_get_section (self));
      break;

    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, cg_content_view_get_can_go_back (self));
      break;

    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, cg_content_view_get_can_go_forward (self));
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
cg_content_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cg_content_view_parent_class)->css_changed (widget, change);

  _cg_content_view_update_highlight_colors (CG_CONTENT_VIEW (widget));
}

static void
cg_content_view_class_init (CgContentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_content_view_dispose;
  object_class->get_property = cg_content_view_get_property;
  object_class->set_property = cg_content_view_set_property;

  widget_class->measure = cg_content_view_measure;
  widget_class->size_allocate = cg_content_view_size_allocate;
  widget_class->grab_focus = cg_content_view_grab_focus;
  widget_class->map = cg_content_view_map;
  widget_class->unmap = cg_content_view_unmap;
  widget_class->css_changed = cg_content_view_css_changed;

  /**
   * CgContentView:section:
   *
   * The section in view. Setting it shows the section's topic and scrolls to the section.
   */
  properties [PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL,
                         CG_TYPE_SECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL,
                         CG_TYPE_TOPIC,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         ZOOM_MIN, ZOOM_MAX, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/cg-content-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CgContentView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CgContentView, text_view);
  gtk_widget_class_set_css_name (widget_class, "contentview");

  gtk_widget_class_install_action (widget_class, "content.copy-section", NULL, copy_section_action);
  gtk_widget_class_install_action (widget_class, "content.go-back", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "content.go-forward", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "content.find-next", NULL, navigate_action);
  gtk_widget_class_install_action (widget_class, "content.find-previous", NULL, navigate_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "content.copy-section", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "content.copy-section", NULL);
}

static void
cg_content_view_init (CgContentView *self)
{
  GtkEventController *controller;
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A box around the text to screen readers: an empty name is said as nothing, where GTK 4.8
   * would say the type name */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

  self->buffer = gtk_text_view_get_buffer (self->text_view);

  _cg_content_view_create_tags (self);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (self->buffer, "scroll-target", &start, TRUE);

  self->sections = g_array_new (FALSE, TRUE, sizeof (SectionInfo));
  g_array_set_clear_func (self->sections, section_info_clear);
  self->lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  self->matches = g_array_new (FALSE, FALSE, sizeof (MatchSpan));
  self->history = cg_content_history_new (MAX_HISTORY);
  g_signal_connect_object (self->history, "notify", G_CALLBACK (on_history_notify_cb), self, G_CONNECT_SWAPPED);
  self->section_in_view = G_MAXUINT;
  self->pinned_section = G_MAXUINT;
  self->current_match = -1;
  self->view_width = -1;

  g_signal_connect_object (self->text_view, "copy-clipboard",
                           G_CALLBACK (on_text_view_copy_clipboard_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "mark-set",
                           G_CALLBACK (on_buffer_mark_set_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_view, "notify::vadjustment",
                           G_CALLBACK (on_text_view_vadjustment_cb), self, G_CONNECT_SWAPPED);
  on_text_view_vadjustment_cb (self, NULL, self->text_view);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (install_scroll_reply), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  /* Wheel and touchpad scrolling */
  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (on_scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), controller);

  /* Any button on the text or the scrollbars, seen before the text view handles it */
  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (on_scroller_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), controller);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.go-back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.go-forward", FALSE);

  self->zoom = 1.0;
  cg_content_view_set_zoom (self, 1.0);
}

GtkWidget *
cg_content_view_new (void)
{
  return g_object_new (CG_TYPE_CONTENT_VIEW, NULL);
}

/* Returns: (transfer none): the text view showing the document */
GtkTextView *
cg_content_view_get_text_view (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), NULL);

  return self->text_view;
}

/* Returns: (transfer none) (nullable): the topic shown */
CgTopic *
cg_content_view_get_topic (CgContentView *self)
{
  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), NULL);

  return self->topic;
}

/* Returns: (transfer none) (nullable): the section in view */
CgSection *
cg_content_view_get_section (CgContentView *self)
{
  SectionInfo *info;

  g_return_val_if_fail (CG_IS_CONTENT_VIEW (self), NULL);

  info = _cg_content_view_get_section_info (self, self->section_in_view);

  return info != NULL ? info->section : NULL;
}

/* Shows @section's topic if needed and scrolls its heading to the top. */
void
_cg_content_view_scroll_to_section (CgContentView *self,
                                    CgSection     *section)
{
  GtkTextIter iter;
  guint index;

  _cg_content_view_show_topic (self, cg_section_get_topic (section));
  if ((index = _cg_content_view_find_section (self, section)) == G_MAXUINT)
    return;

  gtk_text_buffer_get_iter_at_line (self->buffer, &iter, _cg_content_view_get_section_info (self, index)->heading_line);
  _cg_content_view_place_cursor (self, &iter);
  /* The first section comes with the topic's title above it */
  if (index == 0)
    gtk_text_buffer_get_start_iter (self->buffer, &iter);
  _cg_content_view_scroll_to_iter (self, &iter, TRUE);
  self->pinned_section = index;
  _cg_content_view_update_section_in_view (self);
}

/**
 * cg_content_view_set_section:
 * @section: (nullable): the section to show
 *
 * Shows the document of @section's topic, scrolled to @section, and records the place left in
 * the history.
 */
void
cg_content_view_set_section (CgContentView *self,
                             CgSection     *section)
{
  g_return_if_fail (CG_IS_CONTENT_VIEW (self));
  g_return_if_fail (!section || CG_IS_SECTION (section));

  if (section == NULL || cg_section_get_topic (section) == NULL)
    {
      _cg_content_view_show_topic (self, NULL);
      _cg_content_view_update_section_in_view (self);
      return;
    }

  _cg_content_view_push_history (self, section);
  _cg_content_view_scroll_to_section (self, section);
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
    gtk_widget_remove_css_class (GTK_WIDGET (self->text_view), self->zoom_class);
  g_free (self->zoom_class);
  self->zoom_class = g_strdup_printf ("zoom-%d", percent);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), self->zoom_class);

  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
    }
}

