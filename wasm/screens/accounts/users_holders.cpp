// The holders of an account on the users screen: who is responsible for it now (position,
// phone) and who held it before, with the dates, newest first. An institution's account
// passes from one person responsible to the next when the admin issues the next one a
// password or a sign-in QR and they give their own profile at first sign-in.
#include "shared/calendar/thai_time.hpp"
#include "shared/contact/phone.hpp"
#include "shared/ui/strings_account_screens.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/accounts/users_screen.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

using namespace ui::text;

// "081-234-5678" (as stored when it does not parse).
std::string UsersScreen::phone_text(const nlohmann::json& profile) {
  const std::string raw = api::text_of(profile, "phone");
  auto phone = domain::parse_mobile_phone(raw);
  return phone ? phone.value().formatted() : raw;
}

// "ครู · 081-234-5678": how to reach the holder.
std::string UsersScreen::contact_line(const nlohmann::json& profile) {
  const std::string position = api::text_of(profile, "position"), phone = phone_text(profile);
  if (position.empty() || phone.empty()) return position + phone;
  return position + " · " + phone;
}

void UsersScreen::show_holders(app::Context& ctx, std::int64_t id, const std::string& username) {
  holders_of_ = id;
  holders_username_ = username;
  holders_ = nlohmann::json::array();
  holders_failed_ = false;
  ctx.api.get("/api/v1/admin/users/" + std::to_string(id) + "/holders",
              holders_pending_.guard([this](const api::Reply& r) {
                holders_failed_ = !r.ok();
                if (r.ok() && r.body.contains("holders") && r.body["holders"].is_array()) holders_ = r.body["holders"];
              }));
}

void UsersScreen::draw_holders(app::Context& ctx) {
  if (holders_of_ == 0) return;
  const bool thai = ctx.language == ui::Language::th;
  style::banner(style::banner_info_bg, style::banner_info_text, [&] {
    widgets::text_wrapped(std::string(ctx.tr(holders_heading)) + " " + holders_username_);
    if (holders_failed_) widgets::text(ctx.tr(holders_failed));
    for (std::size_t i = 0; i < holders_.size(); ++i) {
      const auto& h = holders_[i];
      const auto& p = h.contains("profile") ? h["profile"] : h;
      const std::string name = api::text_of(p, "title") + api::text_of(p, "first_name") + " " + api::text_of(p, "last_name");
      const bool current = !h.contains("until") || h["until"].is_null();
      const std::string when = std::string(ctx.tr(holders_since)) + " " +
                               domain::format_thai_time(api::text_of(h, "since"), thai) +
                               (current ? " (" + std::string(ctx.tr(holders_now)) + ")"
                                        : " " + std::string(ctx.tr(holders_until)) + " " +
                                              domain::format_thai_time(api::text_of(h, "until"), thai));
      widgets::text_wrapped("• " + name + ", " + contact_line(p));
      ImGui::PushStyleColor(ImGuiCol_Text, style::muted_text);
      widgets::text_wrapped("   " + when);
      ImGui::PopStyleColor();
      test_hook::record_item("users.holders." + std::to_string(i), "text", name + " " + when, current ? "current" : "past");
    }
    if (widgets::button("users.holders.close", ctx.tr(close_notice))) holders_of_ = 0;
  });
}

}  // namespace accounts
