#pragma once
// #/forgot-password: username and the registered mobile number, an OTP to that phone, then
// a new password (POST /api/v1/auth/forgot-password). The reply is the same whether or not
// the account and phone matched (no enumeration), and nobody is signed in afterwards.
#include <string>

#include "wasm/api/client.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/screens/accounts/otp_step.hpp"
#include "wasm/screens/accounts/password_form.hpp"

namespace accounts {

class ForgotPasswordScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  double wake_at() const override { return otp_.wake_at(now_); }

 private:
  std::string username_, phone_, done_th_, done_en_;
  OtpStep otp_{"forgot.otp", domain::OtpPurpose::password_reset};
  PasswordForm password_{"forgot", "new_password"};
  api::FormErrors errors_;
  double now_ = 0;
  bool sending_ = false;
  api::Pending pending_;
};

}  // namespace accounts
