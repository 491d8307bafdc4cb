#pragma once
// The UI fonts: TLWG Loma (Debian's fonts-thai-tlwg), Thai and Latin, plus the Thai
// private-use glyph variants the display pass (thai::shape) maps marks to.
#include <imgui.h>

#include <string>

namespace fonts {

struct Set {
  ImFont* body = nullptr;
  ImFont* title = nullptr;
};

// Rasterises at size x pixel_ratio and scales back (ImGui 1.86 has no rasterizer
// density setting), so text stays sharp on high-DPI screens. Null fonts: file missing.
Set load(ImGuiIO& io, const std::string& ttf_path, float pixel_ratio);

const ImWchar* glyph_ranges();

// ImGui sizes a font by its line height (ascent + descent). Loma's is 1.59 em, room for
// stacked Thai marks, so these give the em of 16 px body text and 21 px titles.
inline constexpr float body_size = 25.0f;
inline constexpr float title_size = 34.0f;

}  // namespace fonts
