#include "wasm/screens/kpi/school_kpis_screen.hpp"

#include <imgui.h>

#include "shared/ui/strings_kpi.hpp"
#include "shared/ui/strings_kpi_report.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/route.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/kpi/report_parts.hpp"
#include "wasm/screens/kpi/stats_screen.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace kpi_screens {

using namespace ui::text::kpi_report;

void SchoolKpisScreen::open(app::Context& ctx, const app::Route& route) {
  year_ = route_year(route);
  load(ctx);
}

void SchoolKpisScreen::load(app::Context& ctx) {
  pending_.reset();
  loading_ = true;
  failed_ = stale_ = false;
  ctx.api.get("/api/v1/kpi?year=" + std::to_string(year_), pending_.guard([this](const api::Reply& r) {
    loading_ = false;
    failed_ = !r.ok();
    if (r.ok() && r.body.is_array()) kpis_ = r.body;
  }));
}

void SchoolKpisScreen::draw(app::Context& ctx) {
  if (stale_) load(ctx);
  widgets::heading(ctx.tr(school_title), ctx.fonts.title);
  widgets::help_link("school.help", "kpi", ctx.language);
  widgets::text_wrapped(ctx.tr(school_intro));
  // Into the route, so back and forward come back to the year chosen.
  if (year_picker(ctx, "school.year", year_)) ctx.nav.go(app::route_string({"kpi", "school"}, {{"year", std::to_string(year_)}}));
  if (loading_) return widgets::text_colored(style::muted_text, ctx.tr(ui::text::kpi::loading));
  if (failed_) {
    widgets::text(ctx.tr(ui::text::kpi::load_failed));
    if (widgets::button("school.retry", ctx.tr(ui::text::retry))) load(ctx);
    return;
  }
  const std::string unit = ctx.session.user() ? ctx.session.user()->org_code : "";
  bool any = false;
  for (const auto& k : kpis_) {
    bool shown = false;
    for (const auto& p : k.value("periods", nlohmann::json::array())) {
      if (!p.contains("mine")) continue;
      const auto& mine = p["mine"];
      if (!shown) {
        ImGui::Separator();
        widgets::text_wrapped(k.value("number", "") + " " + k.value("name", ""));
        shown = any = true;
      }
      ImGui::Indent();
      const std::string status = mine.value("status", "");
      std::string line = (ctx.language == ui::Language::th ? p.value("label_th", "") : p.value("label_en", "")) +
                         " — " + status_label(status, ctx.language);
      if (mine.value("self_score", nlohmann::json()).is_number()) line += "  " + std::string(ctx.tr(self_score_short)) + " " + score_text(mine["self_score"]);
      if (status == "reviewed") line += "  " + std::string(ctx.tr(review_score_short)) + " " + score_text(mine.value("review_score", nlohmann::json()));
      if (!p.value("open", false)) line += "  (" + std::string(ctx.tr(period_closed)) + ")";
      const ReportKey key{k.value("id", std::int64_t{0}), p.value("period", ""), mine.value("unit_code", unit)};
      const std::string base = "school." + std::to_string(key.kpi_id) + "." + key.period;
      ImGui::AlignTextToFramePadding();
      widgets::text(line);
      test_hook::record_item(base + ".state", "text", line, status);
      ImGui::SameLine();
      const bool can_report = mine.value("can_report", false);
      if (widgets::button((base + ".open").c_str(), ctx.tr(can_report ? action_report : action_view)))
        ctx.nav.go(report_route("report", key));
      if (status == "returned" && !mine.value("return_reason", "").empty()) {
        const std::string reason = std::string(ctx.tr(returned_reason)) + " " + mine.value("return_reason", "");
        widgets::text_colored(style::banner_error_text, reason);
        test_hook::record_item(base + ".reason", "text", reason, mine.value("return_reason", ""));
      }
      ImGui::Unindent();
    }
  }
  if (!any) widgets::text(ctx.tr(no_assigned));
}

}  // namespace kpi_screens
