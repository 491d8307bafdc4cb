#include "wasm/app/onscreen_keyboard.hpp"

#include <algorithm>

#include "shared/ui/strings_kiosk.hpp"
#include "wasm/app/context.hpp"
#include "wasm/platform/platform.hpp"
#include "wasm/widgets/test_hook.hpp"

namespace app {

namespace {

constexpr float key_height = 52, gap = 6;

// A combining Thai mark (above or below the line) is shown after a space, alone.
bool inside(ImVec2 at, ImVec2 min, ImVec2 max) { return at.x >= min.x && at.x < max.x && at.y >= min.y && at.y < max.y; }

bool combining(const std::string& s) {
  if (s.size() != 3) return false;
  const auto b = [&](int i) { return unsigned(static_cast<unsigned char>(s[std::size_t(i)])); };
  const unsigned c = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E);
}

std::string label_of(const domain::Key& key, domain::KeyboardLayout layout, const Context& ctx) {
  using namespace ui::text;
  switch (key.action) {
    case domain::KeyAction::text: return combining(key.text) ? " " + key.text : key.text;
    case domain::KeyAction::backspace: return std::string(ctx.tr(osk_backspace));
    case domain::KeyAction::enter: return std::string(ctx.tr(osk_enter));
    case domain::KeyAction::next_field: return std::string(ctx.tr(osk_next));
    case domain::KeyAction::shift: return std::string(ctx.tr(osk_shift));
    case domain::KeyAction::space: return std::string(ctx.tr(osk_space));
    case domain::KeyAction::next_layout: return std::string(domain::layout_name(domain::next_layout(layout)));
  }
  return {};
}

}  // namespace

void OnScreenKeyboard::draw(Context& ctx) {
  ImGuiIO& io = ImGui::GetIO();
  if (release_key_ >= 0) {
    io.KeysDown[release_key_] = false;
    release_key_ = -1;
  }
  const test_hook::Widget* editing = test_hook::active_text_field();
  if (!io.WantTextInput || !editing) {
    shown_ = false;
    placed_.clear();
    field_.clear();
    return;
  }
  if (editing->id != field_) {
    field_ = editing->id;
    layout_ = domain::keyboard_for_field(field_);
    shifted_ = false;
  }
  shown_ = true;
  const auto rows = domain::keyboard_rows(layout_, shifted_);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  float units = 0;
  for (const auto& r : rows) {
    float u = 0;
    for (const auto& k : r) u += k.width;
    units = std::max(units, u);
  }
  const float most = std::min(vp->WorkSize.x, 1100.0f);
  const float key_w = std::min(96.0f, (most - gap * (units + 1)) / units);
  const float height = rows.size() * (key_height + gap) + gap;
  panel_min_ = ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - height);
  panel_max_ = ImVec2(vp->WorkPos.x + vp->WorkSize.x, vp->WorkPos.y + vp->WorkSize.y);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(panel_min_, panel_max_, IM_COL32(222, 226, 232, 255));
  placed_.clear();
  float y = panel_min_.y + gap;
  for (const auto& r : rows) {
    float width = gap;
    for (const auto& k : r) width += k.width * key_w + (k.width - 1) * gap + gap;
    float x = vp->WorkPos.x + (vp->WorkSize.x - width) / 2 + gap;
    for (const auto& k : r) {
      const float w = k.width * key_w + (k.width - 1) * gap;
      const ImVec2 min(x, y), max(x + w, y + key_height);
      const bool down = pressed_ == int(placed_.size()) ||
                        (k.action == domain::KeyAction::shift && shifted_);
      dl->AddRectFilled(min, max, down ? IM_COL32(180, 200, 235, 255) : IM_COL32(255, 255, 255, 255), 6);
      const std::string label = label_of(k, layout_, ctx);
      const ImVec2 size = ImGui::CalcTextSize(label.c_str());
      dl->AddText(ImVec2(min.x + (w - size.x) / 2, min.y + (key_height - size.y) / 2), IM_COL32(20, 24, 32, 255),
                  label.c_str());
      test_hook::record_rect(domain::key_id(k), "key", label, min.x, min.y, max.x, max.y);
      placed_.push_back({k, min, max});
      x += w + gap;
    }
    y += key_height + gap;
  }
}

bool OnScreenKeyboard::take(ImVec2 at, bool down) {
  if (!down && pressed_ >= 0) {  // the release of a press that was the keyboard's
    const int was = pressed_;
    pressed_ = -1;
    const auto& p = placed_[std::size_t(was)];
    if (inside(at, p.min, p.max)) act(p.key);
    platform::request_redraw();
    return true;
  }
  if (!shown_ || !inside(at, panel_min_, panel_max_)) return false;
  if (down) {
    for (std::size_t i = 0; i < placed_.size(); ++i)
      if (inside(at, placed_[i].min, placed_[i].max)) pressed_ = int(i);
    platform::request_redraw();
  }
  return true;
}

void OnScreenKeyboard::act(const domain::Key& key) {
  ImGuiIO& io = ImGui::GetIO();
  auto press = [&](ImGuiKey k) {
    release_key_ = io.KeyMap[k];
    if (release_key_ >= 0) io.KeysDown[release_key_] = true;  // let go of in the next frame's draw()
  };
  switch (key.action) {
    case domain::KeyAction::text:
      io.AddInputCharactersUTF8(key.text.c_str());
      shifted_ = false;  // one capital, one upper sign, as on a phone
      break;
    case domain::KeyAction::space: io.AddInputCharactersUTF8(" "); break;
    case domain::KeyAction::backspace: press(ImGuiKey_Backspace); break;
    case domain::KeyAction::enter: press(ImGuiKey_Enter); break;
    case domain::KeyAction::next_field: press(ImGuiKey_Tab); break;  // ImGui's Tab: the next field
    case domain::KeyAction::shift: shifted_ = !shifted_; break;
    case domain::KeyAction::next_layout:
      layout_ = domain::next_layout(layout_);
      shifted_ = false;
      break;
  }
}

}  // namespace app
