#pragma once
// The local-education-data endpoints of docs/api.md ("Local education data"): the
// children register, funded schools, counts, confirmations up the tree, progress,
// deadlines and reminders. (The import and the counts exports are added beside these by
// the files helper, on the same LecStore.)
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "server/http/router.hpp"
#include "server/lec/lec_store.hpp"
#include "shared/accounts/permission.hpp"

namespace server::lec {

// Who is calling, as the Guard reports it.
struct Caller {
  std::int64_t user_id = 0;
  std::string name;
  std::string org_code;
  std::vector<domain::Grant> grants;
};

struct LecServices {
  LecServices(std::shared_ptr<storage::ConnectionPool> db, const domain::OrgTree& orgs, auth::DerivedKeys keys)
      : pool(std::move(db)), store(*pool, orgs, std::move(keys)) {}
  std::shared_ptr<storage::ConnectionPool> pool;
  LecStore store;
  // The signed-in caller, or the reply to give (Guard::require_user).
  std::function<std::variant<Caller, http::Reply>(const http::RequestContext&)> identify;
  // auth::AuditLog::record: who read or changed what, from where (never an ID).
  std::function<void(const http::RequestContext&, std::int64_t actor, std::string action, std::string target,
                     nlohmann::json detail)>
      audit;
  // SMS to the active holders of `permission` on `org`; returns how many were sent.
  std::function<int(const std::string& org, domain::Permission permission, const std::string& text)> sms_holders;
  // SMS to one user (a confirmer whose confirmation was voided).
  std::function<void(std::int64_t user_id, const std::string& text)> sms_user;
  // Today in Thailand.
  std::function<domain::Date()> today;
};

void add_lec_routes(http::Router& router, std::shared_ptr<LecServices> services);

// Helpers the files helper's handlers share (lec_routes_common.cpp).
using Services = std::shared_ptr<LecServices>;
// The {year} of the path, in an open round: 400 (format) or 409 round_not_open (field "year").
std::variant<int, http::Reply> open_year(const Services& s, const http::RequestContext& rq);
// 403 forbidden naming the permission.
http::Reply forbidden(domain::Permission p);
http::Reply refuse(const Refusal& r);
nlohmann::json voided_json(const std::vector<OrgRef>& voided);
// Sends the queued SMS of a committed write.
void send_notices(const Services& s, const std::vector<VoidNotice>& notices);

}  // namespace server::lec
