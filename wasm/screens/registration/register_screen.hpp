#pragma once
// #/register: the registration wizard (product.md section 1). Steps: 1 affiliation,
// 2 institution, 3 legacy usernames, 4 account holder, 5 OTP, 6 letter, 7 upload, 8 status.
// Back and next keep what was typed; every field is checked with the rules of shared/.
// An institution's registration in progress is shown when it is chosen: its registrant
// continues it or sees where it stands (#/register/resume: a new OTP to the same phone), or
// the new registrant confirms replacing it; nothing is replaced unconfirmed. Where an identity
// provider is configured (ThaID), the first step offers it: the holder's names and national
// ID then come from the provider, and the proof stands in for the OTP.
#include <string>
#include <vector>

#include "shared/directory/institution.hpp"
#include "shared/registration/registration_form.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "shared/registration/open_registration.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/screens/accounts/identity_step.hpp"
#include "wasm/screens/accounts/otp_step.hpp"
#include "wasm/screens/registration/registration_status.hpp"
#include "wasm/widgets/widgets.hpp"

namespace registration {

class RegisterScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  double wake_at() const override { return resuming_ ? resume_otp_.wake_at(now_) : app::FramePacer::never; }

 private:
  void draw_affiliation(app::Context& ctx);
  void draw_institution(app::Context& ctx);
  void draw_legacy(app::Context& ctx);
  void draw_holder(app::Context& ctx);
  void draw_otp(app::Context& ctx);
  void draw_letter(app::Context& ctx);
  void draw_upload(app::Context& ctx);
  void draw_resume(app::Context& ctx);
  void draw_open_registrations(app::Context& ctx);
  void load_open_registrations(app::Context& ctx);
  void submit(app::Context& ctx);
  void send_otp(app::Context& ctx);
  bool step_ok(int step);  // the rules of shared/ for that step's fields

  int step_ = 0;  // 0-based
  domain::RegistrationForm form_;
  std::string name_query_, province_query_;
  std::vector<domain::Institution> found_;
  std::optional<domain::Institution> chosen_;
  bool searched_ = false;
  std::vector<domain::OpenRegistration> open_;  // of chosen_, when loaded
  bool supersede_ = false;  // the registrant confirmed replacing open_
  std::string otp_id_, otp_ref_, otp_code_;
  std::string otp_token_;  // verified, not yet used: a refused registration can be confirmed with it
  bool resuming_ = false;
  std::string resume_code_, resume_phone_;
  accounts::OtpStep resume_otp_{"reg.resume.otp", domain::OtpPurpose::registration};
  accounts::IdentityStep identity_{"reg.identity", domain::IdentityPurpose::registration, "/register"};
  bool proved() const { return !identity_.token().empty() && identity_.proved(); }
  std::string registration_id_, token_, username_;
  bool superseded_any_ = false;
  std::string upload_username_, upload_national_id_;
  widgets::ChosenFile file_;
  float progress_ = 0;
  bool busy_ = false;
  double now_ = 0;
  StatusPanel status_panel_;
  api::FormErrors errors_;
  api::Pending pending_;
};

}  // namespace registration
