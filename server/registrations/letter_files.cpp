#include "server/registrations/letter_files.hpp"

#include <cairo.h>
#include <poppler.h>

#include <csetjmp>
#include <cstdio>
#include <fstream>
#include <memory>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <stdexcept>
#include <vector>

#include "server/storage/content_store.hpp"

#include <jpeglib.h>

namespace server::registrations {

namespace {

domain::FieldError corrupt(std::string_view kind_th, std::string_view kind_en) {
  return {"file_corrupt", "file",
          "ไฟล์ " + std::string(kind_th) + " เสียหายหรือไม่ครบ เปิดอ่านไม่ได้ กรุณาสแกนหรือบันทึกไฟล์ใหม่",
          "The " + std::string(kind_en) + " file is damaged or incomplete; scan or save it again"};
}

struct JpegError {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
};

void jpeg_fail(j_common_ptr info) { std::longjmp(reinterpret_cast<JpegError*>(info->err)->jump, 1); }
// Warnings (e.g. "premature end of data": a truncated file) are failures too.
void jpeg_warn(j_common_ptr info, int level) {
  if (level < 0) std::longjmp(reinterpret_cast<JpegError*>(info->err)->jump, 1);
}

struct Pixels {
  std::vector<unsigned char> data;
  unsigned width = 0, height = 0;
  int components = 0;
  J_COLOR_SPACE space = JCS_RGB;
};

// Decodes every scanline; any error or warning (a truncated file) is a refusal.
std::optional<Pixels> decode_jpeg(std::string_view bytes) {
  JpegError err;
  jpeg_decompress_struct in{};
  in.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = jpeg_fail;
  err.mgr.emit_message = jpeg_warn;
  Pixels px;  // declared before setjmp: its storage is freed normally on the way out
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&in);
    return std::nullopt;
  }
  jpeg_create_decompress(&in);
  jpeg_mem_src(&in, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  jpeg_read_header(&in, TRUE);
  in.out_color_space = in.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_start_decompress(&in);
  // 60 megapixels is an A4 page at 600 dpi with room to spare.
  if (in.output_width == 0 || in.output_height == 0 ||
      static_cast<std::uint64_t>(in.output_width) * in.output_height > 60'000'000)
    std::longjmp(err.jump, 1);
  px.width = in.output_width;
  px.height = in.output_height;
  px.components = in.output_components;
  px.space = in.out_color_space;
  px.data.resize(static_cast<std::size_t>(px.width) * px.height * px.components);
  while (in.output_scanline < in.output_height) {
    JSAMPROW row = px.data.data() + static_cast<std::size_t>(in.output_scanline) * px.width * px.components;
    jpeg_read_scanlines(&in, &row, 1);
  }
  jpeg_finish_decompress(&in);
  jpeg_destroy_decompress(&in);
  return px;
}

// Only the pixels are written back: no EXIF, GPS, comments or other APP segments survive.
std::string encode_jpeg(const Pixels& px) {
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
  auto px = decode_jpeg(bytes);
  if (!px) return std::nullopt;
  return encode_jpeg(*px);
}

bool pdf_opens(std::string_view bytes) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.setAttemptRecovery(false);
    const std::string copy(bytes);
    pdf.processMemoryFile("upload.pdf", copy.data(), copy.size());
    if (pdf.anyWarnings()) return false;
    return !QPDFPageDocumentHelper(pdf).getAllPages().empty();
  } catch (const std::exception&) {
    return false;
  }
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
  if (!pdf_opens(bytes)) return corrupt("PDF", "PDF");
  return CleanLetter{kind.value(), std::string(bytes)};
}

StoredFile store_by_hash(const std::filesystem::path& data_dir, const CleanLetter& letter) {
  const std::string extension = "." + std::string(domain::file_extension(letter.kind));
  StoredFile f;
  f.sha256 = storage::store_by_content(data_dir / "letters", letter.bytes, extension);
  f.name = "letters/" + f.sha256 + extension;
  return f;
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
