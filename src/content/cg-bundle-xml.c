/* cg-bundle-xml.c: reading a bundle's parsed tree: elements, attributes and text as the schema
 * compares them, and the line each node came from
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-bundle-xml"

#include "config.h"

#include "cg-bundle-xml.h"

gboolean
cg_bundle_xml_is_element (xmlNode    *node,
                          const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *)node->name, name) == 0;
}

/* Every attribute in the schema is a token, boolean or integer, which XSD compares after
 * collapsing white space: " en " is valid and means "en". The model must see the same value,
 * or a padded id slips past the duplicate check and a padded language past the known ones. */
char *
cg_bundle_xml_dup_attribute (xmlNode    *node,
                             const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *)name);
  GString *str;

  if (value == NULL)
    return NULL;

  str = g_string_new (NULL);
  for (const char *p = (const char *)value; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        g_string_append_c (str, *p);
      else if (str->len > 0 && !g_ascii_isspace (p[1]) && p[1] != '\0')
        g_string_append_c (str, ' ');
    }

  xmlFree (value);

  return g_string_free (str, FALSE);
}

/* Element text with runs of white space folded to one space, as a reader expects. */
char *
cg_bundle_xml_dup_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  GString *str = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = (const char *)content; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && str->len > 0)
            g_string_append_c (str, ' ');
          space = FALSE;
          g_string_append_c (str, *p);
        }
    }

  xmlFree (content);

  return g_string_free (str, FALSE);
}

guint
cg_bundle_xml_node_line (xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 ? (guint)line : 0;
}
