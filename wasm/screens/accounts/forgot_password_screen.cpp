#include "wasm/screens/accounts/forgot_password_screen.hpp"

#include "shared/accounts/profile.hpp"
#include "shared/ui/strings_account_screens.hpp"
#include "shared/ui/strings_client.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

using namespace ui::text;

void ForgotPasswordScreen::open(app::Context&, const app::Route& route) {
  pending_.reset();
  username_ = route.get("username");
  phone_.clear(), done_th_.clear(), done_en_.clear();
  otp_.reset();
  password_.reset();
  errors_.clear();
  sending_ = false;
}

void ForgotPasswordScreen::draw(app::Context& ctx) {
  now_ = ctx.now;
  widgets::heading(ctx.tr(forgot_heading), ctx.fonts.title);
  if (!done_th_.empty()) {
    const std::string& message = ctx.language == ui::Language::th ? done_th_ : done_en_;
    style::banner(style::banner_info_bg, style::banner_info_text, [&] { widgets::text_wrapped(message); });
    test_hook::record_item("forgot.done", "text", message);
    if (widgets::primary_button("forgot.signin", ctx.tr(go_sign_in)))
      ctx.nav.go(app::route_string({"signin"}, {{"username", username_}}));
    return;
  }
  widgets::text_wrapped(ctx.tr(forgot_intro));
  const bool proven = !otp_.token().empty();
  widgets::steps("forgot.steps", {ctx.tr(step_details), ctx.tr(step_otp), ctx.tr(step_password)},
                 proven ? 2 : otp_.sent() ? 1 : 0);
  const float width = std::min(ImGui::GetContentRegionAvail().x, 480.0f);
  widgets::field("forgot.username", ctx.tr(signin_username), username_, errors_.of("username"), ctx.language,
                 widgets::Field::text, width);
  if (widgets::field("forgot.phone", ctx.tr(profile_phone), phone_, errors_.of("phone"), ctx.language,
                     widgets::Field::text, width).changed) {
    if (phone_.empty()) errors_.clear("phone");
    else if (auto p = domain::check_mobile_phone(phone_)) errors_.clear("phone");
    else errors_.set(p.error());
  }
  if (!proven) {
    if (!username_.empty() && !phone_.empty() && !errors_.of("phone")) otp_.draw(ctx, phone_, width);
    return;
  }
  const bool enter = password_.draw(ctx, width, username_);
  widgets::error_banner("forgot.error", errors_.general({"username", "phone"}), ctx.language);
  const bool pressed = widgets::primary_button("forgot.submit", ctx.tr(sending_ ? working : set_password), !sending_);
  if (!(pressed || (enter && !sending_)) || !password_.check_all(username_)) return;
  errors_.clear();
  sending_ = true;
  ctx.api.post("/api/v1/auth/forgot-password",
               {{"username", username_}, {"otp_token", otp_.token()}, {"new_password", password_.password()}},
               pending_.guard([this](const api::Reply& r) {
                 sending_ = false;
                 if (!r.ok()) {
                   if (r.error && r.error->field == "new_password") password_.errors().take(r);
                   else errors_.take(r);
                   if (r.code() == "otp_token_invalid") otp_.reset();  // used up: prove the phone again
                   return;
                 }
                 password_.reset();
                 done_th_ = api::text_of(r.body, "message_th");
                 done_en_ = api::text_of(r.body, "message_en");
                 if (done_th_.empty()) done_th_ = std::string(forgot_done.th);
                 if (done_en_.empty()) done_en_ = std::string(forgot_done.en);
               }));
}

}  // namespace accounts
