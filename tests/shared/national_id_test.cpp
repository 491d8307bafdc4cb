#include <catch2/catch.hpp>

#include "shared/core/text.hpp"
#include "shared/identity/national_id.hpp"

using namespace domain;

namespace {
bool has_thai(const std::string& s) {
  return s.find("\xE0\xB8") != std::string::npos || s.find("\xE0\xB9") != std::string::npos;
}
}  // namespace

TEST_CASE("national ID check digit follows the mod-11 rule", "[national_id]") {
  // Expected values computed independently (Python) with sum d[i]*(13-i), (11 - sum%11) % 10.
  struct Case {
    const char* first12;
    int check;
  };
  const Case cases[] = {
      {"110170023070", 8}, {"123456789012", 1}, {"310060012345", 0},
      {"510010034567", 1}, {"370010098765", 4}, {"110370012345", 8},
  };
  for (const auto& c : cases) {
    CAPTURE(c.first12);
    CHECK(national_id_check_digit(c.first12) == c.check);
  }
}

TEST_CASE("valid national IDs parse, format and mask", "[national_id]") {
  struct Case {
    std::string input, digits, formatted, masked;
  };
  const Case cases[] = {
      {"1101700230708", "1101700230708", "1-1017-00230-70-8", "1-1017-xxxxx-xx-8"},
      {"1-2345-67890-12-1", "1234567890121", "1-2345-67890-12-1", "1-2345-xxxxx-xx-1"},
      {"3 1006 00123 45 0", "3100600123450", "3-1006-00123-45-0", "3-1006-xxxxx-xx-0"},
      {"๕๑๐๐๑๐๐๓๔๕๖๗๑", "5100100345671", "5-1001-00345-67-1", "5-1001-xxxxx-xx-1"},
      {"  8429900012340\n", "8429900012340", "8-4299-00012-34-0", "8-4299-xxxxx-xx-0"},
      {"3-7001-00987-65-4", "3700100987654", "3-7001-00987-65-4", "3-7001-xxxxx-xx-4"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    const auto id = parse_national_id(c.input);
    REQUIRE(id);
    CHECK(id.value().digits() == c.digits);
    CHECK(id.value().formatted() == c.formatted);
    CHECK(id.value().masked() == c.masked);
    CHECK(mask_national_id(c.input) == c.masked);
  }
  CHECK(parse_national_id("1-1017-00230-70-8").value() == parse_national_id("1101700230708").value());
}

TEST_CASE("invalid national IDs are refused with distinct codes", "[national_id]") {
  struct Case {
    std::string input, code;
  };
  const Case cases[] = {
      {"", "national_id_required"},
      {"  - ", "national_id_required"},
      // Often quoted as an example ID, but its check digit is 8, not 5.
      {"1101700230705", "national_id_checksum"},
      {"1-2345-67890-12-3", "national_id_checksum"},
      {"3100600123451", "national_id_checksum"},
      {"110170023070", "national_id_length"},
      {"11017002307080", "national_id_length"},
      {"1", "national_id_length"},
      {"1101700230A08", "national_id_chars"},
      {"1.1017.00230.70.8", "national_id_chars"},
      {"๑๑๐๑๗๐๐๒๓๐๗๐ก", "national_id_chars"},
      {"0101700230706", "national_id_first_digit"},
      {"9101700230702", "national_id_first_digit"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    const auto id = parse_national_id(c.input);
    REQUIRE_FALSE(id);
    const FieldError& e = id.error();
    CHECK(e.code == c.code);
    CHECK(e.field == "national_id");
    CHECK(has_thai(e.message_th));
    CHECK(e.message_th.find("เลขประจำตัวประชาชน") != std::string::npos);
    CHECK(e.message_en.find("National ID") != std::string::npos);
  }
}

TEST_CASE("every wrong last digit is caught by the checksum", "[national_id]") {
  const std::string valid = "1101700230708";
  for (char last = '0'; last <= '9'; ++last) {
    std::string id = valid;
    id.back() = last;
    CAPTURE(id);
    const auto parsed = parse_national_id(id);
    CHECK(parsed.ok() == (last == '8'));
    if (!parsed) CHECK(parsed.error().code == "national_id_checksum");
  }
}

TEST_CASE("the checksum message is the agreed text, relabelled for the form", "[national_id]") {
  const auto id = parse_national_id("1101700230705");
  REQUIRE_FALSE(id);
  CHECK(id.error().message_th == "เลขประจำตัวประชาชนไม่ถูกต้อง (เลขตรวจสอบไม่ตรง)");
  CHECK(id.error().message_en == "National ID is invalid (check digit does not match)");
  const auto body = to_error_body(in_field(id.error(), "officer.national_id"));
  CHECK(body["error"]["code"] == "national_id_checksum");
  CHECK(body["error"]["field"] == "officer.national_id");
}

TEST_CASE("mask_national_id hides digits even in text that is not a valid ID", "[national_id]") {
  CHECK(mask_national_id("1101700230705") == "1-1017-xxxxx-xx-5");  // 13 digits, bad checksum
  CHECK(mask_national_id("12345") == "1xxx5");
  CHECK(mask_national_id("110170023070") == "1xxxxxxxxxx0");
  CHECK(mask_national_id("") == "");
  CHECK(mask_national_id("1101700230708").find("00230") == std::string::npos);
}

TEST_CASE("G-Codes parse and normalise to upper case", "[national_id][g_code]") {
  struct Valid {
    std::string input, value;
  };
  const Valid valid[] = {
      {"G123456789012", "G123456789012"},
      {"g123456789012", "G123456789012"},
      {" g-1234-5678-9012 ", "G123456789012"},
      {"G๐๐๐๐๐๐๐๐๐๐๐๑", "G000000000001"},
  };
  for (const auto& c : valid) {
    CAPTURE(c.input);
    const auto g = parse_g_code(c.input);
    REQUIRE(g);
    CHECK(g.value().value() == c.value);
  }
  struct Invalid {
    std::string input, code;
  };
  const Invalid invalid[] = {
      {"", "g_code_required"},          {"G12345678901", "g_code_format"},
      {"G1234567890123", "g_code_format"}, {"X123456789012", "g_code_format"},
      {"1234567890123", "g_code_format"}, {"GG23456789012", "g_code_format"},
      {"G12345678901A", "g_code_format"},
  };
  for (const auto& c : invalid) {
    CAPTURE(c.input);
    const auto g = parse_g_code(c.input);
    REQUIRE_FALSE(g);
    CHECK(g.error().code == c.code);
    CHECK(g.error().field == "g_code");
    CHECK(has_thai(g.error().message_th));
    CHECK(g.error().message_en.find("G-Code") != std::string::npos);
  }
}
