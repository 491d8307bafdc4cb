// The signed-letter checks in-process: real JPEG and PDF bytes made by ImageMagick.
#include <catch2/catch.hpp>

#include "server/registrations/letter_files.hpp"
#include "server/registrations/letter_pdf.hpp"
#include "tests/server/server_process.hpp"

using namespace server::registrations;
using test_server::TempDir;

namespace {

std::string image(const TempDir& dir, const std::string& format, const std::string& comment) {
  const auto file = dir / ("made." + format);
  auto made = test_server::run_command({"/usr/bin/convert", "-size", "800x1100", "xc:white", "-set", "comment", comment,
                                        format + ":" + file.string()},
                                       {});
  REQUIRE(made.exit_code == 0);
  return test_server::read_file(file);
}

}  // namespace

TEST_CASE("letter files: JPEG re-encoded, truncated JPEG and broken PDF refused", "[server][registration][files]") {
  TempDir dir;
  const std::string jpeg = image(dir, "jpg", "SECRET-COMMENT");
  auto clean = clean_letter(jpeg, "scan.JPG");
  REQUIRE(clean.ok());
  CHECK(clean.value().kind == domain::LetterFileKind::jpeg);
  CHECK(clean.value().bytes.find("SECRET-COMMENT") == std::string::npos);
  CHECK(clean_letter(clean.value().bytes).ok());  // what is stored decodes again

  CHECK(clean_letter(jpeg.substr(0, jpeg.size() / 2)).error().code == "file_corrupt");
  CHECK(clean_letter(jpeg.substr(0, 200)).error().code == "file_corrupt");

  domain::AppointmentLetter letter;
  letter.heading = "หนังสือทดสอบ";
  const std::string pdf = render_letter_pdf(letter, "REG-TEST");
  CHECK(clean_letter(pdf, "letter.pdf").ok());
  CHECK(clean_letter(pdf, "letter.jpg").error().code == "file_type_mismatch");
  CHECK(clean_letter(pdf.substr(0, pdf.size() / 2)).error().code == "file_corrupt");
  CHECK(clean_letter("%PDF-1.4 nothing else").error().code == "file_corrupt");
  CHECK_FALSE(pdf_first_page_png(pdf).empty());
  CHECK(pdf_first_page_png(pdf).substr(1, 3) == "PNG");
}
