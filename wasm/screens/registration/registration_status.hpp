#pragma once
// Where a registration stands, said in words with what happens next and the one thing to do:
// upload the signed letter, check again while it is reviewed, ask for a new activation link
// once approved (the 72-hour one lapsed), or register again after a rejection. The wizard's
// last step, and where a registration looked up after closing the browser lands.
#include <optional>
#include <string>

#include "shared/registration/registration_state.hpp"
#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/context.hpp"

namespace registration {

class StatusPanel {
 public:
  enum class Choice { none, upload_letter, register_again };

  void load(app::Context& ctx, std::string registration_id, std::string token);
  Choice draw(app::Context& ctx);

 private:
  void renew(app::Context& ctx);

  std::string id_, token_;
  std::optional<domain::RegistrationStatus> status_;
  std::string reason_, sent_to_;
  bool busy_ = false;
  api::FormErrors errors_;
  api::Pending pending_;
};

}  // namespace registration
