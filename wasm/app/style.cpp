#include "wasm/app/style.hpp"

namespace style {

void apply() {
  ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowPadding = ImVec2(20, 16);
  s.FramePadding = ImVec2(10, 10);  // 25 px text + 20: every control a 45 px touch target
  s.ItemSpacing = ImVec2(10, 10);
  s.CellPadding = ImVec2(8, 6);
  s.FrameRounding = 6;
  s.WindowRounding = 0;
  s.ScrollbarSize = 16;
  s.WindowBorderSize = 0;
  s.FrameBorderSize = 1;
  ImVec4* c = s.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Text] = ImVec4(0.10f, 0.12f, 0.16f, 1.0f);
  c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
  c[ImGuiCol_Border] = ImVec4(0.75f, 0.78f, 0.84f, 1.0f);
  c[ImGuiCol_Button] = ImVec4(0.89f, 0.92f, 0.97f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.86f, 0.95f, 1.0f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.68f, 0.77f, 0.92f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.80f, 0.86f, 0.95f, 1.0f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.87f, 0.91f, 0.97f, 1.0f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.74f, 0.82f, 0.94f, 1.0f);
  c[ImGuiCol_TableHeaderBg] = ImVec4(0.90f, 0.93f, 0.97f, 1.0f);
  c[ImGuiCol_TableRowBgAlt] = ImVec4(0.95f, 0.96f, 0.98f, 1.0f);
  c[ImGuiCol_Separator] = ImVec4(0.82f, 0.85f, 0.90f, 1.0f);
}

void banner(ImU32 background, ImU32 text, const std::function<void()>& content) {
  const float pad = 10;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  // Content first on the upper channel, then the box under it, once its height is known.
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad);
  ImGui::PushStyleColor(ImGuiCol_Text, text);
  ImGui::BeginGroup();
  content();
  ImGui::EndGroup();
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  const float bottom = ImGui::GetItemRectMax().y + pad;
  draw->ChannelsSetCurrent(0);
  draw->AddRectFilled(start, ImVec2(start.x + width, bottom), background, 6);
  draw->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(start.x, bottom));
  ImGui::Dummy(ImVec2(width, 0));
}

}  // namespace style
