#pragma once
// Which evidence files are accepted: images shown in the client (JPEG, PNG), PDF, Office
// documents (OOXML: DOCX, XLSX, PPTX) and OpenDocument (ODT, ODS, ODP). Judged here by the
// first bytes and, for the ZIP containers, the name; the server then opens the container
// itself (server/storage/file_check.hpp) before anything is stored.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/core/field_error.hpp"

namespace domain {

constexpr std::uint64_t kMaxEvidenceBytes = 10 * 1024 * 1024;
constexpr std::size_t kMaxFileNameLength = 200;

enum class EvidenceKind { jpeg, png, pdf, docx, xlsx, pptx, odt, ods, odp };

struct EvidenceType {
  std::string_view content_type;  // "image/jpeg", "application/pdf", ...
  bool is_image;
  EvidenceKind kind;
};
// Error codes: file_empty (400), file_too_large (413), file_type (415). Field "file".
Checked<EvidenceType> check_evidence_bytes(std::string_view bytes, std::string_view file_name);
// The same refusal, for bytes that claim a type but whose container does not hold it.
FieldError evidence_type_refused();
// The name as shown and offered on download: no path, no control characters, at most
// 200 characters; "file" when nothing is left.
std::string clean_file_name(std::string_view name);

}  // namespace domain
