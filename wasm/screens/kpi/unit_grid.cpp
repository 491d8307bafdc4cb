#include "wasm/screens/kpi/unit_grid.hpp"

#include <imgui.h>

#include <map>

#include "shared/ui/strings_kpi.hpp"
#include "wasm/screens/kpi/unit_table.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace kpi_screens {

UnitGrid unit_grid(const nlohmann::json& summary) {
  UnitGrid g;
  std::map<std::string, std::size_t> row_of;
  const auto& names = summary.value("unit_names", nlohmann::json::object());
  const auto& periods = summary.value("periods", nlohmann::json::array());
  std::vector<const nlohmann::json*> used;
  for (const auto& p : periods)
    if (p.value("total", 0) > 0) {
      g.columns.push_back({p.value("period", ""), p.value("label_th", ""), p.value("label_en", "")});
      used.push_back(&p);
    }
  for (std::size_t c = 0; c < used.size(); ++c)
    for (const auto& u : used[c]->value("units", nlohmann::json::array())) {
      const std::string code = u.value("unit_code", "");
      auto [it, added] = row_of.emplace(code, g.rows.size());
      if (added) g.rows.push_back({code, names.value(code, ""), std::vector<nlohmann::json>(used.size())});
      g.rows[it->second].cells[c] = u;
    }
  return g;
}

namespace {

std::string cell_text(const nlohmann::json& u, ui::Language lang) {
  const std::string s = u.value("status", "waiting_submit");
  std::string out(status_text(s).in(lang));
  if (s != "waiting_submit" && u["self_score"].is_number()) out += " " + score_text(u["self_score"]);
  if (u["review_score"].is_number()) out += "/" + score_text(u["review_score"]);
  return out;
}

}  // namespace

std::optional<ReportKey> draw_unit_grid(const char* id, const UnitGrid& grid, std::int64_t kpi_id, bool can_open,
                                        ui::Language lang, float height) {
  std::optional<ReportKey> opened;
  if (grid.columns.empty()) return opened;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX;
  if (!ImGui::BeginTable(id, int(grid.columns.size()) + 1, flags, ImVec2(0, height))) return opened;
  ImGui::TableSetupScrollFreeze(1, 1);
  widgets::table_column(ui::text::kpi::column_unit.in(lang), 300);
  for (const auto& c : grid.columns) widgets::table_column(lang == ui::Language::th ? c.label_th : c.label_en, 190);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;  // 1,000 units cost what a screenful costs
  clipper.Begin(int(grid.rows.size()));
  while (clipper.Step())
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const auto& row = grid.rows[std::size_t(r)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      widgets::text(row.name.empty() ? row.code : row.code + " " + row.name);  // one line: the clipper's rows are even
      for (std::size_t c = 0; c < grid.columns.size(); ++c) {
        ImGui::TableNextColumn();
        if (row.cells[c].is_null()) continue;
        const std::string cell_id = std::string(id) + "." + row.code + "." + grid.columns[c].period;
        const std::string text = cell_text(row.cells[c], lang);
        if (!can_open) {
          widgets::text(text);
          test_hook::record_item(cell_id, "text", text, row.cells[c].value("status", ""));
        } else if (widgets::button(cell_id.c_str(), text)) {
          opened = ReportKey{kpi_id, grid.columns[c].period, row.code};
        }
      }
    }
  ImGui::EndTable();
  return opened;
}

}  // namespace kpi_screens
