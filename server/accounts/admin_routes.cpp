#include "server/accounts/admin_routes.hpp"

#include <algorithm>
#include <ctime>

#include "server/accounts/access_request_routes.hpp"
#include "server/accounts/sign_in_qr.hpp"
#include "server/auth/crypto.hpp"
#include "server/auth/sessions.hpp"
#include "server/http/path_params.hpp"
#include "server/http/errors.hpp"
#include "server/http/refusal.hpp"
#include "server/http/json_body.hpp"
#include "shared/accounts/account_messages.hpp"
#include "shared/accounts/school_users.hpp"
#include "shared/accounts/sign_in_policy.hpp"
#include "shared/accounts/user_admin.hpp"
#include "shared/accounts/username.hpp"
#include "shared/core/text.hpp"

namespace server::accounts {

namespace {

using domain::Permission;
using nlohmann::json;

http::Reply user_not_found() { return http::error_reply(http::Status::not_found, domain::user_not_found_error()); }

http::Reply conflict(const domain::FieldError& error) { return http::error_reply(http::Status::conflict, error); }


// "grants": [{"permission","org_code"}...], each on a node the admin manages.
domain::Checked<std::vector<domain::Grant>> parse_grants(const json& body, const auth::Guard& guard,
                                                         const auth::Principal& admin) {
  auto it = body.find("grants");
  if (it == body.end() || it->is_null()) return std::vector<domain::Grant>{};
  if (!it->is_array())
    return domain::grants_not_a_list_error();
  if (it->size() > 50)
    return domain::too_many_grants_error(50);
  std::vector<domain::Grant> out;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const std::string field = "grants[" + std::to_string(i) + "]";
    auto g = domain::parse_grant((*it)[i], field);
    if (!g) return g.error();
    if (!guard.orgs().contains(g.value().org_code))
      return domain::grant_org_unknown_error(field + ".org_code", g.value().org_code);
    if (!guard.allowed(admin, Permission::users_manage, g.value().org_code))
      return domain::grant_outside_subtree_error(field + ".org_code");
    if (std::find(out.begin(), out.end(), g.value()) == out.end()) out.push_back(g.value());
  }
  return out;
}

#define REQUIRE_USER(who, rq)                                                 \
  auto who##_or_reply = guard.require_user(rq);                              \
  if (auto* reply = std::get_if<http::Reply>(&who##_or_reply)) return std::move(*reply); \
  const auto& who = std::get<auth::Principal>(who##_or_reply)

}  // namespace

void add_admin_routes(http::Router& router, const Config& config, auth::Guard& guard, AccountService& accounts) {
  auto& pool = accounts.db();
  auto& audit = accounts.audit();
  // The one place that judges whether this admin may act on the user (shared/accounts/user_admin).
  const auto manageable = [&](const UserRecord& u, const auth::Principal& admin) {
    return domain::may_manage_user(admin.grants, u.org_code, u.grants, guard.orgs());
  };
  // The user `id` if the admin manages its organisation; else the reply to give. Every
  // action (`Use::change`) also needs the user to hold no grant above the admin's subtree:
  // 403 user_above_subtree, nothing changed.
  enum class Use { read, change };
  const auto managed_user = [&, manageable](const http::RequestContext& rq, const auth::Principal& admin,
                                            storage::Database& db, Use use) -> std::variant<UserRecord, http::Reply> {
    auto id = http::id_param(rq);
    if (!id) return user_not_found();
    auto u = find_user(db, *id);
    if (!u || !guard.allowed(admin, Permission::users_manage, u->org_code)) return user_not_found();
    if (use == Use::change && !manageable(*u, admin))
      return http::error_reply(http::Status::forbidden, domain::user_above_subtree());
    return *u;
  };
  // `manageable`: whether this admin may act on the user at all. Each grant says whether
  // this admin may change it (`managed`): PUT …/grants replaces only those, so a client
  // edits them and shows the others as they are.
  const auto detail_json = [&, manageable](const UserRecord& u, const auth::Principal& admin) {
    json j = accounts.user_json(u);
    const bool may = manageable(u, admin);
    j["manageable"] = may;
    for (auto& g : j["grants"])
      g["managed"] = may && guard.allowed(admin, Permission::users_manage, g["org_code"].get<std::string>());
    j["must_change_password"] = u.must_change_password;
    j["must_complete_profile"] = u.must_complete_profile;
    j["password_expires_at"] = u.password_expires_at ? json(auth::iso_time(*u.password_expires_at)) : json(nullptr);
    return j;
  };

  // GET /api/v1/admin/users?org=&status=&permission=&q=
  router.add(http::Verb::get, "/api/v1/admin/users", http::permission("users.manage", http::Scope::subtree), [&, detail_json](const http::RequestContext& rq) -> http::Reply {
    REQUIRE_USER(admin, rq);
    std::string org, q;
    std::optional<UserStatus> status;
    std::optional<Permission> permission;
    for (const char* name : {"org", "status", "permission", "q"}) {
      auto p = rq.query.get(name);
      if (!p) continue;
      if (!*p) return http::bad_request(p->error());
      const std::string v = domain::trim(p->value());
      if (v.empty()) continue;
      const std::string_view n = name;
      if (n == "org") {
        if (!guard.orgs().contains(v))
          return http::bad_request(domain::org_unknown_error("org"));
        if (!guard.allowed(admin, Permission::users_manage, v)) return http::forbidden(Permission::users_manage);
        org = v;
      } else if (n == "status") {
        status = parse_user_status(v);
        if (!status)
          return http::bad_request(domain::user_status_unknown_error());
      } else if (n == "permission") {
        auto perm = domain::parse_permission(v, "permission");
        if (!perm) return http::bad_request(perm.error());
        permission = perm.value();
      } else {
        auto text = domain::check_text(v, domain::search_text_field);
        if (!text) return http::bad_request(text.error());
        q = domain::ascii_lower(text.value());
      }
    }
    std::vector<UserRecord> users;
    {
      auto db = pool.acquire();
      users = all_users(*db);
    }
    json list = json::array();
    for (const auto& u : users) {
      if (!guard.allowed(admin, Permission::users_manage, u.org_code)) continue;
      if (!org.empty() && !guard.orgs().is_within(u.org_code, org)) continue;
      if (status && u.status != *status) continue;
      if (permission && std::none_of(u.grants.begin(), u.grants.end(),
                                     [&](const domain::Grant& g) { return g.permission == *permission; }))
        continue;
      if (!q.empty() && u.username.find(q) == std::string::npos && u.display_name().find(q) == std::string::npos &&
          u.org_code.find(q) == std::string::npos)
        continue;
      list.push_back(detail_json(u, admin));
    }
    audit.record({admin.user_id, "users.list", org.empty() ? "users" : "org:" + org, rq.client_address,
                  {{"results", list.size()}}});
    return http::json_reply(http::Status::ok, {{"users", list}});
  });

  router.add(http::Verb::get, "/api/v1/admin/users/{id}", http::permission("users.manage", http::Scope::object, "id"), [&, managed_user, detail_json](const http::RequestContext& rq) -> http::Reply {
    REQUIRE_USER(admin, rq);
    auto db = pool.acquire();
    auto found = managed_user(rq, admin, *db, Use::read);
    if (auto* reply = std::get_if<http::Reply>(&found)) return std::move(*reply);
    const auto& u = std::get<UserRecord>(found);
    audit.record({admin.user_id, "user.read", "user:" + std::to_string(u.id), rq.client_address, json::object()});
    return http::json_reply(http::Status::ok, detail_json(u, admin));
  });

  // GET /api/v1/admin/users/{id}/holders: who held the account, newest first (the current
  // holder first, "until": null). Officers' records: audited.
  router.add(http::Verb::get, "/api/v1/admin/users/{id}/holders", http::permission("users.manage", http::Scope::object, "id"), [&, managed_user](const http::RequestContext& rq) -> http::Reply {
    REQUIRE_USER(admin, rq);
    auto db = pool.acquire();
    auto found = managed_user(rq, admin, *db, Use::read);
    if (auto* reply = std::get_if<http::Reply>(&found)) return std::move(*reply);
    const auto& u = std::get<UserRecord>(found);
    const auto past = past_holders(*db, u.id);
    json holders = json::array();
    std::int64_t since = u.created_at;
    for (const auto& h : past) {
      holders.push_back({{"profile", h.profile}, {"since", auth::iso_time(since)}, {"until", auth::iso_time(h.ended_at)}});
      since = h.ended_at;
    }
    holders.push_back({{"profile", u.profile}, {"since", auth::iso_time(since)}, {"until", nullptr}});
    std::reverse(holders.begin(), holders.end());
    audit.record({admin.user_id, "user.holders.read", "user:" + std::to_string(u.id), rq.client_address,
                  {{"holders", holders.size()}}});
    return http::json_reply(http::Status::ok, {{"holders", holders}});
  });

  // POST /api/v1/admin/users {"username","org_code","grants"}: the account gets an issued
  // password (first login: profile and a new password).
  router.add(http::Verb::post, "/api/v1/admin/users", http::permission("users.manage", http::Scope::body), [&, detail_json](const http::RequestContext& rq) -> http::Reply {
    REQUIRE_USER(admin, rq);
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    auto raw_name = http::exact_text_field(body.value(), domain::username_field);
    if (!raw_name) return http::bad_request(raw_name.error());
    auto username = domain::check_username(raw_name.value());
    if (!username) return http::bad_request(username.error());
    auto org = http::text_field(body.value(), domain::org_code_field);
    if (!org) return http::bad_request(org.error());
    if (!guard.orgs().contains(org.value()))
      return http::bad_request(domain::org_unknown_error("org_code"));
    if (!guard.allowed(admin, Permission::users_manage, org.value()))
      return http::error_reply(http::Status::forbidden, domain::create_outside_subtree_error());
    auto grants = parse_grants(body.value(), guard, admin);
    if (!grants) return http::bad_request(grants.error());
    const auto now = auth::unix_now();
    std::int64_t id = 0;
    {
      auto db = pool.acquire();
      storage::Transaction tx(*db);
      if (find_user(*db, username.value()))
        return conflict(domain::username_taken_error());
      UserRecord u;
      u.username = username.value();
      u.status = UserStatus::pending;  // until the password below is issued
      u.org_code = org.value();
      u.grants = grants.value();
      id = insert_user(*db, u, now);
      tx.commit();
    }
    audit.record({admin.user_id, "user.create", "user:" + std::to_string(id), rq.client_address,
                  {{"org_code", org.value()}, {"grants", grants.value()}}});
    const auto password = accounts.issue_password(id, admin.user_id, rq.client_address);
    auto db = pool.acquire();
    auto u = find_user(*db, id);
    return http::json_reply(http::Status::created,
                            {{"user", detail_json(*u, admin)}, {"password", password},
                             {"password_expires_at", auth::iso_time(*u->password_expires_at)}});
  });

  for (const auto& [action, target_status] : {std::pair{"enable", UserStatus::active}, std::pair{"disable", UserStatus::disabled}}) {
    router.add(http::Verb::post, std::string("/api/v1/admin/users/{id}/") + action, http::permission("users.manage", http::Scope::object, "id"),
               [&, managed_user, detail_json, action, target_status](const http::RequestContext& rq) -> http::Reply {
      REQUIRE_USER(admin, rq);
      const auto now = auth::unix_now();
      std::optional<UserRecord> changed;
      {
        auto db = pool.acquire();
        storage::Transaction tx(*db);
        auto found = managed_user(rq, admin, *db, Use::change);
        if (auto* reply = std::get_if<http::Reply>(&found)) return std::move(*reply);
        auto u = std::get<UserRecord>(found);
        if (u.id == admin.user_id)
          return conflict(domain::own_account_status_error());
        if (target_status == UserStatus::active && u.password_hash.empty())
          return conflict(domain::no_password_error());
        if (target_status == UserStatus::active && u.school_user) {
          if (auto room = domain::may_add_school_user(count_school_users(*db, u.org_code, u.id)); !room)
            return http::error_reply(http::Status::conflict, room.error());
        }
        u.status = target_status;
        update_user(*db, u, now);
        if (target_status == UserStatus::disabled) auth::delete_user_sessions(*db, u.id);
        tx.commit();
        changed = u;
      }
      audit.record({admin.user_id, std::string("user.") + action, "user:" + std::to_string(changed->id),
                    rq.client_address, json::object()});
      return http::json_reply(http::Status::ok, detail_json(*changed, admin));
    });
  }

  // PUT /api/v1/admin/users/{id}/grants {"grants":[...]}: replaces the grants the admin
  // manages; grants on nodes outside the admin's subtree are kept as they are.
  router.add(http::Verb::put, "/api/v1/admin/users/{id}/grants", http::permission("users.manage", http::Scope::object, "id"), [&, managed_user, detail_json](const http::RequestContext& rq) -> http::Reply {
    REQUIRE_USER(admin, rq);
    auto body = http::json_body(rq);
    const auto now = auth::unix_now();
    UserRecord u;
    std::vector<domain::Grant> before;
    {
      auto db = pool.acquire();
      storage::Transaction tx(*db);
      auto found = managed_user(rq, admin, *db, Use::change);
      if (auto* reply = std::get_if<http::Reply>(&found)) return std::move(*reply);
      u = std::get<UserRecord>(found);
      if (!body) return http::bad_request(body.error());
      // A null list is not "no grants": it would silently take every grant away.
      if (auto e = http::check_fields(body.value(), {{"grants", http::JsonType::array, true}})) return http::bad_request(*e);
      auto grants = parse_grants(body.value(), guard, admin);
      if (!grants) return http::bad_request(grants.error());
      if (u.id == admin.user_id)
        return conflict(domain::own_grants_error());
      before = u.grants;
      std::vector<domain::Grant> kept;
      for (const auto& g : u.grants)
        if (!guard.allowed(admin, Permission::users_manage, g.org_code)) kept.push_back(g);
      kept.insert(kept.end(), grants.value().begin(), grants.value().end());
      u.grants = kept;
      update_user(*db, u, now);
      tx.commit();
    }
    audit.record({admin.user_id, "grants.change", "user:" + std::to_string(u.id), rq.client_address,
                  {{"before", before}, {"after", u.grants}}});
    return http::json_reply(http::Status::ok, detail_json(u, admin));
  });

  router.add(http::Verb::post, "/api/v1/admin/users/{id}/password", http::permission("users.manage", http::Scope::object, "id"), [&, managed_user](const http::RequestContext& rq) -> http::Reply {
    REQUIRE_USER(admin, rq);
    std::int64_t id = 0;
    {
      auto db = pool.acquire();
      auto found = managed_user(rq, admin, *db, Use::change);
      if (auto* reply = std::get_if<http::Reply>(&found)) return std::move(*reply);
      id = std::get<UserRecord>(found).id;
      if (id == admin.user_id)
        return conflict(domain::own_password_error());
    }
    const auto password = accounts.issue_password(id, admin.user_id, rq.client_address);
    return http::json_reply(http::Status::ok,
                            {{"password", password},
                             {"password_expires_at", auth::iso_time(auth::unix_now() + domain::issued_password_lifetime)},
                             {"must_complete_profile", true},
                             {"must_change_password", true}});
  });

  // POST /api/v1/admin/users/{id}/sign-in-qr: a one-time link {PUBLIC_URL}/#/qr/{token},
  // valid 72 h, and its QR picture. It signs in without a password (then first-login rules apply).
  router.add(http::Verb::post, "/api/v1/admin/users/{id}/sign-in-qr", http::permission("users.manage", http::Scope::object, "id"), [&, managed_user](const http::RequestContext& rq) -> http::Reply {
    REQUIRE_USER(admin, rq);
    const auto now = auth::unix_now();
    std::string token;
    std::int64_t id = 0;
    {
      auto db = pool.acquire();
      storage::Transaction tx(*db);
      auto found = managed_user(rq, admin, *db, Use::change);
      if (auto* reply = std::get_if<http::Reply>(&found)) return std::move(*reply);
      const auto& u = std::get<UserRecord>(found);
      id = u.id;
      if (u.status != UserStatus::active)
        return conflict(domain::user_not_active_error());
      token = issue_token(*db, TokenPurpose::sign_in_qr, u.id, now, sign_in_qr_lifetime);
      tx.commit();
    }
    audit.record({admin.user_id, "user.issue_sign_in_qr", "user:" + std::to_string(id), rq.client_address, json::object()});
    const std::string url = config.public_url + "/#/qr/" + token;
    auto qr = encode_qr(url);
    return http::json_reply(http::Status::ok, {{"token", token},
                                               {"url", url},
                                               {"expires_at", auth::iso_time(now + sign_in_qr_lifetime)},
                                               {"qr_modules", qr.modules},
                                               {"qr_svg", qr.svg}});
  });
}

}  // namespace server::accounts
