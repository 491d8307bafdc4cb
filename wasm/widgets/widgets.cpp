#include "wasm/widgets/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "wasm/text/line_break.hpp"
#include "wasm/text/thai_shaping.hpp"
#include "wasm/text/utf8.hpp"
#include "wasm/widgets/test_hook.hpp"

namespace widgets {
namespace {

// "display form###id": ImGui hashes only the part after ###, so the ID stays the same
// whatever the language or the text.
std::string imgui_label(std::string_view label, const char* id) {
  return thai::shape(label) + "###" + id;
}

void unformatted(const std::string& s) { ImGui::TextUnformatted(s.data(), s.data() + s.size()); }

float display_width(std::u32string_view part) {
  std::string shaped = utf8::encode(thai::shape(part));
  return ImGui::CalcTextSize(shaped.data(), shaped.data() + shaped.size()).x;
}

// Draws a one-line field's text in display form where ImGui put it (same origin and
// horizontal scroll), and the caret where ImGui computes it: marks have no advance, so
// both forms have the same widths.
void draw_field_text(ImGuiID id, const std::string& value, ImU32 color) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const ImVec2 padding = ImGui::GetStyle().FramePadding;
  ImGuiInputTextState* state = ImGui::GetInputTextState(id);
  const bool editing = state && ImGui::GetActiveID() == id;
  const float size = ImGui::GetFontSize();
  const ImVec2 origin(min.x + padding.x - (editing ? state->ScrollX : 0.0f), min.y + padding.y);
  const ImVec4 clip(min.x, min.y, max.x, max.y);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const std::string shaped = thai::shape(value);
  draw->AddText(ImGui::GetFont(), size, origin, color, shaped.data(), shaped.data() + shaped.size(), 0.0f, &clip);
  if (!editing) return;
  std::u32string before_caret(state->TextW.Data, state->TextW.Data + state->Stb.cursor);
  const std::string prefix = utf8::encode(before_caret);
  const float x = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0, prefix.c_str(), prefix.c_str() + prefix.size()).x;
  const float cx = IM_FLOOR(origin.x + x), cy = IM_FLOOR(origin.y + size);
  if (cx >= clip.x && cx <= clip.z)
    draw->AddLine(ImVec2(cx, cy - size + 0.5f), ImVec2(cx, cy - 1.5f), color);
}

}  // namespace

void text(std::string_view s) { unformatted(thai::shape(s)); }

void text_colored(ImU32 color, std::string_view s) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  text(s);
  ImGui::PopStyleColor();
}

void text_wrapped(std::string_view s, float width) {
  if (s.empty()) return;
  if (width <= 0) {  // inside PushTextWrapPos (a banner), wrap there
    const float wrap_pos = ImGui::GetCurrentWindow()->DC.TextWrapPos;
    width = wrap_pos > 0 ? ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), wrap_pos)
                         : ImGui::GetContentRegionAvail().x;
  }
  const std::u32string all = utf8::decode(s);
  const auto words = thai::line_break_opportunities(all, false);
  const auto clusters = thai::line_break_opportunities(all, true);
  std::string lines;  // drawn as one block: line spacing is the font's, not ItemSpacing
  size_t start = 0;
  while (start < all.size()) {
    // The longest run that fits, ending at a word break if one does, else at a cluster.
    size_t end = all.size();
    if (display_width(std::u32string_view(all).substr(start)) > width) {
      auto fit = [&](const std::vector<size_t>& breaks) {
        size_t best = 0;
        for (size_t b : breaks) {
          if (b <= start) continue;
          if (display_width(std::u32string_view(all).substr(start, b - start)) > width) break;
          best = b;
        }
        return best;
      };
      end = fit(words);
      if (end == 0) end = fit(clusters);
      if (end == 0) {  // not even one cluster fits: take one anyway
        auto next = std::upper_bound(clusters.begin(), clusters.end(), start);
        end = next == clusters.end() ? all.size() : *next;
      }
    }
    size_t stop = end;
    while (stop > start && (all[stop - 1] == U' ' || all[stop - 1] == 0x200B)) --stop;
    if (!lines.empty()) lines += '\n';
    lines += utf8::encode(thai::shape(std::u32string_view(all).substr(start, stop - start)));
    start = end;
    while (start < all.size() && all[start] == U' ') ++start;
  }
  unformatted(lines);
}

void heading(std::string_view s, ImFont* font) {
  ImGui::PushFont(font);
  text(s);
  ImGui::PopFont();
}

ImVec2 text_size(std::string_view s) {
  std::string shaped = thai::shape(s);
  return ImGui::CalcTextSize(shaped.data(), shaped.data() + shaped.size());
}

bool button(const char* id, std::string_view label) {
  bool pressed = ImGui::Button(imgui_label(label, id).c_str());
  test_hook::record_item(id, "button", std::string(label));
  return pressed;
}

bool choice(const char* id, std::string_view label, bool selected) {
  if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  bool pressed = ImGui::Button(imgui_label(label, id).c_str());
  if (selected) ImGui::PopStyleColor();
  test_hook::record_item(id, "choice", std::string(label), selected ? "selected" : "");
  return pressed;
}

InputResult input_text(const char* id, std::string_view hint, std::string& value, float width) {
  InputResult r;
  const std::string label = std::string("###") + id;
  const ImGuiID imgui_id = ImGui::GetID(label.c_str());
  const std::string before = value, shaped_hint = thai::shape(hint);
  // ImGui draws a field's text itself, without the Thai display pass. So when the text
  // holds Thai, ImGui draws it invisibly (its frame, selection and scrolling stay) and
  // the display form goes over it, with the caret.
  const bool overlay = thai::contains_thai(value);
  const ImU32 text_color = ImGui::GetColorU32(ImGuiCol_Text);
  if (overlay) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
  ImGui::SetNextItemWidth(width);
  r.submitted = ImGui::InputTextWithHint(label.c_str(), shaped_hint.c_str(), &value,
                                         ImGuiInputTextFlags_EnterReturnsTrue);
  if (overlay) {
    ImGui::PopStyleColor();
    draw_field_text(imgui_id, value, text_color);
  }
  r.changed = value != before;
  test_hook::record_item(id, "input", std::string(hint), value);
  return r;
}

bool row(const char* id, std::string_view first_cell, std::string_view row_text, bool selected) {
  bool clicked = ImGui::Selectable(imgui_label(first_cell, id).c_str(), selected,
                                   ImGuiSelectableFlags_SpanAllColumns);
  test_hook::record_item(id, "row", std::string(row_text), selected ? "selected" : "");
  return clicked;
}

void table_column(std::string_view label, float width) {
  ImGui::TableSetupColumn(thai::shape(label).c_str(),
                          width > 0 ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch,
                          width);
}

}  // namespace widgets
