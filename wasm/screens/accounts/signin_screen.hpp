#pragma once
// #/signin[?next=<route>]: username and password. A slowed-down account (429) shows the
// server's message and a countdown, with the button off until it is over. "Sign in with
// ThaID" where an identity provider is configured: the account holding the proven national ID.
#include <string>

#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/screens/accounts/form.hpp"
#include "wasm/screens/accounts/identity_step.hpp"

namespace accounts {

class SignInScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  double wake_at() const override { return wait_.wake_at(now_); }

 private:
  void submit(app::Context& ctx);

  std::string username_, password_, next_ = "#/";
  api::FormErrors errors_;
  Countdown wait_;
  double now_ = 0;
  bool sending_ = false;
  api::Pending pending_;
  IdentityStep identity_{"signin.identity", domain::IdentityPurpose::sign_in, "/"};
};

}  // namespace accounts
