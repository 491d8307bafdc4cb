#include "wasm/screens/kpi/queue_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "shared/calendar/fiscal_year.hpp"
#include "shared/ui/strings_kpi.hpp"
#include "shared/ui/strings_kpi_manage.hpp"
#include "shared/ui/strings_kpi_report.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/route.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/kpi/report_parts.hpp"
#include "wasm/screens/kpi/stats_screen.hpp"
#include "wasm/widgets/flow.hpp"
#include "wasm/widgets/widgets.hpp"

namespace kpi_screens {

using namespace ui::text::kpi_report;

namespace {

std::string kpi_choice(const nlohmann::json& item) { return item.value("number", "") + " " + item.value("name", ""); }

void add_once(std::vector<std::string>& list, const std::string& v) {
  if (std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
}

}  // namespace

void QueueScreen::open(app::Context& ctx, const app::Route& route) {
  year_ = route_year(route);
  kpi_ = period_ = 0;
  load(ctx);
}

void QueueScreen::load(app::Context& ctx) {
  pending_.reset();
  loading_ = true;
  failed_ = stale_ = false;
  ctx.api.get("/api/v1/kpi/queue?year=" + std::to_string(year_), pending_.guard([this](const api::Reply& r) {
    loading_ = false;
    failed_ = !r.ok();
    if (!r.ok() || !r.body.is_array()) return;
    const std::string kpi = kpi_ > 0 && kpi_ <= int(kpis_.size()) ? kpis_[kpi_ - 1] : "";
    const std::string period = period_ > 0 && period_ <= int(periods_.size()) ? periods_[period_ - 1] : "";
    queue_ = r.body;
    kpis_.clear();
    periods_.clear();
    for (const auto& item : queue_) {
      add_once(kpis_, kpi_choice(item));
      add_once(periods_, item.value("period", ""));
    }
    // Keep the filters chosen when they still have reports.
    auto at = [](const std::vector<std::string>& list, const std::string& v) {
      auto it = std::find(list.begin(), list.end(), v);
      return it == list.end() ? 0 : int(it - list.begin()) + 1;
    };
    kpi_ = at(kpis_, kpi);
    period_ = at(periods_, period);
  }));
}

void QueueScreen::draw(app::Context& ctx) {
  if (stale_) load(ctx);
  widgets::heading(ctx.tr(queue_title), ctx.fonts.title);
  widgets::help_link("queue.help", "kpi", ctx.language);
  // Every unit's reports at once, in the overview's grid.
  if (widgets::link("queue.overview", ctx.tr(ui::text::kpi_manage::overview_link)))
    return ctx.nav.go(app::route_string({"kpi"}, {{"year", std::to_string(year_)}}));
  if (year_picker(ctx, "queue.year", year_))  // into the route: back and forward keep it
    ctx.nav.go(app::route_string({"kpi", "queue"}, {{"year", std::to_string(year_)}}));
  std::vector<std::string> kpi_options{std::string(ctx.tr(all_kpis))};
  kpi_options.insert(kpi_options.end(), kpis_.begin(), kpis_.end());
  const float kpi_width = std::min(360.0f, ImGui::GetContentRegionAvail().x);
  widgets::same_line_if_fits(kpi_width);
  widgets::combo("queue.kpi", kpi_options[std::min<std::size_t>(kpi_, kpi_options.size() - 1)], kpi_options, kpi_, kpi_width);
  widgets::same_line_if_fits(std::min(260.0f, ImGui::GetContentRegionAvail().x));
  std::vector<std::string> period_options{std::string(ctx.tr(all_periods))};
  const bool thai = ctx.language == ui::Language::th;
  for (const auto& p : periods_) period_options.push_back(domain::period_label(p, year_, thai));
  const float period_width = std::min(260.0f, ImGui::GetContentRegionAvail().x);
  widgets::combo("queue.period", period_options[std::min<std::size_t>(period_, period_options.size() - 1)], period_options,
                 period_, period_width);
  widgets::same_line_if_fits(widgets::button_width(ctx.tr(ui::text::retry)));
  if (widgets::button("queue.reload", ctx.tr(ui::text::retry))) load(ctx);

  if (loading_) return widgets::text_colored(style::muted_text, ctx.tr(ui::text::kpi::loading));
  if (failed_) return widgets::text(ctx.tr(ui::text::kpi::load_failed));
  int shown = 0;
  for (const auto& item : queue_) {
    if (kpi_ > 0 && kpi_choice(item) != kpis_[kpi_ - 1]) continue;
    if (period_ > 0 && item.value("period", "") != periods_[period_ - 1]) continue;
    const ReportKey key{item.value("kpi_id", std::int64_t{0}), item.value("period", ""), item.value("unit_code", "")};
    const std::string id = "queue." + std::to_string(key.kpi_id) + "." + key.period + "." + key.unit;
    // Two lines, so that a phone's width holds the period's name and the school's.
    const std::string first = item.value("number", "") + " " + domain::period_label(key.period, year_, thai) + "\n" +
                              key.unit + " " + item.value("unit_name", "");
    const std::string line = first + " — " + item.value("name", "") + " — " + std::string(ctx.tr(submitted_at)) + " " +
                             ctx.when(item.value("submitted_at", ""));
    if (widgets::row(id.c_str(), first, line, false)) ctx.nav.go(report_route("review", key));
    ++shown;
  }
  if (shown == 0) widgets::text(ctx.tr(queue_empty));
}

}  // namespace kpi_screens
