/* cg-bundle-loader.c: bounded reading, hardened parsing and validation of content bundles
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bundles from disk are untrusted. Everything that libxml2 could be talked into doing beyond
 * parsing one small document (DTDs, entities, network, XInclude, huge nodes) is refused before
 * or by the parser, and every problem becomes a diagnostic with the file's line.
 */

#define G_LOG_DOMAIN "cg-bundle-loader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-resources.h"
#include "cg-section.h"
#include "cg-topic.h"

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

G_GNUC_PRINTF (4, 5)
static void
add_diagnostic (GPtrArray     *diagnostics,
                CgBundleError  code,
                guint          line,
                const char    *format,
                ...)
{
  CgBundleDiagnostic *diagnostic = g_new0 (CgBundleDiagnostic, 1);
  va_list args;

  va_start (args, format);
  diagnostic->code = code;
  diagnostic->line = line;
  diagnostic->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (diagnostics, diagnostic);
}

static guint
count_lines (const char *data,
             gsize       end)
{
  guint line = 1;

  for (gsize i = 0; i < end; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

/* The byte-level checks that must pass before libxml2 sees the data. Returns FALSE on the first
 * problem, since later checks assume the earlier ones held. */
static gboolean
check_encoding (const char *data,
                gsize       len,
                GPtrArray  *diagnostics)
{
  const char *nul;
  const char *invalid;
  gboolean blank = TRUE;

  if (len == 0)
    {
      add_diagnostic (diagnostics, CG_BUNDLE_ERROR_EMPTY, 0, _("The file is empty"));
      return FALSE;
    }

  if (len > CG_BUNDLE_MAX_SIZE)
    {
      add_diagnostic (diagnostics, CG_BUNDLE_ERROR_TOO_LARGE, 0,
                      _("The file is larger than the limit of %u MiB"),
                      CG_BUNDLE_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (len >= 2 && (((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF) ||
                   ((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE)))
    {
      add_diagnostic (diagnostics, CG_BUNDLE_ERROR_ENCODING, 1,
                      _("The file is in UTF-16 or UTF-32; bundles must be UTF-8"));
      return FALSE;
    }

  if ((nul = memchr (data, '\0', len)) != NULL)
    {
      add_diagnostic (diagnostics, CG_BUNDLE_ERROR_ENCODING, count_lines (data, nul - data),
                      _("The file contains a NUL byte"));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, len, &invalid))
    {
      add_diagnostic (diagnostics, CG_BUNDLE_ERROR_ENCODING, count_lines (data, invalid - data),
                      _("The file is not valid UTF-8"));
      return FALSE;
    }

  for (gsize i = 0; i < len && blank; i++)
    blank = g_ascii_isspace (data[i]);

  if (blank)
    {
      add_diagnostic (diagnostics, CG_BUNDLE_ERROR_EMPTY, 0, _("The file contains only white space"));
      return FALSE;
    }

  return TRUE;
}

static const char *
find_end (const char *p,
          const char *end,
          const char *terminator)
{
  gsize tlen = strlen (terminator);

  for (; p + tlen <= end; p++)
    if (memcmp (p, terminator, tlen) == 0)
      return p + tlen;

  return NULL;
}

/* A light scan of the markup, before libxml2 builds anything: it refuses declarations
 * (<!DOCTYPE>, <!ENTITY>) and caps nesting and attributes, whose costs in libxml2 2.9.14 grow
 * faster than the input. Malformed markup is left for the parser to report. */
static gboolean
check_markup (const char *data,
              gsize       len,
              GPtrArray  *diagnostics)
{
  const char *end = data + len;
  const char *p = data;
  guint depth = 0;

  while ((p = memchr (p, '<', end - p)) != NULL)
    {
      gsize rest = end - p;

      if (rest >= 4 && memcmp (p, "<!--", 4) == 0)
        p = find_end (p + 4, end, "-->");
      else if (rest >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        p = find_end (p + 9, end, "]]>");
      else if (rest >= 2 && p[1] == '!')
        {
          add_diagnostic (diagnostics, CG_BUNDLE_ERROR_DOCTYPE, count_lines (data, p - data),
                          _("Document type declarations (<!DOCTYPE>, <!ENTITY>) are not allowed in bundles"));
          return FALSE;
        }
      else if (rest >= 2 && p[1] == '?')
        p = find_end (p + 2, end, "?>");
      else if (rest >= 2 && p[1] == '/')
        {
          if (depth > 0)
            depth--;
          p = memchr (p, '>', end - p);
        }
      else
        {
          const char *tag = p;
          guint n_attributes = 0;
          char quote = 0;

          for (p++; p < end; p++)
            {
              if (quote != 0)
                {
                  if (*p == quote)
                    quote = 0;
                }
              else if (*p == '"' || *p == '\'')
                quote = *p;
              else if (*p == '=')
                n_attributes++;
              else if (*p == '>' || *p == '<')
                break;
            }

          if (n_attributes > CG_BUNDLE_MAX_ATTRIBUTES)
            {
              add_diagnostic (diagnostics, CG_BUNDLE_ERROR_LIMIT, count_lines (data, tag - data),
                              _("An element has more than %u attributes"),
                              CG_BUNDLE_MAX_ATTRIBUTES);
              return FALSE;
            }

          if (p < end && *p == '>' && p[-1] != '/')
            depth++;

          if (depth > CG_BUNDLE_MAX_DEPTH)
            {
              add_diagnostic (diagnostics, CG_BUNDLE_ERROR_LIMIT, count_lines (data, tag - data),
                              _("Elements are nested more than %u deep"), CG_BUNDLE_MAX_DEPTH);
              return FALSE;
            }

          if (p >= end || *p == '<')
            continue;
        }

      if (p == NULL)
        break;
    }

  return TRUE;
}

static char *
chomp_message (const char *message)
{
  char *copy = g_strdup (message != NULL ? message : "");

  return g_strstrip (copy);
}

static void
on_parser_error_cb (void        *user_data,
                    xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  GPtrArray *diagnostics = ctxt->_private;
  g_autofree char *message = NULL;

  if (error->level < XML_ERR_ERROR)
    return;

  message = chomp_message (error->message);
  add_diagnostic (diagnostics, CG_BUNDLE_ERROR_MALFORMED, MAX (error->line, 0), "%s", message);
}

static void
on_schema_error_cb (void        *user_data,
                    xmlErrorPtr  error)
{
  GPtrArray *diagnostics = user_data;
  g_autofree char *message = NULL;

  if (error->level < XML_ERR_ERROR)
    return;

  message = chomp_message (error->message);
  add_diagnostic (diagnostics, CG_BUNDLE_ERROR_SCHEMA, MAX (error->line, 0), "%s", message);
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

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *)node->name, name) == 0;
}

static char *
dup_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy = g_strdup ((const char *)value);

  xmlFree (value);

  return copy;
}

/* Element text with runs of white space folded to one space, as a reader expects. */
static char *
dup_text (xmlNode *node)
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

static guint
node_line (xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 ? (guint)line : 0;
}

static gboolean
check_unique (GHashTable *seen,
              xmlNode    *node,
              const char *kind,
              const char *id,
              GPtrArray  *diagnostics)
{
  guint first_line = GPOINTER_TO_UINT (g_hash_table_lookup (seen, id));

  if (first_line != 0)
    {
      /* Translators: the first %s is "section", "topic" or "label", the second its id */
      add_diagnostic (diagnostics, CG_BUNDLE_ERROR_DUPLICATE_ID, node_line (node),
                      _("Duplicate %s id “%s” (first used on line %u)"), kind, id, first_line);
      return FALSE;
    }

  g_hash_table_insert (seen, g_strdup (id), GUINT_TO_POINTER (MAX (node_line (node), 1)));

  return TRUE;
}

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
      if (is_element (child, "source"))
        source = dup_text (child);
      else if (is_element (child, "content-version"))
        version = dup_text (child);
      else if (is_element (child, "translation"))
        {
          g_autofree char *status_str = dup_attribute (child, "status");
          g_autofree char *reviewed_str = dup_attribute (child, "reviewed");
          g_autofree char *untranslated_str = dup_attribute (child, "untranslated");

          if (g_strcmp0 (status_str, "complete") == 0)
            status = CG_TRANSLATION_COMPLETE;
          else if (g_strcmp0 (status_str, "partial") == 0)
            status = CG_TRANSLATION_PARTIAL;
          reviewed = g_strcmp0 (reviewed_str, "true") == 0 || g_strcmp0 (reviewed_str, "1") == 0;
          if (untranslated_str != NULL)
            untranslated = (guint)g_ascii_strtoull (untranslated_str, NULL, 10);
        }
    }

  cg_bundle_set_provenance (bundle, source, version, status, reviewed, untranslated);
}

static CgSection *
read_section (xmlNode    *node,
              GHashTable *section_ids,
              GPtrArray  *diagnostics)
{
  g_autofree char *id = dup_attribute (node, "id");
  g_autoptr(CgSection) section = NULL;
  g_autofree char *title = NULL;

  check_unique (section_ids, node, "section", id, diagnostics);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, "title"))
      {
        title = dup_text (child);
        break;
      }

  section = cg_section_new (id, title, node_line (node));

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "keywords"))
        {
          for (xmlNode *keyword = child->children; keyword != NULL; keyword = keyword->next)
            if (is_element (keyword, "keyword"))
              {
                g_autofree char *text = dup_text (keyword);
                cg_section_add_keyword (section, text);
              }
        }
      else if (is_element (child, "p"))
        {
          g_autofree char *text = dup_text (child);
          CgBlock block = { CG_BLOCK_PARAGRAPH, node_line (child), text, NULL };

          cg_section_add_block (section, &block);
        }
      else if (is_element (child, "list"))
        {
          g_autoptr(GPtrArray) items = g_ptr_array_new_null_terminated (0, g_free, TRUE);
          CgBlock block = { CG_BLOCK_LIST, node_line (child), NULL, NULL };

          for (xmlNode *item = child->children; item != NULL; item = item->next)
            if (is_element (item, "item"))
              g_ptr_array_add (items, dup_text (item));

          block.items = (char **)items->pdata;
          cg_section_add_block (section, &block);
        }
    }

  return g_steal_pointer (&section);
}

/* Builds the model from a document that passed the schema, so the structure can be trusted;
 * what the schema cannot say (unique ids, known languages) is checked here. */
static CgBundle *
read_bundle (xmlNode    *root,
             const char *name,
             GPtrArray  *diagnostics)
{
  g_autoptr(GHashTable) topic_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) section_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) label_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *language = dup_attribute (root, "lang");
  g_autoptr(CgBundle) bundle = NULL;

  if (cg_language_get_name (language) == NULL)
    add_diagnostic (diagnostics, CG_BUNDLE_ERROR_UNKNOWN_LANGUAGE, node_line (root),
                    _("Unknown content language “%s”"), language);

  bundle = cg_bundle_new (name, language);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_element (child, "provenance"))
        read_provenance (bundle, child);
      else if (is_element (child, "labels"))
        {
          for (xmlNode *label = child->children; label != NULL; label = label->next)
            if (is_element (label, "label"))
              {
                g_autofree char *key = dup_attribute (label, "key");
                g_autofree char *text = dup_text (label);

                if (check_unique (label_keys, label, "label", key, diagnostics))
                  cg_bundle_add_label (bundle, key, text);
              }
        }
      else if (is_element (child, "topic"))
        {
          g_autofree char *id = dup_attribute (child, "id");
          g_autoptr(CgTopic) topic = NULL;
          g_autofree char *title = NULL;

          check_unique (topic_ids, child, "topic", id, diagnostics);

          for (xmlNode *node = child->children; node != NULL; node = node->next)
            {
              if (is_element (node, "title") && title == NULL)
                {
                  title = dup_text (node);
                  topic = cg_topic_new (id, title);
                }
              else if (is_element (node, "section"))
                {
                  g_autoptr(CgSection) section = read_section (node, section_ids, diagnostics);
                  cg_topic_add_section (topic, section);
                }
            }

          cg_bundle_add_topic (bundle, topic);
        }
    }

  return g_steal_pointer (&bundle);
}

static CgBundle *
load (const char *data,
      gsize       len,
      const char *name,
      GPtrArray  *diagnostics)
{
  xmlParserCtxtPtr ctxt;
  xmlSchemaValidCtxtPtr vctxt;
  xmlSchemaPtr schema;
  xmlDocPtr doc;
  xmlNode *root;
  CgBundle *bundle = NULL;

  if (!check_encoding (data, len, diagnostics) || !check_markup (data, len, diagnostics))
    return NULL;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory");
  ctxt->_private = diagnostics;
  ctxt->sax->serror = on_parser_error_cb;
  doc = xmlCtxtReadMemory (ctxt, data, (int)len, name, "UTF-8", PARSE_OPTIONS);

  if (doc == NULL || !ctxt->wellFormed)
    {
      if (diagnostics->len == 0)
        add_diagnostic (diagnostics, CG_BUNDLE_ERROR_MALFORMED, 0, _("The file is not well-formed XML"));
      goto out;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_element (root, "bundle") || root->ns != NULL)
    {
      add_diagnostic (diagnostics, CG_BUNDLE_ERROR_WRONG_ROOT, root ? node_line (root) : 0,
                      _("The root element is <%s>, not <bundle>: this is not a content bundle"),
                      root ? (const char *)root->name : "");
      goto out;
    }

  if ((schema = get_schema ()) == NULL)
    {
      add_diagnostic (diagnostics, CG_BUNDLE_ERROR_SCHEMA, 0, _("The bundle schema could not be loaded"));
      goto out;
    }

  vctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (vctxt, on_schema_error_cb, diagnostics);
  if (xmlSchemaValidateDoc (vctxt, doc) != 0 && diagnostics->len == 0)
    add_diagnostic (diagnostics, CG_BUNDLE_ERROR_SCHEMA, 0, _("The bundle does not follow the schema"));
  xmlSchemaFreeValidCtxt (vctxt);

  if (diagnostics->len == 0)
    {
      bundle = read_bundle (root, name, diagnostics);
      if (diagnostics->len > 0)
        g_clear_object (&bundle);
    }

out:
  g_clear_pointer (&doc, xmlFreeDoc);
  xmlFreeParserCtxt (ctxt);

  return bundle;
}

/**
 * cg_bundle_check_bytes:
 * @bytes: the bundle's contents
 * @name: the file name to use in messages
 *
 * Checks a bundle and reports every problem found, for bundle authors.
 *
 * Returns: (transfer full) (element-type CgBundleDiagnostic): empty when the bundle is valid
 */
GPtrArray *
cg_bundle_check_bytes (GBytes     *bytes,
                       const char *name)
{
  GPtrArray *diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify)cg_bundle_diagnostic_free);
  g_autoptr(CgBundle) bundle = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  bundle = load (data, len, name, diagnostics);

  return diagnostics;
}

/**
 * cg_bundle_load_bytes:
 * @bytes: the bundle's contents
 * @name: the file name to use in messages and as the bundle's origin
 *
 * Returns: (transfer full): the bundle, or %NULL with @error set to "NAME:LINE: message"
 */
CgBundle *
cg_bundle_load_bytes (GBytes      *bytes,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  CgBundle *bundle;
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify)cg_bundle_diagnostic_free);
  bundle = load (data, len, name, diagnostics);

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

static char *
dup_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  return path != NULL ? g_strdup (path) : g_file_get_uri (file);
}

/* Opening a FIFO for reading blocks until a writer appears, so local files are opened
 * non-blocking and checked with fstat() on the descriptor actually read. */
static GBytes *
read_local_file (const char  *path,
                 GError     **error)
{
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize len = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int errsv = errno;
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_READ,
                   "%s: %s", path, g_strerror (errsv));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_NOT_REGULAR,
                   _("%s: Not a regular file"), path);
      close (fd);
      return NULL;
    }

  if (st.st_size > CG_BUNDLE_MAX_SIZE)
    {
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_TOO_LARGE,
                   _("%s: The file is larger than the limit of %u MiB"),
                   path, CG_BUNDLE_MAX_SIZE / (1024 * 1024));
      close (fd);
      return NULL;
    }

  /* The size can change after fstat(): never read more than the cap and one byte. */
  buffer = g_malloc ((gsize)st.st_size + 1);
  while (len < (gsize)st.st_size + 1)
    {
      gssize n = read (fd, buffer + len, (gsize)st.st_size + 1 - len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int errsv = errno;
          g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_READ,
                       "%s: %s", path, g_strerror (errsv));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      len += n;
    }
  close (fd);

  if (len > (gsize)st.st_size || len > CG_BUNDLE_MAX_SIZE)
    {
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_TOO_LARGE,
                   _("%s: The file grew while it was read"), path);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), len);
}

/**
 * cg_bundle_read_file:
 *
 * Reads an untrusted file with a size cap. Regular files only.
 */
GBytes *
cg_bundle_read_file (GFile   *file,
                     GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = dup_display_name (file);

  if (g_file_peek_path (file) != NULL)
    return read_local_file (g_file_peek_path (file), error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_READ, "%s: %s", name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_NOT_REGULAR, _("%s: Not a regular file"), name);
      return NULL;
    }

  if (g_file_info_get_size (info) > CG_BUNDLE_MAX_SIZE)
    {
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_TOO_LARGE,
                   _("%s: The file is larger than the limit of %u MiB"),
                   name, CG_BUNDLE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if ((stream = g_file_read (file, NULL, &local_error)) == NULL ||
      (bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), CG_BUNDLE_MAX_SIZE + 1,
                                          NULL, &local_error)) == NULL)
    {
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_READ, "%s: %s", name, local_error->message);
      return NULL;
    }

  if (g_bytes_get_size (bytes) > CG_BUNDLE_MAX_SIZE)
    {
      g_set_error (error, CG_BUNDLE_ERROR, CG_BUNDLE_ERROR_TOO_LARGE,
                   _("%s: The file is larger than the limit of %u MiB"),
                   name, CG_BUNDLE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

CgBundle *
cg_bundle_load_file (GFile   *file,
                     GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = cg_bundle_read_file (file, error)))
    return NULL;

  name = dup_display_name (file);

  return cg_bundle_load_bytes (bytes, name, error);
}

CgBundle *
cg_bundle_load_resource (const char  *path,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = g_resources_lookup_data (path, 0, error)))
    return NULL;

  name = g_strconcat ("resource://", path, NULL);

  return cg_bundle_load_bytes (bytes, name, error);
}
