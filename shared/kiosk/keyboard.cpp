#include "shared/kiosk/keyboard.hpp"

#include <array>

namespace domain {

namespace {

// One row from its characters, each a UTF-8 code point separated by spaces.
std::vector<Key> row(std::string_view keys) {
  std::vector<Key> out;
  std::size_t start = 0;
  while (start < keys.size()) {
    const auto end = std::min(keys.find(' ', start), keys.size());
    if (end > start) out.push_back({std::string(keys.substr(start, end - start))});
    start = end + 1;
  }
  return out;
}

Key special(KeyAction action, float width) { return {"", action, width}; }

bool has(std::string_view id, std::string_view part) { return id.find(part) != std::string_view::npos; }

}  // namespace

std::vector<std::vector<Key>> keyboard_rows(KeyboardLayout layout, bool shifted) {
  std::vector<std::vector<Key>> rows;
  switch (layout) {
    case KeyboardLayout::thai:
      if (!shifted) {
        rows = {row("ๅ / - ภ ถ ุ ึ ค ต จ ข ช"), row("ๆ ไ ำ พ ะ ั ี ร น ย บ ล ฃ"), row("ฟ ห ก ด เ ้ ่ า ส ว ง"),
                row("ผ ป แ อ ิ ื ท ม ใ ฝ")};
      } else {
        rows = {row("+ ๑ ๒ ๓ ๔ ู ฿ ๕ ๖ ๗ ๘ ๙"), row("๐ \" ฎ ฑ ธ ํ ๊ ณ ฯ ญ ฐ , ฅ"), row("ฤ ฆ ฏ โ ฌ ็ ๋ ษ ศ ซ ."),
                row("( ) ฉ ฮ ฺ ์ ? ฒ ฬ ฦ")};
      }
      break;
    case KeyboardLayout::english:
      rows = {row("1 2 3 4 5 6 7 8 9 0"),
              row(shifted ? "Q W E R T Y U I O P" : "q w e r t y u i o p"),
              row(shifted ? "A S D F G H J K L" : "a s d f g h j k l"),
              row(shifted ? "Z X C V B N M" : "z x c v b n m"),
              row("- _ . @")};
      break;
    case KeyboardLayout::digits:
      rows = {row("1 2 3"), row("4 5 6"), row("7 8 9"), row("0")};
      rows.back().push_back(special(KeyAction::backspace, 2));
      rows.push_back({special(KeyAction::next_layout, 1), special(KeyAction::next_field, 1), special(KeyAction::enter, 1)});
      return rows;
  }
  auto& last_letters = rows[3];  // shift and delete beside the bottom letters, as on a keyboard
  last_letters.insert(last_letters.begin(), special(KeyAction::shift, 1.5f));
  last_letters.push_back(special(KeyAction::backspace, 1.5f));
  rows.push_back({special(KeyAction::next_layout, 1.5f), special(KeyAction::space, 5), special(KeyAction::next_field, 1.5f),
                  special(KeyAction::enter, 1.5f)});
  return rows;
}

KeyboardLayout keyboard_for_field(std::string_view id) {
  for (std::string_view digits : {"phone", "national_id", "code", "otp", "pin", "year", "count", "amount"})
    if (has(id, digits)) return KeyboardLayout::digits;
  for (std::string_view english : {"username", "password", "email", "token", "url"})
    if (has(id, english)) return KeyboardLayout::english;
  return KeyboardLayout::thai;
}

KeyboardLayout next_layout(KeyboardLayout layout) {
  switch (layout) {
    case KeyboardLayout::thai: return KeyboardLayout::english;
    case KeyboardLayout::english: return KeyboardLayout::digits;
    case KeyboardLayout::digits: return KeyboardLayout::thai;
  }
  return KeyboardLayout::thai;
}

std::string_view layout_name(KeyboardLayout layout) {
  switch (layout) {
    case KeyboardLayout::thai: return "ไทย";
    case KeyboardLayout::english: return "ABC";
    case KeyboardLayout::digits: return "123";
  }
  return "";
}

std::string key_id(const Key& key) {
  switch (key.action) {
    case KeyAction::text: return "osk." + key.text;
    case KeyAction::backspace: return "osk.backspace";
    case KeyAction::enter: return "osk.enter";
    case KeyAction::next_field: return "osk.next";
    case KeyAction::shift: return "osk.shift";
    case KeyAction::next_layout: return "osk.layout";
    case KeyAction::space: return "osk.space";
  }
  return "osk";
}

}  // namespace domain
