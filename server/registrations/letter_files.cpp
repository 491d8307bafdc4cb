#include "server/registrations/letter_files.hpp"

#include <cairo.h>
#include <poppler.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <vector>

#include "server/storage/content_store.hpp"
#include "server/storage/file_check.hpp"

namespace server::registrations {

namespace {

domain::FieldError corrupt(std::string_view kind_th, std::string_view kind_en) {
  return {"file_corrupt", "file",
          "ไฟล์ " + std::string(kind_th) + " เสียหายหรือไม่ครบ เปิดอ่านไม่ได้ กรุณาสแกนหรือบันทึกไฟล์ใหม่",
          "The " + std::string(kind_en) + " file is damaged or incomplete; scan or save it again"};
}

// Only the pixels are written back: no EXIF, GPS, comments or other APP segments survive.
std::string encode_jpeg(const storage::Pixels& px) {
  jpeg_error_mgr mgr;
  jpeg_compress_struct out{};
  out.err = jpeg_std_error(&mgr);  // cannot fail on good pixels and memory output
  jpeg_create_compress(&out);
  unsigned char* buf = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&out, &buf, &size);
  out.image_width = px.width;
  out.image_height = px.height;
  out.input_components = px.components;
  out.in_color_space = px.space;
  jpeg_set_defaults(&out);
  jpeg_set_quality(&out, 88, TRUE);
  jpeg_start_compress(&out, TRUE);
  while (out.next_scanline < out.image_height) {
    JSAMPROW row = const_cast<unsigned char*>(px.data.data()) +
                   static_cast<std::size_t>(out.next_scanline) * px.width * px.components;
    jpeg_write_scanlines(&out, &row, 1);
  }
  jpeg_finish_compress(&out);
  std::string result(reinterpret_cast<char*>(buf), size);
  jpeg_destroy_compress(&out);
  free(buf);
  return result;
}

std::optional<std::string> reencode_jpeg(std::string_view bytes) {
  auto px = storage::decode_jpeg(bytes);
  if (!px) return std::nullopt;
  return encode_jpeg(*px);
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

domain::Checked<CleanLetter> clean_letter(std::string_view bytes, std::string_view filename) {
  auto kind = domain::check_letter_file(bytes);
  if (!kind) return kind.error();
  if (auto e = domain::declared_name_problem(filename, kind.value())) return *e;
  if (kind.value() == domain::LetterFileKind::jpeg) {
    auto clean = reencode_jpeg(bytes);
    if (!clean) return corrupt("JPG", "JPEG");
    return CleanLetter{kind.value(), std::move(*clean)};
  }
  if (!storage::pdf_opens(bytes)) return corrupt("PDF", "PDF");
  return CleanLetter{kind.value(), std::string(bytes)};
}

StoredFile store_by_hash(const std::filesystem::path& data_dir, const storage::FileKeys& keys, const CleanLetter& letter) {
  const std::string extension = "." + std::string(domain::file_extension(letter.kind));
  return {"letters/" + storage::store_by_content(data_dir / "letters", keys, letter.bytes, extension) + extension};
}

std::string pdf_first_page_png(const std::string& pdf, int width_px) {
  std::unique_ptr<GBytes, void (*)(GBytes*)> data(g_bytes_new(pdf.data(), pdf.size()), g_bytes_unref);
  GError* error = nullptr;
  std::unique_ptr<PopplerDocument, void (*)(void*)> doc(poppler_document_new_from_bytes(data.get(), nullptr, &error),
                                                         g_object_unref);
  if (!doc) {
    std::string why = error ? error->message : "unknown";
    if (error) g_error_free(error);
    throw std::runtime_error("poppler cannot open the PDF: " + why);
  }
  std::unique_ptr<PopplerPage, void (*)(void*)> page(poppler_document_get_page(doc.get(), 0), g_object_unref);
  if (!page) throw std::runtime_error("the PDF has no page");
  double w = 0, h = 0;
  poppler_page_get_size(page.get(), &w, &h);
  const double scale = width_px / w;
  std::unique_ptr<cairo_surface_t, void (*)(cairo_surface_t*)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, width_px, static_cast<int>(h * scale)), cairo_surface_destroy);
  std::unique_ptr<cairo_t, void (*)(cairo_t*)> cr(cairo_create(surface.get()), cairo_destroy);
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  poppler_page_render(page.get(), cr.get());
  cr.reset();
  std::string png;
  cairo_surface_write_to_png_stream(surface.get(), append, &png);
  return png;
}

}  // namespace server::registrations
