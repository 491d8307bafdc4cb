#include "wasm/widgets/widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "shared/ui/strings_client.hpp"
#include "wasm/app/style.hpp"
#include "wasm/platform/platform.hpp"
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

void help_link(const char* id, const char* page, ui::Language language) {
  const std::string path = std::string("/help/") + page + ".html";
  const bool pressed = link(id, ui::text::help.in(language));
  test_hook::record_item(std::string(id) + ".page", "text", path, path);
  if (pressed) platform::open_page(path);
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

bool primary_button(const char* id, std::string_view label, bool enabled) {
  ImGui::PushStyleColor(ImGuiCol_Button, style::brand);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(0x24, 0x4C, 0x8A, 0xFF));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(0x12, 0x2A, 0x50, 0xFF));
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
  if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.5f);
  bool pressed = ImGui::Button(imgui_label(label, id).c_str()) && enabled;
  if (!enabled) ImGui::PopStyleVar();
  ImGui::PopStyleColor(4);
  test_hook::record_item(id, "button", std::string(label), enabled ? "" : "disabled");
  return pressed;
}

bool link(const char* id, std::string_view label) {
  const std::string shaped = thai::shape(label);
  ImVec2 size = ImGui::CalcTextSize(shaped.c_str());
  // As tall as a button, the text in the middle: a finger's target, aligned with buttons.
  const float height = std::max(size.y, ImGui::GetFrameHeight());
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton(id, ImVec2(size.x, height));
  pos.y += (height - size.y) / 2;
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 color = hovered ? IM_COL32(0x24, 0x4C, 0x8A, 0xFF) : style::brand;
  draw->AddText(pos, color, shaped.c_str());
  draw->AddLine(ImVec2(pos.x, pos.y + size.y - 1), ImVec2(pos.x + size.x, pos.y + size.y - 1), color);
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  test_hook::record_item(id, "link", std::string(label));
  return pressed;
}

InputResult password_input(const char* id, std::string_view hint, std::string& value, float width) {
  InputResult r;
  const std::string label = std::string("###") + id, before = value;
  ImGui::SetNextItemWidth(width);
  r.submitted = ImGui::InputTextWithHint(label.c_str(), thai::shape(hint).c_str(), &value,
                                         ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  r.changed = value != before;
  test_hook::record_item(id, "password", std::string(hint), std::string(utf8::decode(value).size(), '*'));
  return r;
}

bool multiline(const char* id, std::string_view hint, std::string& value, ImVec2 size) {
  const std::string label = std::string("###") + id, before = value;
  const ImGuiID item = ImGui::GetID(label.c_str());
  const bool editing = ImGui::GetActiveID() == item;
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  const float width = size.x > 0 ? size.x : std::max(ImGui::GetContentRegionAvail().x + size.x, 40.0f);
  // Tall enough for every line as wrapped, so that nothing is hidden when not editing.
  const std::string wrapped = wrap_lines(value, width - 2 * pad.x - ImGui::GetStyle().ScrollbarSize);
  const float lines = float(std::count(wrapped.begin(), wrapped.end(), '\n') + 1);
  const float height = std::max(size.y, lines * ImGui::GetTextLineHeight() + 2 * pad.y + 2);
  // ImGui's multi-line field does not wrap: while it is not being edited, its own text is
  // hidden and the wrapped lines drawn in its place.
  if (!editing) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
  ImGui::InputTextMultiline(label.c_str(), &value, ImVec2(width, height));
  if (!editing) {
    ImGui::PopStyleColor();
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ImVec4 clip(min.x, min.y, max.x, max.y);
    const bool empty = value.empty();
    const std::string shown = empty ? thai::shape(hint) : wrapped;
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(min.x + pad.x, min.y + pad.y),
                                        ImGui::GetColorU32(empty ? ImGuiCol_TextDisabled : ImGuiCol_Text),
                                        shown.data(), shown.data() + shown.size(), 0.0f, &clip);
  }
  test_hook::record_item(id, "multiline", std::string(hint), value);
  return value != before;
}

void field_error(const char* field_id, const domain::FieldError* error, ui::Language language) {
  if (!error) return;
  const std::string_view message = language == ui::Language::th ? error->message_th : error->message_en;
  ImGui::PushStyleColor(ImGuiCol_Text, style::banner_error_text);
  ImGui::BeginGroup();
  text_wrapped(message);
  ImGui::EndGroup();
  ImGui::PopStyleColor();
  test_hook::record_item(std::string(field_id) + ".error", "error", std::string(message), error->code);
}

void error_banner(const char* id, const domain::FieldError* error, ui::Language language) {
  if (!error) return;
  const std::string_view message = language == ui::Language::th ? error->message_th : error->message_en;
  ImGui::BeginGroup();
  style::banner(style::banner_error_bg, style::banner_error_text, [&] { text_wrapped(message); });
  ImGui::EndGroup();
  test_hook::record_item(id, "error", std::string(message), error->code);
}

InputResult field(const char* id, std::string_view label, std::string& value,
                  const domain::FieldError* error, ui::Language language, Field kind, float width) {
  text(label);
  if (width <= 0) width = ImGui::GetContentRegionAvail().x;
  if (error) ImGui::PushStyleColor(ImGuiCol_Border, style::banner_error_text);
  InputResult r = kind == Field::password ? password_input(id, label, value, width)
                                          : input_text(id, label, value, width);
  if (error) ImGui::PopStyleColor();
  field_error(id, error, language);
  return r;
}

bool combo(const char* id, std::string_view placeholder, const std::vector<std::string>& options,
           int& selected, float width) {
  const int before = selected;
  const bool has = selected >= 0 && selected < int(options.size());
  const std::string preview = thai::shape(has ? std::string_view(options[size_t(selected)]) : placeholder);
  ImGui::SetNextItemWidth(width > 0 ? width : ImGui::GetContentRegionAvail().x);
  const std::string label = std::string("###") + id;
  const bool open = ImGui::BeginCombo(label.c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge);
  test_hook::record_item(id, "combo", std::string(placeholder), has ? options[size_t(selected)] : "");
  if (!open) return false;
  static std::string filter;  // one combo is open at a time
  const bool many = options.size() > 12;
  if (ImGui::IsWindowAppearing()) {
    filter.clear();
    if (many) ImGui::SetKeyboardFocusHere();
  }
  if (many) input_text((std::string(id) + ".filter").c_str(), "", filter, ImGui::GetContentRegionAvail().x);
  for (size_t i = 0; i < options.size(); ++i) {
    if (!filter.empty() && options[i].find(filter) == std::string::npos) continue;
    const std::string item_id = std::string(id) + "." + std::to_string(i);
    if (ImGui::Selectable(imgui_label(options[i], item_id.c_str()).c_str(), int(i) == selected))
      selected = int(i);
    test_hook::record_item(item_id, "option", options[i], int(i) == selected ? "selected" : "");
  }
  ImGui::EndCombo();
  return selected != before;
}

bool checkbox(const char* id, std::string_view label, bool& value, bool enabled) {
  if (!enabled) ImGui::BeginDisabled();
  bool changed = ImGui::Checkbox(imgui_label(label, id).c_str(), &value);
  if (!enabled) ImGui::EndDisabled();
  std::string state = value ? "checked" : "";
  if (!enabled) state += state.empty() ? "disabled" : " disabled";
  test_hook::record_item(id, "checkbox", std::string(label), state);
  return changed;
}

void progress_bar(const char* id, float fraction, std::string_view overlay, float width) {
  fraction = std::clamp(fraction, 0.0f, 1.0f);
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, style::brand);
  const std::string shaped = thai::shape(overlay);
  ImGui::ProgressBar(fraction, ImVec2(width > 0 ? width : -FLT_MIN, 0), overlay.empty() ? nullptr : shaped.c_str());
  ImGui::PopStyleColor();
  char value[16];
  std::snprintf(value, sizeof value, "%.2f", fraction);
  test_hook::record_item(id, "progress", std::string(overlay), value);
}

void steps(const char* id, const std::vector<std::string_view>& labels, int current) {
  std::string all;
  ImGui::BeginGroup();
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i) {
      ImGui::SameLine();
      text_colored(style::muted_text, "›");
      ImGui::SameLine();
    }
    const std::string step = std::to_string(i + 1) + " " + std::string(labels[i]);
    text_colored(int(i) == current ? style::brand : style::muted_text, step);
    all += (i ? " › " : "") + step;
  }
  ImGui::EndGroup();
  test_hook::record_item(id, "steps", all, std::to_string(current + 1));
}

bool file_picker(const char* id, std::string_view accept, ChosenFile& file, ui::Language language) {
  using namespace ui::text;
  const std::string_view choose = file_choose.in(language);
  if (platform::has_file_dialog()) {
    const bool pressed = ImGui::Button(imgui_label(choose, id).c_str());
    test_hook::record_item(id, "file", std::string(choose), file.name);
    if (pressed)
      platform::pick_file(
          std::string(accept),
          [&file](platform::PickedFile picked) {
            file.name = std::move(picked.name);
            file.bytes = std::move(picked.bytes);
            file.unreadable = false;
            file.arrived = true;
          },
          std::string(choose));
  } else {
    // No file dialog (natively without zenity, or a kiosk): a path, typed or dropped on the window.
    if (std::string dropped = platform::take_dropped_file(); !dropped.empty()) file.path = dropped;
    const std::string path_id = std::string(id) + ".path";
    const float button_width = text_size(file_load.in(language)).x + 2 * ImGui::GetStyle().FramePadding.x;
    auto r = input_text(path_id.c_str(), file_path_hint.in(language), file.path,
                        ImGui::GetContentRegionAvail().x - button_width - ImGui::GetStyle().ItemSpacing.x);
    ImGui::SameLine();
    const bool pressed = ImGui::Button(imgui_label(file_load.in(language), id).c_str());
    test_hook::record_item(id, "file", std::string(file_load.in(language)), file.name);
    if (pressed || r.submitted) {
      if (auto bytes = platform::read_file(file.path)) {
        size_t slash = file.path.find_last_of("/\\");
        file.name = slash == std::string::npos ? file.path : file.path.substr(slash + 1);
        file.bytes = std::move(*bytes);
        file.unreadable = false;
        file.arrived = true;
      } else {
        file.unreadable = true;
      }
    }
  }
  if (file.unreadable) {
    domain::FieldError e{"file_unreadable", "", std::string(file_unreadable.th), std::string(file_unreadable.en)};
    field_error(id, &e, language);
  } else {
    text_colored(style::muted_text, file.name.empty() ? file_none.in(language) : std::string_view(file.name));
  }
  const bool arrived = file.arrived;
  file.arrived = false;
  return arrived;
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
