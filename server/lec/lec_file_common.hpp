#pragma once
// What the files handlers share (internal to lec_*_routes.cpp of the files helper).
#include <optional>
#include <string>
#include <utility>

#include "server/http/errors.hpp"
#include "server/lec/lec_routes.hpp"

namespace server::lec::files {

using domain::Permission;
using http::Reply;
using http::RequestContext;
using http::Status;
using nlohmann::json;

// A request about one institution of the round in an open year, by a caller holding `needed`.
struct AtInstitution {
  Caller caller;
  int year;
  const domain::OrgNode* institution;
};
// A request about a node (?org=) in an open year.
struct AtNode {
  Caller caller;
  int year;
  const domain::OrgNode* node;
};

inline bool can(const Services& s, const Caller& c, Permission p, std::string_view org) {
  return domain::allowed(c.grants, p, org, s->store.orgs());
}
inline Actor actor_of(const Caller& c) { return {c.user_id, c.name}; }

template <class F>
Reply at_institution(const Services& s, const RequestContext& rq, Permission needed, F&& f) {
  auto who = s->identify(rq);
  if (auto* reply = std::get_if<Reply>(&who)) return std::move(*reply);
  const auto& caller = std::get<Caller>(who);
  auto year = open_year(s, rq);
  if (auto* reply = std::get_if<Reply>(&year)) return std::move(*reply);
  const auto& orgs = s->store.orgs();
  const auto* inst = orgs.find(rq.params.at("code"));
  if (!inst || inst->kind != domain::OrgKind::institution || !domain::takes_part(orgs, inst->code))
    return http::error_reply(Status::not_found, {"org_not_found", "code", "ไม่พบสถานศึกษานี้ในรอบการยืนยันข้อมูล",
                                                 "No such institution in the confirmation round"});
  if (!can(s, caller, needed, inst->code)) return forbidden(needed);
  return f(AtInstitution{caller, std::get<int>(year), inst});
}

// ?org= names a node taking part; the caller holds one of `needed` on it.
template <class F>
Reply at_node(const Services& s, const RequestContext& rq, std::initializer_list<Permission> needed, F&& f) {
  auto who = s->identify(rq);
  if (auto* reply = std::get_if<Reply>(&who)) return std::move(*reply);
  const auto& caller = std::get<Caller>(who);
  auto year = open_year(s, rq);
  if (auto* reply = std::get_if<Reply>(&year)) return std::move(*reply);
  const auto& orgs = s->store.orgs();
  std::string code;
  if (auto org = rq.query.get("org"); org && *org) code = org->value();
  const auto* node = orgs.find(code);
  if (!node || !domain::takes_part(orgs, node->code))
    return http::error_reply(Status::not_found, {"org_not_found", "org", "ไม่พบหน่วยงานนี้ในรอบการยืนยันข้อมูล",
                                                 "No such organisation in the confirmation round"});
  for (auto p : needed)
    if (can(s, caller, p, node->code)) return f(AtNode{caller, std::get<int>(year), node});
  return forbidden(*needed.begin());
}

}  // namespace server::lec::files
