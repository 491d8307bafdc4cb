#pragma once
// #/account, "My account": the profile (PUT /api/v1/me/profile), a new password (POST
// /api/v1/auth/password: every other session ends) and the sessions signed in as the user
// (GET /api/v1/me/sessions), each of which can be ended, or all but this one, after a
// confirmation. Reached from the top bar's "My account" link.
#include <string>
#include <vector>

#include "shared/accounts/signed_in_sessions.hpp"
#include "wasm/api/client.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/screens/accounts/password_form.hpp"
#include "wasm/screens/accounts/profile_form.hpp"

namespace accounts {

class AccountScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  void retry() override { reload_ = true; }

 private:
  void draw_profile(app::Context& ctx, float width);
  void draw_password(app::Context& ctx, float width);
  void draw_sessions(app::Context& ctx);
  void draw_session(app::Context& ctx, std::size_t i);
  void load_sessions(app::Context& ctx);
  void end_one_session(app::Context& ctx, const std::string& id);
  void end_other_sessions(app::Context& ctx);

  ProfileForm profile_{"account.profile", "", true, domain::EmailRule::optional};
  bool profile_saved_ = false;
  bool profile_sending_ = false;
  api::Pending profile_pending_;

  PasswordForm password_{"account", "new_password"};
  std::string current_;
  api::FormErrors password_errors_;  // the current password, and form-wide errors
  bool password_changed_ = false;
  bool password_sending_ = false;
  api::Pending password_pending_;

  std::vector<domain::SignedInSession> sessions_;
  bool sessions_loading_ = false;
  bool reload_ = false;
  const ui::Text* notice_ = nullptr;  // what the last ending did
  api::FormErrors sessions_errors_;
  api::Pending sessions_pending_;
};

}  // namespace accounts
