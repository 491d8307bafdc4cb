#pragma once
// A KPI's units × periods (the grid the XLSX export has): one row per unit, one column per
// period with units assigned, each cell the report's state and scores, opening that report.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "shared/ui/strings.hpp"
#include "wasm/screens/kpi/report_parts.hpp"

namespace kpi_screens {

struct UnitGrid {
  struct Column {
    std::string period, label_th, label_en;
  };
  struct Row {
    std::string code, name;
    std::vector<nlohmann::json> cells;  // per column: the unit's line, or null (not assigned)
  };
  std::vector<Column> columns;
  std::vector<Row> rows;
};

// From GET /api/v1/kpi/{id}/summary: the periods with units, every unit of any of them.
UnitGrid unit_grid(const nlohmann::json& summary);

// Cell "<id>.<unit>.<period>": state, "self/review" scores; a button when `can_open` (the
// user reviews reports), text otherwise. Returns the report pressed.
std::optional<ReportKey> draw_unit_grid(const char* id, const UnitGrid& grid, std::int64_t kpi_id, bool can_open,
                                        ui::Language language, float height);

}  // namespace kpi_screens
