#include "wasm/app/notifications.hpp"

#include <algorithm>

#include "shared/notifications/work_notice.hpp"
#include "shared/ui/strings_kpi_report.hpp"
#include "wasm/app/context.hpp"
#include "wasm/app/frame_pacer.hpp"
#include "wasm/app/route.hpp"
#include "wasm/widgets/widgets.hpp"

namespace app {

void Notifications::update(Context& ctx) {
  const User* user = ctx.session.user();
  const std::string who = user && !user->first_login_pending() ? user->username : "";
  if (who != user_) {
    user_ = who;
    list_ = nlohmann::json::array();
    seen_id_ = 0;
    fetched_at_ = -1;
    pending_.reset();
  }
  if (user_.empty()) return;
  const std::string& route = ctx.nav.current();
  if (route != route_ || fetched_at_ < 0 || ctx.now >= fetched_at_ + kPollSeconds) {
    route_ = route;
    fetch(ctx);
  }
}

void Notifications::fetch(Context& ctx) {
  fetched_at_ = ctx.now;
  ctx.api.get("/api/v1/notifications", pending_.guard([this](const api::Reply& r) {
    if (r.ok() && r.body.is_array()) list_ = r.body;
  }));
}

double Notifications::wake_at() const { return user_.empty() ? FramePacer::never : fetched_at_ + kPollSeconds; }

void Notifications::seen() {
  for (const auto& n : list_) seen_id_ = std::max(seen_id_, n.value("id", std::int64_t{0}));
}

int Notifications::unseen() const {
  int n = 0;
  for (const auto& item : list_) n += item.value("id", std::int64_t{0}) > seen_id_;
  return n;
}

std::string Notifications::label(const Context& ctx) const {
  const int n = unseen();
  std::string label(ctx.tr(ui::text::kpi_report::notifications));
  if (n > 0) label += " (" + std::to_string(n) + ")";
  return label;
}

void Notifications::draw_link(Context& ctx) {
  if (widgets::link("app.notifications", label(ctx))) ctx.nav.go("#/notifications");
}

std::string Notifications::route_of(const nlohmann::json& notification) {
  const Route link = parse_route(notification.value("link", ""));
  // Local education data links are the screen's own route (a voided confirmation: the node),
  // and so are those of work that arrived (a letter to review, an access request to decide).
  const std::string kind = notification.value("kind", "");
  if (!link.segments.empty() &&
      (link.segments[0] == "lec" || kind == domain::letter_uploaded_kind || kind == domain::access_request_kind))
    return route_string(link.segments, link.query);
  if (link.segments.size() != 4 || link.segments[0] != "kpi") return "";
  const std::string screen = notification.value("kind", "") == "submitted" ? "review" : "report";
  return route_string({"kpi", screen, link.segments[1], link.segments[2], link.segments[3]});
}

}  // namespace app
