#include "server/auth/auth_routes.hpp"

#include "shared/accounts/account_messages.hpp"

#include "server/auth/crypto.hpp"
#include "server/auth/sessions.hpp"
#include "server/auth/sign_in_throttle.hpp"
#include "server/http/errors.hpp"
#include "server/http/json_body.hpp"
#include "shared/accounts/sign_in_policy.hpp"
#include "shared/core/text.hpp"
#include "shared/password/password_policy.hpp"

namespace server::auth {

namespace {

using accounts::UserRecord;
using accounts::UserStatus;
using nlohmann::json;
namespace bhttp = boost::beast::http;


http::Reply sign_in_failed() {
  return http::error_reply(http::Status::unauthorized, domain::sign_in_failed_error());
}

std::string user_target(std::int64_t id) { return "user:" + std::to_string(id); }

// The signed-in state a client needs: who, what they must still do, the CSRF token.
json session_json(const accounts::AccountService& accounts, const UserRecord& u, const std::string& csrf,
                  std::int64_t expires_at) {
  return {{"user", accounts.user_json(u)},
          {"must_change_password", u.must_change_password},
          {"must_complete_profile", u.must_complete_profile},
          {"csrf_token", csrf},
          {"session_expires_at", iso_time(expires_at)}};
}

}  // namespace

http::Reply rate_limited_reply(const domain::RateDecision& d) {
  auto r = http::error_reply(http::Status::too_many_requests, *d.refusal);
  std::get<http::StringResponse>(r).set(bhttp::field::retry_after, std::to_string(d.retry_after));
  return r;
}

http::Reply start_session(storage::Database& db, const accounts::AccountService& accounts, const UserRecord& user,
                          const http::RequestContext& rq, std::int64_t now, bool sign_out_everywhere) {
  // A new id at every sign-in: a session id planted before it is worth nothing.
  if (auto old = find_session(db, session_token_of(rq.request))) delete_session(db, old->digest);
  if (sign_out_everywhere) delete_user_sessions(db, user.id);
  auto session = create_session(db, user.id, rq.client_address, rq.request[bhttp::field::user_agent], now);
  auto reply = http::json_reply(http::Status::ok, session_json(accounts, user, session.csrf_token, session.expires_at));
  std::get<http::StringResponse>(reply).set(bhttp::field::set_cookie, session_cookie(session.token));
  return reply;
}

void add_auth_routes(http::Router& router, const Config& config, Guard& guard, AuditLog& audit,
                     accounts::AccountService& accounts) {
  auto& pool = accounts.db();

  router.add(http::Verb::post, "/api/v1/auth/login", http::anyone(), [&](const http::RequestContext& rq) -> http::Reply {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    auto username = http::text_field(body.value(), domain::username_field);
    if (!username) return http::bad_request(username.error());
    auto password = http::exact_text_field(body.value(), domain::password_field);
    if (!password) return http::bad_request(password.error());
    username.value() = domain::ascii_lower(username.value());  // usernames are stored in lower case

    const auto now = unix_now();
    std::optional<UserRecord> user;
    Attempt attempt;
    {
      auto db = pool.acquire();
      storage::Transaction tx(*db);  // BEGIN IMMEDIATE: the gate and the reservation are one step
      attempt = reserve_sign_in_attempt(*db, username.value(), rq.client_address, now);
      if (attempt.decision.allowed()) user = accounts::find_user(*db, username.value());
      tx.commit();
    }
    if (!attempt.decision.allowed()) {
      // One audit row per address and minute, counting the refusals: a client hammering
      // the gate does not fill the log.
      audit.record_counted({std::nullopt, "sign_in.throttled", "address:" + rq.client_address, rq.client_address,
                            {{"retry_after", attempt.decision.retry_after}}},
                           now, throttled_audit_window);
      return rate_limited_reply(attempt.decision);
    }
    // Argon2id runs without a database connection held; unknown users cost the same time.
    bool password_ok = false;
    if (user && !user->password_hash.empty()) password_ok = verify_password(user->password_hash, password.value());
    else spend_verification_time(password.value());

    auto db = pool.acquire();
    if (!password_ok) {  // the reservation stays: it is this failure
      audit.record({std::nullopt, "sign_in.failed", user ? user_target(user->id) : "username:" + username.value(),
                    rq.client_address, json::object()});
      return sign_in_failed();
    }
    release(*db, attempt.reserved);
    // From here on the caller knows the password: saying why it cannot be used tells no stranger anything.
    if (user->status != UserStatus::active) {
      audit.record({user->id, "sign_in.refused", user_target(user->id), rq.client_address,
                    {{"status", to_string(user->status)}}});
      const bool disabled = user->status == UserStatus::disabled;
      return http::error_reply(
          http::Status::forbidden,
          disabled ? domain::account_disabled_error() : domain::account_pending_error());
    }
    if (user->password_expires_at && now >= *user->password_expires_at) {
      audit.record({user->id, "sign_in.refused", user_target(user->id), rq.client_address,
                    {{"reason", "issued password expired"}}});
      return http::error_reply(http::Status::unauthorized, domain::issued_password_expired_error());
    }
    clear_failures(*db, account_key(username.value()));
    audit.record({user->id, "sign_in", user_target(user->id), rq.client_address, json::object()});
    return start_session(*db, accounts, *user, rq, now);
  });

  // A one-time sign-in QR code (issued by an admin) holds {PUBLIC_URL}/#/qr/{token}.
  router.add(http::Verb::post, "/api/v1/auth/qr", http::anyone(), [&](const http::RequestContext& rq) -> http::Reply {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    auto token = http::exact_text_field(body.value(), domain::link_token_field);
    if (!token) return http::bad_request(token.error());
    const auto now = unix_now();
    auto db = pool.acquire();
    storage::Transaction tx(*db);
    auto redeemed = accounts::redeem_token(*db, accounts::TokenPurpose::sign_in_qr, token.value(), now);
    std::optional<UserRecord> user;
    if (redeemed.state == accounts::TokenState::ok) user = accounts::find_user(*db, redeemed.user_id);
    if (!user || user->status != UserStatus::active) {
      tx.commit();  // a used or expired code stays so; nothing else changed
      audit.record({std::nullopt, "sign_in.qr_refused", redeemed.user_id ? user_target(redeemed.user_id) : "token",
                    rq.client_address, {{"state", accounts::to_string(redeemed.state)}}});
      return http::error_reply(http::Status::unauthorized, domain::qr_invalid_error());
    }
    auto reply = start_session(*db, accounts, *user, rq, now);
    tx.commit();
    audit.record({user->id, "sign_in", user_target(user->id), rq.client_address, {{"method", "qr"}}});
    return reply;
  });

  router.add(http::Verb::post, "/api/v1/auth/logout", http::signed_in(http::Scope::none), [&](const http::RequestContext& rq) -> http::Reply {
    auto who = guard.require_user(rq, FirstLogin::may_be_pending);
    if (auto* reply = std::get_if<http::Reply>(&who)) return std::move(*reply);
    const auto& p = std::get<Principal>(who);
    {
      auto db = pool.acquire();
      delete_session(*db, p.session_digest);
    }
    audit.record({p.user_id, "sign_out", user_target(p.user_id), rq.client_address, json::object()});
    auto reply = http::json_reply(http::Status::ok, {{"signed_out", true}});
    std::get<http::StringResponse>(reply).set(bhttp::field::set_cookie, expired_session_cookie());
    return reply;
  });

  router.add(http::Verb::get, "/api/v1/me", http::signed_in(http::Scope::none), [&](const http::RequestContext& rq) -> http::Reply {
    auto who = guard.require_user(rq, FirstLogin::may_be_pending);
    if (auto* reply = std::get_if<http::Reply>(&who)) return std::move(*reply);
    const auto& p = std::get<Principal>(who);
    auto db = pool.acquire();
    auto user = accounts::find_user(*db, p.user_id);
    if (!user) return not_signed_in();
    return http::json_reply(http::Status::ok, session_json(accounts, *user, p.csrf_token, p.session_expires_at));
  });

  router.add(http::Verb::post, "/api/v1/auth/activate", http::anyone(), [&](const http::RequestContext& rq) -> http::Reply {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    auto token = http::exact_text_field(body.value(), domain::link_token_field);
    if (!token) return http::bad_request(token.error());
    auto password = http::exact_text_field(body.value(), domain::password_field);
    if (!password) return http::bad_request(password.error());

    // The link is judged before any password is hashed for it: a wrong link costs the
    // server one lookup and counts against the client address (429 after 10 in an hour).
    const auto now = unix_now();
    const auto refuse_link = [&](const accounts::RedeemedToken& redeemed) -> http::Reply {
      audit.record({std::nullopt, "activation.refused", redeemed.user_id ? user_target(redeemed.user_id) : "token",
                    rq.client_address, {{"state", accounts::to_string(redeemed.state)}}});
      const bool expired = redeemed.state == accounts::TokenState::expired;
      const bool used = redeemed.state == accounts::TokenState::used;
      if (expired || used)
        return http::error_reply(http::Status::gone,
                                 expired ? domain::activation_link_expired_error() : domain::activation_link_used_error());
      return http::error_reply(http::Status::not_found, domain::activation_link_unknown_error());
    };
    std::optional<UserRecord> user;
    {
      auto db = pool.acquire();
      storage::Transaction tx(*db);
      auto gate = link_gate(*db, rq.client_address, now);
      if (!gate.allowed()) return rate_limited_reply(gate);
      auto peeked = accounts::peek_token(*db, accounts::TokenPurpose::activation, token.value(), now);
      if (peeked.state == accounts::TokenState::ok) user = accounts::find_user(*db, peeked.user_id);
      if (!user) {
        record_failure(*db, link_address_key(rq.client_address), now);
        tx.commit();
        return refuse_link(peeked);
      }
    }
    // The password is checked before the link is used up, so a weak choice can be corrected.
    if (auto problem = domain::check_password(password.value(), user->username)) return http::bad_request(*problem);
    const std::string hash = hash_password(password.value());

    auto db = pool.acquire();
    storage::Transaction tx(*db);
    // Claimed now: of two requests racing with one live link, one wins.
    auto redeemed = accounts::redeem_token(*db, accounts::TokenPurpose::activation, token.value(), now);
    if (redeemed.state != accounts::TokenState::ok) {
      tx.commit();
      return refuse_link(redeemed);
    }
    auto u = accounts::find_user(*db, redeemed.user_id);
    u->password_hash = hash;
    u->status = UserStatus::active;
    u->must_change_password = false;
    u->password_expires_at.reset();
    accounts::update_user(*db, *u, now);
    auth::delete_user_sessions(*db, u->id);
    tx.commit();
    audit.record({u->id, "activation", user_target(u->id), rq.client_address, json::object()});
    return http::json_reply(http::Status::ok, {{"activated", true}, {"username", u->username}});
  });

  if (config.mode == Mode::development) {
    router.add(http::Verb::get, "/api/v1/dev/accounts", http::anyone(), [](const http::RequestContext&) {
      json list = json::array();
      for (const auto& a : accounts::demo_accounts()) {
        json perms = json::array();
        for (const auto& g : a.grants) perms.push_back(domain::to_string(g.permission));
        list.push_back({{"username", a.username}, {"password", a.password}, {"permissions", perms},
                        {"org_code", a.org_code}});
      }
      return http::json_reply(http::Status::ok, list);
    });
  }
}

}  // namespace server::auth
