#pragma once
// Small real files for the upload checks, made with the same libraries a user's software
// would produce them with: a PDF with a page, PNG (libpng), JPEG (libjpeg), OOXML and ODF
// containers (libzip). A random server key for sealing in-process.
#include <string>
#include <utility>
#include <vector>

#include "server/auth/crypto.hpp"

namespace test_server {

server::auth::SecretKey test_key();
// One page showing `text` (uncompressed, so the bytes hold it as written).
std::string tiny_pdf(const std::string& text);
std::string tiny_png(unsigned width = 8, unsigned height = 8);
// One flat colour; `arithmetic` coding makes it a couple of hundred bytes at any size.
std::string tiny_jpeg(unsigned width = 8, unsigned height = 8, bool arithmetic = false);
// A ZIP of these parts, in this order; `stored` parts are not compressed.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& parts, const std::string& stored = "");
std::string tiny_docx(const std::string& text);
std::string tiny_odt();

}  // namespace test_server
