#pragma once
// #/access-request: a person asks for a school website account (the EMIS rule): pick the
// education-area office, then a school in it, tick the rights asked for beyond view (KPI
// reporting), fill in name, surname, phone, e-mail, prove
// the phone by OTP, send (POST /api/v1/access-requests). The area's admin decides. Where an
// identity provider is configured (ThaID), proving who one is there comes first: the names
// are then the provider's and no OTP is asked (?identity_token= on the way back).
// ?area=<code>&school=<code> (from the home page's search) chooses both.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wasm/api/client.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/screens/accounts/identity_step.hpp"
#include "wasm/screens/accounts/otp_step.hpp"
#include "wasm/screens/accounts/profile_form.hpp"

namespace accounts {

class AccessRequestScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;
  double wake_at() const override { return otp_.wake_at(now_); }

 private:
  void load_schools(app::Context& ctx);
  void choose_wanted(app::Context& ctx);
  void choose_wanted_school();

  struct Org {
    std::string code, name;
  };
  std::vector<Org> areas_, schools_;
  std::vector<std::string> area_names_, school_names_;
  int area_ = -1, school_ = -1;
  std::string wanted_area_, wanted_school_;  // from the route, until chosen
  std::vector<bool> asked_;  // per domain::requestable_rights()
  ProfileForm person_{"access.person", "person", true, domain::EmailRule::required};
  OtpStep otp_{"access.otp", domain::OtpPurpose::school_user};
  IdentityStep identity_{"access.identity", domain::IdentityPurpose::access_request, "/access-request"};
  api::FormErrors errors_;
  double now_ = 0;
  bool sending_ = false, done_ = false;
  api::Pending pending_, schools_pending_;
};

}  // namespace accounts
