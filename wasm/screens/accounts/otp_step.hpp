#pragma once
// Proving a phone by OTP (POST /api/v1/otp, then /api/v1/otp/verify): send the code, show
// its reference, type the 6 digits, get the otp_token a feature redeems. Re-sending waits
// for the server's resend_after, shown as a countdown.
#include <string>

#include "shared/otp/otp_policy.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/context.hpp"
#include "wasm/screens/accounts/form.hpp"

namespace accounts {

class OtpStep {
 public:
  OtpStep(std::string id, domain::OtpPurpose purpose) : id_(std::move(id)), purpose_(purpose) {}

  void reset();
  // Draws the send / code / verify controls for `phone`. Errors of the phone land in
  // `phone_errors` under `phone_field`.
  void draw(app::Context& ctx, const std::string& phone, float width);
  double wake_at(double now) const { return resend_.wake_at(now); }
  const std::string& token() const { return token_; }  // empty until verified
  bool sent() const { return !otp_id_.empty(); }

 private:
  void send(app::Context& ctx, const std::string& phone);
  void verify(app::Context& ctx);

  std::string id_;
  domain::OtpPurpose purpose_;
  std::string otp_id_, ref_, code_, token_, sent_to_;
  Countdown resend_;
  api::FormErrors errors_;
  bool sending_ = false;
  api::Pending pending_;
};

}  // namespace accounts
