#pragma once
// The KPI itself, where schools report and reviewers judge: its description, type, criteria
// levels, owner group, and its documents (description, assessment tool) to download.
#include <nlohmann/json.hpp>
#include <string>

#include "shared/ui/strings.hpp"

namespace app {
struct Context;
}

namespace kpi_screens {

// "คำอธิบายตัวชี้วัด" for a document's kind ("description", "assessment_tool", other).
const ui::Text& document_kind_name(const std::string& kind);

// `kpi` is GET /api/v1/kpi/{id}'s reply. Test hook: "<id>.facts" (the type, criteria and
// group line), "<id>.doc.<doc id>" (a download button each). A failed download's words go
// to `notice`.
void draw_kpi_about(app::Context& ctx, const char* id, const nlohmann::json& kpi, std::string& notice);

}  // namespace kpi_screens
