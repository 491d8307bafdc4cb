#include "server/lec/class_list_pdf.hpp"

#include <cairo-pdf.h>

#include <memory>
#include <stdexcept>

#include "server/pdf/text_writer.hpp"

namespace server::lec {

namespace {

using pdf::mm;
constexpr double page_w = 210 * mm, page_h = 297 * mm;
constexpr double left = 20 * mm, right = 15 * mm, top = 15 * mm, bottom = 15 * mm;
constexpr double text_w = page_w - left - right;
constexpr double row_h = 7.5 * mm;
constexpr double font = 13;

// Columns: no., ID (masked), name, sex, level/room.
struct Column {
  const char* head;
  double width;
  PangoAlignment align;
};
constexpr Column kColumns[] = {{"ที่", 12 * mm, PANGO_ALIGN_CENTER},
                               {"เลขประจำตัว", 42 * mm, PANGO_ALIGN_LEFT},
                               {"ชื่อ - นามสกุล", 82 * mm, PANGO_ALIGN_LEFT},
                               {"เพศ", 16 * mm, PANGO_ALIGN_CENTER},
                               {"ชั้น/ห้อง", text_w - 152 * mm, PANGO_ALIGN_CENTER}};

std::string heading_of(const ClassList& l) {
  std::string s = "รายชื่อเด็ก";
  if (l.level) s += " ชั้น" + std::string(domain::info(*l.level).name_th);
  if (!l.room.empty()) s += " ห้อง " + l.room;
  return s + " ปีการศึกษา " + std::to_string(l.year);
}

void rule(cairo_t* cr, double y) {
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, left, y);
  cairo_line_to(cr, page_w - right, y);
  cairo_stroke(cr);
}

std::string class_of(const ClassListChild& c) {
  std::string s(domain::info(c.level).short_th);
  if (!c.room.empty()) s += "/" + c.room;
  return s;
}

}  // namespace

std::string render_class_list_pdf(const ClassList& l) {
  std::string out;
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface(
      cairo_pdf_surface_create_for_stream(pdf::append_to_string, &out, page_w, page_h), cairo_surface_destroy);
  const std::string heading = heading_of(l);
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, heading.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "school-server");
  std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr(cairo_create(surface.get()), cairo_destroy);
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  pdf::Writer w(cr.get());

  const double first_row = top + 32 * mm;
  const std::size_t per_page = static_cast<std::size_t>((page_h - bottom - 10 * mm - first_row) / row_h);
  const std::size_t pages = l.children.empty() ? 1 : (l.children.size() + per_page - 1) / per_page;
  std::size_t m = 0, f = 0;
  for (const auto& c : l.children) (c.sex == domain::Sex::m ? m : f)++;
  const std::string printed = "พิมพ์เมื่อ " + domain::format_thai_date(l.printed);

  for (std::size_t page = 0; page < pages; ++page) {
    double y = top;
    y += w.text(l.institution_name_th + " (รหัส " + l.institution_code + ")", left, y, text_w, PANGO_ALIGN_CENTER,
                true, 0, false, 17);
    y += w.text(heading, left, y, text_w, PANGO_ALIGN_CENTER, true, 0, false, 15) + 1 * mm;
    w.text("ชาย " + std::to_string(m) + " คน  หญิง " + std::to_string(f) + " คน  รวม " +
               std::to_string(l.children.size()) + " คน",
           left, y, text_w / 2, PANGO_ALIGN_LEFT, false, 0, false, 12);
    w.text(printed, left + text_w / 2, y, text_w / 2, PANGO_ALIGN_RIGHT, false, 0, false, 12);
    y = first_row - row_h;
    double x = left;
    for (const auto& c : kColumns) {
      w.text(c.head, x, y + 1 * mm, c.width, c.align, true, 0, false, font);
      x += c.width;
    }
    rule(cr.get(), y);
    rule(cr.get(), first_row);
    const std::size_t end = std::min(l.children.size(), (page + 1) * per_page);
    for (std::size_t i = page * per_page; i < end; ++i) {
      const auto& c = l.children[i];
      y = first_row + static_cast<double>(i - page * per_page) * row_h;
      const std::string cells[] = {std::to_string(i + 1), c.id_masked,
                                   c.title + c.first_name + " " + c.last_name,
                                   c.sex == domain::Sex::m ? "ชาย" : "หญิง", class_of(c)};
      x = left;
      for (std::size_t k = 0; k < std::size(kColumns); ++k) {
        w.text(cells[k], x, y + 1 * mm, kColumns[k].width, kColumns[k].align, false, 0, false, font);
        x += kColumns[k].width;
      }
      rule(cr.get(), y + row_h);
    }
    if (l.children.empty()) w.text("ไม่มีรายชื่อเด็ก", left, first_row + 2 * mm, text_w, PANGO_ALIGN_CENTER);
    w.text("หน้า " + std::to_string(page + 1) + "/" + std::to_string(pages), left, page_h - bottom - 5 * mm, text_w,
           PANGO_ALIGN_RIGHT, false, 0, false, 11);
    cairo_show_page(cr.get());
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("the PDF could not be made");
  return out;
}

}  // namespace server::lec
