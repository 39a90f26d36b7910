/* cg-section-text.c: a section as plain text, the one way the app writes it
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content view's Copy and Copy Section, and the handout builder's reading-level estimate,
 * make their text here, and the view and the handout draw the same bullet.
 */

#define G_LOG_DOMAIN "cg-section-text"

#include "config.h"

#include "cg-section.h"
#include "cg-section-text.h"

/* Returns: what goes between two lines of copied text: the lines of one list, or not */
const char *
cg_section_text_separator (gboolean same_list)
{
  return same_list ? CG_SECTION_TEXT_ITEM_BREAK : CG_SECTION_TEXT_BLOCK_BREAK;
}

/* Bundle text has its white space folded already; a stray line break would read as a new
 * block, so it becomes a space, as in the content view's lines */
static void
append_line (GString    *str,
             const char *prefix,
             const char *text)
{
  gsize start = str->len;

  g_string_append (str, prefix);
  g_string_append (str, text);
  g_strdelimit (str->str + start, "\n\r", ' ');
}

static void
append_copy (GString   *str,
             CgSection *section)
{
  append_line (str, "", cg_section_get_title (section));

  for (guint i = 0; i < cg_section_get_n_blocks (section); i++)
    {
      const CgBlock *block = cg_section_get_block (section, i);

      g_string_append (str, cg_section_text_separator (FALSE));
      if (block->kind == CG_BLOCK_PARAGRAPH)
        {
          append_line (str, "", block->text);
          continue;
        }

      for (guint j = 0; block->items[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (str, cg_section_text_separator (TRUE));
          append_line (str, CG_BULLET_PREFIX, block->items[j]);
        }
    }
}

static void
append_lines (GString   *str,
              CgSection *section)
{
  for (guint i = 0; i < cg_section_get_n_blocks (section); i++)
    {
      const CgBlock *block = cg_section_get_block (section, i);

      if (block->kind == CG_BLOCK_PARAGRAPH)
        g_string_append_printf (str, "%s\n", block->text);
      else
        for (guint j = 0; block->items[j] != NULL; j++)
          g_string_append_printf (str, "%s\n", block->items[j]);
    }
}

/**
 * cg_section_text_format:
 * @style: which text (see #CgSectionTextStyle)
 *
 * Returns: (transfer full): @section as plain text
 */
char *
cg_section_text_format (CgSection          *section,
                        CgSectionTextStyle  style)
{
  GString *str;

  g_return_val_if_fail (CG_IS_SECTION (section), NULL);

  str = g_string_new (NULL);

  switch (style)
    {
    case CG_SECTION_TEXT_COPY:
      append_copy (str, section);
      break;

    case CG_SECTION_TEXT_LINES:
    default:
      append_lines (str, section);
      break;
    }

  return g_string_free (str, FALSE);
}
