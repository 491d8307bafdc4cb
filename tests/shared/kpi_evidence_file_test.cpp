// Which evidence files are accepted by their first bytes and, for ZIP containers, their
// name (the server then opens the container: tests/server/upload_files_test.cpp).
#include <catch2/catch.hpp>

#include "shared/kpi/evidence_file.hpp"

using namespace domain;

TEST_CASE("evidence files: the type each accepted file claims", "[kpi][files]") {
  const std::string zip("PK\x03\x04rest", 8);
  CHECK(check_evidence_bytes(std::string("\xFF\xD8\xFF\xE0", 4), "a.bin").value().kind == EvidenceKind::jpeg);
  CHECK(check_evidence_bytes("\x89PNG\r\n\x1A\nrest", "a").value().is_image);
  CHECK(check_evidence_bytes("%PDF-1.7", "a.pdf").value().kind == EvidenceKind::pdf);
  CHECK(check_evidence_bytes(zip, "Report.DOCX").value().kind == EvidenceKind::docx);
  CHECK(check_evidence_bytes(zip, "sheet.ods").value().content_type == "application/vnd.oasis.opendocument.spreadsheet");
  CHECK_FALSE(check_evidence_bytes(zip, "page.docx").value().is_image);
  // A ZIP of no accepted kind, HTML, an empty or oversized file.
  CHECK(check_evidence_bytes(zip, "archive.zip").error().code == "file_type");
  CHECK(check_evidence_bytes("<html>", "a.html").error().field == "file");
  CHECK(check_evidence_bytes("", "a.pdf").error().code == "file_empty");
  CHECK(check_evidence_bytes(std::string(kMaxEvidenceBytes + 1, '%'), "a.pdf").error().code == "file_too_large");
  CHECK(evidence_type_refused().message_en.find("odt") != std::string::npos);
}
