#include "wasm/app/fonts.hpp"

#include <cstdio>

#include "wasm/text/thai_shaping.hpp"

namespace fonts {

const ImWchar* glyph_ranges() {
  static const ImWchar ranges[] = {
      0x0020, 0x00FF,  // Basic Latin, Latin-1
      0x0E00, 0x0E7F,  // Thai
      0x2000, 0x206F,  // punctuation: dashes, quotes, ellipsis, zero-width space
      ImWchar(thai::variants_first), ImWchar(thai::variants_last),
      0,
  };
  return ranges;
}

Set load(ImGuiIO& io, const std::string& ttf_path, float pixel_ratio) {
  Set set;
  if (std::FILE* f = std::fopen(ttf_path.c_str(), "rb")) {
    std::fclose(f);
  } else {
    return set;  // ImGui would assert; the caller falls back to ImGui's own font
  }
  ImFontConfig config;
  config.OversampleH = 2;  // Thai marks are thin: a little horizontal oversampling helps
  config.OversampleV = 1;
  set.body = io.Fonts->AddFontFromFileTTF(ttf_path.c_str(), body_size * pixel_ratio, &config,
                                          glyph_ranges());
  set.title = io.Fonts->AddFontFromFileTTF(ttf_path.c_str(), title_size * pixel_ratio, &config,
                                           glyph_ranges());
  io.FontGlobalScale = 1.0f / pixel_ratio;
  if (set.body) io.FontDefault = set.body;
  return set;
}

}  // namespace fonts
