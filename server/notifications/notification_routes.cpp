#include "server/notifications/notification_routes.hpp"

#include "server/http/api_replies.hpp"
#include "server/http/errors.hpp"
#include "server/notifications/notification_store.hpp"

namespace server::notifications {

namespace {

// One arrival addressed to two nodes the caller holds the permission on (the area and the
// centre) is two rows written one after the other: shown once.
bool same_event(const Notification& newer, const Notification& older) {
  return newer.id == older.id + 1 && newer.kind == older.kind && newer.link == older.link &&
         newer.text_en == older.text_en;
}

}  // namespace

void add_notification_routes(http::Router& router, auth::Guard& guard, std::shared_ptr<storage::ConnectionPool> pool) {
  router.add(http::Verb::get, "/api/v1/notifications", http::signed_in(http::Scope::subtree),
             [&guard, pool](const http::RequestContext& rq) -> http::Reply {
               auto who = guard.require_user(rq);
               if (auto* reply = std::get_if<http::Reply>(&who)) return std::move(*reply);
               const auto& p = std::get<auth::Principal>(who);
               std::vector<std::string> orgs;
               for (const auto& g : p.grants) orgs.push_back(g.org_code);
               std::vector<Notification> found;
               {
                 auto db = pool->acquire();
                 found = list(*db, orgs, 50);
               }
               nlohmann::json out = nlohmann::json::array();
               const Notification* shown = nullptr;
               for (const auto& n : found) {
                 auto perm = domain::parse_permission(n.permission);
                 if (!perm || !guard.allowed(p, perm.value(), n.org_code)) continue;
                 if (shown && same_event(*shown, n)) continue;
                 shown = &n;
                 out.push_back({{"id", n.id}, {"kind", n.kind}, {"text_th", n.text_th}, {"text_en", n.text_en},
                                {"link", n.link}, {"created_at", n.created_at}});
               }
               return http::revalidated(http::json_reply(http::Status::ok, out));
             });
}

}  // namespace server::notifications
