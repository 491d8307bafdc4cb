#include "server/accounts/my_sessions_routes.hpp"

#include "server/auth/sessions.hpp"
#include "server/http/errors.hpp"
#include "shared/accounts/signed_in_sessions.hpp"

namespace server::accounts {

namespace {

using nlohmann::json;
namespace bhttp = boost::beast::http;

std::string user_target(std::int64_t id) { return "user:" + std::to_string(id); }

json session_json(const auth::UserSession& s, const std::string& current_digest) {
  return domain::SignedInSession{s.public_id,
                                 auth::iso_time(s.created_at),
                                 auth::iso_time(s.last_seen_at),
                                 s.client_address,
                                 domain::describe_user_agent(s.user_agent),
                                 s.digest == current_digest};
}

}  // namespace

void add_my_sessions_routes(http::Router& router, auth::Guard& guard, auth::AuditLog& audit,
                            storage::ConnectionPool& pool) {
  // GET /api/v1/me/sessions: {"sessions":[...]}, the last used first.
  router.add(http::Verb::get, "/api/v1/me/sessions", http::signed_in(http::Scope::none),
             [&](const http::RequestContext& rq) -> http::Reply {
               auto who = guard.require_user(rq);
               if (auto* reply = std::get_if<http::Reply>(&who)) return std::move(*reply);
               const auto& me = std::get<auth::Principal>(who);
               json list = json::array();
               {
                 auto db = pool.acquire();
                 for (const auto& s : auth::user_sessions(*db, me.user_id, auth::unix_now()))
                   list.push_back(session_json(s, me.session_digest));
               }
               return http::json_reply(http::Status::ok, {{"sessions", list}});
             });

  // DELETE /api/v1/me/sessions/{id}: one of the caller's own; ending the current one signs
  // this client out (the cookie is cleared).
  router.add(http::Verb::delete_, "/api/v1/me/sessions/{id}", http::signed_in(http::Scope::object, "id"),
             [&](const http::RequestContext& rq) -> http::Reply {
               auto who = guard.require_user(rq);
               if (auto* reply = std::get_if<http::Reply>(&who)) return std::move(*reply);
               const auto& me = std::get<auth::Principal>(who);
               const std::string& id = rq.params.at("id");
               std::optional<auth::UserSession> ended;
               {
                 auto db = pool.acquire();
                 ended = auth::end_user_session(*db, me.user_id, id, auth::unix_now());
               }
               if (!ended) return http::error_reply(http::Status::not_found, domain::session_not_found());
               const bool current = ended->digest == me.session_digest;
               audit.record({me.user_id, "session.end", user_target(me.user_id), rq.client_address,
                             {{"session", id}, {"current", current}}});
               auto reply = http::json_reply(http::Status::ok, {{"ended", 1}, {"signed_out", current}});
               if (current) std::get<http::StringResponse>(reply).set(bhttp::field::set_cookie, auth::expired_session_cookie());
               return reply;
             });

  // POST /api/v1/me/sessions/end-others: every session of the caller but this one.
  router.add(http::Verb::post, "/api/v1/me/sessions/end-others", http::signed_in(http::Scope::none),
             [&](const http::RequestContext& rq) -> http::Reply {
               auto who = guard.require_user(rq);
               if (auto* reply = std::get_if<http::Reply>(&who)) return std::move(*reply);
               const auto& me = std::get<auth::Principal>(who);
               int ended = 0;
               {
                 auto db = pool.acquire();
                 ended = auth::delete_user_sessions(*db, me.user_id, me.session_digest);
               }
               audit.record({me.user_id, "session.end_others", user_target(me.user_id), rq.client_address,
                             {{"ended", ended}}});
               return http::json_reply(http::Status::ok, {{"ended", ended}});
             });
}

}  // namespace server::accounts
