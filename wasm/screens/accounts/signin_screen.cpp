#include "wasm/screens/accounts/signin_screen.hpp"

#include "shared/ui/strings_account_screens.hpp"
#include "shared/ui/strings_client.hpp"
#include "shared/ui/strings_identity.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/test_hook.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

using namespace ui::text;

void SignInScreen::open(app::Context& ctx, const app::Route& route) {
  pending_.reset();
  sending_ = false;
  errors_.clear();
  password_.clear();
  if (std::string u = route.get("username"); !u.empty()) username_ = u;
  next_ = next_route(route);
  identity_.set_next(next_);
  identity_.open(ctx, route);
  if (ctx.session.user()) ctx.nav.go(next_);  // already signed in
}

void SignInScreen::submit(app::Context& ctx) {
  errors_.clear();
  if (username_.empty()) errors_.set(client_error("required", "username", field_required));
  if (password_.empty()) errors_.set(client_error("required", "password", field_required));
  if (!errors_.empty()) return;
  sending_ = true;
  ctx.api.post("/api/v1/auth/login", {{"username", username_}, {"password", password_}},
               pending_.guard([this, &ctx](const api::Reply& r) {
                 sending_ = false;
                 if (!r.ok()) {
                   errors_.take(r);
                   if (r.status == 429) wait_.start(ctx.now, r.retry_after);
                   return;
                 }
                 password_.clear();
                 ctx.session.signed_in(r.body);
                 const app::User* user = ctx.session.user();
                 ctx.nav.go(user && user->first_login_pending()
                                ? app::route_string({"first-login"}, {{"next", next_}})
                                : next_);
               }));
}

void SignInScreen::draw(app::Context& ctx) {
  now_ = ctx.now;
  widgets::heading(ctx.tr(signin_heading), ctx.fonts.title);
  if (ctx.session.ended_by_server())
    style::banner(style::banner_info_bg, style::banner_info_text,
                  [&] { widgets::text_wrapped(ctx.tr(session_ended)); });

  const float width = std::min(ImGui::GetContentRegionAvail().x, 480.0f);
  ImGui::BeginGroup();
  widgets::field("signin.username", ctx.tr(signin_username), username_, errors_.of("username"),
                 ctx.language, widgets::Field::text, width);
  auto pw = widgets::field("signin.password", ctx.tr(signin_password), password_,
                           errors_.of("password"), ctx.language, widgets::Field::password, width);

  widgets::error_banner("signin.error", errors_.general({"username", "password"}), ctx.language);
  const int wait = wait_.left(ctx.now);
  if (wait > 0) {
    const std::string line = std::string(ctx.tr(signin_wait)) + " " + std::to_string(wait);
    widgets::text_colored(style::banner_error_text, line);
    test_hook::record_item("signin.wait", "countdown", line, std::to_string(wait));
  }
  const bool can_send = !sending_ && wait == 0;
  if (widgets::primary_button("signin.submit", ctx.tr(sending_ ? working : signin_submit), can_send) ||
      (pw.submitted && can_send))
    submit(ctx);
  ImGui::SameLine(0, 24);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y);
  if (widgets::link("signin.forgot", ctx.tr(signin_forgot))) ctx.nav.go("#/forgot-password");
  identity_.draw_buttons(ctx, identity_sign_in);
  ImGui::EndGroup();
}

}  // namespace accounts
