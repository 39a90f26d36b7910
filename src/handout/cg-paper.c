/* cg-paper.c: the handout's paper sizes, and the one the locale uses
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cg-paper"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "cg-paper.h"

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

/**
 * cg_paper_get_default:
 *
 * Returns: the paper of the LC_PAPER locale: US Letter where the locale says so, else A4
 */
CgPaper
cg_paper_get_default (void)
{
#ifdef __GLIBC__
  union { unsigned int word; char *string; } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (width.word == 216)
    return CG_PAPER_LETTER;
  if (width.word == 210)
    return CG_PAPER_A4;
#endif

  {
    static const char * const letter_territories[] = {
      "_US", "_CA", "_MX", "_PH", "_CL", "_CO", "_VE", "_GT", "_PR", "_CR", "_SV", "_NI",
      "_PA", "_DO",
    };
    const char *locale = setlocale (LC_PAPER, NULL);

    for (guint i = 0; locale != NULL && i < G_N_ELEMENTS (letter_territories); i++)
      if (strstr (locale, letter_territories[i]) != NULL)
        return CG_PAPER_LETTER;
  }

  return CG_PAPER_A4;
}

/* @name: "a4" or "letter", in any case */
gboolean
cg_paper_from_string (const char *name,
                      CgPaper    *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = CG_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = CG_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

const char *
cg_paper_to_string (CgPaper paper)
{
  return paper == CG_PAPER_LETTER ? "letter" : "a4";
}

/* The paper size in points, portrait. */
void
cg_paper_get_size (CgPaper  paper,
                   double  *width,
                   double  *height)
{
  if (paper == CG_PAPER_LETTER)
    {
      *width = 8.5 * 72.0;
      *height = 11.0 * 72.0;
    }
  else
    {
      *width = MM_TO_PT (210.0);
      *height = MM_TO_PT (297.0);
    }
}
