#include <catch2/catch.hpp>

#include "shared/password/password_policy.hpp"

using namespace domain;

namespace {
bool has_thai(const std::string& s) {
  return s.find("\xE0\xB8") != std::string::npos || s.find("\xE0\xB9") != std::string::npos;
}
}  // namespace

TEST_CASE("good passwords pass", "[password]") {
  std::string longest;
  for (int i = 0; i < 128; ++i) longest += "aZ7#"[i % 4];
  struct Case {
    std::string password, username;
  };
  const Case cases[] = {
      {"Kru#Nong2567", ""},
      {"ช้างเผือก#19", ""},                   // Thai, counted in characters
      {"ครูไทย12", ""},                       // exactly 8 characters (20 bytes)
      {"Tr0ub4dor&3", "1010720001"},
      {"correct horse battery staple", "somchai"},
      {"abc-123-xyz", ""},                    // runs of 3 are fine
      {"aaa-bbb-ccc", ""},
      {"qwe-asd-zxc!", ""},
      {"somchai_pw!", "so"},                  // usernames under 3 characters are ignored
      {longest, ""},                          // 128 characters, the maximum
  };
  for (const auto& c : cases) {
    CAPTURE(c.password, c.username);
    const auto e = check_password(c.password, c.username);
    CHECK_FALSE(e.has_value());
    if (e) FAIL_CHECK(e->code);
  }
}

TEST_CASE("weak passwords are refused with the first broken rule", "[password]") {
  std::string long_mixed;
  for (int i = 0; i < 129; ++i) long_mixed += "aZ7#"[i % 4];
  struct Case {
    std::string password, username, code;
  };
  const Case cases[] = {
      {"", "", "password_required"},
      {"\xFF\xFE" "abcdefgh", "", "password_invalid_utf8"},
      {"Ab1!xyz", "", "password_too_short"},
      {"ครูไทย1", "", "password_too_short"},  // 7 characters although 19 bytes
      {long_mixed, "", "password_too_long"},
      {"1010720001abc!", "1010720001", "password_contains_username"},
      {"MySchool1010720001", "1010720001", "password_contains_username"},
      {"xxSOMCHAIxx9", "somchai", "password_contains_username"},
      {"somchai", "somchai", "password_too_short"},  // length is checked first
      {"password", "", "password_common"},
      {"Password1", "", "password_common"},
      {"P@ssw0rd", "", "password_common"},
      {"iloveyou", "", "password_common"},
      {"admin123", "", "password_common"},
      {"kidkid123", "", "password_common"},
      {"sawasdee", "", "password_common"},
      {"12345678", "", "password_common"},  // the list comes before the sequence rule
      {"Passaaaa#1", "", "password_repeated"},
      {"x1111yz!?", "", "password_repeated"},
      {"ZZZz-safe-9", "", "password_repeated"},  // case-insensitive
      {"ครูครูนนนน", "", "password_repeated"},
      {"my1234pass!", "", "password_sequence"},
      {"pass4321word", "", "password_sequence"},
      {"xAbCd-99!", "", "password_sequence"},
      {"dcba-pass!", "", "password_sequence"},
      {"wxyz-mango", "", "password_sequence"},
      {"9qwer!mango", "", "password_keyboard"},
      {"lkjh#mango", "", "password_keyboard"},  // a row backwards
      {"zxcv!mango", "", "password_keyboard"},
      {"7890abcX!", "", "password_keyboard"},   // 7-8-9-0 along the top row
      {"ฟหกด#2567x", "", "password_keyboard"},  // asdf typed in the Thai layout
  };
  for (const auto& c : cases) {
    CAPTURE(c.password, c.username);
    const auto e = check_password(c.password, c.username);
    REQUIRE(e.has_value());
    CHECK(e->code == c.code);
    CHECK(e->field == "password");
    CHECK(has_thai(e->message_th));
    CHECK(e->message_th.find("รหัสผ่าน") != std::string::npos);
    CHECK(e->message_en.find("assword") != std::string::npos);
  }
}

TEST_CASE("the common-password list is case-insensitive and exact", "[password]") {
  CHECK(is_common_password("PASSWORD"));
  CHECK(is_common_password("qwertyuiop"));
  CHECK(is_common_password("kru12345"));
  CHECK(is_common_password("Thailand"));
  CHECK_FALSE(is_common_password("password-for-kru-nong"));
  CHECK_FALSE(is_common_password("unique-phrase-42"));
}

TEST_CASE("ThaID-style PINs: not sequential, not repeated", "[password][pin]") {
  for (const char* pin : {"135790", "802514", "112233", "246813"}) {
    CAPTURE(pin);
    CHECK_FALSE(check_pin(pin).has_value());
  }
  CHECK_FALSE(check_pin("8025", 4).has_value());
  struct Case {
    std::string pin;
    std::size_t length;
    std::string code;
  };
  const Case cases[] = {
      {"", 6, "pin_required"},      {"12345", 6, "pin_format"},   {"12a456", 6, "pin_format"},
      {"9999", 6, "pin_format"},    {"1357902", 6, "pin_format"}, {"111111", 6, "pin_repeated"},
      {"0000", 4, "pin_repeated"},  {"905555", 6, "pin_repeated"}, {"123456", 6, "pin_sequence"},
      {"654321", 6, "pin_sequence"}, {"901234", 6, "pin_sequence"}, {"1234", 4, "pin_sequence"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.pin, c.length);
    const auto e = check_pin(c.pin, c.length);
    REQUIRE(e.has_value());
    CHECK(e->code == c.code);
    CHECK(e->field == "pin");
    CHECK(has_thai(e->message_th));
    CHECK(e->message_en.find("PIN") != std::string::npos);
  }
}
