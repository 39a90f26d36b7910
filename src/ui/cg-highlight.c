/* cg-highlight.c: how a search match looks, in the results and in the text
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attributes rather than markup, so bundle text is never parsed. Dark text on the yellow of
 * GNOME's search highlight reads in light and dark styles alike, and bold marks the match for
 * readers who do not see the colour.
 */

#define G_LOG_DOMAIN "cg-highlight"

#include "config.h"

#include "cg-highlight.h"

PangoAttrList *
cg_highlight_attributes (const CgSearchRange *ranges,
                         guint                n_ranges)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoColor background, foreground;

  pango_color_parse (&background, CG_HIGHLIGHT_BACKGROUND);
  pango_color_parse (&foreground, CG_HIGHLIGHT_FOREGROUND);

  for (guint i = 0; i < n_ranges; i++)
    {
      PangoAttribute *attrs_for_range[] = {
        pango_attr_background_new (background.red, background.green, background.blue),
        pango_attr_foreground_new (foreground.red, foreground.green, foreground.blue),
        pango_attr_weight_new (PANGO_WEIGHT_BOLD),
      };

      for (guint j = 0; j < G_N_ELEMENTS (attrs_for_range); j++)
        {
          attrs_for_range[j]->start_index = ranges[i].start;
          attrs_for_range[j]->end_index = ranges[i].end;
          pango_attr_list_insert (attrs, attrs_for_range[j]);
        }
    }

  return attrs;
}
