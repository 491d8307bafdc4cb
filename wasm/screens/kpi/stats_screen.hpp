#pragma once
// #/stats: the public KPI statistics (no sign-in): every KPI of a fiscal year with its
// aggregated progress per period; counts under 3 are hidden by the server. ?office=<code>
// shows only the KPIs that office set.
#include <nlohmann/json.hpp>

#include "wasm/api/client.hpp"
#include "wasm/app/screen.hpp"

namespace app {
struct Context;
}

namespace kpi_screens {

// The current fiscal year (B.E.) on the client's clock.
int current_fiscal_year();
// The route's ?year= (a B.E. fiscal year, by shared's rule), else the current one.
int route_year(const app::Route& route);
// "Fiscal year [combo]": next year, this one and the five before. True when another was chosen
// (`year` then holds it).
bool year_picker(app::Context& ctx, const char* id, int& year);

class StatsScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  void retry() override { stale_ = true; }

 private:
  void load(app::Context& ctx);
  int year_ = 0;
  std::string office_;  // ?office=: that office's KPIs only
  bool loading_ = false, failed_ = false, stale_ = false;
  nlohmann::json data_;
  api::Pending pending_;
};

}  // namespace kpi_screens
