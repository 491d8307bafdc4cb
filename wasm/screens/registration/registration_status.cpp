#include "wasm/screens/registration/registration_status.hpp"

#include <imgui.h>

#include "shared/ui/strings_client.hpp"
#include "shared/ui/strings_registration.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace registration {

using namespace ui::text;
using domain::RegistrationStatus;

void StatusPanel::load(app::Context& ctx, std::string registration_id, std::string token) {
  id_ = std::move(registration_id);
  token_ = std::move(token);
  sent_to_.clear();
  errors_.clear();
  busy_ = true;
  ctx.api.send({"GET", "/api/v1/registrations/" + id_, {}, token_}, pending_.guard([this](const api::Reply& r) {
                 busy_ = false;
                 if (errors_.take(r)) return;
                 status_ = domain::parse_registration_status(r.body.value("status", ""));
                 reason_ = r.body.value("reason", "");
               }));
}

void StatusPanel::renew(app::Context& ctx) {
  errors_.clear();
  busy_ = true;
  ctx.api.send({"POST", "/api/v1/registrations/" + id_ + "/activation-link", nlohmann::json::object(), token_},
               pending_.guard([this](const api::Reply& r) {
                 busy_ = false;
                 if (!errors_.take(r)) sent_to_ = r.body.value("sent_to", "");
               }));
}

StatusPanel::Choice StatusPanel::draw(app::Context& ctx) {
  Choice choice = Choice::none;
  if (!status_) {
    if (busy_) widgets::text_colored(style::muted_text, ctx.tr(working));
    widgets::error_banner("reg.status.error", errors_.general(), ctx.language);
    return choice;
  }
  const ui::Text* name = &reg_state_review;
  const ui::Text* next = &reg_wait_sms;
  switch (*status_) {
    case RegistrationStatus::awaiting_letter: name = &reg_state_awaiting; next = &reg_next_awaiting; break;
    case RegistrationStatus::under_review: break;
    case RegistrationStatus::approved: name = &reg_state_approved; next = &reg_next_approved; break;
    case RegistrationStatus::rejected: name = &reg_state_rejected; next = &reg_next_rejected; break;
    case RegistrationStatus::superseded: name = &reg_state_superseded; next = &reg_next_superseded; break;
  }
  const std::string title = std::string(ctx.tr(reg_status_now)) + " " + std::string(ctx.tr(*name));
  widgets::heading(title, ctx.fonts.title);
  widgets::help_link("regstatus.help", "registration", ctx.language);
  widgets::text_wrapped(ctx.tr(*next));
  test_hook::record_item("reg.status", "text", title + "\n" + std::string(ctx.tr(*next)),
                         std::string(domain::to_string(*status_)));
  if (*status_ == RegistrationStatus::rejected && !reason_.empty())
    style::banner(style::banner_info_bg, style::banner_info_text, [&] {
      widgets::text_wrapped(std::string(ctx.tr(reg_reason)) + " " + reason_);
    });
  if (!sent_to_.empty())
    style::banner(style::banner_info_bg, style::banner_info_text, [&] {
      widgets::text_wrapped(std::string(ctx.tr(reg_link_sent)) + " " + sent_to_);
    });
  widgets::error_banner("reg.status.error", errors_.general(), ctx.language);
  ImGui::Spacing();
  switch (*status_) {
    case RegistrationStatus::awaiting_letter:
      if (widgets::primary_button("reg.status.letter", ctx.tr(reg_status_upload))) choice = Choice::upload_letter;
      break;
    case RegistrationStatus::under_review:
      if (widgets::primary_button("reg.refresh", ctx.tr(reg_refresh), !busy_)) load(ctx, id_, token_);
      break;
    case RegistrationStatus::approved:
      if (sent_to_.empty() && widgets::primary_button("reg.status.renew", ctx.tr(reg_renew_link), !busy_)) renew(ctx);
      if (widgets::link("reg.status.signin", ctx.tr(nav_sign_in))) ctx.nav.go("#/signin");
      break;
    case RegistrationStatus::rejected:
    case RegistrationStatus::superseded:
      if (widgets::primary_button("reg.status.again", ctx.tr(reg_register_again))) choice = Choice::register_again;
      break;
  }
  return choice;
}

}  // namespace registration
