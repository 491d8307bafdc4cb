#pragma once
// #/register: the registration wizard (product.md section 1). Steps: 1 affiliation,
// 2 institution, 3 legacy usernames, 4 account holder, 5 OTP, 6 letter, 7 upload, 8 status.
// Back and next keep what was typed; every field is checked with the rules of shared/.
#include <string>
#include <vector>

#include "shared/directory/institution.hpp"
#include "shared/registration/registration_form.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/widgets/widgets.hpp"

namespace registration {

class RegisterScreen : public app::Screen {
 public:
  void draw(app::Context& ctx) override;

 private:
  void draw_affiliation(app::Context& ctx);
  void draw_institution(app::Context& ctx);
  void draw_legacy(app::Context& ctx);
  void draw_holder(app::Context& ctx);
  void draw_otp(app::Context& ctx);
  void draw_letter(app::Context& ctx);
  void draw_upload(app::Context& ctx);
  void draw_status(app::Context& ctx);
  void send_otp(app::Context& ctx);
  void load_status(app::Context& ctx);
  bool step_ok(int step);  // the rules of shared/ for that step's fields

  int step_ = 0;  // 0-based
  domain::RegistrationForm form_;
  std::string name_query_, province_query_;
  std::vector<domain::Institution> found_;
  std::optional<domain::Institution> chosen_;
  bool searched_ = false;
  std::string otp_id_, otp_ref_, otp_code_;
  std::string registration_id_, token_, username_;
  std::string upload_username_, upload_national_id_;
  widgets::ChosenFile file_;
  float progress_ = 0;
  bool busy_ = false;
  nlohmann::json status_;
  api::FormErrors errors_;
  api::Pending pending_;
};

}  // namespace registration
