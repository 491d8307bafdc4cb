#pragma once
// The kiosk's on-screen keyboard: kiosks have no keyboard. Thai (Kedmanee, the layout of
// every Thai keyboard), English with digits and the signs of usernames, passwords and
// e-mail, and a digit pad for IDs, phone numbers, codes and OTPs.
#include <string>
#include <string_view>
#include <vector>

namespace domain {

enum class KeyboardLayout { thai, english, digits };
enum class KeyAction { text, backspace, enter, next_field, shift, next_layout, space };

struct Key {
  std::string text;  // what the key types (KeyAction::text)
  KeyAction action = KeyAction::text;
  float width = 1;   // in key widths
};

// The rows of `layout`; `shifted` gives Thai's upper signs and English capitals.
std::vector<std::vector<Key>> keyboard_rows(KeyboardLayout layout, bool shifted);

// The layout a field opens with, from its stable widget ID: digits for phones, national
// IDs, institution and office codes and OTPs; English for usernames, passwords, e-mail and
// links' tokens; Thai for everything else (names, places, free text).
KeyboardLayout keyboard_for_field(std::string_view widget_id);

KeyboardLayout next_layout(KeyboardLayout layout);  // thai -> english -> digits -> thai
std::string_view layout_name(KeyboardLayout layout);  // "ไทย", "ABC", "123": on the switch key

// A stable ID for a key's test hook entry: "osk.<text>" or "osk.shift", "osk.backspace", ...
std::string key_id(const Key& key);

}  // namespace domain
