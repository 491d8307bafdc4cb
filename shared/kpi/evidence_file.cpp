#include "shared/kpi/evidence_file.hpp"

#include "shared/core/text.hpp"

namespace domain {

namespace {
bool starts(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }
bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && ascii_lower(s.substr(s.size() - tail.size())) == tail;
}
}  // namespace

FieldError evidence_type_refused() {
  return {"file_type", "file",
          "รับเฉพาะไฟล์ภาพ JPG/PNG, PDF หรือเอกสาร Word/Excel/PowerPoint (docx, xlsx, pptx) หรือ OpenDocument (odt, ods, "
          "odp) ที่เปิดได้จริง",
          "Only JPG/PNG images, PDF, Word/Excel/PowerPoint documents (docx, xlsx, pptx) or OpenDocument files (odt, ods, "
          "odp) that really open are accepted"};
}

Checked<EvidenceType> check_evidence_bytes(std::string_view bytes, std::string_view name) {
  if (bytes.empty()) return FieldError{"file_empty", "file", "ไฟล์ว่างเปล่า โปรดเลือกไฟล์อีกครั้ง", "The file is empty: choose it again"};
  if (bytes.size() > kMaxEvidenceBytes)
    return FieldError{"file_too_large", "file", "ไฟล์ใหญ่เกิน 10 MB โปรดย่อขนาดหรือแยกไฟล์",
                      "The file is larger than 10 MB: shrink or split it"};
  if (starts(bytes, "\xFF\xD8\xFF")) return EvidenceType{"image/jpeg", true, EvidenceKind::jpeg};
  if (starts(bytes, "\x89PNG\r\n\x1A\n")) return EvidenceType{"image/png", true, EvidenceKind::png};
  if (starts(bytes, "%PDF-")) return EvidenceType{"application/pdf", false, EvidenceKind::pdf};
  if (starts(bytes, std::string_view("PK\x03\x04", 4))) {
    struct Zipped {
      std::string_view extension, content_type;
      EvidenceKind kind;
    };
    static constexpr Zipped zipped[] = {
        {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", EvidenceKind::docx},
        {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", EvidenceKind::xlsx},
        {".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", EvidenceKind::pptx},
        {".odt", "application/vnd.oasis.opendocument.text", EvidenceKind::odt},
        {".ods", "application/vnd.oasis.opendocument.spreadsheet", EvidenceKind::ods},
        {".odp", "application/vnd.oasis.opendocument.presentation", EvidenceKind::odp},
    };
    for (const auto& z : zipped)
      if (ends_with(name, z.extension)) return EvidenceType{z.content_type, false, z.kind};
  }
  return evidence_type_refused();
}

std::string clean_file_name(std::string_view name) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (char c : name)
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F && c != '"') out += c;
  out = trim(out);
  if (!is_valid_utf8(out) || out.empty()) return "file";
  // Cut at a character boundary.
  std::size_t chars = 0, i = 0;
  for (; i < out.size(); ++i)
    if ((static_cast<unsigned char>(out[i]) & 0xC0) != 0x80 && ++chars > kMaxFileNameLength) break;
  return out.substr(0, i);
}

}  // namespace domain
