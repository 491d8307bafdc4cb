#include "wasm/screens/kpi/stats_screen.hpp"

#include <imgui.h>

#include <cstdio>
#include <ctime>

#include "shared/calendar/fiscal_year.hpp"
#include "shared/ui/strings_kpi.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/route.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/widgets.hpp"

namespace kpi_screens {

namespace {

std::string count(const nlohmann::json& v) { return v.is_number() ? std::to_string(v.get<long long>()) : "<3"; }
std::string average(const nlohmann::json& v) {
  if (!v.is_number()) return "–";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v.get<double>());
  return buf;
}

}  // namespace

int current_fiscal_year() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return domain::fiscal_year_of({tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday});
}

int route_year(const app::Route& route) {
  auto year = domain::parse_fiscal_year(route.get("year"));
  return year ? year.value() : current_fiscal_year();
}

bool year_picker(app::Context& ctx, const char* id, int& year) {
  std::vector<std::string> years;
  const int now = current_fiscal_year();
  for (int y = now + 1; y >= now - 5; --y) years.push_back(std::to_string(y));
  int chosen = now + 1 - year;
  ImGui::AlignTextToFramePadding();
  widgets::text(ctx.tr(ui::text::kpi::fiscal_year));
  ImGui::SameLine();
  if (!widgets::combo(id, std::to_string(year), years, chosen, 120)) return false;
  year = now + 1 - chosen;
  return true;
}

void StatsScreen::open(app::Context& ctx, const app::Route& route) {
  year_ = route_year(route);
  office_ = route.get("office");
  load(ctx);
}

void StatsScreen::load(app::Context& ctx) {
  pending_.reset();
  loading_ = true;
  failed_ = stale_ = false;
  ctx.api.get("/api/v1/public/stats?year=" + std::to_string(year_), pending_.guard([this](const api::Reply& r) {
    loading_ = false;
    failed_ = !r.ok();
    if (r.ok()) data_ = r.body;
  }));
}

void StatsScreen::draw(app::Context& ctx) {
  using namespace ui::text::kpi;
  if (stale_) load(ctx);
  widgets::heading(ctx.tr(stats_title), ctx.fonts.title);
  widgets::text_wrapped(ctx.tr(stats_intro));
  if (year_picker(ctx, "stats.year", year_)) {  // into the route: back and forward keep it
    std::map<std::string, std::string> query = {{"year", std::to_string(year_)}};
    if (!office_.empty()) query["office"] = office_;
    ctx.nav.go(app::route_string({"stats"}, query));
  }
  if (loading_) return widgets::text_colored(style::muted_text, ctx.tr(ui::text::kpi::loading));
  if (failed_) return widgets::text(ctx.tr(load_failed));
  const auto& kpis = data_.value("kpis", nlohmann::json::array());
  // ?office=: only the KPIs one office set (a school's own office, from the home search).
  std::string office_name;
  for (const auto& k : kpis)
    if (k.value("office_code", "") == office_) office_name = k.value("office_name", "");
  if (!office_.empty()) {
    widgets::text_wrapped(std::string(ctx.tr(stats_of_office)) + " " +
                          (office_name.empty() ? office_ : office_name));
    if (widgets::link("stats.all", ctx.tr(stats_all_offices))) ctx.nav.go("#/stats?year=" + std::to_string(year_));
  }
  if (kpis.empty() || (!office_.empty() && office_name.empty())) return widgets::text(ctx.tr(no_kpis));
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("###stats", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  widgets::table_column(ctx.tr(column_kpi));
  widgets::table_column(ctx.tr(column_period), 150);
  widgets::table_column(ctx.tr(column_progress), 150);
  widgets::table_column(ctx.tr(column_avg_self), 110);
  widgets::table_column(ctx.tr(column_avg_review), 110);
  ImGui::TableHeadersRow();
  for (const auto& k : kpis) {
    if (!office_.empty() && k.value("office_code", "") != office_) continue;
    const std::string name = k.value("number", "") + " " + k.value("name", "");
    bool first = true;
    for (const auto& p : k["periods"]) {
      if (p["total"].is_number() && p["total"].get<long long>() == 0) continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string progress = "[" + count(p["submitted"]) + "/" + count(p["reviewed"]) + "/" + count(p["total"]) + "]";
      const std::string id = "stats." + std::to_string(k.value("id", 0)) + "." + p.value("period", "");
      widgets::row(id.c_str(), first ? name : "", name + " " + p.value("label_th", "") + " " + progress, false);
      first = false;
      ImGui::TableNextColumn();
      widgets::text(ctx.language == ui::Language::th ? p.value("label_th", "") : p.value("label_en", ""));
      ImGui::TableNextColumn();
      widgets::text(progress);
      ImGui::TableNextColumn();
      widgets::text(average(p["avg_self"]));
      ImGui::TableNextColumn();
      widgets::text(average(p["avg_review"]));
    }
  }
  ImGui::EndTable();
}

}  // namespace kpi_screens
