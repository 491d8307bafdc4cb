#pragma once
// #/activate/<token>: the link in the approval SMS. Sets the first password of the
// approved account (POST /api/v1/auth/activate); no automatic sign-in: it ends with the
// username and the way to the sign-in screen. A used or expired link says what to do.
#include <string>

#include "wasm/api/client.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/screens/accounts/password_form.hpp"

namespace accounts {

class ActivationScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;

 private:
  std::string token_, activated_username_;
  PasswordForm password_{"activate", "password"};
  api::FormErrors errors_;  // link problems and the rest
  bool sending_ = false;
  api::Pending pending_;
};

}  // namespace accounts
