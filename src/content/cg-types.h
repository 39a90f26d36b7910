/* cg-types.h: forward declarations and small shared types
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CgBundle        CgBundle;
typedef struct _CgLibrary       CgLibrary;
typedef struct _CgSection       CgSection;
typedef struct _CgTopic         CgTopic;

typedef enum
{
  CG_BLOCK_PARAGRAPH,
  CG_BLOCK_LIST,
} CgBlockKind;

/* One block of a section's body. Text is plain (never Pango markup), with runs of white space
 * folded to one space. */
typedef struct
{
  CgBlockKind   kind;
  guint         line;   /* line in the bundle file, for messages */
  char         *text;   /* CG_BLOCK_PARAGRAPH: the paragraph */
  char        **items;  /* CG_BLOCK_LIST: NULL-terminated list items */
} CgBlock;

G_END_DECLS
