#include "shared/ui/preferences.hpp"

namespace ui {

Preferences parse_preferences(std::string_view language, std::string_view text_percent) {
  Preferences p;
  if (language == "en") p.language = Language::en;
  if (text_percent == "125") p.text_percent = 125;
  if (text_percent == "150") p.text_percent = 150;
  return p;
}

std::string_view language_code(Language l) { return l == Language::en ? "en" : "th"; }

int next_text_size(int percent) { return percent >= 150 ? 100 : percent < 125 ? 125 : 150; }

}  // namespace ui
