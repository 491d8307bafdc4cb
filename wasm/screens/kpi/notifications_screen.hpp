#pragma once
// #/notifications: the signed-in user's notifications, newest first, each with a button
// opening the report it is about (the review screen for a reviewer, the form for a school).
#include "wasm/app/notifications.hpp"
#include "wasm/app/screen.hpp"

namespace kpi_screens {

class NotificationsScreen : public app::Screen {
 public:
  explicit NotificationsScreen(app::Notifications& notifications) : notifications_(notifications) {}
  void open(app::Context& ctx, const app::Route& route) override;
  void draw(app::Context& ctx) override;

 private:
  app::Notifications& notifications_;
};

}  // namespace kpi_screens
