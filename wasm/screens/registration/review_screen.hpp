#pragma once
// #/review/registrations[/<id>]: the reviewers' queue (with an id, as a notification links
// it: that registration selected) (filters: status, affiliation, province),
// the record with its legacy usernames next to the uploaded letter's image (above it on a
// narrow screen), approve or reject with a reason.
#include <string>

#include "wasm/api/client.hpp"
#include "wasm/api/form_errors.hpp"
#include "wasm/app/screen.hpp"
#include "wasm/widgets/image.hpp"

namespace registration {

class ReviewScreen : public app::Screen {
 public:
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;

 private:
  void load(app::Context& ctx);
  void select(app::Context& ctx, const nlohmann::json& registration);
  void decide(app::Context& ctx, const nlohmann::json& registration, bool approve);
  void draw_record(app::Context& ctx, const nlohmann::json& registration);
  void draw_letter(app::Context& ctx, const nlohmann::json& registration, float width);
  const nlohmann::json* selected() const;

  int status_ = 1;  // index in the status list: under_review
  int affiliation_ = 0;
  std::string province_, reason_;
  nlohmann::json list_ = nlohmann::json::array();
  int selected_id_ = 0;  // registration_id; 0: none
  int wanted_id_ = 0;    // from the route: selected once the queue arrives
  bool done_ = false;
  api::FormErrors errors_;
  api::Pending pending_;
  widgets::RemoteImage letter_;
};

}  // namespace registration
