/* cg-handout-set-parser.c: a handout-set file's text, checked like a bundle
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Set files are hand-written by a clinic's IT and read from folders anyone may drop a file
 * in, so every problem is named with the file and line and nothing is ignored silently: a
 * misspelt key is an error that suggests the right one, a name stays on one line, and a set
 * names at most CG_HANDOUT_SET_MAX_SECTIONS sections. The bytes come from cg-file-reader.c,
 * already under CG_HANDOUT_SET_MAX_SIZE.
 */

#define G_LOG_DOMAIN "cg-handout-set-parser"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cg-handout-layout.h"
#include "cg-handout-set-parser.h"

#define GROUP "Handout Set"

static const char * const known_keys[] = {
  "Name", "Sections", "Language", "SecondLanguage", "LargePrint", "Paper", NULL
};

/* The 1-based line of KEY= in the group, or of the group header when the key is missing; with
 * no @key, the first line that is neither blank, a comment, a group nor a key, or 0. GKeyFile's
 * own errors name no line. */
static guint
find_line (const char *data,
           const char *key)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  guint group_line = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *equals;

      while (g_ascii_isspace (*line))
        line++;

      if (*line == '\0' || *line == '#')
        continue;

      if (*line == '[')
        {
          if (g_str_has_prefix (line, "[" GROUP "]"))
            group_line = i + 1;
          continue;
        }

      if ((equals = strchr (line, '=')) == NULL)
        return key == NULL ? i + 1 : 0;

      if (key != NULL && group_line > 0)
        {
          g_autofree char *name = g_strstrip (g_strndup (line, equals - line));

          if (g_str_equal (name, key))
            return i + 1;
        }
    }

  return key == NULL ? 0 : MAX (group_line, 1);
}

/* Returns FALSE, for the caller to return */
G_GNUC_PRINTF (4, 5)
static gboolean
set_invalid (GError     **error,
             const char  *display_name,
             guint        line,
             const char  *format,
             ...)
{
  g_autofree char *text = NULL;
  g_autofree char *valid = NULL;
  g_autoptr(GString) message = g_string_new (NULL);
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  /* Key names and GKeyFile's messages quote the file: no control character (a terminal
   * escape, a line break) reaches the terminal or the banner */
  valid = g_utf8_make_valid (text, -1);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (message, g_unichar_iscntrl (c) ? '?' : c);
    }

  g_set_error (error, CG_HANDOUT_SET_ERROR, CG_HANDOUT_SET_ERROR_INVALID,
               "%s:%u: %s", display_name, line, message->str);

  return FALSE;
}

/* Edit distance, for "did you mean"; keys longer than 32 bytes are never close to ours */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize len_a = strlen (a), len_b = strlen (b);
  guint previous[33], current[33];

  if (len_a > 32 || len_b > 32)
    return G_MAXUINT;

  for (gsize j = 0; j <= len_b; j++)
    previous[j] = j;

  for (gsize i = 1; i <= len_a; i++)
    {
      current[0] = i;
      for (gsize j = 1; j <= len_b; j++)
        {
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;

          current[j] = MIN (MIN (previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        }
      memcpy (previous, current, sizeof current);
    }

  return previous[len_b];
}

static const char *
suggest_key (const char *key)
{
  for (guint i = 0; known_keys[i] != NULL; i++)
    if (edit_distance (key, known_keys[i]) <= 2)
      return known_keys[i];

  return NULL;
}

/* Name[es] is a translation; no other key is translated */
static gboolean
is_known_key (const char *key)
{
  if (g_str_has_prefix (key, "Name[") && g_str_has_suffix (key, "]"))
    return TRUE;

  return g_strv_contains (known_keys, key);
}

/* The escapes GKeyFile knows, and "\;" of a list */
static gboolean
has_valid_escapes (const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    if (*p == '\\')
      {
        p++;
        if (*p == '\0' || strchr ("sntr\\;", *p) == NULL)
          return FALSE;
      }

  return TRUE;
}

static gboolean
check_keys (GKeyFile    *key_file,
            const char  *data,
            const char  *display_name,
            GError     **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (key_file, GROUP, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = NULL;
      const char *suggestion;

      if (!is_known_key (keys[i]))
        {
          /* Only the first unknown key is looked for line by line, so a file of thousands of
           * junk keys costs one pass */
          if ((suggestion = suggest_key (keys[i])) != NULL)
            /* Translators: both %s are keys of a handout-set file, e.g. LargePrnt, LargePrint */
            return set_invalid (error, display_name, find_line (data, keys[i]),
                                _("Unknown key %s; did you mean %s?"), keys[i], suggestion);

          /* Translators: %s is a key of a handout-set file */
          return set_invalid (error, display_name, find_line (data, keys[i]),
                              _("Unknown key %s; a handout set has Name, Sections, Language, "
                                "SecondLanguage, LargePrint and Paper"), keys[i]);
        }

      /* GLib 2.74 warns about its own GError when a value has an unknown escape and then
       * ends in a backslash: escapes are checked here first, on the raw value */
      value = g_key_file_get_value (key_file, GROUP, keys[i], NULL);
      if (value != NULL && !has_valid_escapes (value))
        /* Translators: %s is a key of a handout-set file, e.g. Name */
        return set_invalid (error, display_name, find_line (data, keys[i]),
                            _("%s has a backslash that is not \\s, \\n, \\t, \\r, \\\\ or \\;"),
                            keys[i]);

      /* Every value is one line of text: a "\n" escape or a control character would break the
       * one-line-per-set listing and the drop-down */
      if (value != NULL)
        {
          g_autofree char *unescaped = g_key_file_get_string (key_file, GROUP, keys[i], NULL);

          for (const char *p = unescaped; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
            if (g_unichar_iscntrl (g_utf8_get_char (p)))
              /* Translators: %s is a key of a handout-set file, e.g. Name */
              return set_invalid (error, display_name, find_line (data, keys[i]),
                                  _("%s has a line break or a control character; it must be "
                                    "one line of text"), keys[i]);
        }
    }

  return TRUE;
}

static char *
dup_optional (GKeyFile   *key_file,
              const char *key)
{
  g_autofree char *value = g_key_file_get_string (key_file, GROUP, key, NULL);

  if (value == NULL || *g_strstrip (value) == '\0')
    return NULL;

  return g_steal_pointer (&value);
}

static gboolean
parse_name (CgHandoutSet  *set,
            GKeyFile      *key_file,
            const char    *data,
            const char    *display_name,
            GError       **error)
{
  g_autofree char *name = g_key_file_get_locale_string (key_file, GROUP, "Name", NULL, NULL);

  if (name == NULL || *g_strstrip (name) == '\0')
    return set_invalid (error, display_name, find_line (data, "Name"), _("The set has no Name"));

  if (g_utf8_strlen (name, -1) > CG_HANDOUT_SET_MAX_NAME)
    return set_invalid (error, display_name, find_line (data, "Name"),
                        _("The Name is longer than %u characters"), CG_HANDOUT_SET_MAX_NAME);

  cg_handout_set_set_name (set, name);

  return TRUE;
}

static gboolean
parse_sections (CgHandoutSet  *set,
                GKeyFile      *key_file,
                const char    *data,
                const char    *display_name,
                GError       **error)
{
  g_auto(GStrv) sections = g_key_file_get_string_list (key_file, GROUP, "Sections", NULL, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; sections != NULL && sections[i] != NULL; i++)
    if (*g_strstrip (sections[i]) != '\0')
      g_ptr_array_add (ids, sections[i]);

  if (ids->len == 0)
    return set_invalid (error, display_name, find_line (data, "Sections"),
                        _("The set names no Sections"));

  if (ids->len > CG_HANDOUT_SET_MAX_SECTIONS)
    return set_invalid (error, display_name, find_line (data, "Sections"),
                        _("The set names %u sections, more than the limit of %u"),
                        ids->len, CG_HANDOUT_SET_MAX_SECTIONS);

  g_ptr_array_add (ids, NULL);
  cg_handout_set_set_sections (set, (const char * const *)ids->pdata);

  return TRUE;
}

static gboolean
parse_print_options (CgHandoutSet  *set,
                     GKeyFile      *key_file,
                     const char    *data,
                     const char    *display_name,
                     GError       **error)
{
  g_autofree char *paper = dup_optional (key_file, "Paper");
  g_autofree char *language = dup_optional (key_file, "Language");
  g_autofree char *second_language = dup_optional (key_file, "SecondLanguage");
  g_autoptr(GError) local_error = NULL;

  cg_handout_set_set_language (set, language);
  cg_handout_set_set_second_language (set, second_language);

  if (paper != NULL)
    {
      CgPaper value;

      if (!cg_paper_from_string (paper, &value))
        return set_invalid (error, display_name, find_line (data, "Paper"),
                            _("Unknown paper “%s”; use a4 or letter"), paper);
      cg_handout_set_set_paper (set, paper);
    }

  if (g_key_file_has_key (key_file, GROUP, "LargePrint", NULL))
    {
      gboolean large_print = g_key_file_get_boolean (key_file, GROUP, "LargePrint", &local_error);

      if (local_error != NULL)
        return set_invalid (error, display_name, find_line (data, "LargePrint"),
                            _("LargePrint must be true or false"));
      cg_handout_set_set_large_print (set, large_print);
    }

  return TRUE;
}

/**
 * cg_handout_set_parse:
 * @set: the set to fill in
 * @bytes: the file's contents, untrusted
 * @display_name: what messages call the file
 *
 * Returns: %TRUE with @set filled in, or %FALSE with a %CG_HANDOUT_SET_ERROR_INVALID error of
 *   the form "FILE:LINE: message"
 */
gboolean
cg_handout_set_parse (CgHandoutSet  *set,
                      GBytes        *bytes,
                      const char    *display_name,
                      GError       **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CG_IS_HANDOUT_SET (set), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  /* A NUL byte ends the text for g_utf8_validate(): refused with every other binary file */
  length = g_bytes_get_size (bytes);
  data = g_strndup (g_bytes_get_data (bytes, NULL), length);
  if (!g_utf8_validate_len (data, length, NULL))
    return set_invalid (error, display_name, 1, "%s", _("The file is not UTF-8 text"));

  if (!g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_KEEP_TRANSLATIONS,
                                  &local_error))
    {
      guint line = find_line (data, NULL);

      if (line > 0)
        return set_invalid (error, display_name, line,
                            _("This line is not a group, a key or a comment"));

      /* Translators: %s is the reason given by the key-file reader */
      return set_invalid (error, display_name, 1, _("This is not a handout set: %s"),
                          local_error->message);
    }

  if (!g_key_file_has_group (key_file, GROUP))
    return set_invalid (error, display_name, 1, _("There is no [%s] group"), GROUP);

  return check_keys (key_file, data, display_name, error) &&
         parse_name (set, key_file, data, display_name, error) &&
         parse_sections (set, key_file, data, display_name, error) &&
         parse_print_options (set, key_file, data, display_name, error);
}
