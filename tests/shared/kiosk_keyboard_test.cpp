#include <catch2/catch.hpp>

#include <set>

#include "shared/kiosk/keyboard.hpp"

using namespace domain;

namespace {
std::set<std::string> texts(KeyboardLayout layout, bool shifted) {
  std::set<std::string> out;
  for (const auto& r : keyboard_rows(layout, shifted))
    for (const auto& k : r)
      if (k.action == KeyAction::text) out.insert(k.text);
  return out;
}
}  // namespace

TEST_CASE("Kedmanee: the 44 consonants and the vowels are all on the Thai keyboard", "[kiosk][keyboard]") {
  std::set<std::string> thai = texts(KeyboardLayout::thai, false);
  const auto upper = texts(KeyboardLayout::thai, true);
  thai.insert(upper.begin(), upper.end());
  const char* consonants[] = {"ก", "ข", "ฃ", "ค", "ฅ", "ฆ", "ง", "จ", "ฉ", "ช", "ซ", "ฌ", "ญ", "ฎ", "ฏ",
                              "ฐ", "ฑ", "ฒ", "ณ", "ด", "ต", "ถ", "ท", "ธ", "น", "บ", "ป", "ผ", "ฝ", "พ",
                              "ฟ", "ภ", "ม", "ย", "ร", "ล", "ว", "ศ", "ษ", "ส", "ห", "ฬ", "อ", "ฮ"};
  for (const char* c : consonants) {
    CAPTURE(c);
    CHECK(thai.count(c) == 1);
  }
  for (const char* v : {"ะ", "ั", "า", "ำ", "ิ", "ี", "ึ", "ื", "ุ", "ู", "เ", "แ", "โ", "ใ", "ไ", "่", "้", "๊", "๋", "์", "ๆ"}) {
    CAPTURE(v);
    CHECK(thai.count(v) == 1);
  }
  for (const char* d : {"๐", "๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙"}) CHECK(thai.count(d) == 1);
  // Where a Thai typist's fingers expect them: the home row starts ฟ ห ก ด.
  const auto home = keyboard_rows(KeyboardLayout::thai, false)[2];
  CHECK(home[0].text == "ฟ");
  CHECK(home[2].text == "ก");
  CHECK(keyboard_rows(KeyboardLayout::thai, true)[2][2].text == "ฏ");
}

TEST_CASE("English has digits and the signs of usernames and passwords; shift gives capitals", "[kiosk][keyboard]") {
  const auto lower = texts(KeyboardLayout::english, false), upper = texts(KeyboardLayout::english, true);
  for (const char* k : {"1", "0", "a", "z", "-", "_", ".", "@"}) CHECK(lower.count(k) == 1);
  CHECK(upper.count("N") == 1);
  CHECK(upper.count("n") == 0);
  CHECK(texts(KeyboardLayout::digits, false) ==
        std::set<std::string>{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"});
}

TEST_CASE("every layout can delete, confirm and switch, and key IDs are unique", "[kiosk][keyboard]") {
  for (auto layout : {KeyboardLayout::thai, KeyboardLayout::english, KeyboardLayout::digits})
    for (bool shifted : {false, true}) {
      std::set<std::string> ids;
      std::size_t keys = 0;
      for (const auto& r : keyboard_rows(layout, shifted))
        for (const auto& k : r) {
          ids.insert(key_id(k));
          ++keys;
        }
      CHECK(ids.size() == keys);
      CHECK(ids.count("osk.backspace") == 1);
      CHECK(ids.count("osk.enter") == 1);
      CHECK(ids.count("osk.next") == 1);
      CHECK(ids.count("osk.layout") == 1);
    }
  CHECK(next_layout(next_layout(next_layout(KeyboardLayout::thai))) == KeyboardLayout::thai);
}

TEST_CASE("a field opens the keyboard its values need", "[kiosk][keyboard]") {
  CHECK(keyboard_for_field("reg.phone") == KeyboardLayout::digits);
  CHECK(keyboard_for_field("reg.national_id") == KeyboardLayout::digits);
  CHECK(keyboard_for_field("reg.resume.code") == KeyboardLayout::digits);
  CHECK(keyboard_for_field("otp.code") == KeyboardLayout::digits);
  CHECK(keyboard_for_field("signin.username") == KeyboardLayout::english);
  CHECK(keyboard_for_field("signin.password") == KeyboardLayout::english);
  CHECK(keyboard_for_field("reg.email") == KeyboardLayout::english);
  CHECK(keyboard_for_field("reg.first_name") == KeyboardLayout::thai);
  CHECK(keyboard_for_field("home.search") == KeyboardLayout::thai);
}
