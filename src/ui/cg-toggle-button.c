/* cg-toggle-button.c: a header bar toggle that screen readers announce with its state
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no toggle button role: a GtkToggleButton is a "push button" with a pressed
 * state, and Orca does not say the state of a push button. Until GTK 4.10 (which has the
 * role) this button is a check box to assistive technology, checked while active, so Orca
 * says "Show sections check box checked". It is a GtkButton rather than a GtkToggleButton
 * because a GtkToggleButton also reports "pressed", and Orca would say every change twice.
 * Like GtkToggleButton it takes the state of a boolean action (GtkActionHelper sets the
 * "active" property) or toggles itself when clicked, and looks pressed (:checked) while active.
 */

#define G_LOG_DOMAIN "cg-toggle-button"

#include "config.h"

#include "cg-toggle-button.h"

struct _CgToggleButton
{
  GtkButton parent_instance;

  gboolean  active;
};

enum {
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CgToggleButton, cg_toggle_button, GTK_TYPE_BUTTON)

static GParamSpec *properties [N_PROPS];

static void
update_accessible_state (CgToggleButton *self)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_PRESSED, self->active,
                               -1);
#else
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_CHECKED,
                               self->active ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
#endif
}

static void
cg_toggle_button_clicked (GtkButton *button)
{
  CgToggleButton *self = CG_TOGGLE_BUTTON (button);

  /* With an action, the action's new state comes back through the "active" property */
  if (gtk_actionable_get_action_name (GTK_ACTIONABLE (self)) == NULL)
    cg_toggle_button_set_active (self, !self->active);

  if (GTK_BUTTON_CLASS (cg_toggle_button_parent_class)->clicked != NULL)
    GTK_BUTTON_CLASS (cg_toggle_button_parent_class)->clicked (button);
}

static void
cg_toggle_button_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CgToggleButton *self = CG_TOGGLE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_toggle_button_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CgToggleButton *self = CG_TOGGLE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      cg_toggle_button_set_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_toggle_button_class_init (CgToggleButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkButtonClass *button_class = GTK_BUTTON_CLASS (klass);

  object_class->get_property = cg_toggle_button_get_property;
  object_class->set_property = cg_toggle_button_set_property;
  button_class->clicked = cg_toggle_button_clicked;

  properties [PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

#if GTK_CHECK_VERSION (4, 10, 0)
  /* 4.10 API, used on purpose behind the 4.8 version fence */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOGGLE_BUTTON);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_CHECKBOX);
#endif
}

static void
cg_toggle_button_init (CgToggleButton *self)
{
  update_accessible_state (self);
}

GtkWidget *
cg_toggle_button_new (void)
{
  return g_object_new (CG_TYPE_TOGGLE_BUTTON, NULL);
}

gboolean
cg_toggle_button_get_active (CgToggleButton *self)
{
  g_return_val_if_fail (CG_IS_TOGGLE_BUTTON (self), FALSE);

  return self->active;
}

void
cg_toggle_button_set_active (CgToggleButton *self,
                             gboolean        active)
{
  g_return_if_fail (CG_IS_TOGGLE_BUTTON (self));

  active = !!active;
  if (active == self->active)
    return;

  self->active = active;
  if (active)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED);
  update_accessible_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACTIVE]);
}
