#include "server/accounts/sign_in_sheet_pdf.hpp"

#include <cairo-pdf.h>

#include <memory>
#include <stdexcept>

#include "server/auth/sessions.hpp"
#include "server/pdf/text_writer.hpp"
#include "shared/calendar/buddhist_date.hpp"

namespace server::accounts {

namespace {

using pdf::mm;
constexpr double page_w = 210 * mm, page_h = 297 * mm;
constexpr double margin = 15 * mm, heading_h = 26 * mm;
constexpr int columns = 2, rows = 4;
constexpr double cell_w = (page_w - 2 * margin) / columns;
constexpr double cell_h = (page_h - 2 * margin - heading_h) / rows;
constexpr double qr_side = 44 * mm;

// "3 ธันวาคม 2569 เวลา 14:05 น." in Thailand's time (UTC+7).
std::string thai_time(std::int64_t unix_seconds) {
  const std::string iso = auth::iso_time(unix_seconds + 7 * 3600);
  auto date = domain::parse_iso_date(iso.substr(0, 10));
  return (date ? domain::format_thai_date(date.value()) : iso.substr(0, 10)) + " เวลา " + iso.substr(11, 5) + " น.";
}

// The dark modules as filled squares, with a 4-module quiet zone, `side` across.
void draw_qr(cairo_t* cr, const std::vector<std::string>& modules, double x, double y, double side) {
  const double cell = side / (double(modules.size()) + 8);
  for (std::size_t r = 0; r < modules.size(); ++r)
    for (std::size_t c = 0; c < modules[r].size(); ++c)
      if (modules[r][c] == '1') cairo_rectangle(cr, x + (double(c) + 4) * cell, y + (double(r) + 4) * cell, cell, cell);
  cairo_fill(cr);
}

}  // namespace

std::string render_sign_in_sheet(const std::string& office, const std::vector<SheetEntry>& entries,
                                 std::int64_t expires_at) {
  std::string out;
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface(
      cairo_pdf_surface_create_for_stream(pdf::append_to_string, &out, page_w, page_h), cairo_surface_destroy);
  const std::string title = "QR เข้าสู่ระบบของสถานศึกษา " + office;
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "school-server");
  std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr(cairo_create(surface.get()), cairo_destroy);
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  pdf::Writer w(cr.get());

  const std::size_t per_page = columns * rows;
  const std::size_t pages = entries.empty() ? 1 : (entries.size() + per_page - 1) / per_page;
  const std::string until = "ใช้ได้ครั้งเดียว ถึง " + thai_time(expires_at);
  for (std::size_t page = 0; page < pages; ++page) {
    double y = margin;
    y += w.text("QR เข้าสู่ระบบของสถานศึกษา", margin, y, page_w - 2 * margin, PANGO_ALIGN_CENTER, true, 0, false, 15);
    y += w.text(office, margin, y, page_w - 2 * margin, PANGO_ALIGN_CENTER, false, 0, false, 12);
    w.text("สแกนด้วยกล้องโทรศัพท์ แล้วตั้งรหัสผ่านของท่านเอง " + until, margin, y, page_w - 2 * margin,
           PANGO_ALIGN_CENTER, false, 0, false, 10);
    const std::size_t end = std::min(entries.size(), (page + 1) * per_page);
    for (std::size_t i = page * per_page; i < end; ++i) {
      const auto& e = entries[i];
      const std::size_t at = i - page * per_page;
      const double x0 = margin + double(at % columns) * cell_w, y0 = margin + heading_h + double(at / columns) * cell_h;
      // A dashed frame to cut along.
      const double dash[] = {3, 3};
      cairo_set_dash(cr.get(), dash, 2, 0);
      cairo_set_line_width(cr.get(), 0.5);
      cairo_rectangle(cr.get(), x0, y0, cell_w, cell_h);
      cairo_stroke(cr.get());
      cairo_set_dash(cr.get(), nullptr, 0, 0);
      double ty = y0 + 3 * mm;
      ty += w.text(e.name_th, x0 + 3 * mm, ty, cell_w - 6 * mm, PANGO_ALIGN_CENTER, true, 0, false, 12);
      w.text("รหัส " + e.code + "  ชื่อผู้ใช้ " + e.username, x0 + 3 * mm, ty, cell_w - 6 * mm, PANGO_ALIGN_CENTER,
             false, 0, false, 10);
      draw_qr(cr.get(), e.qr_modules, x0 + (cell_w - qr_side) / 2, y0 + cell_h - qr_side - 2 * mm, qr_side);
    }
    if (entries.empty())
      w.text("ไม่มีบัญชีใหม่", margin, margin + heading_h + 5 * mm, page_w - 2 * margin, PANGO_ALIGN_CENTER);
    w.text("หน้า " + std::to_string(page + 1) + "/" + std::to_string(pages), margin, page_h - margin + 2 * mm,
           page_w - 2 * margin, PANGO_ALIGN_RIGHT, false, 0, false, 9);
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("the PDF could not be made");
  return out;
}

}  // namespace server::accounts
