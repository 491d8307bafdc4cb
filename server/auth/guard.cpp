#include "server/auth/guard.hpp"

#include "server/accounts/account_store.hpp"
#include "server/auth/crypto.hpp"
#include "server/auth/sessions.hpp"
#include "server/http/errors.hpp"
#include "server/http/refusal.hpp"
#include "shared/accounts/account_messages.hpp"
#include "shared/accounts/sign_in_policy.hpp"

namespace server::auth {

namespace {

bool changes_state(http::Verb v) {
  return v == http::Verb::post || v == http::Verb::put || v == http::Verb::patch || v == http::Verb::delete_;
}

// The cookie is removed along with a 401: the browser stops sending a dead id.
http::Reply unauthorised(domain::FieldError e) {
  auto r = http::error_reply(http::Status::unauthorized, e);
  std::get<http::StringResponse>(r).set(boost::beast::http::field::set_cookie, expired_session_cookie());
  return r;
}

// Writing last_seen at most once a minute keeps reads from turning into writes.
constexpr std::int64_t touch_interval = 60;

}  // namespace

http::Reply not_signed_in() {
  return unauthorised(domain::not_signed_in_error());
}

http::Reply session_expired() {
  return unauthorised(domain::session_expired_error());
}

std::variant<Principal, http::Reply> Guard::require_user(const http::RequestContext& rq, FirstLogin first_login) {
  if (!std::any_cast<Principal>(&rq.signed_in_user)) {
    auto who = authenticate(rq);
    if (auto* reply = std::get_if<http::Reply>(&who)) return std::move(*reply);
    rq.signed_in_user = std::move(std::get<Principal>(who));
  }
  const auto& p = *std::any_cast<Principal>(&rq.signed_in_user);
  if (first_login == FirstLogin::must_be_done) {
    if (p.must_complete_profile)
      return http::error_reply(http::Status::forbidden, domain::must_complete_profile_error());
    if (p.must_change_password)
      return http::error_reply(http::Status::forbidden, domain::must_change_password_error());
  }
  return p;
}

std::optional<http::Reply> Guard::gate(const http::RequestContext& rq, const http::Access& access) {
  // The routes that finish a first login need no permission; every other one tells a user
  // whose first login is pending what to do before saying what they may not do.
  const bool needs_permission = access.who == http::Access::Who::permission;
  auto who = require_user(rq, needs_permission ? FirstLogin::must_be_done : FirstLogin::may_be_pending);
  if (auto* reply = std::get_if<http::Reply>(&who)) return std::move(*reply);
  if (!needs_permission) return std::nullopt;
  for (const auto& g : std::get<Principal>(who).grants)
    for (const auto& id : access.permissions)
      if (domain::to_string(g.permission) == id) return std::nullopt;
  auto first = domain::parse_permission(access.permissions.empty() ? "" : access.permissions.front());
  return http::forbidden(first ? first.value() : domain::Permission::view);
}

std::variant<Principal, http::Reply> Guard::authenticate(const http::RequestContext& rq) {
  const auto digest = session_digest(session_token_of(rq.request));
  if (!digest) return not_signed_in();
  auto db = db_.acquire();
  // Read before anything else: a sign-out, a disabled user or a changed grant, in any server
  // process, moves it, so a caller kept at this revision is as the database has them now.
  const std::int64_t revision = auth_revision(*db);
  auto known = known_.find(*digest, revision);
  const auto now = unix_now();
  if (!known) {
    storage::ReadSnapshot reads(*db);  // the session, its user and grants: one moment
    auto session = find_session_by_digest(*db, *digest);
    if (!session) return not_signed_in();
    if (!domain::session_alive(session->created_at, session->last_seen_at, now)) {
      reads.end();
      delete_session(*db, session->digest);
      return session_expired();
    }
    auto user = accounts::find_user(*db, session->user_id);
    reads.end();
    if (!user || user->status != accounts::UserStatus::active) {
      delete_session(*db, session->digest);
      return not_signed_in();
    }
    known = std::make_shared<const Known>(Known{std::move(*session), std::move(*user)});
    known_.keep(*digest, revision, known);
  } else if (!domain::session_alive(known->session.created_at, known->session.last_seen_at, now)) {
    delete_session(*db, known->session.digest);
    return session_expired();
  }
  const auto& session = known->session;
  const auto& user = known->user;
  if (changes_state(rq.request.method())) {
    auto header = rq.request.find("X-CSRF-Token");
    if (header == rq.request.end() || !equal_in_constant_time(header->value(), session.csrf_token))
      return http::error_reply(http::Status::forbidden, domain::csrf_failed_error());
  }
  std::int64_t last_seen = session.last_seen_at;
  if (now - last_seen >= touch_interval) {
    touch_session(*db, session.digest, now);  // moves the revision: the next request reads afresh
    last_seen = now;
  }
  return Principal{user.id,
                   user.username,
                   user.display_name(),
                   user.org_code,
                   user.grants,
                   session.digest,
                   session.csrf_token,
                   domain::session_expires_at(session.created_at, last_seen),
                   user.must_change_password,
                   user.must_complete_profile};
}

std::variant<Caller, http::Reply> Guard::require_caller(const http::RequestContext& rq) {
  auto who = require_user(rq);
  if (auto* reply = std::get_if<http::Reply>(&who)) return std::move(*reply);
  const auto& p = std::get<Principal>(who);
  return Caller{p.user_id, p.display_name.empty() ? p.username : p.display_name, p.org_code, p.grants};
}

bool Guard::allowed(const Principal& p, domain::Permission perm, std::string_view org_code) const {
  return domain::allowed(p.grants, perm, org_code, orgs_);
}


}  // namespace server::auth
