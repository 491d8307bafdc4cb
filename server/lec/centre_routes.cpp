// GET/PUT /api/v1/lec/{year}/institutions/{code}/centre: a child-development centre's
// basic data (seed 003, 5.3.2 (3)), confirmed together with its children.
#include "server/http/errors.hpp"
#include "server/http/json_request.hpp"
#include "server/lec/lec_routes.hpp"

namespace server::lec {

namespace {

using domain::Permission;
using http::Reply;
using http::RequestContext;
using http::Status;

// at_institution, and the institution must be a child-development centre (else 404).
template <class F>
Reply with_centre(const Services& s, const RequestContext& rq, Permission needed, F&& f) {
  return at_institution(s, rq, needed, [&](const AtInstitution& at) -> Reply {
    if (domain::institution_type_from_name(at.institution->name_th) != domain::InstitutionType::child_development_centre)
      return http::error_reply(Status::not_found, {"centre_not_found", "code", "ไม่พบศูนย์พัฒนาเด็กเล็กนี้ในรอบการยืนยันข้อมูล",
                                                   "No such child-development centre in the confirmation round"});
    return f(at.caller, at.year, *at.institution);
  });
}

Reply get_centre(const Services& s, const RequestContext& rq) {
  return with_centre(s, rq, Permission::view, [&](const Caller&, int year, const domain::OrgNode& node) {
    const auto profile = s->store.centre_profile(year, node.code);
    const auto counts = s->store.institution_counts(year);
    const auto it = counts.find(node.code);
    const auto children = it == counts.end() ? 0 : it->second.total();
    nlohmann::json out = {{"code", node.code},
                          {"name_th", node.name_th},
                          {"profile", profile ? nlohmann::json(*profile) : nlohmann::json()},
                          {"children", children},
                          {"max_children_per_carer", domain::kMaxChildrenPerCarer}};
    out["children_per_carer"] = profile ? nlohmann::json(domain::children_per_carer(*profile, children)) : nlohmann::json();
    return http::json_reply(Status::ok, out);
  });
}

Reply put_centre(const Services& s, const RequestContext& rq) {
  return with_centre(s, rq, Permission::children_edit, [&](const Caller& caller, int year, const domain::OrgNode& node) {
    auto body = http::json_body(rq);
    if (!body) return http::bad_request(body.error());
    auto profile = domain::parse_centre_profile(body.value());
    if (!profile) return http::bad_request(profile.error());
    auto r = s->store.set_centre_profile(year, node.code, profile.value(), caller.actor());
    if (auto* refusal = std::get_if<Refusal>(&r)) return refuse(*refusal);
    const auto& w = std::get<WriteResult>(r);
    send_notices(s, w.notices);
    s->audit(rq, caller.user_id, "lec.centre.edit", "institution:" + node.code, {{"year", year}});
    return http::json_reply(Status::ok, {{"profile", profile.value()}, {"voided", voided_json(w.voided)}});
  });
}

}  // namespace

void add_centre_routes(http::Router& router, const Services& s) {
  const std::string path = "/api/v1/lec/{year}/institutions/{code}/centre";
  router.add(http::Verb::get, path, http::permission("view", http::Scope::path, "code"), [s](const RequestContext& rq) { return get_centre(s, rq); });
  router.add(http::Verb::put, path, http::permission("children.edit", http::Scope::path, "code"), [s](const RequestContext& rq) { return put_centre(s, rq); });
}

}  // namespace server::lec
