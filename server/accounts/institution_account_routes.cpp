#include "server/accounts/institution_account_routes.hpp"

#include "server/accounts/admin_routes.hpp"
#include "server/accounts/sign_in_qr.hpp"
#include "server/accounts/sign_in_sheet_pdf.hpp"
#include "server/accounts/sign_in_sheet_store.hpp"
#include "server/auth/crypto.hpp"
#include "server/auth/sessions.hpp"
#include "server/http/errors.hpp"
#include "server/http/json_body.hpp"
#include "server/http/upload_reply.hpp"
#include "shared/accounts/account_messages.hpp"
#include "shared/accounts/institution_accounts.hpp"
#include "shared/core/text.hpp"

namespace server::accounts {

namespace {

using domain::Permission;
using nlohmann::json;

// The office named by `code`, checked for this admin: the reply to give when refused.
std::variant<std::string, http::Reply> office_for(auth::Guard& guard, const auth::Principal& admin, const std::string& code) {
  auto office = domain::check_accounts_office(guard.orgs(), domain::trim(code));
  if (!office) return http::bad_request(office.error());
  if (!guard.allowed(admin, Permission::users_manage, office.value()))
    return http::error_reply(http::Status::forbidden, domain::create_account_outside_subtree_error());
  return office.value();
}

// The institutions under `office` that have no account of their own (username = code).
std::vector<std::string> without_account(storage::Database& db, const domain::OrgTree& tree, const std::string& office) {
  std::vector<std::string> out;
  for (auto& code : domain::institutions_under(tree, office))
    if (!find_user(db, code)) out.push_back(std::move(code));
  return out;
}

}  // namespace

void add_institution_account_routes(http::Router& router, const Config& config, auth::Guard& guard,
                                    AccountService& accounts, const auth::SecretKey& server_key) {
  auto& pool = accounts.db();
  auto& audit = accounts.audit();
  auto sheet_keys = std::make_shared<storage::FileKeys>(server_key);
  const auto name_of = [&guard](const std::string& code) {
    const auto* n = guard.orgs().find(code);
    return n ? n->name_th : std::string();
  };

  // GET ?org_code=: how many institutions are under the office and how many the next call
  // would give an account (the client's confirmation says it).
  router.add(http::Verb::get, "/api/v1/admin/institution-accounts", http::permission("users.manage", http::Scope::query, "org_code"),
             [&, name_of](const http::RequestContext& rq) -> http::Reply {
    auto admin_or_reply = guard.require_user(rq);
    if (auto* reply = std::get_if<http::Reply>(&admin_or_reply)) return std::move(*reply);
    const auto& admin = std::get<auth::Principal>(admin_or_reply);
    std::string code;
    if (auto p = rq.query.get("org_code")) {
      if (!*p) return http::bad_request(p->error());
      code = p->value();
    }
    auto office = office_for(guard, admin, code);
    if (auto* reply = std::get_if<http::Reply>(&office)) return std::move(*reply);
    const auto& org = std::get<std::string>(office);
    const auto all = domain::institutions_under(guard.orgs(), org);
    std::size_t missing = 0;
    {
      auto db = pool.acquire();
      missing = without_account(*db, guard.orgs(), org).size();
    }
    return http::json_reply(http::Status::ok,
                            {{"org_code", org}, {"org_name", name_of(org)}, {"institutions", all.size()},
                             {"without_account", missing},
                             {"to_create", std::min(missing, domain::institution_accounts_per_call)},
                             {"per_call", domain::institution_accounts_per_call}});
  });

  // POST {"org_code"}: an account for each institution under it without one (at most
  // institution_accounts_per_call, by code), each with a one-time sign-in QR, on one sheet.
  router.add(http::Verb::post, "/api/v1/admin/institution-accounts", http::permission("users.manage", http::Scope::body),
             [&, sheet_keys, name_of](const http::RequestContext& rq) -> http::Reply {
    auto admin_or_reply = guard.require_user(rq);
    if (auto* reply = std::get_if<http::Reply>(&admin_or_reply)) return std::move(*reply);
    const auto& admin = std::get<auth::Principal>(admin_or_reply);
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    auto raw = http::text_field(body.value(), domain::org_code_field);
    if (!raw) return http::bad_request(raw.error());
    auto office = office_for(guard, admin, raw.value());
    if (auto* reply = std::get_if<http::Reply>(&office)) return std::move(*reply);
    const auto& org = std::get<std::string>(office);
    const auto now = auth::unix_now();
    std::vector<SheetEntry> entries;
    std::vector<std::int64_t> ids;
    std::size_t remaining = 0;
    {
      auto db = pool.acquire();
      storage::Transaction tx(*db);  // the check and the inserts at once: a second call finds them
      auto codes = without_account(*db, guard.orgs(), org);
      if (codes.size() > domain::institution_accounts_per_call) {
        remaining = codes.size() - domain::institution_accounts_per_call;
        codes.resize(domain::institution_accounts_per_call);
      }
      for (const auto& code : codes) {
        UserRecord u;
        u.username = code;
        u.status = UserStatus::active;  // no password: only the QR signs in, then first login
        u.org_code = code;
        u.must_change_password = true;
        u.must_complete_profile = true;
        u.grants = domain::institution_account_grants(guard.orgs(), code);
        u.id = insert_user(*db, u, now);
        const auto token = issue_token(*db, TokenPurpose::sign_in_qr, u.id, now, sign_in_qr_lifetime);
        entries.push_back({code, name_of(code), code, encode_qr(config.public_url + "/#/qr/" + token).modules});
        ids.push_back(u.id);
      }
      tx.commit();
    }
    for (std::size_t i = 0; i < ids.size(); ++i)
      audit.record({admin.user_id, "user.create", "user:" + std::to_string(ids[i]), rq.client_address,
                    {{"org_code", entries[i].code}, {"institution_accounts", org}, {"sign_in_qr", true}}, entries[i].code});
    audit.record({admin.user_id, "institution_accounts.create", "org:" + org, rq.client_address,
                  {{"created", ids.size()}, {"remaining", remaining}}, org});
    json made = json::array();
    for (std::size_t i = 0; i < ids.size(); ++i)
      made.push_back({{"id", ids[i]}, {"username", entries[i].username}, {"name_th", entries[i].name_th}});
    json reply = {{"org_code", org}, {"created", ids.size()}, {"remaining", remaining}, {"accounts", made},
                  {"sheet", nullptr}, {"sheet_expires_at", nullptr}};
    if (!entries.empty()) {
      auto pdf = render_sign_in_sheet(name_of(org) + " (" + org + ")", entries, now + sign_in_qr_lifetime);
      const auto id = keep_sheet(*pool.acquire(), *sheet_keys, admin.user_id,
                                 {org, "sign-in-qr-" + org + ".pdf", std::move(pdf)}, now, now + sign_in_sheet_lifetime);
      reply["sheet"] = "/api/v1/admin/institution-accounts/sheets/" + id;
      reply["sheet_expires_at"] = auth::iso_time(now + sign_in_sheet_lifetime);
    }
    return http::json_reply(ids.empty() ? http::Status::ok : http::Status::created, reply);
  });

  // GET …/sheets/{id}: the PDF, for the admin who made it, within the hour.
  router.add(http::Verb::get, "/api/v1/admin/institution-accounts/sheets/{id}", http::permission("users.manage", http::Scope::object, "id"),
             [&, sheet_keys](const http::RequestContext& rq) -> http::Reply {
    auto admin_or_reply = guard.require_user(rq);
    if (auto* reply = std::get_if<http::Reply>(&admin_or_reply)) return std::move(*reply);
    const auto& admin = std::get<auth::Principal>(admin_or_reply);
    auto sheet = find_sheet(*pool.acquire(), *sheet_keys, rq.params.at("id"), admin.user_id, auth::unix_now());
    if (!sheet)
      return http::error_reply(http::Status::not_found, domain::qr_sheet_not_found_error());
    audit.record({admin.user_id, "institution_accounts.sheet_download", "institution_accounts", rq.client_address,
                  {{"bytes", sheet->pdf.size()}}, sheet->org_code});
    return http::download_reply(std::move(sheet->pdf), "application/pdf", sheet->file_name);
  });
}

}  // namespace server::accounts
