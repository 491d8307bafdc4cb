#include "server/storage/file_check.hpp"

#include <png.h>
#include <zip.h>

#include <csetjmp>
#include <cstdint>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <string>

namespace server::storage {

namespace {

// 60 megapixels is an A4 page at 600 dpi with room to spare.
constexpr std::uint64_t kMaxPixels = 60'000'000;

// A few hundred bytes can declare 50 MP of flat colour (progressive JPEG's end-of-band runs,
// deflate's 1:1032) and cost seconds to decode: a decompression bomb to send in a loop.
// Beyond 4 MP, an image must bring a byte for every 1,024 pixels; a blank A4 page scanned at
// 300 dpi brings one for every 64 or so, any photograph far more.
bool pixels_allowed(std::uint64_t width, std::uint64_t height, std::size_t bytes) {
  const std::uint64_t pixels = width * height;
  return pixels > 0 && pixels <= kMaxPixels && pixels <= 4'000'000 + static_cast<std::uint64_t>(bytes) * 1024;
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

struct Zip {
  zip_t* za = nullptr;
  explicit Zip(std::string_view bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (src) {
      za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
      if (!za) zip_source_free(src);
    }
    zip_error_fini(&err);
  }
  ~Zip() {
    if (za) zip_discard(za);
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;

  // A small part, inflated; nullopt when absent, unreadable, or larger than `limit` (zip bombs).
  std::optional<std::string> read(zip_int64_t index, zip_uint64_t limit) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, index, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > limit) return std::nullopt;
    zip_file_t* f = zip_fopen_index(za, index, 0);
    if (!f) return std::nullopt;
    std::string out(st.size, '\0');
    const zip_int64_t n = zip_fread(f, out.data(), st.size);
    zip_fclose(f);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return std::nullopt;
    return out;
  }
};

struct OfficeType {
  domain::EvidenceKind kind;
  const char* main_part;  // OOXML: the main part; ODF: the manifest
  const char* main_type;  // OOXML: its content type in [Content_Types].xml; ODF: `mimetype`
};
constexpr OfficeType kOffice[] = {
    {domain::EvidenceKind::docx, "word/document.xml",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
    {domain::EvidenceKind::xlsx, "xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"},
    {domain::EvidenceKind::pptx, "ppt/presentation.xml",
     "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"},
    {domain::EvidenceKind::odt, "META-INF/manifest.xml", "application/vnd.oasis.opendocument.text"},
    {domain::EvidenceKind::ods, "META-INF/manifest.xml", "application/vnd.oasis.opendocument.spreadsheet"},
    {domain::EvidenceKind::odp, "META-INF/manifest.xml", "application/vnd.oasis.opendocument.presentation"},
};

bool is_odf(domain::EvidenceKind k) {
  return k == domain::EvidenceKind::odt || k == domain::EvidenceKind::ods || k == domain::EvidenceKind::odp;
}

}  // namespace

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
  if (!pixels_allowed(in.output_width, in.output_height, bytes.size())) std::longjmp(err.jump, 1);
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

bool png_decodes(std::string_view bytes) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) return false;
  if (!pixels_allowed(image.width, image.height, bytes.size())) {
    png_image_free(&image);
    return false;
  }
  // One byte a pixel is enough to make libpng inflate and check every row.
  image.format = PNG_FORMAT_GRAY;
  std::vector<unsigned char> rows(PNG_IMAGE_SIZE(image));
  const bool ok = png_image_finish_read(&image, nullptr, rows.data(), 0, nullptr) != 0;
  png_image_free(&image);
  return ok && image.warning_or_error == 0;
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

bool office_container_holds(std::string_view bytes, domain::EvidenceKind kind) {
  const OfficeType* type = nullptr;
  for (const auto& t : kOffice)
    if (t.kind == kind) type = &t;
  if (!type) return false;
  Zip zip(bytes);
  if (!zip.za || zip_name_locate(zip.za, type->main_part, 0) < 0) return false;
  if (is_odf(kind)) {
    // ODF 1.2 §3.3: the first entry is `mimetype`, stored, holding exactly the type.
    const char* first = zip_get_name(zip.za, 0, 0);
    zip_stat_t st;
    zip_stat_init(&st);
    if (!first || std::string_view(first) != "mimetype" || zip_stat_index(zip.za, 0, 0, &st) != 0 ||
        !(st.valid & ZIP_STAT_COMP_METHOD) || st.comp_method != ZIP_CM_STORE)
      return false;
    return zip.read(0, 200) == std::optional<std::string>(type->main_type);
  }
  const zip_int64_t types = zip_name_locate(zip.za, "[Content_Types].xml", 0);
  auto xml = types < 0 ? std::nullopt : zip.read(types, 1024 * 1024);
  return xml && xml->find(std::string("ContentType=\"") + type->main_type + "\"") != std::string::npos;
}

bool evidence_container_ok(std::string_view bytes, const domain::EvidenceType& type) {
  switch (type.kind) {
    case domain::EvidenceKind::jpeg: return decode_jpeg(bytes).has_value();
    case domain::EvidenceKind::png: return png_decodes(bytes);
    case domain::EvidenceKind::pdf: return pdf_opens(bytes);
    default: return office_container_holds(bytes, type.kind);
  }
}

}  // namespace server::storage
