#pragma once
// What every KPI handler needs: the caller with their permissions, and the common replies.
// Shared by kpi_routes.cpp and kpi_file_routes.cpp only.
#include <optional>
#include <variant>

#include "server/http/path_params.hpp"
#include "server/http/errors.hpp"
#include "server/kpi/kpi_routes.hpp"
#include "shared/kpi/kpi_messages.hpp"

namespace server::kpi::detail {

using domain::Permission;
using http::Reply;
using http::RequestContext;
using http::Status;
using Services = std::shared_ptr<KpiServices>;

using http::forbidden;
using http::refuse;

inline Reply kpi_not_found() {
  return http::error_reply(Status::not_found, domain::kpi_not_found_error());
}

using http::id_param;

class Call {
 public:
  Call(const Services& s, const Caller& c) : s_(s), c_(c) {}
  const Caller& caller() const { return c_; }
  Actor actor() const { return c_.actor(); }
  const domain::OrgTree& orgs() const { return s_->orgs(); }

  bool can(Permission p, std::string_view org) const { return domain::allowed(c_.grants, p, org, orgs()); }
  // Records a read of people's reports or files in the audit log.
  void read(const RequestContext& rq, std::string action, std::string target, std::string org,
            nlohmann::json detail = nlohmann::json::object()) const {
    if (s_->audit) s_->audit(rq, c_.user_id, std::move(action), std::move(target), std::move(detail), std::move(org));
  }
  // The same for a view the screen polls: KpiServices::audit_repeated.
  void read_repeated(const RequestContext& rq, std::string action, std::string target, std::string org,
                     nlohmann::json detail) const {
    const auto& audit = s_->audit_repeated ? s_->audit_repeated : s_->audit;
    if (audit) audit(rq, c_.user_id, std::move(action), std::move(target), std::move(detail), std::move(org));
  }
  // A KPI is visible to whoever may see its office, and to units inside the office.
  bool sees(const StoredKpi& k) const {
    if (can(Permission::view, k.office_code)) return true;
    for (const auto& g : c_.grants)
      if (orgs().is_within(g.org_code, k.office_code)) return true;
    return false;
  }
  // The KPI the path's `id` names if the caller sees it (else 404); with `needs`, only where
  // the caller holds that permission over its office (else 403).
  std::variant<StoredKpi, Reply> kpi(const RequestContext& rq, std::optional<Permission> needs = std::nullopt) const {
    const auto id = id_param(rq);
    return visible(id ? s_->store.find(*id) : std::nullopt, needs);
  }
  // The same judgement of a KPI already read.
  std::variant<StoredKpi, Reply> visible(std::optional<StoredKpi> k, std::optional<Permission> needs = std::nullopt) const {
    if (!k) return kpi_not_found();
    if (auto no = refusal(*k, needs)) return std::move(*no);
    return std::move(*k);
  }
  // Why the caller may not have this KPI (404 unseen; 403 without `needs`), or nothing.
  std::optional<Reply> refusal(const StoredKpi& k, std::optional<Permission> needs = std::nullopt) const {
    if (!sees(k)) return kpi_not_found();
    if (needs && !can(*needs, k.office_code)) return forbidden(*needs);
    return std::nullopt;
  }
  bool reads_unit(std::string_view unit) const {
    return can(Permission::view, unit) || can(Permission::report_submit, unit) || can(Permission::report_review, unit) ||
           can(Permission::kpi_manage, unit);
  }
  // The full overview (every unit's line) goes to the office's staff; a unit sees its own.
  bool sees_all_units(const StoredKpi& k) const {
    return can(Permission::view, k.office_code) || can(Permission::kpi_manage, k.office_code) ||
           can(Permission::report_review, k.office_code);
  }

 private:
  const Services& s_;
  const Caller& c_;
};

// Runs `f(call)` for a signed-in caller; otherwise the Guard's reply.
template <class F>
inline Reply signed_in(const Services& s, const RequestContext& rq, F&& f) {
  auto who = s->identify(rq);
  if (auto* reply = std::get_if<Reply>(&who)) return std::move(*reply);
  const Call call(s, std::get<Caller>(who));
  return f(call);
}

}  // namespace server::kpi::detail
