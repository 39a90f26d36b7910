/* cg-test-source.h: the sentences of the project's source text, for tests of the content
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The medical text is copied verbatim from data/content/source/calcinosis-source.txt into the
 * content bundle. Tests read the expected sentences from that file, never from the bundle:
 * a test must not learn from the bundle what the bundle should say.
 *
 * The file is plain text: the overview paragraph, then for each of Causes, Symptoms,
 * Diagnosis, Treatment and Prevention a heading line and its paragraph and list items (each
 * item after a line "-"), then the summary paragraph, which has no heading. Paragraph lines
 * hold several sentences, split here at ". ".
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* The built-in content's sections in order, with their English titles (the app's own
 * headings: the source text names only five of them) */
typedef struct
{
  const char *id;
  const char *title;
} CgTestSection;

#define CG_TEST_N_SECTIONS 7

static inline const CgTestSection *
cg_test_get_sections (void)
{
  static const CgTestSection sections[CG_TEST_N_SECTIONS] = {
    { "overview", "Overview" },
    { "causes", "Causes" },
    { "symptoms", "Symptoms" },
    { "diagnosis", "Diagnosis" },
    { "treatment", "Treatment" },
    { "prevention", "Prevention" },
    { "summary", "Summary" },
  };

  return sections;
}

typedef struct
{
  char *section_id;   /* the id of the bundle's section that holds the sentence */
  char *sentence;
} CgTestSentence;

static inline void
cg_test_sentence_free (gpointer data)
{
  CgTestSentence *sentence = data;

  g_free (sentence->section_id);
  g_free (sentence->sentence);
  g_free (sentence);
}

/* Returns: (transfer full) (element-type CgTestSentence): every sentence of the source text
 *   in its order. Call after g_test_init(). */
static inline GPtrArray *
cg_test_load_source_sentences (void)
{
  const char *path = g_test_get_filename (G_TEST_DIST, "..", "data", "content", "source",
                                          "calcinosis-source.txt", NULL);
  GPtrArray *sentences = g_ptr_array_new_with_free_func (cg_test_sentence_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  const char *section_id = "overview";
  guint n_lines;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (g_strchomp (contents), "\n", -1);
  n_lines = g_strv_length (lines);

  for (guint i = 0; i < n_lines; i++)
    {
      const char *line = lines[i];
      g_autofree char *heading_id = NULL;

      if (g_str_equal (line, "-"))
        continue;

      /* A heading is one word; the last paragraph is the summary */
      if (strchr (line, ' ') == NULL)
        {
          heading_id = g_ascii_strdown (line, -1);
          section_id = g_intern_string (heading_id);
          continue;
        }
      if (i + 1 == n_lines)
        section_id = "summary";

      for (const char *start = line; *start != '\0';)
        {
          const char *end = strstr (start, ". ");
          CgTestSentence *sentence = g_new0 (CgTestSentence, 1);

          end = end != NULL ? end + 1 : start + strlen (start);
          sentence->section_id = g_strdup (section_id);
          sentence->sentence = g_strndup (start, end - start);
          g_ptr_array_add (sentences, sentence);
          start = end + strspn (end, " ");
        }
    }

  return sentences;
}

/* Returns: (transfer none): the first sentence of @section_id in @sentences */
static inline const char *
cg_test_source_first_sentence (GPtrArray  *sentences,
                               const char *section_id)
{
  for (guint i = 0; i < sentences->len; i++)
    {
      const CgTestSentence *sentence = g_ptr_array_index (sentences, i);

      if (g_str_equal (sentence->section_id, section_id))
        return sentence->sentence;
    }

  g_assert_not_reached ();
}

/* Returns: (transfer full): the source text of @section_id as Copy Section gives it: @title,
 *   then each paragraph and list (each item after "• ", one a line) with a blank line
 *   between them. Built from the source file's lines, not from the bundle. */
static inline char *
cg_test_source_dup_section_copy (const char *section_id,
                                 const char *title)
{
  const char *path = g_test_get_filename (G_TEST_DIST, "..", "data", "content", "source",
                                          "calcinosis-source.txt", NULL);
  g_autoptr(GString) text = g_string_new (title);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  const char *current = "overview";
  gboolean item = FALSE, last_was_item = FALSE;
  guint n_lines;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (g_strchomp (contents), "\n", -1);
  n_lines = g_strv_length (lines);

  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *heading_id = NULL;

      if (g_str_equal (lines[i], "-"))
        {
          item = TRUE;
          continue;
        }
      /* A heading is one word; the last paragraph is the summary */
      if (strchr (lines[i], ' ') == NULL)
        {
          heading_id = g_ascii_strdown (lines[i], -1);
          current = g_intern_string (heading_id);
          item = last_was_item = FALSE;
          continue;
        }
      if (i + 1 == n_lines)
        current = "summary";

      if (g_str_equal (current, section_id))
        {
          g_string_append (text, item && last_was_item ? "\n" : "\n\n");
          g_string_append_printf (text, "%s%s", item ? "• " : "", lines[i]);
        }
      last_was_item = item;
      item = FALSE;
    }

  g_assert_cmpuint (text->len, >, strlen (title));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

G_END_DECLS
