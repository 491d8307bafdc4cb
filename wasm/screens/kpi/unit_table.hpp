#pragma once
// The per-unit overview of one KPI period: ★ self score with reporter, ✓ review score with
// reviewer, or "waiting to submit" / "waiting for review". Virtualised (ImGuiListClipper):
// only the visible rows are laid out, so 1,000 units cost what a screenful costs.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "shared/ui/strings.hpp"

namespace kpi_screens {

struct UnitLine {
  std::string code;
  std::string status;  // waiting_submit | draft | waiting_review | reviewed | returned
  std::string self;    // "★ 4 ครูสมศรี" or ""
  std::string review;  // "✓ 3 ศน.สมชาย" or ""
  std::string row_text;  // for the test hook
};

// The unit list's word for a report state ("รอตรวจ").
const ui::Text& status_text(const std::string& status);
// From one period of GET /api/v1/kpi/{id}/summary.
std::vector<UnitLine> unit_lines(const nlohmann::json& period);

void draw_unit_table(const char* id, const std::vector<UnitLine>& lines, ui::Language language, float height);

}  // namespace kpi_screens
