/* cg-handout-blocks.c: a handout's text as blocks measured with Pango, and its footer
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text is measured on the layout's PangoCairo context, at 72 dpi with hinted metrics off: one
 * point is one device unit and line breaks do not depend on the surface drawn on. The
 * bundle's text is set as plain text, never parsed as markup. Each block says how it may be
 * broken (cg-handout-paginate.h); labels come from the bundle, so they are in its language.
 */

#define G_LOG_DOMAIN "cg-handout-blocks"

#include "config.h"

#include <string.h>

#include "cg-bundle.h"
#include "cg-handout-layout-private.h"
#include "cg-section.h"
#include "cg-topic.h"

/* Labels a bundle may lack (an older or partial translation): the source language's wording. */
static const struct {
  const char *key;
  const char *text;
} fallback_labels[] = {
  { "language-name", "English" },
  { "notes-heading", "Notes from your care team" },
  { "page-footer", "Page {page} of {pages}" },
  { "date-line", "Date: {date}" },
  { "version-footer", "Content version {version}" },
  { "unreviewed", "Translation not reviewed by a medical translator" },
  { "handout-title", "Patient information" },
  { "handout-subject", "Patient information: {sections}" },
  { "continued", "{heading} (continued)" },
  { "second-language-heading", "{language}: {title}" },
  { "sources-footer", "Sources: {sources}" },
  { "source-credit", "{source}, content version {version}" },
  { "source-credit-reviewed", "{source}, content version {version}, reviewed {date}" },
  { "date-format", "{month} {day}, {year}" },
  { "prepared-for", "Prepared for: {name}" },
  { "next-appointment", "Next appointment: {appointment}" },
  { "disclaimer", "This handout gives general information. It does not replace the advice of your care team." },
  { "month-1", "January" }, { "month-2", "February" }, { "month-3", "March" },
  { "month-4", "April" }, { "month-5", "May" }, { "month-6", "June" },
  { "month-7", "July" }, { "month-8", "August" }, { "month-9", "September" },
  { "month-10", "October" }, { "month-11", "November" }, { "month-12", "December" },
};

static const char *
get_bundle_label (CgBundle   *bundle,
                  const char *key)
{
  const char *text = cg_bundle_get_label (bundle, key);

  if (text != NULL && *text != '\0')
    return text;

  for (guint i = 0; i < G_N_ELEMENTS (fallback_labels); i++)
    if (g_str_equal (fallback_labels[i].key, key))
      return fallback_labels[i].text;

  g_return_val_if_reached ("");
}

static const char *
get_label (CgHandoutLayout *self,
           const char      *key)
{
  return get_bundle_label (self->bundle, key);
}

/* Fills "{name}" in a label; a translator may have moved or dropped it. */
static char *
expand_label (const char *label,
              const char *name,
              const char *value,
              const char *name2,
              const char *value2)
{
  GString *str = g_string_new (label);
  g_autofree char *placeholder = g_strdup_printf ("{%s}", name);

  g_string_replace (str, placeholder, value, 0);

  if (name2 != NULL)
    {
      g_autofree char *placeholder2 = g_strdup_printf ("{%s}", name2);

      g_string_replace (str, placeholder2, value2, 0);
    }

  return g_string_free (str, FALSE);
}


void
cg_handout_layout_clear_block (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_object (&block->bullet);
  g_clear_pointer (&block->outline, g_free);
}

static PangoLayout *
create_layout (CgHandoutLayout *self,
               const char      *text,
               double           font_size,
               gboolean         bold,
               double           width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, font_size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static Block *
add_block (CgHandoutLayout *self,
           const char      *text,
           const char      *tag,
           double           font_size,
           gboolean         bold,
           double           x,
           double           width,
           double           space_before)
{
  Block block = { 0 };

  block.layout = create_layout (self, text, font_size, bold, width - x);
  block.tag = tag;
  /* Headings are bold: anything else is a paragraph or a list item until told otherwise */
  block.kind = bold ? CG_PAGINATE_HEADING
             : g_strcmp0 (tag, "LI") == 0 ? CG_PAGINATE_LIST_ITEM : CG_PAGINATE_PARAGRAPH;
  block.section = self->building_section;
  block.continued = -1;
  block.outline_parent = -1;
  block.x = x;
  block.space_before = space_before;
  block.font_size = font_size;
  block.spacing = bold ? HEADING_SPACING : LINE_SPACING;
  g_array_append_val (self->blocks, block);

  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

/* The last block in the flow: "(continued)" headings are drawn untagged, so structure
 * elements never end on one */
static Block *
get_last_block (CgHandoutLayout *self)
{
  guint i = self->blocks->len - 1;

  while (i > 0 && g_array_index (self->blocks, Block, i).continuation)
    i--;

  return &g_array_index (self->blocks, Block, i);
}

/* Text of the second language: shaped and broken by its own language's rules. */
static void
set_block_language (Block      *block,
                    const char *language)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string (language)));
  pango_layout_set_attributes (block->layout, attrs);
  pango_attr_list_unref (attrs);
}

/* Whether the handout's sections come from more than one topic: then each topic's title is a
 * heading, and the handout has a title of its own. */
static gboolean
spans_topics (CgHandoutLayout *self)
{
  for (guint i = 1; i < self->sections->len; i++)
    if (cg_section_get_topic (g_ptr_array_index (self->sections, i)) !=
        cg_section_get_topic (g_ptr_array_index (self->sections, 0)))
      return TRUE;

  return FALSE;
}

static const char *
get_title (CgHandoutLayout *self)
{
  CgTopic *topic = NULL;

  if (spans_topics (self))
    return get_label (self, "handout-title");

  if (self->sections->len > 0)
    topic = cg_section_get_topic (g_ptr_array_index (self->sections, 0));
  if (topic == NULL && cg_bundle_get_n_topics (self->bundle) > 0)
    topic = cg_bundle_get_topic (self->bundle, 0);

  return topic != NULL ? cg_topic_get_title (topic) : "";
}

/* A paragraph that introduces a list: "Common symptoms include:" */
static gboolean
is_lead_in (const char *text)
{
  gsize len = strlen (text);

  while (len > 0 && g_ascii_isspace (text[len - 1]))
    len--;

  return len > 0 && (text[len - 1] == ':' ||
                     (len >= 3 && memcmp (text + len - 3, "：", 3) == 0));
}

/* The body of a section: paragraphs, and lists kept together as a typesetter would: a lead-in
 * stays with the first two items, and neither the first nor the last item is left alone on a
 * page when taking one more line along avoids it. */
static void
build_section_body (CgHandoutLayout *self,
                    CgSection       *section,
                    const char      *language,
                    double           width)
{
  double size = self->body_size;
  gboolean after_lead_in = FALSE;
  Block *block;

  for (guint i = 0; i < cg_section_get_n_blocks (section); i++)
    {
      const CgBlock *content = cg_section_get_block (section, i);
      guint n_items;

      if (content->kind == CG_BLOCK_PARAGRAPH)
        {
          block = add_block (self, content->text, "P", size, FALSE, 0, width,
                             i == 0 ? size * 0.3 : size * 0.6);
          if (language != NULL)
            set_block_language (block, language);
          after_lead_in = is_lead_in (content->text) && i + 1 < cg_section_get_n_blocks (section) &&
                          cg_section_get_block (section, i + 1)->kind == CG_BLOCK_LIST;
          block->keep_with_next = after_lead_in;
          continue;
        }

      n_items = g_strv_length (content->items);
      for (guint j = 0; j < n_items; j++)
        {
          /* A hanging indent: wrapped lines align with the text, not with the bullet. */
          block = add_block (self, content->items[j], "LI", size, FALSE, size * 1.6, width,
                             j == 0 ? size * 0.6 : size * 0.35);
          block->bullet = create_layout (self, BULLET, size, FALSE, size * 1.2);
          if (language != NULL)
            set_block_language (block, language);
          block->opens_list = j == 0;
          block->closes_list = j + 1 == n_items;
          /* The first item never alone at a page's foot, the last never alone at its head */
          block->keep_with_next = n_items >= 2 && (j == 0 || j + 2 == n_items);
          /* After a lead-in, the whole first item goes along with it */
          block->keep_whole = after_lead_in && j == 0 && n_items >= 2;
        }
      after_lead_in = FALSE;
    }
}

static void
build_section (CgHandoutLayout *self,
               CgSection       *section,
               CgSection       *second,
               const char      *heading_tag,
               int              outline_parent,
               double           width)
{
  double size = self->body_size;
  int outer_section = self->building_section;
  g_autofree char *continued = NULL;
  int heading;
  Block *block;

  block = add_block (self, cg_section_get_title (section), heading_tag, size * 1.35, TRUE, 0,
                     width, size * 1.2);
  block->outline = g_strdup (cg_section_get_title (section));
  block->outline_parent = outline_parent;
  block->n_open_sect = 1;
  heading = self->building_section = self->blocks->len - 1;

  build_section_body (self, section, NULL, width);

  if (second != NULL)
    {
      const char *language = cg_bundle_get_language (self->second_bundle);
      g_autofree char *second_heading =
        expand_label (get_bundle_label (self->second_bundle, "second-language-heading"),
                      "language", get_bundle_label (self->second_bundle, "language-name"),
                      "title", cg_section_get_title (second));

      block = add_block (self, second_heading, g_str_equal (heading_tag, "H2") ? "H3" : "H4",
                         size * 1.15, TRUE, 0, width, size * 0.9);
      set_block_language (block, language);

      build_section_body (self, second, language, width);
    }

  get_last_block (self)->n_close_sect++;

  /* Drawn, untagged, at the head of each further page the section runs onto */
  continued = expand_label (get_label (self, "continued"), "heading",
                                       cg_section_get_title (section), NULL, NULL);
  block = add_block (self, continued, NULL, size * 1.35, TRUE, 0, width, 0);
  block->continuation = TRUE;
  g_array_index (self->blocks, Block, heading).continued = self->blocks->len - 1;
  self->building_section = outer_section;
}

static void
build_note (CgHandoutLayout *self,
            double           width)
{
  double size = self->body_size;
  double pad = self->box_padding;
  g_autofree char *continued = expand_label (get_label (self, "continued"), "heading",
                                             get_label (self, "notes-heading"), NULL, NULL);
  Block *block;
  int heading;

  /* The note is a section of its own, with a bookmark, inside its frame. */
  block = add_block (self, get_label (self, "notes-heading"), "H2", size * 1.15, TRUE, pad,
                     width - pad, size * 1.2);
  block->in_box = TRUE;
  block->outline = g_strdup (get_label (self, "notes-heading"));
  block->n_open_sect = 1;
  heading = self->building_section = self->blocks->len - 1;

  block = add_block (self, self->note, "P", size, FALSE, pad, width - pad, size * 0.3);
  block->in_box = TRUE;
  block->n_close_sect = 1;

  /* Drawn, untagged, at the head of each further page the note runs onto. */
  block = add_block (self, continued, NULL, size * 1.15, TRUE, pad, width - pad, 0);
  block->in_box = TRUE;
  block->continuation = TRUE;
  g_array_index (self->blocks, Block, heading).continued = self->blocks->len - 1;
  self->building_section = -1;
}

/**
 * cg_handout_format_date:
 * @bundle: gives the date convention, through its labels "date-format" and "month-1"…"month-12"
 *
 * Returns: @date as the bundle's language writes it ("1 de diciembre de 2026"), whatever the
 *   interface locale
 */
char *
cg_handout_format_date (CgBundle  *bundle,
                        GDateTime *date)
{
  g_autofree char *month_key = g_strdup_printf ("month-%d", g_date_time_get_month (date));
  g_autofree char *day = g_strdup_printf ("%d", g_date_time_get_day_of_month (date));
  g_autofree char *year = g_strdup_printf ("%d", g_date_time_get_year (date));
  g_autofree char *with_day = NULL;

  g_return_val_if_fail (CG_IS_BUNDLE (bundle), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  with_day = expand_label (get_bundle_label (bundle, "date-format"), "day", day, "year", year);

  return expand_label (with_day, "month", get_bundle_label (bundle, month_key), NULL, NULL);
}

typedef struct
{
  const char *source;
  const char *version;
  GDateTime  *reviewed_on;
} Credit;

/* Each source whose text is printed, once, in the order first printed. The built-in content
 * is named in the handout's language in both parts of a bilingual handout. */
static GArray *
collect_credits (CgHandoutLayout *self)
{
  GArray *credits = g_array_new (FALSE, TRUE, sizeof (Credit));

  for (guint i = 0; i < self->sections->len * 2 + 1; i++)
    {
      CgSection *section = NULL;
      CgBundle *bundle = self->bundle;
      Credit credit;
      gboolean seen = FALSE;

      if (i < self->sections->len * 2)
        {
          GPtrArray *array = i % 2 == 0 ? self->sections : self->second_sections;

          if (!(section = g_ptr_array_index (array, i / 2)) ||
              !cg_section_get_topic (section) ||
              !(bundle = cg_topic_get_bundle (cg_section_get_topic (section))))
            continue;
          if (bundle == self->second_bundle)
            bundle = self->bundle;
        }
      else if (credits->len > 0)
        break;  /* nothing printed: the handout's own bundle is credited */

      credit.source = cg_bundle_get_source (bundle);
      credit.version = cg_bundle_get_content_version (bundle);
      credit.reviewed_on = cg_bundle_get_reviewed_on (bundle);
      if (credit.source == NULL)
        continue;

      for (guint j = 0; j < credits->len; j++)
        {
          const Credit *other = &g_array_index (credits, Credit, j);

          seen |= g_str_equal (other->source, credit.source) &&
                  g_strcmp0 (other->version, credit.version) == 0;
        }
      if (!seen)
        g_array_append_val (credits, credit);
    }

  return credits;
}

static gboolean
is_unreviewed (CgBundle *bundle)
{
  return bundle != NULL && cg_bundle_get_translation_status (bundle) != CG_TRANSLATION_SOURCE &&
         !cg_bundle_get_reviewed (bundle);
}

/* The footer: the handout's language(s) beside the page number, then each source with its
 * content version and any translation warning across the full width, so they wrap as little
 * as possible. All in the handout's first language. */
static void
build_footer (CgHandoutLayout *self,
              double           width)
{
  double size = self->large_print ? 14.0 : 12.0;
  g_autofree char *widest = NULL;
  g_autofree char *sources_line = NULL;
  g_autoptr(GString) text = g_string_new (get_label (self, "language-name"));
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(GArray) credits = collect_credits (self);
  PangoRectangle logical;
  double bottom;

  if (self->second_bundle != NULL)
    g_string_append_printf (text, " · %s", get_bundle_label (self->second_bundle, "language-name"));

  for (guint i = 0; i < credits->len; i++)
    {
      const Credit *credit = &g_array_index (credits, Credit, i);
      g_autofree char *date = credit->reviewed_on != NULL
                            ? cg_handout_format_date (self->bundle, credit->reviewed_on) : NULL;
      g_autofree char *line = NULL;
      g_autofree char *with_date = NULL;

      line = expand_label (get_label (self, date != NULL ? "source-credit-reviewed" : "source-credit"),
                           "source", credit->source, "version",
                           credit->version != NULL ? credit->version : "");
      with_date = expand_label (line, "date", date != NULL ? date : "", NULL, NULL);
      g_string_append_printf (sources, "%s%s", i > 0 ? "; " : "", with_date);
    }
  sources_line = expand_label (get_label (self, "sources-footer"), "sources", sources->str,
                               NULL, NULL);
  g_string_append (detail, sources_line);

  if (is_unreviewed (self->bundle) || is_unreviewed (self->second_bundle))
    {
      g_string_append_c (detail, '\n');
      /* Which language is meant, when two are printed */
      if (self->second_bundle != NULL)
        {
          if (is_unreviewed (self->bundle))
            g_string_append (detail, get_label (self, "language-name"));
          if (is_unreviewed (self->bundle) && is_unreviewed (self->second_bundle))
            g_string_append (detail, ", ");
          if (is_unreviewed (self->second_bundle))
            g_string_append (detail, get_bundle_label (self->second_bundle, "language-name"));
          g_string_append (detail, ": ");
        }
      g_string_append (detail, get_label (self, "unreviewed"));
    }

  /* Room for the widest page number this handout could reach, so it never overlaps. */
  widest = expand_label (get_label (self, "page-footer"), "page", "888", "pages", "888");
  g_clear_object (&self->page_number);
  self->page_number = create_layout (self, widest, size, FALSE, width);
  pango_layout_get_extents (self->page_number, NULL, &logical);

  g_clear_object (&self->footer);
  self->footer = create_layout (self, text->str, size, FALSE,
                                width - (double)logical.width / PANGO_SCALE - size * 1.5);

  bottom = self->height - MARGIN;
  g_clear_object (&self->footer_detail);
  self->footer_detail = create_layout (self, detail->str, size, FALSE, width);
  pango_layout_get_extents (self->footer_detail, NULL, &logical);
  self->footer_detail_top = bottom - (double)logical.height / PANGO_SCALE;
  bottom = self->footer_detail_top - size * 0.25;

  pango_layout_get_extents (self->footer, NULL, &logical);
  self->footer_top = bottom - (double)logical.height / PANGO_SCALE;
}

/* "Prepared for" and "Next appointment", each on a line of its own under the date */
static void
build_patient_lines (CgHandoutLayout *self,
                     double           width)
{
  double size = self->body_size;
  const struct {
    const char *value;
    const char *label;
    const char *placeholder;
  } lines[] = {
    { self->prepared_for, "prepared-for", "name" },
    { self->next_appointment, "next-appointment", "appointment" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i].value != NULL)
      {
        g_autofree char *line = expand_label (get_label (self, lines[i].label),
                                              lines[i].placeholder, lines[i].value, NULL, NULL);

        add_block (self, line, "P", size, FALSE, 0, width, size * 0.2)->kind = CG_PAGINATE_FIXED;
      }
}

/* After the last section: the handout language's disclaimer, then the own disclaimer of each
 * other source whose text is printed, once each. They belong to no section: a page they start
 * repeats no heading. */
static void
build_disclaimers (CgHandoutLayout *self,
                   double           width)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  double size = self->body_size;

  self->building_section = -1;
  add_block (self, get_label (self, "disclaimer"), "P", size, FALSE, 0, width, size * 1.2);

  for (guint i = 0; i < self->sections->len; i++)
    {
      CgSection *section = g_ptr_array_index (self->sections, i);
      CgTopic *topic = cg_section_get_topic (section);
      CgBundle *bundle = topic != NULL ? cg_topic_get_bundle (topic) : NULL;
      const char *disclaimer = bundle != NULL ? cg_bundle_get_disclaimer (bundle) : NULL;

      if (disclaimer == NULL || g_ptr_array_find_with_equal_func (seen, disclaimer, g_str_equal, NULL))
        continue;

      g_ptr_array_add (seen, (gpointer)disclaimer);
      add_block (self, disclaimer, "P", size, FALSE, 0, width, size * 0.4);
    }
}

static void
build_blocks (CgHandoutLayout *self,
              double           width)
{
  double size = self->body_size;
  g_autofree char *date = cg_handout_format_date (self->bundle, self->date);
  g_autofree char *date_line = expand_label (get_label (self, "date-line"), "date", date,
                                             NULL, NULL);
  gboolean by_topic = spans_topics (self);
  CgTopic *topic = NULL;
  int topic_block = -1;
  Block *block;

  g_array_set_size (self->blocks, 0);
  self->building_section = -1;

  /* Page 1: the clinic's letterhead, the title and the date, kept together. */
  if (self->clinic_header != NULL)
    {
      block = add_block (self, self->clinic_header, "P", size, FALSE, 0, width, 0);
      block->kind = CG_PAGINATE_FIXED;
      block->keep_with_next = TRUE;
    }

  block = add_block (self, get_title (self), "H1", size * 1.8, TRUE, 0, width, size * 0.8);
  block->kind = CG_PAGINATE_FIXED;
  block->keep_with_next = TRUE;
  block = add_block (self, date_line, "P", size, FALSE, 0, width, size * 0.2);
  block->kind = CG_PAGINATE_FIXED;
  build_patient_lines (self, width);

  if (self->note != NULL)
    build_note (self, width);

  for (guint i = 0; i < self->sections->len; i++)
    {
      CgSection *section = g_ptr_array_index (self->sections, i);

      /* A handout across topics: each topic's title heads its sections, one level up */
      if (by_topic && cg_section_get_topic (section) != topic)
        {
          if (topic_block >= 0)
            get_last_block (self)->n_close_sect++;
          topic = cg_section_get_topic (section);
          block = add_block (self, cg_topic_get_title (topic), "H2", size * 1.5, TRUE, 0, width,
                             size * 1.4);
          block->outline = g_strdup (cg_topic_get_title (topic));
          block->n_open_sect = 1;
          topic_block = self->building_section = self->blocks->len - 1;
        }

      build_section (self, section, g_ptr_array_index (self->second_sections, i),
                     by_topic ? "H3" : "H2", topic_block, width);
    }

  if (topic_block >= 0)
    get_last_block (self)->n_close_sect++;

  build_disclaimers (self, width);
}

static double
get_line_pitch (const Block *block,
                guint        line,
                double      *height,
                double      *ascent)
{
  PangoRectangle logical;

  pango_layout_line_get_extents (pango_layout_get_line_readonly (block->layout, line),
                                 NULL, &logical);
  *height = (double)logical.height / PANGO_SCALE;
  *ascent = -(double)logical.y / PANGO_SCALE;

  return MAX (*height, block->font_size * block->spacing);
}

/* Whether no page may end after this line: a heading, a lead-in and some list items keep
 * with what follows; a paragraph or bullet never leaves its first line alone at the bottom
 * nor its last line alone on top. */

/* For the layout's other files (cg-handout-layout-private.h) */

const char *
cg_handout_get_bundle_label (CgBundle   *bundle,
                             const char *key)
{
  return get_bundle_label (bundle, key);
}

const char *
cg_handout_layout_get_label (CgHandoutLayout *self,
                             const char      *key)
{
  return get_label (self, key);
}

char *
cg_handout_expand_label (const char *label,
                         const char *name,
                         const char *value,
                         const char *name2,
                         const char *value2)
{
  return expand_label (label, name, value, name2, value2);
}

const char *
cg_handout_layout_get_title (CgHandoutLayout *self)
{
  return get_title (self);
}

void
cg_handout_layout_build_footer (CgHandoutLayout *self,
                                double           width)
{
  build_footer (self, width);
}

void
cg_handout_layout_build_blocks (CgHandoutLayout *self,
                                double           width)
{
  build_blocks (self, width);
}

double
cg_handout_block_get_line_pitch (const Block *block,
                                 guint        line,
                                 double      *height,
                                 double      *ascent)
{
  return get_line_pitch (block, line, height, ascent);
}
