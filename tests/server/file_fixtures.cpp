#include "tests/server/file_fixtures.hpp"

#include <png.h>
#include <sodium.h>
#include <zip.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

#include <jpeglib.h>

#include "tests/server/server_process.hpp"

namespace test_server {

server::auth::SecretKey test_key() {
  server::auth::init_crypto();
  server::auth::SecretKey k;
  randombytes_buf(k.data(), k.size());
  return k;
}

std::string tiny_pdf(const std::string& text) {
  const std::string stream = "BT /F1 12 Tf 20 700 Td (" + text + ") Tj ET";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (auto o : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string tiny_png(unsigned width, unsigned height) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = width;
  image.height = height;
  image.format = PNG_FORMAT_RGB;
  std::vector<unsigned char> pixels(PNG_IMAGE_SIZE(image));
  for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<unsigned char>(i * 37);
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr)) throw std::runtime_error("png");
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, nullptr)) throw std::runtime_error("png");
  out.resize(size);
  return out;
}

std::string tiny_jpeg(unsigned width, unsigned height, bool arithmetic) {
  jpeg_error_mgr mgr;
  jpeg_compress_struct c{};
  c.err = jpeg_std_error(&mgr);
  jpeg_create_compress(&c);
  unsigned char* buf = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&c, &buf, &size);
  c.image_width = width;
  c.image_height = height;
  c.input_components = 3;
  c.in_color_space = JCS_RGB;
  jpeg_set_defaults(&c);
  c.arith_code = arithmetic ? TRUE : FALSE;
  jpeg_start_compress(&c, TRUE);
  std::vector<unsigned char> row(width * 3, 200);
  while (c.next_scanline < c.image_height) {
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&c, &r, 1);
  }
  jpeg_finish_compress(&c);
  std::string out(reinterpret_cast<char*>(buf), size);
  jpeg_destroy_compress(&c);
  free(buf);
  return out;
}

std::string zip_of(const std::vector<std::pair<std::string, std::string>>& parts, const std::string& stored) {
  TempDir dir;
  const auto file = dir / "made.zip";
  int err = 0;
  zip_t* za = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!za) throw std::runtime_error("zip_open");
  for (const auto& [name, bytes] : parts) {
    zip_source_t* src = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
    const zip_int64_t at = zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (at < 0) throw std::runtime_error("zip_file_add " + name);
    if (name == stored) zip_set_file_compression(za, at, ZIP_CM_STORE, 0);
  }
  if (zip_close(za) != 0) throw std::runtime_error("zip_close");
  return read_file(file);
}

std::string tiny_docx(const std::string& text) {
  return zip_of({{"[Content_Types].xml",
                  R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                  R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
                  R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
                  R"(<Default Extension="xml" ContentType="application/xml"/>)"
                  R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
                  R"(</Types>)"},
                 {"_rels/.rels",
                  R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                  R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                  R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
                  R"(</Relationships>)"},
                 {"word/document.xml",
                  R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                  R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>)" +
                      text + "</w:t></w:r></w:p></w:body></w:document>"}});
}

std::string tiny_odt() {
  return zip_of({{"mimetype", "application/vnd.oasis.opendocument.text"},
                 {"META-INF/manifest.xml",
                  R"(<?xml version="1.0" encoding="UTF-8"?>)"
                  R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">)"
                  R"(<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>)"
                  R"(<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>)"
                  R"(</manifest:manifest>)"},
                 {"content.xml",
                  R"(<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:body><office:text/></office:body></office:document-content>)"}},
                "mimetype");
}

}  // namespace test_server
