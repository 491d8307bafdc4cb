#include "server/pdf/text_writer.hpp"

#include <memory>
#include <vector>

namespace server::pdf {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

double Writer::text(const std::string& text, double x, double y, double width, PangoAlignment align, bool bold,
                    double indent, bool justify, double size) {
  std::unique_ptr<PangoLayout, void (*)(void*)> layout(pango_cairo_create_layout(cr_), g_object_unref);
  std::unique_ptr<PangoFontDescription, void (*)(PangoFontDescription*)> font(
      pango_font_description_from_string("Laksaman"), pango_font_description_free);
  pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
  pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), font.get());
  pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), align);
  pango_layout_set_indent(layout.get(), static_cast<int>(indent * PANGO_SCALE));
  pango_layout_set_justify(layout.get(), justify);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  show_runs(layout.get(), x, y);
  int w = 0, h = 0;
  pango_layout_get_size(layout.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

// Like pango_cairo_show_layout, but each run is one cluster, so cairo wraps its glyphs in
// an ActualText span holding the run's text. Pango makes every character a cluster of its
// own, and text extractors then place stacked Thai marks by where they are drawn:
// pdftotext read "สมศักดิ์" as "สมศักดิ ์". With the span it reads the name exactly.
void Writer::show_runs(PangoLayout* layout, double x, double y) {
  const char* text = pango_layout_get_text(layout);
  std::unique_ptr<PangoLayoutIter, void (*)(PangoLayoutIter*)> it(pango_layout_get_iter(layout),
                                                                   pango_layout_iter_free);
  std::vector<cairo_glyph_t> glyphs;
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(it.get());
    if (!run || run->item->length == 0) continue;
    PangoRectangle logical;
    pango_layout_iter_get_run_extents(it.get(), nullptr, &logical);
    const double baseline = y + double(pango_layout_iter_get_baseline(it.get())) / PANGO_SCALE;
    double advance = x + double(logical.x) / PANGO_SCALE;
    glyphs.clear();
    for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
      const PangoGlyphInfo& g = run->glyphs->glyphs[i];
      if (g.glyph != PANGO_GLYPH_EMPTY && !(g.glyph & PANGO_GLYPH_UNKNOWN_FLAG))
        glyphs.push_back({g.glyph, advance + double(g.geometry.x_offset) / PANGO_SCALE,
                          baseline + double(g.geometry.y_offset) / PANGO_SCALE});
      advance += double(g.geometry.width) / PANGO_SCALE;
    }
    if (glyphs.empty()) continue;
    cairo_set_scaled_font(cr_, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font)));
    const cairo_text_cluster_t whole{run->item->length, static_cast<int>(glyphs.size())};
    cairo_show_text_glyphs(cr_, text + run->item->offset, run->item->length, glyphs.data(),
                           static_cast<int>(glyphs.size()), &whole, 1, cairo_text_cluster_flags_t(0));
  } while (pango_layout_iter_next_run(it.get()));
}

}  // namespace server::pdf
