#include "wasm/screens/kpi/manage_screen.hpp"

#include <imgui.h>

#include "shared/calendar/fiscal_year.hpp"
#include "shared/ui/confirmations.hpp"
#include "shared/ui/strings_kpi.hpp"
#include "shared/ui/strings_kpi_manage.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/kpi/stats_screen.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace kpi_screens {

using namespace ui::text::kpi_manage;

namespace {

std::string progress(const nlohmann::json& p) {
  return "[" + std::to_string(p.value("submitted", 0)) + "/" + std::to_string(p.value("reviewed", 0)) + "/" +
         std::to_string(p.value("total", 0)) + "]";
}

std::string year_route(int year) { return app::route_string({"kpi", "manage"}, {{"year", std::to_string(year)}}); }

}  // namespace

void ManageScreen::open(app::Context& ctx, const app::Route& route) {
  year_ = route_year(route);
  copy_ = Copy::idle;
  copy_pending_.reset();
  errors_.clear();
  load(ctx);
}

void ManageScreen::load(app::Context& ctx) {
  pending_.reset();
  loading_ = true;
  stale_ = false;
  ctx.api.get("/api/v1/kpi?year=" + std::to_string(year_), pending_.guard([this](const api::Reply& r) {
    loading_ = false;
    if (errors_.take(r)) return;
    errors_.clear("");
    kpis_ = r.body.is_array() ? r.body : nlohmann::json::array();
  }));
}

void ManageScreen::draw(app::Context& ctx) {
  if (stale_) load(ctx);
  widgets::heading(ctx.tr(list_title), ctx.fonts.title);
  widgets::help_link("kpim.help", "kpi", ctx.language);
  if (widgets::link("kpim.overview", ctx.tr(overview_link)))
    ctx.nav.go(app::route_string({"kpi"}, {{"year", std::to_string(year_)}}));

  // The fiscal year: next year first (it is prepared before it starts), then five back.
  if (int year = year_; year_picker(ctx, "kpim.year", year)) ctx.nav.go(year_route(year));
  ImGui::SameLine();
  if (widgets::primary_button("kpim.new", ctx.tr(new_kpi)))
    ctx.nav.go(app::route_string({"kpi", "edit", "new"}, {{"year", std::to_string(year_)}}));
  ImGui::SameLine();
  if (widgets::button("kpim.copy", ctx.tr(copy_year)) && copy_ != Copy::copying)
    ctx.confirm.ask(ui::confirm::copy_kpis(ctx.language, year_, year_ + 1), [this, &ctx] { copy_year_now(ctx); });
  draw_copy(ctx);
  widgets::error_banner("kpim.error", errors_.general(), ctx.language);

  if (loading_) return widgets::text_colored(style::muted_text, ctx.tr(ui::text::kpi::loading));
  if (kpis_.empty()) return widgets::text(ctx.tr(ui::text::kpi::no_kpis));
  draw_table(ctx);
}

void ManageScreen::copy_year_now(app::Context& ctx) {
  copy_ = Copy::copying;
  errors_.clear();
  ctx.api.post("/api/v1/kpi/copy", {{"year", year_}}, copy_pending_.guard([this](const api::Reply& r) {
    if (errors_.take(r)) {
      copy_ = Copy::idle;
      return;
    }
    copied_ = r.body.value("copied", 0);
    copy_ = Copy::done;
  }));
}

void ManageScreen::draw_copy(app::Context& ctx) {
  const int next = year_ + 1;
  switch (copy_) {
    case Copy::idle:
      return;
    case Copy::copying:
      widgets::text_colored(style::muted_text, ctx.tr(copying));
      return;
    case Copy::done: {
      const std::string line = std::string(ctx.tr(copied_into)) + std::to_string(copied_) + std::string(ctx.tr(copied_year)) +
                               std::to_string(next);
      style::banner(style::banner_info_bg, style::banner_info_text, [&] {
        widgets::text_wrapped(line);
        test_hook::record_item("kpim.copied", "text", line, std::to_string(copied_));
        if (widgets::link("kpim.copied.show", std::string(ctx.tr(show_year)) + std::to_string(next)))
          ctx.nav.go(year_route(next));
      });
      return;
    }
  }
}

void ManageScreen::draw_table(app::Context& ctx) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("###kpim", 4, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  widgets::table_column(ctx.tr(column_number), 50);
  widgets::table_column(ctx.tr(ui::text::kpi::column_kpi));
  widgets::table_column(ctx.tr(ui::text::kpi::column_status), 60);
  widgets::table_column(ctx.tr(column_periods), 330);
  ImGui::TableHeadersRow();
  for (const auto& k : kpis_) {
    const std::string id = std::to_string(k.value("id", std::int64_t{0}));
    const bool open = k.value("status", "") == "open";
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    widgets::text(k.value("number", ""));
    ImGui::TableNextColumn();
    widgets::text_wrapped(k.value("name", ""));
    if (widgets::button(("kpim.edit." + id).c_str(), ctx.tr(edit))) ctx.nav.go(app::route_string({"kpi", "edit", id}));
    test_hook::record_item("kpim.row." + id, "row", k.value("number", "") + " " + k.value("name", ""),
                           k.value("status", ""));
    ImGui::TableNextColumn();
    widgets::text_colored(open ? style::brand : style::muted_text, ctx.tr(open ? status_open : status_closed));
    ImGui::TableNextColumn();
    // One button per period: its units and their progress; open periods in the brand colour.
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const auto& p : k.value("periods", nlohmann::json::array())) {
      const std::string period = p.value("period", "");
      const std::string label =
          p.value(ctx.language == ui::Language::th ? "label_th" : "label_en", period) + " " + progress(p);
      const float w = widgets::text_size(label).x + 2 * ImGui::GetStyle().FramePadding.x;
      if (!first && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w < right) ImGui::SameLine();
      first = false;
      const bool period_open = p.value("open", false);
      if (!period_open) ImGui::PushStyleColor(ImGuiCol_Text, style::muted_text);
      if (widgets::button(("kpim.units." + id + "." + period).c_str(), label))
        ctx.nav.go(app::route_string({"kpi", "units", id, period}));
      if (!period_open) ImGui::PopStyleColor();
    }
  }
  ImGui::EndTable();
}

}  // namespace kpi_screens
