#pragma once
// Which evidence files are accepted, judged by their bytes (never the name): images shown
// in the client (JPEG, PNG), PDF, and Office documents (a ZIP container: DOCX, XLSX, PPTX).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/core/field_error.hpp"

namespace domain {

constexpr std::uint64_t kMaxEvidenceBytes = 10 * 1024 * 1024;
constexpr std::size_t kMaxFileNameLength = 200;

struct EvidenceType {
  std::string_view content_type;  // "image/jpeg", "application/pdf", ...
  bool is_image;
};
// Error codes: file_empty (400), file_too_large (413), file_type (415). Field "file".
Checked<EvidenceType> check_evidence_bytes(std::string_view bytes, std::string_view file_name);
// The name as shown and offered on download: no path, no control characters, at most
// 200 characters; "file" when nothing is left.
std::string clean_file_name(std::string_view name);

}  // namespace domain
