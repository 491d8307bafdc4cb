#include "server/registrations/letter_pdf.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace server::registrations {

namespace {

constexpr double mm = 72.0 / 25.4;
constexpr double page_w = 210 * mm, page_h = 297 * mm;
// Thai official letters (ระเบียบงานสารบรรณ): 3 cm left margin, 2 cm right, 16 pt type.
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
              bool bold = false, double indent = 0, bool justify = false, double size = 16) {
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
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout.get());
    int w = 0, h = 0;
    pango_layout_get_size(layout.get(), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

 private:
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

  double y = top;
  y += w.text(l.heading, left, y, text_w, PANGO_ALIGN_CENTER, true, 0, false, 20) + 6 * mm;
  const double half = text_w / 2;
  w.text(l.number, left, y, half);
  y += w.text(l.issuer, left + half, y, half) + 2 * mm;
  y += w.text(l.date, left + half, y, half) + 3 * mm;
  y += w.text(l.subject, left, y, text_w) + 1 * mm;
  y += w.text(l.addressee, left, y, text_w) + 3 * mm;
  for (const auto& p : l.body) y += w.text(p, left, y, text_w, PANGO_ALIGN_LEFT, false, 25 * mm, true) + 2 * mm;
  y += 6 * mm;
  const double sign_x = left + text_w * 0.35, sign_w = text_w * 0.65;
  y += w.text(l.closing, sign_x, y, sign_w, PANGO_ALIGN_CENTER) + 12 * mm;
  for (const auto& s : l.signer) y += w.text(s, sign_x, y, sign_w, PANGO_ALIGN_CENTER);
  y += 12 * mm;
  for (const auto& s : l.officer_sign) y += w.text(s, sign_x, y, sign_w, PANGO_ALIGN_CENTER);

  const double qr_size = 28 * mm;
  const double qr_y = page_h - 15 * mm - qr_size;
  draw_qr(cr.get(), qr_text, left, qr_y, qr_size);
  w.text(l.reference_line, left + qr_size + 3 * mm, qr_y + qr_size / 2 - 4 * mm, text_w - qr_size, PANGO_ALIGN_LEFT,
         false, 0, false, 14);

  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("the PDF could not be made");
  return pdf;
}

}  // namespace server::registrations
