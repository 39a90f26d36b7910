/* cg-section-checklist.c: the builder's list of sections, one check box each
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a GtkListBox with a check box per section, titled in the clinician's language, and
 * keeps it: which are ticked, which cannot go on a handout in the chosen language(s) and why,
 * and which one the main window shows. "changed" is emitted when the clinician ticks or
 * unticks a box, never when the code does (set_ticked()), so a caller can tell a choice made
 * by hand from one it applied.
 */

#define G_LOG_DOMAIN "cg-section-checklist"

#include "config.h"

#include <glib/gi18n.h>

#include "cg-bundle.h"
#include "cg-library.h"
#include "cg-reading-level.h"
#include "cg-section.h"
#include "cg-section-checklist.h"
#include "cg-topic.h"

struct _CgSectionChecklist
{
  GObject     parent_instance;

  GtkListBox *list;
  GPtrArray  *checks;    /* of GtkCheckButton, in list order; ids in "section-id" */
  guint       applying : 1;
};

G_DEFINE_FINAL_TYPE (CgSectionChecklist, cg_section_checklist, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
cg_section_checklist_dispose (GObject *object)
{
  CgSectionChecklist *self = (CgSectionChecklist *)object;

  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (cg_section_checklist_parent_class)->dispose (object);
}

static void
cg_section_checklist_class_init (CgSectionChecklistClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cg_section_checklist_dispose;

  /**
   * CgSectionChecklist::changed:
   *
   * The clinician ticked or unticked a section.
   */
  signals [CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cg_section_checklist_init (CgSectionChecklist *self)
{
  self->checks = g_ptr_array_new_with_free_func (g_object_unref);
}

static const char *
get_id (GtkCheckButton *check)
{
  return g_object_get_data (G_OBJECT (check), "section-id");
}

static void
on_toggled_cb (CgSectionChecklist *self)
{
  if (!self->applying)
    g_signal_emit (self, signals [CHANGED], 0);
}

/* The reading level of a ticked section, under its name (cg_section_checklist_show_levels()) */
static GtkWidget *
create_level_label (GtkWidget *check)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 28);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, FALSE);
  g_object_set_data (G_OBJECT (check), "level-label", label);

  return label;
}

/* The row of one section: its check box, why it cannot be printed (hidden until then), and
 * "Shown now" beside the section the main window shows */
static GtkWidget *
create_row (CgSectionChecklist *self,
            CgSection          *section,
            gboolean            current)
{
  GtkWidget *check = gtk_check_button_new_with_label (cg_section_get_title (section));
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *reason = gtk_label_new (NULL);

  gtk_widget_set_hexpand (check, TRUE);
  g_object_set_data_full (G_OBJECT (check), "section-id",
                          g_strdup (cg_section_get_id (section)), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_widget_set_margin_start (reason, 28);
  gtk_widget_add_css_class (reason, "dim-label");
  gtk_widget_add_css_class (reason, "caption");
  gtk_widget_set_visible (reason, FALSE);
  g_object_set_data (G_OBJECT (check), "reason-label", reason);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (column), check);
  gtk_box_append (GTK_BOX (column), reason);
  gtk_box_append (GTK_BOX (column), create_level_label (check));
  gtk_box_append (GTK_BOX (row), column);

  if (current)
    {
      /* Translators: marks the section the main window shows, in the handout builder */
      GtkWidget *label = gtk_label_new (_("Shown now"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("The section shown in the main window"),
                                      -1);
    }

  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 12);
  g_ptr_array_add (self->checks, g_object_ref (check));

  return row;
}

/**
 * cg_section_checklist_new:
 * @list: the list box to fill
 * @topics: (element-type CgTopic): the topics, titled in the clinician's language
 * @current_section_id: (nullable): the section the main window shows, marked "Shown now"
 *
 * Returns: (transfer full): the checklist, nothing ticked
 */
CgSectionChecklist *
cg_section_checklist_new (GtkListBox *list,
                          GPtrArray  *topics,
                          const char *current_section_id)
{
  CgSectionChecklist *self;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);
  g_return_val_if_fail (topics != NULL, NULL);

  self = g_object_new (CG_TYPE_SECTION_CHECKLIST, NULL);
  self->list = g_object_ref (list);

  for (guint i = 0; i < topics->len; i++)
    {
      CgTopic *topic = g_ptr_array_index (topics, i);

      for (guint j = 0; j < cg_topic_get_n_sections (topic); j++)
        {
          CgSection *section = cg_topic_get_section (topic, j);
          GtkWidget *row = create_row (self, section,
                                       g_strcmp0 (current_section_id, cg_section_get_id (section)) == 0);

          gtk_list_box_append (list, row);
          /* One Tab stop per section, its check box ("Causes check box checked", Space
           * toggles it): the row itself takes no focus */
          gtk_widget_set_focusable (gtk_widget_get_parent (row), FALSE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row)),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, cg_section_get_title (section),
                                          -1);
        }
    }

  return self;
}

/**
 * cg_section_checklist_set_ticked:
 * @section_ids: (nullable): the sections to tick, the others are unticked; %NULL for all
 *
 * Does not emit "changed": the choice is the caller's, not the clinician's.
 */
void
cg_section_checklist_set_ticked (CgSectionChecklist *self,
                                 const char * const *section_ids)
{
  g_return_if_fail (CG_IS_SECTION_CHECKLIST (self));

  self->applying = TRUE;
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      gtk_check_button_set_active (check, section_ids == NULL ||
                                          g_strv_contains (section_ids, get_id (check)));
    }
  self->applying = FALSE;
}

/* Returns: (transfer full): the ids of the ticked sections, in list order, printable or not */
GStrv
cg_section_checklist_dup_ticked (CgSectionChecklist *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CG_IS_SECTION_CHECKLIST (self), NULL);

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, get_id (check));
    }

  return g_strv_builder_end (builder);
}

guint
cg_section_checklist_get_n_sections (CgSectionChecklist *self)
{
  g_return_val_if_fail (CG_IS_SECTION_CHECKLIST (self), 0);

  return self->checks->len;
}

/**
 * cg_section_checklist_update_availability:
 * @language: the handout language
 * @second_language: (nullable): the second language of a bilingual handout
 *
 * Sections without text in a language of the handout cannot be ticked, and say why under
 * their name: they are left out, never printed in another language.
 */
void
cg_section_checklist_update_availability (CgSectionChecklist *self,
                                          CgLibrary          *library,
                                          const char         *language,
                                          const char         *second_language)
{
  g_return_if_fail (CG_IS_SECTION_CHECKLIST (self));
  g_return_if_fail (CG_IS_LIBRARY (library));

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);
      GtkLabel *reason = g_object_get_data (G_OBJECT (check), "reason-label");
      const char *id = get_id (GTK_CHECK_BUTTON (check));
      const char *own = cg_library_get_section_language (library, id);
      const char *name = own != NULL ? cg_language_get_name (own) : NULL;
      gboolean available = cg_library_section_has_language (library, id, language) &&
                           (second_language == NULL ||
                            cg_library_section_has_language (library, id, second_language));
      g_autofree char *text = NULL;

      if (!available)
        /* Translators: %s is a language name; the section is not printed on this handout */
        text = g_strdup_printf (_("Only in %s: left out of this handout"),
                                name != NULL ? name : own != NULL ? own : "?");

      gtk_widget_set_sensitive (check, available);
      gtk_label_set_text (reason, text != NULL ? text : "");
      gtk_widget_set_visible (GTK_WIDGET (reason), text != NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text != NULL ? text : "",
                                      -1);
    }
}

/**
 * cg_section_checklist_show_levels:
 * @level: the reading level of the handout's sections
 *
 * Shows each ticked section's reading level under its name, against the target in words and
 * colour; none under an unticked section.
 */
void
cg_section_checklist_show_levels (CgSectionChecklist *self,
                                  CgReadingLevel     *level)
{
  g_return_if_fail (CG_IS_SECTION_CHECKLIST (self));
  g_return_if_fail (level != NULL);

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      GtkWidget *label = g_object_get_data (G_OBJECT (check), "level-label");
      const char *id = get_id (check);
      g_autofree char *text = cg_reading_level_dup_section_line (level, id);
      const CgReadability *section_level = cg_reading_level_lookup (level, id);

      gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
      gtk_widget_set_visible (label, text != NULL);
      gtk_widget_remove_css_class (label, "above-target");
      gtk_widget_remove_css_class (label, "within-target");
      if (section_level != NULL && section_level->available)
        gtk_widget_add_css_class (label, section_level->meets_target ? "within-target" : "above-target");
    }
}
