/* cg-bundle-builder.c: the content model (bundle, topics, sections) from a checked tree
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-bundle-builder"

#include "config.h"

#include "cg-bundle.h"
#include "cg-bundle-builder.h"
#include "cg-bundle-xml.h"
#include "cg-section.h"
#include "cg-topic.h"

static void
read_provenance (CgBundle *bundle,
                 xmlNode  *provenance)
{
  g_autofree char *source = NULL;
  g_autofree char *version = NULL;
  CgTranslationStatus status = CG_TRANSLATION_SOURCE;
  gboolean reviewed = TRUE;
  guint untranslated = 0;

  for (xmlNode *child = provenance->children; child != NULL; child = child->next)
    {
      if (cg_bundle_xml_is_element (child, "source"))
        {
          g_free (source);
          source = cg_bundle_xml_dup_text (child);
        }
      else if (cg_bundle_xml_is_element (child, "content-version"))
        {
          g_free (version);
          version = cg_bundle_xml_dup_text (child);
        }
      else if (cg_bundle_xml_is_element (child, "reviewed-on"))
        {
          g_autofree char *date = cg_bundle_xml_dup_text (child);

          /* The schema checked the date already */
          cg_bundle_set_reviewed_on (bundle, g_strstrip (date));
        }
      else if (cg_bundle_xml_is_element (child, "disclaimer"))
        {
          g_autofree char *disclaimer = cg_bundle_xml_dup_text (child);

          cg_bundle_set_disclaimer (bundle, disclaimer);
        }
      else if (cg_bundle_xml_is_element (child, "translation"))
        {
          g_autofree char *status_str = cg_bundle_xml_dup_attribute (child, "status");
          g_autofree char *reviewed_str = cg_bundle_xml_dup_attribute (child, "reviewed");
          g_autofree char *untranslated_str = cg_bundle_xml_dup_attribute (child, "untranslated");

          if (g_strcmp0 (status_str, "complete") == 0)
            status = CG_TRANSLATION_COMPLETE;
          else if (g_strcmp0 (status_str, "partial") == 0)
            status = CG_TRANSLATION_PARTIAL;
          reviewed = g_strcmp0 (reviewed_str, "true") == 0 || g_strcmp0 (reviewed_str, "1") == 0;
          if (untranslated_str != NULL)
            untranslated = (guint)MIN (g_ascii_strtoull (untranslated_str, NULL, 10), G_MAXUINT);
        }
    }

  cg_bundle_set_provenance (bundle, source, version, status, reviewed, untranslated);
}

/* kind="causes outlook": a list of ids, its white space already collapsed by cg_bundle_xml_dup_attribute() */
static void
read_kinds (CgSection *section,
            xmlNode   *node)
{
  g_autofree char *kinds = cg_bundle_xml_dup_attribute (node, "kind");
  g_auto(GStrv) list = NULL;

  if (kinds == NULL)
    return;

  list = g_strsplit (kinds, " ", -1);
  for (guint i = 0; list[i] != NULL; i++)
    if (list[i][0] != '\0')
      cg_section_add_kind (section, list[i]);
}

static void
read_intents (CgBundle *bundle,
              xmlNode  *intents)
{
  for (xmlNode *intent = intents->children; intent != NULL; intent = intent->next)
    if (cg_bundle_xml_is_element (intent, "intent"))
      {
        g_autofree char *kind = cg_bundle_xml_dup_attribute (intent, "kind");

        for (xmlNode *cue = intent->children; cue != NULL; cue = cue->next)
          if (cg_bundle_xml_is_element (cue, "cue"))
            {
              g_autofree char *text = cg_bundle_xml_dup_text (cue);
              cg_bundle_add_intent_cue (bundle, kind, text);
            }
      }
}

static CgSection *
read_section (xmlNode *node)
{
  g_autofree char *id = cg_bundle_xml_dup_attribute (node, "id");
  g_autoptr(CgSection) section = NULL;
  g_autofree char *title = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (cg_bundle_xml_is_element (child, "title"))
      {
        title = cg_bundle_xml_dup_text (child);
        break;
      }

  section = cg_section_new (id, title, cg_bundle_xml_node_line (node));
  read_kinds (section, node);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (cg_bundle_xml_is_element (child, "keywords"))
        {
          for (xmlNode *keyword = child->children; keyword != NULL; keyword = keyword->next)
            if (cg_bundle_xml_is_element (keyword, "keyword"))
              {
                g_autofree char *text = cg_bundle_xml_dup_text (keyword);
                cg_section_add_keyword (section, text);
              }
        }
      else if (cg_bundle_xml_is_element (child, "questions"))
        {
          for (xmlNode *question = child->children; question != NULL; question = question->next)
            if (cg_bundle_xml_is_element (question, "q"))
              {
                g_autofree char *text = cg_bundle_xml_dup_text (question);
                cg_section_add_question (section, text);
              }
        }
      else if (cg_bundle_xml_is_element (child, "p"))
        {
          g_autofree char *text = cg_bundle_xml_dup_text (child);
          CgBlock block = { CG_BLOCK_PARAGRAPH, cg_bundle_xml_node_line (child), text, NULL };

          cg_section_add_block (section, &block);
        }
      else if (cg_bundle_xml_is_element (child, "list"))
        {
          g_autoptr(GPtrArray) items = g_ptr_array_new_null_terminated (0, g_free, TRUE);
          CgBlock block = { CG_BLOCK_LIST, cg_bundle_xml_node_line (child), NULL, NULL };

          for (xmlNode *item = child->children; item != NULL; item = item->next)
            if (cg_bundle_xml_is_element (item, "item"))
              g_ptr_array_add (items, cg_bundle_xml_dup_text (item));

          block.items = (char **)items->pdata;
          cg_section_add_block (section, &block);
        }
    }

  return g_steal_pointer (&section);
}

/* Builds the model from a document that passed every check, so the structure can be trusted. */
CgBundle *
cg_bundle_build_from_tree (xmlNode    *root,
                           const char *name)
{
  g_autofree char *language = cg_bundle_xml_dup_attribute (root, "lang");
  g_autoptr(CgBundle) bundle = cg_bundle_new (name, language);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (cg_bundle_xml_is_element (child, "provenance"))
        read_provenance (bundle, child);
      else if (cg_bundle_xml_is_element (child, "labels"))
        {
          for (xmlNode *label = child->children; label != NULL; label = label->next)
            if (cg_bundle_xml_is_element (label, "label"))
              {
                g_autofree char *key = cg_bundle_xml_dup_attribute (label, "key");
                g_autofree char *text = cg_bundle_xml_dup_text (label);

                cg_bundle_add_label (bundle, key, text);
              }
        }
      else if (cg_bundle_xml_is_element (child, "intents"))
        read_intents (bundle, child);
      else if (cg_bundle_xml_is_element (child, "topic"))
        {
          g_autofree char *id = cg_bundle_xml_dup_attribute (child, "id");
          g_autoptr(CgTopic) topic = NULL;

          for (xmlNode *node = child->children; node != NULL; node = node->next)
            {
              if (cg_bundle_xml_is_element (node, "title") && topic == NULL)
                {
                  g_autofree char *title = cg_bundle_xml_dup_text (node);
                  topic = cg_topic_new (id, title);
                }
              else if (cg_bundle_xml_is_element (node, "section") && topic != NULL)
                {
                  g_autoptr(CgSection) section = read_section (node);
                  cg_topic_add_section (topic, section);
                }
            }

          if (topic != NULL)
            cg_bundle_add_topic (bundle, topic);
        }
    }

  return g_steal_pointer (&bundle);
}
