#include <catch2/catch.hpp>

#include "shared/contact/phone.hpp"
#include "shared/core/text.hpp"

using namespace domain;

namespace {
bool has_thai(const std::string& s) {
  return s.find("\xE0\xB8") != std::string::npos || s.find("\xE0\xB9") != std::string::npos;
}
}  // namespace

TEST_CASE("Thai mobile numbers normalise to 0XXXXXXXXX and +66XXXXXXXXX", "[phone]") {
  struct Case {
    std::string input, national, e164, formatted;
  };
  const Case cases[] = {
      {"081-234-5678", "0812345678", "+66812345678", "081-234-5678"},
      {"0812345678", "0812345678", "+66812345678", "081-234-5678"},
      {"+66 81 234 5678", "0812345678", "+66812345678", "081-234-5678"},
      {"+66812345678", "0812345678", "+66812345678", "081-234-5678"},
      {"66812345678", "0812345678", "+66812345678", "081-234-5678"},
      {"+66 (0) 81 234 5678", "0812345678", "+66812345678", "081-234-5678"},  // trunk 0 kept
      {"091.234.5678", "0912345678", "+66912345678", "091-234-5678"},
      {"0612345678", "0612345678", "+66612345678", "061-234-5678"},
      {"065 555 0199", "0655550199", "+66655550199", "065-555-0199"},
      {"๐๘๑๒๓๔๕๖๗๘", "0812345678", "+66812345678", "081-234-5678"},
      {"  098 765 4321 ", "0987654321", "+66987654321", "098-765-4321"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    const auto phone = parse_mobile_phone(c.input);
    REQUIRE(phone);
    CHECK(phone.value().national() == c.national);
    CHECK(phone.value().e164() == c.e164);
    CHECK(phone.value().formatted() == c.formatted);
  }
  CHECK(parse_mobile_phone("081-234-5678").value() == parse_mobile_phone("+66812345678").value());
}

TEST_CASE("landlines, VoIP and malformed numbers are refused", "[phone]") {
  struct Case {
    std::string input, code;
  };
  const Case cases[] = {
      {"", "phone_required"},
      {" ", "phone_required"},
      {"02-123-4567", "phone_landline"},     // Bangkok
      {"021234567", "phone_landline"},
      {"+66 2 123 4567", "phone_landline"},
      {"053-123456", "phone_landline"},      // Chiang Mai
      {"044-213456", "phone_landline"},      // Nakhon Ratchasima
      {"076-123456", "phone_landline"},      // Phuket
      {"038-123456", "phone_landline"},      // Chon Buri
      {"0601234567", "phone_voip"},
      {"+66 60 123 4567", "phone_voip"},
      {"081-234-567", "phone_length"},
      {"08123456789", "phone_length"},
      {"812345678", "phone_length"},         // trunk 0 missing
      {"6681234567", "phone_length"},        // 66 without enough digits
      {"081-234-567x", "phone_chars"},
      {"โทร 0812345678", "phone_chars"},
      {"08+12345678", "phone_chars"},
      {"+1 650 253 0000", "phone_country"},
      {"0012345678", "phone_not_mobile"},
      {"0112345678", "phone_not_mobile"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    const auto phone = parse_mobile_phone(c.input);
    REQUIRE_FALSE(phone);
    const FieldError& e = phone.error();
    CHECK(e.code == c.code);
    CHECK(e.field == "phone");
    CHECK(has_thai(e.message_th));
    CHECK(e.message_th.find("มือถือ") != std::string::npos);
    CHECK(ascii_lower(e.message_en).find("mobile") != std::string::npos);
  }
}

TEST_CASE("optional e-mail: blank is fine, bad shapes are refused", "[phone][email]") {
  struct Valid {
    std::string input, out;
  };
  const Valid valid[] = {
      {"", ""},
      {"   ", ""},
      {"somchai@school.ac.th", "somchai@school.ac.th"},
      {" Somchai.J@School.AC.TH ", "Somchai.J@school.ac.th"},  // local part kept, domain lower-cased
      {"kru_01+kpi@obec.go.th", "kru_01+kpi@obec.go.th"},
      {"a@b-c.co", "a@b-c.co"},
  };
  for (const auto& c : valid) {
    CAPTURE(c.input);
    const auto e = parse_optional_email(c.input);
    REQUIRE(e);
    CHECK(e.value() == c.out);
  }
  const std::string invalid[] = {
      "somchai",       "somchai@",          "@school.ac.th", "a@b",      "a@@b.com",
      "a b@c.com",     "a@-b.com",          "a@b-.com",      "a@b..com", ".a@b.com",
      "a..b@c.com",    "ครู@school.ac.th", "a@b.com.",      "a@b_c.com", std::string(65, 'a') + "@b.com",
  };
  for (const auto& input : invalid) {
    CAPTURE(input);
    const auto e = parse_optional_email(input);
    REQUIRE_FALSE(e);
    CHECK(e.error().code == "email_invalid");
    CHECK(e.error().field == "email");
    CHECK(e.error().message_th.find("อีเมล") != std::string::npos);
    CHECK(e.error().message_en.find("E-mail") != std::string::npos);
  }
}
