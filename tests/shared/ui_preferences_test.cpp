#include <catch2/catch.hpp>

#include "shared/ui/preferences.hpp"

using namespace ui;

TEST_CASE("the language and text size read back as saved; anything else is the default", "[preferences]") {
  CHECK(parse_preferences("en", "125").language == Language::en);
  CHECK(parse_preferences("en", "125").text_percent == 125);
  CHECK(parse_preferences("th", "150").text_percent == 150);
  CHECK(parse_preferences(language_code(Language::en), "").language == Language::en);
  for (auto [lang, size] : {std::pair{"", ""}, {"fr", "999"}, {"EN", "125.0"}, {"th\0", "-1"}}) {
    const Preferences p = parse_preferences(lang, size);
    CHECK(p.language == Language::th);
    CHECK(p.text_percent == 100);
  }
  CHECK(next_text_size(100) == 125);
  CHECK(next_text_size(125) == 150);
  CHECK(next_text_size(150) == 100);
  CHECK(next_text_size(7) == 125);
}
