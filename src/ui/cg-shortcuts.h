/* cg-shortcuts.h
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *title;         /* untranslated, in the "shortcut window" context */
  const char *accelerators;  /* GTK accelerators, separated by spaces */
} CgShortcut;

typedef struct
{
  const char       *title;   /* untranslated, in the "shortcut window" context */
  const CgShortcut *shortcuts;
  guint             n_shortcuts;
} CgShortcutGroup;

const CgShortcutGroup *cg_shortcuts_get_groups       (guint      *n_groups);
const char            *cg_shortcuts_translate        (const char *title);
char                  *cg_shortcuts_dup_keys_label   (const char *accelerators);
char                  *cg_shortcuts_dup_markdown     (void);

G_END_DECLS
