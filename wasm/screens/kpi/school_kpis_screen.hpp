#pragma once
// #/kpi/school[?year=]: the signed-in school's KPIs of a fiscal year, each period it is
// assigned with its report's state (draft, waiting for review, reviewed with the score,
// returned with the reason) and "Report" where the API says it may report (can_report).
#include <nlohmann/json.hpp>

#include "wasm/api/client.hpp"
#include "wasm/app/screen.hpp"

namespace kpi_screens {

class SchoolKpisScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  void retry() override { stale_ = true; }

 private:
  void load(app::Context& ctx);

  int year_ = 0;
  bool loading_ = false, failed_ = false, stale_ = false;
  nlohmann::json kpis_ = nlohmann::json::array();
  api::Pending pending_;
};

}  // namespace kpi_screens
