#include "server/registrations/letter_pdf.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

namespace server::registrations {

namespace {

constexpr double mm = 72.0 / 25.4;
constexpr double page_w = 210 * mm, page_h = 297 * mm;
// Thai official letters (ระเบียบงานสารบรรณ): 3 cm left margin, 2 cm right; Laksaman at 15 pt is
// about as large as TH Sarabun at 16 pt.
constexpr double left = 30 * mm, right = 20 * mm, top = 20 * mm;
constexpr double text_w = page_w - left - right;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class Writer {
 public:
  explicit Writer(cairo_t* cr) : cr_(cr) {}

  // Draws `text` in a box of `width` at (x, y); returns its height.
  double text(const std::string& text, double x, double y, double width, PangoAlignment align = PANGO_ALIGN_LEFT,
              bool bold = false, double indent = 0, bool justify = false, double size = 15) {
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

 private:
  // Like pango_cairo_show_layout, but each run is one cluster, so cairo wraps its glyphs in
  // an ActualText span holding the run's text. Pango makes every character a cluster of its
  // own, and text extractors then place stacked Thai marks by where they are drawn:
  // pdftotext read "สมศักดิ์" as "สมศักดิ ์". With the span it reads the name exactly.
  void show_runs(PangoLayout* layout, double x, double y) {
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

  cairo_t* cr_;
};

void draw_qr(cairo_t* cr, const std::string& text, double x, double y, double size) {
  std::unique_ptr<QRcode, void (*)(QRcode*)> qr(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                QRcode_free);
  if (!qr) throw std::runtime_error("the QR code could not be made");
  const int quiet = 2;
  const double cell = size / (qr->width + 2 * quiet);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int r = 0; r < qr->width; ++r)
    for (int c = 0; c < qr->width; ++c)
      if (qr->data[r * qr->width + c] & 1) cairo_rectangle(cr, x + (c + quiet) * cell, y + (r + quiet) * cell, cell, cell);
  cairo_fill(cr);
}

}  // namespace

std::string render_letter_pdf(const domain::AppointmentLetter& l, const std::string& qr_text) {
  std::string pdf;
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface(
      cairo_pdf_surface_create_for_stream(append, &pdf, page_w, page_h), cairo_surface_destroy);
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, l.heading.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "school-server");
  std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr(cairo_create(surface.get()), cairo_destroy);
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  Writer w(cr.get());

  // The QR code of the reference in the top right corner, where a reviewer looks first.
  const double qr_size = 22 * mm;
  draw_qr(cr.get(), qr_text, page_w - right - qr_size, top - 8 * mm, qr_size);
  w.text(l.reference_line, page_w - right - qr_size - 72 * mm, top - 8 * mm + qr_size / 2 - 3 * mm, 70 * mm,
         PANGO_ALIGN_RIGHT, false, 0, false, 11);

  double y = top + 16 * mm;
  y += w.text(l.heading, left, y, text_w, PANGO_ALIGN_CENTER, true, 0, false, 20) + 5 * mm;
  const double half = text_w / 2;
  w.text(l.number, left, y, half);
  y += w.text(l.issuer, left + half, y, half) + 1 * mm;
  y += w.text(l.date, left + half, y, half) + 3 * mm;
  y += w.text(l.subject, left, y, text_w) + 1 * mm;
  y += w.text(l.addressee, left, y, text_w) + 3 * mm;
  // Thai has no spaces between words: justified lines would gape, so the body is ragged-right.
  for (const auto& p : l.body) y += w.text(p, left, y, text_w, PANGO_ALIGN_LEFT, false, 25 * mm) + 2 * mm;
  y += 4 * mm;
  // The signer on the right; the appointed officer's acknowledgement on the left, level with it.
  const double officer_w = text_w * 0.45, signer_w = text_w - officer_w;
  y += w.text(l.closing, left + officer_w, y, signer_w, PANGO_ALIGN_CENTER) + 10 * mm;
  double right_y = y, left_y = y;
  for (const auto& s : l.signer) right_y += w.text(s, left + officer_w, right_y, signer_w, PANGO_ALIGN_CENTER);
  for (const auto& s : l.officer_sign) left_y += w.text(s, left, left_y, officer_w, PANGO_ALIGN_CENTER);

  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("the PDF could not be made");
  return pdf;
}

}  // namespace server::registrations
