#include "wasm/screens/accounts/first_login_screen.hpp"

#include "shared/ui/strings_account_screens.hpp"
#include "shared/ui/strings_client.hpp"
#include "wasm/app/style.hpp"
#include "wasm/screens/accounts/form.hpp"
#include "wasm/widgets/widgets.hpp"

namespace accounts {

using namespace ui::text;

void FirstLoginScreen::open(app::Context& ctx, const app::Route& route) {
  pending_.reset();
  sending_ = false;
  next_ = next_route(route);
  errors_.clear();
  current_.clear();
  password_.reset();
  if (const app::User* user = ctx.session.user()) profile_.fill(user->profile);
}

void FirstLoginScreen::draw(app::Context& ctx) {
  const app::User* user = ctx.session.user();
  if (!user) return;  // the app sends a signed-out user to sign-in
  if (!user->first_login_pending()) {
    ctx.nav.go(next_);
    return;
  }
  widgets::heading(ctx.tr(first_login_heading), ctx.fonts.title);
  widgets::text_wrapped(ctx.tr(first_login_intro));
  widgets::steps("first.steps", {ctx.tr(step_profile), ctx.tr(step_password)},
                 user->must_complete_profile ? 0 : 1);
  ImGui::Spacing();
  const float width = std::min(ImGui::GetContentRegionAvail().x, 560.0f);
  if (user->must_complete_profile) draw_profile(ctx, width);
  else draw_password(ctx, width);
}

void FirstLoginScreen::draw_profile(app::Context& ctx, float width) {
  profile_.draw(ctx, width);
  widgets::error_banner("first.profile.error",
                        profile_.errors().general_if([&](const std::string& f) { return profile_.shows(f); }),
                        ctx.language);
  if (widgets::primary_button("first.profile.save", ctx.tr(sending_ ? working : save_and_continue), !sending_) &&
      profile_.check_all()) {
    sending_ = true;
    nlohmann::json body = profile_.value();
    ctx.api.put("/api/v1/me/profile", body, pending_.guard([this, &ctx](const api::Reply& r) {
      sending_ = false;
      if (!r.ok()) {
        profile_.errors().take(r);
        return;
      }
      ctx.session.update(r.body);  // must_complete_profile: false -> the password step
    }));
  }
}

void FirstLoginScreen::draw_password(app::Context& ctx, float width) {
  const std::string username = ctx.session.user()->username;
  auto current = widgets::field("first.current", ctx.tr(password_current), current_,
                                errors_.of("current_password"), ctx.language, widgets::Field::password, width);
  if (current.changed) errors_.clear("current_password");
  const bool enter = password_.draw(ctx, width, username);
  widgets::error_banner("first.password.error", errors_.general({"current_password"}), ctx.language);
  const bool pressed = widgets::primary_button("first.password.save", ctx.tr(sending_ ? working : set_password), !sending_);
  if (!(pressed || (enter && !sending_))) return;
  errors_.clear();
  if (current_.empty()) errors_.set(client_error("required", "current_password", field_required));
  if (!password_.check_all(username) || !errors_.empty()) return;
  sending_ = true;
  ctx.api.post("/api/v1/auth/password", {{"current_password", current_}, {"new_password", password_.password()}},
               pending_.guard([this, &ctx](const api::Reply& r) {
                 sending_ = false;
                 if (!r.ok()) {
                   if (r.error && r.error->field == password_.wire()) password_.errors().take(r);
                   else errors_.take(r);
                   return;
                 }
                 current_.clear();
                 password_.reset();
                 ctx.session.update(r.body);  // a new session: new CSRF token, flags cleared
               }));
}

}  // namespace accounts
