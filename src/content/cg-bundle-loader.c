/* cg-bundle-loader.c: hardened parsing and validation of content bundles
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bundles from disk are untrusted. Everything that libxml2 could be talked into doing beyond
 * parsing one small document (DTDs, entities, network, XInclude, huge nodes) is refused before
 * or by the parser, and every problem becomes a diagnostic with the file's line.
 *
 * The checks run in layers, each assuming the ones before it held: bytes (size, encoding;
 * reading a file within the size cap is cg-bundle-reader.c's job),
 * a markup pre-scan (declarations, depth, attributes), libxml2 (well-formedness), the schema,
 * and the rules the schema cannot state (unique ids, known language). Within a layer every
 * problem is reported, for --validate-bundle.
 *
 * This file runs the layers in order; each has its own unit: cg-bundle-prescan.c (bytes and
 * markup), cg-bundle-schema.c, cg-bundle-ids.c, then cg-bundle-builder.c makes the model.
 * Problems are collected by cg-bundle-report.c.
 */

#define G_LOG_DOMAIN "cg-bundle-loader"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>

#include "cg-bundle.h"
#include "cg-bundle-builder.h"
#include "cg-bundle-ids.h"
#include "cg-bundle-loader.h"
#include "cg-bundle-prescan.h"
#include "cg-bundle-reader.h"
#include "cg-bundle-report.h"
#include "cg-bundle-schema.h"
#include "cg-bundle-xml.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

G_DEFINE_QUARK (cg-bundle-error-quark, cg_bundle_error)

void
cg_bundle_diagnostic_free (CgBundleDiagnostic *diagnostic)
{
  if (diagnostic != NULL)
    {
      g_free (diagnostic->message);
      g_free (diagnostic);
    }
}

static void
on_parser_error_cb (void        *user_data,
                    xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  CgBundleReport *report = ctxt->_private;
  g_autofree char *detail = NULL;

  if (error->level < XML_ERR_ERROR)
    return;

  detail = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));

  /* libxml2 speaks English only: its words go inside a sentence in the interface language */
  cg_bundle_report_add (report, CG_BUNDLE_ERROR_MALFORMED, MAX (error->line, 0),
                        /* Translators: %s is the XML parser's own message, in English */
                        _("This is not well-formed XML (the parser says: “%s”)"), detail);
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  const CgBundleDiagnostic *diagnostic_a = *(const CgBundleDiagnostic * const *)a;
  const CgBundleDiagnostic *diagnostic_b = *(const CgBundleDiagnostic * const *)b;

  return (diagnostic_a->line > diagnostic_b->line) - (diagnostic_a->line < diagnostic_b->line);
}

static void
validate_document (xmlDoc         *doc,
                   CgBundleReport *report)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL || !cg_bundle_xml_is_element (root, "bundle"))
    {
      cg_bundle_report_add (report, CG_BUNDLE_ERROR_WRONG_ROOT, root ? cg_bundle_xml_node_line (root) : 0,
                            _("The root element is <%s>, not <bundle>: this is not a content bundle"),
                            root ? (const char *)root->name : "");
      return;
    }

  if (root->ns != NULL)
    {
      cg_bundle_report_add (report, CG_BUNDLE_ERROR_WRONG_ROOT, cg_bundle_xml_node_line (root),
                            _("The root element <bundle> is in the namespace “%s”; content bundles use no namespace"),
                            root->ns->href ? (const char *)root->ns->href : "");
      return;
    }

  cg_bundle_schema_validate (doc, root, report);

  cg_bundle_check_identifiers (root, report);

  /* Schema and identifier problems interleave: in file order for the author. The sort is
   * stable, so problems on one line keep the order they were found in. */
  g_ptr_array_sort (report->diagnostics, compare_diagnostics);
}

static CgBundle *
load (const char     *data,
      gsize           len,
      const char     *name,
      CgBundleReport *report)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  CgBundle *bundle = NULL;

  if (!cg_bundle_prescan_encoding (data, len, report) || !cg_bundle_prescan_markup (data, len, report))
    return NULL;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory");
  ctxt->_private = report;
  ctxt->sax->serror = on_parser_error_cb;
  doc = xmlCtxtReadMemory (ctxt, data, (int)len, name, "UTF-8", PARSE_OPTIONS);

  if (doc == NULL || !ctxt->wellFormed)
    {
      if (report->diagnostics->len == 0)
        cg_bundle_report_add (report, CG_BUNDLE_ERROR_MALFORMED, 0, _("The file is not well-formed XML"));
    }
  else
    {
      validate_document (doc, report);

      if (report->diagnostics->len == 0)
        bundle = cg_bundle_build_from_tree (xmlDocGetRootElement (doc), name);
    }

  g_clear_pointer (&doc, xmlFreeDoc);
  xmlFreeParserCtxt (ctxt);

  return bundle;
}

static CgBundle *
load_with_report (GBytes     *bytes,
                  const char *name,
                  GPtrArray  *diagnostics)
{
  CgBundleReport report = { diagnostics, 0 };
  CgBundle *bundle;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  bundle = load (data != NULL ? data : "", len, name, &report);

  if (report.n_dropped > 0)
    {
      CgBundleDiagnostic *last = g_ptr_array_index (diagnostics, diagnostics->len - 1);
      CgBundleDiagnostic *more = g_new0 (CgBundleDiagnostic, 1);

      more->code = last->code;
      more->message = g_strdup_printf (ngettext ("%u more problem not shown",
                                                 "%u more problems not shown",
                                                 report.n_dropped),
                                       report.n_dropped);
      g_ptr_array_add (diagnostics, more);
    }

  return bundle;
}

/**
 * cg_bundle_check_bytes:
 * @bytes: the bundle's contents
 * @name: the file name to use in messages
 *
 * Checks a bundle and reports every problem found, for bundle authors: every line with bad
 * bytes; else every declaration and limit problem; else every well-formedness error libxml2
 * reports; else every schema, duplicate-id and language problem, in line order. At most about
 * a hundred, the last one then saying how many more there were.
 *
 * Returns: (transfer full) (element-type CgBundleDiagnostic): empty when the bundle is valid
 */
GPtrArray *
cg_bundle_check_bytes (GBytes     *bytes,
                       const char *name)
{
  GPtrArray *diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify)cg_bundle_diagnostic_free);
  g_autoptr(CgBundle) bundle = NULL;

  g_return_val_if_fail (bytes != NULL, diagnostics);
  g_return_val_if_fail (name != NULL, diagnostics);

  bundle = load_with_report (bytes, name, diagnostics);

  return diagnostics;
}

/**
 * cg_bundle_load_bytes:
 * @bytes: the bundle's contents
 * @name: the file name to use in messages and as the bundle's origin
 *
 * Returns: (transfer full): the bundle, or %NULL with @error set to "NAME:LINE: message"
 *   (or "NAME: message" for a problem with no line) in the #CG_BUNDLE_ERROR domain, the code
 *   and message those of the first problem in the file
 */
CgBundle *
cg_bundle_load_bytes (GBytes      *bytes,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  CgBundle *bundle;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify)cg_bundle_diagnostic_free);
  bundle = load_with_report (bytes, name, diagnostics);

  if (diagnostics->len > 0)
    {
      const CgBundleDiagnostic *first = g_ptr_array_index (diagnostics, 0);

      g_clear_object (&bundle);
      if (first->line > 0)
        g_set_error (error, CG_BUNDLE_ERROR, first->code, "%s:%u: %s", name, first->line, first->message);
      else
        g_set_error (error, CG_BUNDLE_ERROR, first->code, "%s: %s", name, first->message);
    }

  return bundle;
}

/**
 * cg_bundle_load_file:
 * @file: a bundle file from disk, untrusted
 *
 * cg_bundle_read_file() then cg_bundle_load_bytes(), the file's path (or URI) in messages.
 *
 * Returns: (transfer full): the bundle, or %NULL with @error set in the #CG_BUNDLE_ERROR domain
 */
CgBundle *
cg_bundle_load_file (GFile   *file,
                     GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = cg_bundle_read_file (file, &local_error)))
    {
      /* Callers tell bundle problems apart by their CG_BUNDLE_ERROR code */
      CgBundleError code = CG_BUNDLE_ERROR_READ;

      if (local_error->domain == CG_FILE_READER_ERROR &&
          local_error->code == CG_FILE_READER_ERROR_NOT_REGULAR)
        code = CG_BUNDLE_ERROR_NOT_REGULAR;
      else if (local_error->domain == CG_FILE_READER_ERROR &&
               local_error->code == CG_FILE_READER_ERROR_TOO_LARGE)
        code = CG_BUNDLE_ERROR_TOO_LARGE;
      g_set_error_literal (error, CG_BUNDLE_ERROR, code, local_error->message);
      return NULL;
    }

  name = cg_bundle_dup_display_name (file);

  return cg_bundle_load_bytes (bytes, name, error);
}

CgBundle *
cg_bundle_load_resource (const char  *path,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = g_resources_lookup_data (path, 0, error)))
    return NULL;

  /* Messages name the bundle by what it is, never by an internal resource:// address */
  return cg_bundle_load_bytes (bytes, _("the built-in Calcinosis content"), error);
}
