#include "wasm/screens/accounts/qr_signin_screen.hpp"

#include "shared/ui/strings_account_screens.hpp"
#include "shared/ui/strings_client.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/accounts/form.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

using namespace ui::text;

void QrSignInScreen::open(app::Context&, const app::Route& route) {
  pending_.reset();
  token_ = route.param(0);
  next_ = next_route(route);
  sent_ = sending_ = false;
  errors_.clear();
}

void QrSignInScreen::redeem(app::Context& ctx) {
  sent_ = sending_ = true;
  errors_.clear();
  ctx.api.post("/api/v1/auth/qr", {{"token", token_}}, pending_.guard([this, &ctx](const api::Reply& r) {
    sending_ = false;
    if (!r.ok()) {
      errors_.take(r);
      return;
    }
    ctx.session.signed_in(r.body);
    const app::User* user = ctx.session.user();
    ctx.nav.go(user && user->first_login_pending() ? app::route_string({"first-login"}, {{"next", next_}}) : next_);
  }));
}

void QrSignInScreen::draw(app::Context& ctx) {
  widgets::heading(ctx.tr(qr_signin_heading), ctx.fonts.title);
  // Redeem once the app knows who is signed in here: the start-up GET /me answering after
  // the QR sign-in would otherwise forget the user it signed in.
  if (!sent_ && ctx.session.state() != app::Session::State::unknown) redeem(ctx);
  if (sending_ || !sent_) {
    widgets::text_colored(style::muted_text, ctx.tr(qr_signin_working));
    return;
  }
  const auto* e = errors_.general();
  if (!e) return;  // signed in: on the way to the next screen
  widgets::error_banner("qr.error", e, ctx.language);
  if (e->code == "network" || e->code == "unexpected_reply") {
    if (widgets::primary_button("qr.retry", ctx.tr(ui::text::retry))) redeem(ctx);
    return;
  }
  widgets::text_wrapped(ctx.tr(qr_signin_help));
  ImGui::Spacing();
  if (widgets::primary_button("qr.signin", ctx.tr(go_sign_in))) ctx.nav.go("#/signin");
}

}  // namespace accounts
