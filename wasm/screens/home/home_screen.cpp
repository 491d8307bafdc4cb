#include "wasm/screens/home/home_screen.hpp"

#include <imgui.h>

#include "shared/ui/strings_client.hpp"
#include "shared/ui/strings_kiosk.hpp"
#include "wasm/api/wire.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/widgets.hpp"

namespace home {

using namespace ui::text;

// The ways in of an anonymous visitor; a signed-in user's work is on the desk's cards.
void HomeScreen::draw_links(app::Context& ctx) {
  struct Way { const char* id; const ui::Text& label; const char* route; };
  const Way ways[] = {
      {"home.signin", nav_sign_in, "#/signin"},
      {"home.register", nav_register, "#/register"},
      {"home.access", nav_access_request, "#/access-request"},
      {"home.stats", nav_stats, "#/stats"},
      // A kiosk offers it on its own (elsewhere it is one of a found school's next steps).
      {"home.status", kiosk_registration_status, "#/register/resume"},
  };
  bool first = true;
  for (const Way& w : ways) {
    if (!ctx.offers(w.route) || (!ctx.kiosk.enabled && std::string_view(w.id) == "home.status")) continue;
    // On one line while they fit (phones: one below the other).
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (!first && ImGui::GetItemRectMax().x + 24 + widgets::text_size(ctx.tr(w.label)).x < right)
      ImGui::SameLine(0, 24);
    first = false;
    if (widgets::link(w.id, ctx.tr(w.label))) ctx.nav.go(w.route);
  }
  ImGui::Spacing();
}

void HomeScreen::draw(app::Context& ctx) {
  if (ctx.session.user() && !ctx.session.user()->first_login_pending()) {
    desk_.draw(ctx);
    ImGui::Spacing();
    if (ctx.offers("#/stats") && widgets::link("home.stats", ctx.tr(nav_stats))) ctx.nav.go("#/stats");
    return;
  }
  draw_links(ctx);
  widgets::heading(ctx.tr(search_heading), ctx.fonts.title);
  ImGui::PushStyleColor(ImGuiCol_Text, style::muted_text);
  widgets::text_wrapped(ctx.tr(search_intro));
  ImGui::PopStyleColor();

  auto input = widgets::input_text("home.search", ctx.tr(search_hint), search_.query,
                                   ImGui::GetContentRegionAvail().x);
  if (input.changed) search_.edited(ctx.now);
  if (input.submitted) search_.submit();
  search_.update(ctx.now);

  switch (search_.status()) {
    case InstitutionSearch::Status::idle:
      break;
    case InstitutionSearch::Status::typing:
    case InstitutionSearch::Status::searching:
      widgets::text_colored(style::muted_text, ctx.tr(searching));
      break;
    case InstitutionSearch::Status::failed:
      widgets::text_colored(style::banner_error_text, ctx.tr(search_failed));
      break;
    case InstitutionSearch::Status::not_found:
      style::banner(style::banner_info_bg, style::banner_info_text, [&] {
        widgets::text(ctx.tr(not_found_title));
        widgets::text_wrapped(ctx.tr(not_found_guidance));
      });
      break;
    case InstitutionSearch::Status::found: {
      // The chosen school's next steps take the list's place (a phone has no room for both);
      // "choose another" brings the list back.
      const domain::Institution* chosen = nullptr;
      for (const auto& inst : search_.results())
        if (inst.code == selected_code_) chosen = &inst;
      if (chosen) draw_next_steps(ctx, *chosen);
      else draw_results(ctx);
      break;
    }
  }
}

// Each way in carries the institution, so the next screen starts with it chosen.
void HomeScreen::draw_next_steps(app::Context& ctx, const domain::Institution& chosen) {
  const std::string code = api::percent_encode(chosen.code);
  style::banner(style::banner_info_bg, style::banner_info_text, [&] {
    widgets::text_wrapped(std::string(ctx.tr(next_steps_title)) + " " + chosen.code + " " + chosen.name_th);
    if (ctx.offers("#/register") && widgets::primary_button("home.next.register", ctx.tr(next_register)))
      ctx.nav.go("#/register?institution=" + code);
    if (ctx.offers("#/register/resume") && widgets::link("home.next.resume", ctx.tr(next_resume)))
      ctx.nav.go("#/register/resume?code=" + code);
    // School websites (EMIS) are the area offices' schools.
    if (chosen.affiliation == "obec" && ctx.offers("#/access-request") &&
        widgets::link("home.next.access", ctx.tr(next_access)))
      ctx.nav.go("#/access-request?area=" + api::percent_encode(chosen.parent_code) + "&school=" + code);
    if (!chosen.parent_code.empty() && ctx.offers("#/stats") && widgets::link("home.next.stats", ctx.tr(next_stats)))
      ctx.nav.go("#/stats?office=" + api::percent_encode(chosen.parent_code));
    if (widgets::link("home.next.other", ctx.tr(next_other))) selected_code_.clear();
  });
  ImGui::Spacing();
}

void HomeScreen::draw_results(const app::Context& ctx) {
  const auto& found = search_.results();
  widgets::text_colored(style::muted_text,
                        std::string(ctx.tr(results_found)) + " (" + std::to_string(found.size()) + ")");
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY;
  // Phones: the place goes under the name, so nothing runs off the right edge.
  const bool narrow = ImGui::GetContentRegionAvail().x < 560;
  if (!ImGui::BeginTable("###results", narrow ? 2 : 4, flags, ImVec2(0, ImGui::GetContentRegionAvail().y)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  widgets::table_column(ctx.tr(column_code), widgets::text_size("0000000000").x + 8);
  widgets::table_column(ctx.tr(column_name));
  if (!narrow) {
    widgets::table_column(ctx.tr(column_province), 150);
    widgets::table_column(ctx.tr(column_district), 150);
  }
  ImGui::TableHeadersRow();
  for (const auto& inst : found) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::string id = "home.result." + inst.code;
    const std::string row_text =
        inst.code + " " + inst.name_th + " " + inst.province + " " + inst.district;
    if (widgets::row(id.c_str(), inst.code, row_text, selected_code_ == inst.code))
      selected_code_ = inst.code;
    ImGui::TableNextColumn();
    if (narrow) {
      widgets::text_wrapped(inst.name_th);
      widgets::text_colored(style::muted_text, inst.district + ", " + inst.province);
      continue;
    }
    widgets::text(inst.name_th);
    ImGui::TableNextColumn();
    widgets::text(inst.province);
    ImGui::TableNextColumn();
    widgets::text(inst.district);
  }
  ImGui::EndTable();
}

}  // namespace home
