#pragma once
// The look: a light theme in the navy of Thai government sites, roomy enough for touch.
#include <imgui.h>

#include <functional>

namespace style {

inline constexpr ImU32 brand = IM_COL32(0x1B, 0x3A, 0x6B, 0xFF);  // navy
inline constexpr ImU32 muted_text = IM_COL32(0x55, 0x5F, 0x6D, 0xFF);
inline constexpr ImU32 banner_warning_bg = IM_COL32(0xFF, 0xF3, 0xC4, 0xFF);
inline constexpr ImU32 banner_warning_text = IM_COL32(0x6B, 0x4E, 0x00, 0xFF);
inline constexpr ImU32 banner_dev_bg = banner_warning_bg;
inline constexpr ImU32 banner_dev_text = banner_warning_text;
inline constexpr ImU32 banner_error_bg = IM_COL32(0xFD, 0xE2, 0xE1, 0xFF);
inline constexpr ImU32 banner_error_text = IM_COL32(0x8A, 0x1C, 0x1C, 0xFF);
inline constexpr ImU32 banner_info_bg = IM_COL32(0xE6, 0xEE, 0xF8, 0xFF);
inline constexpr ImU32 banner_info_text = IM_COL32(0x1B, 0x3A, 0x6B, 0xFF);

void apply();

// A full-width coloured box around `content` (notices, warnings).
void banner(ImU32 background, ImU32 text, const std::function<void()>& content);

}  // namespace style
