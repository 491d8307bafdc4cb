#pragma once
// #/kpi/manage[?year=] (kpi.manage): the KPIs of a fiscal year of the controller's office,
// with their status and each period's [submitted/reviewed/total]; "new KPI", "edit", the
// units of a period, and copying the year's KPIs into the next fiscal year (confirmed
// first, the count of copies shown).
#include <nlohmann/json.hpp>
#include <string>

#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"

namespace kpi_screens {

class ManageScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  void retry() override { stale_ = true; }

 private:
  void load(app::Context& ctx);
  void draw_copy(app::Context& ctx);
  void copy_year_now(app::Context& ctx);
  void draw_table(app::Context& ctx);

  int year_ = 0;
  bool loading_ = false, stale_ = false;
  nlohmann::json kpis_ = nlohmann::json::array();
  enum class Copy { idle, copying, done } copy_ = Copy::idle;
  int copied_ = 0;
  api::FormErrors errors_;
  api::Pending pending_, copy_pending_;
};

}  // namespace kpi_screens
