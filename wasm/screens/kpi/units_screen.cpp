#include "wasm/screens/kpi/units_screen.hpp"

#include <imgui.h>

#include <algorithm>
#include <map>

#include "shared/core/text.hpp"
#include "shared/kpi/report_lifecycle.hpp"
#include "shared/ui/strings_kpi.hpp"
#include "shared/ui/strings_kpi_manage.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace kpi_screens {

using namespace ui::text::kpi_manage;
using nlohmann::json;

namespace {

std::string status_label(const std::string& status, ui::Language lang) {
  auto s = domain::parse_report_status(status);
  if (!s) return status;
  return std::string(lang == ui::Language::th ? domain::report_status_label_th(*s) : domain::report_status_label_en(*s));
}

}  // namespace

void UnitsScreen::open(app::Context& ctx, const app::Route& route) {
  id_ = route.param(0);
  period_ = route.param(1);
  kpi_ = nullptr;
  filter_.clear();
  schools_.clear();
  shown_.clear();
  errors_.clear();
  saving_ = dirty_ = false;
  saved_total_ = -1;
  kpi_pending_.reset();
  ctx.api.get("/api/v1/kpi/" + id_, kpi_pending_.guard([this](const api::Reply& r) {
    if (!errors_.take(r)) kpi_ = r.body;
  }));
  load(ctx, false);
}

void UnitsScreen::load(app::Context& ctx, bool keep_choices) {
  pending_.reset();
  loading_ = true;
  stale_ = false;
  ctx.api.get("/api/v1/kpi/" + id_ + "/periods/" + period_ + "/units",
              pending_.guard([this, keep_choices](const api::Reply& r) {
                loading_ = false;
                if (errors_.take(r)) return;
                std::map<std::string, bool> choices;
                for (const auto& s : schools_) choices[s.code] = s.chosen;
                std::map<std::string, School> by_code;
                // The office itself and its other units report too, listed with the schools.
                for (const char* list : {"offices", "schools"})
                  for (const auto& s : r.body.value(list, json::array()))
                    by_code[s.value("code", "")] = School{s.value("code", ""), s.value("name_th", ""), "", false, false};
                for (const auto& u : r.body.value("units", json::array())) {
                  School& s = by_code[u.value("unit_code", "")];
                  s.code = u.value("unit_code", "");
                  if (s.name.empty()) s.name = u.value("name_th", "");
                  s.status = u.value("status", "");
                  s.chosen = true;
                  auto status = domain::parse_report_status(s.status);
                  s.reported = status && domain::has_reported(*status);
                }
                schools_.clear();
                for (auto& [code, s] : by_code) {
                  if (keep_choices && !s.reported && choices.count(code)) s.chosen = choices[code];
                  schools_.push_back(std::move(s));
                }
                if (!keep_choices) dirty_ = false;
                apply_filter();
              }));
}

void UnitsScreen::apply_filter() {
  shown_.clear();
  const std::string needle = domain::ascii_lower(domain::trim(filter_));
  for (std::size_t i = 0; i < schools_.size(); ++i)
    if (needle.empty() || domain::ascii_lower(schools_[i].code + " " + schools_[i].name).find(needle) != std::string::npos)
      shown_.push_back(i);
}

void UnitsScreen::save(app::Context& ctx) {
  json codes = json::array();
  for (const auto& s : schools_)
    if (s.chosen) codes.push_back(s.code);
  saving_ = true;
  errors_.clear();
  saved_total_ = -1;
  ctx.api.put("/api/v1/kpi/" + id_ + "/periods/" + period_ + "/units", {{"unit_codes", codes}},
              pending_.guard([this, &ctx](const api::Reply& r) {
                saving_ = false;
                if (errors_.take(r)) {
                  // e.g. a school reported meanwhile: show it as it is now, keep the rest.
                  if (r.code() == "unit_has_reported") load(ctx, true);
                  return;
                }
                saved_total_ = r.body.value("total", 0);
                load(ctx, false);
              }));
}

void UnitsScreen::draw(app::Context& ctx) {
  const auto lang = ctx.language;
  if (stale_) load(ctx, true);
  if (widgets::link("kpiu.back", ctx.tr(back_to_list))) {
    const int year = kpi_.is_object() ? kpi_.value("year", 0) : 0;
    ctx.nav.go(year ? app::route_string({"kpi", "manage"}, {{"year", std::to_string(year)}}) : "#/kpi/manage");
  }
  ImGui::SameLine(0, 24);
  if (widgets::link("kpiu.kpi", ctx.tr(edit_title))) ctx.nav.go(app::route_string({"kpi", "edit", id_}));
  widgets::heading(ctx.tr(units_title), ctx.fonts.title);
  if (kpi_.is_object()) {
    widgets::text_wrapped(kpi_.value("number", "") + " " + kpi_.value("name", ""));
    // The KPI's periods: this one highlighted, the others a click away.
    for (const auto& p : kpi_.value("periods", json::array())) {
      const std::string id = p.value("period", "");
      const std::string label = lang == ui::Language::th ? p.value("label_th", id) : p.value("label_en", id);
      if (widgets::choice(("kpiu.period." + id).c_str(), label, id == period_) && id != period_)
        ctx.nav.go(app::route_string({"kpi", "units", id_, id}));
      ImGui::SameLine();
    }
    ImGui::NewLine();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, style::muted_text);
  widgets::text_wrapped(ctx.tr(units_intro));
  ImGui::PopStyleColor();

  const float button_w = widgets::text_size(ctx.tr(select_shown)).x + widgets::text_size(ctx.tr(clear)).x + 60;
  if (widgets::input_text("kpiu.filter", ctx.tr(filter), filter_, std::max(150.0f, ImGui::GetContentRegionAvail().x - button_w))
          .changed)
    apply_filter();
  ImGui::SameLine();
  const bool filtered = shown_.size() != schools_.size();
  if (widgets::button("kpiu.all", ctx.tr(filtered ? select_shown : select_all))) {
    for (std::size_t i : shown_) schools_[i].chosen = true;
    dirty_ = true;
    saved_total_ = -1;
  }
  ImGui::SameLine();
  if (widgets::button("kpiu.clear", ctx.tr(clear))) {
    for (std::size_t i : shown_)
      if (!schools_[i].reported) schools_[i].chosen = false;
    dirty_ = true;
    saved_total_ = -1;
  }

  const auto chosen = std::count_if(schools_.begin(), schools_.end(), [](const School& s) { return s.chosen; });
  const std::string count = std::string(ctx.tr(ui::text::kpi_manage::chosen)) + " " + std::to_string(chosen) + " " +
                            std::string(ctx.tr(of_schools)) + " " + std::to_string(schools_.size());
  if (widgets::primary_button("kpiu.save", ctx.tr(saving_ ? ui::text::kpi_manage::saving : save_units), !saving_ && !loading_))
    save(ctx);
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  widgets::text(count);
  test_hook::record_item("kpiu.count", "text", count, std::to_string(chosen));
  if (saved_total_ >= 0) {
    const std::string line = std::string(ctx.tr(units_saved)) + std::to_string(saved_total_);
    ImGui::SameLine();
    widgets::text_colored(style::brand, line);
    test_hook::record_item("kpiu.saved", "text", line, std::to_string(saved_total_));
  } else if (dirty_) {
    ImGui::SameLine();
    widgets::text_colored(style::muted_text, ctx.tr(unsaved));
  }
  widgets::error_banner("kpiu.error", errors_.general(), lang);
  draw_list(ctx);
}

void UnitsScreen::draw_list(app::Context& ctx) {
  const auto lang = ctx.language;
  if (loading_ && schools_.empty()) return widgets::text_colored(style::muted_text, ctx.tr(ui::text::kpi::loading));
  if (schools_.empty()) return widgets::text(ctx.tr(no_schools));
  if (shown_.empty()) return widgets::text(ctx.tr(no_match));
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("###kpiu", 2, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  widgets::table_column(ctx.tr(ui::text::kpi::column_unit));
  widgets::table_column(ctx.tr(ui::text::kpi::column_status), 300);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;  // only the rows on screen are drawn
  clipper.Begin(int(shown_.size()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      School& s = schools_[shown_[std::size_t(row)]];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string id = "kpiu.unit." + s.code;
      if (widgets::checkbox(id.c_str(), s.code + " " + s.name, s.chosen, !s.reported)) {
        dirty_ = true;
        saved_total_ = -1;
      }
      ImGui::TableNextColumn();
      if (s.reported) {
        const std::string reason = std::string(ctx.tr(reported_reason)) + " (" + status_label(s.status, lang) + ")";
        widgets::text_colored(style::muted_text, reason);
        test_hook::record_item(id + ".reason", "text", reason, s.status);
      } else if (!s.status.empty()) {
        widgets::text(status_label(s.status, lang));
      }
    }
  }
  ImGui::EndTable();
}

}  // namespace kpi_screens
