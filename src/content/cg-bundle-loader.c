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
 */

#define G_LOG_DOMAIN "cg-bundle-loader"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "cg-bundle.h"
#include "cg-bundle-loader.h"
#include "cg-bundle-reader.h"
#include "cg-resources.h"
#include "cg-section.h"
#include "cg-topic.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* A file with thousands of errors is not worth listing in full, and libxml2's messages quote
 * values that can be megabytes long. */
#define MAX_DIAGNOSTICS 100
#define MAX_MESSAGE_CHARS 240

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

typedef struct
{
  GPtrArray *diagnostics;
  guint      n_dropped;
} Report;

/* Messages go to a terminal and into a label: no control characters, no bidi overrides that
 * could reorder the file name, bounded length. */
static char *
sanitize_message (const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message != NULL ? message : "", -1);
  GString *str = g_string_new (NULL);
  guint n_chars = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars == MAX_MESSAGE_CHARS)
        {
          g_string_append (str, "…");
          break;
        }

      if (g_unichar_iscntrl (c))
        c = ' ';
      else if (c == 0x061C || c == 0x200E || c == 0x200F ||
               (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        c = 0xFFFD;

      if (c == ' ' && (str->len == 0 || str->str[str->len - 1] == ' '))
        continue;

      g_string_append_unichar (str, c);
      n_chars++;
    }

  if (str->len > 0 && str->str[str->len - 1] == ' ')
    g_string_truncate (str, str->len - 1);

  return g_string_free (str, FALSE);
}

G_GNUC_PRINTF (4, 5)
static void
add_diagnostic (Report        *report,
                CgBundleError  code,
                guint          line,
                const char    *format,
                ...)
{
  CgBundleDiagnostic *diagnostic;
  g_autofree char *message = NULL;
  va_list args;

  if (report->diagnostics->len >= MAX_DIAGNOSTICS)
    {
      report->n_dropped++;
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  diagnostic = g_new0 (CgBundleDiagnostic, 1);
  diagnostic->code = code;
  diagnostic->line = line;
  diagnostic->message = sanitize_message (message);
  g_ptr_array_add (report->diagnostics, diagnostic);
}

/* Line numbers for offsets met in increasing order, so a scan stays linear however many
 * problems it reports. */
typedef struct
{
  const char *data;
  gsize       offset;
  guint       line;
} LineCounter;

static void
line_counter_init (LineCounter *counter,
                   const char  *data)
{
  counter->data = data;
  counter->offset = 0;
  counter->line = 1;
}

static guint
line_counter_at (LineCounter *counter,
                 const char  *position)
{
  gsize target = position - counter->data;

  g_assert (target >= counter->offset);

  for (const char *p = counter->data + counter->offset;
       (p = memchr (p, '\n', target - (p - counter->data))) != NULL;
       p++)
    counter->line++;

  counter->offset = target;

  return counter->line;
}

static const struct {
  const char *bom;
  gsize       len;
  const char *name;
} foreign_boms[] = {
  /* UTF-32 first: its little-endian mark starts with UTF-16's */
  { "\x00\x00\xFE\xFF", 4, "UTF-32 (big-endian)" },
  { "\xFF\xFE\x00\x00", 4, "UTF-32 (little-endian)" },
  { "\xFE\xFF", 2, "UTF-16 (big-endian)" },
  { "\xFF\xFE", 2, "UTF-16 (little-endian)" },
  /* Without a mark, "<?" in a wide encoding */
  { "\x00\x00\x00<", 4, "UTF-32 (big-endian)" },
  { "<\x00\x00\x00", 4, "UTF-32 (little-endian)" },
  { "\x00<\x00?", 4, "UTF-16 (big-endian)" },
  { "<\x00?\x00", 4, "UTF-16 (little-endian)" },
};

#define UTF8_BOM "\xEF\xBB\xBF"

/* The byte-level checks that must pass before anything parses the data: libxml2 is handed
 * UTF-8 without NUL bytes or nothing. */
static gboolean
check_encoding (const char *data,
                gsize       len,
                Report     *report)
{
  LineCounter lines;
  gboolean valid = TRUE;
  gboolean blank = TRUE;
  gsize start = 0;

  if (len == 0)
    {
      add_diagnostic (report, CG_BUNDLE_ERROR_EMPTY, 0, _("The file is empty"));
      return FALSE;
    }

  if (len > CG_BUNDLE_MAX_SIZE)
    {
      add_diagnostic (report, CG_BUNDLE_ERROR_TOO_LARGE, 0,
                      _("The file is larger than the limit of %u MiB"),
                      CG_BUNDLE_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (foreign_boms); i++)
    if (len >= foreign_boms[i].len && memcmp (data, foreign_boms[i].bom, foreign_boms[i].len) == 0)
      {
        /* Translators: %s is an encoding such as “UTF-16 (little-endian)” */
        add_diagnostic (report, CG_BUNDLE_ERROR_ENCODING, 1,
                        _("The file is encoded in %s; bundles must be saved as UTF-8"),
                        foreign_boms[i].name);
        return FALSE;
      }

  /* A UTF-8 byte order mark is harmless and libxml2 skips it */
  if (len >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    start = 3;

  line_counter_init (&lines, data);

  /* Every line with bad bytes, so an author converting from Latin-1 sees them all */
  for (gsize offset = 0; offset < len; )
    {
      const char *invalid;
      const char *newline;

      if (g_utf8_validate_len (data + offset, len - offset, &invalid))
        break;

      valid = FALSE;
      if (*invalid == '\0')
        add_diagnostic (report, CG_BUNDLE_ERROR_ENCODING, line_counter_at (&lines, invalid),
                        _("The file contains a NUL byte; bundles are UTF-8 text"));
      else
        /* Translators: %02X is the hexadecimal value of the first bad byte */
        add_diagnostic (report, CG_BUNDLE_ERROR_ENCODING, line_counter_at (&lines, invalid),
                        _("The file is not valid UTF-8 (byte 0x%02X); bundles must be saved as UTF-8"),
                        (guchar)*invalid);

      if ((newline = memchr (invalid, '\n', len - (invalid - data))) == NULL)
        break;
      offset = newline + 1 - data;
    }

  if (!valid)
    return FALSE;

  for (gsize i = start; i < len && blank; i++)
    blank = g_ascii_isspace (data[i]);

  if (blank)
    {
      add_diagnostic (report, CG_BUNDLE_ERROR_EMPTY, 0, _("The file contains only white space"));
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

  while (p + tlen <= end && (p = memchr (p, terminator[0], end - p)) != NULL)
    {
      if (p + tlen <= end && memcmp (p, terminator, tlen) == 0)
        return p + tlen;
      p++;
    }

  return NULL;
}

/* A light scan of the markup, before libxml2 builds anything: it refuses declarations
 * (<!DOCTYPE>, <!ENTITY>), which stops XXE, entity expansion and external DTDs at once, and
 * caps nesting and attributes, whose costs in libxml2 2.9.14 grow faster than the input (its
 * duplicate-attribute check is quadratic). Malformed markup is left for the parser to report. */
static gboolean
check_markup (const char *data,
              gsize       len,
              Report     *report)
{
  const char *end = data + len;
  const char *p = data;
  LineCounter lines;
  guint n_before = report->diagnostics->len + report->n_dropped;
  gboolean reported_doctype = FALSE;
  gboolean reported_depth = FALSE;
  guint depth = 0;

  line_counter_init (&lines, data);

  while (p != NULL && p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      gsize rest = end - p;

      if (rest >= 4 && memcmp (p, "<!--", 4) == 0)
        p = find_end (p + 4, end, "-->");
      else if (rest >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        p = find_end (p + 9, end, "]]>");
      else if (rest >= 2 && p[1] == '!')
        {
          /* One message for the declaration, not one per entity inside it */
          if (!reported_doctype)
            add_diagnostic (report, CG_BUNDLE_ERROR_DOCTYPE, line_counter_at (&lines, p),
                            _("Document type declarations (<!DOCTYPE>, <!ENTITY>) are not allowed in bundles"));
          reported_doctype = TRUE;
          p += 2;
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
            add_diagnostic (report, CG_BUNDLE_ERROR_LIMIT, line_counter_at (&lines, tag),
                            _("An element has %u attributes, more than the limit of %u"),
                            n_attributes, CG_BUNDLE_MAX_ATTRIBUTES);

          if (p < end && *p == '>' && p[-1] != '/')
            depth++;

          /* Reported where the limit is first crossed; deeper elements add nothing new */
          if (depth > CG_BUNDLE_MAX_DEPTH && !reported_depth)
            {
              add_diagnostic (report, CG_BUNDLE_ERROR_LIMIT, line_counter_at (&lines, tag),
                              _("Elements are nested more than %u deep"), CG_BUNDLE_MAX_DEPTH);
              reported_depth = TRUE;
            }
        }
    }

  return report->diagnostics->len + report->n_dropped == n_before;
}

static void
on_parser_error_cb (void        *user_data,
                    xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  Report *report = ctxt->_private;
  g_autofree char *detail = NULL;

  if (error->level < XML_ERR_ERROR)
    return;

  detail = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));

  /* libxml2 speaks English only: its words go inside a sentence in the interface language */
  add_diagnostic (report, CG_BUNDLE_ERROR_MALFORMED, MAX (error->line, 0),
                  /* Translators: %s is the XML parser's own message, in English */
                  _("This is not well-formed XML (the parser says: “%s”)"), detail);
}

static void
on_schema_error_cb (void        *user_data,
                    xmlErrorPtr  error)
{
  Report *report = user_data;
  g_autofree char *detail = NULL;

  if (error->level < XML_ERR_ERROR)
    return;

  detail = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));

  add_diagnostic (report, CG_BUNDLE_ERROR_SCHEMA, MAX (error->line, 0),
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

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *)node->name, name) == 0;
}

/* Every attribute in the schema is a token, boolean or integer, which XSD compares after
 * collapsing white space: " en " is valid and means "en". The model must see the same value,
 * or a padded id slips past the duplicate check and a padded language past the known ones. */
static char *
dup_attribute (xmlNode    *node,
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

typedef enum
{
  ID_OF_LABEL,
  ID_OF_TOPIC,
  ID_OF_SECTION,
} IdKind;

static void
check_unique (GHashTable *seen,
              xmlNode    *node,
              IdKind      kind,
              Report     *report)
{
  g_autofree char *id = dup_attribute (node, kind == ID_OF_LABEL ? "key" : "id");
  guint line = node_line (node);
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
          add_diagnostic (report, CG_BUNDLE_ERROR_DUPLICATE_ID, line,
                          _("Duplicate label key “%s” (first used on line %u)"), id, first_line);
          break;

        case ID_OF_TOPIC:
          /* Translators: %s is a topic id, %u a line number */
          add_diagnostic (report, CG_BUNDLE_ERROR_DUPLICATE_ID, line,
                          _("Duplicate topic id “%s” (first used on line %u)"), id, first_line);
          break;

        case ID_OF_SECTION:
        default:
          /* Translators: %s is a section id, %u a line number */
          add_diagnostic (report, CG_BUNDLE_ERROR_DUPLICATE_ID, line,
                          _("Duplicate section id “%s” (first used on line %u)"), id, first_line);
          break;
        }
      return;
    }

  g_hash_table_insert (seen, g_steal_pointer (&id), GUINT_TO_POINTER (MAX (node_line (node), 1)));
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
static void
check_identifiers (xmlNode *root,
                   Report  *report)
{
  g_autoptr(GHashTable) topic_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) section_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) label_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *language = dup_attribute (root, "lang");

  if (language != NULL && is_language_tag (language) && cg_language_get_name (language) == NULL)
    add_diagnostic (report, CG_BUNDLE_ERROR_UNKNOWN_LANGUAGE, node_line (root),
                    _("Unknown content language “%s”"), language);

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_element (child, "labels"))
        {
          for (xmlNode *label = child->children; label != NULL; label = label->next)
            if (is_element (label, "label"))
              check_unique (label_keys, label, ID_OF_LABEL, report);
        }
      else if (is_element (child, "topic"))
        {
          check_unique (topic_ids, child, ID_OF_TOPIC, report);

          for (xmlNode *node = child->children; node != NULL; node = node->next)
            if (is_element (node, "section"))
              check_unique (section_ids, node, ID_OF_SECTION, report);
        }
    }
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
        {
          g_free (source);
          source = dup_text (child);
        }
      else if (is_element (child, "content-version"))
        {
          g_free (version);
          version = dup_text (child);
        }
      else if (is_element (child, "reviewed-on"))
        {
          g_autofree char *date = dup_text (child);

          /* The schema checked the date already */
          cg_bundle_set_reviewed_on (bundle, g_strstrip (date));
        }
      else if (is_element (child, "disclaimer"))
        {
          g_autofree char *disclaimer = dup_text (child);

          cg_bundle_set_disclaimer (bundle, disclaimer);
        }
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
            untranslated = (guint)MIN (g_ascii_strtoull (untranslated_str, NULL, 10), G_MAXUINT);
        }
    }

  cg_bundle_set_provenance (bundle, source, version, status, reviewed, untranslated);
}

/* kind="causes outlook": a list of ids, its white space already collapsed by dup_attribute() */
static void
read_kinds (CgSection *section,
            xmlNode   *node)
{
  g_autofree char *kinds = dup_attribute (node, "kind");
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
    if (is_element (intent, "intent"))
      {
        g_autofree char *kind = dup_attribute (intent, "kind");

        for (xmlNode *cue = intent->children; cue != NULL; cue = cue->next)
          if (is_element (cue, "cue"))
            {
              g_autofree char *text = dup_text (cue);
              cg_bundle_add_intent_cue (bundle, kind, text);
            }
      }
}

static CgSection *
read_section (xmlNode *node)
{
  g_autofree char *id = dup_attribute (node, "id");
  g_autoptr(CgSection) section = NULL;
  g_autofree char *title = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, "title"))
      {
        title = dup_text (child);
        break;
      }

  section = cg_section_new (id, title, node_line (node));
  read_kinds (section, node);

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
      else if (is_element (child, "questions"))
        {
          for (xmlNode *question = child->children; question != NULL; question = question->next)
            if (is_element (question, "q"))
              {
                g_autofree char *text = dup_text (question);
                cg_section_add_question (section, text);
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

/* Builds the model from a document that passed every check, so the structure can be trusted. */
static CgBundle *
read_bundle (xmlNode    *root,
             const char *name)
{
  g_autofree char *language = dup_attribute (root, "lang");
  g_autoptr(CgBundle) bundle = cg_bundle_new (name, language);

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

                cg_bundle_add_label (bundle, key, text);
              }
        }
      else if (is_element (child, "intents"))
        read_intents (bundle, child);
      else if (is_element (child, "topic"))
        {
          g_autofree char *id = dup_attribute (child, "id");
          g_autoptr(CgTopic) topic = NULL;

          for (xmlNode *node = child->children; node != NULL; node = node->next)
            {
              if (is_element (node, "title") && topic == NULL)
                {
                  g_autofree char *title = dup_text (node);
                  topic = cg_topic_new (id, title);
                }
              else if (is_element (node, "section") && topic != NULL)
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

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  const CgBundleDiagnostic *diagnostic_a = *(const CgBundleDiagnostic * const *)a;
  const CgBundleDiagnostic *diagnostic_b = *(const CgBundleDiagnostic * const *)b;

  return (diagnostic_a->line > diagnostic_b->line) - (diagnostic_a->line < diagnostic_b->line);
}

static void
validate_document (xmlDoc *doc,
                   Report *report)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlSchemaValidCtxtPtr vctxt;
  xmlSchemaPtr schema;
  guint n_before = report->diagnostics->len;

  if (root == NULL || !is_element (root, "bundle"))
    {
      add_diagnostic (report, CG_BUNDLE_ERROR_WRONG_ROOT, root ? node_line (root) : 0,
                      _("The root element is <%s>, not <bundle>: this is not a content bundle"),
                      root ? (const char *)root->name : "");
      return;
    }

  if (root->ns != NULL)
    {
      add_diagnostic (report, CG_BUNDLE_ERROR_WRONG_ROOT, node_line (root),
                      _("The root element <bundle> is in the namespace “%s”; content bundles use no namespace"),
                      root->ns->href ? (const char *)root->ns->href : "");
      return;
    }

  if ((schema = get_schema ()) == NULL)
    {
      add_diagnostic (report, CG_BUNDLE_ERROR_SCHEMA, 0, _("The bundle schema could not be loaded"));
      return;
    }

  /* With a schema given, libxml2 does not follow xsi:schemaLocation hints in the document */
  vctxt = xmlSchemaNewValidCtxt (schema);
  if (vctxt == NULL)
    g_error ("Out of memory");
  xmlSchemaSetValidStructuredErrors (vctxt, on_schema_error_cb, report);
  if (xmlSchemaValidateDoc (vctxt, doc) != 0 && report->diagnostics->len == n_before)
    add_diagnostic (report, CG_BUNDLE_ERROR_SCHEMA, node_line (root),
                    _("The bundle does not follow the schema"));
  xmlSchemaFreeValidCtxt (vctxt);

  check_identifiers (root, report);

  /* Schema and identifier problems interleave: in file order for the author. The sort is
   * stable, so problems on one line keep the order they were found in. */
  g_ptr_array_sort (report->diagnostics, compare_diagnostics);
}

static CgBundle *
load (const char *data,
      gsize       len,
      const char *name,
      Report     *report)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  CgBundle *bundle = NULL;

  if (!check_encoding (data, len, report) || !check_markup (data, len, report))
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
        add_diagnostic (report, CG_BUNDLE_ERROR_MALFORMED, 0, _("The file is not well-formed XML"));
    }
  else
    {
      validate_document (doc, report);

      if (report->diagnostics->len == 0)
        bundle = read_bundle (xmlDocGetRootElement (doc), name);
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
  Report report = { diagnostics, 0 };
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
