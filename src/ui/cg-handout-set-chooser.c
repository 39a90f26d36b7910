/* cg-handout-set-chooser.c: the handout builder's handout sets — choose, save, rename, delete
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chooser knows sets, not the builder's widgets: choosing a set that the library can
 * print emits ::apply, and saving asks the builder for its current choice through ::fill.
 * A set that names what the library lacks is shown with what is missing and never applied.
 */

#define G_LOG_DOMAIN "cg-handout-set-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-handout-set.h"
#include "cg-bundle.h"
#include "cg-handout-request.h"
#include "cg-handout-set-chooser.h"
#include "cg-library.h"
#include "cg-library.h"

typedef enum
{
  NAME_FOR_NEW_SET,
  NAME_FOR_RENAME,
} NameMode;

struct _CgHandoutSetChooser
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkDropDown *dropdown;
  GtkLabel    *problem_label;
  GtkRevealer *name_revealer;
  GtkEntry    *name_entry;
  GtkLabel    *stores_label;

  /* Owned */
  CgLibrary   *library;
  GPtrArray   *sets;      /* parallel to the drop-down, after its "None" */
  GCancellable *cancellable;  /* of the load under way */
  CgHandoutSet *applied;  /* the set applied last, while the builder's choice matches it */

  NameMode     name_mode;
  guint        reloading : 1;
};

G_DEFINE_FINAL_TYPE (CgHandoutSetChooser, cg_handout_set_chooser, GTK_TYPE_WIDGET)

enum {
  APPLY,
  FILL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_problem (CgHandoutSetChooser *self,
              const char          *message)
{
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static CgHandoutSet *
get_selected_set (CgHandoutSetChooser *self)
{
  guint selected = gtk_drop_down_get_selected (self->dropdown);

  if (self->sets == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->sets->len)
    return NULL;

  return g_ptr_array_index (self->sets, selected - 1);
}

static void
update_actions (CgHandoutSetChooser *self)
{
  CgHandoutSet *set = get_selected_set (self);
  gboolean editable = set != NULL && !cg_handout_set_is_read_only (set);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout-set.rename", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handout-set.delete", editable);
}

static const char *
get_language_name (const char *language)
{
  const char *name = cg_language_get_name (language);

  return name != NULL ? name : language;
}

/**
 * cg_handout_set_chooser_describe:
 * @library: (nullable): gives the default language of a set that names none
 *
 * What a set sets, as the chooser shows it beside its name: “3 sections, Español, large
 * print”. Languages are named in their own language, as the language drop-down does.
 *
 * Returns: (transfer full): the description
 */
char *
cg_handout_set_chooser_describe (CgHandoutSet *set,
                                 CgLibrary    *library)
{
  const char *language = cg_handout_set_get_language (set);
  const char *second = cg_handout_set_get_second_language (set);
  guint n_sections = g_strv_length ((char **)cg_handout_set_get_sections (set));
  GString *description = g_string_new (NULL);

  if (language == NULL && library != NULL)
    language = cg_library_get_default_language (library);

  g_string_append_printf (description,
                          /* Translators: the size of a handout set, e.g. “3 sections” */
                          g_dngettext (GETTEXT_PACKAGE, "%u section", "%u sections", n_sections),
                          n_sections);
  if (language != NULL)
    g_string_append_printf (description, ", %s", get_language_name (language));
  if (second != NULL)
    g_string_append_printf (description, " + %s", get_language_name (second));
  if (cg_handout_set_get_large_print (set))
    /* Translators: in a handout set's description, after its language */
    g_string_append_printf (description, ", %s", _("large print"));

  return g_string_free (description, FALSE);
}

static void
show_sets (CgHandoutSetChooser *self,
           GPtrArray           *sets,
           GPtrArray           *errors,
           const char          *select_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->sets, g_ptr_array_unref);
  self->sets = g_ptr_array_ref (sets);

  /* Translators: the handout-set drop-down's entry for “no set chosen” */
  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < self->sets->len; i++)
    {
      CgHandoutSet *set = g_ptr_array_index (self->sets, i);
      g_autofree char *name = NULL;

      g_autofree char *description = cg_handout_set_chooser_describe (set, self->library);

      if (cg_handout_set_is_read_only (set))
        /* Translators: a handout set deployed by the clinic, which cannot be changed here, and
         * what it sets: “New diagnosis (clinic) — 3 sections, Español” */
        name = g_strdup_printf (_("%s (clinic) — %s"), cg_handout_set_get_name (set), description);
      else
        /* Translators: a handout set and what it sets: “New diagnosis — 3 sections, Español” */
        name = g_strdup_printf (_("%s — %s"), cg_handout_set_get_name (set), description);

      gtk_string_list_append (names, name);
      if (g_strcmp0 (select_id, cg_handout_set_get_id (set)) == 0)
        selected = i + 1;
    }

  self->reloading = TRUE;
  gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->dropdown, selected);
  self->reloading = FALSE;
  update_actions (self);
  show_problem (self, NULL);

  if (errors->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u handout set could not be read:",
                                           "%u handout sets could not be read:", errors->len),
                              errors->len);
      for (guint i = 0; i < errors->len; i++)
        {
          const char *problem = ((GError *)g_ptr_array_index (errors, i))->message;

          g_string_append_printf (message, "\n%s", problem);
          /* And in the guide window's one banner, where every file problem goes (an
           * application action: the builder is a window of its own) */
          gtk_widget_activate_action (GTK_WIDGET (self), "app.report-file-problem", "s", problem);
        }
      show_problem (self, message->str);
    }
}

typedef struct
{
  CgHandoutSetChooser *chooser;  /* not owned: dispose cancels the load */
  char                *select_id;
} Reload;

static void
reload_free (Reload *reload)
{
  g_free (reload->select_id);
  g_free (reload);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reload, reload_free)

static void
on_sets_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Reload) reload = user_data;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GError) error = NULL;

  /* Cancelled: the chooser is gone, or a newer reload replaced this one */
  if (!(sets = cg_handout_set_load_all_finish (result, errors, &error)))
    return;

  show_sets (reload->chooser, sets, errors, reload->select_id);
}

/**
 * cg_handout_set_chooser_reload:
 * @select_id: (nullable): the set to select afterwards
 *
 * Reads the sets again, in a worker thread: a stalled folder never freezes the builder. Files
 * that could not be read are named with their file and line, not skipped silently.
 */
void
cg_handout_set_chooser_reload (CgHandoutSetChooser *self,
                               const char          *select_id)
{
  Reload *reload;

  g_return_if_fail (CG_IS_HANDOUT_SET_CHOOSER (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  reload = g_new0 (Reload, 1);
  reload->chooser = self;
  reload->select_id = g_strdup (select_id);
  cg_handout_set_load_all_async (self->cancellable, on_sets_loaded_cb, reload);
}

/**
 * cg_handout_set_chooser_select_none:
 *
 * Back to "None" without applying anything: the builder's choice no longer matches the set.
 */
void
cg_handout_set_chooser_select_none (CgHandoutSetChooser *self)
{
  g_return_if_fail (CG_IS_HANDOUT_SET_CHOOSER (self));

  g_clear_object (&self->applied);
  self->reloading = TRUE;
  gtk_drop_down_set_selected (self->dropdown, 0);
  self->reloading = FALSE;
  update_actions (self);
}

static gboolean
matches_request (CgHandoutSet     *set,
                 CgHandoutRequest *request,
                 const char       *default_language)
{
  const char * const *ids = cg_handout_request_get_sections (request);
  const char * const *set_ids = cg_handout_set_get_sections (set);
  const char *language = cg_handout_set_get_language (set);

  if (g_strv_length ((char **)ids) != g_strv_length ((char **)set_ids))
    return FALSE;
  for (guint i = 0; ids[i] != NULL; i++)
    if (!g_strv_contains (set_ids, ids[i]))
      return FALSE;

  return g_strcmp0 (cg_handout_request_get_language (request),
                    language != NULL ? language : default_language) == 0 &&
         g_strcmp0 (cg_handout_request_get_second_language (request),
                    cg_handout_set_get_second_language (set)) == 0 &&
         cg_handout_request_get_large_print (request) == cg_handout_set_get_large_print (set);
}

/**
 * cg_handout_set_chooser_check_choice:
 * @request: the builder's choice now
 *
 * Once the choice differs from the set applied last, the chooser goes back to "None": it
 * never names a set the handout no longer is.
 */
void
cg_handout_set_chooser_check_choice (CgHandoutSetChooser *self,
                                     CgHandoutRequest    *request)
{
  g_return_if_fail (CG_IS_HANDOUT_SET_CHOOSER (self));
  g_return_if_fail (CG_IS_HANDOUT_REQUEST (request));

  if (self->applied != NULL && self->library != NULL &&
      !matches_request (self->applied, request, cg_library_get_default_language (self->library)))
    cg_handout_set_chooser_select_none (self);
}

/* Returns: (nullable): the set applied last, while the builder's choice matches it */
CgHandoutSet *
cg_handout_set_chooser_get_applied (CgHandoutSetChooser *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_SET_CHOOSER (self), NULL);

  return self->applied;
}

/**
 * cg_handout_set_chooser_dup_change_message:
 * @set: the set just applied
 * @before: the builder's choice before it
 *
 * Returns: (transfer full): the notice after applying @set, naming what it changed beyond
 *   the sections: “New diagnosis: 3 sections; changed language Español, large print”
 */
char *
cg_handout_set_chooser_dup_change_message (CgHandoutSetChooser *self,
                                           CgHandoutSet        *set,
                                           CgHandoutRequest    *before)
{
  g_autoptr(GString) changed = g_string_new (NULL);
  const char *language = cg_handout_set_get_language (set);
  const char *second = cg_handout_set_get_second_language (set);
  guint n_sections = g_strv_length ((char **)cg_handout_set_get_sections (set));

  g_return_val_if_fail (CG_IS_HANDOUT_SET_CHOOSER (self), NULL);

  if (language == NULL && self->library != NULL)
    language = cg_library_get_default_language (self->library);
  if (language != NULL && g_strcmp0 (language, cg_handout_request_get_language (before)) != 0)
    /* Translators: in the notice after applying a handout set; %s is a language name */
    g_string_append_printf (changed, _("language %s"), get_language_name (language));
  if (g_strcmp0 (second, cg_handout_request_get_second_language (before)) != 0)
    {
      g_autofree char *text = second != NULL
                              /* Translators: in the notice after applying a handout set */
                              ? g_strdup_printf (_("second language %s"), get_language_name (second))
                              : g_strdup (_("no second language"));

      g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "", text);
    }
  if (cg_handout_set_get_large_print (set) != cg_handout_request_get_large_print (before))
    g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "",
                            cg_handout_set_get_large_print (set) ? _("large print") : _("normal print"));

  if (changed->len > 0)
    /* Translators: after applying a handout set, e.g. “New diagnosis: 3 sections; changed
     * language Español, large print” */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u section; changed %s",
                                         "%s: %u sections; changed %s", n_sections),
                            cg_handout_set_get_name (set), n_sections, changed->str);

  /* Translators: after applying a handout set that changes only the sections */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u section", "%s: %u sections",
                                       n_sections),
                          cg_handout_set_get_name (set), n_sections);
}

static void
on_dropdown_selected_cb (CgHandoutSetChooser *self)
{
  CgHandoutSet *set = get_selected_set (self);
  g_autofree char *missing = NULL;

  update_actions (self);

  if (self->reloading || set == NULL)
    return;

  show_problem (self, NULL);

  /* Never half a set: what it names and the library lacks is said, and nothing changes */
  if (self->library != NULL && (missing = cg_handout_set_dup_missing (set, self->library)))
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is a handout set's name, the second says what is missing */
      message = g_strdup_printf (_("“%s” cannot be used: %s"), cg_handout_set_get_name (set),
                                 missing);
      show_problem (self, message);
      return;
    }

  g_set_object (&self->applied, set);
  g_signal_emit (self, signals[APPLY], 0, set);
}

static void
ask_name (CgHandoutSetChooser *self,
          NameMode             mode,
          const char          *name)
{
  self->name_mode = mode;
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name != NULL ? name : "");
  gtk_revealer_set_reveal_child (self->name_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

/* Save as Set… says what it will store before it stores it */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CgHandoutSetChooser *self = CG_HANDOUT_SET_CHOOSER (widget);
  g_autoptr(CgHandoutSet) choice = cg_handout_set_new ("");
  g_autofree char *description = NULL;
  g_autofree char *stores = NULL;

  g_signal_emit (self, signals[FILL], 0, choice);
  description = cg_handout_set_chooser_describe (choice, self->library);
  /* Translators: under the name of a new handout set; %s is what it stores, e.g. “3 sections,
   * Español, large print” */
  stores = g_strdup_printf (_("Stores %s, and the paper. Never the note or patient details."),
                            description);
  gtk_label_set_text (self->stores_label, stores);
  gtk_widget_set_visible (GTK_WIDGET (self->stores_label), TRUE);
  ask_name (self, NAME_FOR_NEW_SET, NULL);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgHandoutSetChooser *self = CG_HANDOUT_SET_CHOOSER (widget);
  CgHandoutSet *set = get_selected_set (self);

  if (set != NULL && !cg_handout_set_is_read_only (set))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->stores_label), FALSE);
      ask_name (self, NAME_FOR_RENAME, cg_handout_set_get_name (set));
    }
}

static void
on_name_cancel_clicked_cb (CgHandoutSetChooser *self)
{
  gtk_revealer_set_reveal_child (self->name_revealer, FALSE);
}

static void
on_name_entry_activate_cb (CgHandoutSetChooser *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  g_autoptr(CgHandoutSet) set = NULL;
  g_autoptr(GError) error = NULL;

  if (*name == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self->name_entry));
      return;
    }

  if (self->name_mode == NAME_FOR_RENAME && get_selected_set (self) != NULL)
    set = g_object_ref (get_selected_set (self));
  else
    {
      set = cg_handout_set_new (name);
      g_signal_emit (self, signals[FILL], 0, set);
    }
  cg_handout_set_set_name (set, name);

  if (!cg_handout_set_save (set, &error))
    {
      show_problem (self, error->message);
      return;
    }

  on_name_cancel_clicked_cb (self);
  cg_handout_set_chooser_reload (self, cg_handout_set_get_id (set));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CgHandoutSetChooser *self = CG_HANDOUT_SET_CHOOSER (widget);
  CgHandoutSet *set = get_selected_set (self);
  g_autoptr(GError) error = NULL;

  if (set == NULL)
    return;

  if (!cg_handout_set_delete (set, &error))
    {
      show_problem (self, error->message);
      return;
    }

  cg_handout_set_chooser_reload (self, NULL);
}

void
cg_handout_set_chooser_set_library (CgHandoutSetChooser *self,
                                    CgLibrary           *library)
{
  g_return_if_fail (CG_IS_HANDOUT_SET_CHOOSER (self));

  g_set_object (&self->library, library);
}

static void
cg_handout_set_chooser_dispose (GObject *object)
{
  CgHandoutSetChooser *self = (CgHandoutSetChooser *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_HANDOUT_SET_CHOOSER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_object (&self->applied);
  g_clear_pointer (&self->sets, g_ptr_array_unref);

  G_OBJECT_CLASS (cg_handout_set_chooser_parent_class)->dispose (object);
}

static void
cg_handout_set_chooser_class_init (CgHandoutSetChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_handout_set_chooser_dispose;

  /**
   * CgHandoutSetChooser::apply:
   * @set: a set the library has everything of
   *
   * The clinician chose @set: the builder takes its sections, languages, print size and paper.
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, CG_TYPE_HANDOUT_SET);

  /**
   * CgHandoutSetChooser::fill:
   * @set: a new set
   *
   * Asks for the builder's current choice (never the note) to be put into @set before it is
   * saved.
   */
  signals[FILL] = g_signal_new ("fill", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, CG_TYPE_HANDOUT_SET);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/cg-handout-set-chooser.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutSetChooser, dropdown);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutSetChooser, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutSetChooser, name_revealer);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutSetChooser, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CgHandoutSetChooser, stores_label);
  gtk_widget_class_bind_template_callback (widget_class, on_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_cancel_clicked_cb);

  gtk_widget_class_install_action (widget_class, "handout-set.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "handout-set.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "handout-set.delete", NULL, delete_action);
}

static void
cg_handout_set_chooser_init (CgHandoutSetChooser *self)
{
  GtkWidget *button;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  /* The focus lands on the drop-down's inner button, which GTK 4.8 leaves unnamed */
  button = gtk_widget_get_first_child (GTK_WIDGET (self->dropdown));
  if (GTK_IS_TOGGLE_BUTTON (button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Handout set"),
                                    -1);

  /* Named, so screen readers never fall back to the type name */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Handout sets"),
                                  -1);

  update_actions (self);
}
