#include "server/accounts/access_request_routes.hpp"

#include "server/accounts/access_request_store.hpp"
#include "server/auth/crypto.hpp"
#include "server/auth/sessions.hpp"
#include "server/http/path_params.hpp"
#include "server/http/errors.hpp"
#include "server/http/json_body.hpp"
#include "server/identity/identity_store.hpp"
#include "shared/accounts/account_messages.hpp"
#include "shared/accounts/school_user_sms.hpp"
#include "shared/accounts/school_users.hpp"
#include "shared/accounts/sign_in_policy.hpp"
#include "shared/core/text.hpp"

namespace server::accounts {

namespace {

using domain::Permission;
using nlohmann::json;


json request_json(const StoredRequest& r, const domain::OrgTree& tree) {
  json j = r.request;
  j["id"] = r.id;
  const auto* school = tree.find(r.request.school_code);
  j["school_name"] = school ? school->name_th : "";
  if (r.user_id) j["user_id"] = *r.user_id;
  return j;
}

http::Reply request_not_found() {
  return http::error_reply(http::Status::not_found, domain::access_request_not_found_error());
}


#define REQUIRE_USER(who, rq)                                                 \
  auto who##_or_reply = guard.require_user(rq);                              \
  if (auto* reply = std::get_if<http::Reply>(&who##_or_reply)) return std::move(*reply); \
  const auto& who = std::get<auth::Principal>(who##_or_reply)

}  // namespace

void add_access_request_routes(http::Router& router, const Config& config, auth::Guard& guard,
                               AccountService& accounts, otp::OtpService& otp, sms::SmsGateway& sms,
                               std::shared_ptr<notifications::Notifier> notifier,
                               std::shared_ptr<identity::IdentityService> identities) {
  auto& pool = accounts.db();
  auto& audit = accounts.audit();
  const auto& tree = guard.orgs();

  // GET /api/v1/orgs?kind=area_office&q=: offices to pick from (anyone: public names).
  router.add(http::Verb::get, "/api/v1/orgs", http::anyone(), [&](const http::RequestContext& rq) -> http::Reply {
    std::string kind = "area_office", q;
    if (auto p = rq.query.get("kind")) {
      if (!*p) return http::bad_request(p->error());
      kind = domain::trim(p->value());
      auto k = domain::parse_org_kind(kind, "kind");
      if (!k || k.value() == domain::OrgKind::institution || k.value() == domain::OrgKind::centre)
        return http::bad_request(domain::requestable_org_kind_error());
    }
    if (auto p = rq.query.get("q")) {
      if (!*p) return http::bad_request(p->error());
      auto text = domain::check_text(p->value(), domain::search_text_field);
      if (!text) return http::bad_request(text.error());
      q = domain::to_ascii_digits(text.value());
    }
    static const std::map<std::string, std::vector<std::string>> finer = {
        {"area_office", {"primary_area", "secondary_area", "area_office"}},
        {"province", {"provincial_office", "province"}},
        {"local_government", {"pao", "municipality", "sao", "local_government"}},
        {"department", {"department"}}};
    const auto kinds = finer.count(kind) ? finer.at(kind) : std::vector<std::string>{kind};
    json list = json::array();
    for (const auto& o : find_orgs(*pool.acquire(), kinds, q))
      list.push_back({{"code", o.code}, {"name_th", o.name_th}, {"kind", o.kind}, {"province", o.province},
                      {"parent_code", o.parent_code}});
    return http::json_reply(http::Status::ok, list);
  });

  // GET /api/v1/orgs/{code}/institutions?q=: the schools directly under an office.
  router.add(http::Verb::get, "/api/v1/orgs/{code}/institutions", http::anyone(), [&](const http::RequestContext& rq) -> http::Reply {
    const auto& code = rq.params.at("code");
    const auto* node = tree.find(code);
    if (!node || node->kind == domain::OrgKind::institution)
      return http::error_reply(http::Status::not_found, domain::org_unknown_error("code"));
    std::string q;
    if (auto p = rq.query.get("q")) {
      if (!*p) return http::bad_request(p->error());
      auto text = domain::check_text(p->value(), domain::search_text_field);
      if (!text) return http::bad_request(text.error());
      q = domain::to_ascii_digits(text.value());
    }
    json list = json::array();
    for (const auto& i : institutions_directly_under(*pool.acquire(), code, q))
      list.push_back({{"code", i.code}, {"name_th", i.name_th}, {"affiliation", i.affiliation},
                      {"province", i.province}, {"district", i.district}, {"parent_code", i.parent_code}});
    return http::json_reply(http::Status::ok, list);
  });

  // POST /api/v1/access-requests {"area_code","school_code","person":{…},"otp_token" | "identity_token"}
  router.add(http::Verb::post, "/api/v1/access-requests", http::anyone(), [&, notifier, identities](const http::RequestContext& rq) -> http::Reply {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    const auto& b = body.value();
    auto area = http::text_field(b, domain::area_code_field);
    if (!area) return http::bad_request(area.error());
    auto school = http::text_field(b, domain::school_code_field);
    if (!school) return http::bad_request(school.error());
    auto person_it = b.find("person");
    if (person_it == b.end() || person_it->is_null())
      return http::bad_request(domain::person_required_error());
    const auto now = auth::unix_now();
    // Proved by an identity provider: the names (and the national ID) are the provider's.
    const bool proved = b.contains("identity_token") && !b["identity_token"].is_null();
    std::string identity_token;
    std::optional<identity::Proof> proof;
    nlohmann::json person_json = *person_it;
    if (proved) {
      auto t = http::exact_text_field(b, domain::identity_token_field);
      if (!t) return http::bad_request(t.error());
      identity_token = t.value();
      proof = identities->peek(identity_token, domain::IdentityPurpose::access_request, now);
      if (!proof) return http::bad_request(domain::identity_token_invalid_error());
      if (person_json.is_object()) {
        person_json.update({{"first_name", proof->first_name}, {"last_name", proof->last_name}});
        if (!proof->title.empty()) person_json["title"] = proof->title;
      }
    }
    auto person = domain::profile_from_json(person_json, "person", domain::EmailRule::required);
    if (!person) return http::bad_request(person.error());
    std::string otp_token;
    if (!proved) {
      auto token = http::exact_text_field(b, domain::otp_token_field);
      if (!token) return http::bad_request(token.error());
      otp_token = token.value();
    }
    auto rights = domain::parse_rights(b.contains("rights") ? &b["rights"] : nullptr, domain::requestable_rights(), false);
    if (!rights) return http::bad_request(rights.error());

    std::int64_t id = 0;
    notifications::Outgoing told;
    {
      auto db = pool.acquire();
      storage::Transaction tx(*db);  // BEGIN IMMEDIATE: the quota count and the write are one step
      auto opened = domain::open_access_request(area.value(), school.value(), person.value(),
                                                count_school_users(*db, school.value()), tree);
      if (!opened) {
        const bool full = opened.error().code == "school_user_quota";
        return http::error_reply(full ? http::Status::conflict : http::Status::bad_request, opened.error());
      }
      if (pending_requests_from(*db, school.value(), person.value().phone) > 0)
        return http::error_reply(http::Status::conflict, domain::access_request_pending_error());
      auto r = opened.value();
      r.rights = rights.value();
      if (proved) {
        // One person is one request and one user per school, whatever phone they give.
        if (identity::pending_requests_with_national_id(*db, school.value(), proof->national_id_hash) > 0)
          return http::error_reply(http::Status::conflict, domain::identity_already_requested_error());
        if (identity::school_users_with_national_id(*db, school.value(), proof->national_id_hash) > 0)
          return http::error_reply(http::Status::conflict, domain::identity_already_user_error());
        if (!identities->redeem(*db, identity_token, domain::IdentityPurpose::access_request, now)) return http::bad_request(domain::identity_token_invalid_error());
        r.identity_provider = proof->provider;
        r.id_masked = proof->id_masked;
        id = insert_request(*db, r, now, proof->national_id_hash, proof->national_id_sealed);
      } else {
        // The OTP proves this very phone; redeemed inside the transaction, so a refusal keeps it usable.
        auto phone = otp.redeem(*db, otp_token, domain::OtpPurpose::school_user, person.value().phone);
        if (!phone) return http::bad_request(phone.error());
        id = insert_request(*db, r, now);
      }
      const auto* node = tree.find(r.school_code);
      told = notifier->record(*db, {r.school_code, Permission::users_manage, domain::access_request_kind,
                                    domain::access_request_notice(node ? node->name_th : "", r.school_code),
                                    domain::access_request_link()});
      tx.commit();
    }
    notifier->send(told);
    audit.record({std::nullopt, "access_request.create", "access_request:" + std::to_string(id), rq.client_address,
                  {{"school_code", school.value()}, {"proved_by", proved ? proof->provider : std::string("sms")}}});
    return http::json_reply(http::Status::created, {{"request_id", id}, {"status", "pending"}});
  });

  // GET /api/v1/admin/access-requests?status=pending: the requests of schools the admin manages.
  router.add(http::Verb::get, "/api/v1/admin/access-requests", http::permission("users.manage", http::Scope::subtree), [&](const http::RequestContext& rq) -> http::Reply {
    REQUIRE_USER(admin, rq);
    std::string status;
    if (auto p = rq.query.get("status")) {
      if (!*p) return http::bad_request(p->error());
      status = domain::trim(p->value());
      if (!status.empty() && !domain::parse_access_request_status(status, "status")) 
        return http::bad_request(domain::parse_access_request_status(status, "status").error());
    }
    std::vector<std::int64_t> ids;
    {
      auto db = pool.acquire();
      for (const auto& r : access_requests_with_status(*db, status))
        if (guard.allowed(admin, Permission::users_manage, r.school_code)) ids.push_back(r.id);
    }
    json list = json::array();
    auto db = pool.acquire();
    for (auto id : ids) list.push_back(request_json(*find_request(*db, id), tree));
    audit.record({admin.user_id, "access_requests.list", "access_requests", rq.client_address, {{"results", ids.size()}}});
    return http::json_reply(http::Status::ok, {{"requests", list}});
  });

  // POST /api/v1/admin/access-requests/{id}/approve | /reject {"reason"}
  for (const bool approving : {true, false}) {
    router.add(http::Verb::post, std::string("/api/v1/admin/access-requests/{id}/") + (approving ? "approve" : "reject"), http::permission("users.manage", http::Scope::object, "id"),
               [&, approving](const http::RequestContext& rq) -> http::Reply {
      REQUIRE_USER(admin, rq);
      auto id = http::id_param(rq);
      std::string reason;
      nlohmann::json given;  // approve {"rights":[...]} (the body is optional): what of the asked-for rights is given
      if (!approving || !rq.request.body().empty()) {
        auto body = http::json_body(rq);
        if (!body) return http::bad_request(body.error());
        if (approving) {
          if (body.value().contains("rights")) given = body.value()["rights"];
        } else {
          auto r = http::text_field(body.value(), domain::rejection_reason_field);
          if (!r) return http::bad_request(r.error());
          reason = r.value();
        }
      }
      const auto now = auth::unix_now();
      StoredRequest stored;
      std::string username, token;
      {
        auto db = pool.acquire();
        storage::Transaction tx(*db);  // BEGIN IMMEDIATE: the quota count and the new user are one step
        auto found = id ? find_request(*db, *id) : std::nullopt;
        if (!found || !guard.allowed(admin, Permission::users_manage, found->request.school_code))
          return request_not_found();
        stored = *found;
        auto granted = domain::parse_rights(&given, stored.request.rights, true);  // none when rejecting
        if (!granted) return http::bad_request(granted.error());
        auto decided = approving ? domain::approve(stored.request, count_school_users(*db, stored.request.school_code),
                                                   granted.value())
                                 : domain::reject(stored.request, reason);
        if (!decided) return http::error_reply(http::Status::conflict, decided.error());
        stored.request = decided.value();
        if (approving) {
          UserRecord u;
          u.username = username = next_school_username(*db, stored.request.school_code);
          u.status = UserStatus::pending;  // until the activation link sets a password
          u.org_code = stored.request.school_code;
          u.profile = stored.request.person;
          u.school_user = true;
          u.grants = {{Permission::view, stored.request.school_code}};
          for (auto p : stored.request.granted) u.grants.push_back({p, stored.request.school_code});
          stored.user_id = insert_user(*db, u, now);
          if (!stored.national_id_hash.empty())  // proven: the user may sign in with the same provider
            identity::set_user_national_id(*db, *stored.user_id, stored.national_id_hash, stored.national_id_sealed);
          token = issue_token(*db, TokenPurpose::activation, *stored.user_id, now, domain::activation_link_lifetime);
        }
        record_decision(*db, stored, admin.user_id, now);
        tx.commit();
      }
      const auto* school = tree.find(stored.request.school_code);
      const std::string school_name = school ? school->name_th : stored.request.school_code;
      const auto text = approving ? domain::school_user_approved_sms(school_name, username,
                                                                     config.public_url + "/#/activate/" + token)
                                  : domain::school_user_rejected_sms(school_name, stored.request.reason);
      const auto sent = sms.send({stored.request.person.phone, text});
      audit.record({admin.user_id, approving ? "access_request.approve" : "access_request.reject",
                    "access_request:" + std::to_string(stored.id), rq.client_address,
                    {{"school_code", stored.request.school_code}, {"sms_sent", sent.ok},
                     {"user_id", stored.user_id ? json(*stored.user_id) : json(nullptr)}}});
      json out = request_json(stored, tree);
      out["sms_sent"] = sent.ok;
      if (approving) out["username"] = username;
      return http::json_reply(http::Status::ok, out);
    });
  }
}

}  // namespace server::accounts
