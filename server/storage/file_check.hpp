#pragma once
// Uploaded files judged by opening them, not by their first bytes: an image must decode to
// its last row, a PDF must parse, an Office or OpenDocument file must be a ZIP holding the
// parts of that type. What is accepted is domain's rule (shared/kpi/evidence_file.hpp,
// shared/registration/signed_letter.hpp); this is the byte-level check behind it.
#include <cstddef>
#include <cstdio>  // before jpeglib.h, which needs FILE

#include <jpeglib.h>

#include <optional>
#include <string_view>
#include <vector>

#include "shared/kpi/evidence_file.hpp"

namespace server::storage {

struct Pixels {
  std::vector<unsigned char> data;
  unsigned width = 0, height = 0;
  int components = 0;
  J_COLOR_SPACE space = JCS_RGB;
};
// Every scanline decoded by libjpeg; any error or warning (a truncated file) is nullopt.
std::optional<Pixels> decode_jpeg(std::string_view bytes);
// Every row decoded by libpng; any error (a truncated file, a bad CRC) is false.
bool png_decodes(std::string_view bytes);
// libqpdf opens it without recovery or warnings, and it has a page.
bool pdf_opens(std::string_view bytes);
// A ZIP (libzip, consistency checked) holding [Content_Types].xml that declares the main
// part of `kind` (DOCX, XLSX, PPTX: macro-enabled variants are not), or, for ODF, whose
// first entry `mimetype` is stored uncompressed and names the type.
bool office_container_holds(std::string_view bytes, domain::EvidenceKind kind);

// The container check for an evidence file check_evidence_bytes accepted.
bool evidence_container_ok(std::string_view bytes, const domain::EvidenceType& type);

}  // namespace server::storage
