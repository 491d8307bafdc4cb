#include "wasm/widgets/test_hook.hpp"

#include <imgui.h>

#include <nlohmann/json.hpp>

namespace test_hook {
namespace {
std::vector<Widget> current, previous;
unsigned long frames = 0;
float scale = 1;
}  // namespace

void set_scale(float s) { scale = s; }

void record_item(std::string id, std::string kind, std::string label, std::string value) {
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  current.push_back({std::move(id), std::move(kind), std::move(label), std::move(value), min.x * scale,
                     min.y * scale, (max.x - min.x) * scale, (max.y - min.y) * scale, ImGui::IsItemActive()});
}

void record_rect(std::string id, std::string kind, std::string label, float x0, float y0, float x1, float y1) {
  current.push_back({std::move(id), std::move(kind), std::move(label), {}, x0 * scale, y0 * scale, (x1 - x0) * scale,
                     (y1 - y0) * scale, false});
}

void begin_frame() { current.clear(); }

void end_frame() {
  previous.swap(current);
  current.clear();
  ++frames;
}

const std::vector<Widget>& last_frame() { return previous; }

float pixels_per_unit() { return scale; }

const Widget* active_text_field(bool this_frame) {
  const Widget* found = nullptr;
  for (const auto& w : this_frame ? current : previous)
    if ((w.kind == "input" || w.kind == "password" || w.kind == "multiline") && w.active) found = &w;
  return found;
}

std::string last_frame_json() {
  auto list = nlohmann::json::array();
  for (const auto& w : previous)
    list.push_back({{"id", w.id}, {"kind", w.kind}, {"label", w.label}, {"value", w.value},
                    {"x", w.x}, {"y", w.y}, {"w", w.w}, {"h", w.h}, {"active", w.active}});
  // Replace, not throw, on invalid UTF-8 typed by a user.
  return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

unsigned long frames_drawn() { return frames; }

}  // namespace test_hook
