#pragma once
// #/review/registrations: the reviewers' queue (filters: status, affiliation, province),
// the record with its legacy usernames, the uploaded letter, approve or reject with a reason.
#include <string>

#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"

namespace registration {

class ReviewScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;

 private:
  void load(app::Context& ctx);
  void decide(app::Context& ctx, bool approve);

  int status_ = 1;  // index in the status list: under_review
  int affiliation_ = 0;
  std::string province_, reason_;
  nlohmann::json list_ = nlohmann::json::array();
  int selected_ = -1;
  bool done_ = false;
  api::FormErrors errors_;
  api::Pending pending_;
};

}  // namespace registration
