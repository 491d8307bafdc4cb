#pragma once
// #/qr/<token>[?next=]: the link in a one-time sign-in QR code an admin issued. Opening it
// signs in (POST /api/v1/auth/qr), then goes on like a sign-in with a password: first
// login when pending, else `next` or home. A used, expired or voided code shows the
// server's word and the ways on: sign in with a password, or ask the admin for a new code.
#include <string>

#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"

namespace accounts {

class QrSignInScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;

 private:
  void redeem(app::Context& ctx);

  std::string token_, next_ = "#/";
  bool sent_ = false, sending_ = false;
  api::FormErrors errors_;
  api::Pending pending_;
};

}  // namespace accounts
