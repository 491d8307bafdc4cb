#pragma once
// The signed-in user's notifications (GET /api/v1/notifications: reviewers hear of new
// submissions and signed letters, schools of reviews and returns, admins of access requests): fetched on each route change and every
// minute while signed in; the top bar shows how many arrived since the list was last
// opened (#/notifications).
#include <nlohmann/json.hpp>
#include <string>

#include "wasm/api/client.hpp"

namespace app {

struct Context;

class Notifications {
 public:
  static constexpr double kPollSeconds = 60;

  // Each frame: fetches when due; forgets everything when the user changes.
  void update(Context& ctx);
  // The top bar's link "Notifications (2)" (ID "app.notifications", value the unseen count).
  void draw_link(Context& ctx);
  std::string label(const Context& ctx) const;  // "Notifications (2)"
  double wake_at() const;

  const nlohmann::json& list() const { return list_; }
  void fetch(Context& ctx);
  void seen();  // the list is shown
  int unseen() const;

  // A notification's link ("#/kpi/<kpi>/<period>/<unit>") as the screen that acts on it:
  // a new submission opens the review screen, a review or a return the report form; a
  // local education data link ("#/lec/...") opens as it is, and so do a signed letter's
  // ("#/review/registrations/<id>") and an access request's ("#/admin/users").
  static std::string route_of(const nlohmann::json& notification);

 private:
  nlohmann::json list_ = nlohmann::json::array();
  std::int64_t seen_id_ = 0;
  double fetched_at_ = -1;
  std::string route_, user_;
  api::Pending pending_;
};

}  // namespace app
