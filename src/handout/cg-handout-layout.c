/* cg-handout-layout.c: pagination and drawing of a patient handout, for print and PDF alike
 *
 * Copyright 2026 The Calcinosis Guide authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print operation and the PDF export both draw through this module, so a printed handout
 * and a saved one have the same pages. Text is measured on a PangoCairo context of its own, at
 * 72 dpi with hinted metrics off: one point is one device unit and line breaks do not depend on
 * the surface drawn on. The bundle's text is set as plain text, never parsed as markup.
 */

#define G_LOG_DOMAIN "cg-handout-layout"

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cg-bundle.h"
#include "cg-handout-layout.h"
#include "cg-handout-note.h"
#include "cg-handout-pdf.h"
#include "cg-paper.h"
#include "cg-section.h"
#include "cg-section-text.h"
#include "cg-topic.h"

#define MM_TO_PT(mm)       ((mm) * 72.0 / 25.4)
#define MARGIN             MM_TO_PT (20.0)
#define BODY_SIZE          14.0
#define LARGE_BODY_SIZE    18.0
#define LINE_SPACING       1.5   /* of the font size, between baselines; UKAAF asks ≥ 1.4 */
#define HEADING_SPACING    1.4
#define FONT_FAMILY        "Sans"
#define BULLET             CG_BULLET

typedef struct
{
  PangoLayout *layout;
  PangoLayout *bullet;         /* list items: the bullet, hung left of the text */
  double       x;              /* left edge of the text, from the left margin */
  double       space_before;   /* dropped at the top of a page */
  double       font_size;
  double       spacing;
  const char  *tag;            /* structure element of a tagged PDF: H1, H2, H3, P, LI */
  char        *outline;        /* (nullable) bookmark title; the block is its destination */
  int          outline_parent; /* index of the block whose bookmark is the parent, or -1 */
  guint        n_open_sect;    /* Sect elements that start with this block */
  guint        n_close_sect;   /* … and that end with it */
  guint        opens_list : 1;
  guint        closes_list : 1;
  guint        in_box : 1;     /* inside the framed note */
  guint        keep_lines : 1; /* title and headings: never split */
  guint        keep_with_next : 1;
  guint        soft_keeps : 1;   /* the keeps are a list's: dropped when they cannot fit a page */
  guint        continuation : 1; /* "Notes (continued)": only at the top of a page the note goes on to */
} Block;

typedef struct
{
  guint  block;
  guint  line;
  double top;   /* top of the line box, from the top of the page */
} Placement;

struct _CgHandoutLayout
{
  GObject       parent_instance;

  /* Owned */
  CgBundle     *bundle;
  CgBundle     *second_bundle;    /* (nullable) bilingual handouts: the second language */
  GPtrArray    *sections;
  GPtrArray    *second_sections;  /* parallel to sections; NULL where not bilingual */
  GDateTime    *date;
  char         *note;
  char         *clinic_header;
  PangoContext *context;
  GArray       *blocks;      /* of Block, built by paginate() for its page width */
  GArray       *placements;  /* of Placement, in reading order */
  GArray       *pages;       /* of guint, index of the first placement of each page */
  PangoLayout  *footer;         /* the handout's language(s) */
  PangoLayout  *footer_detail;  /* sources with versions, translation status */
  PangoLayout  *page_number;

  CgPaper       paper;
  double        width;
  double        height;
  double        body_size;
  double        box_padding;
  double        footer_top;
  double        footer_detail_top;

  guint         continuation_block;  /* index of the "(continued)" block, or G_MAXUINT */

  guint         large_print : 1;
  guint         dirty : 1;
};

G_DEFINE_FINAL_TYPE (CgHandoutLayout, cg_handout_layout, G_TYPE_OBJECT)

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

static void
clear_block (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_object (&block->bullet);
  g_clear_pointer (&block->outline, g_free);
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
cg_handout_layout_finalize (GObject *object)
{
  CgHandoutLayout *self = (CgHandoutLayout *)object;

  g_clear_object (&self->bundle);
  g_clear_object (&self->second_bundle);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->second_sections, g_ptr_array_unref);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->clinic_header, g_free);
  g_clear_object (&self->context);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_object (&self->footer);
  g_clear_object (&self->footer_detail);
  g_clear_object (&self->page_number);

  G_OBJECT_CLASS (cg_handout_layout_parent_class)->finalize (object);
}

static void
cg_handout_layout_class_init (CgHandoutLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_handout_layout_finalize;
}

static void
cg_handout_layout_init (CgHandoutLayout *self)
{
  cairo_font_options_t *options;

  self->sections = g_ptr_array_new_with_free_func (g_object_unref);
  self->second_sections = g_ptr_array_new_with_free_func (unref_if_set);
  self->continuation_block = G_MAXUINT;
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, clear_block);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  self->paper = cg_paper_get_default ();
  self->date = g_date_time_new_now_local ();
  self->dirty = TRUE;

  /* Unhinted metrics and unrounded positions: the same line breaks on paper, PDF and screen. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
}

/**
 * cg_handout_layout_new:
 * @bundle: the bundle the sections come from; gives the labels and provenance
 *
 * Returns: (transfer full): an empty handout in @bundle's language
 */
CgHandoutLayout *
cg_handout_layout_new (CgBundle *bundle)
{
  CgHandoutLayout *self;

  g_return_val_if_fail (CG_IS_BUNDLE (bundle), NULL);

  self = g_object_new (CG_TYPE_HANDOUT_LAYOUT, NULL);
  self->bundle = g_object_ref (bundle);
  pango_context_set_language (self->context,
                              pango_language_from_string (cg_bundle_get_language (bundle)));

  return self;
}

static const char *
get_section_language (CgSection *section)
{
  CgTopic *topic = cg_section_get_topic (section);
  CgBundle *bundle = topic != NULL ? cg_topic_get_bundle (topic) : NULL;

  return bundle != NULL ? cg_bundle_get_language (bundle) : NULL;
}

/**
 * cg_handout_layout_add_section:
 * @section: a section with text in the handout's language
 *
 * Adds @section after those already there. A handout has one language: a section of a bundle
 * in another language (a clinic bundle in English on a Spanish handout) is not added, so it
 * can never be printed under another language's labels; callers ask
 * cg_library_section_has_language() first and tell the clinician.
 *
 * Returns: %TRUE if added, %FALSE if @section is in another language
 */
gboolean
cg_handout_layout_add_section (CgHandoutLayout *self,
                               CgSection       *section)
{
  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), FALSE);
  g_return_val_if_fail (CG_IS_SECTION (section), FALSE);

  if (g_strcmp0 (get_section_language (section), cg_bundle_get_language (self->bundle)) != 0)
    return FALSE;

  g_ptr_array_add (self->sections, g_object_ref (section));
  g_ptr_array_add (self->second_sections, NULL);
  self->dirty = TRUE;

  return TRUE;
}

/**
 * cg_handout_layout_set_second_language:
 * @bundle: (nullable): the built-in content in the second language of a bilingual handout
 *
 * Its labels name the second language and head each section's second part; the footers stay
 * in the first language.
 */
void
cg_handout_layout_set_second_language (CgHandoutLayout *self,
                                       CgBundle        *bundle)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));
  g_return_if_fail (bundle == NULL || CG_IS_BUNDLE (bundle));

  g_set_object (&self->second_bundle, bundle);
  self->dirty = TRUE;
}

/**
 * cg_handout_layout_add_bilingual_section:
 * @section: a section in the handout's language
 * @second: the same section in the second language (cg_handout_layout_set_second_language())
 *
 * Adds @section, then @second after it under a heading naming the second language.
 *
 * Returns: %TRUE if added, %FALSE if either is not in its language
 */
gboolean
cg_handout_layout_add_bilingual_section (CgHandoutLayout *self,
                                         CgSection       *section,
                                         CgSection       *second)
{
  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), FALSE);
  g_return_val_if_fail (CG_IS_SECTION (section), FALSE);
  g_return_val_if_fail (CG_IS_SECTION (second), FALSE);
  g_return_val_if_fail (self->second_bundle != NULL, FALSE);

  if (g_strcmp0 (get_section_language (second), cg_bundle_get_language (self->second_bundle)) != 0 ||
      !cg_handout_layout_add_section (self, section))
    return FALSE;

  g_ptr_array_index (self->second_sections, self->second_sections->len - 1) = g_object_ref (second);

  return TRUE;
}

/* Typed text may come from a command line in another encoding; Pango needs UTF-8. Text of
 * white space only counts as none, so an empty note draws no empty box. */
static void
set_user_text (char       **field,
               const char  *text,
               gsize        max_chars)
{
  g_clear_pointer (field, g_free);

  if (text == NULL)
    return;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      {
        *field = cg_handout_text_clean (text, max_chars);
        return;
      }
}

/* @note is patient data: it is kept here for drawing and goes nowhere else. */
void
cg_handout_layout_set_note (CgHandoutLayout *self,
                            const char      *note)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));

  set_user_text (&self->note, note, CG_HANDOUT_NOTE_MAX_CHARS);
  self->dirty = TRUE;
}

void
cg_handout_layout_set_clinic_header (CgHandoutLayout *self,
                                     const char      *clinic_header)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));

  set_user_text (&self->clinic_header, clinic_header, 0);
  self->dirty = TRUE;
}

void
cg_handout_layout_set_large_print (CgHandoutLayout *self,
                                   gboolean         large_print)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));

  self->large_print = !!large_print;
  self->dirty = TRUE;
}

void
cg_handout_layout_set_paper (CgHandoutLayout *self,
                             CgPaper          paper)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));

  self->paper = paper;
}

CgPaper
cg_handout_layout_get_paper (CgHandoutLayout *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), CG_PAPER_A4);

  return self->paper;
}

void
cg_handout_layout_set_date (CgHandoutLayout *self,
                            GDateTime       *date)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));
  g_return_if_fail (date != NULL);

  g_date_time_unref (self->date);
  self->date = g_date_time_ref (date);
  self->dirty = TRUE;
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
  block.outline_parent = -1;
  block.x = x;
  block.space_before = space_before;
  block.font_size = font_size;
  block.spacing = bold ? HEADING_SPACING : LINE_SPACING;
  g_array_append_val (self->blocks, block);

  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

static Block *
get_last_block (CgHandoutLayout *self)
{
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
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
          block->soft_keeps = TRUE;
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
          block->keep_lines = after_lead_in && j == 0 && n_items >= 2;
          block->soft_keeps = TRUE;
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
  Block *block;

  block = add_block (self, cg_section_get_title (section), heading_tag, size * 1.35, TRUE, 0,
                     width, size * 1.2);
  block->keep_lines = TRUE;
  block->keep_with_next = TRUE;
  block->outline = g_strdup (cg_section_get_title (section));
  block->outline_parent = outline_parent;
  block->n_open_sect = 1;

  build_section_body (self, section, NULL, width);

  if (second != NULL)
    {
      const char *language = cg_bundle_get_language (self->second_bundle);
      g_autofree char *heading =
        expand_label (get_bundle_label (self->second_bundle, "second-language-heading"),
                      "language", get_bundle_label (self->second_bundle, "language-name"),
                      "title", cg_section_get_title (second));

      block = add_block (self, heading, g_str_equal (heading_tag, "H2") ? "H3" : "H4",
                         size * 1.15, TRUE, 0, width, size * 0.9);
      set_block_language (block, language);
      block->keep_lines = TRUE;
      block->keep_with_next = TRUE;

      build_section_body (self, second, language, width);
    }

  get_last_block (self)->n_close_sect++;
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

  /* The note is a section of its own, with a bookmark, inside its frame. */
  block = add_block (self, get_label (self, "notes-heading"), "H2", size * 1.15, TRUE, pad,
                     width - pad, size * 1.2);
  block->in_box = TRUE;
  block->keep_lines = TRUE;
  block->keep_with_next = TRUE;
  block->outline = g_strdup (get_label (self, "notes-heading"));
  block->n_open_sect = 1;

  block = add_block (self, self->note, "P", size, FALSE, pad, width - pad, size * 0.3);
  block->in_box = TRUE;
  block->n_close_sect = 1;

  /* Drawn, untagged, at the head of each further page the note runs onto. */
  block = add_block (self, continued, NULL, size * 1.15, TRUE, pad, width - pad, 0);
  block->in_box = TRUE;
  block->keep_lines = TRUE;
  block->continuation = TRUE;
  self->continuation_block = self->blocks->len - 1;
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
  self->continuation_block = G_MAXUINT;

  /* Page 1: the clinic's letterhead, the title and the date, kept together. */
  if (self->clinic_header != NULL)
    {
      block = add_block (self, self->clinic_header, "P", size, FALSE, 0, width, 0);
      block->keep_lines = block->keep_with_next = TRUE;
    }

  block = add_block (self, get_title (self), "H1", size * 1.8, TRUE, 0, width, size * 0.8);
  block->keep_lines = block->keep_with_next = TRUE;
  add_block (self, date_line, "P", size, FALSE, 0, width, size * 0.2);

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
          block->keep_lines = block->keep_with_next = TRUE;
          block->outline = g_strdup (cg_topic_get_title (topic));
          block->n_open_sect = 1;
          topic_block = self->blocks->len - 1;
        }

      build_section (self, section, g_ptr_array_index (self->second_sections, i),
                     by_topic ? "H3" : "H2", topic_block, width);
    }

  if (topic_block >= 0)
    get_last_block (self)->n_close_sect++;
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
static gboolean
keeps_with_next (const Block *block,
                 guint        line,
                 gboolean     with_soft_keeps)
{
  guint n_lines = pango_layout_get_line_count (block->layout);
  gboolean keeps = with_soft_keeps || !block->soft_keeps;

  if (line + 1 >= n_lines)
    return keeps && block->keep_with_next;

  return (keeps && block->keep_lines) || line == 0 || line + 2 == n_lines;
}

/* Where a line goes below @prev (NULL at the top of a page): returns the top of its box. */
static double
get_line_top (CgHandoutLayout *self,
              const Block     *prev,
              const Block     *block,
              guint            line,
              double           y)
{
  if (prev == NULL)
    return y + (block->in_box ? self->box_padding : 0);

  if (prev->in_box && !block->in_box)
    y += self->box_padding;
  if (line == 0)
    y += block->space_before;
  if (!prev->in_box && block->in_box)
    y += self->box_padding;

  return y;
}

/**
 * cg_handout_layout_paginate:
 * @width: page width in points
 * @height: page height in points
 *
 * Lays the handout out on pages of this size. Call before drawing, again when the size or the
 * content changes.
 *
 * Returns: the number of pages
 */
guint
cg_handout_layout_paginate (CgHandoutLayout *self,
                            double           width,
                            double           height)
{
  g_autoptr(GArray) lines = NULL;
  const Block *prev = NULL;
  gboolean page_empty = TRUE;
  double content_width;
  double bottom;
  double y;
  guint i;

  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), 0);
  g_return_val_if_fail (width > 2 * MARGIN && height > 2 * MARGIN, 0);

  if (!self->dirty && width == self->width && height == self->height)
    return self->pages->len;

  self->width = width;
  self->height = height;
  self->body_size = self->large_print ? LARGE_BODY_SIZE : BODY_SIZE;
  self->box_padding = self->body_size * 0.8;
  self->dirty = FALSE;
  content_width = width - 2 * MARGIN;

  build_footer (self, content_width);
  build_blocks (self, content_width);
  bottom = self->footer_top - self->body_size * 1.2;

  /* Every line of the handout, in order, as (block, line) pairs. */
  lines = g_array_new (FALSE, FALSE, sizeof (Placement));
  for (guint b = 0; b < self->blocks->len; b++)
    {
      const Block *block = &g_array_index (self->blocks, Block, b);

      if (block->continuation)
        continue;

      for (guint l = 0; l < (guint)pango_layout_get_line_count (block->layout); l++)
        {
          Placement p = { b, l, 0 };

          g_array_append_val (lines, p);
        }
    }

  g_array_set_size (self->placements, 0);
  g_array_set_size (self->pages, 0);
  g_array_append_val (self->pages, self->placements->len);
  y = MARGIN;
  i = 0;

  while (i < lines->len)
    {
      const Block *group_prev;
      double group_y;
      guint last = i;
      guint fitting = 0;

      /* A note that goes on from the previous page says so at the head of its frame. */
      if (prev == NULL && page_empty && self->continuation_block != G_MAXUINT)
        {
          const Placement *next = &g_array_index (lines, Placement, i);
          const Block *next_block = &g_array_index (self->blocks, Block, next->block);

          if (next_block->in_box && i > 0 &&
              g_array_index (self->blocks, Block, g_array_index (lines, Placement, i - 1).block).in_box)
            {
              const Block *continued = &g_array_index (self->blocks, Block, self->continuation_block);

              for (guint l = 0; l < (guint)pango_layout_get_line_count (continued->layout); l++)
                {
                  Placement p = { self->continuation_block, l, 0 };
                  double line_height, ascent;

                  p.top = get_line_top (self, prev, continued, l, y);
                  y = p.top + get_line_pitch (continued, l, &line_height, &ascent);
                  prev = continued;
                  g_array_append_val (self->placements, p);
                }
            }
        }

      group_prev = prev;
      group_y = y;

      /* The smallest run of lines a page may end after. */
      while (last + 1 < lines->len)
        {
          const Placement *p = &g_array_index (lines, Placement, last);

          if (!keeps_with_next (&g_array_index (self->blocks, Block, p->block), p->line, TRUE))
            break;
          last++;
        }

      for (guint k = i; k <= last; k++)
        {
          const Placement *p = &g_array_index (lines, Placement, k);
          const Block *block = &g_array_index (self->blocks, Block, p->block);
          double line_height, ascent;
          double end;

          end = get_line_top (self, group_prev, block, p->line, group_y) +
                get_line_pitch (block, p->line, &line_height, &ascent);
          if (end + (block->in_box ? self->box_padding : 0) > bottom)
            break;
          group_y = end;
          group_prev = block;
          fitting++;
        }

      /* A run taller than a page is split where it must; otherwise it moves on whole. */
      if (fitting <= last - i && !page_empty)
        {
          guint first = self->placements->len;

          g_array_append_val (self->pages, first);
          y = MARGIN;
          prev = NULL;
          page_empty = TRUE;
          continue;
        }
      page_empty = FALSE;

      /* A run taller than a page: end the page where only a list's keeps are broken, if any */
      if (fitting <= last - i)
        for (guint k = i + fitting; k > i; k--)
          {
            const Placement *p = &g_array_index (lines, Placement, k - 1);

            if (!keeps_with_next (&g_array_index (self->blocks, Block, p->block), p->line, FALSE))
              {
                fitting = k - i;
                break;
              }
          }

      for (guint k = i; k < i + MAX (fitting, 1); k++)
        {
          Placement p = g_array_index (lines, Placement, k);
          const Block *block = &g_array_index (self->blocks, Block, p.block);
          double line_height, ascent;

          p.top = get_line_top (self, prev, block, p.line, y);
          y = p.top + get_line_pitch (block, p.line, &line_height, &ascent);
          prev = block;
          g_array_append_val (self->placements, p);
        }
      i += MAX (fitting, 1);
    }

  return self->pages->len;
}

guint
cg_handout_layout_get_n_pages (CgHandoutLayout *self)
{
  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), 0);

  return self->pages->len;
}

static void
draw_box (CgHandoutLayout *self,
          cairo_t         *cr,
          double           top,
          double           bottom)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 2.0);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_rectangle (cr, MARGIN + 1.0, top, self->width - 2 * MARGIN - 2.0, bottom - top);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_footer (CgHandoutLayout *self,
             cairo_t         *cr,
             guint            page)
{
  g_autofree char *page_str = g_strdup_printf ("%u", page + 1);
  g_autofree char *pages_str = g_strdup_printf ("%u", self->pages->len);
  g_autofree char *text = expand_label (get_label (self, "page-footer"),
                                        "page", page_str, "pages", pages_str);
  PangoRectangle logical;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, MARGIN, self->footer_top - self->body_size * 0.6);
  cairo_line_to (cr, self->width - MARGIN, self->footer_top - self->body_size * 0.6);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, MARGIN, self->footer_top);
  pango_cairo_show_layout (cr, self->footer);
  if (self->footer_detail != NULL)
    {
      cairo_move_to (cr, MARGIN, self->footer_detail_top);
      pango_cairo_show_layout (cr, self->footer_detail);
    }

  pango_layout_set_text (self->page_number, text, -1);
  pango_layout_get_extents (self->page_number, NULL, &logical);
  cairo_move_to (cr, self->width - MARGIN - (double)logical.width / PANGO_SCALE, self->footer_top);
  pango_cairo_show_layout (cr, self->page_number);
  cairo_restore (cr);
}

/* Structure tags of a block, opened before its first line is drawn… */
static void
begin_block_tags (cairo_t     *cr,
                  const Block *block)
{
  for (guint i = 0; i < block->n_open_sect; i++)
    cairo_tag_begin (cr, "Sect", "");
  if (block->opens_list)
    cairo_tag_begin (cr, "L", "");
  if (block->tag != NULL)
    cairo_tag_begin (cr, block->tag, "");
}

/* …and closed after its last line, innermost first. */
static void
end_block_tags (cairo_t     *cr,
                const Block *block)
{
  if (block->tag != NULL && g_str_equal (block->tag, "LI"))
    cairo_tag_end (cr, "LBody");
  if (block->tag != NULL)
    cairo_tag_end (cr, block->tag);
  if (block->closes_list)
    cairo_tag_end (cr, "L");
  for (guint i = 0; i < block->n_close_sect; i++)
    cairo_tag_end (cr, "Sect");
}

/* Cairo takes tag attributes as key='value' pairs: a quote or backslash in a value must be
 * escaped, or cairo puts the whole surface in an error state. */
static char *
dup_tag_attribute (const char *key,
                   const char *value)
{
  GString *str = g_string_new (key);

  g_string_append (str, "='");
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (str, '\\');
      g_string_append_c (str, *p);
    }
  g_string_append_c (str, '\'');

  return g_string_free (str, FALSE);
}

static char *
dup_destination_name (guint block_index)
{
  return g_strdup_printf ("block-%u", block_index);
}

/* @tagged: emit the structure tags and destinations of a tagged PDF; the tags of a block that
 * runs over a page break stay open across it, so @cr must draw every page in order. */
static void
draw_page (CgHandoutLayout *self,
           cairo_t         *cr,
           guint            page,
           gboolean         tagged)
{
  guint first, end;
  double box_top = -1;
  double box_bottom = 0;

  first = g_array_index (self->pages, guint, page);
  end = page + 1 < self->pages->len ? g_array_index (self->pages, guint, page + 1)
                                    : self->placements->len;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = first; i < end; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);
      const Block *block = &g_array_index (self->blocks, Block, p->block);
      gboolean last_line = p->line + 1 == (guint)pango_layout_get_line_count (block->layout);
      gboolean tags = tagged && !block->continuation;
      double height, ascent;
      double pitch = get_line_pitch (block, p->line, &height, &ascent);
      /* Half the leading above the line and half below, as CSS does. */
      double baseline = p->top + (pitch - height) / 2 + ascent;

      if (block->in_box)
        {
          if (box_top < 0)
            box_top = p->top - self->box_padding;
          box_bottom = p->top + pitch + self->box_padding;
        }

      if (tags && p->line == 0)
        begin_block_tags (cr, block);

      if (block->bullet != NULL && p->line == 0)
        {
          if (tags)
            cairo_tag_begin (cr, "Lbl", "");
          cairo_move_to (cr, MARGIN + block->x - block->font_size * 1.1, baseline);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->bullet, 0));
          if (tags)
            {
              cairo_tag_end (cr, "Lbl");
              cairo_tag_begin (cr, "LBody", "");
            }
        }

      if (tags && p->line == 0 && block->outline != NULL)
        {
          g_autofree char *name = dup_destination_name (p->block);
          g_autofree char *attributes = dup_tag_attribute ("name", name);

          cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
        }

      cairo_move_to (cr, MARGIN + block->x, baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, p->line));

      if (tags && p->line == 0 && block->outline != NULL)
        cairo_tag_end (cr, CAIRO_TAG_DEST);

      if (tags && last_line)
        end_block_tags (cr, block);
    }

  if (box_top >= 0)
    draw_box (self, cr, box_top, box_bottom);

  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/**
 * cg_handout_layout_draw_page:
 * @cr: a context whose user space is in points, with (0, 0) at the top left of the paper
 * @page: a page number from 0, below what cg_handout_layout_paginate() returned
 *
 * Draws one page, untagged, as a print operation asks for them (in any order).
 */
void
cg_handout_layout_draw_page (CgHandoutLayout *self,
                             cairo_t         *cr,
                             guint            page)
{
  g_return_if_fail (CG_IS_HANDOUT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (!self->dirty);
  g_return_if_fail (page < self->pages->len);

  draw_page (self, cr, page, FALSE);
}

/**
 * cg_handout_layout_dup_page_text:
 * @page: a page number from 0, below what cg_handout_layout_paginate() returned
 *
 * Returns: the text of the page above its footer, one printed line a line, list items' first
 *   lines starting with the bullet and a space
 */
char *
cg_handout_layout_dup_page_text (CgHandoutLayout *self,
                                 guint            page)
{
  GString *str;
  guint first, end;

  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), NULL);
  g_return_val_if_fail (!self->dirty, NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);

  str = g_string_new (NULL);
  first = g_array_index (self->pages, guint, page);
  end = page + 1 < self->pages->len ? g_array_index (self->pages, guint, page + 1)
                                    : self->placements->len;

  for (guint i = first; i < end; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);
      const Block *block = &g_array_index (self->blocks, Block, p->block);
      PangoLayoutLine *line = pango_layout_get_line_readonly (block->layout, p->line);
      const char *text = pango_layout_get_text (block->layout);

      if (block->bullet != NULL && p->line == 0)
        g_string_append (str, BULLET " ");
      g_string_append_len (str, text + line->start_index, line->length);
      /* A line ending a paragraph of a multi-line text carries its newline already. */
      if (str->len == 0 || str->str[str->len - 1] != '\n')
        g_string_append_c (str, '\n');
    }

  return g_string_free (str, FALSE);
}

/* The subject and keywords of the PDF: the sections' titles and search keywords. */
static void
set_pdf_metadata (CgHandoutLayout *self,
                  cairo_surface_t *surface)
{
  g_autoptr(GString) titles = g_string_new (NULL);
  g_autoptr(GString) keywords = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *subject = NULL;
  g_autofree char *created = g_date_time_format (self->date, "%Y-%m-%dT%H:%M:%S%:z");

  for (guint i = 0; i < self->sections->len; i++)
    {
      CgSection *section = g_ptr_array_index (self->sections, i);
      const char * const *words = cg_section_get_keywords (section);

      g_string_append_printf (titles, "%s%s", i > 0 ? ", " : "", cg_section_get_title (section));
      for (guint j = 0; words != NULL && words[j] != NULL; j++)
        if (g_hash_table_add (seen, (gpointer)words[j]))
          g_string_append_printf (keywords, "%s%s", keywords->len > 0 ? ", " : "", words[j]);
    }
  subject = expand_label (get_label (self, "handout-subject"), "sections", titles->str, NULL, NULL);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, get_title (self));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords->str);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

/* A bookmark per section (and per topic, and the note), each pointing at its heading. */
static void
add_pdf_outline (CgHandoutLayout *self,
                 cairo_surface_t *surface)
{
  g_autofree int *outline_ids = g_new0 (int, self->blocks->len);

  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);
      const Block *block = &g_array_index (self->blocks, Block, p->block);
      g_autofree char *name = NULL;
      g_autofree char *link = NULL;
      int parent = CAIRO_PDF_OUTLINE_ROOT;

      if (block->outline == NULL || p->line != 0 || block->continuation)
        continue;

      if (block->outline_parent >= 0 && outline_ids[block->outline_parent] > 0)
        parent = outline_ids[block->outline_parent];
      name = dup_destination_name (p->block);
      link = dup_tag_attribute ("dest", name);
      outline_ids[p->block] = cairo_pdf_surface_add_outline (surface, parent, block->outline,
                                                             link, 0);
    }
}

/* The whole handout on a PDF surface, tagged: every page through one context, so structure
 * elements may run over page breaks. */
static void
render_pdf_cb (cairo_surface_t *surface,
               gpointer         user_data)
{
  CgHandoutLayout *self = user_data;
  cairo_t *cr = cairo_create (surface);

  set_pdf_metadata (self, surface);

  cairo_tag_begin (cr, "Document", "");
  for (guint page = 0; page < self->pages->len; page++)
    {
      draw_page (self, cr, page, TRUE);
      if (page + 1 == self->pages->len)
        cairo_tag_end (cr, "Document");
      cairo_show_page (cr);
    }

  add_pdf_outline (self, surface);
  cairo_destroy (cr);
}

/**
 * cg_handout_layout_write_pdf:
 * @output: where to write, e.g. cg_output_file_new_for_fd() for standard output
 *
 * Writes the handout as a PDF on the layout's paper and commits @output.
 */
gboolean
cg_handout_layout_write_pdf (CgHandoutLayout  *self,
                             CgOutputFile     *output,
                             GError          **error)
{
  double width, height;

  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  cg_paper_get_size (self->paper, &width, &height);
  cg_handout_layout_paginate (self, width, height);

  return cg_handout_pdf_write (output, width, height, cg_bundle_get_language (self->bundle),
                               render_pdf_cb, self, error);
}

/**
 * cg_handout_layout_export_pdf:
 * @path: where to write the PDF, on the layout's paper
 *
 * Writes the handout as a tagged PDF in the handout's language through a #CgOutputFile: a
 * reader never sees half a file, a failure leaves nothing behind, and only a regular file (or a
 * symbolic link to one) is replaced.
 */
gboolean
cg_handout_layout_export_pdf (CgHandoutLayout  *self,
                              const char       *path,
                              GError          **error)
{
  g_autoptr(CgOutputFile) output = NULL;

  g_return_val_if_fail (CG_IS_HANDOUT_LAYOUT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A handout with a note is patient data: a new file is for its owner only */
  if (!(output = cg_output_file_open (path, self->note != NULL ? CG_OUTPUT_FILE_PRIVATE
                                                               : CG_OUTPUT_FILE_DEFAULT, error)))
    return FALSE;

  return cg_handout_layout_write_pdf (self, output, error);
}
