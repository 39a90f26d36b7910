#!/bin/sh
# bench-handout.sh: whole-process time of a full handout export against a bare Pango/Cairo
# program that renders the same text to a PDF. Run on demand, not as a test:
#
#   tests/bench-handout.sh [BUILD_DIR] [RUNS]
#
# Prints the median wall time of each and their ratio (target: at most 1.5).

set -eu

SRC_DIR=$(cd "$(dirname "$0")/.." && pwd)
BUILD_DIR=${1:-$SRC_DIR/build}
RUNS=${2:-21}
BINARY=$BUILD_DIR/src/calcinosis-guide
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-handout-XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM

[ -x "$BINARY" ] || { echo "bench-handout: build first ($BINARY not found)" >&2; exit 2; }

# The same text the handout prints: title, then each section's heading, paragraphs and items.
python3 - "$SRC_DIR/data/content/calcinosis.xml" > "$WORK/text.txt" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
for topic in root.iter('topic'):
    print(topic.findtext('title'))
    for section in topic.iter('section'):
        print(section.findtext('title'))
        for block in section:
            if block.tag == 'p':
                print(' '.join(block.text.split()))
            elif block.tag == 'list':
                for item in block:
                    print('• ' + ' '.join(item.text.split()))
PY

# The bare program: one PangoLayout per line of text, 14 pt Sans at 72 dpi, A4, 20 mm margins,
# a new page when the next paragraph does not fit.
cat > "$WORK/bare.c" <<'C'
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

int
main (int argc, char *argv[])
{
  const double width = 595.28, height = 841.89, margin = 56.69;
  cairo_surface_t *surface = cairo_pdf_surface_create (argv[2], width, height);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoFontDescription *font = pango_font_description_from_string ("Sans 14");
  char *contents = NULL;
  char **lines;
  double y = margin;

  g_file_get_contents (argv[1], &contents, NULL, NULL);
  lines = g_strsplit (contents, "\n", -1);
  pango_cairo_context_set_resolution (context, 72);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      PangoLayout *layout = pango_layout_new (context);
      int h;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (layout, (int)((width - 2 * margin) * PANGO_SCALE));
      pango_layout_set_line_spacing (layout, 1.5);
      pango_layout_set_text (layout, lines[i], -1);
      pango_layout_get_size (layout, NULL, &h);
      if (y + (double)h / PANGO_SCALE > height - margin)
        {
          cairo_show_page (cr);
          y = margin;
        }
      cairo_move_to (cr, margin, y);
      pango_cairo_show_layout (cr, layout);
      y += (double)h / PANGO_SCALE + 8;
      g_object_unref (layout);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
C
cc -O2 -o "$WORK/bare" "$WORK/bare.c" $(pkg-config --cflags --libs pangocairo cairo-pdf)

now_ns () { date +%s%N; }

# Alternate the two so drift (caches, CPU frequency) hits both alike.
: > "$WORK/app.times"
: > "$WORK/bare.times"
i=0
while [ "$i" -lt "$RUNS" ]; do
  t0=$(now_ns)
  env -u DISPLAY -u WAYLAND_DISPLAY LC_ALL=C.UTF-8 LANGUAGE=en "$BINARY" \
    --export-handout="$WORK/app.pdf" --paper=a4 >/dev/null
  t1=$(now_ns)
  "$WORK/bare" "$WORK/text.txt" "$WORK/bare.pdf"
  t2=$(now_ns)
  echo $(( (t1 - t0) / 1000 )) >> "$WORK/app.times"
  echo $(( (t2 - t1) / 1000 )) >> "$WORK/bare.times"
  i=$((i + 1))
done

median () { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

app=$(median "$WORK/app.times")
bare=$(median "$WORK/bare.times")
echo "runs:            $RUNS"
echo "handout export:  $(awk "BEGIN { printf \"%.1f ms\", $app / 1000 }") median ($(pdfinfo "$WORK/app.pdf" | awk '/^Pages:/ { print $2 }') pages)"
echo "bare Pango/Cairo: $(awk "BEGIN { printf \"%.1f ms\", $bare / 1000 }") median ($(pdfinfo "$WORK/bare.pdf" | awk '/^Pages:/ { print $2 }') pages)"
echo "ratio:           $(awk "BEGIN { printf \"%.2f\", $app / $bare }") (target <= 1.5)"
