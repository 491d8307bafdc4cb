#pragma once
// #/kpi/queue[?year=]: the reports waiting for review in the reviewer's offices
// (GET /api/v1/kpi/queue), narrowed by KPI and period in the client; a row opens the
// review screen.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "wasm/api/client.hpp"
#include "wasm/app/screen.hpp"

namespace kpi_screens {

class QueueScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  void retry() override { stale_ = true; }

 private:
  void load(app::Context& ctx);

  int year_ = 0;
  bool loading_ = false, failed_ = false, stale_ = false;
  nlohmann::json queue_ = nlohmann::json::array();
  std::vector<std::string> kpis_, periods_;  // the filters' choices, from the queue
  int kpi_ = 0, period_ = 0;                 // 0: all
  api::Pending pending_;
};

}  // namespace kpi_screens
