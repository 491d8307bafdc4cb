#pragma once
// #/first-login: an account with an issued password, or an incomplete profile, finishes
// its first sign-in here before anything else works (the server refuses other calls with
// 403 must_complete_profile / must_change_password; the app sends every signed-in route
// here meanwhile). Step 1 the profile (PUT /api/v1/me/profile), step 2 a new password
// (POST /api/v1/auth/password), then on to the route the user came for.
#include <string>

#include "wasm/api/client.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/screens/accounts/password_form.hpp"
#include "wasm/screens/accounts/profile_form.hpp"

namespace accounts {

class FirstLoginScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;

 private:
  void draw_profile(app::Context& ctx, float width);
  void draw_password(app::Context& ctx, float width);

  ProfileForm profile_{"first.profile", "", true, domain::EmailRule::optional};
  PasswordForm password_{"first", "new_password"};
  std::string current_, next_ = "#/";
  api::FormErrors errors_;  // the step's other errors (current password, form-wide)
  bool sending_ = false;
  api::Pending pending_;
};

}  // namespace accounts
