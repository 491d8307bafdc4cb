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

#include "server/http/api_replies.hpp"
#include "server/http/errors.hpp"
#include "server/http/router.hpp"
#include "server/lec/lec_store.hpp"
#include "server/storage/kept_at.hpp"
#include "shared/accounts/permission.hpp"

namespace server::lec {

using auth::Caller;

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

  // Progress replies as last built, by node, year and day (days_left moves daily), with the
  // LEC revision they were built at (confirmations, counts, funded schools and deadlines all
  // move it): sent ready (tag and compressed copies made once) while it holds. Access is
  // still judged per request.
  storage::KeptAt<std::string, http::ReadyJson> progress_replies{4096};  // full: mostly yesterday's or stale
};

void add_lec_routes(http::Router& router, std::shared_ptr<LecServices> services);

// Helpers the files helper's handlers share (lec_routes_common.cpp).
using Services = std::shared_ptr<LecServices>;
// The {year} of the path, in an open round: 400 (format) or 409 round_not_open (field "year").
std::variant<int, http::Reply> open_year(const Services& s, const http::RequestContext& rq);
using http::forbidden;
using http::refuse;
nlohmann::json voided_json(const std::vector<OrgRef>& voided);
// Sends the queued SMS of a committed write.
void send_notices(const Services& s, const std::vector<VoidNotice>& notices);

inline bool can(const Services& s, const Caller& c, domain::Permission p, std::string_view org) {
  return domain::allowed(c.grants, p, org, s->store.orgs());
}

// A request about one institution of the round (path {code}) in an open year.
struct AtInstitution {
  Caller caller;
  int year;
  const domain::OrgNode* institution;
};
// A request about a node of the round (path {org_code}, else ?org=) in an open year.
struct AtNode {
  Caller caller;
  int year;
  const domain::OrgNode* node;
};

// Every LEC handler starts here: the signed-in caller (or the Guard's reply), the open
// year (or 400/409), the institution taking part in the round (or 404), `needed` held on it
// (or 403); then f(AtInstitution).
template <class F>
http::Reply at_institution(const Services& s, const http::RequestContext& rq, domain::Permission needed, F&& f) {
  auto who = s->identify(rq);
  if (auto* reply = std::get_if<http::Reply>(&who)) return std::move(*reply);
  const auto& caller = std::get<Caller>(who);
  auto year = open_year(s, rq);
  if (auto* reply = std::get_if<http::Reply>(&year)) return std::move(*reply);
  const auto& orgs = s->store.orgs();
  const auto* inst = orgs.find(rq.params.at("code"));
  if (!inst || inst->kind != domain::OrgKind::institution || !domain::takes_part(orgs, inst->code))
    return http::error_reply(http::Status::not_found, {"org_not_found", "code", "ไม่พบสถานศึกษานี้ในรอบการยืนยันข้อมูล",
                                                       "No such institution in the confirmation round"});
  if (!can(s, caller, needed, inst->code)) return forbidden(needed);
  return f(AtInstitution{caller, std::get<int>(year), inst});
}

// The same for a node: the caller holds one of `needed` on it; `kind`: it must be of that kind.
template <class F>
http::Reply at_node(const Services& s, const http::RequestContext& rq, std::initializer_list<domain::Permission> needed,
                    F&& f, std::optional<domain::OrgKind> kind = std::nullopt) {
  auto who = s->identify(rq);
  if (auto* reply = std::get_if<http::Reply>(&who)) return std::move(*reply);
  const auto& caller = std::get<Caller>(who);
  auto year = open_year(s, rq);
  if (auto* reply = std::get_if<http::Reply>(&year)) return std::move(*reply);
  std::string code;
  if (auto it = rq.params.find("org_code"); it != rq.params.end()) code = it->second;
  else if (auto org = rq.query.get("org"); org && *org) code = org->value();
  const auto& orgs = s->store.orgs();
  const auto* node = orgs.find(code);
  if (!node || !domain::takes_part(orgs, code) || (kind && node->kind != *kind))
    return http::error_reply(http::Status::not_found, {"org_not_found", "org", "ไม่พบหน่วยงานนี้ในรอบการยืนยันข้อมูล",
                                                       "No such organisation in the confirmation round"});
  for (auto p : needed)
    if (can(s, caller, p, node->code)) return f(AtNode{caller, std::get<int>(year), node});
  return forbidden(*needed.begin());
}

}  // namespace server::lec
