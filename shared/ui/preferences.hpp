#pragma once
// The reader's own choices, kept across visits on their device: the language and the text
// size. The platform stores them as two short strings; anything unknown or missing reads as
// the default, so an old or tampered value never breaks the start.
#include <string>
#include <string_view>

#include "shared/ui/strings.hpp"

namespace ui {

struct Preferences {
  Language language = Language::th;
  int text_percent = 100;  // 100, 125 or 150
};

// The storage keys and their values ("th"/"en", "100"/"125"/"150").
inline constexpr std::string_view language_key = "language", text_size_key = "text_size";
Preferences parse_preferences(std::string_view language, std::string_view text_percent);
std::string_view language_code(Language l);
// "ก+": each press one step larger, from the largest back to normal.
int next_text_size(int percent);

}  // namespace ui
