#pragma once
// #/kpi/units/<kpi id>/<period> (kpi.manage): which of the office's schools report in one
// period of a KPI. A filter, "select all" / "clear" (of the schools shown), a virtualised
// list (ImGuiListClipper: an office may have hundreds of schools). A school that has
// reported stays chosen, greyed, with the reason; the server refuses its removal anyway
// (409 unit_has_reported) and its message is shown. Saving shows the new total.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"

namespace kpi_screens {

class UnitsScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  void retry() override { stale_ = true; }

 private:
  struct School {
    std::string code, name, status;  // status: of its report, "" when not assigned
    bool chosen = false;
    bool reported = false;  // cannot be removed
  };
  // `keep_choices`: the user's unsaved choices survive (after a refusal).
  void load(app::Context& ctx, bool keep_choices);
  void apply_filter();
  void save(app::Context& ctx);
  void draw_list(app::Context& ctx);

  std::string id_, period_;
  nlohmann::json kpi_;
  std::vector<School> schools_;
  std::vector<std::size_t> shown_;  // schools_ matching the filter
  std::string filter_;
  bool loading_ = false, saving_ = false, dirty_ = false, stale_ = false;
  int saved_total_ = -1;
  api::FormErrors errors_;
  api::Pending pending_, kpi_pending_;
};

}  // namespace kpi_screens
