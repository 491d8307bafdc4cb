#include "wasm/screens/kpi/kpi_about.hpp"

#include <imgui.h>

#include "shared/kpi/kpi_definition.hpp"
#include "shared/ui/strings_kpi_manage.hpp"
#include "shared/ui/strings_kpi_report.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace kpi_screens {

using namespace ui::text::kpi_manage;

const ui::Text& document_kind_name(const std::string& kind) {
  if (kind == "description") return kind_description;
  if (kind == "assessment_tool") return kind_assessment_tool;
  return kind_other;
}

void draw_kpi_about(app::Context& ctx, const char* id, const nlohmann::json& kpi, std::string& notice) {
  if (!kpi.is_object()) return;
  const bool th = ctx.language == ui::Language::th;
  const std::string base = id;
  if (!kpi.value("description", "").empty())
    widgets::text_wrapped(kpi.value("description", ""));
  // One line of facts: type, criteria levels, the office's group that owns the KPI.
  std::string facts = std::string(ctx.tr(type)) + ": ";
  auto t = domain::parse_kpi_type(kpi.value("type", ""));
  if (t) facts += th ? domain::kpi_type_label_th(t.value()) : domain::kpi_type_label_en(t.value());
  std::vector<double> levels;
  for (const auto& v : kpi.value("criteria", nlohmann::json::array()))
    if (v.is_number()) levels.push_back(v.get<double>());
  if (!levels.empty())
    facts += std::string(" · ") + std::string(ctx.tr(ui::text::kpi_report::criteria_levels)) + " " + domain::criteria_text(levels);
  if (!kpi.value("owner_group", "").empty())
    facts += std::string(" · ") + std::string(ctx.tr(owner_group)) + ": " + kpi.value("owner_group", "");
  ImGui::PushStyleColor(ImGuiCol_Text, style::muted_text);
  widgets::text_wrapped(facts);
  ImGui::PopStyleColor();
  test_hook::record_item(base + ".facts", "text", facts, kpi.value("owner_group", ""));
  const auto& docs = kpi.value("documents", nlohmann::json::array());
  for (const auto& d : docs) {
    const std::string name = d.value("name", "");
    // The title wraps on its own line: a long one never widens a phone's screen.
    const std::string label = std::string(ctx.tr(document_kind_name(d.value("kind", "")))) + ": " +
                              (d.value("label", "").empty() ? name : d.value("label", "") + " (" + name + ")");
    const std::string doc_id = base + ".doc." + std::to_string(d.value("id", std::int64_t{0}));
    widgets::text_wrapped(label);
    test_hook::record_item(doc_id + ".title", "text", label, d.value("kind", ""));
    if (widgets::button(doc_id.c_str(), ctx.tr(ui::text::kpi_report::download)))
      ctx.api.download("/api/v1/files/" + d.value("file_id", ""), name, [&notice, &ctx](const api::Reply& r, const std::string& saved_as) {
        notice = r.ok() ? saved_as : std::string(r.error ? ctx.tr(*r.error) : std::string_view());
      });
  }
}

}  // namespace kpi_screens
