#pragma once
// What every screen draws with: the language, the fonts, the clock of this frame.
#include <string_view>

#include "shared/ui/strings.hpp"
#include "wasm/app/fonts.hpp"

namespace app {

struct Context {
  ui::Language language = ui::Language::th;
  fonts::Set fonts;
  double now = 0;
  std::string_view tr(const ui::Text& t) const { return t.in(language); }
};

}  // namespace app
