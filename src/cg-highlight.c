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

  for (guint i = 0; i < n_ranges; i++)
    {
      PangoAttribute *attrs_for_range[] = {
        pango_attr_background_new (0xf8f8, 0xe4e4, 0x5c5c),
        pango_attr_foreground_new (0x2424, 0x1f1f, 0x3131),
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
