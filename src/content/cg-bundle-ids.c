/* cg-bundle-ids.c: the rules on a bundle's ids and language that its schema cannot state
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-bundle-ids"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cg-bundle.h"
#include "cg-bundle-ids.h"
#include "cg-bundle-xml.h"

typedef enum
{
  ID_OF_LABEL,
  ID_OF_TOPIC,
  ID_OF_SECTION,
} IdKind;

static void
check_unique (GHashTable     *seen,
              xmlNode        *node,
              IdKind          kind,
              CgBundleReport *report)
{
  g_autofree char *id = cg_bundle_xml_dup_attribute (node, kind == ID_OF_LABEL ? "key" : "id");
  guint line = cg_bundle_xml_node_line (node);
  guint first_line;

  /* A missing id is the schema's to report */
  if (id == NULL)
    return;

  if ((first_line = GPOINTER_TO_UINT (g_hash_table_lookup (seen, id))) != 0)
    {
      /* Whole sentences per kind, so translations need not splice a word in */
      switch (kind)
        {
        case ID_OF_LABEL:
          /* Translators: %s is a label key, %u a line number */
          cg_bundle_report_add (report, CG_BUNDLE_ERROR_DUPLICATE_ID, line,
                                _("Duplicate label key “%s” (first used on line %u)"), id, first_line);
          break;

        case ID_OF_TOPIC:
          /* Translators: %s is a topic id, %u a line number */
          cg_bundle_report_add (report, CG_BUNDLE_ERROR_DUPLICATE_ID, line,
                                _("Duplicate topic id “%s” (first used on line %u)"), id, first_line);
          break;

        case ID_OF_SECTION:
        default:
          /* Translators: %s is a section id, %u a line number */
          cg_bundle_report_add (report, CG_BUNDLE_ERROR_DUPLICATE_ID, line,
                                _("Duplicate section id “%s” (first used on line %u)"), id, first_line);
          break;
        }
      return;
    }

  g_hash_table_insert (seen, g_steal_pointer (&id), GUINT_TO_POINTER (MAX (cg_bundle_xml_node_line (node), 1)));
}

/* The shape the schema's language type allows: "es", "pt-BR". Anything else is left to the
 * schema's message, so one mistake is not reported twice. */
static gboolean
is_language_tag (const char *language)
{
  gsize n_letters = 0;

  while (g_ascii_islower (language[n_letters]))
    n_letters++;

  if (n_letters < 2 || n_letters > 3)
    return FALSE;

  if (language[n_letters] == '\0')
    return TRUE;

  if (language[n_letters] != '-' || strlen (language + n_letters + 1) < 2 ||
      strlen (language + n_letters + 1) > 8)
    return FALSE;

  for (const char *p = language + n_letters + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/* What the schema cannot say: ids unique across the bundle, a language the app knows. Runs
 * even when the schema found problems, so makes no assumption about the structure. */
void
cg_bundle_check_identifiers (xmlNode        *root,
                             CgBundleReport *report)
{
  g_autoptr(GHashTable) topic_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) section_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) label_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *language = cg_bundle_xml_dup_attribute (root, "lang");

  if (language != NULL && is_language_tag (language) && cg_language_get_name (language) == NULL)
    cg_bundle_report_add (report, CG_BUNDLE_ERROR_UNKNOWN_LANGUAGE, cg_bundle_xml_node_line (root),
                          _("Unknown content language “%s”"), language);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (cg_bundle_xml_is_element (child, "labels"))
        {
          for (xmlNode *label = child->children; label != NULL; label = label->next)
            if (cg_bundle_xml_is_element (label, "label"))
              check_unique (label_keys, label, ID_OF_LABEL, report);
        }
      else if (cg_bundle_xml_is_element (child, "topic"))
        {
          check_unique (topic_ids, child, ID_OF_TOPIC, report);

          for (xmlNode *node = child->children; node != NULL; node = node->next)
            if (cg_bundle_xml_is_element (node, "section"))
              check_unique (section_ids, node, ID_OF_SECTION, report);
        }
    }
}
