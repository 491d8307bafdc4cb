#include "wasm/screens/kpi/unit_table.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "shared/ui/strings_kpi.hpp"
#include "wasm/widgets/widgets.hpp"

namespace kpi_screens {

namespace {

std::string score(const nlohmann::json& v) {
  if (!v.is_number()) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%g", v.get<double>());
  return buf;
}

// ★ and ✓ are not in the Thai UI font: drawn as shapes, one text line high.
void icon(bool star, ImU32 color) {
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 c(p.x + h / 2, p.y + h / 2);
  if (star) {
    ImVec2 pts[10];
    for (int i = 0; i < 10; ++i) {
      const float pi = 3.14159265f, a = -pi / 2 + i * pi / 5, r = (i % 2 ? 0.2f : 0.45f) * h;
      pts[i] = ImVec2(c.x + r * std::cos(a), c.y + r * std::sin(a));
    }
    ImVec2 inner[5];
    for (int i = 0; i < 5; ++i) {
      inner[i] = pts[2 * i + 1];
      dl->AddTriangleFilled(pts[2 * i], pts[2 * i + 1], pts[(2 * i + 9) % 10], color);  // a spike
    }
    dl->AddConvexPolyFilled(inner, 5, color);
  } else {
    const ImVec2 pts[3] = {ImVec2(p.x + 0.15f * h, c.y), ImVec2(p.x + 0.4f * h, p.y + 0.75f * h),
                           ImVec2(p.x + 0.85f * h, p.y + 0.25f * h)};
    dl->AddPolyline(pts, 3, color, 0, 0.12f * h);
  }
  ImGui::Dummy(ImVec2(h, h));
  ImGui::SameLine(0, 2);
}

}  // namespace

const ui::Text& status_text(const std::string& s) {
  using namespace ui::text::kpi;
  if (s == "draft") return draft;
  if (s == "waiting_review") return waiting_review;
  if (s == "reviewed") return reviewed;
  if (s == "returned") return returned;
  return waiting_submit;
}

std::vector<UnitLine> unit_lines(const nlohmann::json& period) {
  std::vector<UnitLine> out;
  for (const auto& u : period.value("units", nlohmann::json::array())) {
    UnitLine l;
    l.code = u.value("unit_code", "");
    l.status = u.value("status", "waiting_submit");
    const std::string self = score(u["self_score"]), review = score(u["review_score"]);
    if (!self.empty() && l.status != "waiting_submit") l.self = self + " " + u.value("reporter", "");
    if (!review.empty()) l.review = review + " " + u.value("reviewer", "");
    l.row_text = l.code + " " + l.status + (l.self.empty() ? "" : " ★ " + l.self) + (l.review.empty() ? "" : " ✓ " + l.review);
    out.push_back(std::move(l));
  }
  return out;
}

void draw_unit_table(const char* id, const std::vector<UnitLine>& lines, ui::Language lang, float height) {
  using namespace ui::text::kpi;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable(id, 4, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  widgets::table_column(column_unit.in(lang), widgets::text_size("0000000000").x + 8);
  widgets::table_column(column_status.in(lang), 170);
  widgets::table_column(column_self.in(lang));
  widgets::table_column(column_review.in(lang));
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(lines.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const UnitLine& l = lines[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string row_id = std::string(id) + "." + l.code;
      widgets::row(row_id.c_str(), l.code, l.row_text, false);
      ImGui::TableNextColumn();
      widgets::text(status_text(l.status).in(lang));
      ImGui::TableNextColumn();
      if (!l.self.empty()) {
        icon(true, IM_COL32(230, 160, 0, 255));
        widgets::text(l.self);
      }
      ImGui::TableNextColumn();
      if (!l.review.empty()) {
        icon(false, IM_COL32(30, 140, 60, 255));
        widgets::text(l.review);
      }
    }
  }
  ImGui::EndTable();
}

}  // namespace kpi_screens
