#include <catch2/catch.hpp>

#include "shared/core/text.hpp"

using namespace domain;

TEST_CASE("is_valid_utf8 accepts Thai and refuses malformed sequences", "[text]") {
  struct Case {
    std::string text;
    bool valid;
  };
  const Case cases[] = {
      {"", true},
      {"abc", true},
      {"โรงเรียนบ้านหนองบัว", true},
      {"\xF0\x9F\x98\x80", true},       // emoji, 4 bytes
      {"\xC0\xAF", false},              // overlong '/'
      {"\xED\xA0\x80", false},          // UTF-16 surrogate
      {"\xF4\x90\x80\x80", false},      // above U+10FFFF
      {"\xE0\xB8", false},              // Thai character cut short
      {"\x80", false},                  // lone continuation byte
      {"ก\xFFข", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(is_valid_utf8(c.text) == c.valid);
    CHECK(decode_utf8(c.text).has_value() == c.valid);
  }
}

TEST_CASE("utf8_length counts characters, not bytes", "[text]") {
  struct Case {
    std::string text;
    std::size_t length;
  };
  const Case cases[] = {
      {"", 0}, {"abc", 3}, {"โรงเรียน", 8}, {"น้ำ", 3}, {"\xF0\x9F\x98\x80", 1}, {"ครู 1", 5},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(utf8_length(c.text) == c.length);
  }
  CHECK(decode_utf8("ก1")->size() == 2);
  CHECK((*decode_utf8("ก1"))[0] == U'\u0E01');
}

TEST_CASE("trim removes white space and invisible copy-paste characters", "[text]") {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"  สมชาย  ", "สมชาย"},
      {"\t\nสมชาย\r\n", "สมชาย"},
      {"\xC2\xA0ใจดี\xE2\x80\x8B", "ใจดี"},     // no-break space, zero-width space
      {"\xEF\xBB\xBFนาย", "นาย"},                // BOM
      {"สม ชาย", "สม ชาย"},                     // inner space kept
      {"   ", ""},
      {"", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.in);
    CHECK(trim(c.in) == c.out);
  }
}

TEST_CASE("Thai digits convert both ways", "[text]") {
  CHECK(to_thai_digits("2567") == "๒๕๖๗");
  CHECK(to_thai_digits("23 พ.ย. 2569") == "๒๓ พ.ย. ๒๕๖๙");
  CHECK(to_thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙");
  CHECK(to_ascii_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789");
  CHECK(to_ascii_digits("โทร ๐๘๑") == "โทร 081");
  CHECK(to_ascii_digits(to_thai_digits("1-2345-67890-12-1")) == "1-2345-67890-12-1");
  CHECK(to_ascii_digits("กขค") == "กขค");  // other Thai characters untouched
}

TEST_CASE("ascii_lower and is_ascii_digits", "[text]") {
  CHECK(ascii_lower("AbC ครู") == "abc ครู");
  CHECK(is_ascii_digits("0123456789"));
  CHECK_FALSE(is_ascii_digits(""));
  CHECK_FALSE(is_ascii_digits("12a"));
  CHECK_FALSE(is_ascii_digits("๑๒"));
}

TEST_CASE("limit_length counts Thai characters and names the field", "[text]") {
  const TextRule rule{"officer.first_name", "ชื่อ", "First name", 10};
  CHECK_FALSE(limit_length("กขคงจฉชซฌญ", rule).has_value());  // 10 characters, 30 bytes
  const auto e = limit_length("กขคงจฉชซฌญฎ", rule);             // 11
  REQUIRE(e.has_value());
  CHECK(e->code == "text_too_long");
  CHECK(e->field == "officer.first_name");
  CHECK(e->message_th.find("ชื่อ") != std::string::npos);
  CHECK(e->message_th.find("10") != std::string::npos);
  CHECK(e->message_en.find("First name") != std::string::npos);

  const auto bad = limit_length("ab\xFF", rule);
  REQUIRE(bad.has_value());
  CHECK(bad->code == "text_invalid_utf8");
  CHECK(bad->field == "officer.first_name");

  // without labels the message falls back to the field name
  const auto unnamed = limit_length("abcdef", TextRule{"position", "", "", 5});
  REQUIRE(unnamed.has_value());
  CHECK(unnamed->message_en.find("position") != std::string::npos);
}

TEST_CASE("check_text trims, requires and limits", "[text]") {
  const TextRule name{"officer.last_name", "นามสกุล", "Last name", 20};
  auto ok = check_text("  ใจดี  ", name);
  REQUIRE(ok);
  CHECK(ok.value() == "ใจดี");

  auto empty = check_text(" \xC2\xA0 ", name);
  REQUIRE_FALSE(empty);
  CHECK(empty.error().code == "required");
  CHECK(empty.error().field == "officer.last_name");
  CHECK(empty.error().message_th.find("นามสกุล") != std::string::npos);
  CHECK(empty.error().message_en == "Last name is required");

  const TextRule optional{"officer.email", "อีเมล", "E-mail", 20, false};
  auto none = check_text("   ", optional);
  REQUIRE(none);
  CHECK(none.value().empty());

  auto longer = check_text(std::string(21, 'x'), name);
  REQUIRE_FALSE(longer);
  CHECK(longer.error().code == "text_too_long");
}
