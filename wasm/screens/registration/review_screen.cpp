#include "wasm/screens/registration/review_screen.hpp"

#include <imgui.h>

#include <algorithm>

#include "shared/core/text.hpp"
#include "shared/registration/registration_state.hpp"
#include "shared/ui/confirmations.hpp"
#include "shared/ui/strings_registration.hpp"
#include "wasm/api/wire.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/flow.hpp"
#include "wasm/widgets/widgets.hpp"

namespace registration {

using namespace ui::text;

namespace {

const char* const statuses[] = {"", "under_review", "awaiting_letter", "approved", "rejected", "superseded"};
const char* const affiliations[] = {"", "obec", "dla"};

std::string_view status_name(domain::RegistrationStatus s, ui::Language l) {
  return l == ui::Language::th ? domain::status_name_th(s) : domain::status_name_en(s);
}

}  // namespace

void ReviewScreen::open(app::Context& ctx, const app::Route& route) {
  pending_.reset();
  selected_id_ = 0;
  const std::string wanted = route.param(0);
  wanted_id_ = !wanted.empty() && wanted.size() < 10 && wanted.find_first_not_of("0123456789") == std::string::npos
                   ? std::stoi(wanted)
                   : 0;
  letter_.clear();
  load(ctx);
}

void ReviewScreen::load(app::Context& ctx) {
  ctx.api.get("/api/v1/review/registrations" + api::query({{"status", statuses[status_]},
                                                           {"affiliation", affiliations[affiliation_]},
                                                           {"province", province_}}),
              pending_.guard([this, &ctx](const api::Reply& r) {
                errors_.clear();
                if (errors_.take(r)) return;
                list_ = r.body.is_array() ? r.body : nlohmann::json::array();
                for (const auto& row : list_)
                  if (wanted_id_ && row.value("registration_id", 0) == wanted_id_) select(ctx, row);
                wanted_id_ = 0;
                if (!selected()) {  // decided and gone from the filter, or filtered out
                  selected_id_ = 0;
                  letter_.clear();
                }
              }));
}

const nlohmann::json* ReviewScreen::selected() const {
  for (const auto& r : list_)
    if (selected_id_ && r.value("registration_id", 0) == selected_id_) return &r;
  return nullptr;
}

void ReviewScreen::select(app::Context& ctx, const nlohmann::json& r) {
  selected_id_ = r.value("registration_id", 0);
  done_ = false;
  reason_.clear();
  letter_.clear();
  if (r.contains("letter"))
    letter_.load(ctx.api, "/api/v1/review/registrations/" + std::to_string(selected_id_) + "/preview");
}

void ReviewScreen::decide(app::Context& ctx, const nlohmann::json& r, bool approve) {
  const std::string path = "/api/v1/review/registrations/" + std::to_string(r.value("registration_id", 0)) +
                           (approve ? "/approve" : "/reject");
  ctx.api.post(path, approve ? nlohmann::json::object() : nlohmann::json{{"reason", reason_}},
               pending_.guard([this, &ctx](const api::Reply& reply) {
                 errors_.clear();
                 if (errors_.take(reply)) return;
                 done_ = true;
                 reason_.clear();
                 load(ctx);
               }));
}

void ReviewScreen::draw(app::Context& ctx) {
  widgets::heading(ctx.tr(rev_title), ctx.fonts.title);
  std::vector<std::string> status_names{std::string(ctx.tr(rev_status_any))};
  for (int i = 1; i < 6; ++i)
    status_names.emplace_back(status_name(*domain::parse_registration_status(statuses[i]), ctx.language));
  // The filters wrap on a phone.
  const float cell = std::min(220.0f, ImGui::GetContentRegionAvail().x);
  bool changed = widgets::combo("rev.status", ctx.tr(rev_status_any), status_names, status_, cell);
  widgets::same_line_if_fits(cell);
  changed |= widgets::combo("rev.affiliation", ctx.tr(rev_affiliation_any),
                            {std::string(ctx.tr(rev_affiliation_any)), "สพฐ.", "อปท."}, affiliation_, cell);
  widgets::same_line_if_fits(cell);
  auto p = widgets::input_text("rev.province", ctx.tr(reg_province), province_, cell);
  widgets::same_line_if_fits(widgets::button_width(ctx.tr(rev_load)));
  if (changed || p.submitted || widgets::button("rev.load", ctx.tr(rev_load))) load(ctx);
  widgets::error_banner("rev.error", errors_.general({"reason"}), ctx.language);
  if (done_) widgets::text_colored(style::muted_text, ctx.tr(rev_done));
  if (list_.empty()) widgets::text(ctx.tr(rev_empty));

  for (const auto& r : list_) {
    const int id = r.value("registration_id", 0);
    const std::string row_id = "rev.row." + std::to_string(id);
    const auto status = domain::parse_registration_status(r.value("status", ""));
    const std::string line = r.value("institution_name", "") + " " + r.value("province", "") + " — " +
                             std::string(status ? status_name(*status, ctx.language) : "");
    if (widgets::row(row_id.c_str(), r.value("institution_code", "") + "  " + line, line, selected_id_ == id) &&
        selected_id_ != id)
      select(ctx, r);
  }
  const nlohmann::json* r = selected();
  if (!r) return;
  const nlohmann::json record = *r;  // a decision's reply may replace list_ while drawing
  ImGui::Separator();
  // Side by side when there is room for both; the letter first on a narrow screen.
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail >= 720) {
    if (ImGui::BeginTable("rev.detail", 2, ImGuiTableFlags_SizingStretchProp)) {
      ImGui::TableSetupColumn("record", ImGuiTableColumnFlags_WidthStretch, 1.0f);
      ImGui::TableSetupColumn("letter", ImGuiTableColumnFlags_WidthStretch, 1.0f);
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      draw_record(ctx, record);
      ImGui::TableSetColumnIndex(1);
      draw_letter(ctx, record, ImGui::GetContentRegionAvail().x);
      ImGui::EndTable();
    }
  } else {
    draw_letter(ctx, record, avail);
    ImGui::Separator();
    draw_record(ctx, record);
  }
}

void ReviewScreen::draw_letter(app::Context& ctx, const nlohmann::json& r, float width) {
  widgets::text(ctx.tr(rev_letter));
  if (!r.contains("letter")) {
    widgets::text_colored(style::muted_text, ctx.tr(rev_no_letter));
    return;
  }
  const std::string reg_id = std::to_string(r.value("registration_id", 0));
  auto download = [&] {
    ctx.api.download("/api/v1/review/registrations/" + reg_id + "/preview",
                     "letter-" + r.value("institution_code", "") +
                         (r.value("letter", nlohmann::json::object()).value("type", "") == "image/jpeg" ? ".jpg" : ".png"),
                     [this](const api::Reply& reply, const std::string&) { errors_.take(reply); });
  };
  // A page is taller than wide: keep it, "Enlarge" and "Download" within the window's height.
  const float below = 2 * ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  const float max_height = std::max(240.0f, ImGui::GetContentRegionAvail().y - below);
  if (letter_.draw("rev.letter", ctx.language, width, max_height)) download();
  if (widgets::button("rev.preview", ctx.tr(rev_preview))) download();
}

void ReviewScreen::draw_record(app::Context& ctx, const nlohmann::json& r) {
  const auto empty = nlohmann::json::object();
  const auto o = r.value("officer", empty), legacy = r.value("legacy", empty);
  widgets::text_wrapped(r.value("reference", "") + "  " + r.value("institution_code", "") + " " +
                        r.value("institution_name", ""));
  widgets::text_wrapped(o.value("title", "") + o.value("first_name", "") + " " + o.value("last_name", "") +
                        " — " + o.value("position", "") + " — " + o.value("phone", "") + " — " +
                        o.value("national_id", ""));
  widgets::text_wrapped(std::string(ctx.tr(rev_legacy)) + " TSL: " + legacy.value("tsl_username", "-") +
                        ", KidDiary: " + legacy.value("kiddiary_username", "-"));
  if (r.value("status", "") != "under_review") return;
  const std::string institution = r.value("institution_code", "") + " " + r.value("institution_name", "");
  if (widgets::primary_button("rev.approve", ctx.tr(rev_approve)))
    ctx.confirm.ask(ui::confirm::approve_registration(ctx.language, institution,
                                                   o.value("first_name", "") + " " + o.value("last_name", "")),
                 [this, &ctx, r] { decide(ctx, r, true); });
  widgets::field("rev.reason", ctx.tr(rev_reason), reason_, errors_.of("reason"), ctx.language);
  if (widgets::button("rev.reject", ctx.tr(rev_reject))) {
    // Without a reason the server names the missing field: nothing to confirm yet.
    if (domain::trim(reason_).empty()) decide(ctx, r, false);
    else ctx.confirm.ask(ui::confirm::reject_registration(ctx.language, institution, reason_),
                      [this, &ctx, r] { decide(ctx, r, false); });
  }
}

}  // namespace registration
