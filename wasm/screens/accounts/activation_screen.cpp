#include "wasm/screens/accounts/activation_screen.hpp"

#include "shared/ui/strings_account_screens.hpp"
#include "shared/ui/strings_client.hpp"
#include "wasm/app/route.hpp"
#include "wasm/app/style.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

using namespace ui::text;

void ActivationScreen::open(app::Context&, const app::Route& route) {
  pending_.reset();
  sending_ = false;
  token_ = route.param(0);
  activated_username_.clear();
  errors_.clear();
  password_.reset();
}

void ActivationScreen::draw(app::Context& ctx) {
  widgets::heading(ctx.tr(activate_heading), ctx.fonts.title);
  if (!activated_username_.empty()) {
    style::banner(style::banner_info_bg, style::banner_info_text, [&] {
      widgets::text_wrapped(std::string(ctx.tr(activate_done)) + " " + activated_username_);
    });
    if (widgets::primary_button("activate.signin", ctx.tr(go_sign_in)))
      ctx.nav.go(app::route_string({"signin"}, {{"username", activated_username_}}));
    return;
  }
  widgets::text_wrapped(ctx.tr(activate_intro));
  ImGui::Spacing();
  const float width = std::min(ImGui::GetContentRegionAvail().x, 480.0f);
  const bool enter = password_.draw(ctx, width);
  if (const auto* e = errors_.general()) {
    widgets::error_banner("activate.error", e, ctx.language);
    if (e->code.rfind("link_", 0) == 0) widgets::text_wrapped(ctx.tr(activate_link_help));
  }
  const bool pressed = widgets::primary_button("activate.submit", ctx.tr(sending_ ? working : activate_submit), !sending_);
  if (!(pressed || (enter && !sending_)) || !password_.check_all()) return;
  errors_.clear();
  sending_ = true;
  ctx.api.post("/api/v1/auth/activate", {{"token", token_}, {"password", password_.password()}},
               pending_.guard([this](const api::Reply& r) {
                 sending_ = false;
                 if (!r.ok()) {
                   if (r.error && r.error->field == "password") password_.errors().take(r);
                   else errors_.take(r);
                   return;
                 }
                 password_.reset();
                 activated_username_ = api::text_of(r.body, "username");
                 if (activated_username_.empty()) activated_username_.assign(1, '-');  // (not = "-": GCC 12 -Wrestrict false alarm)
               }));
}

}  // namespace accounts
