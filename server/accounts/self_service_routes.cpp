#include "server/accounts/self_service_routes.hpp"

#include "server/auth/auth_routes.hpp"
#include "server/auth/crypto.hpp"
#include "server/auth/sessions.hpp"
#include "server/auth/sign_in_throttle.hpp"
#include "server/http/errors.hpp"
#include "server/http/json_body.hpp"
#include "shared/accounts/account_messages.hpp"
#include "shared/core/text.hpp"
#include "shared/password/password_policy.hpp"

namespace server::accounts {

namespace {

using nlohmann::json;


#define REQUIRE_USER(who, rq, first_login)                                   \
  auto who##_or_reply = guard.require_user(rq, first_login);                 \
  if (auto* reply = std::get_if<http::Reply>(&who##_or_reply)) return std::move(*reply); \
  const auto& who = std::get<auth::Principal>(who##_or_reply)

}  // namespace

void add_self_service_routes(http::Router& router, auth::Guard& guard, AccountService& accounts,
                             otp::OtpService& otp, sms::SmsGateway& sms) {
  auto& pool = accounts.db();
  auto& audit = accounts.audit();

  // PUT /api/v1/me/profile {"title","first_name","last_name","position","phone","email"}
  router.add(http::Verb::put, "/api/v1/me/profile", http::signed_in(http::Scope::none), [&](const http::RequestContext& rq) -> http::Reply {
    REQUIRE_USER(me, rq, auth::FirstLogin::may_be_pending);
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    auto profile = domain::profile_from_json(body.value());
    if (!profile) return http::bad_request(profile.error());
    const auto now = auth::unix_now();
    auto db = pool.acquire();
    storage::Transaction tx(*db);
    auto u = find_user(*db, me.user_id);
    u->profile = profile.value();
    u->must_complete_profile = false;
    update_user(*db, *u, now);
    tx.commit();
    audit.record({me.user_id, "profile.update", "user:" + std::to_string(me.user_id), rq.client_address,
                  json::object()});
    return http::json_reply(http::Status::ok, {{"user", accounts.user_json(*u)},
                                               {"must_change_password", u->must_change_password},
                                               {"must_complete_profile", false}});
  });

  // POST /api/v1/auth/password {"current_password","new_password"}: every session of the
  // user ends, and this client gets a new one (new cookie and CSRF token).
  router.add(http::Verb::post, "/api/v1/auth/password", http::signed_in(http::Scope::none), [&](const http::RequestContext& rq) -> http::Reply {
    REQUIRE_USER(me, rq, auth::FirstLogin::may_be_pending);
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    auto current = http::exact_text_field(body.value(), domain::current_password_field);
    if (!current) return http::bad_request(current.error());
    auto fresh = http::exact_text_field(body.value(), domain::new_password_field);
    if (!fresh) return http::bad_request(fresh.error());
    if (auto problem = domain::check_password(fresh.value(), me.username))
      return http::bad_request(domain::in_field(*problem, "new_password"));
    if (fresh.value() == current.value())
      return http::bad_request(domain::password_unchanged_error());
    std::string stored;
    {
      auto db = pool.acquire();
      stored = find_user(*db, me.user_id)->password_hash;
    }
    if (!auth::verify_password(stored, current.value())) {
      audit.record({me.user_id, "password.change_refused", "user:" + std::to_string(me.user_id), rq.client_address,
                    json::object()});
      return http::bad_request(domain::current_password_wrong_error());
    }
    const auto hash = auth::hash_password(fresh.value());
    const auto now = auth::unix_now();
    auto db = pool.acquire();
    storage::Transaction tx(*db);
    auto u = find_user(*db, me.user_id);
    u->password_hash = hash;
    u->must_change_password = false;
    u->password_expires_at.reset();
    update_user(*db, *u, now);
    auto reply = auth::start_session(*db, accounts, *u, rq, now, /*sign_out_everywhere=*/true);
    tx.commit();
    // The audit log has its own connection: written after the commit, never inside the transaction.
    audit.record({me.user_id, "password.change", "user:" + std::to_string(me.user_id), rq.client_address,
                  {{"signed_out_everywhere", true}}});
    return reply;
  });

  // POST /api/v1/auth/forgot-password {"username","otp_token","new_password"}: the OTP
  // (purpose password_reset) proves a phone; when it is the account's registered phone the
  // password changes and every session ends. The reply is the same either way (no
  // enumeration) and nobody is signed in; the account's phone gets an SMS when it changed.
  router.add(http::Verb::post, "/api/v1/auth/forgot-password", http::anyone(), [&](const http::RequestContext& rq) -> http::Reply {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    auto username = http::text_field(body.value(), domain::username_field);
    if (!username) return http::bad_request(username.error());
    auto token = http::exact_text_field(body.value(), domain::otp_token_field);
    if (!token) return http::bad_request(token.error());
    auto fresh = http::exact_text_field(body.value(), domain::new_password_field);
    if (!fresh) return http::bad_request(fresh.error());
    const std::string name = domain::ascii_lower(username.value());
    if (auto problem = domain::check_password(fresh.value(), name))
      return http::bad_request(domain::in_field(*problem, "new_password"));
    // The token is judged before any hashing: a wrong one costs one lookup and counts
    // against the client address (429 after 10 in an hour).
    const auto now = auth::unix_now();
    std::optional<UserRecord> matched;
    {
      auto db = pool.acquire();
      storage::Transaction tx(*db);
      auto gate = auth::link_gate(*db, rq.client_address, now);
      if (!gate.allowed()) return auth::rate_limited_reply(gate);
      auto phone = otp.redeem(*db, token.value(), domain::OtpPurpose::password_reset);
      if (!phone) {
        auth::record_failure(*db, auth::link_address_key(rq.client_address), now);
        tx.commit();
        return http::bad_request(phone.error());  // about the token only, never the account
      }
      auto u = find_user(*db, name);
      if (u && u->status == UserStatus::active && !u->profile.phone.empty() && u->profile.phone == phone.value())
        matched = u;
      tx.commit();  // the token is used up either way: one token, one try
    }
    // Hashed whether or not the account matched: the time tells nothing either.
    const auto hash = auth::hash_password(fresh.value());
    std::optional<UserRecord> changed;
    if (matched) {
      auto db = pool.acquire();
      storage::Transaction tx(*db);
      auto u = find_user(*db, matched->id);  // as it is now, after the hashing
      if (u && u->status == UserStatus::active && u->profile.phone == matched->profile.phone) {
        u->password_hash = hash;
        u->must_change_password = false;
        u->password_expires_at.reset();
        update_user(*db, *u, now);
        auth::delete_user_sessions(*db, u->id);
        changed = u;
      }
      tx.commit();
    }
    if (changed) {
      sms.send({changed->profile.phone, domain::password_changed_sms(changed->username)});
      audit.record({changed->id, "password.reset", "user:" + std::to_string(changed->id), rq.client_address,
                    {{"signed_out_everywhere", true}}});
    } else {
      audit.record({std::nullopt, "password.reset_unmatched", "username:" + name, rq.client_address, json::object()});
    }
    const auto said = domain::password_reset_submitted();
    return http::json_reply(http::Status::ok,
                            {{"status", said.code}, {"message_th", said.message_th}, {"message_en", said.message_en}});
  });
}

}  // namespace server::accounts
