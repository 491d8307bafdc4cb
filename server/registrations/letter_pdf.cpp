#include "server/registrations/letter_pdf.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

#include "server/pdf/text_writer.hpp"

namespace server::registrations {

namespace {

using pdf::mm;
using pdf::Writer;
constexpr double page_w = 210 * mm, page_h = 297 * mm;
// Thai official letters (ระเบียบงานสารบรรณ): 3 cm left margin, 2 cm right; Laksaman at 15 pt is
// about as large as TH Sarabun at 16 pt.
constexpr double left = 30 * mm, right = 20 * mm, top = 20 * mm;
constexpr double text_w = page_w - left - right;

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
      cairo_pdf_surface_create_for_stream(pdf::append_to_string, &pdf, page_w, page_h), cairo_surface_destroy);
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
