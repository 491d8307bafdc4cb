#include "wasm/screens/registration/review_screen.hpp"

#include <imgui.h>

#include "shared/registration/registration_state.hpp"
#include "shared/ui/strings_registration.hpp"
#include "wasm/api/wire.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/widgets.hpp"

namespace registration {

using namespace ui::text;

namespace {

const char* const statuses[] = {"", "under_review", "awaiting_letter", "approved", "rejected", "superseded"};
const char* const affiliations[] = {"", "obec", "dla"};

}  // namespace

void ReviewScreen::open(app::Context& ctx, const app::Route&) {
  pending_.reset();
  selected_ = -1;
  load(ctx);
}

void ReviewScreen::load(app::Context& ctx) {
  ctx.api.get("/api/v1/review/registrations" + api::query({{"status", statuses[status_]},
                                                           {"affiliation", affiliations[affiliation_]},
                                                           {"province", province_}}),
              pending_.guard([this](const api::Reply& r) {
                errors_.clear();
                if (errors_.take(r)) return;
                list_ = r.body.is_array() ? r.body : nlohmann::json::array();
                if (selected_ >= static_cast<int>(list_.size())) selected_ = -1;
              }));
}

void ReviewScreen::decide(app::Context& ctx, bool approve) {
  const auto& r = list_[static_cast<std::size_t>(selected_)];
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
    status_names.emplace_back(domain::status_name_th(*domain::parse_registration_status(statuses[i])));
  bool changed = widgets::combo("rev.status", ctx.tr(rev_status_any), status_names, status_, 220);
  ImGui::SameLine();
  changed |= widgets::combo("rev.affiliation", ctx.tr(rev_affiliation_any),
                            {std::string(ctx.tr(rev_affiliation_any)), "สพฐ.", "อปท."}, affiliation_, 160);
  ImGui::SameLine();
  auto p = widgets::input_text("rev.province", ctx.tr(reg_province), province_, 200);
  ImGui::SameLine();
  if (changed || p.submitted || widgets::button("rev.load", ctx.tr(rev_load))) load(ctx);
  widgets::error_banner("rev.error", errors_.general({"reason"}), ctx.language);
  if (done_) widgets::text_colored(style::muted_text, ctx.tr(rev_done));
  if (list_.empty()) widgets::text(ctx.tr(rev_empty));

  for (std::size_t i = 0; i < list_.size(); ++i) {
    const auto& r = list_[i];
    const std::string id = "rev.row." + std::to_string(r.value("registration_id", 0));
    if (widgets::row(id.c_str(), r.value("institution_code", ""),
                     r.value("institution_name", "") + " " + r.value("province", "") + " — " + r.value("status_th", ""),
                     selected_ == static_cast<int>(i))) {
      selected_ = static_cast<int>(i);
      done_ = false;
    }
  }
  if (selected_ < 0) return;
  const auto& r = list_[static_cast<std::size_t>(selected_)];
  const auto& o = r["officer"];
  ImGui::Separator();
  widgets::text(r.value("reference", "") + "  " + r.value("institution_code", "") + " " + r.value("institution_name", ""));
  widgets::text(o.value("title", "") + o.value("first_name", "") + " " + o.value("last_name", "") + " — " +
                o.value("position", "") + " — " + o.value("phone", "") + " — " + o.value("national_id", ""));
  widgets::text(std::string(ctx.tr(rev_legacy)) + " TSL: " + r["legacy"].value("tsl_username", "-") +
                ", KidDiary: " + r["legacy"].value("kiddiary_username", "-"));
  const std::string reg_id = std::to_string(r.value("registration_id", 0));
  if (r.contains("letter") &&
      widgets::button("rev.preview", ctx.tr(rev_preview)))
    ctx.api.download("/api/v1/review/registrations/" + reg_id + "/preview",
                     "letter-" + r.value("institution_code", "") +
                         (r["letter"].value("type", "") == "image/jpeg" ? ".jpg" : ".png"),
                     [this](const api::Reply& reply, const std::string&) { errors_.take(reply); });
  if (r.value("status", "") != "under_review") return;
  if (widgets::primary_button("rev.approve", ctx.tr(rev_approve))) decide(ctx, true);
  widgets::field("rev.reason", ctx.tr(rev_reason), reason_, errors_.of("reason"), ctx.language);
  if (widgets::button("rev.reject", ctx.tr(rev_reject))) decide(ctx, false);
}

}  // namespace registration
