#include "wasm/screens/kpi/overview_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "shared/ui/strings_kpi.hpp"
#include "shared/ui/strings_kpi_manage.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/route.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/kpi/stats_screen.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace kpi_screens {

namespace {

std::string average(const nlohmann::json& v) {
  if (!v.is_number()) return "–";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v.get<double>());
  return buf;
}
std::string progress(const nlohmann::json& p) {
  return "[" + std::to_string(p.value("submitted", 0)) + "/" + std::to_string(p.value("reviewed", 0)) + "/" +
         std::to_string(p.value("total", 0)) + "]";
}

}  // namespace

void OverviewScreen::open(app::Context& ctx, const app::Route& route) {
  year_ = route_year(route);
  selected_ = 0;
  load(ctx);
}

void OverviewScreen::load(app::Context& ctx) {
  pending_.reset();
  loading_ = true;
  failed_ = stale_ = false;
  ctx.api.get("/api/v1/kpi?year=" + std::to_string(year_), pending_.guard([this, &ctx](const api::Reply& r) {
    loading_ = false;
    failed_ = !r.ok();
    if (!r.ok()) return;
    kpis_ = r.body.is_array() ? r.body : nlohmann::json::array();
    // Grouped by the office's group that owns them, as the seed's lists are.
    std::stable_sort(kpis_.begin(), kpis_.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
      return a.value("owner_group", "") < b.value("owner_group", "");
    });
    groups_ = 0;
    for (std::size_t i = 0; i < kpis_.size(); ++i)
      if (i == 0 || kpis_[i].value("owner_group", "") != kpis_[i - 1].value("owner_group", "")) ++groups_;
    if (selected_) load_summary(ctx);
  }));
}

void OverviewScreen::load_summary(app::Context& ctx) {
  summary_pending_.reset();
  ctx.api.get("/api/v1/kpi/" + std::to_string(selected_) + "/summary", summary_pending_.guard([this](const api::Reply& r) {
    if (!r.ok()) return;
    summary_ = r.body;
    const auto& periods = summary_["periods"];
    // The first period with assigned units, unless one is chosen already.
    if (period_ >= periods.size() || periods[period_].value("total", 0) == 0)
      for (std::size_t i = 0; i < periods.size(); ++i)
        if (periods[i].value("total", 0) > 0) {
          period_ = i;
          break;
        }
    lines_ = period_ < periods.size() ? unit_lines(periods[period_]) : std::vector<UnitLine>{};
    grid_ = unit_grid(summary_);
  }));
}

void OverviewScreen::draw(app::Context& ctx) {
  using namespace ui::text::kpi;
  if (stale_) load(ctx);
  widgets::heading(ctx.tr(overview_title), ctx.fonts.title);
  if (const app::User* user = ctx.session.user(); user && user->can(domain::Permission::kpi_manage))
    if (widgets::link("kpi.manage", ctx.tr(ui::text::kpi_manage::manage_link)))
      ctx.nav.go(app::route_string({"kpi", "manage"}, {{"year", std::to_string(year_)}}));
  if (year_picker(ctx, "kpi.year", year_))  // into the route: back and forward keep it
    ctx.nav.go(app::route_string({"kpi"}, {{"year", std::to_string(year_)}}));
  ImGui::SameLine();
  const auto save = [&](const std::string& path, const std::string& name) {
    ctx.api.download(path, name, [this, &ctx](const api::Reply& r, const std::string& saved_as) {
      notice_ = r.ok() ? std::string(ctx.tr(export_done)) + saved_as : std::string(r.error ? ctx.tr(*r.error) : std::string_view());
    });
  };
  const std::string y = std::to_string(year_);
  if (widgets::button("kpi.export.xlsx", ctx.tr(export_xlsx))) save("/api/v1/kpi/export.xlsx?year=" + y, "kpi-" + y + ".xlsx");
  ImGui::SameLine();
  if (widgets::button("kpi.export.csv", ctx.tr(export_csv))) save("/api/v1/kpi/export.csv?year=" + y, "kpi-" + y + ".csv");
  if (!notice_.empty()) widgets::text_colored(style::muted_text, notice_);

  if (loading_) return widgets::text_colored(style::muted_text, ctx.tr(ui::text::kpi::loading));
  if (failed_) return widgets::text(ctx.tr(load_failed));
  if (kpis_.empty()) return widgets::text(ctx.tr(no_kpis));

  // The year's KPIs: one row each, with every period's [submitted/reviewed/total].
  const float row_height = ImGui::GetFrameHeightWithSpacing();
  const float list_height = std::min(std::max(ImGui::GetContentRegionAvail().y * 0.35f, 3 * row_height),
                                     row_height * float(1 + kpis_.size() + groups_) + 8);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_ScrollY;
  if (ImGui::BeginTable("###kpis", 2, flags, ImVec2(0, list_height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    widgets::table_column(ctx.tr(column_kpi));
    widgets::table_column(ctx.tr(column_progress), 330);
    ImGui::TableHeadersRow();
    std::string group = "\x01";  // no group's name: the first KPI opens its group
    int groups = 0;
    for (const auto& k : kpis_) {
      if (k.value("owner_group", "") != group) {
        group = k.value("owner_group", "");
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string heading = group.empty() ? std::string(ctx.tr(no_group)) : group;
        widgets::text_colored(style::brand, heading);
        test_hook::record_item("kpi.group." + std::to_string(groups++), "text", heading, group);
      }
      const auto id = k.value("id", std::int64_t{0});
      std::string periods;
      for (const auto& p : k["periods"])
        if (p.value("total", 0) > 0)
          periods += p.value(ctx.language == ui::Language::th ? "label_th" : "label_en", p.value("period", "")) + " " +
                     progress(p) + "  ";
      const std::string name = k.value("number", "") + " " + k.value("name", "");
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string row_id = "kpi.row." + std::to_string(id);
      if (widgets::row(row_id.c_str(), name, name + " " + periods, selected_ == id)) {
        selected_ = id;
        period_ = 0;
        lines_.clear();
        summary_ = nullptr;
        load_summary(ctx);
      }
      ImGui::TableNextColumn();
      widgets::text(periods);
    }
    ImGui::EndTable();
  }
  if (!selected_) return widgets::text_colored(style::muted_text, ctx.tr(choose_kpi));
  draw_kpi(ctx);
}

void OverviewScreen::draw_kpi(app::Context& ctx) {
  using namespace ui::text::kpi;
  if (!summary_.is_object()) return widgets::text_colored(style::muted_text, ctx.tr(ui::text::kpi::loading));
  draw_exports(ctx);
  // Wide enough: every period side by side, each cell opening its report.
  if (ImGui::GetContentRegionAvail().x >= 300 + 190 * 2) {
    widgets::text_colored(style::muted_text, ctx.tr(grid_legend));
    const app::User* user = ctx.session.user();
    const bool reviews = user && user->can(domain::Permission::report_review);
    if (auto key = draw_unit_grid("kpi.grid", grid_, selected_, reviews, ctx.language, ImGui::GetContentRegionAvail().y))
      ctx.nav.go(report_route("review", *key));
    return;
  }
  const auto& periods = summary_["periods"];
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const auto& p = periods[i];
    if (p.value("total", 0) == 0) continue;
    const std::string label = (ctx.language == ui::Language::th ? p.value("label_th", "") : p.value("label_en", "")) + " " +
                              progress(p) + " ★ " + average(p["avg_self"]) + " ✓ " + average(p["avg_review"]);
    const std::string id = "kpi.period." + p.value("period", "");
    if (widgets::choice(id.c_str(), label, i == period_)) {
      period_ = i;
      lines_ = unit_lines(p);
    }
    ImGui::SameLine();
  }
  ImGui::NewLine();
  draw_unit_table("kpi.units", lines_, ctx.language, ImGui::GetContentRegionAvail().y);
}

void OverviewScreen::draw_exports(app::Context& ctx) {
  using namespace ui::text::kpi;
  const std::string k = std::to_string(selected_);
  const auto save = [&](const std::string& path, const std::string& name) {
    ctx.api.download(path, name, [this, &ctx](const api::Reply& r, const std::string& saved_as) {
      notice_ = r.ok() ? std::string(ctx.tr(export_done)) + saved_as : std::string(r.error ? ctx.tr(*r.error) : std::string_view());
    });
  };
  if (widgets::button("kpi.units.xlsx", ctx.tr(export_units_xlsx))) save("/api/v1/kpi/" + k + "/export.xlsx", "kpi-" + k + "-units.xlsx");
  ImGui::SameLine();
  if (widgets::button("kpi.units.csv", ctx.tr(export_units_csv))) save("/api/v1/kpi/" + k + "/export.csv", "kpi-" + k + "-units.csv");
}

}  // namespace kpi_screens
