#pragma once
// #/kpi: the KPI overview for office staff and schools: the year's KPIs by owner group with
// their [submitted/reviewed/total] per period, a KPI's units × periods (each cell opening
// that report; one period at a time on a narrow screen) and exports.
// Holders of kpi.manage get a link to #/kpi/manage (define KPIs, assign units).
// Reports: #/kpi/school (schools), #/kpi/queue (reviewers).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "wasm/api/client.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/screens/kpi/unit_grid.hpp"
#include "wasm/screens/kpi/unit_table.hpp"

namespace kpi_screens {

class OverviewScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  void retry() override { stale_ = true; }

 private:
  void load(app::Context& ctx);
  void load_summary(app::Context& ctx);
  void draw_kpi(app::Context& ctx);
  void draw_exports(app::Context& ctx);

  int year_ = 0;
  bool loading_ = false, failed_ = false, stale_ = false;
  nlohmann::json kpis_ = nlohmann::json::array();  // sorted by owner group
  std::size_t groups_ = 0;                         // how many owner groups they have
  std::int64_t selected_ = 0;
  nlohmann::json summary_;
  std::size_t period_ = 0;
  std::vector<UnitLine> lines_;
  UnitGrid grid_;
  std::string notice_;
  api::Pending pending_, summary_pending_;
};

}  // namespace kpi_screens
