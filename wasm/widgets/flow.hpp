#pragma once
// Rows of filters and buttons that wrap on a phone instead of running off its right edge.
#include <imgui.h>
#include <imgui_internal.h>

#include <string_view>

#include "wasm/widgets/widgets.hpp"

namespace widgets {

// A button's width for `label`.
inline float button_width(std::string_view label) { return text_size(label).x + 2 * ImGui::GetStyle().FramePadding.x; }

// SameLine() when an item `width` wide still fits beside the last one (in the window or
// the table cell), else nothing: it goes to the next line.
inline void same_line_if_fits(float width) {
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= ImGui::GetContentRegionMaxAbs().x)
    ImGui::SameLine();
}

}  // namespace widgets
