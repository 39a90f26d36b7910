/* cg-bundle-schema.c: validating a parsed bundle against bundle.xsd, from the resources
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-bundle-schema"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlschemas.h>

#include "cg-bundle-schema.h"
#include "cg-bundle-xml.h"
#include "cg-resources.h"

static void
on_schema_error_cb (void        *user_data,
                    xmlErrorPtr  error)
{
  CgBundleReport *report = user_data;
  g_autofree char *detail = NULL;

  if (error->level < XML_ERR_ERROR)
    return;

  detail = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));

  cg_bundle_report_add (report, CG_BUNDLE_ERROR_SCHEMA, MAX (error->line, 0),
                        /* Translators: %s is the schema validator's own message, in English */
                        _("This does not follow the bundle schema (the validator says: “%s”)"),
                        detail);
}

static void
on_schema_parser_error_cb (void        *user_data,
                           xmlErrorPtr  error)
{
  g_critical ("bundle.xsd:%d: %s", error->line, error->message);
}

/* The compiled schema is read-only once built, so one copy serves every thread. */
static xmlSchemaPtr
get_schema (void)
{
  static gsize initialized;
  static xmlSchemaPtr schema;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      /* Through the getter, so a static link keeps the resource */
      bytes = g_resource_lookup_data (cg_get_resource (), RESOURCE_PREFIX "/content/bundle.xsd", 0, &error);

      if (bytes == NULL)
        g_critical ("The bundle schema is missing from the resources: %s", error->message);
      else
        {
          xmlSchemaParserCtxtPtr pctxt;

          pctxt = xmlSchemaNewMemParserCtxt (g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes));
          xmlSchemaSetParserStructuredErrors (pctxt, on_schema_parser_error_cb, NULL);
          schema = xmlSchemaParse (pctxt);
          xmlSchemaFreeParserCtxt (pctxt);
        }

      g_once_init_leave (&initialized, 1);
    }

  return schema;
}

/* Every schema problem in @doc, whose root @root is already known to be <bundle> */
void
cg_bundle_schema_validate (xmlDoc         *doc,
                           xmlNode        *root,
                           CgBundleReport *report)
{
  xmlSchemaValidCtxtPtr vctxt;
  xmlSchemaPtr schema;
  guint n_before = report->diagnostics->len;

  if ((schema = get_schema ()) == NULL)
    {
      cg_bundle_report_add (report, CG_BUNDLE_ERROR_SCHEMA, 0, _("The bundle schema could not be loaded"));
      return;
    }

  /* With a schema given, libxml2 does not follow xsi:schemaLocation hints in the document */
  vctxt = xmlSchemaNewValidCtxt (schema);
  if (vctxt == NULL)
    g_error ("Out of memory");
  xmlSchemaSetValidStructuredErrors (vctxt, on_schema_error_cb, report);
  if (xmlSchemaValidateDoc (vctxt, doc) != 0 && report->diagnostics->len == n_before)
    cg_bundle_report_add (report, CG_BUNDLE_ERROR_SCHEMA, cg_bundle_xml_node_line (root),
                          _("The bundle does not follow the schema"));
  xmlSchemaFreeValidCtxt (vctxt);
}
